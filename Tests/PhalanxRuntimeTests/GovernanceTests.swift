import PhalanxPrimitives
@testable import PhalanxRuntime
import PhalanxTestSupport
import Testing

extension RuntimeHarness {
    static let dave = try! KeyPair(uri: "//Dave")
    static let eve = try! KeyPair(uri: "//Eve")

    /// Builds empty blocks until block `target`.
    mutating func advance(to target: UInt32) throws {
        while number < target { _ = try block([]) }
    }

    /// Applies `call` signed by `signer` alone in a new block; returns its dispatch result.
    @discardableResult
    mutating func submit<C: PalletCall>(_ call: C, by signer: KeyPair) throws -> Result<ScaleUnit, DispatchError> {
        let (outcomes, _) = try block([sign(call, by: signer)])
        return try outcomes[0].get().result
    }

    var overlay: StateOverlay { StateOverlay(base: state) }

    /// Every storage entry of the governance pallets.
    var governanceStorage: [[UInt8]: [UInt8]] {
        let prefixes = ["Scheduler", "Preimage", "Democracy", "Council", "TechnicalCommittee", "Treasury"].map { twox_128(Array($0.utf8)) }
        return state.values.filter { key, _ in prefixes.contains { key.starts(with: $0) } }
    }

    /// Notes the preimage of `call` (signed by Alice) and returns its hash.
    mutating func notePreimage<C: PalletCall>(_ call: C) throws -> H256 {
        let bytes = RuntimeCall(call, in: runtime).scaleEncoded
        try submit(Preimage.Call.notePreimage(bytes: bytes), by: Self.alice).check()
        return H256(unchecked: blake2_256(bytes))
    }

    /// Proposes a motion of collective `C` (by the first voter), all `voters` vote aye in one block, and
    /// the first closes it; a threshold below 2 executes at once. Returns the motion's hash.
    @discardableResult
    mutating func passMotion<I: CollectiveInstance, P: PalletCall>(
        _ collective: Collective<I>.Type, _ call: P, threshold: UInt32, voters: [KeyPair]
    ) throws -> H256 {
        let proposal = RuntimeCall(call, in: runtime)
        let hash = EncodedCall(proposal).hash
        try submit(Collective<I>.Call.propose(threshold: threshold, proposal: proposal, lengthBound: 10_000), by: voters[0]).check()
        guard let index = Collective<I>.voting.get(hash, in: overlay)?.index else { return hash }
        let (outcomes, _) = try block(voters.map { sign(Collective<I>.Call.vote(proposal: hash, index: index, approve: true), by: $0) })
        for outcome in outcomes { try outcome.get().result.check() }
        try submit(Collective<I>.Call.close(proposalHash: hash, index: index, proposalWeightBound: motionWeightBound, lengthBound: 10_000), by: voters[0]).check()
        return hash
    }

    /// Whether the best block emitted `event`.
    func emitted<E: PalletEvent>(_ event: E) -> Bool {
        guard let index = runtime.index(of: E.Owner.self) else { return false }
        let needle = RuntimeEvent(palletIndex: index, event: event).scaleEncoded
        let haystack = state.value(at: System.events.key) ?? []
        guard haystack.count >= needle.count else { return false }
        return (0...(haystack.count - needle.count)).contains { Array(haystack[$0..<($0 + needle.count)]) == needle }
    }
}

extension Result where Success == ScaleUnit {
    /// Throws the dispatch error, if any.
    func check() throws { _ = try get() }
}


/// A weight bound that covers any motion of the tests.
let motionWeightBound = Weight(refTime: 1_000_000_000, proofSize: 1_000_000)

/// Governance: democracy lifecycle, conviction locks, collectives, treasury, origins.
@Suite struct GovernanceTests {
    let config = GovernanceConfig.active
    let alice = RuntimeHarness.alice, bob = RuntimeHarness.bob, charlie = RuntimeHarness.charlie
    let dave = RuntimeHarness.dave, eve = RuntimeHarness.eve

    // MARK: - Democracy lifecycle

    @Test func publicProposalPassesAndIsEnactedAfterTheDelay() throws {
        var chain = try RuntimeHarness()
        let target = try KeyPair(uri: "//Target")
        let hash = try chain.notePreimage(Balances.Call.forceSetBalance(who: .id(target.accountId), newFree: 42 * pha))
        try chain.submit(Democracy.Call.propose(proposal: hash, value: 10 * pha), by: alice).check()
        #expect(throws: Never.self) { try chain.submit(Democracy.Call.second(proposal: 0), by: bob).get() }
        #expect(Balances.account(bob.accountId, in: chain.overlay).reserved == 10 * pha)
        #expect(try chain.submit(Democracy.Call.propose(proposal: hash, value: pha), by: bob) == .failure(.module(index: 12, error: Democracy.Error.valueLow.rawValue)))

        // The launch period starts referendum 0 and returns the deposits.
        try chain.advance(to: config.launchPeriod)
        guard case .ongoing(let status) = Democracy.referendumInfoOf.get(0, in: chain.overlay) else { Issue.record("no referendum"); return }
        #expect(status.end == config.launchPeriod + config.votingPeriod)
        #expect(status.threshold == .superMajorityApprove)
        #expect(Balances.account(bob.accountId, in: chain.overlay).reserved == 0)
        #expect(Democracy.publicProps.value(chain.overlay) == [])

        try chain.submit(Democracy.Call.vote(refIndex: 0, vote: .standard(vote: Vote(aye: true, conviction: .locked1x), balance: 500_000 * pha)), by: charlie).check()
        try chain.submit(Democracy.Call.vote(refIndex: 0, vote: .standard(vote: Vote(aye: false, conviction: .none), balance: 1_000 * pha)), by: bob).check()
        try chain.submit(Democracy.Call.vote(refIndex: 0, vote: .standard(vote: Vote(aye: true, conviction: .locked2x), balance: 100 * pha)), by: alice).check()
        guard case .ongoing(let voting) = Democracy.referendumInfoOf.get(0, in: chain.overlay) else { Issue.record("no referendum"); return }
        #expect(voting.tally == Tally(ayes: 500_200 * pha, nays: 100 * pha, turnout: 501_100 * pha))
        #expect(Balances.account(charlie.accountId, in: chain.overlay).frozen == 500_000 * pha)
        // Locked balance cannot move while the vote stands.
        #expect(try chain.submit(Balances.Call.transferKeepAlive(dest: .id(dave.accountId), value: 700_000 * pha), by: charlie)
            == .failure(.module(index: 2, error: Balances.Error.liquidityRestrictions.rawValue)))

