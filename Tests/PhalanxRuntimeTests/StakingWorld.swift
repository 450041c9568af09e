import PhalanxPrimitives
import PhalanxRuntime

/// A runtime context over the dev genesis for driving the staking pallets directly, block by
/// block (`nextBlock` runs `PhalaComputation.onFinalize` and advances 6 s).
struct StakingWorld {
    var context: RuntimeContext
    /// Every event emitted so far.
    var events: [EventRecord] = []
    static let pha = Balances.dollars
    let alice = RuntimeHarness.alice.accountId
    let bob = RuntimeHarness.bob.accountId
    let charlie = RuntimeHarness.charlie.accountId

    init() throws {
        let harness = try RuntimeHarness()
        context = RuntimeContext(runtime: PhalanxRuntime.definition, state: StateOverlay(base: harness.state), blockNumber: 1)
        Timestamp.now.set(1_700_000_000_000, in: &context.state)
    }

    var state: StateOverlay { context.state }
    var block: UInt32 { context.blockNumber }
    var now: UInt64 { Timestamp.current(in: context.state) }

    /// Finalizes the current block and opens the next one, 6 s later.
    mutating func nextBlock() {
        PhalaComputation.onFinalize(&context)
        events += context.events
        let time = now + 6_000
        context = RuntimeContext(runtime: context.runtime, state: context.state, blockNumber: context.blockNumber + 1)
        Timestamp.now.set(time, in: &context.state)
    }

    mutating func nextBlocks(_ count: Int) { for _ in 0..<count { nextBlock() } }

    /// Moves the clock forward without producing blocks.
    mutating func advance(seconds: UInt64) { Timestamp.now.set(now + seconds * 1000, in: &context.state) }

    /// Dispatches `call` as `origin` transactionally (as the executive does).
    mutating func dispatch(_ call: some PalletCall, as origin: Origin) throws {
        try context.transactional { context in try call.dispatch(origin: origin, context: &context) }
    }

    /// Runs `body` transactionally.
    mutating func run<T>(_ body: (inout RuntimeContext) throws -> T) throws -> T { try context.transactional(body) }

    /// Events of type `E` emitted so far (including the current block).
    func events<E: PalletEvent>(_ type: E.Type) -> [E] {
        (events + context.events).compactMap { $0.event.event as? E }
    }

    func free(_ who: AccountId32) -> UInt128 { Balances.account(who, in: context.state).free }
    var issuance: UInt128 { Balances.totalIssuance.value(context.state) ?? 0 }
    func pool(_ pid: UInt64) throws -> StakePool { try PhalaBasePool.stakePool(pid, in: context.state) }
    func shares(_ who: AccountId32, _ pid: UInt64) -> UInt128 { PhalaBasePool.shares(of: who, in: pid, state: context.state) }

    /// A worker key for tests.
    static func worker(_ n: UInt8) -> WorkerPublicKey { H256(unchecked: [UInt8](repeating: n, count: 32)) }

    /// Registers worker `n` operated by `owner` with score `p` (the registry seam).
    mutating func registerWorker(_ n: UInt8, operator_: AccountId32, p: UInt32 = 100, confidenceLevel: UInt8 = 1) throws {
        try dispatch(
            PhalaComputation.Call.forceRegisterWorker(worker: Self.worker(n), operator_: operator_, initialScore: p, confidenceLevel: confidenceLevel),
            as: .root)
    }

    /// Creates a pool owned by `owner` with worker `n` bound; returns the pid.
    mutating func poolWithWorker(owner: AccountId32, worker n: UInt8) throws -> UInt64 {
        try registerWorker(n, operator_: owner)
        let pid = PhalaBasePool.poolCount.value(context.state) ?? 0
        try dispatch(PhalaStakePoolv2.Call.create, as: .signed(owner))
        try dispatch(PhalaStakePoolv2.Call.addWorker(pid: pid, pubkey: Self.worker(n)), as: .signed(owner))
        return pid
    }

    mutating func contribute(_ who: AccountId32, _ pid: UInt64, _ amount: UInt128) throws {
        try dispatch(PhalaStakePoolv2.Call.contribute(pid: pid, amount: amount, asVault: nil), as: .signed(who))
    }

    mutating func withdraw(_ who: AccountId32, _ pid: UInt64, _ shares: UInt128) throws {
        try dispatch(PhalaStakePoolv2.Call.withdraw(pid: pid, shares: shares, asVault: nil), as: .signed(who))
    }

    func session(_ pid: UInt64, _ n: UInt8) -> SessionInfo? {
        PhalaComputation.sessions.get(PhalaStakePoolv2.sessionAccount(pid: pid, worker: Self.worker(n)), in: context.state)
    }
}
