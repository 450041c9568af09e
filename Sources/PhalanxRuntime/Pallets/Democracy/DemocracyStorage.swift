import PhalanxPrimitives

extension Democracy {
    /// The number of public proposals made so far.
    public static let publicPropCount = StorageValue<UInt32>(pallet: name, item: "PublicPropCount", default: 0, docs: ["The number of (public) proposals that have been made so far."])
    /// The public proposals: index, proposal hash, proposer.
    public static let publicProps = StorageValue<[PublicProposal]>(pallet: name, item: "PublicProps", default: [], docs: ["The public proposals. Unsorted."])
    /// Who deposited for each public proposal, and the deposit each.
    public static let depositOf = StorageMap<UInt32, ProposalDeposit>(pallet: name, item: "DepositOf", hasher: .twox64Concat, docs: ["Those who have locked a deposit."])
    /// The next referendum index.
    public static let referendumCount = StorageValue<UInt32>(pallet: name, item: "ReferendumCount", default: 0, docs: ["The next free referendum index, aka the number of referenda started so far."])
    /// The lowest referendum index that may still be ongoing.
    public static let lowestUnbaked = StorageValue<UInt32>(pallet: name, item: "LowestUnbaked", default: 0, docs: ["The lowest referendum index representing an unbaked referendum."])
    /// Each referendum's status.
    public static let referendumInfoOf = StorageMap<UInt32, ReferendumInfo>(pallet: name, item: "ReferendumInfoOf", hasher: .twox64Concat, docs: ["Information concerning any given referendum."])
    /// Each account's votes and prior lock.
    public static let votingOf = StorageMap<AccountId32, Voting>(pallet: name, item: "VotingOf", hasher: .twox64Concat, default: Voting(), docs: ["All votes for a particular voter."])
    /// Whether the last referendum tabled was an external one.
    public static let lastTabledWasExternal = StorageValue<Bool>(pallet: name, item: "LastTabledWasExternal", default: false, docs: ["True if the last referendum tabled was submitted externally."])
    /// The council's proposal waiting for the next launch.
    public static let nextExternal = StorageValue<ExternalProposal>(pallet: name, item: "NextExternal", docs: ["The referendum to be tabled whenever it would be valid to table an external proposal."])
    /// Proposals that may not be proposed again until a block, and who vetoed them.
    public static let blacklist = StorageMap<H256, BlacklistEntry>(pallet: name, item: "Blacklist", hasher: .identity, docs: ["A record of who vetoed what."])
    /// Proposals emergency-cancelled once (they cannot be again).
    public static let cancellations = StorageMap<H256, Bool>(pallet: name, item: "Cancellations", hasher: .identity, default: false, docs: ["Record of all proposals that have been subject to emergency cancellation."])
}

/// Vote thresholds (`pallet_democracy::VoteThreshold`), with turnout biasing.
public enum VoteThreshold: UInt8, Hashable, Sendable, ScaleCodable, TypeInfo, CaseIterable {
    /// A supermajority of approvals is needed to pass; it shrinks as turnout grows (public proposals).
    case superMajorityApprove = 0
    /// A supermajority of rejects is needed to fail; it shrinks as turnout grows (unanimous council).
    case superMajorityAgainst = 1
    /// A simple majority of approvals is needed.
    case simpleMajority = 2

    /// Whether `tally` passes among an electorate of `electorate` (Substrate's `Approved::approved`):
    /// approve-biased `nays/√turnout < ayes/√electorate`, against-biased `nays/√electorate < ayes/√turnout`.
    public func approved(_ tally: Tally, electorate: UInt128) -> Bool {
        let sqrtVoters = integerSquareRoot(tally.turnout)
        let sqrtElectorate = integerSquareRoot(electorate)
        guard sqrtVoters > 0 else { return false }
        switch self {
        case .superMajorityApprove: return compareRationals(tally.nays, sqrtVoters, tally.ayes, sqrtElectorate)
        case .superMajorityAgainst: return compareRationals(tally.nays, sqrtElectorate, tally.ayes, sqrtVoters)
        case .simpleMajority: return tally.ayes > tally.nays
        }
    }

    public func encode(to encoder: inout ScaleEncoder) { encoder.encodeVariant(index: rawValue) }

