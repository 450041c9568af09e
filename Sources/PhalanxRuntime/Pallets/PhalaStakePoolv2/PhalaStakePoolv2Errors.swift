extension PhalaStakePoolv2 {
    /// PhalaStakePoolv2's errors (Phala's names; indices are Phalanx's).
    public enum Error: UInt8, PalletError {
        public typealias Owner = PhalaStakePoolv2
        /// The worker is not registered in the registry when adding to the pool.
        case workerNotRegistered = 0
        /// The worker doesn't have a valid benchmark when adding to the pool.
        case benchmarkMissing
        /// The worker is already added to the pool.
        case workerExists
        /// The target worker is not in the pool.
        case workerDoesNotExist
        /// The worker is already added to another pool.
        case workerInAnotherPool
        /// The owner of the pool doesn't have the access to the worker.
        case unauthorizedOperator
        /// The caller is not the owner of the pool.
        case unauthorizedPoolOwner
        /// The stake capacity is set too low to cover the existing stake.
        case inadequateCapacity
        /// The stake added to a pool exceeds its capacity.
        case stakeExceedsCapacity
        /// The worker is cooling down and cannot start again until reclaimed.
        case workerIsCoolingDown
        /// The contributed stake is smaller than the minimum threshold.
        case insufficientContribution
        /// Trying to start computing with more stake than the pool's free stake.
        case insufficientFreeStake
        /// The pool has shares but no value (fully slashed); it takes no contributions.
        case poolBankrupt
        /// There's no reward to claim.
        case noRewardToClaim
        /// The pool has reached its worker limit.
        case workersExceedLimit
        /// The caller is not on the pool's contribution whitelist.
        case notInContributeWhitelist
        /// The vault is locked after a forced shutdown and cannot invest.
        case vaultIsLocked
        /// The slash amount is zero (or the pool has no value).
        case invalidSlashAmount
        /// The slash reason is longer than 256 bytes.
        case reasonTooLong
        /// Restarting needs an empty withdraw queue.
        case withdrawQueueNotEmpty
        /// Restarting needs more stake than the stake released.
        case invalidRestartStake

        public var name: String {
            switch self {
            case .workerNotRegistered: "WorkerNotRegistered"
            case .benchmarkMissing: "BenchmarkMissing"
            case .workerExists: "WorkerExists"
            case .workerDoesNotExist: "WorkerDoesNotExist"
            case .workerInAnotherPool: "WorkerInAnotherPool"
            case .unauthorizedOperator: "UnauthorizedOperator"
            case .unauthorizedPoolOwner: "UnauthorizedPoolOwner"
            case .inadequateCapacity: "InadequateCapacity"
            case .stakeExceedsCapacity: "StakeExceedsCapacity"
            case .workerIsCoolingDown: "WorkerIsCoolingDown"
            case .insufficientContribution: "InsufficientContribution"
            case .insufficientFreeStake: "InsufficientFreeStake"
            case .poolBankrupt: "PoolBankrupt"
            case .noRewardToClaim: "NoRewardToClaim"
            case .workersExceedLimit: "WorkersExceedLimit"
            case .notInContributeWhitelist: "NotInContributeWhitelist"
            case .vaultIsLocked: "VaultIsLocked"
            case .invalidSlashAmount: "InvalidSlashAmount"
            case .reasonTooLong: "ReasonTooLong"
            case .withdrawQueueNotEmpty: "WithdrawQueueNotEmpty"
            case .invalidRestartStake: "InvalidRestartStake"
            }
        }

        public var docs: String {
            switch self {
            case .workerNotRegistered: "The worker is not registered in the registry when adding to the pool."
            case .benchmarkMissing: "The worker doesn't have a valid benchmark when adding to the pool."
            case .workerExists: "The worker is already added to the pool."
            case .workerDoesNotExist: "The target worker is not in the pool."
            case .workerInAnotherPool: "The worker is already added to another pool."
            case .unauthorizedOperator: "The owner of the pool doesn't have the access to the worker."
            case .unauthorizedPoolOwner: "The caller is not the owner of the pool."
            case .inadequateCapacity: "The stake capacity is set too low to cover the existing stake."
            case .stakeExceedsCapacity: "The stake added to a pool exceeds its capacity."
            case .workerIsCoolingDown: "The worker is cooling down and cannot start again until reclaimed."
            case .insufficientContribution: "The contributed stake is smaller than the minimum threshold."
            case .insufficientFreeStake: "Trying to start computing with more stake than the pool's free stake."
            case .poolBankrupt: "The pool has shares but no value (fully slashed); it takes no contributions."
            case .noRewardToClaim: "There's no reward to claim."
            case .workersExceedLimit: "The pool has reached its worker limit."
            case .notInContributeWhitelist: "The caller is not on the pool's contribution whitelist."
            case .vaultIsLocked: "The vault is locked after a forced shutdown and cannot invest."
            case .invalidSlashAmount: "The slash amount is zero (or the pool has no value)."
            case .reasonTooLong: "The slash reason is longer than 256 bytes."
            case .withdrawQueueNotEmpty: "Restarting needs an empty withdraw queue."
            case .invalidRestartStake: "Restarting needs more stake than the stake released."
            }
        }
    }
}
