import PhalanxPrimitives

/// Phala's pink chain extension (extension id 0): functions 1–25 with Phala's SCALE encodings, status codes and
/// query/transaction behaviour (../shared/reference/phala.md §a), so contracts built against `pink-extension` run
/// unmodified.
///
/// Pure functions (signatures, key derivation, cluster state) are computed here; I/O goes to a ``PinkHost``.
/// Transaction mode is deterministic: no HTTP, randomness, clock or worker identity, and cache writes are deferred
/// until the transaction commits (``runTransaction(_:committed:)``). An `Err` of a function without `handle_status`
/// traps the contract, as Phala's `DispatchError` does.
///
/// Single-threaded, like the ``ContractCluster`` it is registered with.
public final class PinkExtension: ChainExtension {
    /// The function ids (`#[ink(extension = N)]`).
    public enum Function: UInt16, CaseIterable, Sendable {
        case httpRequest = 1, sign, verify, deriveSr25519Key, getPublicKey, cacheSet, cacheSetExpiration, cacheGet
        case cacheRemove, log, getRandom, isInTransaction, ecdsaSignPrehashed, ecdsaVerifyPrehashed, systemContractId
        case balanceOf, workerPubkey, untrustedMillisSinceUnixEpoch, codeExists, importLatestSystemCode, runtimeVersion
        case batchHttpRequest, currentEventChainHead, jsEval, workerSgxQuote
    }

    /// Why a pink call trapped the contract (Phala's `DispatchError::Other` messages).
    public struct Trap: Error, Hashable, Sendable, CustomStringConvertible {
        /// The message.
        public var description: String
    }

    /// Weights charged on top of the engine's per-call base (ref_time, picoseconds).
    public enum Weights {
        /// A signature, verification or key derivation.
        public static let crypto: UInt64 = 100_000_000
        /// One HTTP request (the network time itself is bounded by the query deadline, not by gas).
        public static let httpRequest: UInt64 = 1_000_000_000
        /// Per byte moved through the cache, logs or HTTP bodies.
        public static let perByte: UInt64 = 1_000
    }

    private let host: PinkHost
    private let clusterKey: Sr25519.KeyPair
    /// Default query deadline for HTTP calls (Phala: 10 s).
    public var queryTimeout: Duration
    private var queryDeadline: ContinuousClock.Instant?
    private var deferred: [(contract: AccountId32, operation: PinkCacheOperation)] = []

    /// The extension of a cluster whose key is `clusterKey` (the root of `derive_sr25519_key`), doing I/O through `host`.
    public init(host: PinkHost, clusterKey: Sr25519.KeyPair, queryTimeout: Duration = .seconds(10)) {
        self.host = host
        self.clusterKey = clusterKey
        self.queryTimeout = queryTimeout
    }

    /// Runs one query: HTTP calls made by `body` share a deadline `timeout` (default ``queryTimeout``) from now.
    public func runQuery<T>(timeout: Duration? = nil, _ body: () throws -> T) rethrows -> T {
        queryDeadline = .now + (timeout ?? queryTimeout)
        defer { queryDeadline = nil }
        return try body()
    }

    /// Runs one transaction; the cache writes it deferred are applied when `committed(result)` holds, else dropped.
    public func runTransaction<T>(_ body: () throws -> T, committed: (T) -> Bool) rethrows -> T {
        deferred = []
        let result = try body()
        let operations = deferred
        deferred = []
        if committed(result) {
            for entry in operations { host.apply(entry.operation, contract: entry.contract) }
        }
        return result
    }

    // MARK: - Dispatch

