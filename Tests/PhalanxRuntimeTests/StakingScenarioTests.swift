import PhalanxPrimitives
import PhalanxRuntime
import Testing


/// The README's worked examples and multi-worker settlement, end to end on the pallets.
@Suite struct StakingScenarioTests {
    @Test func readmeQueueAndSlashExample() throws {
        var world = try StakingWorld()
        let pid = try world.poolWithWorker(owner: world.alice, worker: 1)
        let worker = StakingWorld.worker(1)
        try world.contribute(world.bob, pid, 3000 * pha)
        try world.contribute(world.charlie, pid, 1000 * pha)
        try world.dispatch(PhalaStakePoolv2.Call.startComputing(pid: pid, worker: worker, stake: 4000 * pha), as: .signed(world.alice))
        try world.withdraw(world.charlie, pid, 1000 * pha)
        try world.withdraw(world.bob, pid, 1000 * pha)
        #expect(try world.pool(pid).basepool.withdrawQueue.map(\.user) == [world.charlie, world.bob])
        let treasury = world.free(PhalaComputation.treasuryAccount)
        try world.dispatch(
            PhalaStakePoolv2.Call.slashPool(pid: pid, amount: .permill(try #require(Permill(parts: 250_000))), reason: Array("equivocation".utf8)),
            as: .root)
        var pool = try world.pool(pid)
        #expect(world.free(PhalaComputation.treasuryAccount) == treasury + 1000 * pha)
        #expect(pool.basepool.sharePrice == (try FixedU64F64.ratio(3, 4)))
        #expect(pool.basepool.withdrawQueue.map { pool.basepool.value(of: $0.shares) } == [750 * pha, 750 * pha])
        #expect(pool.basepool.value(of: world.shares(world.bob, pid)) == 1500 * pha)
        try world.dispatch(PhalaStakePoolv2.Call.stopComputing(pid: pid, worker: worker), as: .signed(world.alice))
        world.advance(seconds: 7 * 24 * 3600)
        let (bob, charlie) = (world.free(world.bob), world.free(world.charlie))
        try world.dispatch(PhalaStakePoolv2.Call.reclaimPoolWorker(pid: pid, worker: worker), as: .signed(world.charlie))
        pool = try world.pool(pid)
        #expect(world.free(world.charlie) == charlie + 750 * pha)
        #expect(world.free(world.bob) == bob + 750 * pha)
        #expect(pool.basepool.withdrawQueue.isEmpty)
        #expect(world.free(pool.basepool.poolAccountId) == 1500 * pha)
        #expect(pool.basepool.value(of: world.shares(world.bob, pid)) == 1500 * pha)
        // Withdrawal events name the payees in queue order.
        let payees = world.events(PhalaBasePool.Event.self).compactMap { event -> AccountId32? in
            if case .withdrawal(_, let who, let amount, _, _) = event, amount > 0 { who } else { nil }
        }
        #expect(payees == [world.charlie, world.bob])
    }

    @Test func budgetIsSharedAmongResponsiveWorkers() throws {
        var world = try StakingWorld()
        let first = try world.poolWithWorker(owner: world.alice, worker: 1)
        let second = try world.poolWithWorker(owner: world.bob, worker: 2)
        let third = try world.poolWithWorker(owner: world.charlie, worker: 3)
        for (pid, owner, stake) in [(first, world.alice, 2000 * pha), (second, world.bob, 2000 * pha), (third, world.charlie, 8000 * pha)] {
            try world.contribute(owner, pid, stake)
            try world.dispatch(
                PhalaStakePoolv2.Call.startComputing(pid: pid, worker: StakingWorld.worker(UInt8(pid + 1)), stake: stake), as: .signed(owner))
        }
        world.nextBlock()
        for _ in 0..<50 {
            if (world.block - 1) % 5 == 0 {
                // Workers 1 and 3 heartbeat; worker 2 stays silent and becomes unresponsive.
                try world.dispatch(PhalaComputation.Call.heartbeat(worker: StakingWorld.worker(1)), as: .signed(world.alice))
                try world.dispatch(PhalaComputation.Call.heartbeat(worker: StakingWorld.worker(3)), as: .signed(world.charlie))
            }
            world.nextBlock()
        }
        let rewards = [first, second, third].map { world.session($0, UInt8($0 + 1))?.totalReward ?? 0 }
        #expect(world.session(second, 2)?.state == .workerUnresponsive)
        // The silent worker was paid nothing; the others share 80 % of 50 × 100 PHA less what the
        // silent worker's share took during its first 10 blocks.
        #expect(rewards[1] == 0)
        #expect(rewards[0] > 0 && rewards[2] > rewards[0])
        #expect(rewards[0] + rewards[2] <= 4000 * pha)
        #expect(rewards[0] + rewards[2] > 3500 * pha)
        // The larger stake (larger V) earns the larger share, in proportion to √(V² + (2P)²).
        let v1 = try #require(world.session(first, 1)).ve
        let v3 = try #require(world.session(third, 3)).ve
        let ratio = Double(rewards[2]) / Double(rewards[0])
        let expected = ((Double(v3.bits) / 18_446_744_073_709_551_616).squared + 40_000).squareRoot()
            / ((Double(v1.bits) / 18_446_744_073_709_551_616).squared + 40_000).squareRoot()
        #expect(abs(ratio - expected) / expected < 0.01)
    }
}

extension Double {
    fileprivate var squared: Double { self * self }
}

/// Weight estimates stay sane: every staking call fits in 1 % of a block.
@Suite struct StakingWeightTests {
    @Test func callWeightsAreBounded() {
        let worker = StakingWorld.worker(1)
        let account = AccountId32(bytes: [UInt8](repeating: 1, count: 32))!
        let infos: [DispatchInfo] = [
            PhalaStakePoolv2.Call.create, .addWorker(pid: 0, pubkey: worker), .removeWorker(pid: 0, worker: worker), .setCap(pid: 0, cap: 1),
            .setPayoutPref(pid: 0, payoutCommission: nil), .claimOwnerRewards(pid: 0, target: account), .checkAndMaybeForceWithdraw(pid: 0),
            .contribute(pid: 0, amount: 1, asVault: nil), .withdraw(pid: 0, shares: 1, asVault: nil),
            .startComputing(pid: 0, worker: worker, stake: 1), .stopComputing(pid: 0, worker: worker), .reclaimPoolWorker(pid: 0, worker: worker),
            .slashPool(pid: 0, amount: .amount(1), reason: []), .restartComputing(pid: 0, worker: worker, stake: 1),
        ].map(\.info) + [
            PhalaComputation.Call.setCoolDownExpiration(period: 1), .updateTokenomic(newParams: .phalaDefaults), .setHeartbeatPaused(paused: true),
            .forceRegisterWorker(worker: worker, operator_: account, initialScore: 1, confidenceLevel: 1), .heartbeat(worker: worker),
        ].map(\.info) + [
            PhalaVault.Call.create, .setPayoutPref(pid: 0, payoutCommission: nil), .claimOwnerShares(vaultPid: 0, target: account, shares: 1),
            .maybeGainOwnerShares(vaultPid: 0), .checkAndMaybeForceWithdraw(vaultPid: 0), .contribute(pid: 0, amount: 1), .withdraw(pid: 0, shares: 1),
        ].map(\.info) + [
            PhalaBasePool.Call.addStakerToWhitelist(pid: 0, staker: account), .removeStakerFromWhitelist(pid: 0, staker: account),
        ].map(\.info)
        for info in infos {
            #expect(info.weight.refTime > 0)
            #expect(info.weight.refTime <= Executive.maxBlockWeight.refTime / 100)
        }
    }
}

/// `restart_computing`: more stake without the cool-down, only with an empty queue.
@Suite struct RestartComputingTests {
    @Test func restartWithMoreStake() throws {
        var world = try StakingWorld()
        let pid = try world.poolWithWorker(owner: world.alice, worker: 1)
        let worker = StakingWorld.worker(1)
        try world.contribute(world.bob, pid, 3000 * pha)
        try world.dispatch(PhalaStakePoolv2.Call.startComputing(pid: pid, worker: worker, stake: 1500 * pha), as: .signed(world.alice))
        #expect(throws: PhalaStakePoolv2.Error.invalidRestartStake) {
            try world.dispatch(PhalaStakePoolv2.Call.restartComputing(pid: pid, worker: worker, stake: 1500 * pha), as: .signed(world.alice))
        }
        try world.dispatch(PhalaStakePoolv2.Call.restartComputing(pid: pid, worker: worker, stake: 2500 * pha), as: .signed(world.alice))
        let pool = try world.pool(pid)
        #expect(world.session(pid, 1)?.state == .workerIdle)
        #expect(world.free(pool.lockAccount) == 2500 * pha)
        #expect(world.free(pool.basepool.poolAccountId) == 500 * pha)
        #expect(pool.cdWorkers.isEmpty)
        #expect(PhalaComputation.onlineWorkers.value(world.state) == 1)
        // With a pending withdrawal it is refused.
        try world.withdraw(world.bob, pid, 1000 * pha)
        #expect(throws: PhalaStakePoolv2.Error.withdrawQueueNotEmpty) {
            try world.dispatch(PhalaStakePoolv2.Call.restartComputing(pid: pid, worker: worker, stake: 2600 * pha), as: .signed(world.alice))
        }
    }
}
