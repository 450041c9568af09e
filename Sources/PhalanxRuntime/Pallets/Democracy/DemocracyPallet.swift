import PhalanxPrimitives

/// # Democracy
///
/// Stake-weighted referenda (Gov v1, as Phala): anyone proposes a call (by its preimage hash) with
/// a deposit, others second it; every launch period the most-backed public proposal, or the
/// council's external proposal (alternately), becomes a referendum. Token holders vote with a
/// conviction; when the voting period ends the referendum passes or fails by its threshold, and a
/// passed proposal is enacted by the `Scheduler` with the Root origin after the enactment delay.
///
/// ## Terms
/// - *Conviction*: 0.1x votes with no lock, or N× votes (N = 1…6) for a lock of 2^(N-1) vote
///   locking periods after the referendum ends (only if the vote was on the winning side).
/// - *Thresholds*: `SuperMajorityApprove` (public proposals; needs more ayes the lower the turnout),
///   `SuperMajorityAgainst` (unanimous council proposals; needs more nays the lower the turnout),
///   `SimpleMajority` (ayes > nays). Turnout is the balance that voted, electorate the total issuance.
/// - *Locks*: voting locks the voted balance under the `democrac` lock; `remove_vote` turns it into a
///   prior lock until its expiry, and `unlock` releases whatever is no longer needed.
///
/// ## Calls
/// - Signed: `propose`, `second`, `vote`, `delegate`, `undelegate`, `remove_vote`, `remove_other_vote`, `unlock`;
///   technical committee member: `veto_external`.
/// - Collective origins (see `OriginRequirement`): `external_propose*` (council), `fast_track` (TC),
///   `emergency_cancel` (council), `cancel_proposal` (TC); Root: `cancel_referendum`, `blacklist`.
///
/// ## Assumptions
/// Split votes carry no conviction (they count 0.1x, as Substrate); delegation is not transitive.
/// Parameters come from `GovernanceConfig.active`.
public enum Democracy: Pallet {
    public static let name = "Democracy"
    public static let moduleName = "pallet_democracy"
    public static let docs = ["Stake-weighted referenda with conviction voting."]

    /// Lock and reserve identifier.
    public static let lockId = Array("democrac".utf8)
    /// Maximum votes per account, public proposals, and deposits per proposal.
    public static let maxVotes: UInt32 = 100
    /// Maximum public proposals.
    public static let maxProposals: UInt32 = 100
    /// Maximum seconds of one proposal.
    public static let maxDeposits: UInt32 = 100
    /// Maximum vetoers of one blacklisted proposal.
    public static let maxBlacklisted: UInt32 = 100
    /// Whether the instant origin may fast-track below `FastTrackVotingPeriod`.
    public static let instantAllowed = true
    /// The periods and deposits in force.
    static var config: GovernanceConfig { .active }

    public static var constants: [PalletConstant] {
        [
            PalletConstant("EnactmentPeriod", config.enactmentPeriod, docs: ["The period between a proposal being approved and enacted."]),
            PalletConstant("LaunchPeriod", config.launchPeriod, docs: ["How often (in blocks) new public referenda are launched."]),
            PalletConstant("VotingPeriod", config.votingPeriod, docs: ["How often (in blocks) to check for new votes."]),
            PalletConstant("VoteLockingPeriod", config.voteLockingPeriod, docs: ["The minimum period of vote locking."]),
            PalletConstant("MinimumDeposit", config.minimumDeposit, docs: ["The minimum amount to be used as a deposit for a public referendum proposal."]),
            PalletConstant("InstantAllowed", instantAllowed, docs: ["Indicator for whether an emergency origin is even allowed to happen."]),
            PalletConstant("FastTrackVotingPeriod", config.fastTrackVotingPeriod, docs: ["Minimum voting period allowed for a fast-track referendum."]),
            PalletConstant("CooloffPeriod", config.cooloffPeriod, docs: ["Period in blocks where an external proposal may not be re-submitted after being vetoed."]),
            PalletConstant("MaxVotes", maxVotes, docs: ["The maximum number of votes for an account."]),
            PalletConstant("MaxProposals", maxProposals, docs: ["The maximum number of public proposals that can exist at any time."]),
            PalletConstant("MaxDeposits", maxDeposits, docs: ["The maximum number of deposits a public proposal may have at any time."]),
            PalletConstant("MaxBlacklisted", maxBlacklisted, docs: ["The maximum number of items which can be blacklisted."]),
        ]
    }

