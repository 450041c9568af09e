/// Reads SCALE values from a byte array, front to back, within caller-given limits.
public struct ScaleDecoder: Sendable {
    /// Bounds a decoder enforces on untrusted input.
    public struct Limits: Sendable, Equatable {
        /// The largest element count (or string byte count) a collection may declare.
        public var maxCollectionLength: Int

        /// Creates limits with the given maximum collection length.
        public init(maxCollectionLength: Int) {
            self.maxCollectionLength = maxCollectionLength
        }

        /// 32 Mi elements: room for runtime blobs, while lengths are also bounded by the input size.
        public static let `default` = Limits(maxCollectionLength: 1 << 25)
        /// No element-count bound beyond the `Compact<u32>` range and the input size.
        public static let unlimited = Limits(maxCollectionLength: Int.max)
    }

    /// The whole input.
    public let input: [UInt8]
    /// The index of the next unread byte.
    public private(set) var position: Int
    /// The limits applied to declared lengths.
    public let limits: Limits

    /// Creates a decoder reading `input` from its start.
    public init(_ input: [UInt8], limits: Limits = .default) {
        self.input = input
        self.position = 0
        self.limits = limits
    }

    /// The number of unread bytes.
    public var remaining: Int { input.count - position }

    /// Throws ``ScaleError/trailingBytes(count:)`` unless every byte has been read.
    public func finish() throws {
        if remaining != 0 { throw ScaleError.trailingBytes(count: remaining) }
    }

    /// Throws ``ScaleError/unexpectedEnd(needed:available:)`` unless `count` bytes are left.
    func require(_ count: Int) throws {
        guard count >= 0, count <= remaining else {
            throw ScaleError.unexpectedEnd(needed: count, available: remaining)
        }
    }

    /// Reads one byte.
    public mutating func readByte() throws -> UInt8 {
        try require(1)
        defer { position += 1 }
        return input[position]
    }

    /// Reads `count` raw bytes (no length prefix) with one bulk copy.
    public mutating func readBytes(_ count: Int) throws -> [UInt8] {
        try require(count)
        defer { position += count }
        return Array(input[position..<position + count])
    }

    /// Reads a little-endian fixed-width integer.
    mutating func readLittleEndian<T: FixedWidthInteger>(_ type: T.Type = T.self) throws -> T {
        let size = MemoryLayout<T>.size
        try require(size)
        let value = input.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: position, as: T.self) }
        position += size
        return T(littleEndian: value)
    }

    /// Reads a value of type `T`.
    public mutating func decode<T: ScaleDecodable>(_ type: T.Type = T.self) throws -> T {
        try T(from: &self)
    }

    /// Reads values of the given types in order: the SCALE decoding of a tuple `(A, B, …)`.
    public mutating func decodeAll<each T: ScaleDecodable>(_ types: repeat (each T).Type) throws -> (repeat each T) {
        (repeat try (each T)(from: &self))
    }

    /// Reads an enum variant index byte; the caller switches on it and throws
    /// ``ScaleError/invalidVariantIndex(type:index:)`` for unknown values.
    public mutating func readVariantIndex() throws -> UInt8 {
        try readByte()
    }

    /// Reads a compact integer into `T`, rejecting non-canonical encodings and values `T` cannot hold.
    public mutating func decodeCompact<T: UnsignedInteger & FixedWidthInteger>(_ type: T.Type = T.self) throws -> T {
        let first = try readByte()
        switch first & 0b11 {
        case 0b00:
            guard let value = T(exactly: first >> 2) else { throw ScaleError.compactOutOfRange }
            return value
        case 0b01:
            try require(1)
            let raw = UInt16(first) | UInt16(input[position]) << 8
            position += 1
            let value = raw >> 2
            guard value >= 1 << 6 else { throw ScaleError.nonCanonicalCompact }
            guard let result = T(exactly: value) else { throw ScaleError.compactOutOfRange }
            return result
        case 0b10:
            try require(3)
            let raw = UInt32(first) | UInt32(input[position]) << 8 | UInt32(input[position + 1]) << 16
                | UInt32(input[position + 2]) << 24
            position += 3
            let value = raw >> 2
            guard value >= 1 << 14 else { throw ScaleError.nonCanonicalCompact }
            guard let result = T(exactly: value) else { throw ScaleError.compactOutOfRange }
            return result
        default:
            let count = Int(first >> 2) + 4
            guard count <= T.bitWidth / 8 else { throw ScaleError.compactOutOfRange }
            try require(count)
            let start = position
            guard input[start + count - 1] != 0 else { throw ScaleError.nonCanonicalCompact }
            var value: T = 0
            for index in 0..<count { value |= T(input[start + index]) << (8 * index) }
            if count == 4, value < 1 << 30 { throw ScaleError.nonCanonicalCompact }
            position += count
            return value
        }
    }

    /// Reads a collection length (`Compact<u32>`), rejecting lengths above `limits.maxCollectionLength`
    /// and lengths whose elements, each at least `minimumElementSize` bytes, could not fit in the rest of the input.
    public mutating func decodeLength(minimumElementSize: Int) throws -> Int {
        guard let length = Int(exactly: try decodeCompact(UInt32.self)) else {
            throw ScaleError.lengthLimitExceeded(length: Int.max, limit: limits.maxCollectionLength)
        }
        guard length <= limits.maxCollectionLength else {
            throw ScaleError.lengthLimitExceeded(length: length, limit: limits.maxCollectionLength)
        }
        if minimumElementSize > 0 {
            let (needed, overflow) = length.multipliedReportingOverflow(by: minimumElementSize)
            guard !overflow, needed <= remaining else {
                throw ScaleError.unexpectedEnd(needed: overflow ? Int.max : needed, available: remaining)
            }
        }
        return length
    }

    /// A safe initial capacity for `length` elements of at least `minimumElementSize` bytes each.
    func reservation(for length: Int, minimumElementSize: Int) -> Int {
        min(length, remaining / max(minimumElementSize, 1), 1 << 16)
    }

    /// Reads `count` values of `T` without a length prefix: the decoding of a Rust array `[T; N]`.
    public mutating func decodeFixed<T: ScaleDecodable>(_ type: T.Type, count: Int) throws -> [T] {
        guard count >= 0 else { throw ScaleError.unexpectedEnd(needed: count, available: remaining) }
        return try decodeElements(T.self, count: count)
    }

    /// Reads `count` elements; byte arrays are one bulk copy.
    mutating func decodeElements<T: ScaleDecodable>(_ type: T.Type, count: Int) throws -> [T] {
        if T.self == UInt8.self {
            try require(count)
            let start = position
            let result = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
                input.withUnsafeBytes { source in
                    UnsafeMutableRawBufferPointer(buffer).copyMemory(
                        from: UnsafeRawBufferPointer(rebasing: source[start..<start + count]))
                }
                initialized = count
            }
            position += count
            return result
        }
        let minimumSize = T.scaleMinimumEncodedSize
        if minimumSize > 0 {
            let (needed, overflow) = count.multipliedReportingOverflow(by: minimumSize)
            guard !overflow, needed <= remaining else {
                throw ScaleError.unexpectedEnd(needed: overflow ? Int.max : needed, available: remaining)
            }
        }
        var result = [T]()
        result.reserveCapacity(reservation(for: count, minimumElementSize: minimumSize))
        for _ in 0..<count { result.append(try T(from: &self)) }
        return result
    }
}
