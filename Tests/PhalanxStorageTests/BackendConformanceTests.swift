import Foundation
import PhalanxPrimitives
import Testing

@testable import PhalanxStorage

/// The two ``ChainDatabase`` implementations; every conformance test runs against both.
enum BackendKind: String, CaseIterable, CustomStringConvertible, Sendable {
    case memory, sqlite

    var description: String { rawValue }

    func make(
        pruning: Pruning = .default, directory: URL? = nil,
        beforeCommit: (@Sendable (BlockRecord) throws -> Void)? = nil
    ) throws -> any ChainDatabase {
        switch self {
        case .memory:
            return InMemoryDatabase(stateVersion: .v1, pruning: pruning, beforeCommit: beforeCommit)
        case .sqlite:
            let dir = directory ?? temporaryDirectory()
            return try SQLiteDatabase(
                path: dir.appendingPathComponent("chain.sqlite").path, stateVersion: .v1, pruning: pruning,
                nodeCacheSize: 1000,
                beforeCommit: beforeCommit)
        }
    }
}

func temporaryDirectory() -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("phalanx-storage-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Builds, imports and returns the next block on top of the head, applying `changes`.
@discardableResult
func importNext(_ db: any ChainDatabase, _ changes: StorageChangeset, body: [UInt8] = []) throws -> BlockRecord {
    let head = try db.head()
    let number = head.map { $0.number + 1 } ?? 0
    let parent = head?.hash ?? [UInt8](repeating: 0, count: 32)
    var trie = head == nil ? Trie(version: db.stateVersion, source: db) : try db.state(at: parent)
    try trie.apply(changes)
    let commit = try trie.commit()
    let header = parent + withUnsafeBytes(of: number.littleEndian, Array.init) + commit.root
    let block = BlockRecord(hash: blake2_256(header), number: number, parentHash: parent, header: header, body: body)
    try db.importBlock(block, commit: commit, metadata: ["last-body-size": [UInt8(body.count)]])
    return block
}

/// A random workload: each block sets, overwrites and removes keys; the model holds the expected state per block.
struct Workload {
    var model: [[UInt8]: [UInt8]] = [:]
    var rng: SplitMix

    mutating func nextChanges(size: Int) -> StorageChangeset {
        var changes = StorageChangeset()
        for _ in 0..<size {
            let key = [UInt8(Int.random(in: 0...3, using: &rng))] + rng.bytes(Int.random(in: 1...3, using: &rng))
            if Bool.random(using: &rng),
                let existing = model.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }).first
            {
                changes.remove(existing)
                model[existing] = nil
            }
            let value = rng.bytes([0, 4, 32, 33, 70][Int.random(in: 0...4, using: &rng)])
            changes.set(key, value)
            model[key] = value
        }
        return changes
    }
}

