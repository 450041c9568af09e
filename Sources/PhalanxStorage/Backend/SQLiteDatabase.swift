import Foundation
import GRDB
import Synchronization

/// The durable ``ChainDatabase``: SQLite through GRDB in WAL mode.
///
/// Trie nodes are stored by hash with reference counts; each block records the node occurrences its state dropped
/// (a journal), so pruning block `n` just applies the journal of block `n + 1`. One SQLite transaction per imported
/// block: after a process crash (even `kill -9`) the database reopens at the last committed block. GRDB runs WAL with
/// `synchronous = NORMAL`: a power loss may roll back the most recent blocks but never corrupts the database.
public final class SQLiteDatabase: ChainDatabase {
    /// The layout for values written into the state.
    public let stateVersion: StateVersion
    /// The pruning policy.
    public let pruning: Pruning
    private let pool: DatabasePool
    private let cache = Mutex([[UInt8]: [UInt8]]())
    private let cacheLimit: Int
    /// Called inside an import's transaction after all writes; a throw rolls the transaction back (crash tests).
    let beforeCommit: (@Sendable (BlockRecord) throws -> Void)?

    /// Opens (creating if needed) the database file at `path`.
    public convenience init(
        path: String, stateVersion: StateVersion = .v1, pruning: Pruning = .default, nodeCacheSize: Int = 200_000
    )
        throws(StorageError)
    {
        try self.init(
            path: path, stateVersion: stateVersion, pruning: pruning, nodeCacheSize: nodeCacheSize, beforeCommit: nil)
    }

    init(
        path: String, stateVersion: StateVersion, pruning: Pruning, nodeCacheSize: Int,
        beforeCommit: (@Sendable (BlockRecord) throws -> Void)?
    ) throws(StorageError) {
        self.stateVersion = stateVersion
        self.pruning = pruning
        self.cacheLimit = nodeCacheSize
        self.beforeCommit = beforeCommit
        do {
            var configuration = Configuration()
            configuration.busyMode = .timeout(10)
            pool = try DatabasePool(path: path, configuration: configuration)
            try Self.migrator.migrate(pool)
        } catch {
            throw .database("\(error)")
        }
    }

    /// Closes the database; later calls fail.
    public func close() throws(StorageError) {
        try wrap { try pool.close() }
    }

