import PhalanxContracts
import Testing

/// The benchmark's workloads run correctly (no timing is asserted).
@Suite struct BenchmarkSmokeTests {
    @Test func workloadsRun() throws {
        let results = try ContractsBenchmark.run(duration: .milliseconds(5), padSizes: [20_000])
        #expect(results.count == 4)
        #expect(results.allSatisfy { $0.operations > 0 })
    }

    @Test func paddingReachesTheRequestedSize() throws {
        let code = try ContractsBenchmark.paddedErc20(size: 20_000)
        #expect(code.count > 15_000 && code.count < 25_000)
    }
}
