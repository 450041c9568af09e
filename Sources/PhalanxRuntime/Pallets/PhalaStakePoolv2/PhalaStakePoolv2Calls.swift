import PhalanxPrimitives

extension PhalaStakePoolv2 {
    /// PhalaStakePoolv2's calls, with Phala's indices (`slash_pool` is Phalanx's, index 20).
    public enum Call: PalletCall {
        public typealias Owner = PhalaStakePoolv2
        /// Creates a pool owned by the caller.
        case create
        /// Owner: binds a worker the owner operates.
        case addWorker(pid: UInt64, pubkey: WorkerPublicKey)
        /// Owner: unbinds an idle (ready) worker.
        case removeWorker(pid: UInt64, worker: WorkerPublicKey)
        /// Owner: sets the pool's cap (at least its current value).
        case setCap(pid: UInt64, cap: UInt128)
        /// Owner: sets the commission (`None` = 0).
        case setPayoutPref(pid: UInt64, payoutCommission: Permill?)
        /// Owner: sends the accumulated commission to `target`.
        case claimOwnerRewards(pid: UInt64, target: AccountId32)
        /// Anyone: pays the queue and stops all workers if a request outlived the grace period.
        case checkAndMaybeForceWithdraw(pid: UInt64)
        /// Contributes `amount` for shares; with `as_vault`, the vault owner invests the vault's funds.
        case contribute(pid: UInt64, amount: UInt128, asVault: UInt64?)
        /// Queues a withdrawal of `shares`; with `as_vault`, of the vault's shares.
        case withdraw(pid: UInt64, shares: UInt128, asVault: UInt64?)
        /// Owner: starts computing on a worker with `stake` of the pool's free stake.
        case startComputing(pid: UInt64, worker: WorkerPublicKey, stake: UInt128)
        /// Owner: stops computing on a worker.
        case stopComputing(pid: UInt64, worker: WorkerPublicKey)
        /// Anyone: returns a cooled-down worker's stake to the pool.
        case reclaimPoolWorker(pid: UInt64, worker: WorkerPublicKey)
        /// Owner: restarts a computing worker with more stake, without cool-down.
        case restartComputing(pid: UInt64, worker: WorkerPublicKey, stake: UInt128)
        /// Root (governance): slashes a pool to the treasury.
        case slashPool(pid: UInt64, amount: SlashAmount, reason: [UInt8])

        public static var variants: [VariantDescription] {
            let pid = FieldDescription("pid", UInt64.self, typeName: "u64")
            let worker = FieldDescription("worker", WorkerPublicKey.self, typeName: "WorkerPublicKey")
            let asVault = FieldDescription("as_vault", UInt64?.self, typeName: "Option<u64>")
            return [
                VariantDescription("create", index: 0, docs: ["Creates a new stake pool."]),
                VariantDescription("add_worker", index: 1, fields: [pid, FieldDescription("pubkey", WorkerPublicKey.self, typeName: "WorkerPublicKey")],
                                   docs: ["Adds a worker to a pool."]),
                VariantDescription("remove_worker", index: 2, fields: [pid, worker], docs: ["Removes a worker from a pool."]),
                VariantDescription("set_cap", index: 3, fields: [pid, FieldDescription("cap", UInt128.self, typeName: "BalanceOf<T>")],
                                   docs: ["Sets the hard cap of the pool."]),
                VariantDescription("set_payout_pref", index: 4, fields: [pid, FieldDescription("payout_commission", Permill?.self, typeName: "Option<Permill>")],
                                   docs: ["Changes the pool commission rate."]),
                VariantDescription("claim_owner_rewards", index: 7, fields: [pid, FieldDescription("target", AccountId32.self, typeName: "T::AccountId")],
                                   docs: ["Claims pool-owner rewards to a specific target."]),
                VariantDescription("check_and_maybe_force_withdraw", index: 8, fields: [pid],
                                   docs: ["Lets any user to launch a stakepool withdraw if the withdraw queue is overdue."]),
                VariantDescription("contribute", index: 9, fields: [pid, FieldDescription("amount", UInt128.self, typeName: "BalanceOf<T>"), asVault],
                                   docs: ["Contributes some stake to a stakepool."]),
                VariantDescription("withdraw", index: 10, fields: [pid, FieldDescription("shares", UInt128.self, typeName: "BalanceOf<T>"), asVault],
                                   docs: ["Demands the return of some stake from a pool."]),
                VariantDescription("start_computing", index: 13, fields: [pid, worker, FieldDescription("stake", UInt128.self, typeName: "BalanceOf<T>")],
                                   docs: ["Starts a worker on behalf of the stake pool."]),
                VariantDescription("stop_computing", index: 14, fields: [pid, worker], docs: ["Stops a worker on behalf of the stake pool."]),
                VariantDescription("reclaim_pool_worker", index: 15, fields: [pid, worker], docs: ["Reclaims the releasing stake of a worker in a pool."]),
                VariantDescription("restart_computing", index: 17, fields: [pid, worker, FieldDescription("stake", UInt128.self, typeName: "BalanceOf<T>")],
                                   docs: ["Restarts the worker with a higher stake."]),
                VariantDescription("slash_pool", index: 20, fields: [
                    pid, FieldDescription("amount", SlashAmount.self, typeName: "SlashAmount<BalanceOf<T>>"),
                    FieldDescription("reason", [UInt8].self, typeName: "Vec<u8>"),
                ], docs: ["Slashes a pool to the treasury (governance origin)."]),
            ]
        }

