// Erc20: ink!'s erc20 example (ink-examples, ink! 5) in Swift, with the same selectors, storage layout,
// events and error encoding, so callers, indexers and the metadata cannot tell them apart:
//   root struct { total_supply: Balance } under 0x00000000,
//   balances:   Mapping<AccountId, Balance>                under xxh32("Erc20::balances")   = 0x2623dce7,
//   allowances: Mapping<(AccountId, AccountId), Balance>   under xxh32("Erc20::allowances") = 0xeca021b7,
//   events Transfer { #[topic] from: Option<AccountId>, #[topic] to: Option<AccountId>, value: Balance } and
//          Approval { #[topic] owner: AccountId, #[topic] spender: AccountId, value: Balance },
//   Error { InsufficientBalance, InsufficientAllowance }; a message returning Err reverts (as ink! does).
// Nothing is payable: a call carrying value traps, as ink!'s dispatcher does.

let totalSupply = StorageValue<UInt128>(key: [0x00, 0x00, 0x00, 0x00])
let balances = Mapping<AccountId, UInt128>(rootKey: 0x2623_dce7)
let allowances = Mapping<Pair<AccountId, AccountId>, UInt128>(rootKey: 0xeca0_21b7)

/// blake2_256("Transfer(Option<AccountId>,Option<AccountId>,Balance)").
let transferSignature: [UInt8] = [
    0xb5, 0xb6, 0x1a, 0x3e, 0x6a, 0x21, 0xa1, 0x6b, 0xe4, 0xf0, 0x44, 0xb5, 0x17, 0xc2, 0x8a, 0xc6,
    0x92, 0x49, 0x2f, 0x73, 0xc5, 0xbf, 0xd3, 0xf6, 0x01, 0x78, 0xad, 0x98, 0xc7, 0x67, 0xf4, 0xcb,
]
/// blake2_256("Approval(AccountId,AccountId,Balance)").
let approvalSignature: [UInt8] = [
    0x1a, 0x35, 0xe7, 0x26, 0xf5, 0xfe, 0xff, 0xda, 0x19, 0x91, 0x44, 0xf6, 0x09, 0x7b, 0x2b, 0xa2,
    0x37, 0x13, 0xe5, 0x49, 0xbf, 0xcb, 0xe0, 0x90, 0xc0, 0x98, 0x1e, 0x3b, 0xcd, 0xfb, 0xcc, 0x1d,
]

/// The erc20 error enum.
enum Erc20Error: UInt8, Error, ScaleValue {
    case insufficientBalance = 0, insufficientAllowance = 1

    func write(to writer: inout ScaleWriter) { writer.writeByte(rawValue) }
    static func read(from reader: inout ScaleReader) -> Erc20Error? { reader.readByte().flatMap(Erc20Error.init(rawValue:)) }
}

func emitTransfer(from: AccountId?, to: AccountId?, value: UInt128) {
    var data = ScaleWriter()
    from.write(to: &data)
    to.write(to: &data)
    value.write(to: &data)
    Contract.emit(
        topics: [transferSignature, Contract.topic(optional: from), Contract.topic(optional: to)], data: data.bytes)
}

func emitApproval(owner: AccountId, spender: AccountId, value: UInt128) {
    var data = ScaleWriter()
    owner.write(to: &data)
    spender.write(to: &data)
    value.write(to: &data)
    Contract.emit(topics: [approvalSignature, Contract.topic(owner), Contract.topic(spender)], data: data.bytes)
}

func denyPayment() {
    if Contract.valueTransferred() > 0 { fatalError("paid an unpayable message") }
}

/// Constructor `new(total_supply: Balance)` (0x9bae9d5e): mints everything to the caller.
@_expose(wasm, "deploy") @_cdecl("deploy")
public func deploy() {
    var message = Message.current()
    guard message.selector == [0x9b, 0xae, 0x9d, 0x5e], let supply = UInt128.read(from: &message.arguments) else {
        Message.unknownSelector()
    }
    denyPayment()
    let caller = AccountId(Contract.caller())
    balances.insert(caller, supply)
    emitTransfer(from: nil, to: caller, value: supply)
    totalSupply.set(supply)
    Message.replyUnit()
}

/// Messages: total_supply 0xdb6375a8, balance_of 0x0f755a56, allowance 0x6a00165e, transfer 0x84a15da1,
/// approve 0x681266a0, transfer_from 0x0b396f18.
@_expose(wasm, "call") @_cdecl("call")
public func call() {
    var message = Message.current()
    denyPayment()
    switch message.selector {
    case [0xdb, 0x63, 0x75, 0xa8]:
        Message.reply(totalSupply.get() ?? 0)
    case [0x0f, 0x75, 0x5a, 0x56]:
        guard let owner = AccountId.read(from: &message.arguments) else { Message.unknownSelector() }
        Message.reply(balances.get(owner) ?? 0)
    case [0x6a, 0x00, 0x16, 0x5e]:
        guard let owner = AccountId.read(from: &message.arguments), let spender = AccountId.read(from: &message.arguments)
        else { Message.unknownSelector() }
        Message.reply(allowances.get(Pair(owner, spender)) ?? 0)
    case [0x84, 0xa1, 0x5d, 0xa1]:
        guard let to = AccountId.read(from: &message.arguments), let value = UInt128.read(from: &message.arguments)
        else { Message.unknownSelector() }
        Message.reply(result: transfer(from: AccountId(Contract.caller()), to: to, value: value))
    case [0x68, 0x12, 0x66, 0xa0]:
        guard let spender = AccountId.read(from: &message.arguments), let value = UInt128.read(from: &message.arguments)
        else { Message.unknownSelector() }
        let owner = AccountId(Contract.caller())
        allowances.insert(Pair(owner, spender), value)
        emitApproval(owner: owner, spender: spender, value: value)
        Message.reply(result: Result<ScaleUnit, Erc20Error>.success(ScaleUnit()))
    case [0x0b, 0x39, 0x6f, 0x18]:
        guard let from = AccountId.read(from: &message.arguments), let to = AccountId.read(from: &message.arguments),
            let value = UInt128.read(from: &message.arguments)
        else { Message.unknownSelector() }
        Message.reply(result: transferFrom(from: from, to: to, value: value))
    default:
        Message.unknownSelector()
    }
}

func transfer(from: AccountId, to: AccountId, value: UInt128) -> Result<ScaleUnit, Erc20Error> {
    let fromBalance = balances.get(from) ?? 0
    guard fromBalance >= value else { return .failure(.insufficientBalance) }
    balances.insert(from, fromBalance - value)
    let toBalance = balances.get(to) ?? 0
    let (sum, overflow) = toBalance.addingReportingOverflow(value)
    if overflow { fatalError("balance overflow") }
    balances.insert(to, sum)
    emitTransfer(from: from, to: to, value: value)
    return .success(ScaleUnit())
}

func transferFrom(from: AccountId, to: AccountId, value: UInt128) -> Result<ScaleUnit, Erc20Error> {
    let caller = AccountId(Contract.caller())
    let allowance = allowances.get(Pair(from, caller)) ?? 0
    guard allowance >= value else { return .failure(.insufficientAllowance) }
    if case .failure(let error) = transfer(from: from, to: to, value: value) { return .failure(error) }
    allowances.insert(Pair(from, caller), allowance - value)
    return .success(ScaleUnit())
}
