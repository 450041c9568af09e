import Foundation
import PhalanxStorage
import Testing

/// Keeps ``StorageBenchmark`` runnable; sizes are tiny and nothing about timing is asserted.
@Suite struct BenchmarkSmokeTests {
    @Test func benchmarkRunsOnASmallWorkload() throws {
        let report = try StorageBenchmark.run(baseEntries: 300, blockWrites: 50, directory: temporaryDirectory())
        #expect(report.baseEntries == 300 && report.blockWrites == 50)
        #expect(report.blockNodesInserted > 50)
        #expect(report.description.contains("state root"))
    }
}
