import PhalanxPrimitives

/// # Treasury
///
/// A pot of funds owned by the chain (account `PalletId("py/trsry")`), filled by transaction fees,
/// slashed governance deposits and (once staking exists, through `Treasury.fund`) a share of
/// computing rewards, and spent by council decision.
///
/// ## Terms
/// - *Proposal*: a request to pay `value` to a beneficiary, with a bond of 5% of the value (at least
///   1 PHA) reserved from the proposer: returned when the proposal is paid, slashed to the pot if it
///   is rejected.
/// - *Spend period*: every `SpendPeriod` blocks the approved proposals are paid in order while the
///   pot (keeping its existential deposit) can afford them; then `Burn` of what remains is burned
///   (0% on Phala).
///
/// ## Calls
/// - Signed: `propose_spend(value, beneficiary)`.
/// - Root or ≥3/5 council: `approve_proposal(proposal_id)`.
/// - Root or >1/2 council: `reject_proposal(proposal_id)`, `remove_approval(proposal_id)`, `spend_local(amount, beneficiary)`.
///
/// ## Genesis
/// The pot is created with the existential deposit, so fees of any size can be paid into it.
public enum Treasury: Pallet {
    public static let name = "Treasury"
    public static let moduleName = "pallet_treasury"
    public static let docs = ["The chain's pot of funds, spent by council decision."]

    /// The treasury's pallet id.
    public static let palletId = PalletId("py/trsry")
    /// The pot account.
    public static let account = palletId.account
    /// Proposal bond in parts per million of the value: 5%.
    public static let proposalBondPermill: UInt32 = 50_000
    /// Minimum proposal bond: 1 PHA.
    public static let proposalBondMinimum: UInt128 = Balances.dollars
    /// Maximum approved proposals waiting for payment.
    public static let maxApprovals: UInt32 = 100
    /// Share of transaction fees (tips included) paid into the pot, in percent; the rest is burned.
    public static let feeSharePercent: UInt128 = 100
    /// Reserve identifier of proposal bonds.
    static let reserveId = Array("py/trsry".utf8)
    /// Blocks between payouts.
    public static var spendPeriod: UInt32 { GovernanceConfig.active.spendPeriod }
    /// Share of the unspent pot burned each spend period, parts per million.
    public static var burnPermill: UInt32 { GovernanceConfig.active.burnPermill }

    public static var constants: [PalletConstant] {
        [
            PalletConstant("ProposalBond", proposalBondPermill, docs: ["Fraction of a proposal's value that should be bonded in order to place the proposal (Permill)."]),
            PalletConstant("ProposalBondMinimum", proposalBondMinimum, docs: ["Minimum amount of funds that should be placed in a deposit for making a proposal."]),
            PalletConstant("SpendPeriod", spendPeriod, docs: ["Period between successive spends."]),
            PalletConstant("Burn", burnPermill, docs: ["Percentage of spare funds (if any) that are burnt per spend period (Permill)."]),
            PalletConstant("PalletId", palletId, docs: ["The treasury's pallet id, used for deriving its sovereign account ID."]),
            PalletConstant("MaxApprovals", maxApprovals, docs: ["The maximum number of approvals that can wait in the spending queue."]),
        ]
    }

    public static var storageItems: [any StorageItem] { [proposalCount, proposals, approvals] }

    /// The number of proposals made so far.
    public static let proposalCount = StorageValue<UInt32>(pallet: name, item: "ProposalCount", default: 0, docs: ["Number of proposals that have been made."])
    /// The open proposals.
    public static let proposals = StorageMap<UInt32, TreasuryProposal>(pallet: name, item: "Proposals", hasher: .twox64Concat, docs: ["Proposals that have been made."])
    /// Approved proposals, paid in order at spend periods.
    public static let approvals = StorageValue<[UInt32]>(pallet: name, item: "Approvals", default: [], docs: ["Proposal indices that have been approved but not yet awarded."])

    /// The pot's spendable funds: its free balance above the existential deposit.
    public static func pot(in state: StateOverlay) -> UInt128 {
        let free = Balances.account(account, in: state).free
        return free > Balances.existentialDeposit ? free - Balances.existentialDeposit : 0
    }

    /// The bond of a proposal of `value`: 5%, at least 1 PHA.
    public static func bond(for value: UInt128) -> UInt128 {
        let (product, overflow) = value.multipliedReportingOverflow(by: UInt128(proposalBondPermill))
        let share = overflow ? value / 1_000_000 * UInt128(proposalBondPermill) : product / 1_000_000
        return max(share, proposalBondMinimum)
    }

    /// Pays `feeSharePercent` of `amount` (a fee already withdrawn from its payer) into the pot.
    public static func receiveFees(_ amount: UInt128, context: inout RuntimeContext) {
        fund(amount / 100 * feeSharePercent + amount % 100 * feeSharePercent / 100, context: &context)
    }

