import PhalanxPrimitives

extension Collective {
    /// The collectives' calls, with Substrate's call indices.
    public enum Call: PalletCall {
        public typealias Owner = Collective<I>
        /// Set the members and the prime (`setMembersOrigin`); `old_count` is informational.
        case setMembers(newMembers: [AccountId32], prime: AccountId32?, oldCount: UInt32)
        /// A member dispatches `proposal` alone, with the origin of a one-aye motion.
        case execute(proposal: RuntimeCall, lengthBound: UInt32)
        /// A member proposes a motion needing `threshold` ayes (below 2: executed at once).
        case propose(threshold: UInt32, proposal: RuntimeCall, lengthBound: UInt32)
        /// A member votes on an open motion.
        case vote(proposal: H256, index: UInt32, approve: Bool)
        /// Root removes a motion.
        case disapproveProposal(proposalHash: H256)
        /// Anyone closes a decided or expired motion.
        case close(proposalHash: H256, index: UInt32, proposalWeightBound: Weight, lengthBound: UInt32)

        public static var variants: [VariantDescription] {
            let call = FieldDescription(reference: RuntimeTypes.runtimeCall, name: "proposal", typeName: "Box<<T as Config<I>>::Proposal>")
            let lengthBound = FieldDescription("length_bound", Compact<UInt32>.self, typeName: "u32")
            let hash = FieldDescription("proposal_hash", H256.self, typeName: "T::Hash")
            return [
                VariantDescription("set_members", index: 0, fields: [
                    FieldDescription("new_members", [AccountId32].self, typeName: "Vec<T::AccountId>"),
                    FieldDescription("prime", AccountId32?.self, typeName: "Option<T::AccountId>"),
                    FieldDescription("old_count", UInt32.self, typeName: "MemberCount"),
                ], docs: ["Set the collective's membership."]),
                VariantDescription("execute", index: 1, fields: [call, lengthBound], docs: ["Dispatch a proposal from a member using the `Member` origin."]),
                VariantDescription("propose", index: 2, fields: [FieldDescription("threshold", Compact<UInt32>.self, typeName: "MemberCount"), call, lengthBound],
                                   docs: ["Add a new proposal to either be voted on or executed directly."]),
                VariantDescription("vote", index: 3, fields: [
                    FieldDescription("proposal", H256.self, typeName: "T::Hash"), FieldDescription("index", Compact<UInt32>.self, typeName: "ProposalIndex"),
                    FieldDescription("approve", Bool.self, typeName: "bool"),
                ], docs: ["Add an aye or nay vote for the sender to the given proposal."]),
                VariantDescription("disapprove_proposal", index: 5, fields: [hash], docs: ["Disapprove a proposal, close, and remove it from the system, regardless of its current state."]),
                VariantDescription("close", index: 6, fields: [
                    hash, FieldDescription("index", Compact<UInt32>.self, typeName: "ProposalIndex"),
                    FieldDescription("proposal_weight_bound", Weight.self, typeName: "Weight"), lengthBound,
                ], docs: ["Close a vote that is either approved, disapproved or whose voting period has ended."]),
            ]
        }

        public var info: DispatchInfo {
            switch self {
            case .setMembers: DispatchInfo(weight: CollectiveWeights.setMembers, class: .operational)
            case .execute(let proposal, _): DispatchInfo(weight: CollectiveWeights.propose + proposal.call.info.weight, class: .operational)
            case .propose(let threshold, let proposal, _):
                DispatchInfo(weight: CollectiveWeights.propose + (threshold < 2 ? proposal.call.info.weight : .zero), class: .operational)
            case .vote: DispatchInfo(weight: CollectiveWeights.vote, class: .operational)
            case .disapproveProposal: DispatchInfo(weight: CollectiveWeights.disapprove, class: .operational)
            case .close(_, _, let bound, _): DispatchInfo(weight: CollectiveWeights.close + bound, class: .operational)
            }
        }

