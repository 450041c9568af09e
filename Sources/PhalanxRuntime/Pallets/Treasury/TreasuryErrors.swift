extension Treasury {
    /// Treasury's errors, in Substrate's order.
    public enum Error: UInt8, PalletError {
        public typealias Owner = Treasury
        /// Proposer's balance is too low.
        case insufficientProposersBalance = 0
        /// No proposal, bounty or spend at that index.
        case invalidIndex
        /// Too many approvals in the queue.
        case tooManyApprovals
        /// The spend origin is valid but the amount it is allowed to spend is lower than the amount to be spent.
        case insufficientPermission
        /// Proposal has not been approved.
        case proposalNotApproved

        public var name: String {
            ["InsufficientProposersBalance", "InvalidIndex", "TooManyApprovals", "InsufficientPermission", "ProposalNotApproved"][Int(rawValue)]
        }

        public var docs: String {
            switch self {
            case .insufficientProposersBalance: "Proposer's balance is too low."
            case .invalidIndex: "No proposal, bounty or spend at that index."
            case .tooManyApprovals: "Too many approvals in the queue."
            case .insufficientPermission: "The spend origin is valid but the amount it is allowed to spend is lower than the amount to be spent."
            case .proposalNotApproved: "Proposal has not been approved."
            }
        }
    }
}
