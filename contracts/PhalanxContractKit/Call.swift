// Cross-contract calls and instantiation through pallet-contracts' `seal2.call` and `seal2.instantiate`, the imports
// ink! 5's `build_call`/`build_create` (and contract refs) use. The callee's input is `selector ‖ SCALE(args)`;
// its output buffer is copied back when it returned (code 0) or reverted (code 2). Errors inside the callee's frame
// come back as code 1; a few errors of the caller's own frame (MaxCallDepthReached, ReentranceDenied, out of gas while
// charging the caller, an output buffer too small) trap the caller instead, as on a real chain.

/// `pallet_contracts_uapi::ReturnErrorCode`: the status a host function returns (`call` uses 0, 1, 2, 5 and 8).
public enum ReturnCode: UInt32 {
    case success = 0, calleeTrapped, calleeReverted, keyNotFound, belowSubsistenceThreshold, transferFailed,
        endowmentTooLow, codeNotFound, notCallable, loggingDisabled, callRuntimeFailed, ecdsaRecoveryFailed,
        sr25519VerifyFailed, xcmExecutionFailed, xcmSendFailed
}

/// Why a cross-contract call or instantiation produced no (decodable) result.
public enum CallError: Error {
    /// Code 1: the callee trapped, ran out of gas or failed inside its frame; there is no output.
    case calleeTrapped
    /// Code 2: the callee ended with the REVERT flag; its output (for ink!, `MessageResult` bytes).
    case calleeReverted(output: [UInt8])
    /// Code 5: the value could not be transferred (e.g. it would leave the caller below the existential deposit).
    case transferFailed
    /// Code 7: no code is stored under the hash (instantiate).
    case codeNotFound
    /// Code 8: the callee is not a contract.
    case notCallable
    /// Any other non-zero return code.
    case other(UInt32)
    /// The callee answered `Err(LangError::CouldNotReadInput)`: unknown selector or undecodable arguments.
    case couldNotReadInput
    /// The callee's output did not decode as the expected type.
    case decodingFailed

    /// The error for a non-zero host return `code` (`output` is kept for CalleeReverted).
    public init(code: UInt32, output: [UInt8] = []) {
        switch ReturnCode(rawValue: code) {
        case .calleeTrapped: self = .calleeTrapped
        case .calleeReverted: self = .calleeReverted(output: output)
        case .transferFailed: self = .transferFailed
        case .codeNotFound: self = .codeNotFound
        case .notCallable: self = .notCallable
        default: self = .other(code)
        }
    }

    /// The host's return code, or nil for errors found while decoding the output.
    public var returnCode: UInt32? {
        switch self {
        case .calleeTrapped: return 1
        case .calleeReverted: return 2
        case .transferFailed: return 5
        case .codeNotFound: return 7
        case .notCallable: return 8
        case .other(let code): return code
        case .couldNotReadInput, .decodingFailed: return nil
        }
    }
}

/// `CallFlags` of `seal2.call` (pallet-contracts `uapi/src/flags.rs`).
public struct CallFlags: OptionSet {
    /// The raw bits.
    public let rawValue: UInt32
    /// Flags from raw bits (the host traps on undefined bits).
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// Pass this call's own input to the callee (the input arguments are ignored); `Contract.input()` then traps.
    public static let forwardInput = CallFlags(rawValue: 0x01)
    /// Like `forwardInput`, but the input stays readable.
    public static let cloneInput = CallFlags(rawValue: 0x02)
    /// If the callee returns without REVERT, its result becomes this call's result and execution ends here.
    public static let tailCall = CallFlags(rawValue: 0x04)
    /// Allow the callee (and its callees) to call back into this contract.
    public static let allowReentry = CallFlags(rawValue: 0x08)
    /// The callee and everything below it may not change state (STATICCALL).
    public static let readOnly = CallFlags(rawValue: 0x10)
}

/// A nested gas limit (`ref_time`, `proof_size`); 0 in either means "all that remains", as ink! 5 passes by default.
public struct Weight {
    /// Computation time limit (picoseconds of reference hardware).
    public var refTime: UInt64
    /// Proof size limit (bytes).
    public var proofSize: UInt64

