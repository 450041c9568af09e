import Foundation
import PhalanxPrimitives
import Testing

@testable import PhalanxStorage

/// Durability behaviour specific to the SQLite backend.
@Suite struct SQLiteDatabaseTests {
    @Test func walModeAndReopenAtTheSameHead() throws {
        let dir = temporaryDirectory()
        let path = dir.appendingPathComponent("chain.sqlite").path
        var workload = Workload(rng: SplitMix(state: 21))
        var history: [(BlockRecord, [[UInt8]: [UInt8]])] = []
        do {
            let db = try SQLiteDatabase(path: path, pruning: .keepRecent(4))
            #expect(try db.journalMode() == "wal")
            for _ in 0..<6 { history.append((try importNext(db, workload.nextChanges(size: 25)), workload.model)) }
            try db.close()
        }
        let reopened = try SQLiteDatabase(path: path, pruning: .keepRecent(4))
        let (last, _) = try #require(history.last)
        #expect(try reopened.head() == BlockID(hash: last.hash, number: 5))
        for (block, model) in history.suffix(4) { try assertState(reopened, at: block.hash, equals: model) }
        for (block, _) in history.prefix(2) {
            #expect(throws: StorageError.statePruned(hash: block.hash)) { try reopened.state(at: block.hash) }
        }
        // New blocks build on top after the restart.
        let next = try importNext(reopened, workload.nextChanges(size: 10))
        #expect(next.parentHash == last.hash)
        try assertState(reopened, at: next.hash, equals: workload.model)
    }

    @Test func abortedTransactionThenRestartResumesAtLastCommittedBlock() throws {
        struct Crash: Error {}
        let dir = temporaryDirectory()
        let path = dir.appendingPathComponent("chain.sqlite").path
        var workload = Workload(rng: SplitMix(state: 22))
        var committed: (BlockRecord, [[UInt8]: [UInt8]])? = nil
        do {
            let db = try SQLiteDatabase(
                path: path, stateVersion: .v1, pruning: .keepRecent(2), nodeCacheSize: 100,
                beforeCommit: { block in if block.number == 4 { throw Crash() } })
            for _ in 0..<4 { committed = (try importNext(db, workload.nextChanges(size: 20)), workload.model) }
            #expect(throws: StorageError.self) { try importNext(db, workload.nextChanges(size: 20)) }
            try db.close()
        }
        let (block, model) = try #require(committed)
        let reopened = try SQLiteDatabase(path: path, pruning: .keepRecent(2))
        #expect(try reopened.head() == BlockID(hash: block.hash, number: 3))
        #expect(try reopened.hash(ofNumber: 4) == nil)
        try assertState(reopened, at: block.hash, equals: model)
        var reachable = Set<[UInt8]>()
        for number in [UInt32(2), 3] {
            collectNodes(
                reopened, root: try reopened.stateRoot(of: reopened.hash(ofNumber: number)!)!, into: &reachable)
        }
        #expect(try reopened.nodeCount() == reachable.count)
    }

    @Test func longLivedTrieAcrossBlocksKeepsExactReferenceCounts() throws {
        // The node keeps one in-memory trie and commits it each block instead of reopening it from the database.
        let db = try SQLiteDatabase(
            path: temporaryDirectory().appendingPathComponent("c.sqlite").path, pruning: .keepRecent(3))
        var trie = Trie(version: .v1, source: db)
        var workload = Workload(rng: SplitMix(state: 23))
        var parent = [UInt8](repeating: 0, count: 32)
        var hashes: [[UInt8]] = []
        for number in UInt32(0)..<10 {
            try trie.apply(workload.nextChanges(size: 30))
            let commit = try trie.commit()
            let header = parent + [UInt8(number)] + commit.root
            let block = BlockRecord(
                hash: blake2_256(header), number: number, parentHash: parent, header: header, body: [])
            try db.importBlock(block, commit: commit, metadata: [:])
            parent = block.hash
            hashes.append(block.hash)
            try assertState(db, at: block.hash, equals: workload.model)
        }
        var reachable = Set<[UInt8]>()
        for hash in hashes.suffix(3) { collectNodes(db, root: try db.stateRoot(of: hash)!, into: &reachable) }
        #expect(try db.nodeCount() == reachable.count)
    }
}
