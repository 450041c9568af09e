import PhalanxPrimitives

/// Why bytes are not a valid trie node (spec §1.11); each case has a stable numeric ``code``.
public enum TrieNodeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The input is empty.
    case empty
    /// The first byte is reserved (`0x01`) or invalid (`0x02`–`0x0f`).
    case invalidHeader(UInt8)
    /// The input ended before the field being read was complete.
    case truncated
    /// The padding nibble of an odd-length partial key is not zero.
    case invalidPadding
    /// A branch node has no children.
    case zeroChildrenBitmap
    /// A child reference is longer than 32 bytes (or empty).
    case invalidChildReference(length: Int)
    /// A value's compact length prefix is malformed.
    case invalidValueLength
    /// Bytes remain after the last field.
    case trailingBytes(count: Int)

    /// Stable machine-readable code.
    public var code: Int {
        switch self {
        case .empty: 1
        case .invalidHeader: 2
        case .truncated: 3
        case .invalidPadding: 4
        case .zeroChildrenBitmap: 5
        case .invalidChildReference: 6
        case .invalidValueLength: 7
        case .trailingBytes: 8
        }
    }

    /// One clear sentence.
    public var description: String {
        switch self {
        case .empty: "trie node is empty"
        case .invalidHeader(let byte): "trie node header byte 0x\([byte].hex) is reserved or invalid"
        case .truncated: "trie node is truncated"
        case .invalidPadding: "trie node partial key has a non-zero padding nibble"
        case .zeroChildrenBitmap: "trie branch node has no children"
        case .invalidChildReference(let length): "trie child reference of \(length) bytes is invalid (must be 1...32)"
        case .invalidValueLength: "trie node value length prefix is malformed"
        case .trailingBytes(let count): "trie node has \(count) trailing bytes"
        }
    }
}
