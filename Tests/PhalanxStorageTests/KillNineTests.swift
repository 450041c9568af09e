import Foundation
import PhalanxPrimitives
import PhalanxStorage
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A real `kill -9` in the middle of block imports: the test binary re-runs itself as a writer child and kills it.
@Suite struct KillNineTests {
    static let databaseVariable = "PHALANX_STORAGE_CRASH_DB"
    static let seed: UInt64 = 4242
    static let keep = 4

    /// The deterministic changes of block `number` and the model after it.
    static func models(upTo number: Int) -> [[[UInt8]: [UInt8]]] {
        var workload = Workload(rng: SplitMix(state: seed))
        return (0...number).map { _ in
            _ = workload.nextChanges(size: 150)
            return workload.model
        }
    }

    /// The writer: only active in the child process; imports deterministic blocks until killed.
    @Test func crashWriterChild() throws {
        guard let path = ProcessInfo.processInfo.environment[Self.databaseVariable] else { return }
        let db = try SQLiteDatabase(path: path, pruning: .keepRecent(Self.keep))
        var workload = Workload(rng: SplitMix(state: Self.seed))
        while true { try importNext(db, workload.nextChanges(size: 150)) }
    }

    @Test func killDuringImportsLosesAtMostTheBlockBeingWritten() throws {
        guard ProcessInfo.processInfo.environment[Self.databaseVariable] == nil else { return }
        let path = temporaryDirectory().appendingPathComponent("chain.sqlite").path
        let child = Process()
        child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        child.arguments = ["--testing-library", "swift-testing", "--filter", "crashWriterChild"]
        child.environment = ProcessInfo.processInfo.environment.merging([Self.databaseVariable: path]) { $1 }
        child.standardOutput = FileHandle.nullDevice
        child.standardError = FileHandle.nullDevice
        try child.run()
        // Let it commit a few blocks, then kill it without warning.
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            Thread.sleep(forTimeInterval: 0.2)
            if let probe = try? SQLiteDatabase(path: path, pruning: .archive), let head = try? probe.head(),
                head.number >= 6
            {
                try? probe.close()
                break
            }
        }
        kill(child.processIdentifier, SIGKILL)
        child.waitUntilExit()
        #expect(child.terminationReason == .uncaughtSignal)

        let db = try SQLiteDatabase(path: path, pruning: .keepRecent(Self.keep))
        let head = try #require(try db.head())
        #expect(head.number >= 6)
        let models = Self.models(upTo: Int(head.number))
        for number in (Int(head.number) - Self.keep + 1)...Int(head.number) {
            let hash = try #require(try db.hash(ofNumber: UInt32(number)))
            try assertState(db, at: hash, equals: models[number])
        }
        var reachable = Set<[UInt8]>()
        for number in (Int(head.number) - Self.keep + 1)...Int(head.number) {
            collectNodes(
                db, root: try #require(try db.stateRoot(of: db.hash(ofNumber: UInt32(number))!)), into: &reachable)
        }
        #expect(try db.nodeCount() == reachable.count)
        // The chain continues on top of the recovered head.
        var workload = Workload(rng: SplitMix(state: Self.seed))
        for _ in 0...head.number { _ = workload.nextChanges(size: 150) }
        let next = try importNext(db, workload.nextChanges(size: 150))
        try assertState(db, at: next.hash, equals: workload.model)
    }
}
