import PhalanxPrimitives

extension Balances {
    /// Balances' calls, with Substrate's call indices.
    public enum Call: PalletCall {
        public typealias Owner = Balances
        /// Transfer, reaping the sender if it falls below the existential deposit.
        case transferAllowDeath(dest: MultiAddress, value: UInt128)
        /// Root: transfer from any account.
        case forceTransfer(source: MultiAddress, dest: MultiAddress, value: UInt128)
        /// Transfer that fails rather than reap the sender.
        case transferKeepAlive(dest: MultiAddress, value: UInt128)
        /// Transfer the whole transferable balance.
        case transferAll(dest: MultiAddress, keepAlive: Bool)
        /// Root: set an account's free balance.
        case forceSetBalance(who: MultiAddress, newFree: UInt128)
        /// Burn some of one's own free balance.
        case burn(value: UInt128, keepAlive: Bool)

        public static var variants: [VariantDescription] {
            let dest = FieldDescription("dest", MultiAddress.self, typeName: "AccountIdLookupOf<T>")
            let value = FieldDescription("value", Compact<UInt128>.self, typeName: "T::Balance")
            return [
                VariantDescription("transfer_allow_death", index: 0, fields: [dest, value],
                                   docs: ["Transfer some liquid free balance to another account; the sender may be reaped."]),
                VariantDescription("force_transfer", index: 2, fields: [
                    FieldDescription("source", MultiAddress.self, typeName: "AccountIdLookupOf<T>"), dest, value,
                ], docs: ["Exactly as `transfer_allow_death`, except the origin must be root and the source account may be specified."]),
                VariantDescription("transfer_keep_alive", index: 3, fields: [dest, value],
                                   docs: ["Same as `transfer_allow_death`, but fails rather than reap the sender."]),
                VariantDescription("transfer_all", index: 4, fields: [dest, FieldDescription("keep_alive", Bool.self, typeName: "bool")],
                                   docs: ["Transfer the entire transferable balance from the caller account."]),
                VariantDescription("force_set_balance", index: 8, fields: [
                    FieldDescription("who", MultiAddress.self, typeName: "AccountIdLookupOf<T>"),
                    FieldDescription("new_free", Compact<UInt128>.self, typeName: "T::Balance"),
                ], docs: ["Set the regular balance of a given account (root only)."]),
                VariantDescription("burn", index: 10, fields: [value, FieldDescription("keep_alive", Bool.self, typeName: "bool")],
                                   docs: ["Burn the specified liquid free balance from the origin account."]),
            ]
        }

        public var info: DispatchInfo {
            switch self {
            case .transferAllowDeath: DispatchInfo(weight: BalancesWeights.transferAllowDeath)
            case .forceTransfer: DispatchInfo(weight: BalancesWeights.forceTransfer)
            case .transferKeepAlive: DispatchInfo(weight: BalancesWeights.transferKeepAlive)
            case .transferAll: DispatchInfo(weight: BalancesWeights.transferAll)
            case .forceSetBalance: DispatchInfo(weight: BalancesWeights.forceSetBalance)
            case .burn: DispatchInfo(weight: BalancesWeights.burn)
            }
        }

        public func dispatch(origin: Origin, context: inout RuntimeContext) throws {
            switch self {
            case .transferAllowDeath(let dest, let value):
                let source = try origin.ensureSigned()
                try Balances.transfer(from: source, to: try dest.lookup(), amount: value, keepAlive: false, context: &context)
            case .forceTransfer(let source, let dest, let value):
                try origin.ensureRoot()
                try Balances.transfer(from: try source.lookup(), to: try dest.lookup(), amount: value, keepAlive: false, context: &context)
            case .transferKeepAlive(let dest, let value):
                let source = try origin.ensureSigned()
                try Balances.transfer(from: source, to: try dest.lookup(), amount: value, keepAlive: true, context: &context)
            case .transferAll(let dest, let keepAlive):
                let source = try origin.ensureSigned()
                let data = Balances.account(source, in: context.state)
                var amount = data.spendable
                if keepAlive { amount = amount > existentialDeposit ? amount - existentialDeposit : 0 }
                try Balances.transfer(from: source, to: try dest.lookup(), amount: amount, keepAlive: keepAlive, context: &context)
            case .forceSetBalance(let who, let newFree):
                try origin.ensureRoot()
                Balances.setFreeBalance(try who.lookup(), to: newFree, context: &context)
            case .burn(let value, let keepAlive):
                let who = try origin.ensureSigned()
                let data = Balances.account(who, in: context.state)
                if keepAlive && data.free >= value && data.free - value < existentialDeposit { throw Error.expendability }
                try Balances.withdraw(who, amount: value, context: &context)
                context.deposit(Event.burned(who: who, amount: value))
            }
        }

        public func encode(to encoder: inout ScaleEncoder) {
            switch self {
            case .transferAllowDeath(let dest, let value):
                encoder.encodeVariant(index: 0)
                encoder.encode(dest)
                encoder.encodeCompact(value)
            case .forceTransfer(let source, let dest, let value):
                encoder.encodeVariant(index: 2)
                encoder.encode(source)
                encoder.encode(dest)
                encoder.encodeCompact(value)
            case .transferKeepAlive(let dest, let value):
                encoder.encodeVariant(index: 3)
                encoder.encode(dest)
                encoder.encodeCompact(value)
            case .transferAll(let dest, let keepAlive):
                encoder.encodeVariant(index: 4)
                encoder.encode(dest)
                encoder.encode(keepAlive)
            case .forceSetBalance(let who, let newFree):
                encoder.encodeVariant(index: 8)
                encoder.encode(who)
                encoder.encodeCompact(newFree)
            case .burn(let value, let keepAlive):
                encoder.encodeVariant(index: 10)
                encoder.encodeCompact(value)
                encoder.encode(keepAlive)
            }
        }

        public init(from decoder: inout ScaleDecoder) throws {
            switch try decoder.readVariantIndex() {
            case 0: self = .transferAllowDeath(dest: try decoder.decode(), value: try decoder.decodeCompact())
            case 2: self = .forceTransfer(source: try decoder.decode(), dest: try decoder.decode(), value: try decoder.decodeCompact())
            case 3: self = .transferKeepAlive(dest: try decoder.decode(), value: try decoder.decodeCompact())
            case 4: self = .transferAll(dest: try decoder.decode(), keepAlive: try decoder.decode())
            case 8: self = .forceSetBalance(who: try decoder.decode(), newFree: try decoder.decodeCompact())
            case 10: self = .burn(value: try decoder.decodeCompact(), keepAlive: try decoder.decode())
            case let index: throw ScaleError.invalidVariantIndex(type: "Balances.Call", index: index)
            }
        }
    }
}
