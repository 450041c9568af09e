import PhalanxPrimitives

/// Why a trie operation against a node source failed; each case has a stable numeric ``code``.
public enum TrieError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A node (or value node) referenced by hash is not in the node source.
    case missingNode(hash: [UInt8])
    /// A node loaded from the source does not decode.
    case invalidNode(hash: [UInt8], reason: TrieNodeError)
    /// The node source itself failed (for example a database error).
    case sourceFailed(String)

    /// Stable machine-readable code.
    public var code: Int {
        switch self {
        case .missingNode: 1
        case .invalidNode: 2
        case .sourceFailed: 3
        }
    }

    /// One clear sentence.
    public var description: String {
        switch self {
        case .missingNode(let hash): "trie node 0x\(hash.hex) is missing from storage"
        case .invalidNode(let hash, let reason): "trie node 0x\(hash.hex) is invalid: \(reason)"
        case .sourceFailed(let message): "trie node source failed: \(message)"
        }
    }
}