func assertState(_ db: any ChainDatabase, at hash: [UInt8], equals model: [[UInt8]: [UInt8]]) throws {
    let state = try db.state(at: hash)
    #expect(try db.stateRoot(of: hash) == TrieRoot.root(of: model, version: .v1))
    #expect(state.rootHash() == TrieRoot.root(of: model, version: .v1))
    let entries = try state.entries()
    #expect(entries.map(\.0) == model.keys.sorted { $0.lexicographicallyPrecedes($1) })
    for (key, value) in entries { #expect(model[key] == value) }
}

@Suite struct BackendConformanceTests {
    @Test(arguments: BackendKind.allCases)
    func blocksStatesAndMetadata(_ kind: BackendKind) throws {
        let db = try kind.make(pruning: .archive)
        #expect(try db.head() == nil)
        var workload = Workload(rng: SplitMix(state: 7))
        var history: [(BlockRecord, [[UInt8]: [UInt8]])] = []
        for index in 0..<8 {
            let block = try importNext(db, workload.nextChanges(size: 20), body: [UInt8(index)])
            history.append((block, workload.model))
        }
        #expect(try db.head() == BlockID(hash: history.last!.0.hash, number: 7))
        for (block, model) in history {
            #expect(try db.header(of: block.hash) == block.header)
            #expect(try db.body(of: block.hash) == block.body)
            #expect(try db.number(of: block.hash) == block.number)
            #expect(try db.hash(ofNumber: block.number) == block.hash)
            try assertState(db, at: block.hash, equals: model)
        }
        #expect(try db.metadata("last-body-size") == [1])
        try db.setMetadata("chain", ascii("dev"))
        #expect(try db.metadata("chain") == ascii("dev"))
        #expect(try db.metadata("absent") == nil)
        #expect(try db.header(of: [UInt8](repeating: 9, count: 32)) == nil)
        #expect(throws: StorageError.unknownBlock(hash: [UInt8](repeating: 9, count: 32))) {
            try db.state(at: [UInt8](repeating: 9, count: 32))
        }
    }

    @Test(arguments: BackendKind.allCases)
    func readsProofsAndPagedKeysAtABlock(_ kind: BackendKind) throws {
        let db = try kind.make()
        var workload = Workload(rng: SplitMix(state: 11))
        let first = try importNext(db, workload.nextChanges(size: 40))
        let firstModel = workload.model
        try importNext(db, workload.nextChanges(size: 40))
        let state = try db.state(at: first.hash)
        let sortedKeys = firstModel.keys.sorted { $0.lexicographicallyPrecedes($1) }
        #expect(
            try state.keys(prefix: [0x01], after: nil, limit: 5) == Array(sortedKeys.filter { $0.first == 1 }.prefix(5))
        )
        #expect(try state.nextKey(after: sortedKeys[0]) == sortedKeys[1])
        #expect(try state.exists(sortedKeys[3]))
        let keys = Array(sortedKeys.prefix(4)) + [[0x07, 0x07]]
        let proof = try StorageProof(nodes: state.readProof(keys: keys))
        let root = try #require(try db.stateRoot(of: first.hash))
        for key in keys { #expect(try proof.read(key, root: root) == firstModel[key]) }
    }

    @Test(arguments: BackendKind.allCases)
    func pruningDropsOldStatesAndKeepsRecentOnes(_ kind: BackendKind) throws {
        let keep = 3
        let db = try kind.make(pruning: .keepRecent(keep))
        var workload = Workload(rng: SplitMix(state: 3))
        var history: [(BlockRecord, [[UInt8]: [UInt8]])] = []
        for _ in 0..<12 {
            history.append((try importNext(db, workload.nextChanges(size: 15)), workload.model))
        }
        for (index, (block, model)) in history.enumerated() {
            if index < history.count - keep {
                #expect(throws: StorageError.statePruned(hash: block.hash)) { try db.state(at: block.hash) }
                #expect(try db.header(of: block.hash) == block.header)  // block data is kept
            } else {
                try assertState(db, at: block.hash, equals: model)
            }
        }
        // Only nodes reachable from the retained states remain: a fresh archive of the same retained states needs as many.
        var reachable = Set<[UInt8]>()
        for (block, _) in history.suffix(keep) {
            collectNodes(db, root: try db.stateRoot(of: block.hash)!, into: &reachable)
        }
        #expect(try db.nodeCount() == reachable.count)
    }

    @Test(arguments: BackendKind.allCases)
    func archiveKeepsEveryState(_ kind: BackendKind) throws {
        let db = try kind.make(pruning: .archive)
        var workload = Workload(rng: SplitMix(state: 5))
        var history: [(BlockRecord, [[UInt8]: [UInt8]])] = []
        for _ in 0..<6 { history.append((try importNext(db, workload.nextChanges(size: 10)), workload.model)) }
        for (block, model) in history { try assertState(db, at: block.hash, equals: model) }
    }

    @Test(arguments: BackendKind.allCases)
    func failedImportLeavesPreviousBlockIntact(_ kind: BackendKind) throws {
        struct Crash: Error {}
        let db = try kind.make(
            pruning: .keepRecent(2), beforeCommit: { block in if block.number == 3 { throw Crash() } })
        var workload = Workload(rng: SplitMix(state: 9))
        var last: (BlockRecord, [[UInt8]: [UInt8]])? = nil
        for _ in 0..<3 { last = (try importNext(db, workload.nextChanges(size: 10)), workload.model) }
        let nodesBefore = try db.nodeCount()
        let attempt = workload.nextChanges(size: 10)
        #expect(throws: StorageError.self) { try importNext(db, attempt) }
        let (block, model) = try #require(last)
        #expect(try db.head() == BlockID(hash: block.hash, number: 2))
        #expect(try db.hash(ofNumber: 3) == nil)
        #expect(try db.nodeCount() == nodesBefore)
        try assertState(db, at: block.hash, equals: model)
        // The state two blocks back was not pruned by the aborted import.
        #expect(
            try db.state(at: try #require(try db.hash(ofNumber: 1))).rootHash()
                == (try db.stateRoot(of: try db.hash(ofNumber: 1)!)))
    }

    @Test(arguments: BackendKind.allCases)
    func importsMustExtendTheHead(_ kind: BackendKind) throws {
        let db = try kind.make()
        let empty = TrieCommit(root: TrieRoot.empty, inserted: [], removed: [])
        let orphan = BlockRecord(hash: [1], number: 5, parentHash: [2], header: [], body: [])
        #expect(throws: StorageError.notExtendingHead(number: 5, parentHash: [2])) {
            try db.importBlock(orphan, commit: empty, metadata: [:])
        }
        let genesis = try importNext(db, StorageChangeset())
        #expect(try db.stateRoot(of: genesis.hash) == TrieRoot.empty)
        #expect(try db.state(at: genesis.hash).isEmpty)
        let sibling = BlockRecord(hash: [3], number: 0, parentHash: [], header: [], body: [])
        #expect(throws: StorageError.self) { try db.importBlock(sibling, commit: empty, metadata: [:]) }
    }

    @Test(arguments: BackendKind.allCases)
    func convenienceImportChecksTheDeclaredRoot(_ kind: BackendKind) throws {
        let db = try kind.make()
        var changes = StorageChangeset()
        changes.set(ascii("key1"), ascii("value1"))
        changes.set(ascii("key2"), ascii("value2"))
        changes.set(ascii("key3"), ascii("verylargevaluewithmorethan32byteslength"))
        let genesis = BlockRecord(hash: [0xaa], number: 0, parentHash: [], header: [1], body: [])
        #expect(throws: StorageError.self) {
            try db.importBlock(genesis, changes: changes, expectedStateRoot: TrieRoot.empty)
        }
        #expect(try db.head() == nil)
        let root = try db.importBlock(genesis, changes: changes, expectedStateRoot: nil)
        #expect(root.hex == "6a4a732757263bf2bc4e03a341e3f8ea635f78996ec06a6a965d5097a2911c29")
        #expect(try db.headState().get(ascii("key3")) == ascii("verylargevaluewithmorethan32byteslength"))
    }
}

/// Every stored node hash reachable from `root` (hashed children and value nodes), via the database.
func collectNodes(_ db: any ChainDatabase, root: [UInt8], into seen: inout Set<[UInt8]>) {
    guard root != TrieRoot.empty, !seen.contains(root), let bytes = try? db.node(root),
        let node = try? TrieNode.decode(bytes)
    else { return }
    seen.insert(root)
    func walk(_ node: TrieNode) {
        if case .hashed(let hash)? = node.value { seen.insert(hash) }
        if case .branch(_, _, let children) = node {
            for child in children {
                switch child {
                case .hash(let hash)?: collectNodes(db, root: hash, into: &seen)
                case .inline(let inline)?: if let decoded = try? TrieNode.decode(inline) { walk(decoded) }
                case nil: break
                }
            }
        }
    }
    walk(node)
}