    /// Mints `amount` into the pot (`OnUnbalanced` for amounts already taken out of circulation:
    /// fees, and the treasury share of computing rewards). Returns whether the pot received it; if
    /// it cannot (a new pot below the existential deposit), the amount stays out of circulation.
    @discardableResult
    public static func fund(_ amount: UInt128, context: inout RuntimeContext) -> Bool {
        guard amount > 0 else { return false }
        do {
            try context.transactional { context in try Balances.deposit(account, amount: amount, context: &context) }
            context.deposit(Event.deposit(value: amount))
            return true
        } catch {
            return false
        }
    }

    /// Pays approved proposals every spend period.
    public static func onInitialize(_ context: inout RuntimeContext) -> Weight {
        guard spendPeriod > 0, context.blockNumber % spendPeriod == 0 else { return Weight(refTime: 1_000_000) }
        return spendFunds(context: &context)
    }

    /// Pays the approved proposals the pot can afford, then burns `Burn` of the rest if all were paid.
    static func spendFunds(context: inout RuntimeContext) -> Weight {
        var budget = pot(in: context.state)
        context.deposit(Event.spending(budgetRemaining: budget))
        var missed = false
        var remaining = [UInt32]()
        let queue = approvals.value(context.state) ?? []
        for index in queue {
            guard let proposal = proposals.get(index, in: context.state) else { continue }
            guard proposal.value <= budget else {
                missed = true
                remaining.append(index)
                continue
            }
            do {
                try context.transactional { context in
                    if proposal.bond > 0 { Balances.unreserve(proposal.proposer, id: reserveId, amount: proposal.bond, context: &context) }
                    try Balances.transfer(from: account, to: proposal.beneficiary, amount: proposal.value, keepAlive: true, context: &context)
                }
            } catch {
                missed = true
                remaining.append(index)
                continue
            }
            budget -= proposal.value
            proposals.remove(index, in: &context.state)
            context.deposit(Event.awarded(proposalIndex: index, award: proposal.value, account: proposal.beneficiary))
        }
        approvals.set(remaining, in: &context.state)
        if !missed && burnPermill > 0 && budget > 0 {
            let burn = budget / 1_000_000 * UInt128(burnPermill) + budget % 1_000_000 * UInt128(burnPermill) / 1_000_000
            if burn > 0, (try? context.transactional({ context in try Balances.withdraw(account, amount: burn, context: &context) })) != nil {
                budget -= burn
                context.deposit(Event.burnt(burntFunds: burn))
            }
        }
        context.deposit(Event.rollover(rolloverBalance: budget))
        return Weight(refTime: 10_000_000 + UInt64(queue.count) * 40_000_000)
    }

    /// Genesis: creates the pot with the existential deposit.
    public static func buildGenesis(context: inout RuntimeContext) throws {
        if Balances.account(account, in: context.state).free < Balances.existentialDeposit {
            try Balances.deposit(account, amount: Balances.existentialDeposit, context: &context)
        }
    }
}

/// A spend proposal (`pallet_treasury::Proposal`).
public struct TreasuryProposal: Hashable, Sendable, ScaleCodable, TypeInfo {
    /// Who proposed it (and bonded).
    public var proposer: AccountId32
    /// The amount to pay.
    public var value: UInt128
    /// Who is paid.
    public var beneficiary: AccountId32
    /// The bond reserved from the proposer.
    public var bond: UInt128

    /// A proposal.
    public init(proposer: AccountId32, value: UInt128, beneficiary: AccountId32, bond: UInt128) {
        self.proposer = proposer
        self.value = value
        self.beneficiary = beneficiary
        self.bond = bond
    }

    public func encode(to encoder: inout ScaleEncoder) { encoder.encodeAll(proposer, value, beneficiary, bond) }

    public init(from decoder: inout ScaleDecoder) throws {
        (proposer, value, beneficiary, bond) = try decoder.decodeAll(AccountId32.self, UInt128.self, AccountId32.self, UInt128.self)
    }

    public static var typeInfo: TypeDescription {
        .init(path: ["pallet_treasury", "Proposal"], .composite([
            FieldDescription("proposer", AccountId32.self, typeName: "AccountId"),
            FieldDescription("value", UInt128.self, typeName: "Balance"),
            FieldDescription("beneficiary", AccountId32.self, typeName: "AccountId"),
            FieldDescription("bond", UInt128.self, typeName: "Balance"),
        ]))
    }
}

extension PalletId: ScaleEncodable, TypeInfo {
    public func encode(to encoder: inout ScaleEncoder) { encoder.append(bytes) }

    public static var typeInfo: TypeDescription {
        .init(path: ["frame_support", "PalletId"], .composite([FieldDescription(nil, Bytes8.self, typeName: "[u8; 8]")]))
    }
}
