import PhalanxPrimitives

/// # PhalaBasePool
///
/// The share accounting shared by stake pools (and, later, vaults): Phala's `base_pool.rs`.
///
/// ## Terms
/// - *Total value*: the pool's stake (free in the `bp/` pool account plus locked for workers in
///   the `sl/` lock account). *Total shares*: all shares, including those waiting in the queue.
/// - *Share price* = total value / total shares. Contributing `a` mints `a · shares / value`
///   shares (1:1 in an empty pool); rewards raise the value and so the price; slashes lower it.
/// - *Withdraw queue*: FIFO requests `(user, start_time, shares)`, at most one per user (a new
///   request merges into the old one and moves to the back with a new start time). Requests are
///   paid from free stake in order, partially when funds run short; a remainder worth at most
///   `dustThreshold` is burned (its value stays in the pool for the other holders).
///
/// ## Calls
/// - `add_staker_to_whitelist(pid, staker)`, `remove_staker_from_whitelist(pid, staker)`: owner only.
///
/// Shares are plain storage (`StakerShares`) rather than Phala's RMRK NFTs.
public enum PhalaBasePool: Pallet {
    public static let name = "PhalaBasePool"
    public static let moduleName = "phala_pallets::compute::base_pool"
    public static let docs = ["Pool share accounting: contributions, share price, withdraw queue."]

    /// Amounts and share counts at or below this are dust (`balance_close_to_zero`: n ≤ 1000).
    public static let dustThreshold: UInt128 = 1000

    public static var storageItems: [any StorageItem] { [pools, poolCount, stakerShares, poolContributionWhitelists] }

    /// The stake pool `pid`.
    public static func stakePool(_ pid: UInt64, in state: StateOverlay) throws -> StakePool {
        guard let proxy = pools.get(pid, in: state) else { throw Error.poolDoesNotExist }
        guard case .stakePool(let pool) = proxy else { throw Error.poolTypeNotMatch }
        return pool
    }

    /// The shared state of pool `pid`, of either kind.
    public static func basePool(_ pid: UInt64, in state: StateOverlay) throws -> BasePool {
        switch pools.get(pid, in: state) {
        case .stakePool(let pool)?: return pool.basepool
        case .vault(let vault)?: return vault.basepool
        case nil: throw Error.poolDoesNotExist
        }
    }

    /// The vault `pid`.
    public static func vault(_ pid: UInt64, in state: StateOverlay) throws -> Vault {
        guard let proxy = pools.get(pid, in: state) else { throw Error.poolDoesNotExist }
        guard case .vault(let vault) = proxy else { throw Error.poolTypeNotMatch }
        return vault
    }

    /// Stores the vault.
    public static func setVault(_ vault: Vault, in state: inout StateOverlay) {
        pools.set(vault.basepool.pid, .vault(vault), in: &state)
    }

    /// Stores the stake pool.
    public static func setStakePool(_ pool: StakePool, in state: inout StateOverlay) {
        pools.set(pool.basepool.pid, .stakePool(pool), in: &state)
    }

    /// The free shares of `user` in `pid`.
    public static func shares(of user: AccountId32, in pid: UInt64, state: StateOverlay) -> UInt128 {
        stakerShares.get(pid, user, in: state) ?? 0
    }

    static func setShares(_ shares: UInt128, of user: AccountId32, in pid: UInt64, state: inout StateOverlay) {
        if shares == 0 { stakerShares.remove(pid, user, in: &state) } else { stakerShares.set(pid, user, shares, in: &state) }
    }

