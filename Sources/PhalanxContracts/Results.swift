import PhalanxPrimitives

/// A two-dimensional weight, as in `sp_weights::Weight`: execution time in picoseconds and proof size in bytes.
/// SCALE: `Compact<u64>` ref_time followed by `Compact<u64>` proof_size.
public struct Weight: Hashable, Sendable, ScaleCodable, CustomStringConvertible {
    /// Execution time (picoseconds in Substrate's convention).
    public var refTime: UInt64
    /// Proof size (bytes).
    public var proofSize: UInt64

    public init(refTime: UInt64, proofSize: UInt64) {
        self.refTime = refTime
        self.proofSize = proofSize
    }

    /// No weight.
    public static let zero = Weight(refTime: 0, proofSize: 0)

    public func encode(to encoder: inout ScaleEncoder) {
        encoder.encodeCompact(refTime)
        encoder.encodeCompact(proofSize)
    }

    public init(from decoder: inout ScaleDecoder) throws {
        refTime = try decoder.decodeCompact(UInt64.self)
        proofSize = try decoder.decodeCompact(UInt64.self)
    }

    public var description: String { "Weight(refTime: \(refTime), proofSize: \(proofSize))" }
}

/// The storage-deposit outcome of an execution (`pallet_contracts::StorageDeposit`): `0 Refund(u128) | 1 Charge(u128)`.
public enum StorageDeposit: Hashable, Sendable, ScaleCodable {
    /// Deposit released to the origin.
    case refund(UInt128)
    /// Deposit taken from the origin.
    case charge(UInt128)

    /// Builds the outcome of a signed deposit change.
    public init(delta: Int128) {
        self = delta < 0 ? .refund(UInt128(-delta)) : .charge(UInt128(delta))
    }

    /// The signed change: positive for a charge.
    public var delta: Int128 {
        switch self {
        case .refund(let value): -Int128(value)
        case .charge(let value): Int128(value)
        }
    }

    public func encode(to encoder: inout ScaleEncoder) {
        switch self {
        case .refund(let value):
            encoder.encodeVariant(index: 0)
            encoder.encode(value)
        case .charge(let value):
            encoder.encodeVariant(index: 1)
            encoder.encode(value)
        }
    }

    public init(from decoder: inout ScaleDecoder) throws {
        switch try decoder.readVariantIndex() {
        case 0: self = .refund(try decoder.decode(UInt128.self))
        case 1: self = .charge(try decoder.decode(UInt128.self))
        default: throw ContractCodecError.invalidVariant
        }
    }
}

/// Errors decoding the result types.
public enum ContractCodecError: Error, Sendable, Equatable {
    /// An enum index that the type does not define.
    case invalidVariant
}

/// Flags of `seal_return` (`pallet_contracts_uapi::ReturnFlags`). `REVERT` is the only defined bit.
public struct ReturnFlags: OptionSet, Hashable, Sendable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }
    /// Roll back the frame's state changes but still return the data.
    public static let revert = ReturnFlags(rawValue: 1)
}

/// Flags of `seal1.call`, `seal2.call` and `delegate_call` (`pallet_contracts_uapi::CallFlags`).
public struct CallFlags: OptionSet, Hashable, Sendable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }
    /// Pass the caller's input to the callee and consume it.
    public static let forwardInput = CallFlags(rawValue: 0x01)
    /// Pass a copy of the caller's input to the callee.
    public static let cloneInput = CallFlags(rawValue: 0x02)
    /// The callee's successful result becomes the caller's result.
    public static let tailCall = CallFlags(rawValue: 0x04)
    /// Allow the callee chain to re-enter the caller.
    public static let allowReentry = CallFlags(rawValue: 0x08)
    /// The callee and everything below it may not change state.
    public static let readOnly = CallFlags(rawValue: 0x10)
    /// Every defined bit.
    public static let all: CallFlags = [.forwardInput, .cloneInput, .tailCall, .allowReentry, .readOnly]
}

/// What a contract frame returned (`pallet_contracts::ExecReturnValue`): flags as u32 LE, then `Vec<u8>` data.
public struct ExecReturnValue: Hashable, Sendable, ScaleCodable {
    /// The flags passed to `seal_return` (0 on a plain return).
    public var flags: ReturnFlags
    /// The data passed to `seal_return` (empty on a plain return).
    public var data: [UInt8]

    public init(flags: ReturnFlags = [], data: [UInt8] = []) {
        self.flags = flags
        self.data = data
    }

    /// Whether the contract asked for its changes to be rolled back.
    public var didRevert: Bool { flags.contains(.revert) }

    public func encode(to encoder: inout ScaleEncoder) {
        encoder.encode(flags.rawValue)
        encoder.encode(data)
    }

    public init(from decoder: inout ScaleDecoder) throws {
        flags = ReturnFlags(rawValue: try decoder.decode(UInt32.self))
        data = try decoder.decode([UInt8].self)
    }
}

