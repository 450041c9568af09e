extension PhalaComputation {
    /// PhalaComputation's errors (names as Phala's `computation` pallet).
    public enum Error: UInt8, PalletError {
        public typealias Owner = PhalaComputation
        /// The transaction is sent by an unauthorized sender.
        case badSender = 0
        /// Deprecated.
        case invalidMessage
        /// The worker is not registered in the registry.
        case workerNotRegistered
        /// Deprecated.
        case gatekeeperNotRegistered
        /// Not permitted because the session is already bound with another worker.
        case duplicateBoundSession
        /// There's no benchmark result on the blockchain.
        case benchmarkMissing
        /// Session not found.
        case sessionNotFound
        /// Not permitted because the session is not bound with a worker.
        case sessionNotBound
        /// Worker is not in `Ready` state to proceed.
        case workerNotReady
        /// Worker is not in `Computation` state to stop computing.
        case workerNotComputing
        /// Not permitted because the worker is not bound with a worker account.
        case workerNotBound
        /// Cannot reclaim the worker because it's still in cooldown period.
        case coolDownNotReady
        /// Cannot start computing because there's too little stake.
        case insufficientStake
        /// Cannot start computing because there's too much stake (exceeds Vmax).
        case tooMuchStake
        /// Internal error. The tokenomic parameter is not set.
        case internalErrorBadTokenomicParameters
        /// Not permitted because the worker is already bound with another session account.
        case duplicateBoundWorker
        /// Indicating the initial benchmark score is too low to start computing.
        case benchmarkTooLow
        /// Internal error. A worker should never start with existing stake in the storage.
        case internalErrorCannotStartWithExistingStake
        /// The session is not cooling down.
        case workerNotCoolingDown
        /// The caller is not the worker's operator.
        case notWorkerOperator
        /// A heartbeat report is malformed, from an unbound worker, or for another session.
        case invalidReport

        public var name: String {
            switch self {
            case .badSender: "BadSender"
            case .invalidMessage: "InvalidMessage"
            case .workerNotRegistered: "WorkerNotRegistered"
            case .gatekeeperNotRegistered: "GatekeeperNotRegistered"
            case .duplicateBoundSession: "DuplicateBoundSession"
            case .benchmarkMissing: "BenchmarkMissing"
            case .sessionNotFound: "SessionNotFound"
            case .sessionNotBound: "SessionNotBound"
            case .workerNotReady: "WorkerNotReady"
            case .workerNotComputing: "WorkerNotComputing"
            case .workerNotBound: "WorkerNotBound"
            case .coolDownNotReady: "CoolDownNotReady"
            case .insufficientStake: "InsufficientStake"
            case .tooMuchStake: "TooMuchStake"
            case .internalErrorBadTokenomicParameters: "InternalErrorBadTokenomicParameters"
            case .duplicateBoundWorker: "DuplicateBoundWorker"
            case .benchmarkTooLow: "BenchmarkTooLow"
            case .internalErrorCannotStartWithExistingStake: "InternalErrorCannotStartWithExistingStake"
            case .workerNotCoolingDown: "WorkerNotCoolingDown"
            case .notWorkerOperator: "NotWorkerOperator"
            case .invalidReport: "InvalidReport"
            }
        }

        public var docs: String {
            switch self {
            case .badSender: "The transaction is sent by an unauthorized sender."
            case .invalidMessage: "Deprecated."
            case .workerNotRegistered: "The worker is not registered in the registry."
            case .gatekeeperNotRegistered: "Deprecated."
            case .duplicateBoundSession: "Not permitted because the session is already bound with another worker."
            case .benchmarkMissing: "There's no benchmark result on the blockchain."
            case .sessionNotFound: "Session not found."
            case .sessionNotBound: "Not permitted because the session is not bound with a worker."
            case .workerNotReady: "Worker is not in `Ready` state to proceed."
            case .workerNotComputing: "Worker is not in `Computation` state to stop computing."
            case .workerNotBound: "Not permitted because the worker is not bound with a worker account."
            case .coolDownNotReady: "Cannot reclaim the worker because it's still in cooldown period."
            case .insufficientStake: "Cannot start computing because there's too little stake."
            case .tooMuchStake: "Cannot start computing because there's too much stake (exceeds Vmax)."
            case .internalErrorBadTokenomicParameters: "Internal error. The tokenomic parameter is not set."
            case .duplicateBoundWorker: "Not permitted because the worker is already bound with another session account."
            case .benchmarkTooLow: "Indicating the initial benchmark score is too low to start computing."
            case .internalErrorCannotStartWithExistingStake: "Internal error. A worker should never start with existing stake in the storage."
            case .workerNotCoolingDown: "The session is not cooling down."
            case .notWorkerOperator: "The caller is not the worker's operator."
            case .invalidReport: "A heartbeat report is malformed, from an unbound worker, or for another session."
            }
        }
    }
}
