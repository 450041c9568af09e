import WAT

/// Hand-written WAT contracts that follow the ink! 4/5 ABI (imports from `seal0`/`seal1`/`seal2`, imported
/// `env.memory (2 16)`, exports `deploy`/`call`, `selector ‖ SCALE args` input, `Result<T, LangError>` output, deny
/// payment, REVERT on `Err`). Used by the tests and by ``ContractsBenchmark``.
public enum SampleContracts {
    /// ink! selectors (`blake2_256(label)[0..4]`).
    public static let newSelector: [UInt8] = [0x9b, 0xae, 0x9d, 0x5e]
    public static let flipSelector: [UInt8] = [0x63, 0x3a, 0xa5, 0x51]
    public static let getSelector: [UInt8] = [0x2f, 0x86, 0x5b, 0xd9]
    public static let transferSelector: [UInt8] = [0x84, 0xa1, 0x5d, 0xa1]
    public static let balanceOfSelector: [UInt8] = [0x0f, 0x75, 0x5a, 0x56]
    public static let totalSupplySelector: [UInt8] = [0xdb, 0x63, 0x75, 0xa8]
    /// Storage prefix of the erc20 `balances` mapping (ink! 5 erc20's root key bytes).
    public static let balancesPrefix: [UInt8] = [0xe7, 0xdc, 0x23, 0x26]
    /// topic[0] of the erc20 `Transfer` event (ink! 5: blake2_256("Transfer(Option<AccountId>,Option<AccountId>,Balance)")).
    public static let transferTopic: [UInt8] = [
        0xb5, 0xb6, 0x1a, 0x3e, 0x6a, 0x21, 0xa1, 0x6b, 0xe4, 0xf0, 0x44, 0xb5, 0x17, 0xc2, 0x8a, 0xc6,
        0x92, 0x49, 0x2f, 0x73, 0xc5, 0xbf, 0xd3, 0xf6, 0x01, 0x78, 0xad, 0x98, 0xc7, 0x67, 0xf4, 0xcb,
    ]

    /// Assembles WAT text.
    public static func assemble(_ wat: String) throws -> [UInt8] {
        try wat2wasm(wat, features: [])
    }

    /// A proxy to the chain extension, for tests and benchmarks of pink: the input is `id: u32 LE ‖ raw arguments`;
    /// it calls `call_chain_extension(id, arguments)` and returns `status: u32 LE ‖ output`. Memory: 1 MiB
    /// (input ≤ 256 KiB, output ≤ ~750 KiB).
    public static let pinkProxyWAT = pinkProxy(pages: 16)

    /// The pink proxy with `pages` of memory (a quarter for the input); without `callsExtension` it answers status 0
    /// and no output (the benchmark's baseline: the same contract minus the extension call).
    public static func pinkProxy(pages: Int, callsExtension: Bool = true) -> String {
        let inputCapacity = pages * 65_536 / 4
        let status = 1_024 + inputCapacity
        let outputCapacity = pages * 65_536 - status - 4
        let call =
            callsExtension
            ? "(call $ext (i32.load (i32.const 1024)) (i32.const 1028) (i32.sub (i32.load (i32.const 0)) (i32.const 4)) (i32.const \(status + 4)) (i32.const 8))"
            : "(i32.store (i32.const 8) (i32.const 0)) (i32.const 0)"
        return """
            (module
              (import "seal0" "input" (func $input (param i32 i32)))
              (import "seal0" "seal_return" (func $return (param i32 i32 i32)))
              (import "seal0" "call_chain_extension" (func $ext (param i32 i32 i32 i32 i32) (result i32)))
              (import "env" "memory" (memory \(pages) \(pages)))
              (func (export "deploy"))
              (func (export "call")
                (i32.store (i32.const 0) (i32.const \(inputCapacity)))
                (call $input (i32.const 1024) (i32.const 0))
                (i32.store (i32.const 8) (i32.const \(outputCapacity)))
                (i32.store (i32.const \(status)) \(call))
                (call $return (i32.const 0) (i32.const \(status)) (i32.add (i32.load (i32.const 8)) (i32.const 4)))))
            """
    }

