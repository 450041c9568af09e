import PhalanxPrimitives

// The SCALE types of Phala's pink chain extension (`pink-types`, ../shared/reference/phala.md §a), bit-exact.

/// A `(String, String)` header pair (Rust tuples have no Swift protocol conformance, so a named pair).
public struct HeaderPair: ScaleCodable, Hashable, Sendable {
    /// The header name.
    public var name: String
    /// The header value.
    public var value: String

    /// A header `name: value`.
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }

    public func encode(to encoder: inout ScaleEncoder) { encoder.encodeAll(name, value) }
    public init(from decoder: inout ScaleDecoder) throws { (name, value) = try decoder.decodeAll(String.self, String.self) }
    public static var scaleMinimumEncodedSize: Int { 2 }
}

/// `pink::chain_extension::HttpRequest`.
public struct HttpRequest: ScaleCodable, Hashable, Sendable {
    /// Absolute http(s) URL.
    public var url: String
    /// Method name (`GET`, `POST`, …).
    public var method: String
    /// Request headers in order.
    public var headers: [HeaderPair]
    /// Request body.
    public var body: [UInt8]

    /// A request.
    public init(url: String, method: String = "GET", headers: [HeaderPair] = [], body: [UInt8] = []) {
        self.url = url
        self.method = method
        self.headers = headers
        self.body = body
    }

    public func encode(to encoder: inout ScaleEncoder) { encoder.encodeAll(url, method, headers, body) }
    public init(from decoder: inout ScaleDecoder) throws {
        (url, method, headers, body) = try decoder.decodeAll(String.self, String.self, [HeaderPair].self, [UInt8].self)
    }
    public static var scaleMinimumEncodedSize: Int { 4 }
}

/// `pink::chain_extension::HttpResponse`.
public struct HttpResponse: ScaleCodable, Hashable, Sendable {
    /// HTTP status code (523/524 for Phala's synthetic network-failure responses).
    public var statusCode: UInt16
    /// Reason phrase.
    public var reasonPhrase: String
    /// Response headers in order.
    public var headers: [HeaderPair]
    /// Response body (≤ ``PinkLimits/maxBodySize``).
    public var body: [UInt8]

    /// A response.
    public init(statusCode: UInt16, reasonPhrase: String, headers: [HeaderPair] = [], body: [UInt8] = []) {
        self.statusCode = statusCode
        self.reasonPhrase = reasonPhrase
        self.headers = headers
        self.body = body
    }

    /// Phala's response for a request that never reached a server (523 "Unreachable", the error in the body).
    public static func unreachable(_ detail: String) -> HttpResponse {
        HttpResponse(statusCode: 523, reasonPhrase: "Unreachable", body: Array(detail.utf8))
    }

    /// Phala's response for a v1.1 I/O error in `http_request` (524 "IO Error", the error's name in the body).
    public static func ioError(_ error: HttpRequestError) -> HttpResponse {
        HttpResponse(statusCode: 524, reasonPhrase: "IO Error", body: Array(error.name.utf8))
    }

    /// Phala's answer to `http_request` in transaction mode.
    public static let notSupportedInTransaction = HttpResponse(
        statusCode: 523, reasonPhrase: "API Unavailable", body: Array("HTTP request is not supported in transaction".utf8))

    public func encode(to encoder: inout ScaleEncoder) { encoder.encodeAll(statusCode, reasonPhrase, headers, body) }
    public init(from decoder: inout ScaleDecoder) throws {
        (statusCode, reasonPhrase, headers, body) = try decoder.decodeAll(
            UInt16.self, String.self, [HeaderPair].self, [UInt8].self)
    }
    public static var scaleMinimumEncodedSize: Int { 5 }
}

/// `pink::chain_extension::HttpRequestError`; its status code for `handle_status` functions is discriminant + 1.
public enum HttpRequestError: UInt8, ScaleCodable, Hashable, Sendable, Error, CaseIterable {
    case invalidUrl = 0, invalidMethod, invalidHeaderName, invalidHeaderValue, failedToCreateClient, timeout
    case notAllowed, tooManyRequests, networkError, responseTooLarge, tooManyHeaders

    /// The Rust variant name (what Phala prints with `{:?}`).
    public var name: String {
        switch self {
        case .invalidUrl: "InvalidUrl"
        case .invalidMethod: "InvalidMethod"
        case .invalidHeaderName: "InvalidHeaderName"
        case .invalidHeaderValue: "InvalidHeaderValue"
        case .failedToCreateClient: "FailedToCreateClient"
        case .timeout: "Timeout"
        case .notAllowed: "NotAllowed"
        case .tooManyRequests: "TooManyRequests"
        case .networkError: "NetworkError"
        case .responseTooLarge: "ResponseTooLarge"
        case .tooManyHeaders: "TooManyHeaders"
        }
    }

    /// The status `call_chain_extension` returns for this error (`CodableError::encode`).
    public var statusCode: UInt32 { UInt32(rawValue) + 1 }

    /// Whether `http_request` (function 1) traps on this error rather than answering 524: the v1.0 errors.
    public var trapsInSingleRequest: Bool { rawValue <= HttpRequestError.timeout.rawValue }