/// A contract instantiation's outcome (`InstantiateReturnValue<AccountId>`).
public struct InstantiateReturnValue: Hashable, Sendable, ScaleCodable {
    /// What the constructor returned.
    public var result: ExecReturnValue
    /// The new contract's address.
    public var accountId: AccountId32

    public init(result: ExecReturnValue, accountId: AccountId32) {
        self.result = result
        self.accountId = accountId
    }

    public func encode(to encoder: inout ScaleEncoder) {
        encoder.encode(result)
        encoder.encode(accountId)
    }

    public init(from decoder: inout ScaleDecoder) throws {
        result = try decoder.decode(ExecReturnValue.self)
        accountId = try decoder.decode(AccountId32.self)
    }
}

/// pallet-contracts' module errors. The raw value is the error's index in pallet-contracts 40.1.0
/// (`Module { index, error: [raw, 0, 0, 0] }`), which is also its stable code in Phalanx.
public enum ContractError: UInt8, Error, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    /// The schedule is invalid.
    case invalidSchedule = 0
    /// Undefined bits in call or return flags, or flags not allowed here.
    case invalidCallFlags = 1
    /// The gas limit was exhausted.
    case outOfGas = 2
    /// An output buffer was too small for the data.
    case outputBufferTooSmall = 3
    /// A balance transfer failed.
    case transferFailed = 4
    /// The call stack is full.
    case maxCallDepthReached = 5
    /// No contract at that address.
    case contractNotFound = 6
    /// The code exceeds the size limit.
    case codeTooLarge = 7
    /// No code under that hash.
    case codeNotFound = 8
    /// Code metadata is missing.
    case codeInfoNotFound = 9
    /// A guest pointer or length is outside linear memory.
    case outOfBounds = 10
    /// Guest data did not decode.
    case decodingFailed = 11
    /// The contract trapped.
    case contractTrapped = 12
    /// A storage value or payload exceeds its limit.
    case valueTooLarge = 13
    /// `terminate` while the contract is on the call stack more than once.
    case terminatedWhileReentrant = 14
    /// `input` after the input was forwarded.
    case inputForwarded = 15
    /// `random` subject longer than 32 bytes.
    case randomSubjectTooLong = 16
    /// More event topics than allowed.
    case tooManyTopics = 17
    /// No chain extension under that id.
    case noChainExtension = 18
    /// XCM decoding failed.
    case xcmDecodeFailed = 19
    /// A contract already lives at the derived address.
    case duplicateContract = 20
    /// `terminate` inside a constructor.
    case terminatedInConstructor = 21
    /// Re-entry into a contract that did not allow it.
    case reentranceDenied = 22
    /// A state change inside a read-only call.
    case stateChangeDenied = 23
    /// The origin cannot pay the storage deposit.
    case storageDepositNotEnoughFunds = 24
    /// The storage deposit exceeds its limit.
    case storageDepositLimitExhausted = 25
    /// The code is still used by a contract.
    case codeInUse = 26
    /// The contract reverted (extrinsic form only; dry runs return `Ok` with the REVERT flag).
    case contractReverted = 27
    /// The code failed validation.
    case codeRejected = 28
    /// Indeterministic code used where determinism is required.
    case indeterministic = 29

    public var description: String {
        switch self {
        case .invalidSchedule: "InvalidSchedule"
        case .invalidCallFlags: "InvalidCallFlags"
        case .outOfGas: "OutOfGas"
        case .outputBufferTooSmall: "OutputBufferTooSmall"
        case .transferFailed: "TransferFailed"
        case .maxCallDepthReached: "MaxCallDepthReached"
        case .contractNotFound: "ContractNotFound"
        case .codeTooLarge: "CodeTooLarge"
        case .codeNotFound: "CodeNotFound"
        case .codeInfoNotFound: "CodeInfoNotFound"
        case .outOfBounds: "OutOfBounds"
        case .decodingFailed: "DecodingFailed"
        case .contractTrapped: "ContractTrapped"
        case .valueTooLarge: "ValueTooLarge"
        case .terminatedWhileReentrant: "TerminatedWhileReentrant"
        case .inputForwarded: "InputForwarded"
        case .randomSubjectTooLong: "RandomSubjectTooLong"
        case .tooManyTopics: "TooManyTopics"
        case .noChainExtension: "NoChainExtension"
        case .xcmDecodeFailed: "XCMDecodeFailed"
        case .duplicateContract: "DuplicateContract"
        case .terminatedInConstructor: "TerminatedInConstructor"
        case .reentranceDenied: "ReentranceDenied"
        case .stateChangeDenied: "StateChangeDenied"
        case .storageDepositNotEnoughFunds: "StorageDepositNotEnoughFunds"
        case .storageDepositLimitExhausted: "StorageDepositLimitExhausted"
        case .codeInUse: "CodeInUse"
        case .contractReverted: "ContractReverted"
        case .codeRejected: "CodeRejected"
        case .indeterministic: "Indeterministic"
        }
    }
}

