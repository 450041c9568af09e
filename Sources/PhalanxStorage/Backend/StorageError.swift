import PhalanxPrimitives

/// Why a chain-database operation failed; each case has a stable numeric ``code``.
public enum StorageError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No block with this hash is stored.
    case unknownBlock(hash: [UInt8])
    /// The block is stored but its state was pruned.
    case statePruned(hash: [UInt8])
    /// The block does not extend the current head (imports are linear).
    case notExtendingHead(number: UInt32, parentHash: [UInt8])
    /// The computed state root differs from the one the block declares.
    case stateRootMismatch(expected: [UInt8], computed: [UInt8])
    /// A trie operation failed (missing or invalid node).
    case trie(TrieError)
    /// The database itself failed; the message comes from SQLite/GRDB.
    case database(String)

    /// Stable machine-readable code.
    public var code: Int {
        switch self {
        case .unknownBlock: 1
        case .statePruned: 2
        case .notExtendingHead: 3
        case .stateRootMismatch: 4
        case .trie: 5
        case .database: 6
        }
    }

    /// One clear sentence.
    public var description: String {
        switch self {
        case .unknownBlock(let hash): "block 0x\(hash.hex) is not stored"
        case .statePruned(let hash): "the state of block 0x\(hash.hex) has been pruned"
        case .notExtendingHead(let number, let parent):
            "block #\(number) with parent 0x\(parent.hex) does not extend the head"
        case .stateRootMismatch(let expected, let computed):
            "state root mismatch: block declares 0x\(expected.hex), storage computed 0x\(computed.hex)"
        case .trie(let error): error.description
        case .database(let message): "database error: \(message)"
        }
    }
}
