import PhalanxContracts
import PhalanxPrimitives
import Testing

/// Deterministic xorshift generator for reproducible mutations.
struct XorShift: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return state
    }
}

@Suite struct FuzzTests {
    /// Mutated modules are rejected or run; none crashes the process.
    @Test func mutatedModulesNeverCrash() throws {
        let seeds = [
            try SampleContracts.assemble(SampleContracts.flipperWAT),
            try SampleContracts.assemble(SampleContracts.erc20WAT),
        ]
        var random = XorShift(state: 0x9E37_79B9_7F4A_7C15)
        var accepted = 0
        for round in 0..<2_000 {
            var code = seeds[round % seeds.count]
            for _ in 0..<(1 + Int(random.next() % 4)) {
                let position = Int(random.next() % UInt64(code.count))
                switch random.next() % 3 {
                case 0: code[position] = UInt8(truncatingIfNeeded: random.next())
                case 1: code.remove(at: position)
                default: code.insert(UInt8(truncatingIfNeeded: random.next()), at: position)
                }
            }
            let (cluster, _) = Fixture.cluster()
            let result = cluster.instantiate(
                origin: Fixture.alice, gasLimit: Weight(refTime: 10_000_000_000, proofSize: 1 << 20),
                code: .upload(code), input: SampleContracts.newSelector + [UInt8](repeating: 1, count: 16))
            if case .success(let value) = result.result {
                accepted += 1
                _ = cluster.call(
                    origin: Fixture.alice, dest: value.accountId,
                    gasLimit: Weight(refTime: 10_000_000_000, proofSize: 1 << 20), input: SampleContracts.getSelector)
            }
        }
        #expect(accepted < 2_000)
    }

    /// Random call data never crashes the host.
    @Test func randomInputNeverCrashes() throws {
        let (cluster, _) = Fixture.cluster()
        let token = try Fixture.deploy(
            cluster, try SampleContracts.assemble(SampleContracts.erc20WAT),
            input: SampleContracts.newSelector + Fixture.u128(1_000))
        var random = XorShift(state: 42)
        for _ in 0..<300 {
            let length = Int(random.next() % 80)
            var input = (0..<length).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            if random.next() % 2 == 0 && input.count >= 4 {
                input.replaceSubrange(0..<4, with: SampleContracts.transferSelector)
            }
            let result = cluster.call(origin: Fixture.alice, dest: token, input: input)
            if case .failure(let error) = result.result { #expect(error.contractError != nil) }
        }
    }
}
