import PhalanxPrimitives

/// Why a transaction is not valid now (`sp_runtime::transaction_validity::InvalidTransaction`).
public enum InvalidTransaction: Hashable, Sendable {
    /// The call is not allowed (e.g. an inherent sent as a transaction).
    case call
    /// The sender cannot pay the fee.
    case payment
    /// The nonce is ahead of the account's: valid later.
    case future
    /// The nonce was already used.
    case stale
    /// The signature does not verify (wrong key, genesis, spec or transaction version).
    case badProof
    /// The mortal era's birth block is unknown or too old.
    case ancientBirthBlock
    /// The block has no room for it.
    case exhaustsResources
    /// A pallet-specific reason.
    case custom(UInt8)
    /// A mandatory (inherent) dispatch failed.
    case badMandatory
    /// A mandatory call was sent as a transaction.
    case mandatoryValidation
    /// The signer is not allowed (e.g. the all-zero account).
    case badSigner

    /// Substrate's wording, used in JSON-RPC error data.
    public var message: String {
        switch self {
        case .call: "Transaction call is not expected"
        case .payment: "Inability to pay some fees (e.g. account balance too low)"
        case .future: "Transaction will be valid in the future"
        case .stale: "Transaction is outdated"
        case .badProof: "Transaction has a bad signature"
        case .ancientBirthBlock: "Transaction has an ancient birth block"
        case .exhaustsResources: "Transaction would exhaust the block limits"
        case .custom(let code): "Custom error: \(code)"
        case .badMandatory: "A call was labelled as mandatory, but resulted in an Error."
        case .mandatoryValidation: "Transaction dispatch is mandatory; transactions must not be validated."
        case .badSigner: "Invalid signing address"
        }
    }
}

/// A transaction validity failure (`TransactionValidityError`).
public enum TransactionValidityError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Definitely invalid.
    case invalid(InvalidTransaction)
    /// Validity could not be determined (e.g. the call could not be decoded).
    case unknown(String)

    public var description: String {
        switch self {
        case .invalid(let reason): reason.message
        case .unknown(let reason): "Could not determine validity: \(reason)"
        }
    }
}

/// A transaction the pool may hold (`ValidTransaction`): ordering and dependency tags.
public struct ValidTransaction: Hashable, Sendable {
    /// Higher goes first (tip-based).
    public var priority: UInt64
    /// Tags that must be provided by earlier transactions (the sender's previous nonce).
    public var requires: [[UInt8]]
    /// Tags this transaction provides (sender and nonce).
    public var provides: [[UInt8]]
    /// Blocks it stays valid for.
    public var longevity: UInt64

    /// A valid transaction's pool parameters.
    public init(priority: UInt64, requires: [[UInt8]], provides: [[UInt8]], longevity: UInt64) {
        self.priority = priority
        self.requires = requires
        self.provides = provides
        self.longevity = longevity
    }
}
