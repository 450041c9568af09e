import PhalanxPrimitives
import PhalanxRuntime
import PropertyBased
import Testing


/// Random sequences of contribute / withdraw / reward / slash / start / stop / reclaim across
/// several users and pools, checking the staking invariants after every step.
@Suite struct StakingPropertyTests {
    /// One random operation decoded from 64 random bits.
    struct Op: CustomStringConvertible {
        let kind: Int, user: Int, pool: Int, amount: UInt128, fraction: UInt128
        init(_ x: UInt64) {
            kind = Int(x % 14)
            user = Int((x >> 8) % 6)
            pool = Int((x >> 16) % 3)
            amount = UInt128((x >> 24) % 5000 + 1) * pha / UInt128((x >> 60) + 1)
            fraction = UInt128((x >> 40) % 100 + 1)
        }
        var description: String { "op(\(kind), user \(user), pool \(pool), \(amount), \(fraction)%)" }
    }

    @Test func invariantsHoldOverRandomSequences() async throws {
        await propertyCheck(count: 100, input: Gen.uint64().array(of: 5...40)) { raw in
            do { try Self.run(raw.map(Op.init)) } catch { Issue.record("setup failed: \(error)") }
        }
    }

    /// Shrunk counterexamples found earlier (a vault shutdown queueing in a pool), replayed.
    @Test func regressions() throws {
        try Self.run([6_570_497_079_517_249_167, 5_129_793_500_110_545_613, 16_042_681_859_927_059_690, 8_050_058_811_315_712_701, 0].map(Op.init))
    }

