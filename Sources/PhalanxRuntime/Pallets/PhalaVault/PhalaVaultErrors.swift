extension PhalaVault {
    /// PhalaVault's errors (Phala's names; indices are Phalanx's).
    public enum Error: UInt8, PalletError {
        public typealias Owner = PhalaVault
        /// The caller is not the owner of the vault.
        case unauthorizedPoolOwner = 0
        /// The contributed stake is smaller than the minimum threshold.
        case insufficientContribution
        /// The caller is not on the vault's contribution whitelist.
        case notInContributeWhitelist
        /// The vault has shares but no value left.
        case poolBankrupt
        /// The owner has fewer fee shares than requested.
        case noEnoughShareToClaim

        public var name: String {
            switch self {
            case .unauthorizedPoolOwner: "UnauthorizedPoolOwner"
            case .insufficientContribution: "InsufficientContribution"
            case .notInContributeWhitelist: "NotInContributeWhitelist"
            case .poolBankrupt: "PoolBankrupt"
            case .noEnoughShareToClaim: "NoEnoughShareToClaim"
            }
        }

        public var docs: String {
            switch self {
            case .unauthorizedPoolOwner: "The caller is not the owner of the vault."
            case .insufficientContribution: "The contributed stake is smaller than the minimum threshold."
            case .notInContributeWhitelist: "The caller is not on the vault's contribution whitelist."
            case .poolBankrupt: "The vault has shares but no value left."
            case .noEnoughShareToClaim: "The owner has fewer fee shares than requested."
            }
        }
    }
}
