/// A block as the storage layer sees it: identity, parent, and the opaque encoded header and body.
public struct BlockRecord: Sendable, Equatable {
    /// The block hash (blake2_256 of the encoded header).
    public let hash: [UInt8]
    /// The block number.
    public let number: UInt32
    /// The parent block's hash (all zeros for genesis).
    public let parentHash: [UInt8]
    /// The SCALE-encoded header.
    public let header: [UInt8]
    /// The SCALE-encoded body (`Vec<Extrinsic>`).
    public let body: [UInt8]

    /// Describes a block to import.
    public init(hash: [UInt8], number: UInt32, parentHash: [UInt8], header: [UInt8], body: [UInt8]) {
        self.hash = hash
        self.number = number
        self.parentHash = parentHash
        self.header = header
        self.body = body
    }
}

/// A block's number and hash.
public struct BlockID: Sendable, Equatable, Hashable {
    /// The block hash.
    public let hash: [UInt8]
    /// The block number.
    public let number: UInt32

    /// Pairs a hash with its number.
    public init(hash: [UInt8], number: UInt32) {
        self.hash = hash
        self.number = number
    }
}

/// How many past states stay readable.
public enum Pruning: Sendable, Equatable {
    /// Keep the states of the most recent `n` blocks (including the head; at least 1); older states are deleted.
    case keepRecent(Int)
    /// Keep every state (`--pruning archive`).
    case archive

    /// The node's default: the last 256 blocks.
    public static let `default` = Pruning.keepRecent(256)
}

/// Read access to stored blocks and chain metadata.
public protocol BlockReader: Sendable {
    /// The encoded header of block `hash`, or `nil`.
    func header(of hash: [UInt8]) throws(StorageError) -> [UInt8]?
    /// The encoded body of block `hash`, or `nil`.
    func body(of hash: [UInt8]) throws(StorageError) -> [UInt8]?
    /// The number of block `hash`, or `nil`.
    func number(of hash: [UInt8]) throws(StorageError) -> UInt32?
    /// The hash of the canonical block at `number`, or `nil`.
    func hash(ofNumber number: UInt32) throws(StorageError) -> [UInt8]?
    /// The last imported block, or `nil` for an empty database.
    func head() throws(StorageError) -> BlockID?
    /// A metadata value (chain spec, finalized pointer, …), or `nil`.
    func metadata(_ key: String) throws(StorageError) -> [UInt8]?
}

/// Access to the states of retained blocks.
public protocol StateProvider: Sendable {
    /// The state root of block `hash` (known even when its state was pruned), or `nil` for an unknown block.
    func stateRoot(of hash: [UInt8]) throws(StorageError) -> [UInt8]?
    /// The state at block `hash`: a trie reading nodes from this database.
    func state(at hash: [UInt8]) throws(StorageError) -> Trie
}

/// The node's durable store: blocks, trie nodes, and per-block states, written one block per atomic step.
public protocol ChainDatabase: BlockReader, StateProvider, NodeSource, AnyObject {
    /// The layout for values written into the state (V1 for Phalanx).
    var stateVersion: StateVersion { get }
    /// The pruning policy applied at each import.
    var pruning: Pruning { get }
    /// Atomically stores `block`, its state nodes from `commit`, `metadata`, moves the head, and prunes old states.
    /// The block must be genesis (number 0, empty database) or extend the head.
    func importBlock(_ block: BlockRecord, commit: TrieCommit, metadata: [String: [UInt8]]) throws(StorageError)
    /// Sets one metadata value outside a block import.
    func setMetadata(_ key: String, _ value: [UInt8]) throws(StorageError)
    /// The number of distinct stored trie and value nodes (diagnostics and tests).
    func nodeCount() throws(StorageError) -> Int
}

extension ChainDatabase {
    /// The state a block builds on: its parent's, or the empty state for genesis.
    public func parentState(of block: BlockRecord) throws(StorageError) -> Trie {
        if block.number == 0 { return Trie(version: stateVersion, source: self) }
        return try state(at: block.parentHash)
    }

    /// Applies `changes` on the parent's state and imports the block in one transaction; returns the new state root.
    /// Throws ``StorageError/stateRootMismatch(expected:computed:)`` (writing nothing) when `expectedStateRoot` differs.
    @discardableResult
    public func importBlock(
        _ block: BlockRecord, changes: StorageChangeset, expectedStateRoot: [UInt8]? = nil,
        metadata: [String: [UInt8]] = [:]
    ) throws(StorageError) -> [UInt8] {
        var trie = try parentState(of: block)
        let commit: TrieCommit
        do throws(TrieError) {
            try trie.apply(changes)
            commit = try trie.commit()
        } catch {
            throw .trie(error)
        }
        if let expectedStateRoot, expectedStateRoot != commit.root {
            throw .stateRootMismatch(expected: expectedStateRoot, computed: commit.root)
        }
        try importBlock(block, commit: commit, metadata: metadata)
        return commit.root
    }

    /// The state of the head block, or an empty state for an empty database.
    public func headState() throws(StorageError) -> Trie {
        guard let head = try head() else { return Trie(version: stateVersion, source: self) }
        return try state(at: head.hash)
    }

    /// Checks that `block` may be imported on top of `head`.
    func checkExtends(_ block: BlockRecord, head: BlockID?) throws(StorageError) {
        if let head {
            guard block.number == head.number &+ 1, block.parentHash == head.hash else {
                throw .notExtendingHead(number: block.number, parentHash: block.parentHash)
            }
        } else {
            guard block.number == 0 else { throw .notExtendingHead(number: block.number, parentHash: block.parentHash) }
        }
    }

    /// The block number whose state is pruned when `number` is imported, if any.
    func prunedNumber(afterImporting number: UInt32) -> UInt32? {
        guard case .keepRecent(let requested) = pruning else { return nil }
        let keep = max(requested, 1)
        guard Int(number) >= keep else { return nil }
        return UInt32(Int(number) - keep)
    }
}
