// The Phala "pink" chain extension (extension id 0) as typed Swift calls. Each function calls
// `seal0.call_chain_extension(id, input, output)` with id = the function id, input = SCALE of the
// argument tuple in declaration order, and decodes the output as pink's `PinkExt` trait declares it
// (phala-blockchain `crates/pink/pink/src/chain_extension.rs`). Functions 6 and 22 use the status
// code (handle_status = true): 0 means the output holds the Ok value, anything else is the error's code.
// Byte arguments are `&[u8]` on the Rust side (compact length + bytes); fixed-size arrays (hashes,
// accounts, ECDSA keys and signatures) are raw bytes with no length. The host traps the contract on a
// malformed argument, and a malformed output traps here too, as ink! panics on one.

/// The pink chain-extension function ids (`#[ink(extension = N)]`; extension id 0 in the high 16 bits).
public enum PinkFunction: UInt32 {
    case httpRequest = 1, sign, verify, deriveSr25519Key, getPublicKey, cacheSet, cacheSetExpiration, cacheGet,
        cacheRemove, log, getRandom, isInTransaction, ecdsaSignPrehashed, ecdsaVerifyPrehashed, systemContractId,
        balanceOf, workerPubkey, untrustedMillisSinceUnixEpoch, codeExists, importLatestSystemCode, runtimeVersion,
        batchHttpRequest, currentEventChainHead, jsEval, workerSgxQuote
}

/// Signature schemes for `sign`, `verify` and `getPublicKey` (`pink::chain_extension::SigType`).
public enum SigType: UInt8, ScaleValue {
    case ed25519 = 0, sr25519 = 1, ecdsa = 2

    public func write(to writer: inout ScaleWriter) { writer.writeByte(rawValue) }
    public static func read(from reader: inout ScaleReader) -> SigType? { reader.readByte().flatMap(SigType.init(rawValue:)) }
}

/// An HTTP request (`pink::chain_extension::HttpRequest`).
public struct HttpRequest: ScaleValue {
    /// Absolute URL (`http://`, `https://`, or `sidevm://<hex address>` for a local SideVM).
    public var url: String
    /// Method name, e.g. "GET".
    public var method: String
    /// Header name/value pairs, in order.
    public var headers: [(String, String)]
    /// Request body.
    public var body: [UInt8]

    /// A request; headers and body default to empty.
    public init(url: String, method: String, headers: [(String, String)] = [], body: [UInt8] = []) {
        self.url = url
        self.method = method
        self.headers = headers
        self.body = body
    }

    public func write(to writer: inout ScaleWriter) {
        writer.writeString(url)
        writer.writeString(method)
        writer.writePairs(headers)
        writer.writeBytes(body)
    }

    public static func read(from reader: inout ScaleReader) -> HttpRequest? {
        guard let url = reader.readString(), let method = reader.readString(),
            let headers = reader.readPairs(String.self, String.self), let body = reader.readBytes()
        else { return nil }
        return HttpRequest(url: url, method: method, headers: headers, body: body)
    }
}

/// An HTTP response (`pink::chain_extension::HttpResponse`).
public struct HttpResponse: ScaleValue {
    /// Status code (pink reports 523 for an unreachable host or a request made in a transaction, 524 for I/O errors).
    public var statusCode: UInt16
    /// Reason phrase, e.g. "OK".
    public var reasonPhrase: String
    /// Header name/value pairs, in order.
    public var headers: [(String, String)]
    /// Response body.
    public var body: [UInt8]

    /// A response.
    public init(statusCode: UInt16, reasonPhrase: String, headers: [(String, String)] = [], body: [UInt8] = []) {
        self.statusCode = statusCode
        self.reasonPhrase = reasonPhrase
        self.headers = headers
        self.body = body
    }

    public func write(to writer: inout ScaleWriter) {
        statusCode.write(to: &writer)
        writer.writeString(reasonPhrase)
        writer.writePairs(headers)
        writer.writeBytes(body)
    }