        let end = status.end
        try chain.advance(to: end)
        #expect(Democracy.referendumInfoOf.get(0, in: chain.overlay) == .finished(approved: true, end: end))
        #expect(Scheduler.lookup.get(Democracy.enactmentTaskName(0), in: chain.overlay) != nil)
        try chain.advance(to: end + config.enactmentPeriod - 1)
        #expect(chain.account(target).data.free == 0)
        try chain.advance(to: end + config.enactmentPeriod)
        #expect(chain.account(target).data.free == 42 * pha)
        #expect(Scheduler.lookup.get(Democracy.enactmentTaskName(0), in: chain.overlay) == nil)

        // Locks: Alice (winning side, 2x: 2 periods after the end) keeps a prior lock until then;
        // Bob (losing side) and Charlie (1 period, already over) unlock at once.
        let aliceUnlock = end + 2 * config.voteLockingPeriod
        #expect(chain.number < aliceUnlock)
        for voter in [alice, bob, charlie] {
            try chain.submit(Democracy.Call.removeVote(index: 0), by: voter).check()
            try chain.submit(Democracy.Call.unlock(target: .id(voter.accountId)), by: voter).check()
        }
        #expect(Balances.account(bob.accountId, in: chain.overlay).frozen == 0)
        #expect(Balances.account(charlie.accountId, in: chain.overlay).frozen == 0)
        #expect(Balances.account(alice.accountId, in: chain.overlay).frozen == 100 * pha)
        try chain.advance(to: aliceUnlock - 1)
        try chain.submit(Democracy.Call.unlock(target: .id(alice.accountId)), by: bob).check()
        #expect(Balances.account(alice.accountId, in: chain.overlay).frozen == 0)
        #expect(Balances.locks.value(alice.accountId, in: chain.overlay) == [])
    }

    @Test func failingReferendumIsNotEnacted() throws {
        var chain = try RuntimeHarness()
        let target = try KeyPair(uri: "//Target")
        let hash = try chain.notePreimage(Balances.Call.forceSetBalance(who: .id(target.accountId), newFree: 42 * pha))
        try chain.submit(Democracy.Call.propose(proposal: hash, value: 10 * pha), by: alice).check()
        try chain.advance(to: config.launchPeriod)
        try chain.submit(Democracy.Call.vote(refIndex: 0, vote: .standard(vote: Vote(aye: false, conviction: .locked1x), balance: 500_000 * pha)), by: charlie).check()
        try chain.submit(Democracy.Call.vote(refIndex: 0, vote: .split(aye: 1_000 * pha, nay: 0)), by: bob).check()
        let end = config.launchPeriod + config.votingPeriod
        try chain.advance(to: end + config.enactmentPeriod + 1)
        #expect(Democracy.referendumInfoOf.get(0, in: chain.overlay) == .finished(approved: false, end: end))
        #expect(Scheduler.agenda.value(end + config.enactmentPeriod, in: chain.overlay) == [])
        #expect(chain.account(target).data.free == 0)
        // Charlie voted nay (the winning side) with 1x: locked for one period after the end.
        try chain.submit(Democracy.Call.removeVote(index: 0), by: charlie).check()
        try chain.submit(Democracy.Call.unlock(target: .id(charlie.accountId)), by: charlie).check()
        #expect(chain.number >= end + config.voteLockingPeriod)
        #expect(Balances.account(charlie.accountId, in: chain.overlay).frozen == 0)
    }

    @Test func externalProposalFastTrackedByTheCommitteesIsEnacted() throws {
        var chain = try RuntimeHarness()
        let target = try KeyPair(uri: "//Target")
        let hash = try chain.notePreimage(Balances.Call.forceSetBalance(who: .id(target.accountId), newFree: 7 * pha))
        // Unanimous council (≥3/4 needed) proposes a majority-carries referendum.
        let council = try chain.passMotion(Council.self, Democracy.Call.externalProposeMajority(proposal: hash), threshold: 3, voters: [alice, bob, charlie])
        #expect(chain.emitted(Council.Event.executed(proposalHash: council, result: .success(ScaleUnit()))))
        #expect(Democracy.nextExternal.get(chain.overlay) == ExternalProposal(proposal: hash, threshold: .simpleMajority))
        // A single committee member is not enough to fast-track (≥2/3 needed).
        let alone = try chain.passMotion(TechnicalCommittee.self, Democracy.Call.fastTrack(proposalHash: hash, votingPeriod: 3, delay: 1), threshold: 1, voters: [alice])
        #expect(chain.emitted(TechnicalCommittee.Event.executed(proposalHash: alone, result: .failure(.badOrigin))))
        #expect(Democracy.nextExternal.get(chain.overlay) != nil)
        let committee = try chain.passMotion(TechnicalCommittee.self, Democracy.Call.fastTrack(proposalHash: hash, votingPeriod: 3, delay: 1), threshold: 2, voters: [alice, bob])
        #expect(chain.emitted(TechnicalCommittee.Event.executed(proposalHash: committee, result: .success(ScaleUnit()))))
        #expect(Democracy.nextExternal.get(chain.overlay) == nil)
        guard case .ongoing(let status) = Democracy.referendumInfoOf.get(0, in: chain.overlay) else { Issue.record("not fast-tracked"); return }
        #expect(status.threshold == .simpleMajority)
        try chain.submit(Democracy.Call.vote(refIndex: 0, vote: .standard(vote: Vote(aye: true, conviction: .none), balance: 10 * pha)), by: dave).check()
        try chain.advance(to: status.end + 1)
        #expect(chain.account(target).data.free == 7 * pha)
    }

    @Test func emergencyCancelAndBlacklist() throws {
        var chain = try RuntimeHarness()
        let hash = try chain.notePreimage(System.Call.remark(remark: [1]))
        try chain.passMotion(Council.self, Democracy.Call.externalProposeDefault(proposal: hash), threshold: 3, voters: [alice, bob, charlie])
        #expect(Democracy.nextExternal.get(chain.overlay)?.threshold == .superMajorityAgainst)
        try chain.advance(to: config.launchPeriod)
        #expect(Democracy.lastTabledWasExternal.value(chain.overlay) == true)
        guard case .ongoing = Democracy.referendumInfoOf.get(0, in: chain.overlay) else { Issue.record("not launched"); return }
        // 2 of 3 council members: at least 2/3, enough to cancel.
        let cancel = try chain.passMotion(Council.self, Democracy.Call.emergencyCancel(refIndex: 0), threshold: 2, voters: [alice, bob])
        #expect(chain.emitted(Council.Event.executed(proposalHash: cancel, result: .success(ScaleUnit()))))
        #expect(Democracy.referendumInfoOf.get(0, in: chain.overlay) == nil)
        #expect(Democracy.cancellations.value(hash, in: chain.overlay) == true)

        // Root blacklists a public proposal: its deposits go to the treasury and it cannot come back.
        try chain.submit(Democracy.Call.propose(proposal: hash, value: 10 * pha), by: dave).check()
        let pot = Balances.account(Treasury.account, in: chain.overlay).free
        let blacklist = RuntimeCall(Democracy.Call.blacklist(proposalHash: hash, maybeRefIndex: nil), in: chain.runtime)
        try chain.submit(Sudo.Call.sudo(call: blacklist), by: alice).check()
        #expect(Democracy.publicProps.value(chain.overlay) == [])
        #expect(Balances.account(dave.accountId, in: chain.overlay).reserved == 0)
        #expect(Balances.account(Treasury.account, in: chain.overlay).free >= pot + 10 * pha)
        #expect(try chain.submit(Democracy.Call.propose(proposal: hash, value: 10 * pha), by: dave)
            == .failure(.module(index: 12, error: Democracy.Error.proposalBlacklisted.rawValue)))
    }

    @Test func delegatedPowerCountsWithTheTargetsVoteAndStaysLockedAfterUndelegating() throws {
        var chain = try RuntimeHarness()
        let hash = try chain.notePreimage(System.Call.remark(remark: []))
        try chain.submit(Democracy.Call.propose(proposal: hash, value: 10 * pha), by: alice).check()
        try chain.advance(to: config.launchPeriod)
        func tally() -> Tally? {
            guard case .ongoing(let status) = Democracy.referendumInfoOf.get(0, in: chain.overlay) else { return nil }
            return status.tally
        }
        try chain.submit(Democracy.Call.delegate(to: .id(charlie.accountId), conviction: .locked2x, balance: 100_000 * pha), by: eve).check()
        #expect(Balances.account(eve.accountId, in: chain.overlay).frozen == 100_000 * pha)
        #expect(try chain.submit(Democracy.Call.delegate(to: .id(eve.accountId), conviction: .none, balance: pha), by: eve)
            == .failure(.module(index: 12, error: Democracy.Error.nonsense.rawValue)))
        try chain.submit(Democracy.Call.vote(refIndex: 0, vote: .standard(vote: Vote(aye: true, conviction: .locked1x), balance: 500_000 * pha)), by: charlie).check()
        #expect(tally() == Tally(ayes: 700_000 * pha, nays: 0, turnout: 600_000 * pha))
        #expect(try chain.submit(Democracy.Call.vote(refIndex: 0, vote: .standard(vote: Vote(aye: false, conviction: .none), balance: pha)), by: eve)
            == .failure(.module(index: 12, error: Democracy.Error.alreadyDelegating.rawValue)))
        // Delegating after the target voted adds to the ongoing tally too.
        try chain.submit(Democracy.Call.delegate(to: .id(charlie.accountId), conviction: .none, balance: 10_000 * pha), by: dave).check()
        #expect(tally() == Tally(ayes: 701_000 * pha, nays: 0, turnout: 610_000 * pha))
        // The target changing its vote moves the delegated power with it.
        try chain.submit(Democracy.Call.vote(refIndex: 0, vote: .standard(vote: Vote(aye: false, conviction: .locked1x), balance: 500_000 * pha)), by: charlie).check()
        #expect(tally() == Tally(ayes: 0, nays: 701_000 * pha, turnout: 610_000 * pha))

        try chain.submit(Democracy.Call.undelegate, by: eve).check()
        let undelegatedAt = chain.number
        #expect(tally() == Tally(ayes: 0, nays: 501_000 * pha, turnout: 510_000 * pha))
        #expect(try chain.submit(Democracy.Call.undelegate, by: eve) == .failure(.module(index: 12, error: Democracy.Error.notDelegating.rawValue)))
        try chain.submit(Democracy.Call.unlock(target: .id(eve.accountId)), by: eve).check()
        #expect(Balances.account(eve.accountId, in: chain.overlay).frozen == 100_000 * pha)  // 2x: two lock periods
        try chain.advance(to: undelegatedAt + 2 * config.voteLockingPeriod - 1)
        try chain.submit(Democracy.Call.unlock(target: .id(eve.accountId)), by: eve).check()
        #expect(Balances.account(eve.accountId, in: chain.overlay).frozen == 0)
    }

    @Test func committeeMemberVetoBlacklistsTheExternalProposalForTheCooloff() throws {
        var chain = try RuntimeHarness()
        let hash = try chain.notePreimage(System.Call.remark(remark: [2]))
        try chain.passMotion(Council.self, Democracy.Call.externalPropose(proposal: hash), threshold: 2, voters: [alice, bob])
        #expect(Democracy.nextExternal.get(chain.overlay)?.threshold == .superMajorityApprove)
        #expect(try chain.submit(Democracy.Call.vetoExternal(proposalHash: hash), by: dave) == .failure(.badOrigin))
        try chain.submit(Democracy.Call.vetoExternal(proposalHash: hash), by: charlie).check()
        let until = chain.number + config.cooloffPeriod
        #expect(Democracy.blacklist.get(hash, in: chain.overlay) == BlacklistEntry(until: until, vetoers: [charlie.accountId]))
        #expect(Democracy.nextExternal.get(chain.overlay) == nil)
        // Root may not re-propose it during the cooloff either.
        let again = RuntimeCall(Democracy.Call.externalPropose(proposal: hash), in: chain.runtime)
        try chain.submit(Sudo.Call.sudo(call: again), by: alice).check()
        #expect(chain.emitted(Sudo.Event.sudid(sudoResult: .failure(.module(index: 12, error: Democracy.Error.proposalBlacklisted.rawValue)))))
        try chain.advance(to: until)
        try chain.submit(Sudo.Call.sudo(call: again), by: alice).check()
        #expect(Democracy.nextExternal.get(chain.overlay)?.proposal == hash)
        #expect(try chain.submit(Democracy.Call.vetoExternal(proposalHash: hash), by: charlie)
            == .failure(.module(index: 12, error: Democracy.Error.alreadyVetoed.rawValue)))
    }

    @Test func unanimousCommitteeCancelsAPublicProposalAndSlashesItsDeposits() throws {
        var chain = try RuntimeHarness()
        let hash = try chain.notePreimage(System.Call.remark(remark: [3]))
        try chain.submit(Democracy.Call.propose(proposal: hash, value: 20 * pha), by: dave).check()
        try chain.submit(Democracy.Call.second(proposal: 0), by: eve).check()
        let pot = Balances.account(Treasury.account, in: chain.overlay).free
        let issuance = chain.totalIssuance
        try chain.passMotion(TechnicalCommittee.self, Democracy.Call.cancelProposal(propIndex: 0), threshold: 2, voters: [alice, bob])
        #expect(Democracy.publicProps.value(chain.overlay)?.count == 1)  // 2 of 3 is not unanimous
        try chain.passMotion(TechnicalCommittee.self, Democracy.Call.cancelProposal(propIndex: 0), threshold: 3, voters: [alice, bob, charlie])
        #expect(Democracy.publicProps.value(chain.overlay) == [])
        #expect(Democracy.depositOf.get(0, in: chain.overlay) == nil)
        #expect(Balances.account(dave.accountId, in: chain.overlay).reserved == 0)
        #expect(Balances.account(eve.accountId, in: chain.overlay).reserved == 0)
        #expect(Balances.account(Treasury.account, in: chain.overlay).free >= pot + 40 * pha)
        #expect(chain.totalIssuance == issuance)
    }

    // MARK: - Thresholds and convictions

    @Test(arguments: [
        // (threshold, ayes, nays, turnout, electorate, passes)
        (VoteThreshold.superMajorityApprove, 20, 5, 25, 100, true),  // 5/√25 = 1 < 20/√100 = 2
        (.superMajorityApprove, 15, 10, 25, 100, false),  // a simple majority is not enough at 25% turnout
        (.superMajorityApprove, 51, 49, 100, 100, true),  // full turnout: simple majority
        (.superMajorityApprove, 49, 51, 100, 100, false),
        (.superMajorityApprove, 1, 0, 1, 1_000_000, true),  // no nays at all
        (.superMajorityAgainst, 10, 15, 25, 100, true),  // 15/√100 = 1.5 < 10/√25 = 2: a minority passes at low turnout
        (.superMajorityAgainst, 5, 20, 25, 100, false),
        (.superMajorityAgainst, 49, 51, 100, 100, false),
        (.simpleMajority, 15, 10, 25, 100, true),
        (.simpleMajority, 10, 10, 25, 100, false),
        (.simpleMajority, 10, 15, 25, 100, false),
        (.superMajorityApprove, 0, 0, 0, 100, false),  // no turnout never passes
        (.simpleMajority, 5, 0, 0, 100, false),
    ] as [(VoteThreshold, UInt128, UInt128, UInt128, UInt128, Bool)])
    func thresholdsWithTurnoutBiasing(threshold: VoteThreshold, ayes: UInt128, nays: UInt128, turnout: UInt128, electorate: UInt128, passes: Bool) {
        #expect(threshold.approved(Tally(ayes: ayes, nays: nays, turnout: turnout), electorate: electorate) == passes)
    }

    @Test func thresholdsAgreeWithExactArithmeticOnRandomTallies() {
        var seed: UInt64 = 0x9e37_79b9_7f4a_7c15
        func next(_ bound: UInt64) -> UInt128 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt128((seed >> 4) % bound)
        }
        for _ in 0..<2_000 {
            let electorate = next(1 << 56) + 1
            let turnout = next(UInt64(min(electorate, 1 << 56))) + 1
            let tally = Tally(ayes: next(1 << 58), nays: next(1 << 58), turnout: turnout)
            let sqrtT = integerSquareRoot(turnout), sqrtE = integerSquareRoot(electorate)
            #expect(sqrtT * sqrtT <= turnout && (sqrtT + 1) * (sqrtT + 1) > turnout)
            #expect(VoteThreshold.superMajorityApprove.approved(tally, electorate: electorate) == (tally.nays * sqrtE < tally.ayes * sqrtT))
            #expect(VoteThreshold.superMajorityAgainst.approved(tally, electorate: electorate) == (tally.nays * sqrtT < tally.ayes * sqrtE))
        }
        // Balances near UInt128.max compare without overflow.
        #expect(compareRationals(.max - 1, 3, .max, 3))
        #expect(!compareRationals(.max, 3, .max - 1, 3))
    }

    @Test func convictionWeightsAndLockPeriods() {
        let balance: UInt128 = 1_000
        #expect(Conviction.allCases.map { $0.votes(balance) } == [100, 1_000, 2_000, 3_000, 4_000, 5_000, 6_000])
        #expect(Conviction.allCases.map(\.lockPeriods) == [0, 1, 2, 4, 8, 16, 32])
        #expect(Conviction.locked6x.votes(.max) == .max)
        // Only a standard vote on the winning side stays locked.
        let aye = AccountVote.standard(vote: Vote(aye: true, conviction: .locked3x), balance: 10)
        #expect(aye.locked(ifApproved: true)?.periods == 4)
        #expect(aye.locked(ifApproved: false) == nil)
        #expect(AccountVote.split(aye: 1, nay: 2).locked(ifApproved: true) == nil)
        // The vote byte: 0x80 for aye plus the conviction; convictions above 6 are rejected.
        #expect(Vote(aye: true, conviction: .locked3x).scaleEncoded == [0x83])
        #expect(throws: ScaleError.self) { try Vote.decode(scale: [0x87]) }
    }

    @Test func lockDurationsFollowConviction() throws {
        for conviction in [Conviction.none, .locked1x, .locked2x] {
            var chain = try RuntimeHarness()
            let hash = try chain.notePreimage(System.Call.remark(remark: []))
            try chain.submit(Democracy.Call.propose(proposal: hash, value: 10 * pha), by: alice).check()
            try chain.advance(to: config.launchPeriod)
            try chain.submit(Democracy.Call.vote(refIndex: 0, vote: .standard(vote: Vote(aye: true, conviction: conviction), balance: 1_000_000 * pha)), by: dave).check()
            let end = config.launchPeriod + config.votingPeriod
            try chain.advance(to: end)
            try chain.submit(Democracy.Call.removeVote(index: 0), by: dave).check()
            let unlockAt = end + conviction.lockPeriods * config.voteLockingPeriod
            let voting = Democracy.votingOf.value(dave.accountId, in: chain.overlay)
            if chain.number < unlockAt {
                #expect(voting?.priorUntil == unlockAt && voting?.priorAmount == 1_000_000 * pha)
                try chain.advance(to: unlockAt - 2)
                try chain.submit(Democracy.Call.unlock(target: .id(dave.accountId)), by: dave).check()  // block unlockAt - 1: still locked
                #expect(Balances.account(dave.accountId, in: chain.overlay).frozen == 1_000_000 * pha, "conviction \(conviction)")
                try chain.submit(Democracy.Call.unlock(target: .id(dave.accountId)), by: dave).check()  // block unlockAt: expired
            } else {
                try chain.submit(Democracy.Call.unlock(target: .id(dave.accountId)), by: dave).check()
            }
            #expect(Balances.account(dave.accountId, in: chain.overlay).frozen == 0, "conviction \(conviction)")
        }
    }

    // MARK: - Council and treasury

    @Test func councilMotionApprovesASpendPaidAtTheNextSpendPeriod() throws {
        var chain = try RuntimeHarness()
        try chain.submit(Balances.Call.transferKeepAlive(dest: .id(Treasury.account), value: 1_000 * pha), by: alice).check()
        try chain.submit(Treasury.Call.proposeSpend(value: 100 * pha, beneficiary: .id(eve.accountId)), by: dave).check()
        #expect(Balances.account(dave.accountId, in: chain.overlay).reserved == 5 * pha)  // 5% bond
        #expect(Treasury.bond(for: 2 * pha) == pha)  // at least 1 PHA

        // One aye out of three is less than 3/5: the motion executes but the origin is refused.
        let weak = try chain.passMotion(Council.self, Treasury.Call.approveProposal(proposalId: 0), threshold: 1, voters: [alice])
        #expect(chain.emitted(Council.Event.executed(proposalHash: weak, result: .failure(.badOrigin))))
        #expect(Treasury.approvals.value(chain.overlay) == [])
        let approved = try chain.passMotion(Council.self, Treasury.Call.approveProposal(proposalId: 0), threshold: 2, voters: [alice, bob])
        #expect(chain.emitted(Council.Event.executed(proposalHash: approved, result: .success(ScaleUnit()))))
        #expect(Treasury.approvals.value(chain.overlay) == [0])

        let eveBefore = chain.account(eve).data.free
        let nextSpend = (chain.number / config.spendPeriod + 1) * config.spendPeriod
        try chain.advance(to: nextSpend - 1)
        #expect(chain.account(eve).data.free == eveBefore)
        try chain.advance(to: nextSpend)
        #expect(chain.account(eve).data.free == eveBefore + 100 * pha)
        #expect(Balances.account(dave.accountId, in: chain.overlay).reserved == 0)
        #expect(Treasury.proposals.get(0, in: chain.overlay) == nil)
        #expect(Treasury.approvals.value(chain.overlay) == [])
    }

    @Test func rejectedSpendSlashesTheBondToThePot() throws {
        var chain = try RuntimeHarness()
        try chain.submit(Treasury.Call.proposeSpend(value: 100 * pha, beneficiary: .id(eve.accountId)), by: dave).check()
        let pot = Balances.account(Treasury.account, in: chain.overlay).free
        let issuance = chain.totalIssuance
        let rejected = try chain.passMotion(Council.self, Treasury.Call.rejectProposal(proposalId: 0), threshold: 2, voters: [alice, bob])
        #expect(chain.emitted(Council.Event.executed(proposalHash: rejected, result: .success(ScaleUnit()))))
        #expect(Treasury.proposals.get(0, in: chain.overlay) == nil)
        #expect(Balances.account(dave.accountId, in: chain.overlay).reserved == 0)
        #expect(Balances.account(Treasury.account, in: chain.overlay).free >= pot + 5 * pha)
        #expect(chain.totalIssuance == issuance)
    }

    @Test func primeDefaultVoteDecidesAbstentionsAfterTheMotionDuration() throws {
        var chain = try RuntimeHarness()
        let setPrime = RuntimeCall(Council.Call.setMembers(newMembers: [alice, bob, charlie].map(\.accountId), prime: alice.accountId, oldCount: 3), in: chain.runtime)
        try chain.submit(Sudo.Call.sudo(call: setPrime), by: alice).check()
        let remark = RuntimeCall(Treasury.Call.spendLocal(amount: pha, beneficiary: .id(dave.accountId)), in: chain.runtime)
        let hash = EncodedCall(remark).hash
        try chain.submit(Council.Call.propose(threshold: 3, proposal: remark, lengthBound: 100), by: bob).check()
        try chain.submit(Council.Call.vote(proposal: hash, index: 0, approve: true), by: alice).check()
        #expect(try chain.submit(Council.Call.close(proposalHash: hash, index: 0, proposalWeightBound: motionWeightBound, lengthBound: 100), by: bob)
            == .failure(.module(index: 13, error: Council.Error.tooEarly.rawValue)))
        #expect(try chain.submit(Council.Call.vote(proposal: hash, index: 0, approve: true), by: dave)
            == .failure(.module(index: 13, error: Council.Error.notMember.rawValue)))
        #expect(try chain.submit(Council.Call.close(proposalHash: hash, index: 0, proposalWeightBound: .zero, lengthBound: 100), by: bob)
            == .failure(.module(index: 13, error: Council.Error.wrongProposalWeight.rawValue)))
        #expect(try chain.submit(Council.Call.close(proposalHash: hash, index: 0, proposalWeightBound: motionWeightBound, lengthBound: 2), by: bob)
            == .failure(.module(index: 13, error: Council.Error.wrongProposalLength.rawValue)))
        try chain.advance(to: chain.number + config.motionDuration)
        try chain.submit(Council.Call.close(proposalHash: hash, index: 0, proposalWeightBound: motionWeightBound, lengthBound: 100), by: dave).check()
        #expect(chain.emitted(Council.Event.closed(proposalHash: hash, yes: 3, no: 0)))
        #expect(chain.emitted(Council.Event.executed(proposalHash: hash, result: .success(ScaleUnit()))))
        #expect(Council.proposals.value(chain.overlay) == [])
        #expect(Treasury.approvals.value(chain.overlay) == [0])
    }

    @Test func feesArePaidIntoTheTreasuryPot() throws {
        var chain = try RuntimeHarness()
        #expect(Balances.account(Treasury.account, in: chain.overlay).free == Balances.existentialDeposit)
        let issuance = chain.totalIssuance
        let (outcomes, _) = try chain.block([chain.sign(System.Call.remark(remark: [1]), by: dave, tip: 5)])
        let fee = try outcomes[0].get().fee
        #expect(fee > 5)
        #expect(Balances.account(Treasury.account, in: chain.overlay).free == Balances.existentialDeposit + fee)
        #expect(chain.totalIssuance == issuance)
        #expect(Treasury.pot(in: chain.overlay) == fee)
    }

    // MARK: - Scheduler and preimages

    @Test func schedulerDispatchesNamedAndAnonymousTasksAsRoot() throws {
        var chain = try RuntimeHarness()
        let target = try KeyPair(uri: "//Target")
        let set = RuntimeCall(Balances.Call.forceSetBalance(who: .id(target.accountId), newFree: 3 * pha), in: chain.runtime)
        let id = H256(unchecked: blake2_256([1]))
        try chain.submit(Sudo.Call.sudo(call: RuntimeCall(Scheduler.Call.scheduleNamed(id: id, when: 5, priority: 0, call: set), in: chain.runtime)), by: alice).check()
        try chain.submit(Sudo.Call.sudo(call: RuntimeCall(Scheduler.Call.schedule(when: 6, priority: 0, call: set), in: chain.runtime)), by: alice).check()
        try chain.submit(Sudo.Call.sudo(call: RuntimeCall(Scheduler.Call.cancelNamed(id: id), in: chain.runtime)), by: alice).check()
        try chain.advance(to: 5)
        #expect(chain.account(target).data.free == 0)
        try chain.advance(to: 6)
        #expect(chain.account(target).data.free == 3 * pha)
    }

    @Test func preimageDepositIsReturnedOnUnnote() throws {
        var chain = try RuntimeHarness()
        let bytes: [UInt8] = [0, 0, 4, 1, 2, 3]
        let hash = H256(unchecked: blake2_256(bytes))
        try chain.submit(Preimage.Call.notePreimage(bytes: bytes), by: dave).check()
        #expect(Balances.account(dave.accountId, in: chain.overlay).reserved == config.preimageBaseDeposit + 6 * config.preimageByteDeposit)
        #expect(Preimage.fetch(hash, in: chain.overlay) == bytes)
        #expect(try chain.submit(Preimage.Call.notePreimage(bytes: bytes), by: eve) == .failure(.module(index: 11, error: Preimage.Error.alreadyNoted.rawValue)))
        #expect(try chain.submit(Preimage.Call.unnotePreimage(hash: hash), by: eve) == .failure(.module(index: 11, error: Preimage.Error.notAuthorized.rawValue)))
        try chain.submit(Preimage.Call.unnotePreimage(hash: hash), by: dave).check()
        #expect(Balances.account(dave.accountId, in: chain.overlay).reserved == 0)
        #expect(Preimage.fetch(hash, in: chain.overlay) == nil)
    }

    // MARK: - Origins

    @Test func originRequirementsCountCollectiveFractions() {
        let council = CollectiveBody.council, committee = CollectiveBody.technicalCommittee
        #expect(OriginRequirement.governance.allows(.root))
        #expect(OriginRequirement.governance.allows(.collective(body: council, ayes: 2, members: 3)))
        #expect(!OriginRequirement.governance.allows(.collective(body: council, ayes: 2, members: 4)))  // exactly half is not more
        #expect(!OriginRequirement.governance.allows(.collective(body: committee, ayes: 3, members: 3)))
        #expect(!OriginRequirement.governance.allows(.signed(RuntimeHarness.alice.accountId)))
        #expect(!OriginRequirement.governance.allows(.none))
        #expect(OriginRequirement.externalOrigin.allows(.collective(body: council, ayes: 2, members: 4)))  // at least half
        #expect(OriginRequirement.treasuryApproveOrigin.allows(.collective(body: council, ayes: 3, members: 5)))
        #expect(!OriginRequirement.treasuryApproveOrigin.allows(.collective(body: council, ayes: 2, members: 4)))
        #expect(OriginRequirement.fastTrackOrigin.allows(.collective(body: committee, ayes: 2, members: 3)))
        #expect(!OriginRequirement.instantOrigin.allows(.collective(body: committee, ayes: 2, members: 3)))
        #expect(!OriginRequirement.externalDefaultOrigin.allows(.collective(body: council, ayes: 0, members: 0)))
    }

    @Test func signedAccountsCannotMakePrivilegedCalls() throws {
        var chain = try RuntimeHarness()
        let hash = try chain.notePreimage(System.Call.remark(remark: []))
        try chain.submit(Democracy.Call.propose(proposal: hash, value: 10 * pha), by: alice).check()
        try chain.submit(Treasury.Call.proposeSpend(value: 10 * pha, beneficiary: .id(eve.accountId)), by: bob).check()
        try chain.advance(to: config.launchPeriod)  // referendum 0 ongoing
        try chain.submit(Democracy.Call.propose(proposal: hash, value: 10 * pha), by: alice).check()  // public proposal 1
        let remark = RuntimeCall(System.Call.remark(remark: []), in: chain.runtime)
        let members = [alice, bob].map(\.accountId)
        let calls: [(String, (RuntimeHarness) -> UncheckedExtrinsic)] = [
            ("emergency_cancel", { $0.sign(Democracy.Call.emergencyCancel(refIndex: 0), by: dave) }),
            ("external_propose", { $0.sign(Democracy.Call.externalPropose(proposal: hash), by: dave) }),
            ("external_propose_majority", { $0.sign(Democracy.Call.externalProposeMajority(proposal: hash), by: dave) }),
            ("external_propose_default", { $0.sign(Democracy.Call.externalProposeDefault(proposal: hash), by: dave) }),
            ("fast_track", { $0.sign(Democracy.Call.fastTrack(proposalHash: hash, votingPeriod: 5, delay: 1), by: dave) }),
            ("veto_external", { $0.sign(Democracy.Call.vetoExternal(proposalHash: hash), by: dave) }),
            ("cancel_referendum", { $0.sign(Democracy.Call.cancelReferendum(refIndex: 0), by: dave) }),
            ("blacklist", { $0.sign(Democracy.Call.blacklist(proposalHash: hash, maybeRefIndex: 0), by: dave) }),
            ("cancel_proposal", { $0.sign(Democracy.Call.cancelProposal(propIndex: 1), by: dave) }),
            ("council set_members", { $0.sign(Council.Call.setMembers(newMembers: members, prime: nil, oldCount: 3), by: alice) }),
            ("council disapprove_proposal", { $0.sign(Council.Call.disapproveProposal(proposalHash: hash), by: alice) }),
            ("tc set_members", { $0.sign(TechnicalCommittee.Call.setMembers(newMembers: members, prime: nil, oldCount: 3), by: alice) }),
            ("approve_proposal", { $0.sign(Treasury.Call.approveProposal(proposalId: 0), by: alice) }),
            ("reject_proposal", { $0.sign(Treasury.Call.rejectProposal(proposalId: 0), by: alice) }),
            ("spend_local", { $0.sign(Treasury.Call.spendLocal(amount: pha, beneficiary: .id(dave.accountId)), by: alice) }),
            ("remove_approval", { $0.sign(Treasury.Call.removeApproval(proposalId: 0), by: alice) }),
            ("schedule", { $0.sign(Scheduler.Call.schedule(when: 100, priority: 0, call: remark), by: alice) }),
            ("schedule_named", { $0.sign(Scheduler.Call.scheduleNamed(id: hash, when: 100, priority: 0, call: remark), by: alice) }),
            ("cancel", { $0.sign(Scheduler.Call.cancel(when: config.launchPeriod + config.votingPeriod + config.enactmentPeriod, index: 0), by: alice) }),
        ]
        for (name, make) in calls {
            // The same block without the call: hooks (launches, payouts) run in both.
            var baseline = chain
            _ = try baseline.block([])
            let (outcomes, _) = try chain.block([make(chain)])
            #expect(try outcomes[0].get().result == .failure(.badOrigin), "\(name)")
            #expect(chain.governanceStorage == baseline.governanceStorage, "\(name) changed governance storage")
        }
    }
}

