import PhalanxPrimitives

/// # PhalaVault
///
/// A vault is a pool of pools (Phala's `vault.rs`): stakers contribute PHA for vault shares; the
/// vault owner invests the vault's free funds in stake pools (`PhalaStakePoolv2.contribute` /
/// `withdraw` with `as_vault = Some(vault_pid)`), where the vault's `bp/` account holds the shares.
///
/// ## Terms
/// - *Vault value* = free PHA in the vault account + the value of its shares (free and queued)
///   in every invested pool. Phalanx recomputes it from the pools before every vault operation
///   (Phala pushes reward increments to `value_subscribers`; recomputing also follows slashes).
/// - *Owner fee* (`maybe_gain_owner_shares`, also run before contribute and withdraw): when the
///   price rose above the last checkpoint, `new_price = price − commission·(price − checkpoint)`,
///   and the owner gets `total_value / new_price − total_shares` new shares (held in
///   `owner_shares` until `claim_owner_shares`); the checkpoint becomes `new_price`.
/// - *Forced shutdown* (`check_and_maybe_force_withdraw`, anyone): if the oldest request is older
///   than 3 × the grace period, or a request older than 21 days cannot be paid from free funds, the
///   vault withdraws all its shares from its pools and is locked (`VaultLocks`): no more investing.
///
/// ## Calls
/// `create`, `set_payout_pref`, `claim_owner_shares`, `maybe_gain_owner_shares`,
/// `check_and_maybe_force_withdraw`, `contribute`, `withdraw` (Phala's indices).
public enum PhalaVault: Pallet {
    public static let name = "PhalaVault"
    public static let moduleName = "phala_pallets::compute::vault"
    public static let docs = ["Vaults: pools that invest in stake pools, with an owner fee on gains."]

    /// `VaultQueuePeriod`: 21 days, in seconds.
    public static let vaultQueuePeriod: UInt64 = 21 * 24 * 3600
    /// `InitialPriceCheckPoint`: 1 PHA per share.
    public static let initialPriceCheckpoint = FixedU64F64.one

    public static var constants: [PalletConstant] {
        [PalletConstant("VaultQueuePeriod", vaultQueuePeriod, docs: ["The period a vault withdraw request may wait before a forced shutdown, in seconds."])]
    }

    public static var storageItems: [any StorageItem] { [vaultLocks] }

    /// Vaults locked by a forced shutdown.
    public static let vaultLocks = StorageMap<UInt64, ScaleUnit>(
        pallet: name, item: "VaultLocks", hasher: .twox64Concat, docs: ["Vaults locked after a forced shutdown."])

    /// The vault's shares (free and queued) in pool `pid`.
    static func investedShares(_ vault: Vault, in pid: UInt64, state: StateOverlay) -> (pool: BasePool, shares: UInt128)? {
        guard let pool = try? PhalaBasePool.stakePool(pid, in: state).basepool else { return nil }
        let account = vault.basepool.poolAccountId
        let queued = pool.withdrawQueue.filter { $0.user == account }.reduce(UInt128(0)) { $0 + $1.shares }
        return (pool, PhalaBasePool.shares(of: account, in: pid, state: state) + queued)
    }

    /// Recomputes the vault's value from its free funds and its pool shares.
    static func refreshValue(_ vault: inout Vault, state: StateOverlay) {
        var value = PhalaFunds.free(vault.basepool.poolAccountId, in: state)
        for pid in vault.investPools {
            if let (pool, shares) = investedShares(vault, in: pid, state: state) { value += pool.value(of: shares) }
        }
        vault.basepool.totalValue = value
    }

    /// Mints the owner's fee shares if the price rose above the checkpoint.
    static func gainOwnerShares(_ vault: inout Vault, context: inout RuntimeContext) throws {
        let base = vault.basepool
        guard base.totalShares > 0, let price = base.sharePrice else { return }
        let checkpoint = FixedU64F64(bits: vault.lastSharePriceCheckpoint)
        guard price > checkpoint else { return }
        let commission = try FixedU64F64.ratio(UInt128((vault.commission ?? .zero).parts), 1_000_000)
        let newPrice = try price.subtracting(commission.multiplied(by: price.subtracting(checkpoint)))
        guard newPrice > .zero else { return }
        let target = try base.totalValue.multipliedDivided(by: 1 << 64, newPrice.bits)
        if target > base.totalShares {
            let adjust = target - base.totalShares
            vault.basepool.totalShares += adjust
            vault.ownerShares += adjust
            context.deposit(Event.ownerSharesGained(pid: base.pid, shares: adjust, checkoutPrice: newPrice.bits))
        }
        vault.lastSharePriceCheckpoint = newPrice.bits
    }

    /// Loads a vault with its value refreshed and owner fee applied.
    static func load(_ pid: UInt64, context: inout RuntimeContext) throws -> Vault {
        var vault = try PhalaBasePool.vault(pid, in: context.state)
        refreshValue(&vault, state: context.state)
        try gainOwnerShares(&vault, context: &context)
        return vault
    }

