/// A value with a SCALE encoding, in the subset contracts need.
public protocol ScaleValue {
    /// Appends the encoding.
    func write(to writer: inout ScaleWriter)
    /// Reads a value, or nil on malformed input.
    static func read(from reader: inout ScaleReader) -> Self?
    /// Appends `Vec<Self>` (compact length, then each element); bytes override it to copy in bulk.
    static func writeSequence(_ elements: [Self], to writer: inout ScaleWriter)
    /// Reads `count` elements of a `Vec<Self>` whose length was already read; bytes override it.
    static func readSequence(count: Int, from reader: inout ScaleReader) -> [Self]?
}

extension ScaleValue {
    public static func writeSequence(_ elements: [Self], to writer: inout ScaleWriter) {
        writer.writeCompact(UInt32(elements.count))
        for element in elements { element.write(to: &writer) }
    }

    public static func readSequence(count: Int, from reader: inout ScaleReader) -> [Self]? {
        // Every element takes at least one byte on the wire (no zero-sized types here), which bounds `count`.
        guard count <= reader.remaining else { return nil }
        var elements: [Self] = []
        elements.reserveCapacity(count)
        for _ in 0..<count {
            guard let element = Self.read(from: &reader) else { return nil }
            elements.append(element)
        }
        return elements
    }
}

/// Builds SCALE bytes.
public struct ScaleWriter {
    /// The bytes so far.
    public private(set) var bytes: [UInt8] = []

    /// An empty writer.
    public init() {}

    /// Appends raw bytes (fixed-size arrays such as `[u8; 32]` are written this way: no length).
    public mutating func write(_ raw: [UInt8]) { bytes.append(contentsOf: raw) }

    /// Appends one raw byte (an enum discriminant, a `u8`).
    public mutating func writeByte(_ byte: UInt8) { bytes.append(byte) }

    /// Appends a compact-encoded integer (all four modes).
    public mutating func writeCompact(_ value: UInt32) {
        if value < 64 {
            bytes.append(UInt8(value << 2))
        } else if value < 16_384 {
            let encoded = UInt16(value << 2) | 1
            bytes.append(UInt8(truncatingIfNeeded: encoded))
            bytes.append(UInt8(truncatingIfNeeded: encoded >> 8))
        } else if value < 1 << 30 {
            let encoded = (value << 2) | 2
            for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: encoded >> UInt32(shift))) }
        } else {
            bytes.append(3)  // big-integer mode: (4 - 4) << 2 | 0b11, then 4 bytes
            for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
        }
    }

    /// Appends `Vec<u8>` / `&[u8]`: compact length, then the bytes.
    public mutating func writeBytes(_ raw: [UInt8]) {
        writeCompact(UInt32(raw.count))
        bytes.append(contentsOf: raw)
    }

    /// Appends `String` / `&str`: compact length, then the UTF-8 bytes.
    public mutating func writeString(_ text: String) { writeBytes(Array(text.utf8)) }

    /// Appends any SCALE value.
    public mutating func write<Value: ScaleValue>(value: Value) { value.write(to: &self) }

    /// Appends `Vec<(A, B)>` (e.g. HTTP headers, `Vec<(String, String)>`).
    public mutating func writePairs<A: ScaleValue, B: ScaleValue>(_ pairs: [(A, B)]) {
        writeCompact(UInt32(pairs.count))
        for (first, second) in pairs {
            first.write(to: &self)
            second.write(to: &self)
        }
    }
}

/// Reads SCALE bytes; every read returns nil past the end.
public struct ScaleReader {
    private let bytes: [UInt8]
    private var position = 0

    /// A reader over `bytes`.
    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Whether everything was read.
    public var isAtEnd: Bool { position == bytes.count }

    /// How many bytes are left.
    public var remaining: Int { bytes.count - position }

    /// The next `count` bytes.
    public mutating func read(_ count: Int) -> [UInt8]? {
        guard count >= 0, bytes.count - position >= count else { return nil }
        defer { position += count }
        return Array(bytes[position..<(position + count)])
    }

    /// One raw byte.
    public mutating func readByte() -> UInt8? {
        guard position < bytes.count else { return nil }
        defer { position += 1 }
        return bytes[position]
    }

