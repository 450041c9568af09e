/// Accumulates the SCALE encoding of a sequence of values.
public struct ScaleEncoder: Sendable {
    /// The bytes written so far.
    public private(set) var bytes: [UInt8]

    /// Creates an empty encoder, optionally reserving room for `capacity` bytes.
    public init(reservingCapacity capacity: Int = 0) {
        bytes = []
        if capacity > 0 { bytes.reserveCapacity(capacity) }
    }

    /// Appends one raw byte.
    public mutating func append(_ byte: UInt8) {
        bytes.append(byte)
    }

    /// Appends raw bytes without any length prefix.
    public mutating func append(_ raw: [UInt8]) {
        bytes.append(contentsOf: raw)
    }

    /// Appends raw bytes from a buffer without any length prefix.
    public mutating func append(_ raw: UnsafeRawBufferPointer) {
        bytes.append(contentsOf: raw)
    }

    /// Appends the little-endian bytes of a fixed-width integer.
    mutating func appendLittleEndian<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// Appends the SCALE encoding of `value`.
    public mutating func encode(_ value: some ScaleEncodable) {
        value.encode(to: &self)
    }

    /// Appends the values one after another: the SCALE encoding of a tuple `(A, B, …)`.
    public mutating func encodeAll<each T: ScaleEncodable>(_ values: repeat each T) {
        repeat (each values).encode(to: &self)
    }

    /// Appends `value` in compact (variable-length) form; widths up to 536 bits are supported.
    public mutating func encodeCompact<T: UnsignedInteger & FixedWidthInteger>(_ value: T) {
        let bits = value.bitWidth - value.leadingZeroBitCount
        switch bits {
        case ...6:
            bytes.append(UInt8(truncatingIfNeeded: value) << 2)
        case ...14:
            appendLittleEndian(UInt16(truncatingIfNeeded: value) << 2 | 0b01)
        case ...30:
            appendLittleEndian(UInt32(truncatingIfNeeded: value) << 2 | 0b10)
        default:
            let count = (bits + 7) / 8
            precondition(count <= 67, "compact integers hold at most 67 bytes")
            bytes.append(UInt8(count - 4) << 2 | 0b11)
            if let wide = UInt128(exactly: value) {
                withUnsafeBytes(of: wide.littleEndian) { bytes.append(contentsOf: $0.prefix(count)) }
            } else {
                for index in 0..<count { bytes.append(UInt8(truncatingIfNeeded: value >> (8 * index))) }
            }
        }
    }

    /// Appends a collection length as `Compact<u32>`, as Rust does for `Vec`, `String` and maps.
    public mutating func encodeLength(_ count: Int) {
        precondition(count >= 0 && count <= Int(UInt32.max), "SCALE lengths are Compact<u32>")
        encodeCompact(UInt32(count))
    }

    /// Appends an enum variant index (one byte, as `#[codec(index = …)]`).
    public mutating func encodeVariant(index: UInt8) {
        bytes.append(index)
    }

    /// Appends the elements without a length prefix: the encoding of a Rust array `[T; N]`.
    public mutating func encodeFixed<T: ScaleEncodable>(_ elements: [T]) {
        if T.self == UInt8.self {
            elements.withUnsafeBytes { bytes.append(contentsOf: $0) }
        } else {
            for element in elements { element.encode(to: &self) }
        }
    }
}