    public func call(
        functionId: UInt16, input: [UInt8], context: ChainExtensionContext, chargeGas: (UInt64) throws -> Void
    ) throws -> ChainExtensionOutcome {
        guard let function = Function(rawValue: functionId) else {
            throw Trap(description: "UnknownChainExtensionFunction")
        }
        let query = context.isQuery
        let contract = context.contract
        switch function {
        case .httpRequest:
            try chargeGas(Weights.httpRequest + Weights.perByte * UInt64(input.count))
            let request = try arguments(input, HttpRequest.self)
            guard query else { return .ok(HttpResponse.notSupportedInTransaction) }
            let response = try singleRequest(request, contract: contract)
            try chargeGas(Weights.perByte * UInt64(response.body.count))
            return .ok(response)
        case .batchHttpRequest:
            let (requests, timeoutMs) = try arguments(input, [HttpRequest].self, UInt64.self)
            try chargeGas(Weights.httpRequest * UInt64(max(requests.count, 1)) + Weights.perByte * UInt64(input.count))
            guard query else { return .status(HttpRequestError.notAllowed.statusCode) }
            switch batch(requests, timeoutMs: timeoutMs, contract: contract) {
            case .success(let results):
                try chargeGas(Weights.perByte * UInt64(results.reduce(0) { $0 + ((try? $1.get())?.body.count ?? 0) }))
                return .ok(results)
            case .failure(let error):
                return .status(error.statusCode)
            }
        case .sign:
            try chargeGas(Weights.crypto)
            let (type, key, message) = try arguments(input, SigType.self, [UInt8].self, [UInt8].self)
            if type == .sr25519 && !query { return .ok([UInt8]()) }  // sr25519 signatures are randomized
            return .ok(try Self.sign(type, key: key, message: message))
        case .verify:
            try chargeGas(Weights.crypto)
            let (type, publicKey, message, signature) = try arguments(
                input, SigType.self, [UInt8].self, [UInt8].self, [UInt8].self)
            return .ok(try Self.verify(type, publicKey: publicKey, message: message, signature: signature))
        case .deriveSr25519Key:
            try chargeGas(Weights.crypto)
            let salt = try arguments(input, [UInt8].self)
            return .ok(deriveSr25519Key(contract: contract, salt: salt))
        case .getPublicKey:
            try chargeGas(Weights.crypto)
            let (type, key) = try arguments(input, SigType.self, [UInt8].self)
            return .ok(try Self.publicKey(type, key: key))
        case .cacheSet:
            let (key, value) = try arguments(input, [UInt8].self, [UInt8].self)
            try chargeGas(Weights.perByte * UInt64(key.count + value.count))
            guard query else {
                deferred.append((contract, .set(key: key, value: value)))
                return .ok(ScaleUnit())
            }
            return host.cacheSet(contract: contract, key: key, value: value) ? .ok(ScaleUnit()) : .status(1)
        case .cacheSetExpiration:
            let (key, seconds) = try arguments(input, [UInt8].self, UInt64.self)
            try chargeGas(Weights.perByte * UInt64(key.count))
            if query {
                host.cacheSetExpiration(contract: contract, key: key, seconds: seconds)
            } else {
                deferred.append((contract, .setExpiration(key: key, expiration: seconds)))
            }
            return .ok(ScaleUnit())
        case .cacheGet:
            let key = try arguments(input, [UInt8].self)
            try chargeGas(Weights.perByte * UInt64(key.count))
            guard query else { return .ok([UInt8]?.none) }
            let value = host.cacheGet(contract: contract, key: key)
            try chargeGas(Weights.perByte * UInt64(value?.count ?? 0))
            return .ok(value)
        case .cacheRemove:
            let key = try arguments(input, [UInt8].self)
            try chargeGas(Weights.perByte * UInt64(key.count))
            guard query else {
                deferred.append((contract, .remove(key: key)))
                return .ok([UInt8]?.none)
            }
            return .ok(host.cacheRemove(contract: contract, key: key))
        case .log:
            let (level, message) = try arguments(input, UInt8.self, String.self)
            try chargeGas(Weights.perByte * UInt64(message.utf8.count))
            host.log(contract: contract, level: PinkLogLevel(raw: level), message: message)
            return .ok(ScaleUnit())
        case .getRandom:
            let length = try arguments(input, UInt8.self)
            guard query else { return .ok([UInt8]()) }
            return .ok(host.randomBytes(Int(length)))
        case .isInTransaction:
            try arguments(input)
            return .ok(!query)
        case .ecdsaSignPrehashed:
            try chargeGas(Weights.crypto)
            var decoder = ScaleDecoder(input)
            let key = try decoder.decode([UInt8].self)
            let digest = try decoder.decodeFixed(UInt8.self, count: 32)
            try decoder.finish()
            guard key.count == Ecdsa.secretKeyLength, let pair = try? Ecdsa.KeyPair(seed: key) else {
                throw Trap(description: "Invalid key")
            }
            return .raw(pair.signPrehashed(digest))
        case .ecdsaVerifyPrehashed:
            try chargeGas(Weights.crypto)
            var decoder = ScaleDecoder(input)
            let signature = try decoder.decodeFixed(UInt8.self, count: 65)
            let digest = try decoder.decodeFixed(UInt8.self, count: 32)
            let publicKey = try decoder.decodeFixed(UInt8.self, count: 33)
            try decoder.finish()
            return .ok(Ecdsa.verifyPrehashed(signature: signature, digest: digest, publicKey: publicKey))
        case .systemContractId:
            try arguments(input)
            throw Trap(description: "SystemContractMissing")
        case .balanceOf:
            var decoder = ScaleDecoder(input)
            let account = try decoder.decodeFixed(UInt8.self, count: 32)
            try decoder.finish()
            let free = context.state.balance(AccountId32(bytes: account)!)
            var encoder = ScaleEncoder()
            encoder.encodeAll(free, free)  // (total, free): a cluster account holds no reserved balance
            return .raw(encoder.bytes)
        case .workerPubkey:
            try arguments(input)
            return .raw(query ? host.workerPublicKey : [UInt8](repeating: 0, count: 32))
        case .untrustedMillisSinceUnixEpoch:
            try arguments(input)
            return .ok(query ? host.unixMilliseconds() : UInt64(0))
        case .codeExists:
            var decoder = ScaleDecoder(input)
            let hash = try decoder.decodeFixed(UInt8.self, count: 32)
            let sidevm = try decoder.decode(Bool.self)
            try decoder.finish()
            // No SideVM code is ever stored in a Phalanx cluster.
            return .ok(!sidevm && context.state.codeExists(H256(unchecked: hash)))
        case .importLatestSystemCode:
            // Only the system contract may call it, and a Phalanx cluster has none.
            throw Trap(description: "BadOrigin")
        case .runtimeVersion:
            try arguments(input)
            var encoder = ScaleEncoder()
            encoder.encodeAll(PinkLimits.runtimeVersion.major, PinkLimits.runtimeVersion.minor)
            return .raw(encoder.bytes)
        case .currentEventChainHead:
            try arguments(input)
            // Phalanx clusters emit no pink event blocks: the chain is empty (next block 0, zero hash).
            return .raw(UInt64(0).scaleEncoded + [UInt8](repeating: 0, count: 32))
        case .jsEval:
            _ = try arguments(input, [JsCode].self, [String].self)
            return .ok(JsValue.exception(query ? "No js runtime" : "Js evaluation is not supported in transaction"))
        case .workerSgxQuote:
            try arguments(input)
            return .ok(query ? host.sgxQuote : nil)
        }
    }

