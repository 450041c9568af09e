import PhalanxPrimitives

/// The `params` of a request: positional (`[…]`, with `null` or absent meaning `[]`) or named (`{…}`).
///
/// Every accessor takes the position and, for named params, the name; a mismatch throws a
/// -32602 ``RPCError`` with one sentence naming the parameter and what was expected.
public struct RPCParams: Sendable, Hashable {
    /// The params as sent: `.array`, `.object` or `.null`.
    public let raw: JSONValue

    /// Wraps raw params; anything but an array, object or null is rejected as an invalid request.
    public init(_ raw: JSONValue) { self.raw = raw }

    /// Positional params.
    public init(_ values: [JSONValue]) { self.raw = .array(values) }

    /// Number of positional params (named params count their members).
    public var count: Int {
        switch raw {
        case .array(let a): a.count
        case .object(let o): o.count
        default: 0
        }
    }

    /// The value at `index` (or member `name` for named params); `nil` when absent.
    public func value(_ index: Int, _ name: String? = nil) -> JSONValue? {
        switch raw {
        case .array(let a): index < a.count ? a[index] : nil
        case .object(let o): name.flatMap { o[$0] }
        default: nil
        }
    }

    /// Throws -32602 if more than `count` positional params were sent.
    public func expect(atMost count: Int) throws(RPCError) {
        if case .array(let a) = raw, a.count > count {
            throw .invalidParams("Expected at most \(count) parameter\(count == 1 ? "" : "s"), got \(a.count).")
        }
    }

    func label(_ index: Int, _ name: String?) -> String {
        name.map { "Parameter \(index) (\($0))" } ?? "Parameter \(index)"
    }

    func missing(_ index: Int, _ name: String?, _ what: String) -> RPCError {
        .invalidParams("\(label(index, name)) is required and must be \(what).")
    }

    func mismatch(_ index: Int, _ name: String?, _ what: String, _ got: JSONValue) -> RPCError {
        .invalidParams("\(label(index, name)) must be \(what), got \(got.typeName).")
    }

    /// A required parameter of any JSON type (null counts as missing).
    public func required(_ index: Int, _ name: String? = nil) throws(RPCError) -> JSONValue {
        guard let v = value(index, name), !v.isNull else { throw missing(index, name, "present") }
        return v
    }

    /// A required string.
    public func string(_ index: Int, _ name: String? = nil) throws(RPCError) -> String {
        guard let v = try optionalString(index, name) else { throw missing(index, name, "a string") }
        return v
    }

    /// An optional string; absent or null give `nil`.
    public func optionalString(_ index: Int, _ name: String? = nil) throws(RPCError) -> String? {
        guard let v = value(index, name), !v.isNull else { return nil }
        guard case .string(let s) = v else { throw mismatch(index, name, "a string", v) }
        return s
    }

    /// Required hex bytes (`0x` prefix optional, as the async client omits it for `state_call` data).
    public func bytes(_ index: Int, _ name: String? = nil) throws(RPCError) -> [UInt8] {
        guard let v = try optionalBytes(index, name) else { throw missing(index, name, "a hex string") }
        return v
    }

    /// Optional hex bytes; absent or null give `nil`.
    public func optionalBytes(_ index: Int, _ name: String? = nil) throws(RPCError) -> [UInt8]? {
        guard let v = value(index, name), !v.isNull else { return nil }
        guard case .string(let s) = v else { throw mismatch(index, name, "a hex string", v) }
        guard let bytes = [UInt8](hex: s) else {
            throw .invalidParams("\(label(index, name)) must be a hex string of whole bytes, got \"\(s.prefix(20))\".")
        }
        return bytes
    }

    /// Required hex bytes of exactly `length` bytes (a 32-byte block hash, for example).
    public func bytes(_ index: Int, _ name: String? = nil, length: Int) throws(RPCError) -> [UInt8] {
        let v = try bytes(index, name)
        guard v.count == length else {
            throw .invalidParams("\(label(index, name)) must be \(length) bytes of hex, got \(v.count).")
        }
        return v
    }

    /// Optional hex bytes of exactly `length` bytes.
    public func optionalBytes(_ index: Int, _ name: String? = nil, length: Int) throws(RPCError) -> [UInt8]? {
        guard let v = try optionalBytes(index, name) else { return nil }
        guard v.count == length else {
            throw .invalidParams("\(label(index, name)) must be \(length) bytes of hex, got \(v.count).")
        }
        return v
    }

    /// A required integer of type `T` (also accepts a decimal or `0x` hex string, as Substrate does for block numbers).
    public func integer<T: FixedWidthInteger & Sendable>(_ index: Int, _ name: String? = nil, as type: T.Type = T.self)
        throws(RPCError) -> T
    {
        guard let v = try optionalInteger(index, name, as: T.self) else {
            throw missing(index, name, "an integer")
        }
        return v
    }

    /// An optional integer of type `T`; absent or null give `nil`.
    public func optionalInteger<T: FixedWidthInteger & Sendable>(
        _ index: Int, _ name: String? = nil, as type: T.Type = T.self
    ) throws(RPCError) -> T? {
        guard let v = value(index, name), !v.isNull else { return nil }
        let result: T?
        switch v {
        case .int(let i): result = T(exactly: i)
        case .uint(let u): result = T(exactly: u)
        case .double(let d): result = d.isFinite && d == d.rounded() ? T(exactly: d) : nil
        case .string(let s):
            if s.hasPrefix("0x") || s.hasPrefix("0X") {
                result = T(s.dropFirst(2), radix: 16)
            } else {
                result = T(s, radix: 10)
            }
        default: throw mismatch(index, name, "an integer", v)
        }
        guard let result else {
            throw .invalidParams("\(label(index, name)) must be an integer between \(T.min) and \(T.max).")
        }
        return result
    }

    /// A required boolean.
    public func bool(_ index: Int, _ name: String? = nil) throws(RPCError) -> Bool {
        guard let v = try optionalBool(index, name) else { throw missing(index, name, "a boolean") }
        return v
    }

    /// An optional boolean; absent or null give `nil`.
    public func optionalBool(_ index: Int, _ name: String? = nil) throws(RPCError) -> Bool? {
        guard let v = value(index, name), !v.isNull else { return nil }
        guard case .bool(let b) = v else { throw mismatch(index, name, "a boolean", v) }
        return b
    }

    /// A required array.
    public func array(_ index: Int, _ name: String? = nil) throws(RPCError) -> [JSONValue] {
        guard let v = value(index, name), !v.isNull else { throw missing(index, name, "an array") }
        guard case .array(let a) = v else { throw mismatch(index, name, "an array", v) }
        return a
    }

    /// A required parameter decoded as `T` through `Codable`.
    public func decode<T: Decodable>(_ index: Int, _ name: String? = nil, as type: T.Type = T.self) throws(RPCError) -> T {
        let v = try required(index, name)
        do {
            return try v.decode(T.self)
        } catch {
            throw .invalidParams("\(label(index, name)) does not have the expected shape of \(T.self).")
        }
    }
}