    /// A little-endian unsigned integer of `count` bytes (at most 16).
    public mutating func readLittleEndian(_ count: Int) -> UInt128? {
        guard count <= 16, bytes.count - position >= count else { return nil }
        var value: UInt128 = 0
        for index in 0..<count { value |= UInt128(bytes[position + index]) << UInt128(8 * index) }
        position += count
        return value
    }

    /// A little-endian u128.
    public mutating func readUInt128() -> UInt128? { readLittleEndian(16) }

    /// A compact-encoded integer that fits in 32 bits (lengths, compact u32); nil if larger or malformed.
    public mutating func readCompact() -> UInt32? {
        guard let first = readByte() else { return nil }
        switch first & 3 {
        case 0: return UInt32(first >> 2)
        case 1:
            guard let second = readByte() else { return nil }
            let value = (UInt32(second) << 6) | UInt32(first >> 2)
            return value >= 64 ? value : nil
        case 2:
            guard let rest = readLittleEndian(3) else { return nil }
            let value = (UInt32(truncatingIfNeeded: rest) << 6) | UInt32(first >> 2)
            return value >= 16_384 ? value : nil
        default:
            guard first >> 2 == 0, let value = readLittleEndian(4) else { return nil }  // only 4-byte big integers fit
            return value >= 1 << 30 ? UInt32(truncatingIfNeeded: value) : nil
        }
    }

    /// A `Vec<u8>`: compact length, then the bytes.
    public mutating func readBytes() -> [UInt8]? {
        guard let count = readCompact() else { return nil }
        return read(Int(count))
    }

    /// A `String`: compact length, then UTF-8 (invalid sequences are replaced, not rejected).
    public mutating func readString() -> String? {
        guard let raw = readBytes() else { return nil }
        return String(decoding: raw, as: UTF8.self)
    }

    /// Any SCALE value.
    public mutating func read<Value: ScaleValue>(_ type: Value.Type) -> Value? { Value.read(from: &self) }

    /// A `Vec<(A, B)>` (e.g. HTTP headers).
    public mutating func readPairs<A: ScaleValue, B: ScaleValue>(_ first: A.Type, _ second: B.Type) -> [(A, B)]? {
        guard let count = readCompact(), Int(count) <= remaining else { return nil }
        var pairs: [(A, B)] = []
        for _ in 0..<count {
            guard let a = A.read(from: &self), let b = B.read(from: &self) else { return nil }
            pairs.append((a, b))
        }
        return pairs
    }
}

extension Bool: ScaleValue {
    public func write(to writer: inout ScaleWriter) { writer.write([self ? 1 : 0]) }
    public static func read(from reader: inout ScaleReader) -> Bool? {
        guard let byte = reader.read(1)?.first, byte <= 1 else { return nil }
        return byte == 1
    }
}

extension UInt8: ScaleValue {
    public func write(to writer: inout ScaleWriter) { writer.writeByte(self) }
    public static func read(from reader: inout ScaleReader) -> UInt8? { reader.readByte() }
    /// `Vec<u8>` in one copy.
    public static func writeSequence(_ elements: [UInt8], to writer: inout ScaleWriter) { writer.writeBytes(elements) }
    /// `Vec<u8>` in one copy.
    public static func readSequence(count: Int, from reader: inout ScaleReader) -> [UInt8]? { reader.read(count) }
}

extension UInt16: ScaleValue {
    public func write(to writer: inout ScaleWriter) {
        writer.write([UInt8(truncatingIfNeeded: self), UInt8(truncatingIfNeeded: self >> 8)])
    }
    public static func read(from reader: inout ScaleReader) -> UInt16? { reader.readLittleEndian(2).map { UInt16(truncatingIfNeeded: $0) } }
}

extension UInt32: ScaleValue {
    public func write(to writer: inout ScaleWriter) {
        writer.write((0..<4).map { UInt8(truncatingIfNeeded: self >> UInt32(8 * $0)) })
    }
    public static func read(from reader: inout ScaleReader) -> UInt32? { reader.readLittleEndian(4).map { UInt32(truncatingIfNeeded: $0) } }
}

extension UInt64: ScaleValue {
    public func write(to writer: inout ScaleWriter) {
        writer.write((0..<8).map { UInt8(truncatingIfNeeded: self >> UInt64(8 * $0)) })
    }
    public static func read(from reader: inout ScaleReader) -> UInt64? { reader.readLittleEndian(8).map { UInt64(truncatingIfNeeded: $0) } }
}