    public static func read(from reader: inout ScaleReader) -> HttpResponse? {
        guard let statusCode = UInt16.read(from: &reader), let reasonPhrase = reader.readString(),
            let headers = reader.readPairs(String.self, String.self), let body = reader.readBytes()
        else { return nil }
        return HttpResponse(statusCode: statusCode, reasonPhrase: reasonPhrase, headers: headers, body: body)
    }
}

/// Why an HTTP request failed (`pink::chain_extension::HttpRequestError`); as a status code it is discriminant + 1.
public enum HttpRequestError: UInt8, Error, ScaleValue {
    case invalidUrl = 0, invalidMethod, invalidHeaderName, invalidHeaderValue, failedToCreateClient, timeout, notAllowed,
        tooManyRequests, networkError, responseTooLarge, tooManyHeaders

    /// The error a non-zero chain-extension status code stands for (code = discriminant + 1), or nil.
    public init?(statusCode: UInt32) {
        guard statusCode >= 1, statusCode <= 11, let error = HttpRequestError(rawValue: UInt8(statusCode - 1)) else { return nil }
        self = error
    }

    /// The chain-extension status code of this error (discriminant + 1).
    public var statusCode: UInt32 { UInt32(rawValue) + 1 }

    public func write(to writer: inout ScaleWriter) { writer.writeByte(rawValue) }
    public static func read(from reader: inout ScaleReader) -> HttpRequestError? {
        reader.readByte().flatMap(HttpRequestError.init(rawValue:))
    }
}

/// `cache_set` failed: the contract's share of the worker cache is full (status code 1).
public struct StorageQuotaExceeded: Error, ScaleValue, Equatable {
    /// The error.
    public init() {}
    public func write(to writer: inout ScaleWriter) {}
    public static func read(from reader: inout ScaleReader) -> StorageQuotaExceeded? { StorageQuotaExceeded() }
}

/// Log levels for `log` (anything else is logged as an error).
public enum LogLevel: UInt8 {
    case error = 1, warn, info, debug, trace
}

/// A script for `jsEval` (`pink_types::js::JsCode`).
public enum JsCode: ScaleValue {
    /// JavaScript source text (index 0).
    case source(String)
    /// QuickJS bytecode (index 1).
    case bytecode([UInt8])

    public func write(to writer: inout ScaleWriter) {
        switch self {
        case .source(let text):
            writer.writeByte(0)
            writer.writeString(text)
        case .bytecode(let code):
            writer.writeByte(1)
            writer.writeBytes(code)
        }
    }

    public static func read(from reader: inout ScaleReader) -> JsCode? {
        switch reader.readByte() {
        case 0: return reader.readString().map { .source($0) }
        case 1: return reader.readBytes().map { .bytecode($0) }
        default: return nil
        }
    }
}

/// The result of `jsEval` (`pink_types::js::JsValue`).
public enum JsValue: ScaleValue {
    /// `undefined` (0).
    case undefined
    /// `null` (1).
    case null
    /// A string (2).
    case string(String)
    /// A Uint8Array (3).
    case bytes([UInt8])
    /// Any other value, as text (4).
    case other(String)
    /// A thrown exception or an evaluation failure, e.g. "No js runtime" (5).
    case exception(String)

    public func write(to writer: inout ScaleWriter) {
        switch self {
        case .undefined: writer.writeByte(0)
        case .null: writer.writeByte(1)
        case .string(let text):
            writer.writeByte(2)
            writer.writeString(text)
        case .bytes(let bytes):
            writer.writeByte(3)
            writer.writeBytes(bytes)
        case .other(let text):
            writer.writeByte(4)
            writer.writeString(text)
        case .exception(let text):
            writer.writeByte(5)
            writer.writeString(text)
        }
    }