    public init(from decoder: inout ScaleDecoder) throws {
        let index = try decoder.readVariantIndex()
        guard let value = VoteThreshold(rawValue: index) else { throw ScaleError.invalidVariantIndex(type: "VoteThreshold", index: index) }
        self = value
    }

    public static var typeInfo: TypeDescription {
        .init(path: ["pallet_democracy", "vote_threshold", "VoteThreshold"], .variant([
            VariantDescription("SuperMajorityApprove", index: 0), VariantDescription("SuperMajorityAgainst", index: 1),
            VariantDescription("SimpleMajority", index: 2),
        ]))
    }
}

/// How long a vote's balance stays locked after the referendum, for how much voting weight
/// (`pallet_democracy::Conviction`): None 0.1x and no lock; LockedNx: N× weight (N ≤ 6) for
/// 2^(N-1) lock periods.
public enum Conviction: UInt8, Hashable, Sendable, ScaleCodable, TypeInfo, CaseIterable {
    /// 0.1x votes, unlocked.
    case none = 0
    /// 1x votes, locked for 1 period.
    case locked1x, locked2x, locked3x, locked4x, locked5x, locked6x

    /// Lock periods (multiples of `VoteLockingPeriod`): 0, 1, 2, 4, 8, 16, 32.
    public var lockPeriods: UInt32 { self == .none ? 0 : 1 << (rawValue - 1) }

    /// The voting weight of `balance`: balance/10 for None, balance·N for LockedNx.
    public func votes(_ balance: UInt128) -> UInt128 {
        if self == .none { return balance / 10 }
        let (product, overflow) = balance.multipliedReportingOverflow(by: UInt128(rawValue))
        return overflow ? .max : product
    }

    public func encode(to encoder: inout ScaleEncoder) { encoder.encodeVariant(index: rawValue) }

    public init(from decoder: inout ScaleDecoder) throws {
        let index = try decoder.readVariantIndex()
        guard let value = Conviction(rawValue: index) else { throw ScaleError.invalidVariantIndex(type: "Conviction", index: index) }
        self = value
    }

    public static var typeInfo: TypeDescription {
        let names = ["None", "Locked1x", "Locked2x", "Locked3x", "Locked4x", "Locked5x", "Locked6x"]
        return .init(path: ["pallet_democracy", "conviction", "Conviction"],
                     .variant(names.enumerated().map { VariantDescription($1, index: UInt8($0)) }))
    }
}

/// Aye or nay with a conviction, in one byte: `0x80` for aye, plus the conviction (`pallet_democracy::Vote`).
public struct Vote: Hashable, Sendable, ScaleCodable, TypeInfo {
    /// In favour.
    public var aye: Bool
    /// The conviction.
    public var conviction: Conviction

    /// A vote.
    public init(aye: Bool, conviction: Conviction) {
        self.aye = aye
        self.conviction = conviction
    }

    public func encode(to encoder: inout ScaleEncoder) { encoder.encode((aye ? 0x80 : 0) | conviction.rawValue) }

    public init(from decoder: inout ScaleDecoder) throws {
        let byte = try decoder.decode(UInt8.self)
        guard let conviction = Conviction(rawValue: byte & 0x7f) else {
            throw ScaleError.invalidValue(type: "Vote", reason: "conviction \(byte & 0x7f) is not 0…6")
        }
        aye = byte & 0x80 != 0
        self.conviction = conviction
    }

    public static var typeInfo: TypeDescription {
        .init(path: ["pallet_democracy", "vote", "Vote"], .composite([FieldDescription(nil, UInt8.self, typeName: "u8")]))
    }
}

/// A vote on a referendum (`pallet_democracy::AccountVote`).
public enum AccountVote: Hashable, Sendable, ScaleCodable, TypeInfo {
    /// A vote with a conviction, on `balance`.
    case standard(vote: Vote, balance: UInt128)
    /// A split vote, without conviction (0.1x).
    case split(aye: UInt128, nay: UInt128)

    /// The balance the vote locks.
    public var balance: UInt128 {
        switch self {
        case .standard(_, let balance): balance
        case .split(let aye, let nay): aye.addingReportingOverflow(nay).overflow ? .max : aye + nay
        }
    }

    /// Lock periods and balance that stay locked after a referendum that ended `approved`: only a
    /// standard vote on the winning side is locked.
    public func locked(ifApproved approved: Bool) -> (periods: UInt32, balance: UInt128)? {
        guard case .standard(let vote, let balance) = self, vote.aye == approved else { return nil }
        return (vote.conviction.lockPeriods, balance)
    }