    /// A limit of `refTime` and `proofSize` (0 = unlimited within what remains).
    public init(refTime: UInt64, proofSize: UInt64) {
        self.refTime = refTime
        self.proofSize = proofSize
    }

    /// No limit of its own: the callee may use everything the caller has left.
    public static var remaining: Weight { Weight(refTime: 0, proofSize: 0) }
}

/// A contract created by `Contract.instantiate`.
public struct Instantiated {
    /// The new contract's address.
    public var address: AccountId
    /// The constructor's output (for ink!, `ConstructorResult` bytes, e.g. `00 00`).
    public var output: [UInt8]
}

/// `u32::MAX` as a pointer: "no limit" for a deposit, "skip the copy" for an output.
@inline(__always) func sentinelPointer() -> UnsafeRawPointer? { UnsafeRawPointer(bitPattern: UInt(UInt32.max)) }

/// Calls `body` with a pointer to the 16-byte little-endian `limit`, or with SENTINEL when there is none.
@inline(__always) func withDepositLimit<R>(_ limit: UInt128?, _ body: (UnsafeRawPointer?) -> R) -> R {
    guard let limit else { return body(sentinelPointer()) }
    var raw = limit.littleEndian
    return withUnsafeBytes(of: &raw) { body($0.baseAddress) }
}

extension Contract {
    /// This contract's own address.
    public static func address() -> AccountId {
        var buffer = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 32
        buffer.withUnsafeMutableBytes { bytes in
            withUnsafeMutableBytes(of: &length) { seal_address(bytes.baseAddress!, $0.baseAddress!) }
        }
        return AccountId(buffer)
    }

    /// Calls `callee` with raw `input` (selector ‖ SCALE args) through `seal2.call`; success is the callee's output.
    public static func call(
        callee: AccountId, input: [UInt8], value: UInt128 = 0, gasLimit: Weight = .remaining,
        depositLimit: UInt128? = nil, flags: CallFlags = [], outputCapacity: Int = maxValue
    ) -> Result<[UInt8], CallError> {
        var code: UInt32 = 0
        var rawValue = value.littleEndian
        let output = [UInt8](unsafeUninitializedCapacity: outputCapacity) { buffer, count in
            var length = UInt32(outputCapacity)
            code = callee.bytes.withUnsafeBytes { calleeBytes in
                input.withUnsafeBytes { inputBytes in
                    withUnsafeBytes(of: &rawValue) { valueBytes in
                        withDepositLimit(depositLimit) { deposit in
                            withUnsafeMutableBytes(of: &length) { lengthBytes in
                                seal2_call(
                                    flags.rawValue, calleeBytes.baseAddress!, gasLimit.refTime, gasLimit.proofSize,
                                    deposit, valueBytes.baseAddress!, inputBytes.baseAddress, UInt32(inputBytes.count),
                                    UnsafeMutableRawPointer(buffer.baseAddress), lengthBytes.baseAddress!)
                            }
                        }
                    }
                }
            }
            // The host writes the output (and its length) only for code 0 and 2.
            count = code == 0 || code == 2 ? min(Int(length), outputCapacity) : 0
        }
        return code == 0 ? .success(output) : .failure(CallError(code: code, output: output))
    }

    /// Calls message `selector` of `callee` with SCALE `arguments`; success is the callee's raw output.
    public static func call(
        callee: AccountId, selector: [UInt8], arguments: ScaleWriter = ScaleWriter(), value: UInt128 = 0,
        gasLimit: Weight = .remaining, depositLimit: UInt128? = nil, flags: CallFlags = [],
        outputCapacity: Int = maxValue
    ) -> Result<[UInt8], CallError> {
        call(
            callee: callee, input: selector + arguments.bytes, value: value, gasLimit: gasLimit,
            depositLimit: depositLimit, flags: flags, outputCapacity: outputCapacity)
    }