    public static func read(from reader: inout ScaleReader) -> JsValue? {
        switch reader.readByte() {
        case 0: return .undefined
        case 1: return .null
        case 2: return reader.readString().map { .string($0) }
        case 3: return reader.readBytes().map { .bytes($0) }
        case 4: return reader.readString().map { .other($0) }
        case 5: return reader.readString().map { .exception($0) }
        default: return nil
        }
    }
}

/// The kind of an SGX quote (`pink_types::sgx::AttestationType`).
public enum AttestationType: UInt8, ScaleValue {
    case epid = 0, dcap = 1

    public func write(to writer: inout ScaleWriter) { writer.writeByte(rawValue) }
    public static func read(from reader: inout ScaleReader) -> AttestationType? {
        reader.readByte().flatMap(AttestationType.init(rawValue:))
    }
}

/// The worker's SGX quote (`pink_types::sgx::SgxQuote`).
public struct SgxQuote: ScaleValue {
    /// EPID (IAS) or DCAP.
    public var attestationType: AttestationType
    /// The raw quote; its report data is the worker public key.
    public var quote: [UInt8]

    /// A quote.
    public init(attestationType: AttestationType, quote: [UInt8]) {
        self.attestationType = attestationType
        self.quote = quote
    }

    public func write(to writer: inout ScaleWriter) {
        attestationType.write(to: &writer)
        writer.writeBytes(quote)
    }

    public static func read(from reader: inout ScaleReader) -> SgxQuote? {
        guard let type = AttestationType.read(from: &reader), let quote = reader.readBytes() else { return nil }
        return SgxQuote(attestationType: type, quote: quote)
    }
}

/// The pink chain extension: HTTP, keys and signatures, the worker cache, logging, randomness and cluster queries.
/// Query-only functions (HTTP, sr25519 `sign`, `getRandom`, the cache reads, …) return pink's documented
/// placeholders in a transaction (see each function).
public enum Pink {
    /// Output buffer for functions whose output size varies (the size of ink!'s static buffer).
    public static let defaultCapacity = 16 * 1024
    /// Output buffer for HTTP responses (a larger response traps the contract, as in ink!).
    public static let defaultHttpCapacity = 128 * 1024

    // MARK: Raw access

    /// Calls function `function` of extension 0 with SCALE `input`; returns the status code and the output
    /// (at most `capacity` bytes, else the host traps the contract).
    public static func call(_ function: UInt32, input: [UInt8], capacity: Int) -> (status: UInt32, output: [UInt8]) {
        var status: UInt32 = 0
        // Uninitialized (the host writes it) and never zero-capacity, so the buffer always has an address.
        let output = [UInt8](unsafeUninitializedCapacity: max(capacity, 1)) { buffer, count in
            var length = UInt32(capacity)
            status = input.withUnsafeBytes { inputBytes in
                withUnsafeMutableBytes(of: &length) {
                    seal_call_chain_extension(
                        function & 0xFFFF, inputBytes.baseAddress, UInt32(inputBytes.count), buffer.baseAddress!,
                        $0.baseAddress!)
                }
            }
            count = min(Int(length), capacity)
        }
        return (status, output)
    }

    /// Calls `function` ignoring the status (handle_status = false) and decodes the output as `Output`; traps if it does not decode.
    static func invoke<Output: ScaleValue>(
        _ function: PinkFunction, _ input: ScaleWriter = ScaleWriter(), capacity: Int = defaultCapacity,
        as type: Output.Type = Output.self
    ) -> Output {
        decode(call(function.rawValue, input: input.bytes, capacity: capacity).output)
    }

    /// Calls a function that returns `()` (its output is empty).
    static func invokeUnit(_ function: PinkFunction, _ input: ScaleWriter) {
        _ = call(function.rawValue, input: input.bytes, capacity: 0)
    }

    static func decode<Output: ScaleValue>(_ output: [UInt8]) -> Output {
        var reader = ScaleReader(output)
        guard let value = Output.read(from: &reader) else { fatalError("pink: malformed chain extension output") }
        return value
    }

