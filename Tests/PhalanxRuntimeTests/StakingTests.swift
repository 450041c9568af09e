import PhalanxPrimitives
import PhalanxRuntime
import Foundation
import Testing

private let bitsPerUnit = 18_446_744_073_709_551_616.0

/// Unit tests of PhalaComputation, PhalaBasePool and PhalaStakePoolv2, one rule each.
@Suite struct StakingTests {
    // MARK: - Headline

    /// One pool, constant reward rate r, stake S for D blocks ⇒ reward = S·D·r.
    @Test func rewardIsStakeTimesBlocksTimesRate() throws {
        var world = try StakingWorld()
        let pid = try world.poolWithWorker(owner: world.alice, worker: 1)
        try world.dispatch(PhalaStakePoolv2.Call.setPayoutPref(pid: pid, payoutCommission: Permill(parts: 100_000)), as: .signed(world.alice))
        try world.contribute(world.bob, pid, 3000 * pha)
        try world.contribute(world.charlie, pid, 1000 * pha)
        let total: UInt128 = 4000 * pha
        try world.dispatch(PhalaStakePoolv2.Call.startComputing(pid: pid, worker: StakingWorld.worker(1), stake: total), as: .signed(world.alice))
        let issuanceBefore = world.issuance
        let treasuryBefore = world.free(PhalaComputation.treasuryAccount)
        world.nextBlock()
        let blocks: UInt128 = 100
        for _ in 0..<blocks {
            if (world.block - 1) % 5 == 0 { try world.dispatch(PhalaComputation.Call.heartbeat(worker: StakingWorld.worker(1)), as: .signed(world.alice)) }
            world.nextBlock()
        }
        // r = budget·(1 − treasury)·(1 − commission) / T per planck of stake per block.
        // S·D·r for bob: 3000 PHA · 100 · (100 PHA · 0.8 · 0.9 / 4000 PHA) = 5400 PHA.
        let pool = try world.pool(pid)
        let bobValue = pool.basepool.value(of: world.shares(world.bob, pid))
        let expectedBob = 3000 * pha * blocks * (100 * 8 * 9) / (100 * 4000) + 3000 * pha
        #expect(bobValue.distance(to: expectedBob).magnitude < 10_000, "bob \(bobValue) vs \(expectedBob)")
        let charlieValue = pool.basepool.value(of: world.shares(world.charlie, pid))
        #expect(charlieValue.distance(to: 1000 * pha + 1800 * pha).magnitude < 10_000)
        // Commission 10 % of 8000 PHA to the owner account; 20 % of the budget to the treasury.
        #expect(world.free(pool.ownerRewardAccount).distance(to: 800 * pha).magnitude < 10_000)
        #expect((world.free(PhalaComputation.treasuryAccount) - treasuryBefore).distance(to: 2000 * pha).magnitude < 10_000)
        // Minted exactly what was paid out.
        #expect((world.issuance - issuanceBefore).distance(to: 10_000 * pha).magnitude < 10_000)
        #expect(world.session(pid, 1)?.totalReward ?? 0 > 7999 * pha)
        #expect(pool.basepool.totalValue == world.free(pool.basepool.poolAccountId) + world.free(pool.lockAccount))
    }

    // MARK: - Computation

