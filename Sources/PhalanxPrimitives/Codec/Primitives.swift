// Fixed-width integers (little endian) and `bool` (strictly 0 or 1).

/// Shared SCALE conformance of fixed-width integers: their little-endian bytes.
public protocol ScaleFixedWidthInteger: FixedWidthInteger, ScaleCodable {}

extension ScaleFixedWidthInteger {
    /// Appends the little-endian bytes.
    public func encode(to encoder: inout ScaleEncoder) {
        encoder.appendLittleEndian(self)
    }

    /// Reads the little-endian bytes.
    public init(from decoder: inout ScaleDecoder) throws {
        self = try decoder.readLittleEndian(Self.self)
    }

    /// Exactly `bitWidth / 8` bytes.
    public static var scaleMinimumEncodedSize: Int { MemoryLayout<Self>.size }
}

extension UInt8: ScaleFixedWidthInteger {}
extension UInt16: ScaleFixedWidthInteger {}
extension UInt32: ScaleFixedWidthInteger {}
extension UInt64: ScaleFixedWidthInteger {}
extension UInt128: ScaleFixedWidthInteger {}
extension Int8: ScaleFixedWidthInteger {}
extension Int16: ScaleFixedWidthInteger {}
extension Int32: ScaleFixedWidthInteger {}
extension Int64: ScaleFixedWidthInteger {}
extension Int128: ScaleFixedWidthInteger {}

extension Bool: ScaleCodable {
    /// Appends 0x01 for true, 0x00 for false.
    public func encode(to encoder: inout ScaleEncoder) {
        encoder.append(self ? 1 : 0)
    }

    /// Reads 0x00 or 0x01; any other byte is ``ScaleError/invalidBool(_:)``.
    public init(from decoder: inout ScaleDecoder) throws {
        switch try decoder.readByte() {
        case 0: self = false
        case 1: self = true
        case let byte: throw ScaleError.invalidBool(byte)
        }
    }

    /// One byte.
    public static var scaleMinimumEncodedSize: Int { 1 }
}

/// Rust `Compact<T>`: an unsigned integer in SCALE's variable-length form (1, 2, 4 or 5–17 bytes).
///
/// Decoding is canonical like parity-scale-codec: a value encoded in a longer mode than needed is
/// ``ScaleError/nonCanonicalCompact``; a value wider than `T` is ``ScaleError/compactOutOfRange``.
public struct Compact<T: UnsignedInteger & FixedWidthInteger>: ScaleCodable, Hashable, Comparable {
    /// The wrapped integer.
    public var value: T

    /// Wraps `value`.
    public init(_ value: T) {
        self.value = value
    }

    /// Appends the compact form of `value`.
    public func encode(to encoder: inout ScaleEncoder) {
        encoder.encodeCompact(value)
    }

    /// Reads a canonical compact integer that fits `T`.
    public init(from decoder: inout ScaleDecoder) throws {
        value = try decoder.decodeCompact(T.self)
    }

    /// At least one byte.
    public static var scaleMinimumEncodedSize: Int { 1 }

    /// Orders by the wrapped value.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.value < rhs.value }
}

extension Compact: Sendable where T: Sendable {}