    /// Creates a vault owned by `owner`; returns its pid.
    @discardableResult
    public static func create(owner: AccountId32, context: inout RuntimeContext) throws -> UInt64 {
        let pid = PhalaBasePool.poolCount.value(context.state) ?? 0
        let (next, overflow) = pid.addingReportingOverflow(1)
        guard !overflow else { throw DispatchError.arithmetic(.overflow) }
        PhalaBasePool.poolCount.set(next, in: &context.state)
        let cid = PhalaStakePoolv2.reserveCidStart &+ UInt32(truncatingIfNeeded: pid)
        let account = PhalaStakePoolv2.poolAccount(pid: pid, owner: owner)
        let vault = Vault(
            basepool: BasePool(
                pid: pid, owner: owner, totalShares: 0, totalValue: 0, withdrawQueue: [], valueSubscribers: [], cid: cid, poolAccountId: account),
            lastSharePriceCheckpoint: initialPriceCheckpoint.bits, commission: nil, ownerShares: 0, investPools: [])
        PhalaBasePool.setVault(vault, in: &context.state)
        context.deposit(Event.vaultCreated(pid: pid, cid: cid, poolAccountId: account))
        return pid
    }

    /// Contributes `amount` of `who`'s PHA to the vault; returns the shares minted.
    @discardableResult
    public static func contribute(who: AccountId32, pid: UInt64, amount: UInt128, context: inout RuntimeContext) throws -> UInt128 {
        var vault = try load(pid, context: &context)
        guard amount >= PhalaStakePoolv2.minContribution else { throw Error.insufficientContribution }
        guard PhalaBasePool.mayContribute(who, pool: vault.basepool, state: context.state) else { throw Error.notInContributeWhitelist }
        guard !(vault.basepool.totalShares > 0 && vault.basepool.totalValue == 0) else { throw Error.poolBankrupt }
        try Balances.transfer(from: who, to: vault.basepool.poolAccountId, amount: amount, keepAlive: true, context: &context)
        let shares = try PhalaBasePool.contribute(&vault.basepool, user: who, amount: amount, state: &context.state)
        try PhalaBasePool.tryProcessWithdrawQueue(&vault.basepool, context: &context)
        PhalaBasePool.setVault(vault, in: &context.state)
        context.deposit(Event.contribution(pid: pid, user: who, amount: amount, shares: shares))
        return shares
    }

    /// Queues a withdrawal of `shares` from the vault and pays what its free funds allow.
    public static func withdraw(who: AccountId32, pid: UInt64, shares: UInt128, context: inout RuntimeContext) throws {
        var vault = try load(pid, context: &context)
        try PhalaBasePool.pushWithdraw(&vault.basepool, user: who, shares: shares, now: PhalaComputation.nowSeconds(context.state), context: &context)
        try PhalaBasePool.tryProcessWithdrawQueue(&vault.basepool, context: &context)
        PhalaBasePool.setVault(vault, in: &context.state)
    }

    /// Pays the queue, then shuts the vault down if requests are overdue (see the header).
    @discardableResult
    public static func checkAndMaybeForceWithdraw(pid: UInt64, context: inout RuntimeContext) throws -> Bool {
        var vault = try load(pid, context: &context)
        try PhalaBasePool.tryProcessWithdrawQueue(&vault.basepool, context: &context)
        let now = PhalaComputation.nowSeconds(context.state)
        var budget = PhalaFunds.free(vault.basepool.poolAccountId, in: context.state)
        var shutdown = false
        if let oldest = vault.basepool.withdrawQueue.first, now >= oldest.startTime, now - oldest.startTime > 3 * PhalaStakePoolv2.gracePeriod {
            shutdown = true
        }
        for request in vault.basepool.withdrawQueue where !shutdown {
            let value = vault.basepool.value(of: request.shares)
            if value > budget && now >= request.startTime && now - request.startTime > vaultQueuePeriod { shutdown = true }
            budget -= min(value, budget)
        }
        if shutdown {
            let account = vault.basepool.poolAccountId
            for investPid in vault.investPools {
                let free = PhalaBasePool.shares(of: account, in: investPid, state: context.state)
                if free > 0 { try PhalaStakePoolv2.withdraw(who: account, pid: investPid, shares: free, context: &context) }
            }
            vaultLocks.set(pid, ScaleUnit(), in: &context.state)
            refreshValue(&vault, state: context.state)
            try PhalaBasePool.tryProcessWithdrawQueue(&vault.basepool, context: &context)
            context.deposit(Event.forceShutdown(pid: pid))
        }
        PhalaBasePool.setVault(vault, in: &context.state)
        return shutdown
    }

    /// Moves `shares` of the owner's fee shares to `target`.
    public static func claimOwnerShares(owner: AccountId32, pid: UInt64, target: AccountId32, shares: UInt128, context: inout RuntimeContext) throws {
        var vault = try load(pid, context: &context)
        guard vault.basepool.owner == owner else { throw Error.unauthorizedPoolOwner }
        guard shares > 0, shares <= vault.ownerShares else { throw Error.noEnoughShareToClaim }
        vault.ownerShares -= shares
        PhalaBasePool.setShares(PhalaBasePool.shares(of: target, in: pid, state: context.state) + shares, of: target, in: pid, state: &context.state)
        PhalaBasePool.setVault(vault, in: &context.state)
        context.deposit(Event.ownerSharesClaimed(pid: pid, user: target, shares: shares))
    }

    /// The vault `pid` owned by `owner`, for investing (`as_vault` in the stake pool calls).
    static func investingVault(_ pid: UInt64, owner: AccountId32, context: inout RuntimeContext) throws -> Vault {
        let vault = try load(pid, context: &context)
        guard vault.basepool.owner == owner else { throw Error.unauthorizedPoolOwner }
        return vault
    }
}