    @Test func startComputingChecksMinStakeAndVmax() throws {
        var world = try StakingWorld()
        let pid = try world.poolWithWorker(owner: world.alice, worker: 1)
        try world.contribute(world.bob, pid, 40_000 * pha)
        let worker = StakingWorld.worker(1)
        #expect(throws: PhalaComputation.Error.insufficientStake) {
            try world.dispatch(PhalaStakePoolv2.Call.startComputing(pid: pid, worker: worker, stake: 999 * pha), as: .signed(world.alice))
        }
        #expect(throws: PhalaComputation.Error.tooMuchStake) {
            try world.dispatch(PhalaStakePoolv2.Call.startComputing(pid: pid, worker: worker, stake: 30_000 * pha), as: .signed(world.alice))
        }
        #expect(throws: PhalaStakePoolv2.Error.insufficientFreeStake) {
            try world.dispatch(PhalaStakePoolv2.Call.startComputing(pid: pid, worker: worker, stake: 50_000 * pha), as: .signed(world.alice))
        }
        #expect(throws: PhalaStakePoolv2.Error.unauthorizedPoolOwner) {
            try world.dispatch(PhalaStakePoolv2.Call.startComputing(pid: pid, worker: worker, stake: 1000 * pha), as: .signed(world.bob))
        }
        try world.dispatch(PhalaStakePoolv2.Call.startComputing(pid: pid, worker: worker, stake: 1000 * pha), as: .signed(world.alice))
        let session = try #require(world.session(pid, 1))
        #expect(session.state == .workerIdle)
        #expect(abs(Double(session.ve.bits) / bitsPerUnit - 1339) < 1e-9)
        #expect(PhalaComputation.onlineWorkers.value(world.state) == 1)
        #expect(world.free(try world.pool(pid).lockAccount) == 1000 * pha)
    }

    @Test func lowBenchmarkCannotStart() throws {
        var world = try StakingWorld()
        try world.registerWorker(1, operator_: world.alice, p: 49)
        try world.dispatch(PhalaStakePoolv2.Call.create, as: .signed(world.alice))
        try world.dispatch(PhalaStakePoolv2.Call.addWorker(pid: 0, pubkey: StakingWorld.worker(1)), as: .signed(world.alice))
        try world.contribute(world.bob, 0, 2000 * pha)
        #expect(throws: PhalaComputation.Error.benchmarkTooLow) {
            try world.dispatch(PhalaStakePoolv2.Call.startComputing(pid: 0, worker: StakingWorld.worker(1), stake: 1000 * pha), as: .signed(world.alice))
        }
    }

    @Test func idleGrowthUnresponsiveSlashAndRecovery() throws {
        var world = try StakingWorld()
        let pid = try world.poolWithWorker(owner: world.alice, worker: 1)
        try world.contribute(world.bob, pid, 2000 * pha)
        try world.dispatch(PhalaStakePoolv2.Call.startComputing(pid: pid, worker: StakingWorld.worker(1), stake: 2000 * pha), as: .signed(world.alice))
        let params = TokenomicParams.phalaDefaults
        let v0 = try #require(world.session(pid, 1)).v
        world.nextBlock()
        // Idle: ΔV = (rho − 1)·V + cost_k·p + cost_b.
        let v1 = try #require(world.session(pid, 1)).v
        let toDouble = { (x: FixedU64F64) in Double(x.bits) / bitsPerUnit }
        let expected = toDouble(v0) * toDouble(params.rho) + toDouble(params.costK) * 100 + toDouble(params.costB)
        #expect(abs(toDouble(v1) - expected) < 1e-9)
        #expect(try #require(world.session(pid, 1)).vDeductible == v1.saturatingSubtracting(v0))
        // Silent for more than the heartbeat window ⇒ unresponsive, and V decays by slash_rate per block.
        world.nextBlocks(10)
        #expect(world.session(pid, 1)?.state == .workerIdle)  // exactly the window: still responsive
        world.nextBlock()
        #expect(world.session(pid, 1)?.state == .workerUnresponsive)
        #expect(world.events(PhalaComputation.Event.self).contains { if case .workerEnterUnresponsive = $0 { true } else { false } })
        let vBefore = try #require(world.session(pid, 1)).v
        world.nextBlocks(5)
        let vAfter = try #require(world.session(pid, 1)).v
        let decay = pow(1 - toDouble(params.slashRate), 5)
        #expect(vAfter < vBefore)
        #expect(abs(toDouble(vAfter) - toDouble(vBefore) * decay) < 1e-9)
        // Nothing is paid while unresponsive; a heartbeat recovers without payout.
        let issuance = world.issuance
        try world.dispatch(PhalaComputation.Call.heartbeat(worker: StakingWorld.worker(1)), as: .signed(world.alice))
        world.nextBlock()
        #expect(world.session(pid, 1)?.state == .workerIdle)
        #expect(world.issuance == issuance)
        #expect(throws: PhalaComputation.Error.notWorkerOperator) {
            try world.dispatch(PhalaComputation.Call.heartbeat(worker: StakingWorld.worker(1)), as: .signed(world.bob))
        }
    }

    @Test func stopCoolDownAndReclaim() throws {
        var world = try StakingWorld()
        let pid = try world.poolWithWorker(owner: world.alice, worker: 1)
        try world.contribute(world.bob, pid, 2000 * pha)
        let worker = StakingWorld.worker(1)
        try world.dispatch(PhalaStakePoolv2.Call.startComputing(pid: pid, worker: worker, stake: 1500 * pha), as: .signed(world.alice))
        try world.dispatch(PhalaStakePoolv2.Call.stopComputing(pid: pid, worker: worker), as: .signed(world.alice))
        #expect(world.session(pid, 1)?.state == .workerCoolingDown)
        #expect(try world.pool(pid).cdWorkers == [worker])
        #expect(throws: PhalaComputation.Error.coolDownNotReady) {
            try world.dispatch(PhalaStakePoolv2.Call.reclaimPoolWorker(pid: pid, worker: worker), as: .signed(world.charlie))
        }
        #expect(throws: PhalaStakePoolv2.Error.workerIsCoolingDown) {
            try world.dispatch(PhalaStakePoolv2.Call.startComputing(pid: pid, worker: worker, stake: 1000 * pha), as: .signed(world.alice))
        }
        world.advance(seconds: 7 * 24 * 3600)
        try world.dispatch(PhalaStakePoolv2.Call.reclaimPoolWorker(pid: pid, worker: worker), as: .signed(world.charlie))
        let pool = try world.pool(pid)
        #expect(world.session(pid, 1)?.state == .ready)
        #expect(pool.cdWorkers.isEmpty)
        #expect(world.free(pool.basepool.poolAccountId) == 2000 * pha)
        #expect(world.free(pool.lockAccount) == 0)
        // Ready again: the worker can be removed, and re-started later.
        try world.dispatch(PhalaStakePoolv2.Call.removeWorker(pid: pid, worker: worker), as: .signed(world.alice))
        #expect(try world.pool(pid).workers.isEmpty)
    }

    @Test func updateTokenomicNeedsRoot() throws {
        var world = try StakingWorld()
        var params = TokenomicParams.phalaDefaults
        params.budgetPerBlock = FixedU64F64(50)
        #expect(throws: DispatchError.badOrigin) { try world.dispatch(PhalaComputation.Call.updateTokenomic(newParams: params), as: .signed(world.alice)) }
        try world.dispatch(PhalaComputation.Call.updateTokenomic(newParams: params), as: .root)
        #expect(PhalaComputation.tokenomicParameters.value(world.state)?.budgetPerBlock == FixedU64F64(50))
        #expect(try TokenomicParams.decode(scale: params.scaleEncoded) == params)
    }

    // MARK: - Pools

    @Test func poolAccountsAreDerivedAsPhala() throws {
        var world = try StakingWorld()
        let pid = try world.poolWithWorker(owner: world.alice, worker: 1)
        let pool = try world.pool(pid)
        let seed = pid.scaleEncoded + world.alice.scaleEncoded
        #expect(pool.basepool.poolAccountId.bytes == Array((Array("bp/".utf8) + blake2_256(seed)).prefix(32)))
        #expect(pool.lockAccount.bytes == Array((Array("sl/".utf8) + blake2_256(seed)).prefix(32)))
        #expect(pool.ownerRewardAccount.bytes == Array((Array("so/".utf8) + blake2_256(seed)).prefix(32)))
        let session = PhalaStakePoolv2.sessionAccount(pid: pid, worker: StakingWorld.worker(1))
        #expect(session.bytes == Array((Array("spm/".utf8) + blake2_256(pid.scaleEncoded + StakingWorld.worker(1).scaleEncoded)).prefix(32)))
        #expect(PhalaComputation.treasuryAccount.bytes == Array("modlpy/trsry".utf8) + [UInt8](repeating: 0, count: 20))
        #expect(pool.basepool.cid == 10_000)
    }

    @Test func addWorkerRules() throws {
        var world = try StakingWorld()
        let pid = try world.poolWithWorker(owner: world.alice, worker: 1)
        try world.registerWorker(2, operator_: world.bob)
        #expect(throws: PhalaStakePoolv2.Error.unauthorizedOperator) {
            try world.dispatch(PhalaStakePoolv2.Call.addWorker(pid: pid, pubkey: StakingWorld.worker(2)), as: .signed(world.alice))
        }
        #expect(throws: PhalaStakePoolv2.Error.unauthorizedPoolOwner) {
            try world.dispatch(PhalaStakePoolv2.Call.addWorker(pid: pid, pubkey: StakingWorld.worker(2)), as: .signed(world.bob))
        }
        #expect(throws: PhalaStakePoolv2.Error.workerNotRegistered) {
            try world.dispatch(PhalaStakePoolv2.Call.addWorker(pid: pid, pubkey: StakingWorld.worker(9)), as: .signed(world.alice))
        }
        #expect(throws: PhalaStakePoolv2.Error.workerExists) {
            try world.dispatch(PhalaStakePoolv2.Call.addWorker(pid: pid, pubkey: StakingWorld.worker(1)), as: .signed(world.alice))
        }
        try world.dispatch(PhalaStakePoolv2.Call.create, as: .signed(world.alice))
        #expect(throws: PhalaStakePoolv2.Error.workerInAnotherPool) {
            try world.dispatch(PhalaStakePoolv2.Call.addWorker(pid: 1, pubkey: StakingWorld.worker(1)), as: .signed(world.alice))
        }
        #expect(throws: PhalaBasePool.Error.poolDoesNotExist) { try world.contribute(world.bob, 7, 10 * pha) }
    }

    @Test func contributionRules() throws {
        var world = try StakingWorld()
        let pid = try world.poolWithWorker(owner: world.alice, worker: 1)
        #expect(throws: PhalaStakePoolv2.Error.insufficientContribution) { try world.contribute(world.bob, pid, pha / 1000) }
        try world.contribute(world.bob, pid, 1000 * pha)
        #expect(world.shares(world.bob, pid) == 1000 * pha)
        // Cap: not below the current value; contributions beyond it fail.
        #expect(throws: PhalaStakePoolv2.Error.inadequateCapacity) {
            try world.dispatch(PhalaStakePoolv2.Call.setCap(pid: pid, cap: 999 * pha), as: .signed(world.alice))
        }
        try world.dispatch(PhalaStakePoolv2.Call.setCap(pid: pid, cap: 1500 * pha), as: .signed(world.alice))
        #expect(throws: PhalaStakePoolv2.Error.stakeExceedsCapacity) { try world.contribute(world.charlie, pid, 501 * pha) }
        try world.contribute(world.charlie, pid, 500 * pha)
        // Whitelist: only listed stakers and the owner.
        try world.dispatch(PhalaBasePool.Call.addStakerToWhitelist(pid: pid, staker: world.charlie), as: .signed(world.alice))
        try world.dispatch(PhalaStakePoolv2.Call.setCap(pid: pid, cap: 10_000 * pha), as: .signed(world.alice))
        #expect(throws: PhalaStakePoolv2.Error.notInContributeWhitelist) { try world.contribute(world.bob, pid, 10 * pha) }
        try world.contribute(world.charlie, pid, 10 * pha)
        try world.contribute(world.alice, pid, 10 * pha)
        try world.dispatch(PhalaBasePool.Call.removeStakerFromWhitelist(pid: pid, staker: world.charlie), as: .signed(world.alice))
        try world.contribute(world.bob, pid, 10 * pha)
        #expect(throws: PhalaBasePool.Error.poolDoesNotExist) {
            try world.dispatch(PhalaStakePoolv2.Call.contribute(pid: pid, amount: 10 * pha, asVault: 3), as: .signed(world.bob))
        }
    }

    @Test func sharePriceFollowsRewardsAndCommission() throws {
        var world = try StakingWorld()
        let pid = try world.poolWithWorker(owner: world.alice, worker: 1)
        try world.dispatch(PhalaStakePoolv2.Call.setPayoutPref(pid: pid, payoutCommission: Permill(parts: 250_000)), as: .signed(world.alice))
        try world.contribute(world.bob, pid, 1000 * pha)
        let issuance = world.issuance
        #expect(try world.run { try PhalaStakePoolv2.rewardPool(pid: pid, amount: 400 * pha, context: &$0) })
        var pool = try world.pool(pid)
        // 25 % commission: 100 PHA to the owner account, 300 PHA raise the price to 1.3.
        #expect(world.free(pool.ownerRewardAccount) == 100 * pha)
        #expect(pool.basepool.totalValue == 1300 * pha)
        #expect(pool.basepool.sharePrice == (try FixedU64F64.ratio(13, 10)))
        #expect(world.issuance == issuance + 400 * pha)
        // A new contribution buys at the new price.
        try world.contribute(world.charlie, pid, 130 * pha)
        #expect(world.shares(world.charlie, pid) == 100 * pha)
        // Dust rewards are dismissed, not minted.
        #expect(try !world.run { try PhalaStakePoolv2.rewardPool(pid: pid, amount: 1000, context: &$0) })
        #expect(world.issuance == issuance + 400 * pha)
        // The owner claims the commission.
        let before = world.free(world.charlie)
        #expect(throws: PhalaStakePoolv2.Error.unauthorizedPoolOwner) {
            try world.dispatch(PhalaStakePoolv2.Call.claimOwnerRewards(pid: pid, target: world.charlie), as: .signed(world.bob))
        }
        try world.dispatch(PhalaStakePoolv2.Call.claimOwnerRewards(pid: pid, target: world.charlie), as: .signed(world.alice))
        pool = try world.pool(pid)
        #expect(world.free(world.charlie) == before + 100 * pha)
        #expect(world.free(pool.ownerRewardAccount) == 0)
        #expect(throws: PhalaStakePoolv2.Error.noRewardToClaim) {
            try world.dispatch(PhalaStakePoolv2.Call.claimOwnerRewards(pid: pid, target: world.charlie), as: .signed(world.alice))
        }
    }

    @Test func withdrawQueueIsFifoMergedAndPartiallyFilled() throws {
        var world = try StakingWorld()
        let pid = try world.poolWithWorker(owner: world.alice, worker: 1)
        try world.contribute(world.bob, pid, 3000 * pha)
        try world.contribute(world.charlie, pid, 1000 * pha)
        // Free stake pays at once.
        let bobBefore = world.free(world.bob)
        try world.withdraw(world.bob, pid, 100 * pha)
        #expect(world.free(world.bob) == bobBefore + 100 * pha)
        #expect(try world.pool(pid).basepool.withdrawQueue.isEmpty)
        // Everything staked: requests wait in the queue.
        try world.dispatch(PhalaStakePoolv2.Call.startComputing(pid: pid, worker: StakingWorld.worker(1), stake: 3900 * pha), as: .signed(world.alice))
        try world.withdraw(world.bob, pid, 1000 * pha)
        try world.withdraw(world.charlie, pid, 500 * pha)
        #expect(throws: PhalaBasePool.Error.invalidShareToWithdraw) { try world.withdraw(world.charlie, pid, 600 * pha) }
        // A second request merges with the first and moves to the back.
        try world.withdraw(world.bob, pid, 500 * pha)
        var queue = try world.pool(pid).basepool.withdrawQueue
        #expect(queue.map(\.user) == [world.charlie, world.bob])
        #expect(queue.map(\.shares) == [500 * pha, 1500 * pha])
        #expect(world.shares(world.bob, pid) == 1400 * pha)
        // 1200 PHA of new free stake: charlie is paid in full, then bob partially.
        let charlieBefore = world.free(world.charlie)
        let bobMid = world.free(world.bob)
        try world.contribute(world.alice, pid, 1200 * pha)
        queue = try world.pool(pid).basepool.withdrawQueue
        #expect(world.free(world.charlie) == charlieBefore + 500 * pha)
        #expect(world.free(world.bob) == bobMid + 700 * pha)
        #expect(queue.map(\.user) == [world.bob])
        #expect(queue.first?.shares == 800 * pha)
        let pool = try world.pool(pid)
        #expect(pool.basepool.totalValue == world.free(pool.basepool.poolAccountId) + world.free(pool.lockAccount))
        #expect(pool.basepool.totalShares == pool.basepool.totalValue)
    }

    @Test func gracePeriodForcesShutdown() throws {
        var world = try StakingWorld()
        let pid = try world.poolWithWorker(owner: world.alice, worker: 1)
        try world.contribute(world.bob, pid, 2000 * pha)
        try world.dispatch(PhalaStakePoolv2.Call.startComputing(pid: pid, worker: StakingWorld.worker(1), stake: 2000 * pha), as: .signed(world.alice))
        try world.withdraw(world.bob, pid, 2000 * pha)
        world.advance(seconds: 7 * 24 * 3600)
        try world.dispatch(PhalaStakePoolv2.Call.checkAndMaybeForceWithdraw(pid: pid), as: .signed(world.charlie))
        #expect(world.session(pid, 1)?.state == .workerIdle)
        world.advance(seconds: 1)
        try world.dispatch(PhalaStakePoolv2.Call.checkAndMaybeForceWithdraw(pid: pid), as: .signed(world.charlie))
        #expect(world.session(pid, 1)?.state == .workerCoolingDown)
        #expect(world.events(PhalaStakePoolv2.Event.self).contains { if case .poolForcedShutdown(pid) = $0 { true } else { false } })
        // Cooling-down stake now counts as budget: no further shutdown needed; reclaim pays the queue.
        world.advance(seconds: 7 * 24 * 3600)
        let bobBefore = world.free(world.bob)
        try world.dispatch(PhalaStakePoolv2.Call.reclaimPoolWorker(pid: pid, worker: StakingWorld.worker(1)), as: .signed(world.charlie))
        #expect(world.free(world.bob) == bobBefore + 2000 * pha)
        #expect(try world.pool(pid).basepool.withdrawQueue.isEmpty)
    }

    @Test func slashPoolSharesLossProRataAndFundsTreasury() throws {
        var world = try StakingWorld()
        let pid = try world.poolWithWorker(owner: world.alice, worker: 1)
        try world.contribute(world.bob, pid, 3000 * pha)
        try world.contribute(world.charlie, pid, 1000 * pha)
        let worker = StakingWorld.worker(1)
        try world.dispatch(PhalaStakePoolv2.Call.startComputing(pid: pid, worker: worker, stake: 2000 * pha), as: .signed(world.alice))
        try world.withdraw(world.charlie, pid, 1000 * pha)  // paid from free stake
        try world.withdraw(world.bob, pid, 1000 * pha)  // 1000 free left: paid
        try world.withdraw(world.bob, pid, 1000 * pha)  // queued
        let issuance = world.issuance
        let treasury = world.free(PhalaComputation.treasuryAccount)
        let reason = Array("equivocation".utf8)
        #expect(throws: DispatchError.badOrigin) {
            try world.dispatch(PhalaStakePoolv2.Call.slashPool(pid: pid, amount: .permill(Permill.one), reason: reason), as: .signed(world.alice))
        }
        // 2000 PHA staked, 1000 PHA of it queued for bob: a 25 % slash takes 500 PHA from locked stake.
        try world.dispatch(PhalaStakePoolv2.Call.slashPool(pid: pid, amount: .permill(try #require(Permill(parts: 250_000))), reason: reason), as: .root)
        var pool = try world.pool(pid)
        #expect(pool.basepool.totalValue == 1500 * pha)
        #expect(world.free(PhalaComputation.treasuryAccount) == treasury + 500 * pha)
        #expect(world.issuance == issuance)
        #expect(world.free(pool.lockAccount) == 1500 * pha)
        #expect(PhalaComputation.stakes.get(PhalaStakePoolv2.sessionAccount(pid: pid, worker: worker), in: world.state) == 1500 * pha)
        // Queued and free shares lose the same fraction.
        #expect(pool.basepool.value(of: world.shares(world.bob, pid)) == 750 * pha)
        #expect(pool.basepool.value(of: pool.basepool.withdrawQueue[0].shares) == 750 * pha)
        #expect(world.events(PhalaStakePoolv2.Event.self).contains { if case .poolSlashed(pid, 500 * pha, reason) = $0 { true } else { false } })
        // An absolute slash is clamped to the pool value; the pool is then bankrupt.
        try world.dispatch(PhalaStakePoolv2.Call.slashPool(pid: pid, amount: .amount(1_000_000 * pha), reason: []), as: .root)
        pool = try world.pool(pid)
        #expect(pool.basepool.totalValue == 0)
        #expect(world.free(PhalaComputation.treasuryAccount) == treasury + 2000 * pha)
        #expect(throws: PhalaStakePoolv2.Error.poolBankrupt) { try world.contribute(world.charlie, pid, 10 * pha) }
        #expect(throws: PhalaStakePoolv2.Error.invalidSlashAmount) {
            try world.dispatch(PhalaStakePoolv2.Call.slashPool(pid: pid, amount: .amount(1), reason: []), as: .root)
        }
    }

    @Test func callsRoundTripAndRunAsExtrinsics() throws {
        let calls: [PhalaStakePoolv2.Call] = [
            .create, .addWorker(pid: 1, pubkey: StakingWorld.worker(3)), .setPayoutPref(pid: 2, payoutCommission: Permill(parts: 7)),
            .contribute(pid: 1, amount: 5, asVault: nil), .withdraw(pid: 1, shares: 9, asVault: 4),
            .slashPool(pid: 1, amount: .permill(.one), reason: [1, 2]), .checkAndMaybeForceWithdraw(pid: 3),
        ]
        for call in calls { #expect(try PhalaStakePoolv2.Call.decode(scale: call.scaleEncoded).scaleEncoded == call.scaleEncoded) }
        var chain = try RuntimeHarness()
        _ = try chain.block([chain.sign(PhalaStakePoolv2.Call.create, by: RuntimeHarness.alice)])
        _ = try chain.block([chain.sign(PhalaStakePoolv2.Call.contribute(pid: 0, amount: 50 * pha, asVault: nil), by: RuntimeHarness.bob)])
        let pool = try PhalaBasePool.stakePool(0, in: StateOverlay(base: chain.state))
        #expect(pool.basepool.owner == RuntimeHarness.alice.accountId)
        #expect(pool.basepool.totalValue == 50 * pha)
    }
}
