import PhalanxPrimitives

/// # PhalaStakePoolv2
///
/// Stake pools: owners bind workers, stakers contribute PHA for shares, the pool stakes its free
/// funds on its workers, and rewards raise the share price (Phala's `stake_pool_v2.rs`).
///
/// ## Terms
/// - *Pool accounts* (Phala's derivation, `prefix ‖ blake2_256(SCALE((pid, owner)))` truncated to 32
///   bytes): `bp/` holds free stake, `sl/` stake locked for computing, `so/` the owner's commission.
///   Each worker's session is the `spm/` account of `(pid, worker)`.
/// - *Commission*: a `Permill` of each reward paid to `so/`; the rest is added to the pool value.
/// - *Grace period*: 7 days. `check_and_maybe_force_withdraw` stops every worker if a queued
///   request older than that cannot be paid from free stake plus cooling-down stake.
/// - *Slash*: `slash_pool` (root, the governance origin later) takes an amount or a fraction of
///   the pool value, from free stake first and then from locked stake, to the treasury pot
///   `PalletId("py/trsry")`; every share (queued ones too) loses value pro rata.
///
/// ## Calls
/// `create`, `add_worker`, `remove_worker`, `set_cap`, `set_payout_pref`, `claim_owner_rewards`,
/// `check_and_maybe_force_withdraw`, `contribute`, `withdraw`, `start_computing`, `stop_computing`,
/// `reclaim_pool_worker`, `restart_computing` (Phala's indices), and `slash_pool` (index 20).
public enum PhalaStakePoolv2: Pallet {
    public static let name = "PhalaStakePoolv2"
    public static let moduleName = "phala_pallets::compute::stake_pool_v2"
    public static let docs = ["Stake pools: workers, contributions, rewards, withdraw queue and slashing."]

    /// The minimum contribution (`MinContribution`, 1 CENT).
    public static let minContribution: UInt128 = Balances.dollars / 100
    /// The grace period of the withdraw queue (`GracePeriod`), in seconds.
    public static let gracePeriod: UInt64 = 7 * 24 * 3600
    /// The maximum workers per pool (`MaxPoolWorkers`).
    public static let maxPoolWorkers = 200
    /// The maximum length of a slash reason.
    public static let maxReasonLength = 256
    /// The first NFT collection id (`RESERVE_CID_START`).
    public static let reserveCidStart: UInt32 = 10_000

    public static var constants: [PalletConstant] {
        [
            PalletConstant("MinContribution", minContribution, docs: ["The minimum contribution to a pool."]),
            PalletConstant("GracePeriod", gracePeriod, docs: ["The grace period for force withdraw request, in seconds."]),
        ]
    }

    public static var storageItems: [any StorageItem] { [workerAssignments] }

    /// The pool each worker belongs to.
    public static let workerAssignments = StorageMap<WorkerPublicKey, UInt64>(
        pallet: name, item: "WorkerAssignments", hasher: .twox64Concat, docs: ["Mapping from workers to the pool they belong to."])

    // MARK: - Accounts

    private static func poolSeed(_ pid: UInt64, _ owner: AccountId32) -> [UInt8] { pid.scaleEncoded + owner.scaleEncoded }
    /// The `bp/` pool account.
    public static func poolAccount(pid: UInt64, owner: AccountId32) -> AccountId32 { PhalaFunds.derive(prefix: "bp/", seed: poolSeed(pid, owner)) }
    /// The `so/` owner reward account.
    public static func ownerRewardAccount(pid: UInt64, owner: AccountId32) -> AccountId32 { PhalaFunds.derive(prefix: "so/", seed: poolSeed(pid, owner)) }
    /// The `sl/` lock account.
    public static func lockAccount(pid: UInt64, owner: AccountId32) -> AccountId32 { PhalaFunds.derive(prefix: "sl/", seed: poolSeed(pid, owner)) }
    /// The `spm/` session account of a worker in a pool.
    public static func sessionAccount(pid: UInt64, worker: WorkerPublicKey) -> AccountId32 {
        PhalaFunds.derive(prefix: "spm/", seed: pid.scaleEncoded + worker.scaleEncoded)
    }

    // MARK: - Operations

