/// A value with a SCALE encoding, in the subset contracts need.
public protocol ScaleValue {
    /// Appends the encoding.
    func write(to writer: inout ScaleWriter)
    /// Reads a value, or nil on malformed input.
    static func read(from reader: inout ScaleReader) -> Self?
}

/// Builds SCALE bytes.
public struct ScaleWriter {
    /// The bytes so far.
    public private(set) var bytes: [UInt8] = []

    /// An empty writer.
    public init() {}

    /// Appends raw bytes.
    public mutating func write(_ raw: [UInt8]) { bytes.append(contentsOf: raw) }

    /// Appends a compact-encoded integer (modes 0–2, enough for lengths).
    public mutating func writeCompact(_ value: UInt32) {
        if value < 64 {
            bytes.append(UInt8(value << 2))
        } else if value < 16_384 {
            let encoded = UInt16(value << 2) | 1
            bytes.append(UInt8(truncatingIfNeeded: encoded))
            bytes.append(UInt8(truncatingIfNeeded: encoded >> 8))
        } else {
            let encoded = (value << 2) | 2
            for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: encoded >> UInt32(shift))) }
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

    /// The next `count` bytes.
    public mutating func read(_ count: Int) -> [UInt8]? {
        guard count >= 0, bytes.count - position >= count else { return nil }
        defer { position += count }
        return Array(bytes[position..<(position + count)])
    }

    /// A little-endian u128.
    public mutating func readUInt128() -> UInt128? {
        guard let raw = read(16) else { return nil }
        var value: UInt128 = 0
        for (index, byte) in raw.enumerated() { value |= UInt128(byte) << UInt128(8 * index) }
        return value
    }
}

extension Bool: ScaleValue {
    public func write(to writer: inout ScaleWriter) { writer.write([self ? 1 : 0]) }
    public static func read(from reader: inout ScaleReader) -> Bool? {
        guard let byte = reader.read(1)?.first, byte <= 1 else { return nil }
        return byte == 1
    }
}

extension UInt32: ScaleValue {
    public func write(to writer: inout ScaleWriter) {
        writer.write((0..<4).map { UInt8(truncatingIfNeeded: self >> UInt32(8 * $0)) })
    }
    public static func read(from reader: inout ScaleReader) -> UInt32? {
        guard let raw = reader.read(4) else { return nil }
        return raw.enumerated().reduce(0) { $0 | UInt32($1.element) << UInt32(8 * $1.offset) }
    }
}

extension UInt128: ScaleValue {
    public func write(to writer: inout ScaleWriter) {
        writer.write((0..<16).map { UInt8(truncatingIfNeeded: self >> UInt128(8 * $0)) })
    }
    public static func read(from reader: inout ScaleReader) -> UInt128? { reader.readUInt128() }
}
