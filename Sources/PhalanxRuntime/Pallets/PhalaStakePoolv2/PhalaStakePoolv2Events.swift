import PhalanxPrimitives

extension PhalaStakePoolv2 {
    /// PhalaStakePoolv2's events.
    public enum Event: PalletEvent {
        public typealias Owner = PhalaStakePoolv2
        /// A stake pool is created by `owner`.
        case poolCreated(owner: AccountId32, pid: UInt64, cid: UInt32, poolAccountId: AccountId32)
        /// The commission of a pool is updated (parts per million).
        case poolCommissionSet(pid: UInt64, commission: UInt32)
        /// The stake capacity of the pool is updated.
        case poolCapacitySet(pid: UInt64, cap: UInt128)
        /// A worker is added to the pool.
        case poolWorkerAdded(pid: UInt64, worker: WorkerPublicKey, session: AccountId32)
        /// Someone contributed to a pool.
        case contribution(pid: UInt64, user: AccountId32, amount: UInt128, shares: UInt128, asVault: UInt64?)
        /// Owner rewards were withdrawn by pool owner.
        case ownerRewardsWithdrawn(pid: UInt64, user: AccountId32, amount: UInt128)
        /// A worker is removed from a pool.
        case poolWorkerRemoved(pid: UInt64, worker: WorkerPublicKey)
        /// A worker is reclaimed from the pool.
        case workerReclaimed(pid: UInt64, worker: WorkerPublicKey)
        /// The amount of reward that distributed to owner and stakers.
        case rewardReceived(pid: UInt64, toOwner: UInt128, toStakers: UInt128)
        /// The amount of stakes for a worker to start computing.
        case workingStarted(pid: UInt64, worker: WorkerPublicKey, amount: UInt128)
        /// Some reward is dismissed because the worker is not bound to a pool.
        case rewardDismissedNotInPool(session: AccountId32, amount: UInt128)
        /// Some reward is dismissed because the pool doesn't have any share.
        case rewardDismissedNoShare(pid: UInt64, amount: UInt128)
        /// Some reward is dismissed because the amount is too tiny (dust).
        case rewardDismissedDust(pid: UInt64, amount: UInt128)
        /// All workers of the pool were stopped: a queued withdrawal exceeded the grace period.
        case poolForcedShutdown(pid: UInt64)
        /// A pool was slashed: `amount` went to the treasury, for `reason`.
        case poolSlashed(pid: UInt64, amount: UInt128, reason: [UInt8])

        public static var variants: [VariantDescription] {
            let pid = FieldDescription("pid", UInt64.self, typeName: "u64")
            let worker = FieldDescription("worker", WorkerPublicKey.self, typeName: "WorkerPublicKey")
            let amount = FieldDescription("amount", UInt128.self, typeName: "BalanceOf<T>")
            let user = FieldDescription("user", AccountId32.self, typeName: "T::AccountId")
            return [
                VariantDescription("PoolCreated", index: 0, fields: [
                    FieldDescription("owner", AccountId32.self, typeName: "T::AccountId"), pid, FieldDescription("cid", UInt32.self, typeName: "CollectionId"),
                    FieldDescription("pool_account_id", AccountId32.self, typeName: "T::AccountId"),
                ], docs: ["A stake pool is created by `owner`."]),
                VariantDescription("PoolCommissionSet", index: 1, fields: [pid, FieldDescription("commission", UInt32.self, typeName: "u32")],
                                   docs: ["The commission of a pool is updated (parts per million)."]),
                VariantDescription("PoolCapacitySet", index: 2, fields: [pid, FieldDescription("cap", UInt128.self, typeName: "BalanceOf<T>")],
                                   docs: ["The stake capacity of the pool is updated."]),
                VariantDescription("PoolWorkerAdded", index: 3, fields: [pid, worker, FieldDescription("session", AccountId32.self, typeName: "T::AccountId")],
                                   docs: ["A worker is added to the pool."]),
                VariantDescription("Contribution", index: 4, fields: [
                    pid, user, amount, FieldDescription("shares", UInt128.self, typeName: "BalanceOf<T>"),
                    FieldDescription("as_vault", UInt64?.self, typeName: "Option<u64>"),
                ], docs: ["Someone contributed to a pool."]),
                VariantDescription("OwnerRewardsWithdrawn", index: 5, fields: [pid, user, amount], docs: ["Owner rewards were withdrawn by pool owner."]),
                VariantDescription("PoolWorkerRemoved", index: 6, fields: [pid, worker], docs: ["A worker is removed from a pool."]),
                VariantDescription("WorkerReclaimed", index: 7, fields: [pid, worker], docs: ["A worker is reclaimed from the pool."]),
                VariantDescription("RewardReceived", index: 8, fields: [
                    pid, FieldDescription("to_owner", UInt128.self, typeName: "BalanceOf<T>"), FieldDescription("to_stakers", UInt128.self, typeName: "BalanceOf<T>"),
                ], docs: ["The amount of reward that distributed to owner and stakers."]),
                VariantDescription("WorkingStarted", index: 9, fields: [pid, worker, amount], docs: ["The amount of stakes for a worker to start computing."]),
                VariantDescription("RewardDismissedNotInPool", index: 10, fields: [FieldDescription("session", AccountId32.self, typeName: "T::AccountId"), amount],
                                   docs: ["Some reward is dismissed because the worker is not bound to a pool."]),
                VariantDescription("RewardDismissedNoShare", index: 11, fields: [pid, amount],
                                   docs: ["Some reward is dismissed because the pool doesn't have any share."]),
                VariantDescription("RewardDismissedDust", index: 12, fields: [pid, amount],
                                   docs: ["Some reward is dismissed because the amount is too tiny (dust)."]),
                VariantDescription("PoolForcedShutdown", index: 13, fields: [pid],
                                   docs: ["All workers of the pool were stopped: a queued withdrawal exceeded the grace period."]),
                VariantDescription("PoolSlashed", index: 20, fields: [pid, amount, FieldDescription("reason", [UInt8].self, typeName: "Vec<u8>")],
                                   docs: ["A pool was slashed: `amount` went to the treasury, for `reason`."]),
            ]
        }

