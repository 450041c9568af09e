import Foundation
import PhalanxPrimitives

/// Signed requests a contract's deployer makes to a worker about that contract: reading its logs
/// (`POST /logs`) and setting its HTTP egress policy (`POST /egress-policy`).
///
/// Each request is JSON with hex fields `contract`, `signer`, `signature` and a `timestamp` (ms since the epoch,
/// within ``maxClockSkewMilliseconds`` of the worker's clock). The sr25519 signature covers
/// `domain ‖ contract(32) ‖ timestamp(u64 LE) ‖ body`, where `body` is `after` (u64 LE) for logs and the SCALE
/// encoding of the ``EgressPolicy`` for policies. Log responses are sealed to the signer's key (``Envelope``, purpose
/// ``logsPurpose``, target = contract id), so logs cross the network encrypted.
public enum ContractAdminProtocol {
    /// Domain of log requests.
    public static let logsDomain = Array("phalanx/contract-logs".utf8)
    /// Domain of egress-policy requests.
    public static let egressPolicyDomain = Array("phalanx/egress-policy".utf8)
    /// Envelope purpose of sealed log responses.
    public static let logsPurpose = "phalanx/contract-logs"
    /// Largest accepted difference between the request's timestamp and the worker's clock.
    public static let maxClockSkewMilliseconds: UInt64 = 300_000

    /// The bytes a request's signature covers.
    public static func signingBytes(domain: [UInt8], contract: H256, timestamp: UInt64, body: [UInt8]) -> [UInt8] {
        domain + contract.bytes + timestamp.scaleEncoded + body
    }

    /// A signed request body, ready to POST.
    public static func request(
        domain: [UInt8], contract: H256, signer: Sr25519.KeyPair, timestamp: UInt64, body: [UInt8], extra: [String: Any]
    ) -> [String: Any] {
        let signature = signer.sign(signingBytes(domain: domain, contract: contract, timestamp: timestamp, body: body))
        var object = extra
        object["contract"] = contract.description
        object["signer"] = signer.publicKey.prefixedHex
        object["timestamp"] = timestamp
        object["signature"] = signature.prefixedHex
        return object
    }
}