/// `sp_runtime::DispatchError`, restricted to the variants the contract runtime produces.
public enum DispatchError: Error, Hashable, Sendable, ScaleCodable, CustomStringConvertible {
    /// `0 Other` (the message is not encoded, as in Substrate).
    case other
    /// `3 Module { index: u8, error: [u8; 4] }` for a pallet-contracts error.
    case module(index: UInt8, error: ContractError)

    /// The contract error, if this is one.
    public var contractError: ContractError? {
        if case .module(_, let error) = self { return error }
        return nil
    }

    public func encode(to encoder: inout ScaleEncoder) {
        switch self {
        case .other:
            encoder.encodeVariant(index: 0)
        case .module(let index, let error):
            encoder.encodeVariant(index: 3)
            encoder.append(index)
            encoder.append([error.rawValue, 0, 0, 0])
        }
    }

    public init(from decoder: inout ScaleDecoder) throws {
        switch try decoder.readVariantIndex() {
        case 0: self = .other
        case 3:
            let index = try decoder.readByte()
            let raw = try decoder.readBytes(4)
            guard let error = ContractError(rawValue: raw[0]) else { throw ContractCodecError.invalidVariant }
            self = .module(index: index, error: error)
        default: throw ContractCodecError.invalidVariant
        }
    }

    public var description: String {
        switch self {
        case .other: "Other"
        case .module(_, let error): error.description
        }
    }
}

/// An event a contract deposited (`Contracts::ContractEmitted { contract, data }` plus the record's topics).
public struct ContractEvent: Hashable, Sendable {
    /// The emitting contract.
    public var contract: AccountId32
    /// The topics (at most `Schedule.maxEventTopics`).
    public var topics: [H256]
    /// The event payload (SCALE, as the contract encoded it).
    public var data: [UInt8]

    public init(contract: AccountId32, topics: [H256], data: [UInt8]) {
        self.contract = contract
        self.topics = topics
        self.data = data
    }
}

/// `pallet_contracts::ContractResult<Result<R, DispatchError>, Balance, EventRecord>`.
///
/// SCALE layout (substrate-compat.md §5.3): `gas_consumed: Weight ‖ gas_required: Weight ‖ storage_deposit ‖
/// debug_message: Vec<u8> ‖ result: Result<R, DispatchError> ‖ events: Option<Vec<EventRecord>>`. The events are kept
/// in ``events`` for the host, but encoded as `None` (`0x00`): an `EventRecord` is a chain-runtime type.
public struct ContractResult<R: ScaleEncodable & Hashable & Sendable>: Hashable, Sendable, ScaleEncodable {
    /// Weight actually consumed.
    public var gasConsumed: Weight
    /// Weight needed as a gas limit for the same call to succeed.
    public var gasRequired: Weight
    /// Storage deposit charged or refunded.
    public var storageDeposit: StorageDeposit
    /// UTF-8 text from `debug_message`.
    public var debugMessage: [UInt8]
    /// The outcome.
    public var result: Result<R, DispatchError>
    /// Events deposited (empty unless the execution succeeded and did not revert).
    public var events: [ContractEvent]

    public init(
        gasConsumed: Weight, gasRequired: Weight, storageDeposit: StorageDeposit, debugMessage: [UInt8],
        result: Result<R, DispatchError>, events: [ContractEvent]
    ) {
        self.gasConsumed = gasConsumed
        self.gasRequired = gasRequired
        self.storageDeposit = storageDeposit
        self.debugMessage = debugMessage
        self.result = result
        self.events = events
    }

    /// The debug buffer as text.
    public var debugText: String { String(decoding: debugMessage, as: UTF8.self) }

    /// Encodes in the current pallet's shape (with the trailing `events: None`).
    public func encode(to encoder: inout ScaleEncoder) {
        encode(to: &encoder, includeEventsField: true)
    }

    /// Encodes with (`true`, pallet storage version > 9) or without (0.9.43) the trailing `events` field.
    public func encode(to encoder: inout ScaleEncoder, includeEventsField: Bool) {
        encoder.encode(gasConsumed)
        encoder.encode(gasRequired)
        encoder.encode(storageDeposit)
        encoder.encode(debugMessage)
        switch result {
        case .success(let value):
            encoder.encodeVariant(index: 0)
            encoder.encode(value)
        case .failure(let error):
            encoder.encodeVariant(index: 1)
            encoder.encode(error)
        }
        if includeEventsField { encoder.append(0) }
    }
}

/// The result of a contract call (`ContractExecResult`).
public typealias ContractExecResult = ContractResult<ExecReturnValue>
/// The result of a contract instantiation (`ContractInstantiateResult`).
public typealias ContractInstantiateResult = ContractResult<InstantiateReturnValue>
