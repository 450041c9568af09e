import PhalanxPrimitives

extension Balances {
    /// Balances' events, with Substrate's indices.
    public enum Event: PalletEvent {
        public typealias Owner = Balances
        /// An account was created with some free balance.
        case endowed(account: AccountId32, freeBalance: UInt128)
        /// An account was removed whose balance was non-zero but below the existential deposit.
        case dustLost(account: AccountId32, amount: UInt128)
        /// Transfer succeeded.
        case transfer(from: AccountId32, to: AccountId32, amount: UInt128)
        /// A balance was set by root.
        case balanceSet(who: AccountId32, free: UInt128)
        /// Some balance was reserved (moved from free to reserved).
        case reserved(who: AccountId32, amount: UInt128)
        /// Some balance was unreserved (moved from reserved to free).
        case unreserved(who: AccountId32, amount: UInt128)
        /// Some amount was deposited (e.g. for transaction fees).
        case deposit(who: AccountId32, amount: UInt128)
        /// Some amount was withdrawn from the account (e.g. for transaction fees).
        case withdraw(who: AccountId32, amount: UInt128)
        /// Some amount was removed from the account (e.g. for misbehavior).
        case slashed(who: AccountId32, amount: UInt128)
        /// Some amount was burned from an account.
        case burned(who: AccountId32, amount: UInt128)
        /// Some balance was locked.
        case locked(who: AccountId32, amount: UInt128)
        /// Some balance was unlocked.
        case unlocked(who: AccountId32, amount: UInt128)

        private static func fields(_ names: (String, String)) -> [FieldDescription] {
            [FieldDescription(names.0, AccountId32.self, typeName: "T::AccountId"), FieldDescription(names.1, UInt128.self, typeName: "T::Balance")]
        }

        public static var variants: [VariantDescription] {
            [
                VariantDescription("Endowed", index: 0, fields: fields(("account", "free_balance")), docs: ["An account was created with some free balance."]),
                VariantDescription("DustLost", index: 1, fields: fields(("account", "amount")),
                                   docs: ["An account was removed whose balance was non-zero but below ExistentialDeposit, resulting in an outright loss."]),
                VariantDescription("Transfer", index: 2, fields: [
                    FieldDescription("from", AccountId32.self, typeName: "T::AccountId"), FieldDescription("to", AccountId32.self, typeName: "T::AccountId"),
                    FieldDescription("amount", UInt128.self, typeName: "T::Balance"),
                ], docs: ["Transfer succeeded."]),
                VariantDescription("BalanceSet", index: 3, fields: fields(("who", "free")), docs: ["A balance was set by root."]),
                VariantDescription("Reserved", index: 4, fields: fields(("who", "amount")), docs: ["Some balance was reserved (moved from free to reserved)."]),
                VariantDescription("Unreserved", index: 5, fields: fields(("who", "amount")), docs: ["Some balance was unreserved (moved from reserved to free)."]),
                VariantDescription("Deposit", index: 7, fields: fields(("who", "amount")), docs: ["Some amount was deposited (e.g. for transaction fees)."]),
                VariantDescription("Withdraw", index: 8, fields: fields(("who", "amount")), docs: ["Some amount was withdrawn from the account (e.g. for transaction fees)."]),
                VariantDescription("Slashed", index: 9, fields: fields(("who", "amount")), docs: ["Some amount was removed from the account (e.g. for misbehavior)."]),
                VariantDescription("Burned", index: 11, fields: fields(("who", "amount")), docs: ["Some amount was burned from an account."]),
                VariantDescription("Locked", index: 17, fields: fields(("who", "amount")), docs: ["Some balance was locked."]),
                VariantDescription("Unlocked", index: 18, fields: fields(("who", "amount")), docs: ["Some balance was unlocked."]),
            ]
        }

        private var parts: (index: UInt8, account: AccountId32, second: AccountId32?, amount: UInt128) {
            switch self {
            case .endowed(let a, let v): (0, a, nil, v)
            case .dustLost(let a, let v): (1, a, nil, v)
            case .transfer(let from, let to, let v): (2, from, to, v)
            case .balanceSet(let a, let v): (3, a, nil, v)
            case .reserved(let a, let v): (4, a, nil, v)
            case .unreserved(let a, let v): (5, a, nil, v)
            case .deposit(let a, let v): (7, a, nil, v)
            case .withdraw(let a, let v): (8, a, nil, v)
            case .slashed(let a, let v): (9, a, nil, v)
            case .burned(let a, let v): (11, a, nil, v)
            case .locked(let a, let v): (17, a, nil, v)
            case .unlocked(let a, let v): (18, a, nil, v)
            }
        }

        public func encode(to encoder: inout ScaleEncoder) {
            let (index, account, second, amount) = parts
            encoder.encodeVariant(index: index)
            encoder.encode(account)
            if let second { encoder.encode(second) }
            encoder.encode(amount)
        }

        public init(from decoder: inout ScaleDecoder) throws {
            let index = try decoder.readVariantIndex()
            guard Self.variants.contains(where: { $0.index == index }) else {
                throw ScaleError.invalidVariantIndex(type: "Balances.Event", index: index)
            }
            let account = try decoder.decode(AccountId32.self)
            if index == 2 {
                self = .transfer(from: account, to: try decoder.decode(), amount: try decoder.decode())
                return
            }
            let amount = try decoder.decode(UInt128.self)
            switch index {
            case 0: self = .endowed(account: account, freeBalance: amount)
            case 1: self = .dustLost(account: account, amount: amount)
            case 3: self = .balanceSet(who: account, free: amount)
            case 4: self = .reserved(who: account, amount: amount)
            case 5: self = .unreserved(who: account, amount: amount)
            case 7: self = .deposit(who: account, amount: amount)
            case 8: self = .withdraw(who: account, amount: amount)
            case 9: self = .slashed(who: account, amount: amount)
            case 11: self = .burned(who: account, amount: amount)
            case 17: self = .locked(who: account, amount: amount)
            default: self = .unlocked(who: account, amount: amount)
            }
        }
    }
}
