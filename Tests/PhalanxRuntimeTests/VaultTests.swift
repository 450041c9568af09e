import PhalanxPrimitives
import PhalanxRuntime
import Testing


/// PhalaVault: investing in pools, owner fee via price checkpoints, the 21-day forced shutdown.
@Suite struct VaultTests {
    @Test func vaultInvestsEarnsChargesFeeAndShutsDown() throws {
        var world = try StakingWorld()
        let pid = try world.poolWithWorker(owner: world.alice, worker: 1)
        let vid = PhalaBasePool.poolCount.value(world.state) ?? 0
        try world.dispatch(PhalaVault.Call.create, as: .signed(world.charlie))
        try world.dispatch(PhalaVault.Call.setPayoutPref(pid: vid, payoutCommission: Permill(parts: 200_000)), as: .signed(world.charlie))
        #expect(throws: PhalaBasePool.Error.poolTypeNotMatch) { try world.contribute(world.bob, vid, 10 * pha) }
        try world.dispatch(PhalaVault.Call.contribute(pid: vid, amount: 1000 * pha), as: .signed(world.bob))
        #expect(world.shares(world.bob, vid) == 1000 * pha)
        // Only the vault owner invests the vault's funds; the vault account holds the pool shares.
        #expect(throws: PhalaVault.Error.unauthorizedPoolOwner) {
            try world.dispatch(PhalaStakePoolv2.Call.contribute(pid: pid, amount: 1000 * pha, asVault: vid), as: .signed(world.bob))
        }
        try world.dispatch(PhalaStakePoolv2.Call.contribute(pid: pid, amount: 1000 * pha, asVault: vid), as: .signed(world.charlie))
        var vault = try PhalaBasePool.vault(vid, in: world.state)
        #expect(world.shares(vault.basepool.poolAccountId, pid) == 1000 * pha)
        #expect(vault.investPools == [pid])
        #expect(try world.pool(pid).basepool.valueSubscribers == [vid])
        // The pool earns 625 PHA: the vault's value is 1625 PHA, price 1.625 over a checkpoint of 1.
        #expect(try world.run { try PhalaStakePoolv2.rewardPool(pid: pid, amount: 625 * pha, context: &$0) })
        try world.dispatch(PhalaVault.Call.maybeGainOwnerShares(vaultPid: vid), as: .signed(world.alice))
        vault = try PhalaBasePool.vault(vid, in: world.state)
        // new price = 1.625 − 0.2·0.625 = 1.5; owner shares = 1625/1.5 − 1000 = 83.33… PHA of shares.
        #expect(vault.basepool.totalValue == 1625 * pha)
        #expect(vault.lastSharePriceCheckpoint.distance(to: (try FixedU64F64.ratio(3, 2)).bits).magnitude < 16)  // 0.2 is inexact in binary
        #expect(vault.ownerShares.distance(to: 83_333_333_333_333).magnitude <= 1)
        #expect(vault.basepool.value(of: world.shares(world.bob, vid)).distance(to: 1500 * pha).magnitude <= 1)
        #expect(vault.basepool.value(of: vault.ownerShares).distance(to: 125 * pha).magnitude <= 1)
        // No new fee without a new gain.
        try world.dispatch(PhalaVault.Call.maybeGainOwnerShares(vaultPid: vid), as: .signed(world.alice))
        #expect(try PhalaBasePool.vault(vid, in: world.state).ownerShares == vault.ownerShares)
        #expect(throws: PhalaVault.Error.noEnoughShareToClaim) {
            try world.dispatch(PhalaVault.Call.claimOwnerShares(vaultPid: vid, target: world.charlie, shares: vault.ownerShares + 1), as: .signed(world.charlie))
        }
        try world.dispatch(PhalaVault.Call.claimOwnerShares(vaultPid: vid, target: world.charlie, shares: vault.ownerShares), as: .signed(world.charlie))
        #expect(world.shares(world.charlie, vid) == vault.ownerShares)
        // Bob withdraws: the vault has no free funds, so the request waits.
        try world.dispatch(PhalaVault.Call.withdraw(pid: vid, shares: 1000 * pha), as: .signed(world.bob))
        #expect(try PhalaBasePool.vault(vid, in: world.state).basepool.withdrawQueue.count == 1)
        world.advance(seconds: 21 * 24 * 3600)
        try world.dispatch(PhalaVault.Call.checkAndMaybeForceWithdraw(vaultPid: vid), as: .signed(world.alice))
        #expect(!PhalaVault.vaultLocks.contains(vid, in: world.state))
        // Past 21 days: the vault withdraws from its pools, pays bob and is locked.
        world.advance(seconds: 1)
        let bobBefore = world.free(world.bob)
        try world.dispatch(PhalaVault.Call.checkAndMaybeForceWithdraw(vaultPid: vid), as: .signed(world.alice))
        #expect(PhalaVault.vaultLocks.contains(vid, in: world.state))
        #expect(world.free(world.bob).distance(to: bobBefore + 1500 * pha).magnitude <= 2)
        vault = try PhalaBasePool.vault(vid, in: world.state)
        #expect(vault.basepool.withdrawQueue.isEmpty)
        #expect(vault.basepool.value(of: world.shares(world.charlie, vid)).distance(to: 125 * pha).magnitude <= 2)
        #expect(throws: PhalaStakePoolv2.Error.vaultIsLocked) {
            try world.dispatch(PhalaStakePoolv2.Call.contribute(pid: pid, amount: 10 * pha, asVault: vid), as: .signed(world.charlie))
        }
    }
}
