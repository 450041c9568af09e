extension System {
    /// System's errors; the raw value is the index clients resolve through metadata.
    public enum Error: UInt8, PalletError {
        public typealias Owner = System
        /// The name of specification does not match between the current runtime and the new runtime.
        case invalidSpecName = 0
        /// The specification version is not allowed to decrease.
        case specVersionNeedsToIncrease
        /// Failed to extract the runtime version from the new runtime.
        case failedToExtractRuntimeVersion
        /// Suicide called when the account has non-default composite data.
        case nonDefaultComposite
        /// There is a non-zero reference count preventing the account from being purged.
        case nonZeroRefCount
        /// The origin filter prevents the call to be dispatched.
        case callFiltered

        public var name: String {
            switch self {
            case .invalidSpecName: "InvalidSpecName"
            case .specVersionNeedsToIncrease: "SpecVersionNeedsToIncrease"
            case .failedToExtractRuntimeVersion: "FailedToExtractRuntimeVersion"
            case .nonDefaultComposite: "NonDefaultComposite"
            case .nonZeroRefCount: "NonZeroRefCount"
            case .callFiltered: "CallFiltered"
            }
        }

        public var docs: String {
            switch self {
            case .invalidSpecName: "The name of specification does not match between the current runtime and the new runtime."
            case .specVersionNeedsToIncrease: "The specification version is not allowed to decrease between the current runtime and the new runtime."
            case .failedToExtractRuntimeVersion: "Failed to extract the runtime version from the new runtime."
            case .nonDefaultComposite: "Suicide called when the account has non-default composite data."
            case .nonZeroRefCount: "There is a non-zero reference count preventing the account from being purged."
            case .callFiltered: "The origin filter prevents the call to be dispatched."
            }
        }
    }
}
