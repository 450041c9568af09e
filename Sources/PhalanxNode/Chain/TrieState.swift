import PhalanxRuntime
import PhalanxStorage

/// A block's state trie seen through the runtime's narrow `StateReader`.
/// A node missing from the database is corruption, not input; it reads as absent, and imported
/// blocks are still checked against their state roots.
public struct TrieState: StateReader {
    /// The state.
    public let trie: Trie

    /// The runtime's view of `trie`.
    public init(trie: Trie) { self.trie = trie }

    public func value(at key: [UInt8]) -> [UInt8]? { (try? trie.get(key)) ?? nil }

    public func nextKey(after key: [UInt8]) -> [UInt8]? { (try? trie.nextKey(after: key)) ?? nil }
}

extension StateOverlay {
    /// The overlay's committed changes as a storage changeset.
    var changeset: StorageChangeset {
        var changeset = StorageChangeset()
        for change in changes {
            if let value = change.value { changeset.set(change.key, value) } else { changeset.remove(change.key) }
        }
        return changeset
    }
}
