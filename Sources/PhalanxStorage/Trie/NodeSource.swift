/// Where a trie loads nodes it refers to by hash: encoded trie nodes and V1 value nodes, keyed by blake2_256.
public protocol NodeSource: Sendable {
    /// The bytes stored under `hash`, or `nil` when absent.
    func node(_ hash: [UInt8]) throws -> [UInt8]?
}

/// One node (or value node) to persist: its blake2_256 hash and its bytes.
public struct StoredNode: Sendable, Equatable {
    /// blake2_256 of ``data``.
    public let hash: [UInt8]
    /// The encoded node, or a raw value for a value node.
    public let data: [UInt8]

    /// Pairs a hash with its bytes.
    public init(hash: [UInt8], data: [UInt8]) {
        self.hash = hash
        self.data = data
    }
}

/// The database effect of one batch of trie updates: the new root, nodes to add, and nodes no longer referenced by the new state.
public struct TrieCommit: Sendable {
    /// The new state root.
    public let root: [UInt8]
    /// Node occurrences created by the updates (a hash may repeat: each occurrence counts one reference).
    public let inserted: [StoredNode]
    /// Hashes of stored node occurrences replaced or dropped by the updates (one entry per occurrence).
    public let removed: [[UInt8]]
}
