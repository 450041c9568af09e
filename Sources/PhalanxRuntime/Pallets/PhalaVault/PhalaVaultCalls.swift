import PhalanxPrimitives

extension PhalaVault {
    /// PhalaVault's calls, with Phala's indices.
    public enum Call: PalletCall {
        public typealias Owner = PhalaVault
        /// Creates a vault owned by the caller.
        case create
        /// Owner: sets the fee on price gains (`None` = 0).
        case setPayoutPref(pid: UInt64, payoutCommission: Permill?)
        /// Owner: gives `shares` of the owner's fee shares to `target`.
        case claimOwnerShares(vaultPid: UInt64, target: AccountId32, shares: UInt128)
        /// Anyone: applies the owner fee at the current price.
        case maybeGainOwnerShares(vaultPid: UInt64)
        /// Anyone: pays the queue, and shuts the vault down if requests are overdue.
        case checkAndMaybeForceWithdraw(vaultPid: UInt64)
        /// Contributes `amount` to the vault for shares.
        case contribute(pid: UInt64, amount: UInt128)
        /// Queues a withdrawal of `shares` from the vault.
        case withdraw(pid: UInt64, shares: UInt128)

        public static var variants: [VariantDescription] {
            let pid = FieldDescription("pid", UInt64.self, typeName: "u64")
            let vaultPid = FieldDescription("vault_pid", UInt64.self, typeName: "u64")
            return [
                VariantDescription("create", index: 0, docs: ["Creates a new vault."]),
                VariantDescription("set_payout_pref", index: 1, fields: [pid, FieldDescription("payout_commission", Permill?.self, typeName: "Option<Permill>")],
                                   docs: ["Changes the vault commission rate."]),
                VariantDescription("claim_owner_shares", index: 2, fields: [
                    vaultPid, FieldDescription("target", AccountId32.self, typeName: "T::AccountId"), FieldDescription("shares", UInt128.self, typeName: "BalanceOf<T>"),
                ], docs: ["Transfers some owner shares wrapped in a nft to the target account."]),
                VariantDescription("maybe_gain_owner_shares", index: 3, fields: [vaultPid], docs: ["Tries to settle owner shares if the vault profits."]),
                VariantDescription("check_and_maybe_force_withdraw", index: 4, fields: [vaultPid],
                                   docs: ["Lets any user to launch a vault withdraw if the withdraw queue is overdue."]),
                VariantDescription("contribute", index: 5, fields: [pid, FieldDescription("amount", UInt128.self, typeName: "BalanceOf<T>")],
                                   docs: ["Contributes some stake to a vault."]),
                VariantDescription("withdraw", index: 6, fields: [pid, FieldDescription("shares", UInt128.self, typeName: "BalanceOf<T>")],
                                   docs: ["Demands the return of some stake from a vault."]),
            ]
        }

        public var info: DispatchInfo {
            switch self {
            case .create: DispatchInfo(weight: PhalaVaultWeights.create)
            case .setPayoutPref: DispatchInfo(weight: PhalaVaultWeights.setPayoutPref)
            case .claimOwnerShares: DispatchInfo(weight: PhalaVaultWeights.claimOwnerShares)
            case .maybeGainOwnerShares: DispatchInfo(weight: PhalaVaultWeights.maybeGainOwnerShares)
            case .checkAndMaybeForceWithdraw: DispatchInfo(weight: PhalaVaultWeights.checkAndMaybeForceWithdraw)
            case .contribute: DispatchInfo(weight: PhalaVaultWeights.contribute)
            case .withdraw: DispatchInfo(weight: PhalaVaultWeights.withdraw)
            }
        }

        public func dispatch(origin: Origin, context: inout RuntimeContext) throws {
            let who = try origin.ensureSigned()
            switch self {
            case .create:
                try PhalaVault.create(owner: who, context: &context)
            case .setPayoutPref(let pid, let commission):
                var vault = try load(pid, context: &context)
                guard vault.basepool.owner == who else { throw Error.unauthorizedPoolOwner }
                vault.commission = commission
                PhalaBasePool.setVault(vault, in: &context.state)
                context.deposit(Event.vaultCommissionSet(pid: pid, commission: commission?.parts ?? 0))
            case .claimOwnerShares(let pid, let target, let shares):
                try PhalaVault.claimOwnerShares(owner: who, pid: pid, target: target, shares: shares, context: &context)
            case .maybeGainOwnerShares(let pid):
                let vault = try load(pid, context: &context)
                PhalaBasePool.setVault(vault, in: &context.state)
            case .checkAndMaybeForceWithdraw(let pid):
                try PhalaVault.checkAndMaybeForceWithdraw(pid: pid, context: &context)
            case .contribute(let pid, let amount):
                try PhalaVault.contribute(who: who, pid: pid, amount: amount, context: &context)
            case .withdraw(let pid, let shares):
                try PhalaVault.withdraw(who: who, pid: pid, shares: shares, context: &context)
            }
        }

        public func encode(to encoder: inout ScaleEncoder) {
            switch self {
            case .create: encoder.encodeVariant(index: 0)
            case .setPayoutPref(let p, let c): encoder.encodeVariant(index: 1); encoder.encodeAll(p, c)
            case .claimOwnerShares(let p, let t, let s): encoder.encodeVariant(index: 2); encoder.encodeAll(p, t, s)
            case .maybeGainOwnerShares(let p): encoder.encodeVariant(index: 3); encoder.encode(p)
            case .checkAndMaybeForceWithdraw(let p): encoder.encodeVariant(index: 4); encoder.encode(p)
            case .contribute(let p, let a): encoder.encodeVariant(index: 5); encoder.encodeAll(p, a)
            case .withdraw(let p, let s): encoder.encodeVariant(index: 6); encoder.encodeAll(p, s)
            }
        }

        public init(from decoder: inout ScaleDecoder) throws {
            switch try decoder.readVariantIndex() {
            case 0: self = .create
            case 1: self = .setPayoutPref(pid: try decoder.decode(), payoutCommission: try decoder.decode())
            case 2: self = .claimOwnerShares(vaultPid: try decoder.decode(), target: try decoder.decode(), shares: try decoder.decode())
            case 3: self = .maybeGainOwnerShares(vaultPid: try decoder.decode())
            case 4: self = .checkAndMaybeForceWithdraw(vaultPid: try decoder.decode())
            case 5: self = .contribute(pid: try decoder.decode(), amount: try decoder.decode())
            case 6: self = .withdraw(pid: try decoder.decode(), shares: try decoder.decode())
            case let index: throw ScaleError.invalidVariantIndex(type: "PhalaVault.Call", index: index)
            }
        }
    }
}
