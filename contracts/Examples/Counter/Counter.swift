// Counter: the contract the README's "Write and test your first contract" builds. Its interface is declared in
// contract.json; `make contracts` generates the ink! metadata from it (scripts/contract-metadata.py).

/// The count, in the contract's root storage cell (key 0x00000000, as ink! stores a contract's root struct).
let count = StorageValue<UInt32>(key: [0x00, 0x00, 0x00, 0x00])

/// Why `decrement` refused.
enum CounterError: Error, ScaleValue {
    /// The count would go below zero.
    case underflow

    func write(to writer: inout ScaleWriter) { writer.writeByte(0) }

    static func read(from reader: inout ScaleReader) -> CounterError? { reader.readByte() == 0 ? .underflow : nil }
}

/// Constructor `new(start: u32)`.
@_expose(wasm, "deploy") @_cdecl("deploy")
public func deploy() {
    var message = Message.current()
    guard message.selector == [0x9b, 0xae, 0x9d, 0x5e], let start = UInt32.read(from: &message.arguments) else {
        Message.unknownSelector()
    }
    count.set(start)
    Message.replyUnit()
}

/// Messages `increment(by: u32)`, `decrement(by: u32) -> Result<u32, Error>` and `get() -> u32`.
@_expose(wasm, "call") @_cdecl("call")
public func call() {
    var message = Message.current()
    let current = count.get() ?? 0
    switch message.selector {
    case Selector.increment:
        guard let by = UInt32.read(from: &message.arguments) else { Message.unknownSelector() }
        count.set(current &+ by)
        Message.replyUnit()
    case Selector.decrement:
        guard let by = UInt32.read(from: &message.arguments) else { Message.unknownSelector() }
        guard by <= current else { Message.reply(result: Result<UInt32, CounterError>.failure(.underflow)) }
        count.set(current - by)
        Message.reply(result: Result<UInt32, CounterError>.success(current - by))
    case Selector.get:
        Message.reply(current)
    default:
        Message.unknownSelector()
    }
}

/// Message selectors: the first four bytes of blake2_256(label), as ink! computes them.
enum Selector {
    static let increment: [UInt8] = [0x12, 0xbd, 0x51, 0xd3]
    static let decrement: [UInt8] = [0x41, 0x51, 0xff, 0xe0]
    static let get: [UInt8] = [0x2f, 0x86, 0x5b, 0xd9]
}