    static func fixed(_ bytes: [UInt8], _ count: Int) -> [UInt8] {
        precondition(bytes.count == count, "pink: wrong fixed-size argument length")
        return bytes
    }

    // MARK: 1–25

    /// 1 `http_request`: performs `request` (query only; a transaction gets a 523 response); transport failures trap.
    public static func httpRequest(_ request: HttpRequest, capacity: Int = defaultHttpCapacity) -> HttpResponse {
        var input = ScaleWriter()
        request.write(to: &input)
        return invoke(.httpRequest, input, capacity: capacity)
    }

    /// 2 `sign`: signs `message` with the secret `key` (sr25519 is query only; a transaction gets an empty signature).
    public static func sign(_ type: SigType, key: [UInt8], message: [UInt8]) -> [UInt8] {
        var input = ScaleWriter()
        type.write(to: &input)
        input.writeBytes(key)
        input.writeBytes(message)
        return invoke(.sign, input)
    }

    /// 3 `verify`: whether `signature` by `publicKey` over `message` is valid (malformed keys or signatures trap).
    public static func verify(_ type: SigType, publicKey: [UInt8], message: [UInt8], signature: [UInt8]) -> Bool {
        var input = ScaleWriter()
        type.write(to: &input)
        input.writeBytes(publicKey)
        input.writeBytes(message)
        input.writeBytes(signature)
        return invoke(.verify, input)
    }

    /// 4 `derive_sr25519_key`: the contract's deterministic 64-byte sr25519 secret for `salt`.
    public static func deriveSr25519Key(salt: [UInt8]) -> [UInt8] {
        var input = ScaleWriter()
        input.writeBytes(salt)
        return invoke(.deriveSr25519Key, input)
    }

    /// 5 `get_public_key`: the public key of secret `key` (32 bytes for ed25519/sr25519, 33 compressed for ecdsa).
    public static func getPublicKey(_ type: SigType, key: [UInt8]) -> [UInt8] {
        var input = ScaleWriter()
        type.write(to: &input)
        input.writeBytes(key)
        return invoke(.getPublicKey, input)
    }

    /// 6 `cache_set`: stores `value` under `key` in the worker-local cache (default TTL 7 days).
    public static func cacheSet(key: [UInt8], value: [UInt8]) -> Result<Void, StorageQuotaExceeded> {
        var input = ScaleWriter()
        input.writeBytes(key)
        input.writeBytes(value)
        let status = call(PinkFunction.cacheSet.rawValue, input: input.bytes, capacity: 0).status
        return status == 0 ? .success(()) : .failure(StorageQuotaExceeded())
    }

    /// 7 `cache_set_expiration`: expires the cache entry `key` in `expireSeconds` from now (0 removes it).
    public static func cacheSetExpiration(key: [UInt8], expireSeconds: UInt64) {
        var input = ScaleWriter()
        input.writeBytes(key)
        expireSeconds.write(to: &input)
        invokeUnit(.cacheSetExpiration, input)
    }

    /// 8 `cache_get`: the cached value under `key` (query only; always nil in a transaction).
    public static func cacheGet(key: [UInt8], capacity: Int = defaultCapacity) -> [UInt8]? {
        var input = ScaleWriter()
        input.writeBytes(key)
        return invoke(.cacheGet, input, capacity: capacity)
    }

    /// 9 `cache_remove`: removes `key` from the cache and returns the old value (nil in a transaction).
    public static func cacheRemove(key: [UInt8], capacity: Int = defaultCapacity) -> [UInt8]? {
        var input = ScaleWriter()
        input.writeBytes(key)
        return invoke(.cacheRemove, input, capacity: capacity)
    }

    /// 10 `log`: writes `message` to the worker log (and the cluster's log server) at `level`.
    public static func log(_ level: LogLevel, _ message: String) {
        var input = ScaleWriter()
        input.writeByte(level.rawValue)
        input.writeString(message)
        invokeUnit(.log, input)
    }

