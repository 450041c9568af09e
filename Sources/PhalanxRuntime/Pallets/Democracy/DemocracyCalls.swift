import PhalanxPrimitives

extension Democracy {
    /// Democracy's calls, with Substrate's call indices.
    public enum Call: PalletCall {
        public typealias Owner = Democracy
        /// Propose the preimage `proposal` with a deposit of `value` (at least `MinimumDeposit`).
        case propose(proposal: H256, value: UInt128)
        /// Second a public proposal, reserving the same deposit.
        case second(proposal: UInt32)
        /// Vote on an ongoing referendum.
        case vote(refIndex: UInt32, vote: AccountVote)
        /// Cancel a referendum once (`CancellationOrigin`).
        case emergencyCancel(refIndex: UInt32)
        /// Schedule an external referendum with `SuperMajorityApprove` (`ExternalOrigin`).
        case externalPropose(proposal: H256)
        /// Schedule an external referendum with `SimpleMajority` (`ExternalMajorityOrigin`).
        case externalProposeMajority(proposal: H256)
        /// Schedule an external referendum with `SuperMajorityAgainst` (`ExternalDefaultOrigin`).
        case externalProposeDefault(proposal: H256)
        /// Start the external proposal now with a given voting period and delay (`FastTrackOrigin`/`InstantOrigin`).
        case fastTrack(proposalHash: H256, votingPeriod: UInt32, delay: UInt32)
        /// Veto the external proposal and blacklist it for the cooloff period (a technical committee member).
        case vetoExternal(proposalHash: H256)
        /// Remove a referendum (Root).
        case cancelReferendum(refIndex: UInt32)
        /// Delegate voting power (`balance` with `conviction`) to `to`.
        case delegate(to: MultiAddress, conviction: Conviction, balance: UInt128)
        /// End one's delegation; the balance stays locked for the conviction's lock periods.
        case undelegate
        /// Release the democracy lock of `target` that is no longer needed.
        case unlock(target: MultiAddress)
        /// Remove one's vote on a referendum.
        case removeVote(index: UInt32)
        /// Remove another account's expired or unlocked vote.
        case removeOtherVote(target: MultiAddress, index: UInt32)
        /// Blacklist a proposal forever, cancelling it wherever it is (`BlacklistOrigin`).
        case blacklist(proposalHash: H256, maybeRefIndex: UInt32?)
        /// Remove a public proposal and slash its deposits (`CancelProposalOrigin`).
        case cancelProposal(propIndex: UInt32)

