import Synchronization

/// A ``ChainDatabase`` held in memory, with the same reference counting and pruning as the SQLite one.
/// For tests, `--tmp` chains and tools; imports are atomic (all-or-nothing) like the SQLite backend's.
public final class InMemoryDatabase: ChainDatabase {
    /// The layout for values written into the state.
    public let stateVersion: StateVersion
    /// The pruning policy.
    public let pruning: Pruning
    private let contents = Mutex(Contents())
    /// Called inside an import after all writes and before they take effect; a throw aborts the import (crash tests).
    let beforeCommit: (@Sendable (BlockRecord) throws -> Void)?

    private struct StoredBlock {
        var record: BlockRecord
        var stateRoot: [UInt8]
        var statePruned: Bool
    }

    private struct Contents {
        var nodes: [[UInt8]: (data: [UInt8], refs: Int)] = [:]
        var blocks: [[UInt8]: StoredBlock] = [:]
        var canonical: [UInt32: [UInt8]] = [:]
        var journal: [UInt32: [[UInt8]]] = [:]
        var metadata: [String: [UInt8]] = [:]
        var head: BlockID?
    }

    /// An empty database.
    public convenience init(stateVersion: StateVersion = .v1, pruning: Pruning = .default) {
        self.init(stateVersion: stateVersion, pruning: pruning, beforeCommit: nil)
    }

    init(stateVersion: StateVersion, pruning: Pruning, beforeCommit: (@Sendable (BlockRecord) throws -> Void)?) {
        self.stateVersion = stateVersion
        self.pruning = pruning
        self.beforeCommit = beforeCommit
    }

    /// The node or value node stored under `hash`.
    public func node(_ hash: [UInt8]) throws -> [UInt8]? { contents.withLock { $0.nodes[hash]?.data } }

    /// The encoded header of block `hash`.
    public func header(of hash: [UInt8]) throws(StorageError) -> [UInt8]? {
        contents.withLock { $0.blocks[hash]?.record.header }
    }

    /// The encoded body of block `hash`.
    public func body(of hash: [UInt8]) throws(StorageError) -> [UInt8]? {
        contents.withLock { $0.blocks[hash]?.record.body }
    }

    /// The number of block `hash`.
    public func number(of hash: [UInt8]) throws(StorageError) -> UInt32? {
        contents.withLock { $0.blocks[hash]?.record.number }
    }

    /// The canonical hash at `number`.
    public func hash(ofNumber number: UInt32) throws(StorageError) -> [UInt8]? {
        contents.withLock { $0.canonical[number] }
    }

    /// The last imported block.
    public func head() throws(StorageError) -> BlockID? { contents.withLock { $0.head } }

    /// A metadata value.
    public func metadata(_ key: String) throws(StorageError) -> [UInt8]? { contents.withLock { $0.metadata[key] } }

    /// Sets a metadata value.
    public func setMetadata(_ key: String, _ value: [UInt8]) throws(StorageError) {
        contents.withLock { $0.metadata[key] = value }
    }

    /// The number of stored nodes.
    public func nodeCount() throws(StorageError) -> Int { contents.withLock { $0.nodes.count } }

    /// The state root of block `hash`.
    public func stateRoot(of hash: [UInt8]) throws(StorageError) -> [UInt8]? {
        contents.withLock { $0.blocks[hash]?.stateRoot }
    }

    /// The state at block `hash`.
    public func state(at hash: [UInt8]) throws(StorageError) -> Trie {
        let block = contents.withLock { $0.blocks[hash] }
        guard let block else { throw .unknownBlock(hash: hash) }
        guard !block.statePruned else { throw .statePruned(hash: hash) }
        do {
            return try Trie(root: block.stateRoot, source: self, version: stateVersion)
        } catch {
            throw .trie(error)
        }
    }

    /// Imports a block atomically: the new contents replace the old only when every step succeeded.
    public func importBlock(_ block: BlockRecord, commit: TrieCommit, metadata: [String: [UInt8]]) throws(StorageError)
    {
        try contents.withLock { (current) throws(StorageError) in
            try apply(block, commit: commit, metadata: metadata, to: &current)
        }
    }

    /// Applies an import to a copy of the contents and installs it only when nothing threw.
    private func apply(
        _ block: BlockRecord, commit: TrieCommit, metadata: [String: [UInt8]], to current: inout Contents
    ) throws(StorageError) {
        var next = current
        try checkExtends(block, head: next.head)
        next.blocks[block.hash] = StoredBlock(record: block, stateRoot: commit.root, statePruned: false)
        next.canonical[block.number] = block.hash
        for node in commit.inserted {
            next.nodes[node.hash, default: (node.data, 0)].refs += 1
        }
        next.journal[block.number] = commit.removed
        for (key, value) in metadata { next.metadata[key] = value }
        next.head = BlockID(hash: block.hash, number: block.number)
        if let pruned = prunedNumber(afterImporting: block.number) {
            if let hash = next.canonical[pruned] { next.blocks[hash]?.statePruned = true }
            for hash in next.journal[pruned + 1] ?? [] {
                guard let entry = next.nodes[hash] else { continue }
                if entry.refs <= 1 { next.nodes[hash] = nil } else { next.nodes[hash]?.refs = entry.refs - 1 }
            }
            next.journal[pruned + 1] = nil
            next.journal[pruned] = nil
        }
        do {
            try beforeCommit?(block)
        } catch {
            throw .database("import aborted: \(error)")
        }
        current = next
    }
}