    // MARK: - Functions

    /// `KDF(cluster key, [contract, salt, "keygen"])` as the 64-byte sr25519 secret (scalar ‖ nonce).
    public func deriveSr25519Key(contract: AccountId32, salt: [UInt8]) -> [UInt8] {
        PhalaKDF.derive(clusterKey, info: [contract.bytes, salt, Array("keygen".utf8)]).secret.bytes
    }

    /// `Pair::from_seed_slice(key).sign(message)`: sr25519 takes a 32-byte mini secret or a 64-byte secret,
    /// ed25519 and ECDSA a 32-byte seed (ECDSA signs blake2_256(message)). An unusable key traps.
    public static func sign(_ type: SigType, key: [UInt8], message: [UInt8]) throws -> [UInt8] {
        switch type {
        case .sr25519: try sr25519Pair(key).sign(message)
        case .ed25519: try ed25519Pair(key).sign(message)
        case .ecdsa: try ecdsaPair(key).sign(message)
        }
    }

    /// The raw public key of `key`: 32 bytes for sr25519/ed25519, 33 (compressed) for ECDSA.
    public static func publicKey(_ type: SigType, key: [UInt8]) throws -> [UInt8] {
        switch type {
        case .sr25519: try sr25519Pair(key).publicKey
        case .ed25519: try ed25519Pair(key).publicKey
        case .ecdsa: try ecdsaPair(key).publicKey
        }
    }