    static func run(_ ops: [Op]) throws {
        var world = try StakingWorld()
        let owners = [world.alice, world.bob, world.charlie]
        var users = owners
        for n in 0..<3 {
            let user = AccountId32(bytes: [UInt8](repeating: 0xA0 + UInt8(n), count: 32))!
            try world.run { try Balances.deposit(user, amount: 100_000 * pha, context: &$0) }
            users.append(user)
        }
        let commissions: [UInt32] = [100_000, 0, 500_000]
        var pids: [UInt64] = []
        for (index, owner) in owners.enumerated() {
            let pid = try world.poolWithWorker(owner: owner, worker: UInt8(index + 1))
            try world.dispatch(PhalaStakePoolv2.Call.setPayoutPref(pid: pid, payoutCommission: Permill(parts: commissions[index])), as: .signed(owner))
            pids.append(pid)
        }
        let vid = PhalaBasePool.poolCount.value(world.state) ?? 0
        try world.dispatch(PhalaVault.Call.create, as: .signed(world.alice))
        try world.dispatch(PhalaVault.Call.setPayoutPref(pid: vid, payoutCommission: Permill(parts: 100_000)), as: .signed(world.alice))
        let vaultAccount = try PhalaBasePool.vault(vid, in: world.state).basepool.poolAccountId
        let tracked: [AccountId32] = users + [PhalaComputation.treasuryAccount, vaultAccount] + pids.flatMap { pid -> [AccountId32] in
            let pool = try! world.pool(pid)
            return [pool.basepool.poolAccountId, pool.lockAccount, pool.ownerRewardAccount]
        }
        let baseIssuance = world.issuance
        let baseSum = tracked.reduce(UInt128(0)) { $0 + world.free($1) }
        var minted: UInt128 = 0

        for op in ops {
            let pid = pids[op.pool]
            let owner = owners[op.pool]
            let user = users[op.user]
            let worker = StakingWorld.worker(UInt8(op.pool + 1))
            let queueBefore = try world.pool(pid).basepool.withdrawQueue.map(\.user)
            var effective = queueBefore
            let withdrawalsBefore = world.events(PhalaBasePool.Event.self).count
            switch op.kind {
            case 0, 1:
                try? world.contribute(user, pid, op.amount)
            case 2:
                let shares = world.shares(user, pid) * op.fraction / 100
                if (try? world.withdraw(user, pid, shares)) != nil {
                    effective.removeAll { $0 == user }
                    effective.append(user)
                }
            case 3:
                let amount = op.amount / 10
                if try world.run({ try PhalaStakePoolv2.rewardPool(pid: pid, amount: amount, context: &$0) }) { minted += amount }
            case 4:
                let ratio = Permill(parts: UInt32(op.fraction) * 1000)!
                try? world.dispatch(PhalaStakePoolv2.Call.slashPool(pid: pid, amount: .permill(ratio), reason: [UInt8(op.kind)]), as: .root)
            case 5:
                let free = world.free(try world.pool(pid).basepool.poolAccountId)
                let stake = min(free, 1000 * pha + op.amount)
                try? world.dispatch(PhalaStakePoolv2.Call.startComputing(pid: pid, worker: worker, stake: stake), as: .signed(owner))
            case 6:
                try? world.dispatch(PhalaStakePoolv2.Call.stopComputing(pid: pid, worker: worker), as: .signed(owner))
            case 7:
                world.advance(seconds: 7 * 24 * 3600 + 1)
                try? world.dispatch(PhalaStakePoolv2.Call.reclaimPoolWorker(pid: pid, worker: worker), as: .signed(user))
                try? world.dispatch(PhalaStakePoolv2.Call.checkAndMaybeForceWithdraw(pid: pid), as: .signed(user))
            case 8:
                // A block: computing workers heartbeat (or not); settlements mint rewards and treasury shares.
                if op.fraction > 30 {
                    for (index, owner) in owners.enumerated() {
                        try? world.dispatch(PhalaComputation.Call.heartbeat(worker: StakingWorld.worker(UInt8(index + 1))), as: .signed(owner))
                    }
                }
                let deposits = world.events(Balances.Event.self).count
                world.nextBlock()
                if op.fraction % 2 == 0 { world.nextBlocks(3) }
                for event in world.events(Balances.Event.self).dropFirst(deposits) {
                    if case .deposit(let who, let amount) = event {
                        #expect(tracked.contains(who), "mint to an untracked account")
                        minted += amount
                    }
                }
            case 9:
                try? world.dispatch(PhalaVault.Call.contribute(pid: vid, amount: op.amount), as: .signed(user))
            case 10:
                let shares = world.shares(user, vid) * op.fraction / 100
                try? world.dispatch(PhalaVault.Call.withdraw(pid: vid, shares: shares), as: .signed(user))
            case 11:
                let amount = min(world.free(vaultAccount), op.amount)
                try? world.dispatch(PhalaStakePoolv2.Call.contribute(pid: pid, amount: amount, asVault: vid), as: .signed(world.alice))
            case 12:
                let shares = world.shares(vaultAccount, pid) * op.fraction / 100
                if (try? world.dispatch(PhalaStakePoolv2.Call.withdraw(pid: pid, shares: shares, asVault: vid), as: .signed(world.alice))) != nil {
                    effective.removeAll { $0 == vaultAccount }
                    effective.append(vaultAccount)
                }
            default:
                if op.fraction > 50 { world.advance(seconds: 21 * 24 * 3600 + 1) }
                let shutdowns = world.events(PhalaVault.Event.self).count { if case .forceShutdown = $0 { true } else { false } }
                try? world.dispatch(PhalaVault.Call.checkAndMaybeForceWithdraw(vaultPid: vid), as: .signed(user))
                if world.events(PhalaVault.Event.self).count(where: { if case .forceShutdown = $0 { true } else { false } }) > shutdowns,
                    world.shares(vaultAccount, pid) == 0, try world.pool(pid).basepool.valueSubscribers.contains(vid) {
                    // The shutdown withdrew the vault's shares from this pool: a (merged) request at the back.
                    if queueBefore.contains(vaultAccount) || world.events(PhalaBasePool.Event.self).dropFirst(withdrawalsBefore).contains(where: {
                        if case .withdrawalQueued(pid, vaultAccount, _) = $0 { true } else { false }
                    }) {
                        effective.removeAll { $0 == vaultAccount }
                        effective.append(vaultAccount)
                    }
                }
                try? world.dispatch(PhalaVault.Call.maybeGainOwnerShares(vaultPid: vid), as: .signed(user))
            }

            // Tokens: only rewards are minted; slashes move funds to the treasury.
            #expect(world.issuance == baseIssuance + minted, "issuance after \(op)")
            let sum = tracked.reduce(UInt128(0)) { $0 + world.free($1) }
            #expect(sum == baseSum + minted, "tracked balances after \(op)")

            // FIFO: payments go to the front of the (effective) queue, in order; the rest stays in order.
            let paid = world.events(PhalaBasePool.Event.self).dropFirst(withdrawalsBefore).compactMap { event -> AccountId32? in
                if case .withdrawal(pid, let who, _, _, _) = event { who } else { nil }
            }
            var distinct: [AccountId32] = []
            for who in paid where distinct.last != who { distinct.append(who) }
            #expect(Array(effective.prefix(distinct.count)) == distinct, "FIFO payments after \(op)")
            let queueAfter = try world.pool(pid).basepool.withdrawQueue.map(\.user)
            #expect(Array(effective.suffix(queueAfter.count)) == queueAfter, "queue order after \(op)")

            for checkedPid in pids {
                let pool = try world.pool(checkedPid)
                let base = pool.basepool
                // Pool value is exactly its free stake plus its locked stake.
                let locked = pool.workers.reduce(UInt128(0)) {
                    $0 + (PhalaComputation.stakes.get(PhalaStakePoolv2.sessionAccount(pid: checkedPid, worker: $1), in: world.state) ?? 0)
                }
                #expect(world.free(pool.lockAccount) == locked, "lock account after \(op)")
                #expect(base.totalValue == world.free(base.poolAccountId) + locked, "pool value after \(op)")
                // Shares: holders' plus queued shares are all the shares; their values add up to the pool value within dust.
                let holders = PhalaBasePool.stakerShares.entries(checkedPid, in: world.state)
                let shareSum = holders.reduce(UInt128(0)) { $0 + $1.1 } + base.withdrawQueue.reduce(UInt128(0)) { $0 + $1.shares }
                #expect(shareSum == base.totalShares, "shares after \(op)")
                let valueSum = holders.reduce(UInt128(0)) { $0 + base.value(of: $1.1) } + base.withdrawQueue.reduce(UInt128(0)) { $0 + base.value(of: $1.shares) }
                #expect(valueSum <= base.totalValue)
                if base.totalShares == 0 {
                    #expect(base.totalValue <= 2 * PhalaBasePool.dustThreshold, "orphan value after \(op)")
                } else {
                    #expect(base.totalValue - valueSum <= UInt128(holders.count + base.withdrawQueue.count), "value sum after \(op)")
                }
                #expect(Set(base.withdrawQueue.map(\.user)).count == base.withdrawQueue.count, "one request per user")
            }

            // The vault: shares add up (holders, queue, owner fee shares) and its value, recomputed
            // from its free funds and pool shares, covers them within dust.
            let vault = try PhalaBasePool.vault(vid, in: world.state)
            var vaultValue = world.free(vaultAccount)
            for investPid in vault.investPools {
                let pool = try world.pool(investPid).basepool
                let queued = pool.withdrawQueue.filter { $0.user == vaultAccount }.reduce(UInt128(0)) { $0 + $1.shares }
                vaultValue += pool.value(of: world.shares(vaultAccount, investPid) + queued)
            }
            var fresh = vault.basepool
            fresh.totalValue = vaultValue
            let vaultHolders = PhalaBasePool.stakerShares.entries(vid, in: world.state)
            let vaultShares = vaultHolders.reduce(UInt128(0)) { $0 + $1.1 } + fresh.withdrawQueue.reduce(UInt128(0)) { $0 + $1.shares } + vault.ownerShares
            #expect(vaultShares == fresh.totalShares, "vault shares after \(op)")
            let vaultValues = vaultHolders.reduce(UInt128(0)) { $0 + fresh.value(of: $1.1) }
                + fresh.withdrawQueue.reduce(UInt128(0)) { $0 + fresh.value(of: $1.shares) } + fresh.value(of: vault.ownerShares)
            #expect(vaultValues <= vaultValue, "vault value after \(op)")
            if fresh.totalShares > 0 {
                // Pool-share rounding can cost the vault a few planck per invested pool.
                #expect(vaultValue - vaultValues <= UInt128(vaultHolders.count + fresh.withdrawQueue.count + 2 + 2 * vault.investPools.count) * 4,
                        "vault value sum after \(op)")
            }
        }
    }
}
