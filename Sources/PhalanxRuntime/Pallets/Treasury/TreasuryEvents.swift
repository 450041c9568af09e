import PhalanxPrimitives

extension Treasury {
    /// Treasury's events, with Substrate's indices.
    public enum Event: PalletEvent {
        public typealias Owner = Treasury
        /// New proposal.
        case proposed(proposalIndex: UInt32)
        /// We have ended a spend period and will now allocate funds.
        case spending(budgetRemaining: UInt128)
        /// Some funds have been allocated.
        case awarded(proposalIndex: UInt32, award: UInt128, account: AccountId32)
        /// A proposal was rejected; funds were slashed.
        case rejected(proposalIndex: UInt32, slashed: UInt128)
        /// Some of our funds have been burnt.
        case burnt(burntFunds: UInt128)
        /// Spending has finished; this is the amount that rolls over until next spend.
        case rollover(rolloverBalance: UInt128)
        /// Some funds have been deposited.
        case deposit(value: UInt128)
        /// A new spend proposal has been approved.
        case spendApproved(proposalIndex: UInt32, amount: UInt128, beneficiary: AccountId32)

        public static var variants: [VariantDescription] {
            let index = FieldDescription("proposal_index", UInt32.self, typeName: "ProposalIndex")
            func balance(_ name: String) -> FieldDescription { FieldDescription(name, UInt128.self, typeName: "BalanceOf<T, I>") }
            return [
                VariantDescription("Proposed", index: 0, fields: [index], docs: ["New proposal."]),
                VariantDescription("Spending", index: 1, fields: [balance("budget_remaining")], docs: ["We have ended a spend period and will now allocate funds."]),
                VariantDescription("Awarded", index: 2, fields: [index, balance("award"), FieldDescription("account", AccountId32.self, typeName: "T::AccountId")],
                                   docs: ["Some funds have been allocated."]),
                VariantDescription("Rejected", index: 3, fields: [index, balance("slashed")], docs: ["A proposal was rejected; funds were slashed."]),
                VariantDescription("Burnt", index: 4, fields: [balance("burnt_funds")], docs: ["Some of our funds have been burnt."]),
                VariantDescription("Rollover", index: 5, fields: [balance("rollover_balance")],
                                   docs: ["Spending has finished; this is the amount that rolls over until next spend."]),
                VariantDescription("Deposit", index: 6, fields: [balance("value")], docs: ["Some funds have been deposited."]),
                VariantDescription("SpendApproved", index: 7, fields: [index, balance("amount"), FieldDescription("beneficiary", AccountId32.self, typeName: "T::AccountId")],
                                   docs: ["A new spend proposal has been approved."]),
            ]
        }

        public func encode(to encoder: inout ScaleEncoder) {
            switch self {
            case .proposed(let index):
                encoder.encodeVariant(index: 0)
                encoder.encode(index)
            case .spending(let budget):
                encoder.encodeVariant(index: 1)
                encoder.encode(budget)
            case .awarded(let index, let award, let account):
                encoder.encodeVariant(index: 2)
                encoder.encodeAll(index, award, account)
            case .rejected(let index, let slashed):
                encoder.encodeVariant(index: 3)
                encoder.encodeAll(index, slashed)
            case .burnt(let funds):
                encoder.encodeVariant(index: 4)
                encoder.encode(funds)
            case .rollover(let balance):
                encoder.encodeVariant(index: 5)
                encoder.encode(balance)
            case .deposit(let value):
                encoder.encodeVariant(index: 6)
                encoder.encode(value)
            case .spendApproved(let index, let amount, let beneficiary):
                encoder.encodeVariant(index: 7)
                encoder.encodeAll(index, amount, beneficiary)
            }
        }

        public init(from decoder: inout ScaleDecoder) throws {
            switch try decoder.readVariantIndex() {
            case 0: self = .proposed(proposalIndex: try decoder.decode())
            case 1: self = .spending(budgetRemaining: try decoder.decode())
            case 2: self = .awarded(proposalIndex: try decoder.decode(), award: try decoder.decode(), account: try decoder.decode())
            case 3: self = .rejected(proposalIndex: try decoder.decode(), slashed: try decoder.decode())
            case 4: self = .burnt(burntFunds: try decoder.decode())
            case 5: self = .rollover(rolloverBalance: try decoder.decode())
            case 6: self = .deposit(value: try decoder.decode())
            case 7: self = .spendApproved(proposalIndex: try decoder.decode(), amount: try decoder.decode(), beneficiary: try decoder.decode())
            case let index: throw ScaleError.invalidVariantIndex(type: "Treasury.Event", index: index)
            }
        }
    }
}