        public func dispatch(origin: Origin, context: inout RuntimeContext) throws {
            let pallet = Collective<I>.self
            switch self {
            case .setMembers(let newMembers, let prime, _):
                try I.setMembersOrigin.ensure(origin)
                try pallet.setMembers(newMembers, prime: prime, context: &context)

            case .execute(let proposal, let lengthBound):
                let who = try origin.ensureSigned()
                guard pallet.isMember(who, in: context.state) else { throw Error.notMember }
                let encoded = EncodedCall(proposal)
                guard encoded.bytes.count <= Int(lengthBound) else { throw Error.wrongProposalLength }
                let seats = UInt32((pallet.members.value(context.state) ?? []).count)
                let result = dispatchNested(proposal, as: .collective(body: pallet.name, ayes: 1, members: seats), context: &context)
                context.deposit(Event.memberExecuted(proposalHash: encoded.hash, result: result))

            case .propose(let threshold, let proposal, let lengthBound):
                let who = try origin.ensureSigned()
                guard pallet.isMember(who, in: context.state) else { throw Error.notMember }
                let encoded = EncodedCall(proposal)
                guard encoded.bytes.count <= Int(lengthBound) else { throw Error.wrongProposalLength }
                let hash = encoded.hash
                guard !pallet.proposalOf.contains(hash, in: context.state) else { throw Error.duplicateProposal }
                let seats = UInt32((pallet.members.value(context.state) ?? []).count)
                if threshold < 2 {
                    let result = dispatchNested(proposal, as: .collective(body: pallet.name, ayes: 1, members: seats), context: &context)
                    context.deposit(Event.executed(proposalHash: hash, result: result))
                    return
                }
                var open = pallet.proposals.value(context.state) ?? []
                guard open.count < Int(pallet.maxProposals) else { throw Error.tooManyProposals }
                open.append(hash)
                let index = pallet.proposalCount.value(context.state) ?? 0
                pallet.proposalCount.set(index &+ 1, in: &context.state)
                pallet.proposals.set(open, in: &context.state)
                pallet.proposalOf.set(hash, encoded, in: &context.state)
                let now = context.blockNumber
                let end = now.addingReportingOverflow(pallet.motionDuration).overflow ? UInt32.max : now + pallet.motionDuration
                pallet.voting.set(hash, MotionVotes(index: index, threshold: threshold, ayes: [], nays: [], end: end), in: &context.state)
                context.deposit(Event.proposed(account: who, proposalIndex: index, proposalHash: hash, threshold: threshold))

            case .vote(let proposal, let index, let approve):
                let who = try origin.ensureSigned()
                guard pallet.isMember(who, in: context.state) else { throw Error.notMember }
                guard var votes = pallet.voting.get(proposal, in: context.state) else { throw Error.proposalMissing }
                guard votes.index == index else { throw Error.wrongIndex }
                if approve {
                    guard !votes.ayes.contains(who) else { throw Error.duplicateVote }
                    votes.nays.removeAll { $0 == who }
                    votes.ayes.append(who)
                } else {
                    guard !votes.nays.contains(who) else { throw Error.duplicateVote }
                    votes.ayes.removeAll { $0 == who }
                    votes.nays.append(who)
                }
                pallet.voting.set(proposal, votes, in: &context.state)
                context.deposit(Event.voted(
                    account: who, proposalHash: proposal, voted: approve, yes: UInt32(votes.ayes.count), no: UInt32(votes.nays.count)))

            case .disapproveProposal(let hash):
                try OriginRequirement.root.ensure(origin)
                guard pallet.voting.contains(hash, in: context.state) else { throw Error.proposalMissing }
                context.deposit(Event.disapproved(proposalHash: hash))
                pallet.proposalOf.remove(hash, in: &context.state)
                pallet.voting.remove(hash, in: &context.state)
                var open = pallet.proposals.value(context.state) ?? []
                open.removeAll { $0 == hash }
                pallet.proposals.set(open, in: &context.state)

            case .close(let hash, let index, let weightBound, let lengthBound):
                _ = try origin.ensureSigned()
                try pallet.close(hash, index: index, weightBound: weightBound, lengthBound: lengthBound, context: &context)
            }
        }

        public func encode(to encoder: inout ScaleEncoder) {
            switch self {
            case .setMembers(let newMembers, let prime, let oldCount):
                encoder.encodeVariant(index: 0)
                encoder.encodeAll(newMembers, prime, oldCount)
            case .execute(let proposal, let lengthBound):
                encoder.encodeVariant(index: 1)
                encoder.encode(proposal)
                encoder.encodeCompact(lengthBound)
            case .propose(let threshold, let proposal, let lengthBound):
                encoder.encodeVariant(index: 2)
                encoder.encodeCompact(threshold)
                encoder.encode(proposal)
                encoder.encodeCompact(lengthBound)
            case .vote(let proposal, let index, let approve):
                encoder.encodeVariant(index: 3)
                encoder.encode(proposal)
                encoder.encodeCompact(index)
                encoder.encode(approve)
            case .disapproveProposal(let hash):
                encoder.encodeVariant(index: 5)
                encoder.encode(hash)
            case .close(let hash, let index, let bound, let lengthBound):
                encoder.encodeVariant(index: 6)
                encoder.encode(hash)
                encoder.encodeCompact(index)
                encoder.encode(bound)
                encoder.encodeCompact(lengthBound)
            }
        }

        public init(from decoder: inout ScaleDecoder) throws {
            switch try decoder.readVariantIndex() {
            case 0: self = .setMembers(newMembers: try decoder.decode(), prime: try decoder.decode(), oldCount: try decoder.decode())
            case 1: self = .execute(proposal: try RuntimeCall(nestedFrom: &decoder), lengthBound: try decoder.decodeCompact())
            case 2:
                self = .propose(threshold: try decoder.decodeCompact(), proposal: try RuntimeCall(nestedFrom: &decoder), lengthBound: try decoder.decodeCompact())
            case 3: self = .vote(proposal: try decoder.decode(), index: try decoder.decodeCompact(), approve: try decoder.decode())
            case 5: self = .disapproveProposal(proposalHash: try decoder.decode())
            case 6:
                self = .close(
                    proposalHash: try decoder.decode(), index: try decoder.decodeCompact(), proposalWeightBound: try decoder.decode(),
                    lengthBound: try decoder.decodeCompact())
            case let index: throw ScaleError.invalidVariantIndex(type: "\(I.name).Call", index: index)
            }
        }
    }
}