    /// 11 `getrandom`: `length` bytes from the worker's hardware RNG (query only; empty in a transaction).
    public static func getRandom(length: UInt8) -> [UInt8] {
        var input = ScaleWriter()
        input.writeByte(length)
        return invoke(.getRandom, input, capacity: Int(length) + 2)
    }

    /// 12 `is_in_transaction`: true in a transaction (or gas estimation), false in a query.
    public static func isInTransaction() -> Bool { invoke(.isInTransaction, capacity: 1) }

    /// 13 `ecdsa_sign_prehashed`: the 65-byte recoverable secp256k1 signature of the 32-byte `messageHash` with secret `key`.
    public static func ecdsaSignPrehashed(key: [UInt8], messageHash: [UInt8]) -> [UInt8] {
        var input = ScaleWriter()
        input.writeBytes(key)
        input.write(fixed(messageHash, 32))
        return fixedOutput(.ecdsaSignPrehashed, input, 65)
    }

    /// 14 `ecdsa_verify_prehashed`: whether the 65-byte `signature` of the 32-byte `messageHash` is by the 33-byte `publicKey`.
    public static func ecdsaVerifyPrehashed(signature: [UInt8], messageHash: [UInt8], publicKey: [UInt8]) -> Bool {
        var input = ScaleWriter()
        input.write(fixed(signature, 65))
        input.write(fixed(messageHash, 32))
        input.write(fixed(publicKey, 33))
        return invoke(.ecdsaVerifyPrehashed, input, capacity: 1)
    }

    /// 15 `system_contract_id`: the cluster's system contract (32-byte AccountId; traps if there is none).
    public static func systemContractId() -> [UInt8] { fixedOutput(.systemContractId, ScaleWriter(), 32) }

    /// 16 `balance_of`: the cluster-internal (total, free) balance of the 32-byte `account`.
    public static func balanceOf(_ account: [UInt8]) -> (total: UInt128, free: UInt128) {
        var input = ScaleWriter()
        input.write(fixed(account, 32))
        var reader = ScaleReader(call(PinkFunction.balanceOf.rawValue, input: input.bytes, capacity: 32).output)
        guard let total = reader.readUInt128(), let free = reader.readUInt128() else { fatalError("pink: malformed balance") }
        return (total, free)
    }

    /// 17 `worker_pubkey`: the 32-byte sr25519 identity key of the worker running this query (zeros in a transaction).
    public static func workerPubkey() -> [UInt8] { fixedOutput(.workerPubkey, ScaleWriter(), 32) }

    /// 18 `untrusted_millis_since_unix_epoch`: the worker's OS clock in milliseconds (0 in a transaction).
    public static func untrustedMillisSinceUnixEpoch() -> UInt64 { invoke(.untrustedMillisSinceUnixEpoch, capacity: 8) }

    /// 19 `code_exists`: whether the cluster stores ink! code (or, with `sidevm`, SideVM code) with the 32-byte `codeHash`.
    public static func codeExists(codeHash: [UInt8], sidevm: Bool) -> Bool {
        var input = ScaleWriter()
        input.write(fixed(codeHash, 32))
        sidevm.write(to: &input)
        return invoke(.codeExists, input, capacity: 1)
    }

    /// 20 `import_latest_system_code`: uploads the chain's latest system contract code, paid by `payer`; its hash (system contract only).
    public static func importLatestSystemCode(payer: [UInt8]) -> [UInt8]? {
        var input = ScaleWriter()
        input.write(fixed(payer, 32))
        var reader = ScaleReader(call(PinkFunction.importLatestSystemCode.rawValue, input: input.bytes, capacity: 33).output)
        switch reader.readByte() {
        case 0: return nil
        case 1: if let hash = reader.read(32) { return hash }
        default: break
        }
        fatalError("pink: malformed Option<Hash>")
    }