extension UInt128: ScaleValue {
    public func write(to writer: inout ScaleWriter) {
        writer.write((0..<16).map { UInt8(truncatingIfNeeded: self >> UInt128(8 * $0)) })
    }
    public static func read(from reader: inout ScaleReader) -> UInt128? { reader.readUInt128() }
}

/// `String` / `&str`: compact length + UTF-8.
extension String: ScaleValue {
    public func write(to writer: inout ScaleWriter) { writer.writeString(self) }
    public static func read(from reader: inout ScaleReader) -> String? { reader.readString() }
}

/// `Vec<T>`: compact length + elements (`[UInt8]` is `Vec<u8>`; use `ScaleWriter.write(_:)` for `[u8; N]`).
extension Array: ScaleValue where Element: ScaleValue {
    public func write(to writer: inout ScaleWriter) { Element.writeSequence(self, to: &writer) }
    public static func read(from reader: inout ScaleReader) -> [Element]? {
        guard let count = reader.readCompact() else { return nil }
        return Element.readSequence(count: Int(count), from: &reader)
    }
}

/// `Option<T>`: 0 = None, 1 ‖ value = Some.
extension Optional: ScaleValue where Wrapped: ScaleValue {
    public func write(to writer: inout ScaleWriter) {
        switch self {
        case .none: writer.writeByte(0)
        case .some(let value):
            writer.writeByte(1)
            value.write(to: &writer)
        }
    }
    public static func read(from reader: inout ScaleReader) -> Wrapped?? {
        switch reader.readByte() {
        case 0: return .some(.none)
        case 1: return Wrapped.read(from: &reader).map { .some($0) }
        default: return nil
        }
    }
}

/// `Result<T, E>`: 0 ‖ T = Ok, 1 ‖ E = Err.
extension Result: ScaleValue where Success: ScaleValue, Failure: ScaleValue {
    public func write(to writer: inout ScaleWriter) {
        switch self {
        case .success(let value):
            writer.writeByte(0)
            value.write(to: &writer)
        case .failure(let error):
            writer.writeByte(1)
            error.write(to: &writer)
        }
    }
    public static func read(from reader: inout ScaleReader) -> Result<Success, Failure>? {
        switch reader.readByte() {
        case 0: return Success.read(from: &reader).map { .success($0) }
        case 1: return Failure.read(from: &reader).map { .failure($0) }
        default: return nil
        }
    }
}

/// `()`: no bytes (e.g. `Result<(), E>` payloads).
public struct ScaleUnit: ScaleValue, Equatable {
    /// The unit value.
    public init() {}
    public func write(to writer: inout ScaleWriter) {}
    public static func read(from reader: inout ScaleReader) -> ScaleUnit? { ScaleUnit() }
}

/// A 32-byte account (`AccountId`): encoded as the raw bytes, no length.
public struct AccountId: ScaleValue, Equatable {
    /// The 32 bytes.
    public var bytes: [UInt8]

    /// An account from 32 bytes.
    public init(_ bytes: [UInt8]) {
        precondition(bytes.count == 32, "an AccountId is 32 bytes")
        self.bytes = bytes
    }

    public func write(to writer: inout ScaleWriter) { writer.write(bytes) }
    public static func read(from reader: inout ScaleReader) -> AccountId? { reader.read(32).map { AccountId($0) } }
}

/// A 2-tuple `(A, B)` as a SCALE value (Swift tuples cannot conform to protocols), e.g. a `Mapping` key.
public struct Pair<A: ScaleValue, B: ScaleValue>: ScaleValue {
    /// The first element.
    public var first: A
    /// The second element.
    public var second: B

    /// The pair `(first, second)`.
    public init(_ first: A, _ second: B) {
        self.first = first
        self.second = second
    }

    public func write(to writer: inout ScaleWriter) {
        first.write(to: &writer)
        second.write(to: &writer)
    }

    public static func read(from reader: inout ScaleReader) -> Pair<A, B>? {
        guard let first = A.read(from: &reader), let second = B.read(from: &reader) else { return nil }
        return Pair(first, second)
    }
}