        public static var variants: [VariantDescription] {
            let hash = FieldDescription("proposal_hash", H256.self, typeName: "T::Hash")
            let bounded = FieldDescription("proposal", ScheduledCall.self, typeName: "BoundedCallOf<T>")
            let refIndex = FieldDescription("ref_index", Compact<UInt32>.self, typeName: "ReferendumIndex")
            let target = FieldDescription("target", MultiAddress.self, typeName: "AccountIdLookupOf<T>")
            return [
                VariantDescription("propose", index: 0, fields: [bounded, FieldDescription("value", Compact<UInt128>.self, typeName: "BalanceOf<T>")],
                                   docs: ["Propose a sensitive action to be taken."]),
                VariantDescription("second", index: 1, fields: [FieldDescription("proposal", Compact<UInt32>.self, typeName: "PropIndex")],
                                   docs: ["Signals agreement with a particular proposal."]),
                VariantDescription("vote", index: 2, fields: [refIndex, FieldDescription("vote", AccountVote.self, typeName: "AccountVote<BalanceOf<T>>")],
                                   docs: ["Vote in a referendum."]),
                VariantDescription("emergency_cancel", index: 3, fields: [FieldDescription("ref_index", UInt32.self, typeName: "ReferendumIndex")],
                                   docs: ["Schedule an emergency cancellation of a referendum. Cannot happen twice to the same referendum."]),
                VariantDescription("external_propose", index: 4, fields: [bounded], docs: ["Schedule a referendum to be tabled once it is legal to schedule an external referendum."]),
                VariantDescription("external_propose_majority", index: 5, fields: [bounded],
                                   docs: ["Schedule a majority-carries referendum to be tabled next once it is legal to schedule an external referendum."]),
                VariantDescription("external_propose_default", index: 6, fields: [bounded],
                                   docs: ["Schedule a negative-turnout-bias referendum to be tabled next once it is legal to schedule an external referendum."]),
                VariantDescription("fast_track", index: 7, fields: [
                    hash, FieldDescription("voting_period", UInt32.self, typeName: "BlockNumberFor<T>"),
                    FieldDescription("delay", UInt32.self, typeName: "BlockNumberFor<T>"),
                ], docs: ["Schedule the currently externally-proposed majority-carries referendum to be tabled immediately."]),
                VariantDescription("veto_external", index: 8, fields: [hash], docs: ["Veto and blacklist the external proposal hash."]),
                VariantDescription("cancel_referendum", index: 9, fields: [refIndex], docs: ["Remove a referendum."]),
                VariantDescription("delegate", index: 10, fields: [
                    FieldDescription("to", MultiAddress.self, typeName: "AccountIdLookupOf<T>"),
                    FieldDescription("conviction", Conviction.self, typeName: "Conviction"),
                    FieldDescription("balance", UInt128.self, typeName: "BalanceOf<T>"),
                ], docs: ["Delegate the voting power (with some given conviction) of the sending account."]),
                VariantDescription("undelegate", index: 11, docs: ["Undelegate the voting power of the sending account."]),
                VariantDescription("unlock", index: 13, fields: [target], docs: ["Unlock tokens that have an expired lock."]),
                VariantDescription("remove_vote", index: 14, fields: [FieldDescription("index", UInt32.self, typeName: "ReferendumIndex")],
                                   docs: ["Remove a vote for a referendum."]),
                VariantDescription("remove_other_vote", index: 15, fields: [target, FieldDescription("index", UInt32.self, typeName: "ReferendumIndex")],
                                   docs: ["Remove a vote for a referendum."]),
                VariantDescription("blacklist", index: 16, fields: [
                    hash, FieldDescription("maybe_ref_index", UInt32?.self, typeName: "Option<ReferendumIndex>"),
                ], docs: ["Permanently place a proposal into the blacklist."]),
                VariantDescription("cancel_proposal", index: 17, fields: [FieldDescription("prop_index", Compact<UInt32>.self, typeName: "PropIndex")],
                                   docs: ["Remove a proposal."]),
            ]
        }

        public var info: DispatchInfo {
            switch self {
            case .propose: DispatchInfo(weight: DemocracyWeights.propose)
            case .second: DispatchInfo(weight: DemocracyWeights.second)
            case .vote: DispatchInfo(weight: DemocracyWeights.vote)
            case .removeVote, .removeOtherVote: DispatchInfo(weight: DemocracyWeights.removeVote)
            case .delegate, .undelegate: DispatchInfo(weight: DemocracyWeights.delegate)
            case .unlock: DispatchInfo(weight: DemocracyWeights.unlock)
            case .emergencyCancel, .externalPropose, .externalProposeMajority, .externalProposeDefault, .fastTrack, .vetoExternal,
                 .cancelReferendum, .blacklist, .cancelProposal:
                DispatchInfo(weight: DemocracyWeights.privileged, class: .operational)
            }
        }

