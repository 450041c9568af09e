import PhalanxPrimitives

extension Treasury {
    /// Treasury's calls, with Substrate's call indices.
    public enum Call: PalletCall {
        public typealias Owner = Treasury
        /// Propose paying `value` to `beneficiary`, reserving the bond.
        case proposeSpend(value: UInt128, beneficiary: MultiAddress)
        /// Reject a proposal, slashing its bond to the pot (`treasuryRejectOrigin`).
        case rejectProposal(proposalId: UInt32)
        /// Approve a proposal for payment at the next spend period (`treasuryApproveOrigin`).
        case approveProposal(proposalId: UInt32)
        /// Approve a bond-less spend directly (`treasuryRejectOrigin`, Phala's `SpendOrigin`).
        case spendLocal(amount: UInt128, beneficiary: MultiAddress)
        /// Withdraw an approval, keeping the proposal (`treasuryRejectOrigin`).
        case removeApproval(proposalId: UInt32)

        public static var variants: [VariantDescription] {
            let beneficiary = FieldDescription("beneficiary", MultiAddress.self, typeName: "AccountIdLookupOf<T>")
            let proposalId = FieldDescription("proposal_id", Compact<UInt32>.self, typeName: "ProposalIndex")
            return [
                VariantDescription("propose_spend", index: 0, fields: [FieldDescription("value", Compact<UInt128>.self, typeName: "BalanceOf<T, I>"), beneficiary],
                                   docs: ["Put forward a suggestion for spending."]),
                VariantDescription("reject_proposal", index: 1, fields: [proposalId], docs: ["Reject a proposed spend."]),
                VariantDescription("approve_proposal", index: 2, fields: [proposalId], docs: ["Approve a proposal."]),
                VariantDescription("spend_local", index: 3, fields: [FieldDescription("amount", Compact<UInt128>.self, typeName: "BalanceOf<T, I>"), beneficiary],
                                   docs: ["Propose and approve a spend of treasury funds."]),
                VariantDescription("remove_approval", index: 4, fields: [proposalId], docs: ["Force a previously approved proposal to be removed from the approval queue."]),
            ]
        }

        public var info: DispatchInfo {
            switch self {
            case .proposeSpend: DispatchInfo(weight: TreasuryWeights.proposeSpend)
            case .rejectProposal: DispatchInfo(weight: TreasuryWeights.rejectProposal, class: .operational)
            case .approveProposal, .removeApproval: DispatchInfo(weight: TreasuryWeights.approveProposal, class: .operational)
            case .spendLocal: DispatchInfo(weight: TreasuryWeights.spendLocal, class: .operational)
            }
        }

        public func dispatch(origin: Origin, context: inout RuntimeContext) throws {
            switch self {
            case .proposeSpend(let value, let beneficiary):
                let who = try origin.ensureSigned()
                let beneficiary = try beneficiary.lookup()
                let bond = Treasury.bond(for: value)
                do {
                    try Balances.reserve(who, id: Treasury.reserveId, amount: bond, context: &context)
                } catch {
                    throw Error.insufficientProposersBalance
                }
                let index = Treasury.proposalCount.value(context.state) ?? 0
                Treasury.proposalCount.set(index &+ 1, in: &context.state)
                Treasury.proposals.set(index, TreasuryProposal(proposer: who, value: value, beneficiary: beneficiary, bond: bond), in: &context.state)
                context.deposit(Event.proposed(proposalIndex: index))

            case .rejectProposal(let proposalId):
                try OriginRequirement.treasuryRejectOrigin.ensure(origin)
                guard let proposal = Treasury.proposals.get(proposalId, in: context.state) else { throw Error.invalidIndex }
                Treasury.proposals.remove(proposalId, in: &context.state)
                var queue = Treasury.approvals.value(context.state) ?? []
                queue.removeAll { $0 == proposalId }
                Treasury.approvals.set(queue, in: &context.state)
                let slashed = Balances.repatriateReserved(
                    proposal.proposer, id: Treasury.reserveId, amount: proposal.bond, to: Treasury.account, context: &context)
                context.deposit(Event.rejected(proposalIndex: proposalId, slashed: slashed))

            case .approveProposal(let proposalId):
                try OriginRequirement.treasuryApproveOrigin.ensure(origin)
                guard Treasury.proposals.contains(proposalId, in: context.state) else { throw Error.invalidIndex }
                var queue = Treasury.approvals.value(context.state) ?? []
                guard !queue.contains(proposalId) else { return }
                guard queue.count < Int(Treasury.maxApprovals) else { throw Error.tooManyApprovals }
                queue.append(proposalId)
                Treasury.approvals.set(queue, in: &context.state)

            case .spendLocal(let amount, let beneficiary):
                try OriginRequirement.treasuryRejectOrigin.ensure(origin)
                let beneficiary = try beneficiary.lookup()
                var queue = Treasury.approvals.value(context.state) ?? []
                guard queue.count < Int(Treasury.maxApprovals) else { throw Error.tooManyApprovals }
                let index = Treasury.proposalCount.value(context.state) ?? 0
                Treasury.proposalCount.set(index &+ 1, in: &context.state)
                Treasury.proposals.set(index, TreasuryProposal(proposer: Treasury.account, value: amount, beneficiary: beneficiary, bond: 0), in: &context.state)
                queue.append(index)
                Treasury.approvals.set(queue, in: &context.state)
                context.deposit(Event.spendApproved(proposalIndex: index, amount: amount, beneficiary: beneficiary))

            case .removeApproval(let proposalId):
                try OriginRequirement.treasuryRejectOrigin.ensure(origin)
                var queue = Treasury.approvals.value(context.state) ?? []
                guard queue.contains(proposalId) else { throw Error.proposalNotApproved }
                queue.removeAll { $0 == proposalId }
                Treasury.approvals.set(queue, in: &context.state)
            }
        }

        public func encode(to encoder: inout ScaleEncoder) {
            switch self {
            case .proposeSpend(let value, let beneficiary):
                encoder.encodeVariant(index: 0)
                encoder.encodeCompact(value)
                encoder.encode(beneficiary)
            case .rejectProposal(let id):
                encoder.encodeVariant(index: 1)
                encoder.encodeCompact(id)
            case .approveProposal(let id):
                encoder.encodeVariant(index: 2)
                encoder.encodeCompact(id)
            case .spendLocal(let amount, let beneficiary):
                encoder.encodeVariant(index: 3)
                encoder.encodeCompact(amount)
                encoder.encode(beneficiary)
            case .removeApproval(let id):
                encoder.encodeVariant(index: 4)
                encoder.encodeCompact(id)
            }
        }

        public init(from decoder: inout ScaleDecoder) throws {
            switch try decoder.readVariantIndex() {
            case 0: self = .proposeSpend(value: try decoder.decodeCompact(), beneficiary: try decoder.decode())
            case 1: self = .rejectProposal(proposalId: try decoder.decodeCompact())
            case 2: self = .approveProposal(proposalId: try decoder.decodeCompact())
            case 3: self = .spendLocal(amount: try decoder.decodeCompact(), beneficiary: try decoder.decode())
            case 4: self = .removeApproval(proposalId: try decoder.decodeCompact())
            case let index: throw ScaleError.invalidVariantIndex(type: "Treasury.Call", index: index)
            }
        }
    }
}
