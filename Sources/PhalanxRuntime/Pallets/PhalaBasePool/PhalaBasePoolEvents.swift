import PhalanxPrimitives

extension PhalaBasePool {
    /// PhalaBasePool's events.
    public enum Event: PalletEvent {
        public typealias Owner = PhalaBasePool
        /// A pool contribution whitelist was added (with its first staker).
        case poolWhitelistStakerAdded(pid: UInt64, staker: AccountId32)
        /// A staker was removed from a pool contribution whitelist.
        case poolWhitelistStakerRemoved(pid: UInt64, staker: AccountId32)
        /// A withdrawal request was queued (shares: the merged request's total).
        case withdrawalQueued(pid: UInt64, user: AccountId32, shares: UInt128)
        /// Some stake was withdrawn from a pool (`burnt_shares`: dust shares burned).
        case withdrawal(pid: UInt64, user: AccountId32, amount: UInt128, shares: UInt128, burntShares: UInt128)

        public static var variants: [VariantDescription] {
            let pid = FieldDescription("pid", UInt64.self, typeName: "u64")
            let user = FieldDescription("user", AccountId32.self, typeName: "T::AccountId")
            let staker = FieldDescription("staker", AccountId32.self, typeName: "T::AccountId")
            let shares = FieldDescription("shares", UInt128.self, typeName: "BalanceOf<T>")
            return [
                VariantDescription("PoolWhitelistStakerAdded", index: 2, fields: [pid, staker], docs: ["A staker was added to a pool whitelist."]),
                VariantDescription("PoolWhitelistStakerRemoved", index: 3, fields: [pid, staker], docs: ["A staker was removed from a pool whitelist."]),
                VariantDescription("WithdrawalQueued", index: 5, fields: [pid, user, shares],
                                   docs: ["A withdrawal request is inserted to a queue."]),
                VariantDescription("Withdrawal", index: 6, fields: [
                    pid, user, FieldDescription("amount", UInt128.self, typeName: "BalanceOf<T>"), shares,
                    FieldDescription("burnt_shares", UInt128.self, typeName: "BalanceOf<T>"),
                ], docs: ["Some stake was withdrawn from a pool."]),
            ]
        }

        public func encode(to encoder: inout ScaleEncoder) {
            switch self {
            case .poolWhitelistStakerAdded(let pid, let s): encoder.encodeVariant(index: 2); encoder.encodeAll(pid, s)
            case .poolWhitelistStakerRemoved(let pid, let s): encoder.encodeVariant(index: 3); encoder.encodeAll(pid, s)
            case .withdrawalQueued(let pid, let u, let s): encoder.encodeVariant(index: 5); encoder.encodeAll(pid, u, s)
            case .withdrawal(let pid, let u, let a, let s, let b): encoder.encodeVariant(index: 6); encoder.encodeAll(pid, u, a, s, b)
            }
        }

        public init(from decoder: inout ScaleDecoder) throws {
            switch try decoder.readVariantIndex() {
            case 2: self = .poolWhitelistStakerAdded(pid: try decoder.decode(), staker: try decoder.decode())
            case 3: self = .poolWhitelistStakerRemoved(pid: try decoder.decode(), staker: try decoder.decode())
            case 5: self = .withdrawalQueued(pid: try decoder.decode(), user: try decoder.decode(), shares: try decoder.decode())
            case 6:
                self = .withdrawal(
                    pid: try decoder.decode(), user: try decoder.decode(), amount: try decoder.decode(), shares: try decoder.decode(),
                    burntShares: try decoder.decode())
            case let index: throw ScaleError.invalidVariantIndex(type: "PhalaBasePool.Event", index: index)
            }
        }
    }
}
