extension PhalaBasePool {
    /// PhalaBasePool's errors (names as Phala's `base_pool`).
    public enum Error: UInt8, PalletError {
        public typealias Owner = PhalaBasePool
        /// The pool does not exist.
        case poolDoesNotExist = 0
        /// The withdrawal amount is invalid (zero).
        case invalidWithdrawalAmount
        /// The share amount to withdraw or mint is invalid.
        case invalidShareToWithdraw
        /// The pool has shares but no value left; it cannot take contributions.
        case poolBankrupt
        /// The caller is not the pool owner.
        case unauthorizedPoolOwner
        /// The staker is already whitelisted.
        case alreadyInContributeWhitelist
        /// The staker is not whitelisted.
        case notInContributeWhitelist
        /// The whitelist is full.
        case exceedWhitelistMaxLen
        /// The pool is not of the expected kind (stake pool or vault).
        case poolTypeNotMatch

        public var name: String {
            switch self {
            case .poolDoesNotExist: "PoolDoesNotExist"
            case .invalidWithdrawalAmount: "InvalidWithdrawalAmount"
            case .invalidShareToWithdraw: "InvalidShareToWithdraw"
            case .poolBankrupt: "PoolBankrupt"
            case .unauthorizedPoolOwner: "UnauthorizedPoolOwner"
            case .alreadyInContributeWhitelist: "AlreadyInContributeWhitelist"
            case .notInContributeWhitelist: "NotInContributeWhitelist"
            case .exceedWhitelistMaxLen: "ExceedWhitelistMaxLen"
            case .poolTypeNotMatch: "PoolTypeNotMatch"
            }
        }

        public var docs: String {
            switch self {
            case .poolDoesNotExist: "The pool does not exist."
            case .invalidWithdrawalAmount: "The withdrawal amount is invalid (zero)."
            case .invalidShareToWithdraw: "The share amount to withdraw or mint is invalid."
            case .poolBankrupt: "The pool has shares but no value left; it cannot take contributions."
            case .unauthorizedPoolOwner: "The caller is not the pool owner."
            case .alreadyInContributeWhitelist: "The staker is already whitelisted."
            case .notInContributeWhitelist: "The staker is not whitelisted."
            case .exceedWhitelistMaxLen: "The whitelist is full."
            case .poolTypeNotMatch: "The pool is not of the expected kind (stake pool or vault)."
            }
        }
    }
}