    /// Flipper: `new(bool)`, `flip()`, `get() -> bool`; root storage under key `00000000`; `flip` writes a debug message.
    public static let flipperWAT = """
        (module
          (import "seal0" "input" (func $input (param i32 i32)))
          (import "seal0" "seal_return" (func $return (param i32 i32 i32)))
          (import "seal0" "value_transferred" (func $value (param i32 i32)))
          (import "seal1" "get_storage" (func $get (param i32 i32 i32 i32) (result i32)))
          (import "seal2" "set_storage" (func $set (param i32 i32 i32 i32) (result i32)))
          (import "seal0" "debug_message" (func $debug (param i32 i32) (result i32)))
          (import "env" "memory" (memory 2 16))
          (data (i32.const 3000) "flipped")
          (func $read_input (i32.store (i32.const 64) (i32.const 1024)) (call $input (i32.const 128) (i32.const 64)))
          (func $revert_input
            (i32.store16 (i32.const 1400) (i32.const 0x0101))
            (call $return (i32.const 1) (i32.const 1400) (i32.const 2)))
          (func $deny_payment
            (i32.store (i32.const 68) (i32.const 16))
            (call $value (i32.const 1240) (i32.const 68))
            (if (i64.ne (i64.or (i64.load (i32.const 1240)) (i64.load (i32.const 1248))) (i64.const 0))
              (then unreachable)))
          (func (export "deploy")
            (call $deny_payment)
            (call $read_input)
            (if (i32.ne (i32.load (i32.const 128)) (i32.const 0x5e9dae9b)) (then (call $revert_input) (unreachable)))
            (if (i32.ne (i32.load (i32.const 64)) (i32.const 5)) (then (call $revert_input) (unreachable)))
            (i32.store (i32.const 8) (i32.const 0))
            (drop (call $set (i32.const 8) (i32.const 4) (i32.const 132) (i32.const 1)))
            (i32.store8 (i32.const 1400) (i32.const 0))
            (call $return (i32.const 0) (i32.const 1400) (i32.const 1)))
          (func (export "call") (local $selector i32)
            (call $deny_payment)
            (call $read_input)
            (local.set $selector (i32.load (i32.const 128)))
            (i32.store (i32.const 8) (i32.const 0))
            (i32.store (i32.const 68) (i32.const 1))
            (if (i32.eq (call $get (i32.const 8) (i32.const 4) (i32.const 200) (i32.const 68)) (i32.const 3))
              (then unreachable))
            (if (i32.eq (local.get $selector) (i32.const 0x51a53a63))
              (then
                (i32.store8 (i32.const 200) (i32.xor (i32.load8_u (i32.const 200)) (i32.const 1)))
                (drop (call $set (i32.const 8) (i32.const 4) (i32.const 200) (i32.const 1)))
                (drop (call $debug (i32.const 3000) (i32.const 7)))
                (i32.store8 (i32.const 1400) (i32.const 0))
                (call $return (i32.const 0) (i32.const 1400) (i32.const 1))))
            (if (i32.eq (local.get $selector) (i32.const 0xd95b862f))
              (then
                (i32.store8 (i32.const 1400) (i32.const 0))
                (i32.store8 (i32.const 1401) (i32.load8_u (i32.const 200)))
                (call $return (i32.const 0) (i32.const 1400) (i32.const 2))))
            (call $revert_input)))
        """

