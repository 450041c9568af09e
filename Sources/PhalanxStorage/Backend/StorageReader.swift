/// Read access to one state (the storage at one block): what the runtime and `state_*` RPCs need.
public protocol StorageReader: Sendable {
    /// The value under `key`, or `nil` when absent.
    func get(_ key: [UInt8]) throws(TrieError) -> [UInt8]?
    /// Whether `key` holds a value (an empty value counts as present).
    func exists(_ key: [UInt8]) throws(TrieError) -> Bool
    /// The smallest key strictly greater than `key`, or `nil`.
    func nextKey(after key: [UInt8]) throws(TrieError) -> [UInt8]?
    /// Up to `limit` keys starting with `prefix`, in ascending order, strictly after `startKey` when given (`state_getKeysPaged`).
    func keys(prefix: [UInt8], after startKey: [UInt8]?, limit: Int) throws(TrieError) -> [[UInt8]]
    /// The encoded nodes proving the values (or absence) of `keys`: deduplicated, sorted bytewise (`state_getReadProof`).
    func readProof(keys: [[UInt8]]) throws(TrieError) -> [[UInt8]]
}

extension StorageReader {
    /// Whether `key` holds a value, via ``get(_:)``.
    public func exists(_ key: [UInt8]) throws(TrieError) -> Bool { try get(key) != nil }

    /// The next key via ``keys(prefix:after:limit:)``.
    public func nextKey(after key: [UInt8]) throws(TrieError) -> [UInt8]? {
        try keys(prefix: [], after: key, limit: 1).first
    }
}

/// Write access to a state being built (a block's storage changes).
public protocol StorageWriter {
    /// Sets `key` to `value` (an empty value is a real value, not a removal).
    mutating func set(_ key: [UInt8], _ value: [UInt8]) throws(TrieError)
    /// Removes `key`.
    mutating func remove(_ key: [UInt8]) throws(TrieError)
}

/// A block's storage changes: the last write per key wins; `nil` means removal. Applied in key order.
public struct StorageChangeset: Sendable, StorageWriter {
    /// The pending change per key.
    public private(set) var changes: [[UInt8]: [UInt8]?] = [:]

    /// An empty changeset.
    public init() {}

    /// Records `key → value`.
    public mutating func set(_ key: [UInt8], _ value: [UInt8]) { changes[key] = .some(value) }

    /// Records the removal of `key`.
    public mutating func remove(_ key: [UInt8]) { changes[key] = .some(nil) }

    /// The number of changed keys.
    public var count: Int { changes.count }

    /// The changes sorted by key bytes: the deterministic order in which they are applied.
    public var sorted: [([UInt8], [UInt8]?)] {
        changes.map { ($0.key, $0.value) }.sorted { $0.0.lexicographicallyPrecedes($1.0) }
    }
}
