extension Balances {
    /// Balances' errors, in Substrate's order (clients resolve them by index).
    public enum Error: UInt8, PalletError {
        public typealias Owner = Balances
        case vestingBalance = 0, liquidityRestrictions, insufficientBalance, existentialDeposit, expendability,
            existingVestingSchedule, deadAccount, tooManyReserves, tooManyHolds, tooManyFreezes, issuanceDeactivated, deltaZero

        public var name: String {
            switch self {
            case .vestingBalance: "VestingBalance"
            case .liquidityRestrictions: "LiquidityRestrictions"
            case .insufficientBalance: "InsufficientBalance"
            case .existentialDeposit: "ExistentialDeposit"
            case .expendability: "Expendability"
            case .existingVestingSchedule: "ExistingVestingSchedule"
            case .deadAccount: "DeadAccount"
            case .tooManyReserves: "TooManyReserves"
            case .tooManyHolds: "TooManyHolds"
            case .tooManyFreezes: "TooManyFreezes"
            case .issuanceDeactivated: "IssuanceDeactivated"
            case .deltaZero: "DeltaZero"
            }
        }

        public var docs: String {
            switch self {
            case .vestingBalance: "Vesting balance too high to send value."
            case .liquidityRestrictions: "Account liquidity restrictions prevent withdrawal."
            case .insufficientBalance: "Balance too low to send value."
            case .existentialDeposit: "Value too low to create account due to existential deposit."
            case .expendability: "Transfer/payment would kill account."
            case .existingVestingSchedule: "A vesting schedule already exists for this account."
            case .deadAccount: "Beneficiary account must pre-exist."
            case .tooManyReserves: "Number of named reserves exceed `MaxReserves`."
            case .tooManyHolds: "Number of holds exceed `VariantCountOf<T::RuntimeHoldReason>`."
            case .tooManyFreezes: "Number of freezes exceed `MaxFreezes`."
            case .issuanceDeactivated: "The issuance cannot be modified since it is already deactivated."
            case .deltaZero: "The delta cannot be zero."
            }
        }
    }
}