    /// ERC-20-like token: `new(total_supply: u128)`, `transfer(to: AccountId, value: u128)`,
    /// `balance_of(owner) -> u128`, `total_supply() -> u128`. Balances live in a mapping under
    /// `balancesPrefix ‖ account`; `transfer` credits the recipient first, then reverts with `Ok(Err(InsufficientBalance))`
    /// (`00 01 00`, REVERT) if the sender is short, so a correct runtime must roll the credit back. A transfer deposits an
    /// event with topics `[transferTopic, from, to]` and data `from ‖ to ‖ value`.
    public static let erc20WAT = """
        (module
          (import "seal0" "input" (func $input (param i32 i32)))
          (import "seal0" "seal_return" (func $return (param i32 i32 i32)))
          (import "seal0" "caller" (func $caller (param i32 i32)))
          (import "seal0" "value_transferred" (func $value (param i32 i32)))
          (import "seal1" "get_storage" (func $get (param i32 i32 i32 i32) (result i32)))
          (import "seal2" "set_storage" (func $set (param i32 i32 i32 i32) (result i32)))
          (import "seal0" "deposit_event" (func $event (param i32 i32 i32 i32)))
          (import "env" "memory" (memory 2 16))
          (data (i32.const 2048) "\\b5\\b6\\1a\\3e\\6a\\21\\a1\\6b\\e4\\f0\\44\\b5\\17\\c2\\8a\\c6\\92\\49\\2f\\73\\c5\\bf\\d3\\f6\\01\\78\\ad\\98\\c7\\67\\f4\\cb")
          (func $copy32 (param $dst i32) (param $src i32)
            (i64.store (local.get $dst) (i64.load (local.get $src)))
            (i64.store offset=8 (local.get $dst) (i64.load offset=8 (local.get $src)))
            (i64.store offset=16 (local.get $dst) (i64.load offset=16 (local.get $src)))
            (i64.store offset=24 (local.get $dst) (i64.load offset=24 (local.get $src))))
          (func $key (param $account i32)
            (i32.store (i32.const 16) (i32.const 0x2623dce7))
            (call $copy32 (i32.const 20) (local.get $account)))
          (func $load_balance (param $account i32) (param $dst i32)
            (call $key (local.get $account))
            (i32.store (i32.const 68) (i32.const 16))
            (if (i32.eq (call $get (i32.const 16) (i32.const 36) (local.get $dst) (i32.const 68)) (i32.const 3))
              (then (i64.store (local.get $dst) (i64.const 0)) (i64.store offset=8 (local.get $dst) (i64.const 0)))))
          (func $store_balance (param $account i32) (param $src i32)
            (call $key (local.get $account))
            (drop (call $set (i32.const 16) (i32.const 36) (local.get $src) (i32.const 16))))
          (func $read_input (i32.store (i32.const 64) (i32.const 1024)) (call $input (i32.const 128) (i32.const 64)))
          (func $get_caller (i32.store (i32.const 68) (i32.const 32)) (call $caller (i32.const 1200) (i32.const 68)))
          (func $revert_input
            (i32.store16 (i32.const 1400) (i32.const 0x0101))
            (call $return (i32.const 1) (i32.const 1400) (i32.const 2)))
          (func $deny_payment
            (i32.store (i32.const 68) (i32.const 16))
            (call $value (i32.const 1240) (i32.const 68))
            (if (i64.ne (i64.or (i64.load (i32.const 1240)) (i64.load (i32.const 1248))) (i64.const 0))
              (then unreachable)))
          ;; topics [transferTopic, from, to], data from ‖ to ‖ value
          (func $transfer_event (param $from i32) (param $to i32) (param $value i32)
            (i32.store8 (i32.const 1500) (i32.const 12))
            (call $copy32 (i32.const 1501) (i32.const 2048))
            (call $copy32 (i32.const 1533) (local.get $from))
            (call $copy32 (i32.const 1565) (local.get $to))
            (call $copy32 (i32.const 1600) (local.get $from))
            (call $copy32 (i32.const 1632) (local.get $to))
            (i64.store (i32.const 1664) (i64.load (local.get $value)))
            (i64.store (i32.const 1672) (i64.load offset=8 (local.get $value)))
            (call $event (i32.const 1500) (i32.const 97) (i32.const 1600) (i32.const 80)))
          (func (export "deploy")
            (call $deny_payment)
            (call $read_input)
            (if (i32.ne (i32.load (i32.const 128)) (i32.const 0x5e9dae9b)) (then (call $revert_input) (unreachable)))
            (if (i32.ne (i32.load (i32.const 64)) (i32.const 20)) (then (call $revert_input) (unreachable)))
            (call $get_caller)
            (call $store_balance (i32.const 1200) (i32.const 132))
            (i32.store (i32.const 8) (i32.const 0))
            (drop (call $set (i32.const 8) (i32.const 4) (i32.const 132) (i32.const 16)))
            (call $transfer_event (i32.const 3100) (i32.const 1200) (i32.const 132))
            (i32.store8 (i32.const 1400) (i32.const 0))
            (call $return (i32.const 0) (i32.const 1400) (i32.const 1)))
          (func (export "call") (local $selector i32) (local $lo i64) (local $hi i64) (local $vlo i64) (local $vhi i64)
            (call $deny_payment)
            (call $read_input)
            (local.set $selector (i32.load (i32.const 128)))
            (if (i32.eq (local.get $selector) (i32.const 0xa15da184))
              (then
                (if (i32.ne (i32.load (i32.const 64)) (i32.const 52)) (then (call $revert_input) (unreachable)))
                (call $get_caller)
                (local.set $vlo (i64.load (i32.const 164)))
                (local.set $vhi (i64.load (i32.const 172)))
                ;; credit the recipient first
                (call $load_balance (i32.const 132) (i32.const 1300))
                (local.set $lo (i64.add (i64.load (i32.const 1300)) (local.get $vlo)))
                (local.set $hi (i64.add (i64.add (i64.load (i32.const 1308)) (local.get $vhi))
                  (i64.extend_i32_u (i64.lt_u (local.get $lo) (local.get $vlo)))))
                (i64.store (i32.const 1300) (local.get $lo))
                (i64.store (i32.const 1308) (local.get $hi))
                (call $store_balance (i32.const 132) (i32.const 1300))
                ;; then debit the sender, reverting if short
                (call $load_balance (i32.const 1200) (i32.const 1280))
                (local.set $lo (i64.load (i32.const 1280)))
                (local.set $hi (i64.load (i32.const 1288)))
                (if (i32.or (i64.lt_u (local.get $hi) (local.get $vhi))
                      (i32.and (i64.eq (local.get $hi) (local.get $vhi)) (i64.lt_u (local.get $lo) (local.get $vlo))))
                  (then
                    (i32.store8 (i32.const 1400) (i32.const 0))
                    (i32.store16 (i32.const 1401) (i32.const 0x0001))
                    (call $return (i32.const 1) (i32.const 1400) (i32.const 3))))
                (i64.store (i32.const 1288) (i64.sub (i64.sub (local.get $hi) (local.get $vhi))
                  (i64.extend_i32_u (i64.lt_u (local.get $lo) (local.get $vlo)))))
                (i64.store (i32.const 1280) (i64.sub (local.get $lo) (local.get $vlo)))
                (call $store_balance (i32.const 1200) (i32.const 1280))
                (call $transfer_event (i32.const 1200) (i32.const 132) (i32.const 164))
                (i32.store16 (i32.const 1400) (i32.const 0))
                (call $return (i32.const 0) (i32.const 1400) (i32.const 2))))
            (if (i32.eq (local.get $selector) (i32.const 0x565a750f))
              (then
                (call $load_balance (i32.const 132) (i32.const 1401))
                (i32.store8 (i32.const 1400) (i32.const 0))
                (call $return (i32.const 0) (i32.const 1400) (i32.const 17))))
            (if (i32.eq (local.get $selector) (i32.const 0xa87563db))
              (then
                (i32.store (i32.const 8) (i32.const 0))
                (i32.store (i32.const 68) (i32.const 16))
                (if (i32.eq (call $get (i32.const 8) (i32.const 4) (i32.const 1401) (i32.const 68)) (i32.const 3))
                  (then unreachable))
                (i32.store8 (i32.const 1400) (i32.const 0))
                (call $return (i32.const 0) (i32.const 1400) (i32.const 17))))
            (call $revert_input)))
        """

