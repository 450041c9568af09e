/// A JSON-RPC error object: `{"code":…, "message":…, "data":…}`, with Substrate's codes.
public struct RPCError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The numeric code (JSON-RPC reserved codes are negative; Substrate's author codes are 1001…1014).
    public var code: Int
    /// A one-sentence message.
    public var message: String
    /// Optional extra detail, such as the reason a transaction is invalid.
    public var data: JSONValue?

    /// An error with `code`, `message` and optional `data`.
    public init(code: Int, message: String, data: JSONValue? = nil) {
        self.code = code
        self.message = message
        self.data = data
    }

    /// The error as a JSON object.
    public var json: JSONValue {
        var object: [String: JSONValue] = ["code": JSONValue(code), "message": .string(message)]
        if let data { object["data"] = data }
        return .object(object)
    }

    /// Code and message, for logs.
    public var description: String { "RPC error \(code): \(message)" }
}

extension RPCError {
    /// Well-known numeric codes.
    public enum Code {
        /// Invalid JSON was received.
        public static let parseError = -32700
        /// The JSON is not a valid request object.
        public static let invalidRequest = -32600
        /// The method does not exist or is not available on this transport.
        public static let methodNotFound = -32601
        /// Invalid method parameters.
        public static let invalidParams = -32602
        /// Internal JSON-RPC error.
        public static let internalError = -32603
        /// The request is larger than the server accepts (jsonrpsee's code).
        public static let oversizedRequest = -32007
        /// The response would be larger than the server sends (jsonrpsee's code).
        public static let oversizedResponse = -32008
        /// The connection already holds the maximum number of subscriptions (jsonrpsee's code).
        public static let tooManySubscriptions = -32006
        /// Substrate author: the extrinsic could not be decoded.
        public static let badFormat = 1001
        /// Substrate author: verification failed (for example a bad signature during decoding).
        public static let verificationError = 1002
        /// Substrate author: the transaction is invalid.
        public static let invalidTransaction = 1010
        /// Substrate author: the transaction validity could not be determined.
        public static let unknownTransaction = 1011
        /// Substrate author: the transaction is temporarily banned.
        public static let temporarilyBanned = 1012
        /// Substrate author: the transaction is already in the pool.
        public static let alreadyImported = 1013
        /// Substrate author: the transaction's priority is too low to replace another.
        public static let priorityTooLow = 1014
    }

    /// -32700: the text is not JSON.
    public static let parseError = RPCError(code: Code.parseError, message: "Parse error")
    /// -32600: the JSON is not a valid request; `reason` goes into `data`.
    public static func invalidRequest(_ reason: String? = nil) -> RPCError {
        RPCError(code: Code.invalidRequest, message: "Invalid request", data: reason.map { .string($0) })
    }
    /// -32601: no method called `name`.
    public static func methodNotFound(_ name: String) -> RPCError {
        RPCError(code: Code.methodNotFound, message: "Method not found", data: .string(name))
    }
    /// -32602: the params do not match; `reason` is one sentence naming the parameter.
    public static func invalidParams(_ reason: String) -> RPCError {
        RPCError(code: Code.invalidParams, message: "Invalid params", data: .string(reason))
    }
    /// -32603: the server failed; details stay in the server log.
    public static let internalError = RPCError(code: Code.internalError, message: "Internal error")
    /// -32007: the request exceeded `limit` bytes.
    public static func oversizedRequest(limit: Int) -> RPCError {
        RPCError(
            code: Code.oversizedRequest, message: "Request is too big",
            data: .string("Exceeded max limit of \(limit)"))
    }
    /// -32008: the response exceeded `limit` bytes.
    public static func oversizedResponse(limit: Int) -> RPCError {
        RPCError(
            code: Code.oversizedResponse, message: "Response is too big",
            data: .string("Exceeded max limit of \(limit)"))
    }
    /// -32006: the connection already has `limit` live subscriptions.
    public static func tooManySubscriptions(limit: Int) -> RPCError {
        RPCError(
            code: Code.tooManySubscriptions, message: "Too many subscriptions on the connection",
            data: .string("Exceeded max limit of \(limit)"))
    }
    /// 1010 with the reason as data, as Substrate reports a rejected transaction.
    public static func invalidTransaction(_ reason: String) -> RPCError {
        RPCError(code: Code.invalidTransaction, message: "Invalid Transaction", data: .string(reason))
    }
}

/// A domain error that knows its JSON-RPC form; handlers may throw these directly.
public protocol RPCErrorConvertible: Error {
    /// The JSON-RPC error to answer with.
    var rpcError: RPCError { get }
}

extension RPCError: RPCErrorConvertible {
    /// Itself.
    public var rpcError: RPCError { self }
}
