import Foundation
import PhalanxPrimitives

/// The storage benchmark behind `phalanx bench storage`: state-root and SQLite-commit cost of one large block.
///
/// Call `print(try StorageBenchmark.run(directory: dir))` from a release build. Recorded on the 2-core dev machine
/// (release build, shared with other compiles, so ±30%), 10,000 random 32-byte keys with 64-byte values (V1, so each
/// value is a separate value node) written onto a 100,000-entry state:
///
///     in-memory genesis build (100000 inserts + commit)      460–600 ms
///     in-memory block: inserts + state root                   88–115 ms
///     in-memory block: commit (node changeset)                27–85 ms
///     SQLite genesis import (one transaction)                1.3–1.9 s
///     SQLite block: load head state, inserts, commit         420–610 ms   (cold node cache after reopen)
///     SQLite block: import transaction (~40,000 nodes)       400–440 ms   (WAL, synchronous=NORMAL)
///
/// A node that keeps its `Trie` between blocks pays the in-memory figures, not the cold-load one.
public enum StorageBenchmark {
    /// Timings of one run, in seconds.
    public struct Report: Sendable, CustomStringConvertible {
        /// Entries in the base state.
        public var baseEntries: Int
        /// Writes in the measured block.
        public var blockWrites: Int
        /// In memory: inserting the base entries and committing (genesis build).
        public var memoryGenesis: Double
        /// In memory: inserting the block's writes into the committed base trie and computing the new root.
        public var memoryBlockRoot: Double
        /// In memory: turning that dirty trie into the node changeset to persist.
        public var memoryBlockCommit: Double
        /// SQLite: writing the genesis state (one transaction).
        public var sqliteGenesisImport: Double
        /// SQLite: opening the head state from a freshly opened database, applying the writes, computing the commit.
        public var sqliteBlockTrie: Double
        /// SQLite: the block's single write transaction (nodes, journal, block row, head).
        public var sqliteBlockImport: Double
        /// Nodes inserted by the measured block.
        public var blockNodesInserted: Int

        /// A human-readable summary.
        public var description: String {
            func ms(_ seconds: Double) -> String { String(format: "%8.1f ms", seconds * 1000) }
            return """
                storage benchmark: \(blockWrites) random 32-byte-key/64-byte-value writes onto \(baseEntries) entries (state V1)
                  in-memory genesis build (\(baseEntries) inserts + commit)  \(ms(memoryGenesis))
                  in-memory block: inserts + state root                  \(ms(memoryBlockRoot))
                  in-memory block: commit (node changeset)               \(ms(memoryBlockCommit))
                  SQLite genesis import (one transaction)                \(ms(sqliteGenesisImport))
                  SQLite block: load head state, inserts, commit         \(ms(sqliteBlockTrie))
                  SQLite block: import transaction (\(blockNodesInserted) nodes)        \(ms(sqliteBlockImport))
                """
        }
    }

    /// Runs the benchmark; the SQLite file lives in `directory` (removed afterwards).
    public static func run(baseEntries: Int = 100_000, blockWrites: Int = 10_000, directory: URL) throws -> Report {
        var rng = SystemRandomNumberGenerator()
        func randomBytes(_ count: Int) -> [UInt8] { (0..<count).map { _ in UInt8.random(in: 0...255, using: &rng) } }
        let base = (0..<baseEntries).map { _ in (randomBytes(32), randomBytes(64)) }
        let writes = (0..<blockWrites).map { _ in (randomBytes(32), randomBytes(64)) }
        let clock = ContinuousClock()
        func seconds(_ duration: Duration) -> Double {
            Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        }

        var trie = Trie(version: .v1)
        var genesisCommit: TrieCommit? = nil
        let genesis = try clock.measure {
            for (key, value) in base { try trie.insert(key, value) }
            genesisCommit = try trie.commit()
        }
        var root: [UInt8] = []
        let blockRoot = try clock.measure {
            for (key, value) in writes { try trie.insert(key, value) }
            root = trie.rootHash()
        }
        var blockCommit: TrieCommit? = nil
        let commitTime = try clock.measure { blockCommit = try trie.commit() }
        precondition(blockCommit?.root == root)

        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("bench-\(UUID().uuidString).sqlite").path
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let zero = [UInt8](repeating: 0, count: 32)
        let genesisBlock = BlockRecord(hash: blake2_256(zero), number: 0, parentHash: zero, header: zero, body: [])
        do {
            let db = try SQLiteDatabase(path: path)
            let sqliteGenesis = try clock.measure {
                try db.importBlock(genesisBlock, commit: genesisCommit!, metadata: [:])
            }
            try db.close()
            let reopened = try SQLiteDatabase(path: path)
            var sqliteCommit: TrieCommit? = nil
            let sqliteTrie = try clock.measure {
                var state = try reopened.state(at: genesisBlock.hash)
                for (key, value) in writes { try state.insert(key, value) }
                sqliteCommit = try state.commit()
            }
            precondition(sqliteCommit?.root == root)
            let block = BlockRecord(
                hash: blake2_256(root), number: 1, parentHash: genesisBlock.hash, header: root, body: [])
            let sqliteImport = try clock.measure {
                try reopened.importBlock(block, commit: sqliteCommit!, metadata: [:])
            }
            try reopened.close()
            return Report(
                baseEntries: baseEntries, blockWrites: blockWrites, memoryGenesis: seconds(genesis),
                memoryBlockRoot: seconds(blockRoot), memoryBlockCommit: seconds(commitTime),
                sqliteGenesisImport: seconds(sqliteGenesis), sqliteBlockTrie: seconds(sqliteTrie),
                sqliteBlockImport: seconds(sqliteImport), blockNodesInserted: sqliteCommit!.inserted.count)
        }
    }
}