        public func dispatch(origin: Origin, context: inout RuntimeContext) throws {
            let now = context.blockNumber
            switch self {
            case .propose(let proposal, let value):
                let who = try origin.ensureSigned()
                guard value >= Democracy.config.minimumDeposit else { throw Error.valueLow }
                if let entry = Democracy.blacklist.get(proposal, in: context.state), now < entry.until { throw Error.proposalBlacklisted }
                var props = Democracy.publicProps.value(context.state) ?? []
                guard props.count < Int(Democracy.maxProposals) else { throw Error.tooMany }
                try Balances.reserve(who, id: Democracy.lockId, amount: value, context: &context)
                let index = Democracy.publicPropCount.value(context.state) ?? 0
                Democracy.publicPropCount.set(index &+ 1, in: &context.state)
                props.append(PublicProposal(index: index, proposal: proposal, proposer: who))
                Democracy.publicProps.set(props, in: &context.state)
                Democracy.depositOf.set(index, ProposalDeposit(depositors: [who], deposit: value), in: &context.state)
                context.deposit(Event.proposed(proposalIndex: index, deposit: value))

            case .second(let proposal):
                let who = try origin.ensureSigned()
                guard var record = Democracy.depositOf.get(proposal, in: context.state) else { throw Error.proposalMissing }
                guard record.depositors.count < Int(Democracy.maxDeposits) else { throw Error.tooMany }
                try Balances.reserve(who, id: Democracy.lockId, amount: record.deposit, context: &context)
                record.depositors.append(who)
                Democracy.depositOf.set(proposal, record, in: &context.state)
                context.deposit(Event.seconded(seconder: who, propIndex: proposal))

            case .vote(let refIndex, let vote):
                let who = try origin.ensureSigned()
                try Democracy.vote(who, index: refIndex, vote: vote, context: &context)

            case .emergencyCancel(let refIndex):
                try OriginRequirement.cancellationOrigin.ensure(origin)
                guard case .ongoing(let status) = Democracy.referendumInfoOf.get(refIndex, in: context.state) else { throw Error.referendumInvalid }
                guard !(Democracy.cancellations.value(status.proposal, in: context.state) ?? false) else { throw Error.alreadyCanceled }
                Democracy.cancellations.set(status.proposal, true, in: &context.state)
                Democracy.internalCancelReferendum(refIndex, context: &context)

            case .externalPropose(let proposal), .externalProposeMajority(let proposal), .externalProposeDefault(let proposal):
                let (requirement, threshold): (OriginRequirement, VoteThreshold) =
                    switch self {
                    case .externalProposeMajority: (.externalMajorityOrigin, .simpleMajority)
                    case .externalProposeDefault: (.externalDefaultOrigin, .superMajorityAgainst)
                    default: (.externalOrigin, .superMajorityApprove)
                    }
                try requirement.ensure(origin)
                guard Democracy.nextExternal.get(context.state) == nil else { throw Error.duplicateProposal }
                if let entry = Democracy.blacklist.get(proposal, in: context.state), now < entry.until { throw Error.proposalBlacklisted }
                Democracy.nextExternal.set(ExternalProposal(proposal: proposal, threshold: threshold), in: &context.state)

            case .fastTrack(let proposalHash, let votingPeriod, let delay):
                let instant = votingPeriod < Democracy.config.fastTrackVotingPeriod || !OriginRequirement.fastTrackOrigin.allows(origin)
                if instant {
                    try OriginRequirement.instantOrigin.ensure(origin)
                    guard Democracy.instantAllowed else { throw Error.instantNotAllowed }
                }
                guard votingPeriod > 0 else { throw Error.votingPeriodLow }
                guard let external = Democracy.nextExternal.get(context.state) else { throw Error.proposalMissing }
                guard external.threshold != .superMajorityApprove else { throw Error.notSimpleMajority }
                guard external.proposal == proposalHash else { throw Error.invalidHash }
                Democracy.nextExternal.remove(in: &context.state)
                Democracy.injectReferendum(
                    end: now.addingReportingOverflow(votingPeriod).overflow ? .max : now + votingPeriod, proposal: external.proposal,
                    threshold: external.threshold, delay: delay, context: &context)

            case .vetoExternal(let proposalHash):
                let who = try origin.ensureSigned()
                guard TechnicalCommittee.members.value(context.state)?.contains(who) == true else { throw DispatchError.badOrigin }
                guard let external = Democracy.nextExternal.get(context.state) else { throw Error.noProposal }
                guard external.proposal == proposalHash else { throw Error.proposalMissing }
                var vetoers = Democracy.blacklist.get(proposalHash, in: context.state)?.vetoers ?? []
                guard !vetoers.contains(who) else { throw Error.alreadyVetoed }
                guard vetoers.count < Int(Democracy.maxBlacklisted) else { throw Error.tooMany }
                vetoers.append(who)
                vetoers.sort()
                let until = now.addingReportingOverflow(Democracy.config.cooloffPeriod).overflow ? UInt32.max : now + Democracy.config.cooloffPeriod
                Democracy.blacklist.set(proposalHash, BlacklistEntry(until: until, vetoers: vetoers), in: &context.state)
                Democracy.nextExternal.remove(in: &context.state)
                context.deposit(Event.vetoed(who: who, proposalHash: proposalHash, until: until))

            case .cancelReferendum(let refIndex):
                try OriginRequirement.root.ensure(origin)
                guard Democracy.referendumInfoOf.contains(refIndex, in: context.state) else { throw Error.referendumInvalid }
                Democracy.internalCancelReferendum(refIndex, context: &context)

            case .delegate(let to, let conviction, let balance):
                let who = try origin.ensureSigned()
                try Democracy.delegate(who, to: try to.lookup(), conviction: conviction, balance: balance, context: &context)

            case .undelegate:
                try Democracy.undelegate(try origin.ensureSigned(), context: &context)

            case .unlock(let target):
                _ = try origin.ensureSigned()
                try Democracy.updateLock(try target.lookup(), context: &context)

            case .removeVote(let index):
                let who = try origin.ensureSigned()
                try Democracy.removeVote(who, index: index, byOther: false, context: &context)

            case .removeOtherVote(let target, let index):
                let who = try origin.ensureSigned()
                let target = try target.lookup()
                try Democracy.removeVote(target, index: index, byOther: target != who, context: &context)

            case .blacklist(let proposalHash, let maybeRefIndex):
                try OriginRequirement.blacklistOrigin.ensure(origin)
                Democracy.blacklist.set(proposalHash, BlacklistEntry(until: .max, vetoers: []), in: &context.state)
                var props = Democracy.publicProps.value(context.state) ?? []
                for prop in props where prop.proposal == proposalHash { Democracy.slashDeposits(of: prop.index, context: &context) }
                props.removeAll { $0.proposal == proposalHash }
                Democracy.publicProps.set(props, in: &context.state)
                if Democracy.nextExternal.get(context.state)?.proposal == proposalHash { Democracy.nextExternal.remove(in: &context.state) }
                if let refIndex = maybeRefIndex, case .ongoing(let status) = Democracy.referendumInfoOf.get(refIndex, in: context.state),
                    status.proposal == proposalHash
                {
                    Democracy.internalCancelReferendum(refIndex, context: &context)
                }
                context.deposit(Event.blacklisted(proposalHash: proposalHash))

            case .cancelProposal(let propIndex):
                try OriginRequirement.cancelProposalOrigin.ensure(origin)
                var props = Democracy.publicProps.value(context.state) ?? []
                guard props.contains(where: { $0.index == propIndex }) else { throw Error.proposalMissing }
                props.removeAll { $0.index == propIndex }
                Democracy.publicProps.set(props, in: &context.state)
                Democracy.slashDeposits(of: propIndex, context: &context)
                context.deposit(Event.proposalCanceled(propIndex: propIndex))
            }
        }

