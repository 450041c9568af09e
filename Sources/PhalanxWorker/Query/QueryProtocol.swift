import Foundation
import PhalanxContracts
import PhalanxPrimitives
import PhalanxRuntime

/// The encrypted query channel between a client and a worker (README "Worker query API"; ARCHITECTURE §5).
///
/// Request (`POST /query`, JSON): `contract` (0x-hex id), `envelope` (0x-hex SCALE `Envelope` sealed to the
/// worker's ECDH key with purpose `phalanx/query` and the contract id as target), `signer` (the caller's sr25519
/// public key) and `signature` (sr25519 by the caller over the envelope bytes) — the contract sees the signer as
/// its caller. The sealed plaintext is Phala's `ContractQuery{head{id, nonce[32]}, data: Query::InkMessage{payload,
/// deposit, transfer, estimating}}`.
///
/// Response (JSON): `envelope` (sealed to the request's ephemeral key, purpose `phalanx/query-response`, the
/// nonce as target), `blockNumber` (the state queried), `worker` (its public key) and `signature` by the worker
/// identity over `0xff ‖ 0x01 ‖ SCALE((envelope bytes, blockNumber))` (Phala's RpcResponse domain), so a client can
/// check the answer came from a registered worker. The sealed plaintext is `nonce ‖ SCALE(Result<Response::Payload(
/// SCALE(ContractExecResult)), QueryError>)`.
public enum QueryProtocol {
    /// `QueryError` (Phala's indices).
    public enum QueryError: UInt8, Error, Sendable, CustomStringConvertible {
        case badOrigin = 0, runtimeError = 1, sidevmNotFound = 2, noResponse = 3, serviceUnavailable = 4, timeout = 5

        public var description: String {
            switch self {
            case .badOrigin: "BadOrigin"
            case .runtimeError: "RuntimeError"
            case .sidevmNotFound: "SidevmNotFound"
            case .noResponse: "NoResponse: the worker does not host this contract"
            case .serviceUnavailable: "ServiceUnavailable"
            case .timeout: "Timeout"
            }
        }
    }

    /// The plaintext of a query: `ContractQuery{head{id, nonce}, data: Query::InkMessage{…}}`.
    public struct InkQuery: Sendable, ScaleCodable {
        /// The contract.
        public var contract: H256
        /// 32 random bytes; a worker refuses a nonce it has seen.
        public var nonce: [UInt8]
        /// selector ‖ SCALE arguments.
        public var payload: [UInt8]
        /// Deposit (unused by queries).
        public var deposit: UInt128
        /// Value transferred.
        public var transfer: UInt128
        /// Whether this is a gas estimation.
        public var estimating: Bool

        /// A query for `payload` with a fresh random nonce.
        public init(contract: H256, payload: [UInt8], transfer: UInt128 = 0, nonce: [UInt8] = SystemRandom.bytes(32)) {
            self.contract = contract
            self.nonce = nonce
            self.payload = payload
            deposit = 0
            self.transfer = transfer
            estimating = false
        }

        public func encode(to encoder: inout ScaleEncoder) {
            encoder.encode(contract)
            encoder.append(nonce)
            encoder.encodeVariant(index: 0)
            encoder.encode(payload)
            encoder.encode(deposit)
            encoder.encode(transfer)
            encoder.encode(estimating)
        }

        public init(from decoder: inout ScaleDecoder) throws {
            contract = try decoder.decode()
            nonce = try decoder.readBytes(32)
            let index = try decoder.readVariantIndex()
            guard index == 0 else { throw ScaleError.invalidVariantIndex(type: "Query", index: index) }
            payload = try decoder.decodeBoundedBytes(max: 1 << 20)
            deposit = try decoder.decode()
            transfer = try decoder.decode()
            estimating = try decoder.decode()
        }
    }

    /// The bytes a worker signs over a response.
    public static func responseSigningBytes(envelope: [UInt8], blockNumber: UInt32) -> [UInt8] {
        [0xff, 0x01] + envelope.scaleEncoded + blockNumber.scaleEncoded
    }

    /// The response plaintext: `nonce ‖ SCALE(Result<Response::Payload(Vec<u8>), QueryError>)`.
    static func responsePlaintext(nonce: [UInt8], result: Result<[UInt8], QueryError>) -> [UInt8] {
        var encoder = ScaleEncoder()
        encoder.append(nonce)
        switch result {
        case .success(let payload):
            encoder.encodeVariant(index: 0)
            encoder.encodeVariant(index: 0)
            encoder.encode(payload)
        case .failure(let error):
            encoder.encodeVariant(index: 1)
            encoder.encodeVariant(index: error.rawValue)
            if error == .runtimeError { encoder.encode("") }
        }
        return encoder.bytes
    }