        public var info: DispatchInfo {
            switch self {
            case .create: DispatchInfo(weight: PhalaStakePoolv2Weights.create)
            case .addWorker: DispatchInfo(weight: PhalaStakePoolv2Weights.addWorker)
            case .removeWorker: DispatchInfo(weight: PhalaStakePoolv2Weights.removeWorker)
            case .setCap: DispatchInfo(weight: PhalaStakePoolv2Weights.setCap)
            case .setPayoutPref: DispatchInfo(weight: PhalaStakePoolv2Weights.setPayoutPref)
            case .claimOwnerRewards: DispatchInfo(weight: PhalaStakePoolv2Weights.claimOwnerRewards)
            case .checkAndMaybeForceWithdraw: DispatchInfo(weight: PhalaStakePoolv2Weights.checkAndMaybeForceWithdraw)
            case .contribute: DispatchInfo(weight: PhalaStakePoolv2Weights.contribute)
            case .withdraw: DispatchInfo(weight: PhalaStakePoolv2Weights.withdraw)
            case .startComputing: DispatchInfo(weight: PhalaStakePoolv2Weights.startComputing)
            case .stopComputing: DispatchInfo(weight: PhalaStakePoolv2Weights.stopComputing)
            case .reclaimPoolWorker: DispatchInfo(weight: PhalaStakePoolv2Weights.reclaimPoolWorker)
            case .restartComputing: DispatchInfo(weight: PhalaStakePoolv2Weights.restartComputing)
            case .slashPool: DispatchInfo(weight: PhalaStakePoolv2Weights.slashPool)
            }
        }

        public func dispatch(origin: Origin, context: inout RuntimeContext) throws {
            switch self {
            case .create:
                try PhalaStakePoolv2.create(owner: try origin.ensureSigned(), context: &context)
            case .addWorker(let pid, let pubkey):
                try PhalaStakePoolv2.addWorker(owner: try origin.ensureSigned(), pid: pid, worker: pubkey, context: &context)
            case .removeWorker(let pid, let worker):
                try PhalaStakePoolv2.removeWorker(owner: try origin.ensureSigned(), pid: pid, worker: worker, context: &context)
            case .setCap(let pid, let cap):
                var pool = try ownedPool(pid, by: try origin.ensureSigned(), state: context.state)
                guard cap >= pool.basepool.totalValue else { throw Error.inadequateCapacity }
                pool.cap = cap
                PhalaBasePool.setStakePool(pool, in: &context.state)
                context.deposit(Event.poolCapacitySet(pid: pid, cap: cap))
            case .setPayoutPref(let pid, let commission):
                var pool = try ownedPool(pid, by: try origin.ensureSigned(), state: context.state)
                pool.payoutCommission = commission
                PhalaBasePool.setStakePool(pool, in: &context.state)
                context.deposit(Event.poolCommissionSet(pid: pid, commission: commission?.parts ?? 0))
            case .claimOwnerRewards(let pid, let target):
                let who = try origin.ensureSigned()
                let pool = try ownedPool(pid, by: who, state: context.state)
                let amount = PhalaFunds.free(pool.ownerRewardAccount, in: context.state)
                guard amount > 0 else { throw Error.noRewardToClaim }
                try PhalaFunds.move(from: pool.ownerRewardAccount, to: target, amount: amount, context: &context)
                context.deposit(Event.ownerRewardsWithdrawn(pid: pid, user: who, amount: amount))
            case .checkAndMaybeForceWithdraw(let pid):
                _ = try origin.ensureSigned()
                try PhalaStakePoolv2.checkAndMaybeForceWithdraw(pid: pid, context: &context)
            case .contribute(let pid, let amount, let asVault):
                let who = try origin.ensureSigned()
                try PhalaStakePoolv2.contribute(who: who, pid: pid, amount: amount, asVault: asVault, context: &context)
            case .withdraw(let pid, let shares, let asVault):
                let who = try origin.ensureSigned()
                if let vid = asVault {
                    try PhalaStakePoolv2.withdrawAsVault(owner: who, vid: vid, pid: pid, shares: shares, context: &context)
                } else {
                    try PhalaStakePoolv2.withdraw(who: who, pid: pid, shares: shares, context: &context)
                }
            case .startComputing(let pid, let worker, let stake):
                try PhalaStakePoolv2.startComputing(owner: try origin.ensureSigned(), pid: pid, worker: worker, stake: stake, context: &context)
            case .stopComputing(let pid, let worker):
                try PhalaStakePoolv2.stopComputing(owner: try origin.ensureSigned(), pid: pid, worker: worker, context: &context)
            case .reclaimPoolWorker(let pid, let worker):
                _ = try origin.ensureSigned()
                try PhalaStakePoolv2.reclaimPoolWorker(pid: pid, worker: worker, context: &context)
            case .restartComputing(let pid, let worker, let stake):
                try PhalaStakePoolv2.restartComputing(owner: try origin.ensureSigned(), pid: pid, worker: worker, stake: stake, context: &context)
            case .slashPool(let pid, let amount, let reason):
                try PhalaGovernance.ensureGovernance(origin)
                try PhalaStakePoolv2.slashPool(pid: pid, amount: amount, reason: reason, context: &context)
            }
        }