    /// Calls an ink!-ABI message and decodes its `MessageResult<Output>`; like ink!, a reverted callee's output is
    /// decoded too (a message returning `Result` that failed arrives as `.success(.failure(error))`).
    public static func call<Output: ScaleValue>(
        callee: AccountId, selector: [UInt8], arguments: ScaleWriter = ScaleWriter(), returning: Output.Type,
        value: UInt128 = 0, gasLimit: Weight = .remaining, depositLimit: UInt128? = nil, flags: CallFlags = [],
        outputCapacity: Int = maxValue
    ) -> Result<Output, CallError> {
        let output: [UInt8]
        switch call(
            callee: callee, input: selector + arguments.bytes, value: value, gasLimit: gasLimit,
            depositLimit: depositLimit, flags: flags, outputCapacity: outputCapacity)
        {
        case .success(let bytes): output = bytes
        case .failure(.calleeReverted(let bytes)): output = bytes
        case .failure(let error): return .failure(error)
        }
        return decodeMessageResult(output, as: Output.self)
    }

    /// Decodes `MessageResult<Output>` (`00 ‖ SCALE(Output)` or `01 ‖ LangError`), requiring every byte to be used.
    public static func decodeMessageResult<Output: ScaleValue>(_ output: [UInt8], as type: Output.Type)
        -> Result<Output, CallError>
    {
        var reader = ScaleReader(output)
        switch reader.readByte() {
        case 0:
            guard let value = Output.read(from: &reader), reader.isAtEnd else { return .failure(.decodingFailed) }
            return .success(value)
        case 1:
            return reader.readByte() == 1 && reader.isAtEnd ? .failure(.couldNotReadInput) : .failure(.decodingFailed)
        default:
            return .failure(.decodingFailed)
        }
    }

    /// Instantiates the code under `codeHash` (32 bytes) with raw constructor `input` through `seal2.instantiate`.
    /// The address derives from this contract, the code hash, the cluster and `salt` (Phala's rule); reusing a salt
    /// for the same code traps with DuplicateContract, as the pallet does.
    public static func instantiate(
        codeHash: [UInt8], input: [UInt8], salt: [UInt8] = [], value: UInt128 = 0, gasLimit: Weight = .remaining,
        depositLimit: UInt128? = nil, outputCapacity: Int = maxValue
    ) -> Result<Instantiated, CallError> {
        precondition(codeHash.count == 32, "a code hash is 32 bytes")
        var code: UInt32 = 0
        var rawValue = value.littleEndian
        var address = [UInt8](repeating: 0, count: 32)
        let output = [UInt8](unsafeUninitializedCapacity: outputCapacity) { buffer, count in
            var length = UInt32(outputCapacity)
            var addressLength: UInt32 = 32
            code = codeHash.withUnsafeBytes { hashBytes in
                input.withUnsafeBytes { inputBytes in
                    salt.withUnsafeBytes { saltBytes in
                        address.withUnsafeMutableBytes { addressBytes in
                            withUnsafeBytes(of: &rawValue) { valueBytes in
                                withDepositLimit(depositLimit) { deposit in
                                    withUnsafeMutableBytes(of: &addressLength) { addressLengthBytes in
                                        withUnsafeMutableBytes(of: &length) { lengthBytes in
                                            seal2_instantiate(
                                                hashBytes.baseAddress!, gasLimit.refTime, gasLimit.proofSize, deposit,
                                                valueBytes.baseAddress!, inputBytes.baseAddress,
                                                UInt32(inputBytes.count), addressBytes.baseAddress,
                                                addressLengthBytes.baseAddress!,
                                                UnsafeMutableRawPointer(buffer.baseAddress), lengthBytes.baseAddress!,
                                                saltBytes.baseAddress, UInt32(saltBytes.count))
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            count = code == 0 || code == 2 ? min(Int(length), outputCapacity) : 0
        }
        guard code == 0 else { return .failure(CallError(code: code, output: output)) }
        return .success(Instantiated(address: AccountId(address), output: output))
    }

    /// Instantiates with constructor `selector` and SCALE `arguments` (see the raw-input variant).
    public static func instantiate(
        codeHash: [UInt8], selector: [UInt8], arguments: ScaleWriter = ScaleWriter(), salt: [UInt8] = [],
        value: UInt128 = 0, gasLimit: Weight = .remaining, depositLimit: UInt128? = nil, outputCapacity: Int = maxValue
    ) -> Result<Instantiated, CallError> {
        instantiate(
            codeHash: codeHash, input: selector + arguments.bytes, salt: salt, value: value, gasLimit: gasLimit,
            depositLimit: depositLimit, outputCapacity: outputCapacity)
    }
}
