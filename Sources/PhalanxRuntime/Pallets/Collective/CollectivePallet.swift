import PhalanxPrimitives

/// Which collective a `Collective` pallet is: its name (also its origin's body) and who may set its members.
public protocol CollectiveInstance: SendableMetatype {
    /// The pallet name and origin body, e.g. `Council`.
    static var name: String { get }
    /// Who may call `set_members`.
    static var setMembersOrigin: OriginRequirement { get }
}

/// The council (`pallet_collective::<Instance1>`); members set by Root (Phala elects them with
/// phragmen elections, which Phalanx does not have yet).
public enum CouncilInstance: CollectiveInstance {
    public static var name: String { CollectiveBody.council }
    /// Root.
    public static var setMembersOrigin: OriginRequirement { .root }
}

/// The technical committee (`pallet_collective::<Instance2>`); members set by Root or more than half
/// the council (Phala's `pallet_membership` with `EnsureRootOrHalfCouncil`).
public enum TechnicalCommitteeInstance: CollectiveInstance {
    public static var name: String { CollectiveBody.technicalCommittee }
    /// Root or more than half of the council.
    public static var setMembersOrigin: OriginRequirement { .governance }
}

/// The council.
public typealias Council = Collective<CouncilInstance>
/// The technical committee.
public typealias TechnicalCommittee = Collective<TechnicalCommitteeInstance>

/// # Collective (Council, TechnicalCommittee)
///
/// A body of members deciding by motions: a member proposes a call with a threshold of ayes, members
/// vote, and anyone closes the motion once it is decided or its duration ended. An approved motion's
/// call is dispatched with the origin `Origin.collective(body: <name>, ayes: yes, members: seats)`,
/// which `OriginRequirement` fractions (e.g. "at least 3/5 of the council") accept or refuse.
///
/// ## Terms
/// - *Threshold*: the ayes needed; a motion with threshold below 2 is executed at once.
/// - *Prime*: a member whose vote abstainers follow when a motion closes after its duration
///   (`PrimeDefaultVote`); without a prime, abstentions count as nays.
///
/// ## Calls
/// - `set_members(new_members, prime, old_count)`: `CollectiveInstance.setMembersOrigin`.
/// - Members: `execute(proposal, length_bound)`, `propose(threshold, proposal, length_bound)`, `vote(proposal, index, approve)`.
/// - Anyone: `close(proposal_hash, index, proposal_weight_bound, length_bound)`.
/// - Root: `disapprove_proposal(proposal_hash)`.
///
/// ## Genesis
/// The initial members (the dev and local chains: //Alice, //Bob, //Charlie in both bodies).
public enum Collective<I: CollectiveInstance>: Pallet {
    public static var name: String { I.name }
    public static var moduleName: String { "pallet_collective" }
    public static var docs: [String] { ["Motions of the \(I.name) decided by its members' votes."] }

    /// Maximum open motions.
    public static var maxProposals: UInt32 { 100 }
    /// Maximum members.
    public static var maxMembers: UInt32 { 100 }
    /// Blocks a motion stays open.
    public static var motionDuration: UInt32 { GovernanceConfig.active.motionDuration }

    public static var constants: [PalletConstant] {
        [PalletConstant("MaxProposalWeight", Weight(refTime: Executive.maxBlockWeight.refTime / 2, proofSize: 5 * 1024 * 1024),
                        docs: ["The maximum weight of a dispatch call that can be proposed and executed."])]
    }

    public static var storageItems: [any StorageItem] { [proposals, proposalOf, voting, proposalCount, members, prime] }

    /// The hashes of the open motions.
    public static var proposals: StorageValue<[H256]> {
        .init(pallet: name, item: "Proposals", default: [], docs: ["The hashes of the active proposals."])
    }
    /// The call of each open motion.
    public static var proposalOf: StorageMap<H256, EncodedCall> {
        .init(pallet: name, item: "ProposalOf", hasher: .identity, docs: ["Actual proposal for a given hash, if it's current."])
    }
    /// The votes of each open motion.
    public static var voting: StorageMap<H256, MotionVotes> {
        .init(pallet: name, item: "Voting", hasher: .identity, docs: ["Votes on a given proposal, if it is ongoing."])
    }
    /// Motions proposed so far.
    public static var proposalCount: StorageValue<UInt32> {
        .init(pallet: name, item: "ProposalCount", default: 0, docs: ["Proposals so far."])
    }
    /// The members, sorted.
    public static var members: StorageValue<[AccountId32]> {
        .init(pallet: name, item: "Members", default: [], docs: ["The current members of the collective. This is stored sorted (just by value)."])
    }
    /// The prime member.
    public static var prime: StorageValue<AccountId32> {
        .init(pallet: name, item: "Prime", docs: ["The prime member that helps determine the default vote behavior in case of abstentions."])
    }

    /// Whether `who` is a member.
    public static func isMember(_ who: AccountId32, in state: StateOverlay) -> Bool {
        (members.value(state) ?? []).contains(who)
    }

