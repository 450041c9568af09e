import PhalanxPrimitives
import PhalanxRuntime
import PropertyBased
import Testing

/// FixedU64F64 and Permill: exact known values, identities and rounding (Double only to cross-check).
@Suite struct FixedPointTests {
    @Test func knownValues() throws {
        #expect(FixedU64F64(4).squareRoot() == FixedU64F64(2))
        #expect(FixedU64F64(10_000).squareRoot() == FixedU64F64(100))
        // floor(√2 · 2⁶⁴) and floor(√3 · 2⁶⁴), from Python's math.isqrt.
        #expect(FixedU64F64(2).squareRoot().bits == 26_087_635_650_665_564_424)
        #expect(FixedU64F64(3).squareRoot().bits == 31_950_697_969_885_030_203)
        #expect(FixedU64F64.zero.squareRoot() == .zero)
        #expect(try FixedU64F64.ratio(1, 3).bits == 6_148_914_691_236_517_205)
        #expect(TokenomicParams.phalaDefaults.rho.bits == 18_446_756_370_313_412_348)
        #expect(try FixedU64F64(6).multiplied(by: FixedU64F64(7)) == FixedU64F64(42))
        #expect(try FixedU64F64(42).divided(by: FixedU64F64(6)) == FixedU64F64(7))
        #expect(try FixedU64F64.ratio(1, 2).multiplied(by: .ratio(1, 2)) == .ratio(1, 4))
        #expect(try FixedU64F64(2).power(10) == FixedU64F64(1024))
        #expect(FixedU64F64(bits: (1 << 64) + (1 << 63)).description == "1.500000000000000000")
    }

    @Test func roundingIsDownward() throws {
        // 1/3 · 3 loses exactly one unit in the last place.
        #expect(try FixedU64F64.ratio(1, 3).multiplied(by: FixedU64F64(3)).bits == (1 << 64) - 1)
        #expect(try FixedU64F64.one.divided(by: FixedU64F64(3)) == .ratio(1, 3))
        // Balance conversion: 1.5 PHA round-trips exactly; 1 planck becomes 0.000000000001 PHA, rounded down.
        let onePointFive = try FixedU64F64.fromBalance(1_500_000_000_000)
        #expect(try onePointFive == FixedU64F64.ratio(3, 2))
        #expect(try onePointFive.toBalance() == 1_500_000_000_000)
        #expect(try FixedU64F64.fromBalance(1).toBalance() == 0)
    }

    @Test func errorsInsteadOfTraps() {
        #expect(throws: DispatchError.arithmetic(.overflow)) { try FixedU64F64.max.multiplied(by: FixedU64F64(2)) }
        #expect(throws: DispatchError.arithmetic(.overflow)) { try FixedU64F64.max.adding(.one) }
        #expect(throws: DispatchError.arithmetic(.underflow)) { try FixedU64F64.zero.subtracting(.one) }
        #expect(throws: DispatchError.arithmetic(.divisionByZero)) { try FixedU64F64.one.divided(by: .zero) }
        #expect(throws: DispatchError.arithmetic(.divisionByZero)) { try FixedU64F64.ratio(1, 0) }
        #expect(throws: DispatchError.arithmetic(.overflow)) { try FixedU64F64.max.divided(by: .ratio(1, 2)) }
        #expect(throws: DispatchError.arithmetic(.overflow)) { try UInt128.max.multipliedDivided(by: 2, 1) }
    }

    @Test func squareRootIsExactFloor() async {
        await propertyCheck(count: 300, input: Gen.uint128()) { raw in
            let x = FixedU64F64(bits: raw)
            let root = x.squareRoot().bits
            // root² ≤ x·2⁶⁴ < (root+1)², compared in 256 bits.
            let target = (high: raw >> 64, low: raw << 64)
            let square = root.multipliedFullWidth(by: root)
            let next = (root + 1).multipliedFullWidth(by: root + 1)
            #expect(square.high < target.high || (square.high == target.high && square.low <= target.low))
            #expect(next.high > target.high || (next.high == target.high && next.low > target.low))
        }
    }

    @Test func mulDivIdentities() async {
        await propertyCheck(count: 300, input: Gen.uint64(), Gen.uint64(in: 1...UInt64.max), Gen.uint64()) { a, b, fraction in
            let x = FixedU64F64(bits: (UInt128(a) << 32) | UInt128(fraction >> 32))
            let y = FixedU64F64(bits: UInt128(b) << 16)
            // (x·y)/y is within a few units of x (two downward roundings).
            if let product = try? x.multiplied(by: y), let back = try? product.divided(by: y) {
                #expect(back <= x)
                let ulps = (x.bits - back.bits)
                let bound = (UInt128(1) << 64) / y.bits + 2
                #expect(ulps <= bound)
            }
            // Commutativity and agreement with Double to 1e-12 relative.
            #expect((try? x.multiplied(by: y)) == (try? y.multiplied(by: x)))
            if let product = try? x.multiplied(by: y), product.bits > 1 << 70 {
                let expected = Double(x.bits) / 18_446_744_073_709_551_616 * (Double(y.bits) / 18_446_744_073_709_551_616)
                let actual = Double(product.bits) / 18_446_744_073_709_551_616
                #expect(abs(actual - expected) / expected < 1e-12)
            }
        }
    }

