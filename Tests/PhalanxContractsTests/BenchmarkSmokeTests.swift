import PhalanxContracts
import PhalanxPrimitives
import Testing

/// The benchmark's workloads run correctly (no timing is asserted).
@Suite struct BenchmarkSmokeTests {
    @Test func workloadsRun() throws {
        let results = try ContractsBenchmark.run(duration: .milliseconds(5), padSizes: [20_000])
        #expect(results.count == 5)
        #expect(results.allSatisfy { $0.operations > 0 })
    }

    @Test func paddingReachesTheRequestedSize() throws {
        let code = try ContractsBenchmark.paddedErc20(size: 20_000)
        #expect(code.count > 15_000 && code.count < 25_000)
    }
}

@Suite struct FibonacciContractTests {
    @Test func computesFib() throws {
        let (cluster, _) = Fixture.cluster()
        let address = try Fixture.deploy(cluster, try SampleContracts.assemble(SampleContracts.fibWAT), input: [])
        let result = cluster.call(origin: Fixture.alice, dest: address, input: UInt32(20).scaleEncoded, mode: .query)
        #expect(result.result.successValue?.data == UInt32(6765).scaleEncoded)
    }
}
