/// A 32-byte hash (block hashes, state roots, code hashes).
public struct H256: Hashable, Comparable, Sendable, CustomStringConvertible, ScaleCodable {
    /// The raw 32 bytes.
    public let bytes: [UInt8]

    /// The all-zero hash (the genesis block's parent).
    public static let zero = H256(unchecked: [UInt8](repeating: 0, count: 32))

    /// Wraps exactly 32 bytes; `nil` otherwise.
    public init?(bytes: [UInt8]) {
        guard bytes.count == 32 else { return nil }
        self.bytes = bytes
    }

    /// Wraps bytes known to be 32 long (hash outputs).
    public init(unchecked bytes: [UInt8]) {
        precondition(bytes.count == 32, "H256 needs 32 bytes")
        self.bytes = bytes
    }

    /// Parses `0x`-prefixed (or bare) hex of 32 bytes.
    public init?(hex: String) {
        guard let raw = [UInt8](hex: hex), raw.count == 32 else { return nil }
        bytes = raw
    }

    /// `0x`-prefixed lowercase hex.
    public var description: String { bytes.prefixedHex }

    public static func < (lhs: H256, rhs: H256) -> Bool { lhs.bytes.lexicographicallyPrecedes(rhs.bytes) }

    public func encode(to encoder: inout ScaleEncoder) { encoder.append(bytes) }

    public init(from decoder: inout ScaleDecoder) throws { bytes = try decoder.readBytes(32) }

    public static var scaleMinimumEncodedSize: Int { 32 }
}

extension AccountId32: ScaleCodable {
    public func encode(to encoder: inout ScaleEncoder) { encoder.append(bytes) }

    public init(from decoder: inout ScaleDecoder) throws {
        let raw = try decoder.readBytes(32)
        self.init(unchecked: raw)
    }

    public static var scaleMinimumEncodedSize: Int { 32 }
}