    /// Replaces the members (sorted, deduplicated) and the prime; outgoing members' votes are removed
    /// from open motions.
    public static func setMembers(_ newMembers: [AccountId32], prime newPrime: AccountId32?, context: inout RuntimeContext) throws {
        let sorted = Array(Set(newMembers)).sorted()
        guard sorted.count <= Int(maxMembers) else { throw DispatchError.exhausted }
        if let newPrime, !sorted.contains(newPrime) { throw Error.primeAccountNotMember }
        let outgoing = Set(members.value(context.state) ?? []).subtracting(sorted)
        if !outgoing.isEmpty {
            for hash in proposals.value(context.state) ?? [] {
                guard var votes = voting.get(hash, in: context.state) else { continue }
                votes.ayes.removeAll { outgoing.contains($0) }
                votes.nays.removeAll { outgoing.contains($0) }
                voting.set(hash, votes, in: &context.state)
            }
        }
        members.set(sorted, in: &context.state)
        if let newPrime { prime.set(newPrime, in: &context.state) } else { prime.remove(in: &context.state) }
    }

    /// Genesis: the initial members.
    public static func buildGenesis(_ initial: [AccountId32], context: inout RuntimeContext) throws {
        try setMembers(initial, prime: nil, context: &context)
    }

    /// Closes a motion: approves (dispatching it) or disapproves it. The caller's bounds must cover
    /// the motion's call length and weight (the weight is charged up front from the bound).
    static func close(_ hash: H256, index: UInt32, weightBound: Weight, lengthBound: UInt32, context: inout RuntimeContext) throws {
        guard let votes = voting.get(hash, in: context.state) else { throw Error.proposalMissing }
        guard votes.index == index else { throw Error.wrongIndex }
        if let encoded = proposalOf.get(hash, in: context.state) {
            guard encoded.bytes.count <= Int(lengthBound) else { throw Error.wrongProposalLength }
            if let call = try? encoded.decode(in: context.runtime), !call.call.info.weight.fits(in: weightBound) {
                throw Error.wrongProposalWeight
            }
        }
        let seats = UInt32((members.value(context.state) ?? []).count)
        var yes = UInt32(votes.ayes.count)
        var no = UInt32(votes.nays.count)
        let approved = yes >= votes.threshold
        let disapproved = seats >= no && seats - no < votes.threshold
        if approved || disapproved {
            context.deposit(Event.closed(proposalHash: hash, yes: yes, no: no))
            if approved { approve(hash, yes: yes, seats: seats, context: &context) } else { disapprove(hash, context: &context) }
            return
        }
        guard context.blockNumber >= votes.end else { throw Error.tooEarly }
        let primeVotesAye = prime.get(context.state).map { votes.ayes.contains($0) } ?? false
        let abstentions = seats >= yes + no ? seats - yes - no : 0
        if primeVotesAye { yes += abstentions } else { no += abstentions }
        context.deposit(Event.closed(proposalHash: hash, yes: yes, no: no))
        if yes >= votes.threshold { approve(hash, yes: yes, seats: seats, context: &context) } else { disapprove(hash, context: &context) }
    }

    private static func approve(_ hash: H256, yes: UInt32, seats: UInt32, context: inout RuntimeContext) {
        context.deposit(Event.approved(proposalHash: hash))
        let encoded = proposalOf.get(hash, in: context.state)
        removeMotion(hash, context: &context)
        let result: Result<ScaleUnit, DispatchError>
        if let encoded, let call = try? encoded.decode(in: context.runtime) {
            result = dispatchNested(call, as: .collective(body: name, ayes: yes, members: seats), context: &context)
        } else {
            result = .failure(.other)
        }
        context.deposit(Event.executed(proposalHash: hash, result: result))
    }

    private static func disapprove(_ hash: H256, context: inout RuntimeContext) {
        context.deposit(Event.disapproved(proposalHash: hash))
        removeMotion(hash, context: &context)
    }

    private static func removeMotion(_ hash: H256, context: inout RuntimeContext) {
        proposalOf.remove(hash, in: &context.state)
        voting.remove(hash, in: &context.state)
        var open = proposals.value(context.state) ?? []
        open.removeAll { $0 == hash }
        proposals.set(open, in: &context.state)
    }
}

/// The votes on a motion (`pallet_collective::Votes`).
public struct MotionVotes: Hashable, Sendable, ScaleCodable, TypeInfo {
    /// The motion's index.
    public var index: UInt32
    /// Ayes needed.
    public var threshold: UInt32
    /// Members in favour.
    public var ayes: [AccountId32]
    /// Members against.
    public var nays: [AccountId32]
    /// The block after which abstentions follow the prime.
    public var end: UInt32

    /// Votes of a new motion.
    public init(index: UInt32, threshold: UInt32, ayes: [AccountId32], nays: [AccountId32], end: UInt32) {
        self.index = index
        self.threshold = threshold
        self.ayes = ayes
        self.nays = nays
        self.end = end
    }

    public func encode(to encoder: inout ScaleEncoder) { encoder.encodeAll(index, threshold, ayes, nays, end) }

    public init(from decoder: inout ScaleDecoder) throws {
        (index, threshold, ayes, nays, end) = try decoder.decodeAll(UInt32.self, UInt32.self, [AccountId32].self, [AccountId32].self, UInt32.self)
    }

    public static var typeInfo: TypeDescription {
        .init(path: ["pallet_collective", "Votes"], .composite([
            FieldDescription("index", UInt32.self, typeName: "ProposalIndex"),
            FieldDescription("threshold", UInt32.self, typeName: "MemberCount"),
            FieldDescription("ayes", [AccountId32].self, typeName: "Vec<AccountId>"),
            FieldDescription("nays", [AccountId32].self, typeName: "Vec<AccountId>"),
            FieldDescription("end", UInt32.self, typeName: "BlockNumber"),
        ]))
    }
}