    public static var storageItems: [any StorageItem] {
        [publicPropCount, publicProps, depositOf, referendumCount, lowestUnbaked, referendumInfoOf, votingOf, lastTabledWasExternal,
         nextExternal, blacklist, cancellations]
    }

    // MARK: - Hooks

    /// Launches the next referendum every launch period, then bakes the referenda ending now.
    public static func onInitialize(_ context: inout RuntimeContext) -> Weight {
        let now = context.blockNumber
        if config.launchPeriod > 0 && now % config.launchPeriod == 0 { launchNext(context: &context) }
        let lowest = lowestUnbaked.value(context.state) ?? 0
        let count = referendumCount.value(context.state) ?? 0
        var newLowest = count
        if lowest < count {
            for index in lowest..<count {
                guard case .ongoing(let status) = referendumInfoOf.get(index, in: context.state) else { continue }
                if status.end <= now {
                    bake(index, status: status, context: &context)
                } else {
                    newLowest = min(newLowest, index)
                }
            }
        }
        if newLowest != lowest { lowestUnbaked.set(newLowest, in: &context.state) }
        return Weight(refTime: 10_000_000 + UInt64(count &- lowest) * 20_000_000)
    }

    /// Starts the external or the most-backed public proposal, alternating.
    static func launchNext(context: inout RuntimeContext) {
        let wasExternal = lastTabledWasExternal.value(context.state) ?? false
        lastTabledWasExternal.set(false, in: &context.state)
        if wasExternal {
            if !launchPublic(context: &context) { _ = launchExternal(context: &context) }
        } else {
            if !launchExternal(context: &context) { _ = launchPublic(context: &context) }
        }
    }

    private static func launchExternal(context: inout RuntimeContext) -> Bool {
        guard let external = nextExternal.get(context.state) else { return false }
        nextExternal.remove(in: &context.state)
        lastTabledWasExternal.set(true, in: &context.state)
        context.deposit(Event.externalTabled)
        injectReferendum(
            end: context.blockNumber &+ config.votingPeriod, proposal: external.proposal, threshold: external.threshold,
            delay: config.enactmentPeriod, context: &context)
        return true
    }

    private static func launchPublic(context: inout RuntimeContext) -> Bool {
        var props = publicProps.value(context.state) ?? []
        guard !props.isEmpty else { return false }
        // The most backed (deposit × depositors); ties go to the later proposal, as Substrate's max_by_key.
        var best = 0
        var bestBacking: UInt128 = 0
        for (position, prop) in props.enumerated() {
            let backing = depositOf.get(prop.index, in: context.state).map { $0.deposit.multipliedReportingOverflow(by: UInt128($0.depositors.count)).partialValue } ?? 0
            if backing >= bestBacking {
                best = position
                bestBacking = backing
            }
        }
        let winner = props.remove(at: best)
        publicProps.set(props, in: &context.state)
        var deposit: UInt128 = 0
        if let record = depositOf.get(winner.index, in: context.state) {
            depositOf.remove(winner.index, in: &context.state)
            for depositor in record.depositors { Balances.unreserve(depositor, id: lockId, amount: record.deposit, context: &context) }
            deposit = record.deposit
        }
        context.deposit(Event.tabled(proposalIndex: winner.index, deposit: deposit))
        injectReferendum(
            end: context.blockNumber &+ config.votingPeriod, proposal: winner.proposal, threshold: .superMajorityApprove,
            delay: config.enactmentPeriod, context: &context)
        return true
    }

    /// Starts a referendum; returns its index.
    @discardableResult
    static func injectReferendum(end: UInt32, proposal: H256, threshold: VoteThreshold, delay: UInt32, context: inout RuntimeContext) -> UInt32 {
        let index = referendumCount.value(context.state) ?? 0
        referendumCount.set(index &+ 1, in: &context.state)
        referendumInfoOf.set(
            index, .ongoing(ReferendumStatus(end: end, proposal: proposal, threshold: threshold, delay: delay, tally: Tally())), in: &context.state)
        context.deposit(Event.started(refIndex: index, threshold: threshold))
        return index
    }

    /// The electorate: total issuance minus inactive issuance.
    static func electorate(_ state: StateOverlay) -> UInt128 {
        let total = Balances.totalIssuance.value(state) ?? 0
        let inactive = Balances.inactiveIssuance.value(state) ?? 0
        return total >= inactive ? total - inactive : 0
    }

