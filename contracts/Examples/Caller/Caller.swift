// Caller: a cross-contract call into a flipper (the Swift one or ink!'s: same selectors and encoding), as an ink!
// contract holding a flipper's address would make it, through `seal2.call`.
//
// ink!-equivalent interface (selectors = blake2_256(label)[0..4]):
//   constructor new(flipper: AccountId)                         0x9bae9d5e   stores the target's address
//   message flip_remote() -> Result<(), CallerError>            0xd224ce2a   calls the target's flip (0x633aa551)
//   message get_remote() -> bool                                0xbddabd2f   calls the target's get (0x2f865bd9), read-only
//   message target() -> AccountId                              0x874c10b4
// with CallerError { CalleeTrapped, CalleeReverted, Other(u32) }. Like ink!, a message returning Err ends with the
// REVERT flag (the data is still `Ok(Err(…))`), so a failed flip_remote leaves no trace. get_remote traps if the
// target fails or answers something other than `Ok(bool)`, as ink!'s `invoke()` panics.
// Storage: the root struct { flipper: AccountId } under 0x00000000, as ink! lays it out.

let flipper = StorageValue<AccountId>(key: [0x00, 0x00, 0x00, 0x00])

/// Why `flip_remote` failed: the pallet's return code, as ink!'s `ink::env::Error` distinguishes it.
enum CallerError: Error, ScaleValue {
    /// The target trapped (panicked, ran out of gas, …).
    case calleeTrapped
    /// The target reverted (e.g. it did not know the selector).
    case calleeReverted
    /// Any other return code (5 TransferFailed, 8 NotCallable, …).
    case other(UInt32)

    init(_ error: CallError) {
        switch error {
        case .calleeTrapped: self = .calleeTrapped
        case .calleeReverted, .couldNotReadInput: self = .calleeReverted
        case .decodingFailed: self = .other(UInt32.max)
        default: self = .other(error.returnCode ?? UInt32.max)
        }
    }

    func write(to writer: inout ScaleWriter) {
        switch self {
        case .calleeTrapped: writer.writeByte(0)
        case .calleeReverted: writer.writeByte(1)
        case .other(let code):
            writer.writeByte(2)
            code.write(to: &writer)
        }
    }

    static func read(from reader: inout ScaleReader) -> CallerError? {
        switch reader.readByte() {
        case 0: return .calleeTrapped
        case 1: return .calleeReverted
        case 2: return UInt32.read(from: &reader).map { .other($0) }
        default: return nil
        }
    }
}

/// The stored target (set by the constructor; missing storage traps, as ink!'s root-struct read does).
func target() -> AccountId {
    guard let account = flipper.get() else { fatalError("no root struct") }
    return account
}

/// Constructor `new(flipper: AccountId)` (0x9bae9d5e).
@_expose(wasm, "deploy") @_cdecl("deploy")
public func deploy() {
    var message = Message.current()
    guard message.selector == [0x9b, 0xae, 0x9d, 0x5e], let account = AccountId.read(from: &message.arguments),
        message.arguments.isAtEnd
    else { Message.unknownSelector() }
    if Contract.valueTransferred() > 0 { fatalError("paid an unpayable constructor") }
    flipper.set(account)
    Message.replyUnit()
}

/// Messages `flip_remote()` (0xd224ce2a), `get_remote()` (0xbddabd2f) and `target()` (0x874c10b4).
@_expose(wasm, "call") @_cdecl("call")
public func call() {
    let message = Message.current()
    if Contract.valueTransferred() > 0 { fatalError("paid an unpayable message") }
    switch message.selector {
    case [0xd2, 0x24, 0xce, 0x2a]:
        Message.reply(result: flipRemote())
    case [0xbd, 0xda, 0xbd, 0x2f]:
        switch Contract.call(callee: target(), selector: [0x2f, 0x86, 0x5b, 0xd9], returning: Bool.self, flags: .readOnly) {
        case .success(let value): Message.reply(value)
        case .failure: fatalError("get_remote: the target's get failed")
        }
    case [0x87, 0x4c, 0x10, 0xb4]:
        Message.reply(target())
    default:
        Message.unknownSelector()
    }
}

/// Calls the target's `flip()`; anything but a non-reverted `Ok(())` is an error (so a revert, whatever its data,
/// is CalleeReverted).
func flipRemote() -> Result<ScaleUnit, CallerError> {
    switch Contract.call(callee: target(), selector: [0x63, 0x3a, 0xa5, 0x51]) {
    case .success(let output):
        if case .failure(let error) = Contract.decodeMessageResult(output, as: ScaleUnit.self) {
            return .failure(CallerError(error))
        }
        return .success(ScaleUnit())
    case .failure(let error): return .failure(CallerError(error))
    }
}