    public func encode(to encoder: inout ScaleEncoder) {
        switch self {
        case .standard(let vote, let balance):
            encoder.encodeVariant(index: 0)
            encoder.encodeAll(vote, balance)
        case .split(let aye, let nay):
            encoder.encodeVariant(index: 1)
            encoder.encodeAll(aye, nay)
        }
    }

    public init(from decoder: inout ScaleDecoder) throws {
        switch try decoder.readVariantIndex() {
        case 0: self = .standard(vote: try decoder.decode(), balance: try decoder.decode())
        case 1: self = .split(aye: try decoder.decode(), nay: try decoder.decode())
        case let index: throw ScaleError.invalidVariantIndex(type: "AccountVote", index: index)
        }
    }

    public static var typeInfo: TypeDescription {
        .init(path: ["pallet_democracy", "vote", "AccountVote"], parameters: [("Balance", TypeRef(UInt128.self))], .variant([
            VariantDescription("Standard", index: 0, fields: [
                FieldDescription("vote", Vote.self, typeName: "Vote"), FieldDescription("balance", UInt128.self, typeName: "Balance"),
            ]),
            VariantDescription("Split", index: 1, fields: [
                FieldDescription("aye", UInt128.self, typeName: "Balance"), FieldDescription("nay", UInt128.self, typeName: "Balance"),
            ]),
        ]))
    }
}

/// Weighted votes for and against, and the balance that voted (`pallet_democracy::Tally`).
public struct Tally: Hashable, Sendable, ScaleCodable, TypeInfo {
    /// Conviction-weighted ayes.
    public var ayes: UInt128
    /// Conviction-weighted nays.
    public var nays: UInt128
    /// Balance that voted, without conviction.
    public var turnout: UInt128

    /// A tally.
    public init(ayes: UInt128 = 0, nays: UInt128 = 0, turnout: UInt128 = 0) {
        self.ayes = ayes
        self.nays = nays
        self.turnout = turnout
    }

    /// Adds (or with `remove`, subtracts) `vote` (saturating).
    mutating func apply(_ vote: AccountVote, remove: Bool = false) {
        func adjust(_ value: inout UInt128, _ delta: UInt128) {
            if remove { value = value >= delta ? value - delta : 0 } else { value = value.addingReportingOverflow(delta).overflow ? .max : value + delta }
        }
        switch vote {
        case .standard(let vote, let balance):
            if vote.aye { adjust(&ayes, vote.conviction.votes(balance)) } else { adjust(&nays, vote.conviction.votes(balance)) }
            adjust(&turnout, balance)
        case .split(let aye, let nay):
            adjust(&ayes, Conviction.none.votes(aye))
            adjust(&nays, Conviction.none.votes(nay))
            adjust(&turnout, vote.balance)
        }
    }

    /// Adds (or removes) power delegated to a voter whose standard vote is `aye` or nay.
    mutating func applyDelegations(aye: Bool, votes: UInt128, capital: UInt128, remove: Bool = false) {
        func adjust(_ value: inout UInt128, _ delta: UInt128) {
            if remove { value = value >= delta ? value - delta : 0 } else { value = value.addingReportingOverflow(delta).overflow ? .max : value + delta }
        }
        if aye { adjust(&ayes, votes) } else { adjust(&nays, votes) }
        adjust(&turnout, capital)
    }

    public func encode(to encoder: inout ScaleEncoder) { encoder.encodeAll(ayes, nays, turnout) }
    public init(from decoder: inout ScaleDecoder) throws { (ayes, nays, turnout) = try decoder.decodeAll(UInt128.self, UInt128.self, UInt128.self) }

    public static var typeInfo: TypeDescription {
        .init(path: ["pallet_democracy", "types", "Tally"], parameters: [("Balance", TypeRef(UInt128.self))], .composite([
            FieldDescription("ayes", UInt128.self, typeName: "Balance"), FieldDescription("nays", UInt128.self, typeName: "Balance"),
            FieldDescription("turnout", UInt128.self, typeName: "Balance"),
        ]))
    }
}