    static func ownedPool(_ pid: UInt64, by who: AccountId32, state: StateOverlay) throws -> StakePool {
        let pool = try PhalaBasePool.stakePool(pid, in: state)
        guard pool.basepool.owner == who else { throw Error.unauthorizedPoolOwner }
        return pool
    }

    /// Creates a pool owned by `owner`; returns its pid.
    @discardableResult
    public static func create(owner: AccountId32, context: inout RuntimeContext) throws -> UInt64 {
        let pid = PhalaBasePool.poolCount.value(context.state) ?? 0
        let (next, overflow) = pid.addingReportingOverflow(1)
        guard !overflow else { throw DispatchError.arithmetic(.overflow) }
        PhalaBasePool.poolCount.set(next, in: &context.state)
        let cid = reserveCidStart &+ UInt32(truncatingIfNeeded: pid)
        let basepool = BasePool(
            pid: pid, owner: owner, totalShares: 0, totalValue: 0, withdrawQueue: [], valueSubscribers: [], cid: cid,
            poolAccountId: poolAccount(pid: pid, owner: owner))
        let pool = StakePool(
            basepool: basepool, payoutCommission: nil, cap: nil, workers: [], cdWorkers: [], lockAccount: lockAccount(pid: pid, owner: owner),
            ownerRewardAccount: ownerRewardAccount(pid: pid, owner: owner))
        PhalaBasePool.setStakePool(pool, in: &context.state)
        context.deposit(Event.poolCreated(owner: owner, pid: pid, cid: cid, poolAccountId: basepool.poolAccountId))
        return pid
    }

    /// Binds a registered worker operated by the owner to the pool.
    public static func addWorker(owner: AccountId32, pid: UInt64, worker: WorkerPublicKey, context: inout RuntimeContext) throws {
        var pool = try ownedPool(pid, by: owner, state: context.state)
        guard let info = PhalaComputation.workers.get(worker, in: context.state) else { throw Error.workerNotRegistered }
        guard info.operator_ == owner else { throw Error.unauthorizedOperator }
        guard info.initialScore != nil else { throw Error.benchmarkMissing }
        guard !pool.workers.contains(worker) else { throw Error.workerExists }
        guard !workerAssignments.contains(worker, in: context.state) else { throw Error.workerInAnotherPool }
        guard pool.workers.count < maxPoolWorkers else { throw Error.workersExceedLimit }
        let session = sessionAccount(pid: pid, worker: worker)
        try PhalaComputation.bind(session: session, worker: worker, context: &context)
        pool.workers.append(worker)
        workerAssignments.set(worker, pid, in: &context.state)
        PhalaBasePool.setStakePool(pool, in: &context.state)
        context.deposit(Event.poolWorkerAdded(pid: pid, worker: worker, session: session))
    }

    /// Unbinds a worker that is neither computing nor cooling down.
    public static func removeWorker(owner: AccountId32, pid: UInt64, worker: WorkerPublicKey, context: inout RuntimeContext) throws {
        var pool = try ownedPool(pid, by: owner, state: context.state)
        guard let index = pool.workers.firstIndex(of: worker) else { throw Error.workerDoesNotExist }
        try PhalaComputation.unbind(session: sessionAccount(pid: pid, worker: worker), context: &context)
        pool.workers.remove(at: index)
        workerAssignments.remove(worker, in: &context.state)
        PhalaBasePool.setStakePool(pool, in: &context.state)
        context.deposit(Event.poolWorkerRemoved(pid: pid, worker: worker))
    }