    /// SQLite's journal mode (`wal` once open).
    public func journalMode() throws(StorageError) -> String {
        try wrap { try pool.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "" } }
    }

    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE trie_node (hash BLOB PRIMARY KEY NOT NULL, data BLOB NOT NULL, refs INTEGER NOT NULL) WITHOUT ROWID;
                    CREATE TABLE block (
                        hash BLOB PRIMARY KEY NOT NULL, number INTEGER NOT NULL, parent BLOB NOT NULL,
                        header BLOB NOT NULL, body BLOB NOT NULL, state_root BLOB NOT NULL,
                        state_pruned INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;
                    CREATE TABLE canonical (number INTEGER PRIMARY KEY NOT NULL, hash BLOB NOT NULL);
                    CREATE TABLE state_journal (number INTEGER PRIMARY KEY NOT NULL, removed BLOB NOT NULL);
                    CREATE TABLE metadata (key TEXT PRIMARY KEY NOT NULL, value BLOB NOT NULL) WITHOUT ROWID;
                    """)
        }
        return migrator
    }

    private static let headKey = "phalanx.head"

    // MARK: Reads

    /// The node or value node stored under `hash` (through an in-memory cache).
    public func node(_ hash: [UInt8]) throws -> [UInt8]? {
        if let hit = cache.withLock({ $0[hash] }) { return hit }
        let data = try wrap {
            // Nodes are content-addressed and never rewritten, so a read without a transaction is safe and cheaper.
            try pool.unsafeRead { db in
                let statement = try db.cachedStatement(sql: "SELECT data FROM trie_node WHERE hash = ?")
                return try Data.fetchOne(statement, arguments: [Data(hash)])
            }
        }
        guard let data else { return nil }
        let bytes = [UInt8](data)
        remember([(hash, bytes)])
        return bytes
    }

    /// The encoded header of block `hash`.
    public func header(of hash: [UInt8]) throws(StorageError) -> [UInt8]? {
        try blob("SELECT header FROM block WHERE hash = ?", hash)
    }

    /// The encoded body of block `hash`.
    public func body(of hash: [UInt8]) throws(StorageError) -> [UInt8]? {
        try blob("SELECT body FROM block WHERE hash = ?", hash)
    }

    /// The state root of block `hash`.
    public func stateRoot(of hash: [UInt8]) throws(StorageError) -> [UInt8]? {
        try blob("SELECT state_root FROM block WHERE hash = ?", hash)
    }

    /// The number of block `hash`.
    public func number(of hash: [UInt8]) throws(StorageError) -> UInt32? {
        try wrap {
            try pool.read { db in
                try Int64.fetchOne(db, sql: "SELECT number FROM block WHERE hash = ?", arguments: [Data(hash)]).map {
                    UInt32($0)
                }
            }
        }
    }

    /// The canonical hash at `number`.
    public func hash(ofNumber number: UInt32) throws(StorageError) -> [UInt8]? {
        try wrap {
            try pool.read { db in
                try Data.fetchOne(db, sql: "SELECT hash FROM canonical WHERE number = ?", arguments: [Int64(number)])
                    .map { [UInt8]($0) }
            }
        }
    }

    /// The last imported block.
    public func head() throws(StorageError) -> BlockID? {
        guard let hash = try metadata(Self.headKey), let number = try number(of: hash) else { return nil }
        return BlockID(hash: hash, number: number)
    }

    /// A metadata value.
    public func metadata(_ key: String) throws(StorageError) -> [UInt8]? {
        try wrap {
            try pool.read { db in
                try Data.fetchOne(db, sql: "SELECT value FROM metadata WHERE key = ?", arguments: [key]).map {
                    [UInt8]($0)
                }
            }
        }
    }

    /// Sets a metadata value (its own transaction).
    public func setMetadata(_ key: String, _ value: [UInt8]) throws(StorageError) {
        try wrap { try pool.write { db in try Self.putMetadata(db, key, value) } }
    }

    /// The number of stored nodes.
    public func nodeCount() throws(StorageError) -> Int {
        try wrap { try pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM trie_node") ?? 0 } }
    }

    /// The state at block `hash`.
    public func state(at hash: [UInt8]) throws(StorageError) -> Trie {
        let row = try wrap {
            try pool.read { db in
                try Row.fetchOne(
                    db, sql: "SELECT state_root, state_pruned FROM block WHERE hash = ?", arguments: [Data(hash)])
            }
        }
        guard let row else { throw .unknownBlock(hash: hash) }
        guard (row["state_pruned"] as Int64) == 0 else { throw .statePruned(hash: hash) }
        let root = [UInt8](row["state_root"] as Data)
        do {
            return try Trie(root: root, source: self, version: stateVersion)
        } catch {
            throw .trie(error)
        }
    }

    // MARK: Import

    /// Imports a block in one SQLite transaction: block row, canonical index, nodes, journal, metadata, head, pruning.
    public func importBlock(_ block: BlockRecord, commit: TrieCommit, metadata: [String: [UInt8]]) throws(StorageError)
    {
        try checkExtends(block, head: try head())
        let pruned = prunedNumber(afterImporting: block.number)
        try wrap {
            try pool.write { db in
                try db.execute(
                    sql: "INSERT INTO block (hash, number, parent, header, body, state_root) VALUES (?, ?, ?, ?, ?, ?)",
                    arguments: [
                        Data(block.hash), Int64(block.number), Data(block.parentHash), Data(block.header),
                        Data(block.body),
                        Data(commit.root),
                    ])
                try db.execute(
                    sql: "INSERT OR REPLACE INTO canonical (number, hash) VALUES (?, ?)",
                    arguments: [Int64(block.number), Data(block.hash)])
                let insert = try db.cachedStatement(
                    sql:
                        "INSERT INTO trie_node (hash, data, refs) VALUES (?, ?, 1) ON CONFLICT(hash) DO UPDATE SET refs = refs + 1"
                )
                for node in commit.inserted { try insert.execute(arguments: [Data(node.hash), Data(node.data)]) }
                var removed = Data(capacity: commit.removed.count * 32)
                for hash in commit.removed { removed.append(contentsOf: hash) }
                try db.execute(
                    sql: "INSERT OR REPLACE INTO state_journal (number, removed) VALUES (?, ?)",
                    arguments: [Int64(block.number), removed])
                for (key, value) in metadata.sorted(by: { $0.key < $1.key }) { try Self.putMetadata(db, key, value) }
                try Self.putMetadata(db, Self.headKey, block.hash)
                if let pruned { try Self.pruneState(db, number: pruned) }
                try beforeCommit?(block)
            }
        }
        remember(commit.inserted.map { ($0.hash, $0.data) })
    }

    /// Drops the state of block `number`: applies the journal of block `number + 1`.
    private static func pruneState(_ db: Database, number: UInt32) throws {
        try db.execute(
            sql: "UPDATE block SET state_pruned = 1 WHERE hash = (SELECT hash FROM canonical WHERE number = ?)",
            arguments: [Int64(number)])
        if let removed = try Data.fetchOne(
            db, sql: "SELECT removed FROM state_journal WHERE number = ?", arguments: [Int64(number) + 1])
        {
            let decrement = try db.cachedStatement(sql: "UPDATE trie_node SET refs = refs - 1 WHERE hash = ?")
            let delete = try db.cachedStatement(sql: "DELETE FROM trie_node WHERE hash = ? AND refs <= 0")
            let bytes = [UInt8](removed)
            var offset = 0
            while offset + 32 <= bytes.count {
                let hash = Data(bytes[offset..<offset + 32])
                try decrement.execute(arguments: [hash])
                try delete.execute(arguments: [hash])
                offset += 32
            }
        }
        try db.execute(sql: "DELETE FROM state_journal WHERE number <= ?", arguments: [Int64(number) + 1])
    }

    private static func putMetadata(_ db: Database, _ key: String, _ value: [UInt8]) throws {
        try db.execute(
            sql: "INSERT OR REPLACE INTO metadata (key, value) VALUES (?, ?)", arguments: [key, Data(value)])
    }

    // MARK: Helpers

    private func blob(_ sql: String, _ hash: [UInt8]) throws(StorageError) -> [UInt8]? {
        try wrap {
            try pool.read { db in try Data.fetchOne(db, sql: sql, arguments: [Data(hash)]).map { [UInt8]($0) } }
        }
    }

    private func remember(_ entries: [([UInt8], [UInt8])]) {
        cache.withLock { cache in
            if cache.count + entries.count > cacheLimit { cache.removeAll(keepingCapacity: true) }
            guard entries.count <= cacheLimit else { return }
            for (hash, data) in entries { cache[hash] = data }
        }
    }

    private func wrap<T>(_ body: () throws -> T) throws(StorageError) -> T {
        do {
            return try body()
        } catch let error as StorageError {
            throw error
        } catch {
            throw .database("\(error)")
        }
    }
}