    /// The compute kernel shared with the raw-engine comparison: recursive `fib(n)` on i32.
    public static let fibFunctionWAT = """
        (func $fib (param $n i32) (result i32)
          (if (result i32) (i32.lt_u (local.get $n) (i32.const 2))
            (then (local.get $n))
            (else (i32.add (call $fib (i32.sub (local.get $n) (i32.const 1)))
                           (call $fib (i32.sub (local.get $n) (i32.const 2)))))))
        """

    /// The kernel alone as a plain module exporting `fib`: what `phalanx bench engines` runs on WasmKit, wasmtime and wasm3.
    public static let fibModuleWAT = """
        (module
          \(fibFunctionWAT)
          (export "fib" (func $fib)))
        """

    /// A contract computing `fib(n)` for input `n: u32`, returning `u32` LE: the compute-heavy benchmark workload.
    public static let fibWAT = """
        (module
          (import "seal0" "input" (func $input (param i32 i32)))
          (import "seal0" "seal_return" (func $return (param i32 i32 i32)))
          (import "env" "memory" (memory 1 16))
          \(fibFunctionWAT)
          (func (export "deploy"))
          (func (export "call")
            (i32.store (i32.const 0) (i32.const 4))
            (call $input (i32.const 8) (i32.const 0))
            (i32.store (i32.const 16) (call $fib (i32.load (i32.const 8))))
            (call $return (i32.const 0) (i32.const 16) (i32.const 4))))
        """
}
