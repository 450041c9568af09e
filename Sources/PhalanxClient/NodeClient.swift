import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import PhalanxPrimitives
import PhalanxRuntime

/// Errors of the node client, each one sentence.
public struct ClientError: Error, CustomStringConvertible {
    /// The sentence.
    public let description: String
    /// A client error.
    public init(_ description: String) { self.description = description }
}

/// A typed JSON-RPC client for a Phalanx node (HTTP): raw calls, storage reads with SCALE decoding,
/// and signing + submitting extrinsics of the runtime's calls, waiting for inclusion.
public struct NodeClient: Sendable {
    /// The node's HTTP JSON-RPC endpoint.
    public let url: URL
    /// The signing key.
    public let signer: KeyPair

    /// A client for `url` (http://…; ws:// is accepted and mapped to http://) signing with `suri`.
    public init(url text: String, suri: String) throws {
        let normalized = text.replacingOccurrences(of: "ws://", with: "http://").replacingOccurrences(of: "wss://", with: "https://")
        guard let url = URL(string: normalized) else { throw ClientError("'\(text)' is not a URL.") }
        self.url = url
        signer = try KeyPair(uri: suri)
    }

    /// Calls `method` with `params`; throws the node's error message.
    public func call(_ method: String, _ params: [Any]) async throws -> Any? {
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = try JSONSerialization.data(withJSONObject: ["jsonrpc": "2.0", "id": 1, "method": method, "params": params])
        let data: Data
        do {
            (data, _) = try await URLSession.shared.data(for: request)
        } catch {
            throw ClientError("The node at \(url) cannot be reached: \(error.localizedDescription).")
        }
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else { throw ClientError("The node sent a malformed response.") }
        if let error = object["error"] as? [String: Any] {
            let detail = (error["data"] as? String).map { ": \($0)" } ?? ""
            throw ClientError("\(method) failed (\(error["code"] ?? "?")): \(error["message"] ?? "")\(detail).")
        }
        return object["result"]
    }

    /// The value at `key` in the best state, decoded as `T`.
    public func storage<T: ScaleDecodable>(_ key: [UInt8], as type: T.Type) async throws -> T? {
        guard let hex = try await call("state_getStorage", [key.prefixedHex]) as? String else { return nil }
        guard let bytes = [UInt8](hex: hex) else { throw ClientError("The node sent a malformed storage value.") }
        return try T.decode(scale: bytes, limits: .unlimited)
    }

    /// Every (key, value) under `prefix` in the best state, in key order (paged `state_getKeysPaged`).
    public func entries(prefix: [UInt8]) async throws -> [(key: [UInt8], value: [UInt8])] {
        var result: [(key: [UInt8], value: [UInt8])] = []
        var start: String? = nil
        while true {
            let params: [Any] = [prefix.prefixedHex, 256] + (start.map { [$0] } ?? [])
            guard let keys = try await call("state_getKeysPaged", params) as? [String] else { throw ClientError("The node sent malformed keys.") }
            for key in keys {
                guard let bytes = [UInt8](hex: key), let text = try await call("state_getStorage", [key]) as? String,
                    let value = [UInt8](hex: text)
                else { continue }
                result.append((bytes, value))
            }
            if keys.count < 256 { return result }
            start = keys.last
        }
    }

    /// Signs and submits `call` with the signer's next nonce, waits until it is in a block, and
    /// returns the extrinsic hash.
    @discardableResult
    public func submit(_ palletCall: some PalletCall) async throws -> String {
        let (hash, nonce) = try await submitWithoutWaiting(palletCall)
        let accountKey = System.account.storageKey(signer.accountId)
        for _ in 0..<600 {
            if let info = try await storage(accountKey, as: AccountInfo.self), Int(info.nonce) > nonce { return hash }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw ClientError("Extrinsic \(hash) was not included within 60 s.")
    }

    /// Signs `call` with the signer's next nonce (counting its transactions in the pool) and submits it;
    /// returns the extrinsic hash and the nonce used, without waiting for inclusion.
    public func submitWithoutWaiting(_ palletCall: some PalletCall) async throws -> (hash: String, nonce: Int) {
        let runtime = PhalanxRuntime.definition
        guard let nonce = try await call("system_accountNextIndex", [signer.accountId.ss58()]) as? Int,
            let genesisHex = try await call("chain_getBlockHash", [0]) as? String, let genesis = H256(hex: genesisHex),
            let version = try await call("state_getRuntimeVersion", []) as? [String: Any],
            let specVersion = version["specVersion"] as? Int, let transactionVersion = version["transactionVersion"] as? Int
        else { throw ClientError("The node did not return a nonce, genesis hash and runtime version.") }
        let context = SigningContext(
            specVersion: UInt32(specVersion), transactionVersion: UInt32(transactionVersion), genesisHash: genesis, eraBlockHash: genesis)
        let extrinsic = UncheckedExtrinsic(
            call: RuntimeCall(palletCall, in: runtime), signer: signer, extra: SignedExtra(nonce: UInt32(nonce)), context: context)
        let hash = try await call("author_submitExtrinsic", [extrinsic.encoded.prefixedHex]) as? String ?? ""
        return (hash, nonce)
    }

    /// Prints `object` as sorted, pretty JSON on standard output.
    public static func printJSON(_ object: Any) throws {
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted, .fragmentsAllowed])
        print(String(decoding: data, as: UTF8.self))
    }
}