    /// A query sealed and signed by `caller`, ready to send; keep `ephemeralSeed` to open the response.
    public struct PreparedQuery: Sendable {
        /// The request body.
        public var body: [String: String]
        /// The query (for its nonce).
        public var query: InkQuery
        /// The seed of the ephemeral key the response is sealed to.
        public var ephemeralSeed: [UInt8]
    }

    /// Seals `query` to `workerKey` and signs it by `caller`.
    public static func prepare(_ query: InkQuery, workerKey: [UInt8], caller: KeyPair) throws -> PreparedQuery {
        let seed = SystemRandom.bytes(32)
        let envelope = try Envelope.seal(
            query.scaleEncoded, to: workerKey, purpose: WorkerMessage.Purpose.query, target: query.contract.bytes, ephemeralSeed: seed)
        let bytes = envelope.scaleEncoded
        let body = [
            "contract": query.contract.description, "envelope": bytes.prefixedHex, "signer": caller.publicKey.prefixedHex,
            "signature": caller.sign(bytes).prefixedHex,
        ]
        return PreparedQuery(body: body, query: query, ephemeralSeed: seed)
    }

    /// Checks the worker's signature (against `workerKey`, which the caller looked up on chain), opens the response
    /// and returns the `ContractExecResult` bytes, or the query error.
    public static func openResponse(_ json: [String: Any], prepared: PreparedQuery, workerKey: [UInt8]) throws -> Result<[UInt8], QueryError> {
        guard let envelopeHex = json["envelope"] as? String, let envelopeBytes = [UInt8](hex: envelopeHex),
            let blockNumber = json["blockNumber"] as? Int, let signatureHex = json["signature"] as? String,
            let signature = [UInt8](hex: signatureHex)
        else { throw QueryFailure("The worker's response is not a query response.") }
        guard Sr25519.verify(
            signature: signature, message: responseSigningBytes(envelope: envelopeBytes, blockNumber: UInt32(clamping: blockNumber)),
            publicKey: workerKey)
        else { throw QueryFailure("The response is not signed by the worker registered on chain.") }
        let envelope = try Envelope.decode(scale: envelopeBytes)
        let plain = try envelope.open(
            with: Sr25519.KeyPair(miniSecret: prepared.ephemeralSeed), purpose: WorkerMessage.Purpose.queryResponse,
            target: prepared.query.nonce)
        var decoder = ScaleDecoder(plain)
        guard try decoder.readBytes(32) == prepared.query.nonce else { throw QueryFailure("The response answers another query.") }
        switch try decoder.readVariantIndex() {
        case 0:
            _ = try decoder.readVariantIndex()
            return .success(try decoder.decode([UInt8].self))
        default:
            let index = try decoder.readVariantIndex()
            return .failure(QueryError(rawValue: index) ?? .runtimeError)
        }
    }
}

/// A query that could not be made or answered, in one sentence.
public struct QueryFailure: Error, CustomStringConvertible {
    /// The sentence.
    public let description: String
    /// A failure.
    public init(_ description: String) { self.description = description }
}

/// The parts of a SCALE `ContractExecResult` a client shows: gas, debug output and the flags + data or the error.
public struct ContractExecOutcome: Sendable {
    /// ref_time consumed.
    public var gasConsumed: UInt64
    /// The debug buffer.
    public var debugMessage: String
    /// Return flags and data, or the dispatch error's name.
    public var result: Result<(flags: UInt32, data: [UInt8]), QueryFailure>

    /// Decodes a `ContractExecResult`.
    public init(scale bytes: [UInt8]) throws {
        var decoder = ScaleDecoder(bytes)
        gasConsumed = try decoder.decodeCompact(UInt64.self)
        _ = try decoder.decodeCompact(UInt64.self)
        _ = try decoder.decodeCompact(UInt64.self)
        _ = try decoder.decodeCompact(UInt64.self)
        _ = try decoder.readVariantIndex()
        _ = try decoder.decode(UInt128.self)
        debugMessage = String(decoding: try decoder.decode([UInt8].self), as: UTF8.self)
        switch try decoder.readVariantIndex() {
        case 0:
            let flags: UInt32 = try decoder.decode()
            result = .success((flags, try decoder.decode([UInt8].self)))
        default:
            let error = try PhalanxContracts.DispatchError(from: &decoder)
            result = .failure(QueryFailure("\(error)"))
        }
    }
}