    /// `Pair::verify`; a signature or public key of the wrong length traps, a wrong one is `false`.
    public static func verify(_ type: SigType, publicKey: [UInt8], message: [UInt8], signature: [UInt8]) throws -> Bool {
        let lengths: (signature: Int, publicKey: Int) =
            switch type {
            case .sr25519, .ed25519: (64, 32)
            case .ecdsa: (Ecdsa.signatureLength, Ecdsa.publicKeyLength)
            }
        guard signature.count == lengths.signature else { throw Trap(description: "Invalid signature") }
        guard publicKey.count == lengths.publicKey else { throw Trap(description: "Invalid public key") }
        return switch type {
        case .sr25519: Sr25519.verify(signature: signature, message: message, publicKey: publicKey)
        case .ed25519: Ed25519.verify(signature: signature, message: message, publicKey: publicKey)
        case .ecdsa: Ecdsa.verify(signature: signature, message: message, publicKey: publicKey)
        }
    }

    private static func sr25519Pair(_ key: [UInt8]) throws -> Sr25519.KeyPair {
        switch key.count {
        case 32: return Sr25519.KeyPair(miniSecret: key)
        case 64:
            guard let secret = try? Sr25519.SecretKey(bytes: key) else { throw Trap(description: "Invalid key") }
            return Sr25519.KeyPair(secret: secret)
        default: throw Trap(description: "Invalid key")
        }
    }

    private static func ed25519Pair(_ key: [UInt8]) throws -> Ed25519.KeyPair {
        guard let pair = try? Ed25519.KeyPair(seed: key) else { throw Trap(description: "Invalid key") }
        return pair
    }

    private static func ecdsaPair(_ key: [UInt8]) throws -> Ecdsa.KeyPair {
        guard let pair = try? Ecdsa.KeyPair(seed: key) else { throw Trap(description: "Invalid key") }
        return pair
    }

    /// Time left before the query deadline.
    private var remaining: Duration {
        let deadline = queryDeadline ?? (.now + queryTimeout)
        let left = deadline - .now
        return left > .zero ? left : .zero
    }

    /// Function 1: v1.0 errors trap, v1.1 errors become a 524 response.
    private func singleRequest(_ request: HttpRequest, contract: AccountId32) throws -> HttpResponse {
        let timeout = remaining
        guard timeout > .zero else { throw Trap(description: HttpRequestError.timeout.name) }
        let result = host.http([request], timeout: timeout, contract: contract).flatMap { results in
            results.first ?? .failure(.networkError)
        }
        switch result {
        case .success(let response): return response
        case .failure(let error) where error.trapsInSingleRequest: throw Trap(description: error.name)
        case .failure(let error): return .ioError(error)
        }
    }

    /// Function 22: at most five requests, each within min(timeout, remaining query time).
    private func batch(_ requests: [HttpRequest], timeoutMs: UInt64, contract: AccountId32)
        -> Result<[Result<HttpResponse, HttpRequestError>], HttpRequestError>
    {
        guard requests.count <= PinkLimits.maxBatchRequests else { return .failure(.tooManyRequests) }
        let timeout = min(.milliseconds(Int64(clamping: timeoutMs)), remaining)
        guard timeout > .zero else { return .failure(.timeout) }
        guard !requests.isEmpty else { return .success([]) }
        return host.http(requests, timeout: timeout, contract: contract)
    }

    // MARK: - Encoding

    /// Decodes the whole input as the argument tuple; malformed input traps (Phala's `read_as_unbounded` error).
    private func arguments<each T: ScaleDecodable>(_ input: [UInt8], _ types: repeat (each T).Type) throws -> (repeat each T) {
        var decoder = ScaleDecoder(input)
        do {
            let values = try decoder.decodeAll(repeat (each T).self)
            try decoder.finish()
            return values
        } catch {
            throw Trap(description: "DecodingFailed")
        }
    }
}

extension ChainExtensionOutcome {
    /// Status 0 and the SCALE encoding of `value`.
    static func ok(_ value: some ScaleEncodable) -> Self { .converging(status: 0, output: value.scaleEncoded) }
    /// Status 0 and bytes already encoded (fixed arrays and tuples).
    static func raw(_ bytes: [UInt8]) -> Self { .converging(status: 0, output: bytes) }
    /// A `handle_status` error: the status code and no output.
    static func status(_ code: UInt32) -> Self { .converging(status: code, output: []) }
}