/// An ongoing referendum (`pallet_democracy::ReferendumStatus`).
public struct ReferendumStatus: Hashable, Sendable, ScaleCodable, TypeInfo {
    /// The block it ends at.
    public var end: UInt32
    /// The hash of the proposal's preimage.
    public var proposal: H256
    /// The threshold.
    public var threshold: VoteThreshold
    /// Blocks between passing and enactment.
    public var delay: UInt32
    /// The votes so far.
    public var tally: Tally

    public func encode(to encoder: inout ScaleEncoder) { encoder.encodeAll(end, ScheduledCall.lookup(hash: proposal), threshold, delay, tally) }

    /// A status.
    public init(end: UInt32, proposal: H256, threshold: VoteThreshold, delay: UInt32, tally: Tally) {
        self.end = end
        self.proposal = proposal
        self.threshold = threshold
        self.delay = delay
        self.tally = tally
    }

    public init(from decoder: inout ScaleDecoder) throws {
        end = try decoder.decode()
        guard case .lookup(let hash) = try decoder.decode(ScheduledCall.self) else {
            throw ScaleError.invalidValue(type: "ReferendumStatus", reason: "proposals are preimage hashes")
        }
        proposal = hash
        (threshold, delay, tally) = try decoder.decodeAll(VoteThreshold.self, UInt32.self, Tally.self)
    }

    public static var typeInfo: TypeDescription {
        .init(path: ["pallet_democracy", "types", "ReferendumStatus"], .composite([
            FieldDescription("end", UInt32.self, typeName: "BlockNumber"),
            FieldDescription("proposal", ScheduledCall.self, typeName: "Proposal"),
            FieldDescription("threshold", VoteThreshold.self, typeName: "VoteThreshold"),
            FieldDescription("delay", UInt32.self, typeName: "BlockNumber"),
            FieldDescription("tally", Tally.self, typeName: "Tally<Balance>"),
        ]))
    }
}

/// A referendum: ongoing, or finished with its result (`pallet_democracy::ReferendumInfo`).
public enum ReferendumInfo: Hashable, Sendable, ScaleCodable, TypeInfo {
    /// Open for votes.
    case ongoing(ReferendumStatus)
    /// Over.
    case finished(approved: Bool, end: UInt32)

    public func encode(to encoder: inout ScaleEncoder) {
        switch self {
        case .ongoing(let status):
            encoder.encodeVariant(index: 0)
            encoder.encode(status)
        case .finished(let approved, let end):
            encoder.encodeVariant(index: 1)
            encoder.encodeAll(approved, end)
        }
    }

    public init(from decoder: inout ScaleDecoder) throws {
        switch try decoder.readVariantIndex() {
        case 0: self = .ongoing(try decoder.decode())
        case 1: self = .finished(approved: try decoder.decode(), end: try decoder.decode())
        case let index: throw ScaleError.invalidVariantIndex(type: "ReferendumInfo", index: index)
        }
    }

    public static var typeInfo: TypeDescription {
        .init(path: ["pallet_democracy", "types", "ReferendumInfo"], .variant([
            VariantDescription("Ongoing", index: 0, fields: [FieldDescription(nil, ReferendumStatus.self, typeName: "ReferendumStatus")]),
            VariantDescription("Finished", index: 1, fields: [
                FieldDescription("approved", Bool.self, typeName: "bool"), FieldDescription("end", UInt32.self, typeName: "BlockNumber"),
            ]),
        ]))
    }
}

/// A public proposal: its index, preimage hash and proposer.
public struct PublicProposal: Hashable, Sendable, ScaleCodable, TypeInfo {
    /// The proposal index.
    public var index: UInt32
    /// The preimage hash.
    public var proposal: H256
    /// Who proposed.
    public var proposer: AccountId32

    public func encode(to encoder: inout ScaleEncoder) { encoder.encodeAll(index, ScheduledCall.lookup(hash: proposal), proposer) }

    /// A proposal.
    public init(index: UInt32, proposal: H256, proposer: AccountId32) {
        self.index = index
        self.proposal = proposal
        self.proposer = proposer
    }

    public init(from decoder: inout ScaleDecoder) throws {
        index = try decoder.decode()
        guard case .lookup(let hash) = try decoder.decode(ScheduledCall.self) else {
            throw ScaleError.invalidValue(type: "PublicProposal", reason: "proposals are preimage hashes")
        }
        proposal = hash
        proposer = try decoder.decode()
    }

    public static var typeInfo: TypeDescription {
        .init(.tuple([TypeRef(UInt32.self), TypeRef(ScheduledCall.self), TypeRef(AccountId32.self)]))
    }
}