        public func encode(to encoder: inout ScaleEncoder) {
            switch self {
            case .propose(let proposal, let value):
                encoder.encodeVariant(index: 0)
                encoder.encode(ScheduledCall.lookup(hash: proposal))
                encoder.encodeCompact(value)
            case .second(let proposal):
                encoder.encodeVariant(index: 1)
                encoder.encodeCompact(proposal)
            case .vote(let refIndex, let vote):
                encoder.encodeVariant(index: 2)
                encoder.encodeCompact(refIndex)
                encoder.encode(vote)
            case .emergencyCancel(let refIndex):
                encoder.encodeVariant(index: 3)
                encoder.encode(refIndex)
            case .externalPropose(let proposal):
                encoder.encodeVariant(index: 4)
                encoder.encode(ScheduledCall.lookup(hash: proposal))
            case .externalProposeMajority(let proposal):
                encoder.encodeVariant(index: 5)
                encoder.encode(ScheduledCall.lookup(hash: proposal))
            case .externalProposeDefault(let proposal):
                encoder.encodeVariant(index: 6)
                encoder.encode(ScheduledCall.lookup(hash: proposal))
            case .fastTrack(let hash, let votingPeriod, let delay):
                encoder.encodeVariant(index: 7)
                encoder.encodeAll(hash, votingPeriod, delay)
            case .vetoExternal(let hash):
                encoder.encodeVariant(index: 8)
                encoder.encode(hash)
            case .cancelReferendum(let refIndex):
                encoder.encodeVariant(index: 9)
                encoder.encodeCompact(refIndex)
            case .delegate(let to, let conviction, let balance):
                encoder.encodeVariant(index: 10)
                encoder.encodeAll(to, conviction, balance)
            case .undelegate:
                encoder.encodeVariant(index: 11)
            case .unlock(let target):
                encoder.encodeVariant(index: 13)
                encoder.encode(target)
            case .removeVote(let index):
                encoder.encodeVariant(index: 14)
                encoder.encode(index)
            case .removeOtherVote(let target, let index):
                encoder.encodeVariant(index: 15)
                encoder.encodeAll(target, index)
            case .blacklist(let hash, let maybeRefIndex):
                encoder.encodeVariant(index: 16)
                encoder.encodeAll(hash, maybeRefIndex)
            case .cancelProposal(let propIndex):
                encoder.encodeVariant(index: 17)
                encoder.encodeCompact(propIndex)
            }
        }