    public func encode(to encoder: inout ScaleEncoder) { encoder.encodeVariant(index: rawValue) }
    public init(from decoder: inout ScaleDecoder) throws {
        let index = try decoder.readVariantIndex()
        guard let value = HttpRequestError(rawValue: index) else {
            throw ScaleError.invalidVariantIndex(type: "HttpRequestError", index: index)
        }
        self = value
    }
    public static var scaleMinimumEncodedSize: Int { 1 }
}

/// `pink::chain_extension::SigType`.
public enum SigType: UInt8, ScaleCodable, Hashable, Sendable {
    case ed25519 = 0, sr25519 = 1, ecdsa = 2

    public func encode(to encoder: inout ScaleEncoder) { encoder.encodeVariant(index: rawValue) }
    public init(from decoder: inout ScaleDecoder) throws {
        let index = try decoder.readVariantIndex()
        guard let value = SigType(rawValue: index) else { throw ScaleError.invalidVariantIndex(type: "SigType", index: index) }
        self = value
    }
    public static var scaleMinimumEncodedSize: Int { 1 }
}

/// `pink::chain_extension::JsCode`: source text or bytecode.
public enum JsCode: ScaleCodable, Hashable, Sendable {
    case source(String)
    case bytecode([UInt8])

    public func encode(to encoder: inout ScaleEncoder) {
        switch self {
        case .source(let text): encoder.encodeVariant(index: 0); encoder.encode(text)
        case .bytecode(let bytes): encoder.encodeVariant(index: 1); encoder.encode(bytes)
        }
    }
    public init(from decoder: inout ScaleDecoder) throws {
        switch try decoder.readVariantIndex() {
        case 0: self = .source(try decoder.decode())
        case 1: self = .bytecode(try decoder.decode())
        case let index: throw ScaleError.invalidVariantIndex(type: "JsCode", index: index)
        }
    }
    public static var scaleMinimumEncodedSize: Int { 2 }
}

/// `pink::chain_extension::JsValue` (only the variants the host produces are constructed here).
public enum JsValue: ScaleEncodable, Hashable, Sendable {
    case undefined, null
    case string(String)
    case bytes([UInt8])
    case other(String)
    case exception(String)

    public func encode(to encoder: inout ScaleEncoder) {
        switch self {
        case .undefined: encoder.encodeVariant(index: 0)
        case .null: encoder.encodeVariant(index: 1)
        case .string(let text): encoder.encodeVariant(index: 2); encoder.encode(text)
        case .bytes(let bytes): encoder.encodeVariant(index: 3); encoder.encode(bytes)
        case .other(let text): encoder.encodeVariant(index: 4); encoder.encode(text)
        case .exception(let text): encoder.encodeVariant(index: 5); encoder.encode(text)
        }
    }
}

/// `pink::types::sgx::SgxQuote`: the attestation type (0 Epid, 1 Dcap) and the quote.
public struct SgxQuote: ScaleEncodable, Hashable, Sendable {
    /// 0 = EPID (IAS), 1 = DCAP.
    public var attestationType: UInt8
    /// The raw quote.
    public var quote: [UInt8]

    /// A quote of `attestationType`.
    public init(attestationType: UInt8, quote: [UInt8]) {
        self.attestationType = attestationType
        self.quote = quote
    }

    public func encode(to encoder: inout ScaleEncoder) {
        encoder.encodeVariant(index: attestationType)
        encoder.encode(quote)
    }
}

/// Log levels of function 10 (`log`): 1 Error … 5 Trace; anything else is Error, as Phala.
public enum PinkLogLevel: UInt8, Hashable, Sendable, Comparable, CaseIterable {
    case error = 1, warn, info, debug, trace

    /// Phala's mapping of the raw byte.
    public init(raw: UInt8) { self = PinkLogLevel(rawValue: raw) ?? .error }

    /// Upper-case name, as logs print it.
    public var name: String {
        switch self {
        case .error: "ERROR"
        case .warn: "WARN"
        case .info: "INFO"
        case .debug: "DEBUG"
        case .trace: "TRACE"
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A cache write made in transaction mode: deferred, applied by the host after the transaction commits
/// (Phala's private `PinkEvent::CacheOp`).
public enum PinkCacheOperation: Hashable, Sendable {
    case set(key: [UInt8], value: [UInt8])
    case setExpiration(key: [UInt8], expiration: UInt64)
    case remove(key: [UInt8])
}

/// Phala's limits for the pink extension.
public enum PinkLimits {
    /// Largest response body (`MAX_BODY_SIZE`).
    public static let maxBodySize = 2 << 20
    /// Most response headers (`MAX_ALLOWED_HEADERS`).
    public static let maxHeaders = 256
    /// Most requests in one `batch_http_request`.
    public static let maxBatchRequests = 5
    /// Grace added to a batch's timeout before the whole batch fails with `Timeout`.
    public static let batchGraceMilliseconds: UInt64 = 200
    /// Default cache time-to-live (7 days).
    public static let defaultCacheTTLSeconds: UInt64 = 604_800
    /// Longest `getrandom` answer.
    public static let maxRandomLength = 255
    /// The libpink version `runtime_version` reports.
    public static let runtimeVersion: (major: UInt32, minor: UInt32) = (1, 2)
}