    @Test func rhoMatchesHourlyGrowth() throws {
        // rho^300 ≈ 1.0002 (the hourly growth of V at 12 s blocks).
        let hourly = try TokenomicParams.phalaDefaults.rho.power(300)
        let value = Double(hourly.bits) / 18_446_744_073_709_551_616
        #expect(abs(value - 1.0002) < 1e-9)
    }

    @Test func permill() throws {
        #expect(Permill(parts: 1_000_001) == nil)
        #expect(try #require(Permill(parts: 100_000)).of(1_000) == 100)
        #expect(try #require(Permill(parts: 333_333)).of(10) == 3)
        #expect(Permill.one.of(UInt128.max) == UInt128.max)
        #expect(try Permill.decode(scale: UInt32(2_000_000).scaleEncoded) == Permill.one)
    }

    @Test func minimumStakeAndInitialV() throws {
        let params = TokenomicParams.phalaDefaults
        // k·√p = 100·√100 = 1000 PHA exactly.
        #expect(try PhalaComputation.minimumStake(p: 100, params: params) == 1000 * Balances.dollars)
        // Ve = 1.3 · (1000 + 0.3·100) = 1339 PHA (to within rounding of 1.3 and 0.3).
        let ve = try PhalaComputation.initialV(stake: 1000 * Balances.dollars, p: 100, confidenceLevel: 1, params: params)
        #expect(abs(Double(ve.bits) / 18_446_744_073_709_551_616 - 1339) < 1e-9)
        // Confidence level 5: ((1.3 − 1)·0.7 + 1) · 1030 = 1.21 · 1030 = 1246.3.
        let ve5 = try PhalaComputation.initialV(stake: 1000 * Balances.dollars, p: 100, confidenceLevel: 5, params: params)
        #expect(abs(Double(ve5.bits) / 18_446_744_073_709_551_616 - 1246.3) < 1e-9)
    }
}

/// The heartbeat challenge: Phala's `pow_target` and the challenged fraction of workers.
@Suite struct HeartbeatChallengeTests {
    @Test func onlineTargetFormula() {
        #expect(PhalaComputation.onlineTarget(numTx: 20, onlineWorkers: 0, secsPerBlock: 12) == ChallengeU256(high: 0, low: 0))
        // N = 1, 12 s blocks: t = min(20, 2/300); frac = ⌊(t/N)·2²⁴⌋ = 111 848 (U32F32 truncation).
        let one = PhalaComputation.onlineTarget(numTx: 20, onlineWorkers: 1, secsPerBlock: 12)
        let frac: UInt128 = 111_848
        #expect(one == ChallengeU256(high: (frac << 104) - 1, low: UInt128.max - frac + 1))
        // Many workers: t is capped by num_tx = 20, so the target shrinks as N grows.
        let many = PhalaComputation.onlineTarget(numTx: 20, onlineWorkers: 100_000, secsPerBlock: 12)
        #expect(many < PhalaComputation.onlineTarget(numTx: 20, onlineWorkers: 1000, secsPerBlock: 12))
        // Every worker when t/N would reach 1.
        #expect(PhalaComputation.onlineTarget(numTx: 20, onlineWorkers: 1, secsPerBlock: 1800) == ChallengeU256(high: .max, low: .max))
        let bytes = (0..<32).map { UInt8($0) }
        #expect(ChallengeU256(bigEndian: bytes).bigEndianBytes == bytes)
    }

    @Test func aboutTwoChallengesPerWorkerHour() {
        // 1000 workers, 12 s blocks: t = 2000/300 ⇒ each worker is challenged with probability 1/150.
        let target = PhalaComputation.onlineTarget(numTx: 20, onlineWorkers: 1000, secsPerBlock: 12)
        let challenge = HeartbeatChallenge(
            seed: H256(unchecked: blake2_256(Array("seed".utf8))), onlineTarget: H256(unchecked: target.bigEndianBytes))
        let keys = 30_000
        let hits = (0..<keys).filter { n in
            challenge.challenges(H256(unchecked: blake2_256(withUnsafeBytes(of: UInt64(n).littleEndian) { Array($0) })))
        }.count
        #expect(abs(hits - keys / 150) < 60, "\(hits) challenged")
    }

    @Test func eachBlockPublishesAChallenge() throws {
        var world = try StakingWorld()
        world.nextBlock()
        let challenge = try #require(PhalaComputation.heartbeatChallenge.get(world.state))
        #expect(challenge.onlineTarget == .zero)  // no online workers
    }
}