        public func encode(to encoder: inout ScaleEncoder) {
            switch self {
            case .poolCreated(let o, let p, let c, let a): encoder.encodeVariant(index: 0); encoder.encodeAll(o, p, c, a)
            case .poolCommissionSet(let p, let c): encoder.encodeVariant(index: 1); encoder.encodeAll(p, c)
            case .poolCapacitySet(let p, let c): encoder.encodeVariant(index: 2); encoder.encodeAll(p, c)
            case .poolWorkerAdded(let p, let w, let s): encoder.encodeVariant(index: 3); encoder.encodeAll(p, w, s)
            case .contribution(let p, let u, let a, let s, let v): encoder.encodeVariant(index: 4); encoder.encodeAll(p, u, a, s, v)
            case .ownerRewardsWithdrawn(let p, let u, let a): encoder.encodeVariant(index: 5); encoder.encodeAll(p, u, a)
            case .poolWorkerRemoved(let p, let w): encoder.encodeVariant(index: 6); encoder.encodeAll(p, w)
            case .workerReclaimed(let p, let w): encoder.encodeVariant(index: 7); encoder.encodeAll(p, w)
            case .rewardReceived(let p, let o, let s): encoder.encodeVariant(index: 8); encoder.encodeAll(p, o, s)
            case .workingStarted(let p, let w, let a): encoder.encodeVariant(index: 9); encoder.encodeAll(p, w, a)
            case .rewardDismissedNotInPool(let s, let a): encoder.encodeVariant(index: 10); encoder.encodeAll(s, a)
            case .rewardDismissedNoShare(let p, let a): encoder.encodeVariant(index: 11); encoder.encodeAll(p, a)
            case .rewardDismissedDust(let p, let a): encoder.encodeVariant(index: 12); encoder.encodeAll(p, a)
            case .poolForcedShutdown(let p): encoder.encodeVariant(index: 13); encoder.encode(p)
            case .poolSlashed(let p, let a, let r): encoder.encodeVariant(index: 20); encoder.encodeAll(p, a, r)
            }
        }

        public init(from decoder: inout ScaleDecoder) throws {
            switch try decoder.readVariantIndex() {
            case 0: self = .poolCreated(owner: try decoder.decode(), pid: try decoder.decode(), cid: try decoder.decode(), poolAccountId: try decoder.decode())
            case 1: self = .poolCommissionSet(pid: try decoder.decode(), commission: try decoder.decode())
            case 2: self = .poolCapacitySet(pid: try decoder.decode(), cap: try decoder.decode())
            case 3: self = .poolWorkerAdded(pid: try decoder.decode(), worker: try decoder.decode(), session: try decoder.decode())
            case 4:
                self = .contribution(
                    pid: try decoder.decode(), user: try decoder.decode(), amount: try decoder.decode(), shares: try decoder.decode(), asVault: try decoder.decode())
            case 5: self = .ownerRewardsWithdrawn(pid: try decoder.decode(), user: try decoder.decode(), amount: try decoder.decode())
            case 6: self = .poolWorkerRemoved(pid: try decoder.decode(), worker: try decoder.decode())
            case 7: self = .workerReclaimed(pid: try decoder.decode(), worker: try decoder.decode())
            case 8: self = .rewardReceived(pid: try decoder.decode(), toOwner: try decoder.decode(), toStakers: try decoder.decode())
            case 9: self = .workingStarted(pid: try decoder.decode(), worker: try decoder.decode(), amount: try decoder.decode())
            case 10: self = .rewardDismissedNotInPool(session: try decoder.decode(), amount: try decoder.decode())
            case 11: self = .rewardDismissedNoShare(pid: try decoder.decode(), amount: try decoder.decode())
            case 12: self = .rewardDismissedDust(pid: try decoder.decode(), amount: try decoder.decode())
            case 13: self = .poolForcedShutdown(pid: try decoder.decode())
            case 20: self = .poolSlashed(pid: try decoder.decode(), amount: try decoder.decode(), reason: try decoder.decode())
            case let index: throw ScaleError.invalidVariantIndex(type: "PhalaStakePoolv2.Event", index: index)
            }
        }
    }
}
