extension Democracy {
    /// Democracy's errors, in Substrate's order (clients resolve them by index).
    public enum Error: UInt8, PalletError {
        public typealias Owner = Democracy
        case valueLow = 0, proposalMissing, alreadyCanceled, duplicateProposal, proposalBlacklisted, notSimpleMajority, invalidHash,
            noProposal, alreadyVetoed, referendumInvalid, noneWaiting, notVoter, noPermission, alreadyDelegating, insufficientFunds,
            notDelegating, votesExist, instantNotAllowed, nonsense, wrongUpperBound, maxVotesReached, tooMany, votingPeriodLow,
            preimageNotExist

        private static let table: [(String, String)] = [
            ("ValueLow", "Value too low"),
            ("ProposalMissing", "Proposal does not exist"),
            ("AlreadyCanceled", "Cannot cancel the same proposal twice"),
            ("DuplicateProposal", "Proposal already made"),
            ("ProposalBlacklisted", "Proposal still blacklisted"),
            ("NotSimpleMajority", "Next external proposal not simple majority"),
            ("InvalidHash", "Invalid hash"),
            ("NoProposal", "No external proposal"),
            ("AlreadyVetoed", "Identity may not veto a proposal twice"),
            ("ReferendumInvalid", "Vote given for invalid referendum"),
            ("NoneWaiting", "No proposals waiting"),
            ("NotVoter", "The given account did not vote on the referendum."),
            ("NoPermission", "The actor has no permission to conduct the action."),
            ("AlreadyDelegating", "The account is already delegating."),
            ("InsufficientFunds", "Too high a balance was provided that the account cannot afford."),
            ("NotDelegating", "The account is not currently delegating."),
            ("VotesExist", "The account currently has votes attached to it and the operation cannot succeed until these are removed."),
            ("InstantNotAllowed", "The instant referendum origin is currently disallowed."),
            ("Nonsense", "Delegation to oneself makes no sense."),
            ("WrongUpperBound", "Invalid upper bound."),
            ("MaxVotesReached", "Maximum number of votes reached."),
            ("TooMany", "Maximum number of items reached."),
            ("VotingPeriodLow", "Voting period too low"),
            ("PreimageNotExist", "The preimage does not exist."),
        ]

        public var name: String { Self.table[Int(rawValue)].0 }
        public var docs: String { Self.table[Int(rawValue)].1 }
    }
}