/// The governance pallets in metadata, checked by scalecodec.
@Suite struct GovernanceMetadataTests {
    @Test func scalecodecSeesTheGovernancePalletsAndEncodesTheirCallsLikeUs() throws {
        let runtime = PhalanxRuntime.definition
        let bob = RuntimeHarness.bob.accountId
        let hash = H256(unchecked: blake2_256([1, 2, 3]))
        let remark = RuntimeCall(System.Call.remark(remark: [9]), in: runtime)
        let calls = [
            RuntimeCall(Democracy.Call.propose(proposal: hash, value: 10 * pha), in: runtime),
            RuntimeCall(Democracy.Call.vote(refIndex: 3, vote: .standard(vote: Vote(aye: true, conviction: .locked6x), balance: 5)), in: runtime),
            RuntimeCall(Democracy.Call.vote(refIndex: 3, vote: .split(aye: 1, nay: 2)), in: runtime),
            RuntimeCall(Democracy.Call.fastTrack(proposalHash: hash, votingPeriod: 3, delay: 1), in: runtime),
            RuntimeCall(Democracy.Call.delegate(to: .id(bob), conviction: .locked3x, balance: 7), in: runtime),
            RuntimeCall(Council.Call.propose(threshold: 2, proposal: remark, lengthBound: 100), in: runtime),
            RuntimeCall(TechnicalCommittee.Call.vote(proposal: hash, index: 1, approve: true), in: runtime),
            RuntimeCall(Treasury.Call.proposeSpend(value: 100 * pha, beneficiary: .id(bob)), in: runtime),
            RuntimeCall(Scheduler.Call.scheduleNamed(id: hash, when: 9, priority: 1, call: remark), in: runtime),
            RuntimeCall(Preimage.Call.notePreimage(bytes: [1, 2, 3]), in: runtime),
        ]
        let script = MetadataTests.loadMetadata + """
            def enc(module, fn, args):
                call = rc.create_scale_object("Call", metadata=md)
                return call.encode({"call_module": module, "call_function": fn, "call_args": args}).to_hex()[2:]
            h, bob = inp["hash"], inp["bob"]
            remark = {"call_module": "System", "call_function": "remark", "call_args": {"remark": "0x09"}}
            pallets = {p.name: p["index"].value for p in md.pallets}
            print(json.dumps({"pallets": pallets, "calls": [
                enc("Democracy", "propose", {"proposal": {"Legacy": {"hash": h}}, "value": 10 * 10**12}),
                enc("Democracy", "vote", {"ref_index": 3, "vote": {"Standard": {"vote": 0x86, "balance": 5}}}),
                enc("Democracy", "vote", {"ref_index": 3, "vote": {"Split": {"aye": 1, "nay": 2}}}),
                enc("Democracy", "fast_track", {"proposal_hash": h, "voting_period": 3, "delay": 1}),
                enc("Democracy", "delegate", {"to": bob, "conviction": "Locked3x", "balance": 7}),
                enc("Council", "propose", {"threshold": 2, "proposal": remark, "length_bound": 100}),
                enc("TechnicalCommittee", "vote", {"proposal": h, "index": 1, "approve": True}),
                enc("Treasury", "propose_spend", {"value": 100 * 10**12, "beneficiary": bob}),
                enc("Scheduler", "schedule_named", {"id": h, "when": 9, "priority": 1, "call": remark}),
                enc("Preimage", "note_preimage", {"bytes": "0x010203"}),
            ]}))
            """
        struct Output: Decodable {
            let pallets: [String: Int]
            let calls: [String]
        }
        let output = try PythonReference.json(
            script, input: ["metadata": MetadataTests.metadata.hex, "hash": "0x" + hash.bytes.hex, "bob": bob.ss58(prefix: 42)], as: Output.self)
        #expect(output.pallets["Scheduler"] == 10 && output.pallets["Preimage"] == 11 && output.pallets["Democracy"] == 12)
        #expect(output.pallets["Council"] == 13 && output.pallets["TechnicalCommittee"] == 14 && output.pallets["Treasury"] == 15)
        #expect(output.calls == calls.map(\.scaleEncoded.hex))
    }