        public func encode(to encoder: inout ScaleEncoder) {
            switch self {
            case .create: encoder.encodeVariant(index: 0)
            case .addWorker(let p, let w): encoder.encodeVariant(index: 1); encoder.encodeAll(p, w)
            case .removeWorker(let p, let w): encoder.encodeVariant(index: 2); encoder.encodeAll(p, w)
            case .setCap(let p, let c): encoder.encodeVariant(index: 3); encoder.encodeAll(p, c)
            case .setPayoutPref(let p, let c): encoder.encodeVariant(index: 4); encoder.encodeAll(p, c)
            case .claimOwnerRewards(let p, let t): encoder.encodeVariant(index: 7); encoder.encodeAll(p, t)
            case .checkAndMaybeForceWithdraw(let p): encoder.encodeVariant(index: 8); encoder.encode(p)
            case .contribute(let p, let a, let v): encoder.encodeVariant(index: 9); encoder.encodeAll(p, a, v)
            case .withdraw(let p, let s, let v): encoder.encodeVariant(index: 10); encoder.encodeAll(p, s, v)
            case .startComputing(let p, let w, let s): encoder.encodeVariant(index: 13); encoder.encodeAll(p, w, s)
            case .stopComputing(let p, let w): encoder.encodeVariant(index: 14); encoder.encodeAll(p, w)
            case .reclaimPoolWorker(let p, let w): encoder.encodeVariant(index: 15); encoder.encodeAll(p, w)
            case .restartComputing(let p, let w, let s): encoder.encodeVariant(index: 17); encoder.encodeAll(p, w, s)
            case .slashPool(let p, let a, let r): encoder.encodeVariant(index: 20); encoder.encodeAll(p, a, r)
            }
        }

        public init(from decoder: inout ScaleDecoder) throws {
            switch try decoder.readVariantIndex() {
            case 0: self = .create
            case 1: self = .addWorker(pid: try decoder.decode(), pubkey: try decoder.decode())
            case 2: self = .removeWorker(pid: try decoder.decode(), worker: try decoder.decode())
            case 3: self = .setCap(pid: try decoder.decode(), cap: try decoder.decode())
            case 4: self = .setPayoutPref(pid: try decoder.decode(), payoutCommission: try decoder.decode())
            case 7: self = .claimOwnerRewards(pid: try decoder.decode(), target: try decoder.decode())
            case 8: self = .checkAndMaybeForceWithdraw(pid: try decoder.decode())
            case 9: self = .contribute(pid: try decoder.decode(), amount: try decoder.decode(), asVault: try decoder.decode())
            case 10: self = .withdraw(pid: try decoder.decode(), shares: try decoder.decode(), asVault: try decoder.decode())
            case 13: self = .startComputing(pid: try decoder.decode(), worker: try decoder.decode(), stake: try decoder.decode())
            case 14: self = .stopComputing(pid: try decoder.decode(), worker: try decoder.decode())
            case 15: self = .reclaimPoolWorker(pid: try decoder.decode(), worker: try decoder.decode())
            case 17: self = .restartComputing(pid: try decoder.decode(), worker: try decoder.decode(), stake: try decoder.decode())
            case 20: self = .slashPool(pid: try decoder.decode(), amount: try decoder.decode(), reason: try decoder.decode())
            case let index: throw ScaleError.invalidVariantIndex(type: "PhalaStakePoolv2.Call", index: index)
            }
        }
    }
}