/// The accounts that deposited for a proposal (proposer first, then seconders) and the deposit each.
public struct ProposalDeposit: Hashable, Sendable, ScaleCodable, TypeInfo {
    /// Depositors, one entry per deposit.
    public var depositors: [AccountId32]
    /// The deposit of each.
    public var deposit: UInt128

    public func encode(to encoder: inout ScaleEncoder) { encoder.encodeAll(depositors, deposit) }
    /// A record.
    public init(depositors: [AccountId32], deposit: UInt128) {
        self.depositors = depositors
        self.deposit = deposit
    }
    public init(from decoder: inout ScaleDecoder) throws { (depositors, deposit) = try decoder.decodeAll([AccountId32].self, UInt128.self) }
    public static var typeInfo: TypeDescription { .init(.tuple([TypeRef([AccountId32].self), TypeRef(UInt128.self)])) }
}

/// The council's next external proposal and its threshold.
public struct ExternalProposal: Hashable, Sendable, ScaleCodable, TypeInfo {
    /// The preimage hash.
    public var proposal: H256
    /// The threshold it will be voted with.
    public var threshold: VoteThreshold

    /// An external proposal.
    public init(proposal: H256, threshold: VoteThreshold) {
        self.proposal = proposal
        self.threshold = threshold
    }

    public func encode(to encoder: inout ScaleEncoder) { encoder.encodeAll(ScheduledCall.lookup(hash: proposal), threshold) }

    public init(from decoder: inout ScaleDecoder) throws {
        guard case .lookup(let hash) = try decoder.decode(ScheduledCall.self) else {
            throw ScaleError.invalidValue(type: "ExternalProposal", reason: "proposals are preimage hashes")
        }
        proposal = hash
        threshold = try decoder.decode()
    }

    public static var typeInfo: TypeDescription { .init(.tuple([TypeRef(ScheduledCall.self), TypeRef(VoteThreshold.self)])) }
}

/// A blacklisted proposal: blocked until `until`, and who vetoed it.
public struct BlacklistEntry: Hashable, Sendable, ScaleCodable, TypeInfo {
    /// The block until which it may not be proposed (`u32::MAX`: forever).
    public var until: UInt32
    /// Technical committee members who vetoed it, sorted.
    public var vetoers: [AccountId32]

    /// An entry.
    public init(until: UInt32, vetoers: [AccountId32]) {
        self.until = until
        self.vetoers = vetoers
    }

    public func encode(to encoder: inout ScaleEncoder) { encoder.encodeAll(until, vetoers) }
    public init(from decoder: inout ScaleDecoder) throws { (until, vetoers) = try decoder.decodeAll(UInt32.self, [AccountId32].self) }
    public static var typeInfo: TypeDescription { .init(.tuple([TypeRef(UInt32.self), TypeRef([AccountId32].self)])) }
}

/// One vote of an account: the referendum and the vote.
public struct VoteRecord: Hashable, Sendable, ScaleCodable, TypeInfo {
    /// The referendum index.
    public var referendum: UInt32
    /// The vote.
    public var vote: AccountVote

    public func encode(to encoder: inout ScaleEncoder) { encoder.encodeAll(referendum, vote) }
    /// A record.
    public init(referendum: UInt32, vote: AccountVote) {
        self.referendum = referendum
        self.vote = vote
    }
    public init(from decoder: inout ScaleDecoder) throws { (referendum, vote) = try decoder.decodeAll(UInt32.self, AccountVote.self) }
    public static var typeInfo: TypeDescription { .init(.tuple([TypeRef(UInt32.self), TypeRef(AccountVote.self)])) }
}

/// A delegation of voting power: to whom, with what conviction, how much.
public struct Delegation: Hashable, Sendable {
    /// The account voting with the power.
    public var target: AccountId32
    /// The conviction applied to the delegated balance.
    public var conviction: Conviction
    /// The delegated (and locked) balance.
    public var balance: UInt128

    /// A delegation.
    public init(target: AccountId32, conviction: Conviction, balance: UInt128) {
        self.target = target
        self.conviction = conviction
        self.balance = balance
    }
}