    /// Contributes `amount` of `who`'s free balance to the pool; returns the shares minted.
    @discardableResult
    public static func contribute(who: AccountId32, pid: UInt64, amount: UInt128, asVault: UInt64? = nil, context: inout RuntimeContext) throws -> UInt128 {
        var pool = try PhalaBasePool.stakePool(pid, in: context.state)
        guard amount >= minContribution else { throw Error.insufficientContribution }
        guard PhalaBasePool.mayContribute(who, pool: pool.basepool, state: context.state) else { throw Error.notInContributeWhitelist }
        guard !(pool.basepool.totalShares > 0 && pool.basepool.totalValue == 0) else { throw Error.poolBankrupt }
        var holder = who
        if let vid = asVault {
            // The vault owner invests the vault's free funds; the vault account holds the shares.
            guard !PhalaVault.vaultLocks.contains(vid, in: context.state) else { throw Error.vaultIsLocked }
            var vault = try PhalaVault.investingVault(vid, owner: who, context: &context)
            holder = vault.basepool.poolAccountId
            try PhalaFunds.move(from: holder, to: pool.basepool.poolAccountId, amount: amount, context: &context)
            if !vault.investPools.contains(pid) { vault.investPools.append(pid) }
            if !pool.basepool.valueSubscribers.contains(vid) { pool.basepool.valueSubscribers.append(vid) }
            PhalaBasePool.setVault(vault, in: &context.state)
        } else {
            try Balances.transfer(from: who, to: pool.basepool.poolAccountId, amount: amount, keepAlive: true, context: &context)
        }
        let shares = try PhalaBasePool.contribute(&pool.basepool, user: holder, amount: amount, state: &context.state)
        try PhalaBasePool.tryProcessWithdrawQueue(&pool.basepool, context: &context)
        if let cap = pool.cap, pool.basepool.totalValue > cap { throw Error.stakeExceedsCapacity }
        PhalaBasePool.setStakePool(pool, in: &context.state)
        context.deposit(Event.contribution(pid: pid, user: holder, amount: amount, shares: shares, asVault: asVault))
        return shares
    }

    /// Withdraws on behalf of vault `vid` (its owner calls): the vault account is the withdrawer.
    public static func withdrawAsVault(owner: AccountId32, vid: UInt64, pid: UInt64, shares: UInt128, context: inout RuntimeContext) throws {
        let vault = try PhalaVault.investingVault(vid, owner: owner, context: &context)
        try withdraw(who: vault.basepool.poolAccountId, pid: pid, shares: shares, context: &context)
    }

    /// Queues a withdrawal of `shares` and pays what free stake allows.
    public static func withdraw(who: AccountId32, pid: UInt64, shares: UInt128, context: inout RuntimeContext) throws {
        var pool = try PhalaBasePool.stakePool(pid, in: context.state)
        try PhalaBasePool.pushWithdraw(&pool.basepool, user: who, shares: shares, now: PhalaComputation.nowSeconds(context.state), context: &context)
        try PhalaBasePool.tryProcessWithdrawQueue(&pool.basepool, context: &context)
        PhalaBasePool.setStakePool(pool, in: &context.state)
    }

    /// Stakes `stake` of the pool's free funds on `worker` and starts computing.
    public static func startComputing(owner: AccountId32, pid: UInt64, worker: WorkerPublicKey, stake: UInt128, context: inout RuntimeContext) throws {
        let pool = try ownedPool(pid, by: owner, state: context.state)
        guard pool.workers.contains(worker) else { throw Error.workerDoesNotExist }
        guard !pool.cdWorkers.contains(worker) else { throw Error.workerIsCoolingDown }
        guard PhalaFunds.free(pool.basepool.poolAccountId, in: context.state) >= stake else { throw Error.insufficientFreeStake }
        try PhalaFunds.move(from: pool.basepool.poolAccountId, to: pool.lockAccount, amount: stake, context: &context)
        try PhalaComputation.startComputing(session: sessionAccount(pid: pid, worker: worker), stake: stake, context: &context)
        context.deposit(Event.workingStarted(pid: pid, worker: worker, amount: stake))
    }

    /// Stops `worker` (its stake cools down).
    static func stopWorker(_ pool: inout StakePool, worker: WorkerPublicKey, context: inout RuntimeContext) throws {
        try PhalaComputation.stopComputing(session: sessionAccount(pid: pool.basepool.pid, worker: worker), context: &context)
        if !pool.cdWorkers.contains(worker) { pool.cdWorkers.append(worker) }
    }

    /// Stops computing on `worker`.
    public static func stopComputing(owner: AccountId32, pid: UInt64, worker: WorkerPublicKey, context: inout RuntimeContext) throws {
        var pool = try ownedPool(pid, by: owner, state: context.state)
        guard pool.workers.contains(worker) else { throw Error.workerDoesNotExist }
        try stopWorker(&pool, worker: worker, context: &context)
        PhalaBasePool.setStakePool(pool, in: &context.state)
    }

