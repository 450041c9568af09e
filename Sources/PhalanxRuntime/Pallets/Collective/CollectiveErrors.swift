extension Collective {
    /// The collectives' errors, in Substrate's order.
    public enum Error: UInt8, PalletError {
        public typealias Owner = Collective<I>
        case notMember = 0, duplicateProposal, proposalMissing, wrongIndex, duplicateVote, alreadyInitialized, tooEarly,
            tooManyProposals, wrongProposalWeight, wrongProposalLength, primeAccountNotMember

        private static var table: [(String, String)] {
            [
                ("NotMember", "Account is not a member"),
                ("DuplicateProposal", "Duplicate proposals not allowed"),
                ("ProposalMissing", "Proposal must exist"),
                ("WrongIndex", "Mismatched index"),
                ("DuplicateVote", "Duplicate vote ignored"),
                ("AlreadyInitialized", "Members are already initialized!"),
                ("TooEarly", "The close call was made too early, before the end of the voting."),
                ("TooManyProposals", "There can only be a maximum of `MaxProposals` active proposals."),
                ("WrongProposalWeight", "The given weight bound for the proposal was too low."),
                ("WrongProposalLength", "The given length bound for the proposal was too low."),
                ("PrimeAccountNotMember", "Prime account is not a member"),
            ]
        }

        public var name: String { Self.table[Int(rawValue)].0 }
        public var docs: String { Self.table[Int(rawValue)].1 }
    }
}