/// An account's votes or delegation, the power delegated to it, and its prior lock
/// (`pallet_democracy::Voting`: `Direct` without a delegation, `Delegating` with one).
public struct Voting: Hashable, Sendable, ScaleCodable, TypeInfo {
    /// Direct votes, sorted by referendum index (empty while delegating).
    public var votes: [VoteRecord] = []
    /// Conviction-weighted votes delegated to this account.
    public var delegatedVotes: UInt128 = 0
    /// Balance delegated to this account.
    public var delegatedCapital: UInt128 = 0
    /// A lock kept after removed votes or an ended delegation: until this block …
    public var priorUntil: UInt32 = 0
    /// … this balance.
    public var priorAmount: UInt128 = 0
    /// The account's own delegation, if it delegates.
    public var delegating: Delegation? = nil

    /// An empty record.
    public init() {}

    /// The balance that must stay locked: the largest vote, the delegated balance or the prior lock.
    public var lockedBalance: UInt128 { max(votes.map(\.vote.balance).max() ?? 0, delegating?.balance ?? 0, priorAmount) }

    /// Keeps the larger of the prior lock and `(until, amount)`.
    mutating func accumulatePrior(until: UInt32, amount: UInt128) {
        priorUntil = max(priorUntil, until)
        priorAmount = max(priorAmount, amount)
    }

    /// Drops the prior lock once it expired.
    mutating func rejig(now: UInt32) {
        if now >= priorUntil {
            priorUntil = 0
            priorAmount = 0
        }
    }

    public func encode(to encoder: inout ScaleEncoder) {
        if let delegating {
            encoder.encodeVariant(index: 1)
            encoder.encodeAll(delegating.balance, delegating.target, delegating.conviction, delegatedVotes, delegatedCapital, priorUntil, priorAmount)
        } else {
            encoder.encodeVariant(index: 0)
            encoder.encodeAll(votes, delegatedVotes, delegatedCapital, priorUntil, priorAmount)
        }
    }

    public init(from decoder: inout ScaleDecoder) throws {
        switch try decoder.readVariantIndex() {
        case 0:
            (votes, delegatedVotes, delegatedCapital, priorUntil, priorAmount) =
                try decoder.decodeAll([VoteRecord].self, UInt128.self, UInt128.self, UInt32.self, UInt128.self)
        case 1:
            let (balance, target, conviction) = try decoder.decodeAll(UInt128.self, AccountId32.self, Conviction.self)
            delegating = Delegation(target: target, conviction: conviction, balance: balance)
            (delegatedVotes, delegatedCapital, priorUntil, priorAmount) = try decoder.decodeAll(UInt128.self, UInt128.self, UInt32.self, UInt128.self)
        case let index: throw ScaleError.invalidVariantIndex(type: "Voting", index: index)
        }
    }

    public static var typeInfo: TypeDescription {
        let delegations = FieldDescription("delegations", DelegationsInfo.self, typeName: "Delegations<Balance>")
        let prior = FieldDescription("prior", PriorLockInfo.self, typeName: "PriorLock<BlockNumber, Balance>")
        return .init(path: ["pallet_democracy", "vote", "Voting"], .variant([
            VariantDescription("Direct", index: 0, fields: [
                FieldDescription("votes", [VoteRecord].self, typeName: "BoundedVec<(ReferendumIndex, AccountVote<Balance>), MaxVotes>"),
                delegations, prior,
            ]),
            VariantDescription("Delegating", index: 1, fields: [
                FieldDescription("balance", UInt128.self, typeName: "Balance"), FieldDescription("target", AccountId32.self, typeName: "AccountId"),
                FieldDescription("conviction", Conviction.self, typeName: "Conviction"), delegations, prior,
            ]),
        ]))
    }
}

/// Metadata shape of `pallet_democracy::types::Delegations`.
public enum DelegationsInfo: TypeInfo {
    public static var typeInfo: TypeDescription {
        .init(path: ["pallet_democracy", "types", "Delegations"], .composite([
            FieldDescription("votes", UInt128.self, typeName: "Balance"), FieldDescription("capital", UInt128.self, typeName: "Balance"),
        ]))
    }
}

/// Metadata shape of `pallet_democracy::vote::PriorLock`.
public enum PriorLockInfo: TypeInfo {
    public static var typeInfo: TypeDescription {
        .init(path: ["pallet_democracy", "vote", "PriorLock"], .composite([
            FieldDescription(nil, UInt32.self, typeName: "BlockNumber"), FieldDescription(nil, UInt128.self, typeName: "Balance"),
        ]))
    }
}