    /// Restarts a computing worker with a larger stake, skipping the cool-down (`restart_computing`):
    /// needs an empty withdraw queue and `stake` above the stake released.
    public static func restartComputing(owner: AccountId32, pid: UInt64, worker: WorkerPublicKey, stake: UInt128, context: inout RuntimeContext) throws {
        var pool = try ownedPool(pid, by: owner, state: context.state)
        guard pool.workers.contains(worker) else { throw Error.workerDoesNotExist }
        guard pool.basepool.withdrawQueue.isEmpty else { throw Error.withdrawQueueNotEmpty }
        let session = sessionAccount(pid: pid, worker: worker)
        try PhalaComputation.stopComputing(session: session, context: &context)
        let (released, _) = try PhalaComputation.reclaim(session: session, checkCoolDown: false, context: &context)
        guard stake > released else { throw Error.invalidRestartStake }
        try PhalaFunds.move(from: pool.lockAccount, to: pool.basepool.poolAccountId, amount: released, context: &context)
        pool.cdWorkers.removeAll { $0 == worker }
        PhalaBasePool.setStakePool(pool, in: &context.state)
        try startComputing(owner: owner, pid: pid, worker: worker, stake: stake, context: &context)
    }

    /// Returns a cooled-down worker's stake to the pool's free stake and pays the queue.
    public static func reclaimPoolWorker(pid: UInt64, worker: WorkerPublicKey, context: inout RuntimeContext) throws {
        var pool = try PhalaBasePool.stakePool(pid, in: context.state)
        guard pool.workers.contains(worker) else { throw Error.workerDoesNotExist }
        let (stake, slashed) = try PhalaComputation.reclaim(session: sessionAccount(pid: pid, worker: worker), context: &context)
        try PhalaFunds.move(from: pool.lockAccount, to: pool.basepool.poolAccountId, amount: stake - slashed, context: &context)
        pool.cdWorkers.removeAll { $0 == worker }
        try PhalaBasePool.tryProcessWithdrawQueue(&pool.basepool, context: &context)
        PhalaBasePool.setStakePool(pool, in: &context.state)
        context.deposit(Event.workerReclaimed(pid: pid, worker: worker))
    }

    /// Pays the queue, then stops all workers if a request older than the grace period cannot be
    /// covered by free stake plus stake cooling down. Returns whether workers were stopped.
    @discardableResult
    public static func checkAndMaybeForceWithdraw(pid: UInt64, context: inout RuntimeContext) throws -> Bool {
        var pool = try PhalaBasePool.stakePool(pid, in: context.state)
        try PhalaBasePool.tryProcessWithdrawQueue(&pool.basepool, context: &context)
        let now = PhalaComputation.nowSeconds(context.state)
        var budget = PhalaFunds.free(pool.basepool.poolAccountId, in: context.state)
        for worker in pool.cdWorkers {
            let stake = PhalaComputation.stakes.get(sessionAccount(pid: pid, worker: worker), in: context.state) ?? 0
            budget = budget.addingReportingOverflow(stake).overflow ? .max : budget + stake
        }
        var shutdown = false
        for request in pool.basepool.withdrawQueue {
            let value = pool.basepool.value(of: request.shares)
            if value > budget && now >= request.startTime && now - request.startTime > gracePeriod {
                shutdown = true
                break
            }
            budget -= min(value, budget)
        }
        if shutdown {
            for worker in pool.workers {
                let session = sessionAccount(pid: pid, worker: worker)
                if let info = PhalaComputation.sessions.get(session, in: context.state), info.state.isComputing {
                    try stopWorker(&pool, worker: worker, context: &context)
                }
            }
            context.deposit(Event.poolForcedShutdown(pid: pid))
        }
        PhalaBasePool.setStakePool(pool, in: &context.state)
        return shutdown
    }