        private static func decodeProposal(_ decoder: inout ScaleDecoder) throws -> H256 {
            guard case .lookup(let hash) = try decoder.decode(ScheduledCall.self) else {
                throw ScaleError.invalidValue(type: "Democracy.Call", reason: "proposals must be preimage hashes (Bounded::Legacy)")
            }
            return hash
        }

        public init(from decoder: inout ScaleDecoder) throws {
            switch try decoder.readVariantIndex() {
            case 0: self = .propose(proposal: try Self.decodeProposal(&decoder), value: try decoder.decodeCompact())
            case 1: self = .second(proposal: try decoder.decodeCompact())
            case 2: self = .vote(refIndex: try decoder.decodeCompact(), vote: try decoder.decode())
            case 3: self = .emergencyCancel(refIndex: try decoder.decode())
            case 4: self = .externalPropose(proposal: try Self.decodeProposal(&decoder))
            case 5: self = .externalProposeMajority(proposal: try Self.decodeProposal(&decoder))
            case 6: self = .externalProposeDefault(proposal: try Self.decodeProposal(&decoder))
            case 7: self = .fastTrack(proposalHash: try decoder.decode(), votingPeriod: try decoder.decode(), delay: try decoder.decode())
            case 8: self = .vetoExternal(proposalHash: try decoder.decode())
            case 9: self = .cancelReferendum(refIndex: try decoder.decodeCompact())
            case 10: self = .delegate(to: try decoder.decode(), conviction: try decoder.decode(), balance: try decoder.decode())
            case 11: self = .undelegate
            case 13: self = .unlock(target: try decoder.decode())
            case 14: self = .removeVote(index: try decoder.decode())
            case 15: self = .removeOtherVote(target: try decoder.decode(), index: try decoder.decode())
            case 16: self = .blacklist(proposalHash: try decoder.decode(), maybeRefIndex: try decoder.decode())
            case 17: self = .cancelProposal(propIndex: try decoder.decodeCompact())
            case let index: throw ScaleError.invalidVariantIndex(type: "Democracy.Call", index: index)
            }
        }
    }
}
