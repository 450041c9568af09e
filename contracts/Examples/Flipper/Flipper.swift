// Flipper: the classic ink! example, in Swift. Same selectors and storage encoding as ink!'s, so
// callers and tools cannot tell them apart.

let value = StorageValue<Bool>(key: [0x00, 0x00, 0x00, 0x00])

/// Constructors: `new(init_value: bool)` (0x9bae9d5e) and `default()` (0xed4b9d1b).
@_expose(wasm, "deploy") @_cdecl("deploy")
public func deploy() {
    var message = Message.current()
    switch message.selector {
    case [0x9b, 0xae, 0x9d, 0x5e]:
        guard let initial = Bool.read(from: &message.arguments) else { Message.unknownSelector() }
        value.set(initial)
    case [0xed, 0x4b, 0x9d, 0x1b]:
        value.set(false)
    default:
        Message.unknownSelector()
    }
    Message.replyUnit()
}

/// Messages: `flip()` (0x633aa551) and `get() -> bool` (0x2f865bd9).
@_expose(wasm, "call") @_cdecl("call")
public func call() {
    let message = Message.current()
    switch message.selector {
    case [0x63, 0x3a, 0xa5, 0x51]:
        value.set(!(value.get() ?? false))
        Message.replyUnit()
    case [0x2f, 0x86, 0x5b, 0xd9]:
        Message.reply(value.get() ?? false)
    default:
        Message.unknownSelector()
    }
}