    /// Closes a referendum: schedules its enactment if it passed.
    static func bake(_ index: UInt32, status: ReferendumStatus, context: inout RuntimeContext) {
        let now = context.blockNumber
        let approved = status.threshold.approved(status.tally, electorate: electorate(context.state))
        referendumInfoOf.set(index, .finished(approved: approved, end: now), in: &context.state)
        if approved {
            context.deposit(Event.passed(refIndex: index))
            do {
                try Scheduler.schedule(
                    at: now &+ status.delay, name: enactmentTaskName(index), priority: 63, origin: .root,
                    call: .lookup(hash: status.proposal), context: &context)
            } catch {
                // The agenda is full or the name taken: the proposal is not enacted (Substrate logs this).
            }
        } else {
            context.deposit(Event.notPassed(refIndex: index))
        }
    }

    /// The scheduler task name of referendum `index`'s enactment: blake2_256("democrac" ‖ index).
    public static func enactmentTaskName(_ index: UInt32) -> H256 { H256(unchecked: blake2_256(lockId + index.scaleEncoded)) }

    /// Removes a referendum without result.
    static func internalCancelReferendum(_ index: UInt32, context: inout RuntimeContext) {
        context.deposit(Event.cancelled(refIndex: index))
        referendumInfoOf.remove(index, in: &context.state)
    }

    /// Sends every deposit of a public proposal to the treasury.
    static func slashDeposits(of proposalIndex: UInt32, context: inout RuntimeContext) {
        guard let record = depositOf.get(proposalIndex, in: context.state) else { return }
        depositOf.remove(proposalIndex, in: &context.state)
        for depositor in record.depositors {
            Balances.repatriateReserved(depositor, id: lockId, amount: record.deposit, to: Treasury.account, context: &context)
        }
    }

    // MARK: - Voting

    /// Records `vote` of `who` on referendum `index`, replacing an earlier one, and extends the lock.
    static func vote(_ who: AccountId32, index: UInt32, vote: AccountVote, context: inout RuntimeContext) throws {
        guard case .ongoing(var status) = referendumInfoOf.get(index, in: context.state) else { throw Error.referendumInvalid }
        guard vote.balance <= Balances.account(who, in: context.state).free else { throw Error.insufficientFunds }
        var voting = votingOf.value(who, in: context.state) ?? Voting()
        guard voting.delegating == nil else { throw Error.alreadyDelegating }
        if let position = voting.votes.firstIndex(where: { $0.referendum == index }) {
            removeFromTally(voting.votes[position].vote, of: voting, tally: &status.tally)
            voting.votes[position].vote = vote
        } else {
            guard voting.votes.count < Int(maxVotes) else { throw Error.maxVotesReached }
            voting.votes.append(VoteRecord(referendum: index, vote: vote))
            voting.votes.sort { $0.referendum < $1.referendum }
        }
        status.tally.apply(vote)
        if case .standard(let standard, _) = vote {
            status.tally.applyDelegations(aye: standard.aye, votes: voting.delegatedVotes, capital: voting.delegatedCapital)
        }
        referendumInfoOf.set(index, .ongoing(status), in: &context.state)
        votingOf.set(who, voting, in: &context.state)
        try Balances.setLock(who, id: lockId, amount: voting.lockedBalance, context: &context)
        context.deposit(Event.voted(voter: who, refIndex: index, vote: vote))
    }

    /// Removes `who`'s vote on `index`: from the tally if ongoing, into a prior lock if it ended and the
    /// vote is still locked. `byOther` (someone else removing it) may only remove unlocked votes.
    static func removeVote(_ who: AccountId32, index: UInt32, byOther: Bool, context: inout RuntimeContext) throws {
        var voting = votingOf.value(who, in: context.state) ?? Voting()
        guard let position = voting.votes.firstIndex(where: { $0.referendum == index }) else { throw Error.notVoter }
        let record = voting.votes[position]
        switch referendumInfoOf.get(index, in: context.state) {
        case .ongoing(var status):
            guard !byOther else { throw Error.noPermission }
            removeFromTally(record.vote, of: voting, tally: &status.tally)
            referendumInfoOf.set(index, .ongoing(status), in: &context.state)
        case .finished(let approved, let end):
            if let (periods, balance) = record.vote.locked(ifApproved: approved) {
                let (lockLength, overflow) = config.voteLockingPeriod.multipliedReportingOverflow(by: periods)
                let unlockAt = overflow ? UInt32.max : end.addingReportingOverflow(lockLength).overflow ? .max : end + lockLength
                if context.blockNumber < unlockAt {
                    guard !byOther else { throw Error.noPermission }
                    voting.accumulatePrior(until: unlockAt, amount: balance)
                }
            }
        case nil:
            break
        }
        voting.votes.remove(at: position)
        votingOf.set(who, voting, in: &context.state)
    }