    /// 21 `runtime_version`: the cluster's contract runtime version (major, minor).
    public static func runtimeVersion() -> (major: UInt32, minor: UInt32) {
        var reader = ScaleReader(call(PinkFunction.runtimeVersion.rawValue, input: [], capacity: 8).output)
        guard let major = UInt32.read(from: &reader), let minor = UInt32.read(from: &reader) else {
            fatalError("pink: malformed version")
        }
        return (major, minor)
    }

    /// 22 `batch_http_request`: up to 5 requests run concurrently within `timeoutMs` (query only; `notAllowed` in a transaction).
    public static func batchHttpRequest(_ requests: [HttpRequest], timeoutMs: UInt64, capacity: Int = defaultHttpCapacity)
        -> Result<[Result<HttpResponse, HttpRequestError>], HttpRequestError>
    {
        var input = ScaleWriter()
        requests.write(to: &input)
        timeoutMs.write(to: &input)
        let (status, output) = call(PinkFunction.batchHttpRequest.rawValue, input: input.bytes, capacity: capacity)
        if status != 0 {
            guard let error = HttpRequestError(statusCode: status) else { fatalError("pink: unknown status code") }
            return .failure(error)
        }
        return .success(decode(output))
    }

    /// 23 `current_event_chain_head`: the next event block number and the last event block's 32-byte hash.
    public static func currentEventChainHead() -> (nextBlockNumber: UInt64, lastBlockHash: [UInt8]) {
        var reader = ScaleReader(call(PinkFunction.currentEventChainHead.rawValue, input: [], capacity: 40).output)
        guard let number = UInt64.read(from: &reader), let hash = reader.read(32) else {
            fatalError("pink: malformed event chain head")
        }
        return (number, hash)
    }

    /// 24 `js_eval`: runs `codes` in the cluster's JS runtime with `scriptArgs` = `args` (query only).
    public static func jsEval(_ codes: [JsCode], args: [String], capacity: Int = defaultHttpCapacity) -> JsValue {
        var input = ScaleWriter()
        codes.write(to: &input)
        args.write(to: &input)
        return invoke(.jsEval, input, capacity: capacity)
    }

    /// 25 `worker_sgx_quote`: the worker's SGX quote over its public key, or nil outside an enclave or in a transaction.
    public static func workerSgxQuote(capacity: Int = defaultCapacity) -> SgxQuote? {
        invoke(.workerSgxQuote, capacity: capacity)
    }

    static func fixedOutput(_ function: PinkFunction, _ input: ScaleWriter, _ count: Int) -> [UInt8] {
        let output = call(function.rawValue, input: input.bytes, capacity: count).output
        guard output.count == count else { fatalError("pink: malformed fixed-size output") }
        return output
    }

    // MARK: Conveniences (pink's macros and helpers)

    /// `http_get!`: GET `url`.
    public static func httpGet(_ url: String, headers: [(String, String)] = []) -> HttpResponse {
        httpRequest(HttpRequest(url: url, method: "GET", headers: headers))
    }

    /// `http_post!`: POST `body` to `url`.
    public static func httpPost(_ url: String, body: [UInt8], headers: [(String, String)] = []) -> HttpResponse {
        httpRequest(HttpRequest(url: url, method: "POST", headers: headers, body: body))
    }

    /// `http_put!`: PUT `body` to `url`.
    public static func httpPut(_ url: String, body: [UInt8], headers: [(String, String)] = []) -> HttpResponse {
        httpRequest(HttpRequest(url: url, method: "PUT", headers: headers, body: body))
    }

    /// `pink::vrf`: deterministic verifiable randomness, the sr25519 key derived from "vrf:" ‖ `salt`.
    public static func vrf(salt: [UInt8]) -> [UInt8] { deriveSr25519Key(salt: Array("vrf:".utf8) + salt) }

    /// Logs at error level.
    public static func error(_ message: String) { log(.error, message) }
    /// Logs at warn level.
    public static func warn(_ message: String) { log(.warn, message) }
    /// Logs at info level.
    public static func info(_ message: String) { log(.info, message) }
    /// Logs at debug level.
    public static func debug(_ message: String) { log(.debug, message) }
}