    /// Adds `amount` (already in the pool account) to the pool for `user`; returns the new shares.
    static func contribute(_ pool: inout BasePool, user: AccountId32, amount: UInt128, state: inout StateOverlay) throws -> UInt128 {
        guard !(pool.totalShares > 0 && pool.totalValue == 0) else { throw Error.poolBankrupt }
        let minted = pool.totalShares == 0 ? amount : try amount.multipliedDivided(by: pool.totalShares, pool.totalValue)
        guard minted > 0 else { throw Error.invalidShareToWithdraw }
        let (newShares, o1) = pool.totalShares.addingReportingOverflow(minted)
        let (newValue, o2) = pool.totalValue.addingReportingOverflow(amount)
        guard !o1, !o2 else { throw DispatchError.arithmetic(.overflow) }
        pool.totalShares = newShares
        pool.totalValue = newValue
        setShares(shares(of: user, in: pool.pid, state: state) + minted, of: user, in: pool.pid, state: &state)
        return minted
    }

    /// Queues a withdrawal of `shares` of `user` (merged with an existing request).
    static func pushWithdraw(_ pool: inout BasePool, user: AccountId32, shares requested: UInt128, now: UInt64, context: inout RuntimeContext) throws {
        guard requested > 0 else { throw Error.invalidWithdrawalAmount }
        let free = shares(of: user, in: pool.pid, state: context.state)
        guard requested <= free else { throw Error.invalidShareToWithdraw }
        setShares(free - requested, of: user, in: pool.pid, state: &context.state)
        var total = requested
        if let index = pool.withdrawQueue.firstIndex(where: { $0.user == user }) {
            total += pool.withdrawQueue.remove(at: index).shares
        }
        pool.withdrawQueue.append(WithdrawInfo(user: user, startTime: now, shares: total))
        context.deposit(Event.withdrawalQueued(pid: pool.pid, user: user, shares: total))
    }

    /// Pays queued withdrawals from the pool account's free balance, oldest first.
    static func tryProcessWithdrawQueue(_ pool: inout BasePool, context: inout RuntimeContext) throws {
        while let request = pool.withdrawQueue.first {
            let value = pool.value(of: request.shares)
            if value <= dustThreshold {
                // Dust: burn the shares; their value stays with the remaining holders.
                pool.totalShares -= request.shares
                pool.withdrawQueue.removeFirst()
                context.deposit(Event.withdrawal(pid: pool.pid, user: request.user, amount: 0, shares: 0, burntShares: request.shares))
                continue
            }
            let free = PhalaFunds.free(pool.poolAccountId, in: context.state)
            guard free > dustThreshold else { return }
            var paidShares = request.shares
            var amount = value
            if free < value {
                paidShares = try free.multipliedDivided(by: pool.totalShares, pool.totalValue)
                amount = pool.value(of: paidShares)
                guard paidShares > 0, amount > 0 else { return }
            }
            try PhalaFunds.move(from: pool.poolAccountId, to: request.user, amount: amount, context: &context)
            pool.totalShares -= paidShares
            pool.totalValue -= amount
            var burnt: UInt128 = 0
            let remaining = request.shares - paidShares
            if remaining > 0 && pool.value(of: remaining) <= dustThreshold {
                burnt = remaining
                pool.totalShares -= remaining
            }
            context.deposit(Event.withdrawal(pid: pool.pid, user: request.user, amount: amount, shares: paidShares, burntShares: burnt))
            if remaining - burnt == 0 {
                pool.withdrawQueue.removeFirst()
            } else {
                pool.withdrawQueue[0].shares = remaining
                return
            }
        }
    }

    /// Adds `amount` of rewards (already minted into the pool account) to the pool value.
    static func distributeReward(_ pool: inout BasePool, amount: UInt128) throws {
        let (value, overflow) = pool.totalValue.addingReportingOverflow(amount)
        guard !overflow else { throw DispatchError.arithmetic(.overflow) }
        pool.totalValue = value
    }

    /// Whether `who` may contribute to `pid` (no whitelist, whitelisted, or the owner).
    static func mayContribute(_ who: AccountId32, pool: BasePool, state: StateOverlay) -> Bool {
        guard let list = poolContributionWhitelists.get(pool.pid, in: state) else { return true }
        return who == pool.owner || list.contains(who)
    }
}