    /// Slashes `amount` (clamped to the pool value) to the treasury; returns the amount taken.
    @discardableResult
    public static func slashPool(pid: UInt64, amount: SlashAmount, reason: [UInt8], context: inout RuntimeContext) throws -> UInt128 {
        guard reason.count <= maxReasonLength else { throw Error.reasonTooLong }
        var pool = try PhalaBasePool.stakePool(pid, in: context.state)
        let total: UInt128
        switch amount {
        case .amount(let value): total = min(value, pool.basepool.totalValue)
        case .permill(let ratio): total = ratio.of(pool.basepool.totalValue)
        }
        guard total > 0 else { throw Error.invalidSlashAmount }
        let treasury = PhalaComputation.treasuryAccount
        let fromFree = min(total, PhalaFunds.free(pool.basepool.poolAccountId, in: context.state))
        try PhalaFunds.move(from: pool.basepool.poolAccountId, to: treasury, amount: fromFree, context: &context)
        var remaining = total - fromFree
        if remaining > 0 {
            try PhalaFunds.move(from: pool.lockAccount, to: treasury, amount: remaining, context: &context)
            // Reduce the recorded session stakes (in worker order) so reclaims return what is left.
            for worker in pool.workers where remaining > 0 {
                let session = sessionAccount(pid: pid, worker: worker)
                let stake = PhalaComputation.stakes.get(session, in: context.state) ?? 0
                let cut = min(stake, remaining)
                guard cut > 0 else { continue }
                PhalaComputation.stakes.set(session, stake - cut, in: &context.state)
                remaining -= cut
            }
            guard remaining == 0 else { throw Error.insufficientFreeStake }
        }
        pool.basepool.totalValue -= total
        PhalaBasePool.setStakePool(pool, in: &context.state)
        context.deposit(Event.poolSlashed(pid: pid, amount: total, reason: reason))
        return total
    }

    /// Handles a session's payout: finds the session's pool and rewards it.
    /// Returns whether it was paid (dust and unassigned rewards are dismissed, not minted).
    static func onReward(session: AccountId32, amount: UInt128, context: inout RuntimeContext) throws -> Bool {
        guard let worker = PhalaComputation.sessionBindings.get(session, in: context.state),
            let pid = workerAssignments.get(worker, in: context.state)
        else {
            context.deposit(Event.rewardDismissedNotInPool(session: session, amount: amount))
            return false
        }
        return try rewardPool(pid: pid, amount: amount, context: &context)
    }

    /// Mints a reward into pool `pid`: the commission to the owner reward account, the rest to the
    /// pool account, raising the pool value (`handle_pool_new_reward`). Returns whether it was paid.
    public static func rewardPool(pid: UInt64, amount: UInt128, context: inout RuntimeContext) throws -> Bool {
        var pool = try PhalaBasePool.stakePool(pid, in: context.state)
        guard pool.basepool.totalShares > PhalaBasePool.dustThreshold else {
            context.deposit(Event.rewardDismissedNoShare(pid: pid, amount: amount))
            return false
        }
        guard amount > PhalaBasePool.dustThreshold else {
            context.deposit(Event.rewardDismissedDust(pid: pid, amount: amount))
            return false
        }
        let commission = pool.payoutCommission?.of(amount) ?? 0
        let rest = amount - commission
        try PhalaFunds.mint(pool.ownerRewardAccount, amount: commission, context: &context)
        try PhalaFunds.mint(pool.basepool.poolAccountId, amount: rest, context: &context)
        try PhalaBasePool.distributeReward(&pool.basepool, amount: rest)
        PhalaBasePool.setStakePool(pool, in: &context.state)
        context.deposit(Event.rewardReceived(pid: pid, toOwner: commission, toStakers: rest))
        return true
    }
}

/// How much to slash (`slash_pool`'s amount argument).
public enum SlashAmount: Hashable, Sendable, ScaleCodable, TypeInfo {
    /// An absolute amount in planck (clamped to the pool value).
    case amount(UInt128)
    /// A fraction of the pool value.
    case permill(Permill)

    public func encode(to encoder: inout ScaleEncoder) {
        switch self {
        case .amount(let value): encoder.encodeVariant(index: 0); encoder.encode(value)
        case .permill(let ratio): encoder.encodeVariant(index: 1); encoder.encode(ratio)
        }
    }

    public init(from decoder: inout ScaleDecoder) throws {
        switch try decoder.readVariantIndex() {
        case 0: self = .amount(try decoder.decode())
        case 1: self = .permill(try decoder.decode())
        case let index: throw ScaleError.invalidVariantIndex(type: "SlashAmount", index: index)
        }
    }

    public static var typeInfo: TypeDescription {
        .init(path: ["phala_pallets", "compute", "stake_pool_v2", "pallet", "SlashAmount"], .variant([
            VariantDescription("Amount", index: 0, fields: [FieldDescription(nil, UInt128.self, typeName: "BalanceOf<T>")]),
            VariantDescription("Permill", index: 1, fields: [FieldDescription(nil, Permill.self, typeName: "Permill")]),
        ]))
    }
}