    @Test func governanceCallWeightsAreBoundedEstimates() {
        let limit = Executive.maxBlockWeight.refTime / 100
        let weights = [
            DemocracyWeights.propose, DemocracyWeights.second, DemocracyWeights.vote, DemocracyWeights.removeVote, DemocracyWeights.unlock,
            DemocracyWeights.delegate, DemocracyWeights.privileged, CollectiveWeights.setMembers, CollectiveWeights.propose, CollectiveWeights.vote,
            CollectiveWeights.close, CollectiveWeights.disapprove, TreasuryWeights.proposeSpend, TreasuryWeights.rejectProposal,
            TreasuryWeights.approveProposal, TreasuryWeights.spendLocal, SchedulerWeights.schedule, SchedulerWeights.cancel,
            PreimageWeights.unnotePreimage, PreimageWeights.notePreimage(bytes: 1024),
        ]
        for weight in weights { #expect(weight.refTime > 0 && weight.refTime < limit) }
    }

    @Test func randomBytesNeverCrashTheGovernanceDecoders() {
        let runtime = PhalanxRuntime.definition
        var seed: UInt64 = 42
        for round in 0..<5_000 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let pallet = [UInt8]([10, 11, 12, 13, 14, 15])[Int(seed >> 61) % 6]
            let length = Int((seed >> 33) % 80)
            var bytes = [pallet, UInt8(truncatingIfNeeded: seed >> 20) % 18]
            for i in 0..<length { bytes.append(UInt8(truncatingIfNeeded: (seed &* UInt64(i + round + 1)) >> 29)) }
            var decoder = ScaleDecoder(bytes)
            _ = try? RuntimeCall(from: &decoder, runtime: runtime)
            _ = try? Voting.decode(scale: Array(bytes.dropFirst()))
            _ = try? ReferendumInfo.decode(scale: Array(bytes.dropFirst()))
            _ = try? [ScheduledTask?].decode(scale: Array(bytes.dropFirst()))
        }
    }
}