    /// Removes `vote` of an account with `voting` (and the power delegated to it) from `tally`.
    private static func removeFromTally(_ vote: AccountVote, of voting: Voting, tally: inout Tally) {
        tally.apply(vote, remove: true)
        if case .standard(let standard, _) = vote {
            tally.applyDelegations(aye: standard.aye, votes: voting.delegatedVotes, capital: voting.delegatedCapital, remove: true)
        }
    }

    /// Adds (or removes) delegated power to `target`, and to the ongoing referenda it voted on.
    private static func changeDelegation(to target: AccountId32, votes: UInt128, capital: UInt128, remove: Bool, context: inout RuntimeContext) {
        var voting = votingOf.value(target, in: context.state) ?? Voting()
        func adjust(_ value: inout UInt128, _ delta: UInt128) {
            if remove { value = value >= delta ? value - delta : 0 } else { value = value.addingReportingOverflow(delta).overflow ? .max : value + delta }
        }
        adjust(&voting.delegatedVotes, votes)
        adjust(&voting.delegatedCapital, capital)
        for record in voting.votes {
            guard case .standard(let vote, _) = record.vote, case .ongoing(var status) = referendumInfoOf.get(record.referendum, in: context.state) else {
                continue
            }
            status.tally.applyDelegations(aye: vote.aye, votes: votes, capital: capital, remove: remove)
            referendumInfoOf.set(record.referendum, .ongoing(status), in: &context.state)
        }
        votingOf.set(target, voting, in: &context.state)
    }

    /// `who` delegates `balance` with `conviction` to `target` (not transitive: a target that itself
    /// delegates does not pass the power on).
    static func delegate(_ who: AccountId32, to target: AccountId32, conviction: Conviction, balance: UInt128, context: inout RuntimeContext) throws {
        guard who != target else { throw Error.nonsense }
        guard balance <= Balances.account(who, in: context.state).free else { throw Error.insufficientFunds }
        var voting = votingOf.value(who, in: context.state) ?? Voting()
        guard voting.delegating == nil else { throw Error.alreadyDelegating }
        guard voting.votes.isEmpty else { throw Error.votesExist }
        changeDelegation(to: target, votes: conviction.votes(balance), capital: balance, remove: false, context: &context)
        voting = votingOf.value(who, in: context.state) ?? Voting()
        voting.delegating = Delegation(target: target, conviction: conviction, balance: balance)
        votingOf.set(who, voting, in: &context.state)
        try Balances.setLock(who, id: lockId, amount: voting.lockedBalance, context: &context)
        context.deposit(Event.delegated(who: who, target: target))
    }

    /// Ends `who`'s delegation; the balance stays locked for the conviction's lock periods from now.
    static func undelegate(_ who: AccountId32, context: inout RuntimeContext) throws {
        guard let delegation = (votingOf.value(who, in: context.state) ?? Voting()).delegating else { throw Error.notDelegating }
        changeDelegation(
            to: delegation.target, votes: delegation.conviction.votes(delegation.balance), capital: delegation.balance, remove: true, context: &context)
        var voting = votingOf.value(who, in: context.state) ?? Voting()
        voting.delegating = nil
        let (length, overflow) = config.voteLockingPeriod.multipliedReportingOverflow(by: delegation.conviction.lockPeriods)
        let now = context.blockNumber
        let until = overflow || now.addingReportingOverflow(length).overflow ? UInt32.max : now + length
        voting.accumulatePrior(until: until, amount: delegation.balance)
        votingOf.set(who, voting, in: &context.state)
        context.deposit(Event.undelegated(account: who))
    }

    /// Recomputes `who`'s democracy lock: the largest remaining vote or unexpired prior lock.
    static func updateLock(_ who: AccountId32, context: inout RuntimeContext) throws {
        var voting = votingOf.value(who, in: context.state) ?? Voting()
        voting.rejig(now: context.blockNumber)
        let locked = voting.lockedBalance
        if voting == Voting() { votingOf.remove(who, in: &context.state) } else { votingOf.set(who, voting, in: &context.state) }
        if locked == 0 {
            Balances.removeLock(who, id: lockId, context: &context)
        } else {
            try Balances.setLock(who, id: lockId, amount: locked, context: &context)
        }
    }
}
