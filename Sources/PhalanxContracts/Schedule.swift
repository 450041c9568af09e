/// Limits and weights of the contract runtime (pallet-contracts' `Schedule`, `Config` constants and deposits).
///
/// Gas is deterministic: every executed Wasm operator costs `refTimePerFuel` ref_time (WasmKit fuel, pinned WasmKit
/// version), and every host function charges `hostFunctionBase` plus its own entry below. Proof size is charged only by
/// storage access and code loading, as in pallet-contracts.
public struct Schedule: Hashable, Sendable {
    /// Largest accepted code (bytes).
    public var maxCodeLength: Int = 2 * 1024 * 1024
    /// Largest `env.memory` maximum a module may declare (64 KiB pages).
    public var maxMemoryPages: UInt64 = 16
    /// Nested frames allowed below the outermost one (pallet-contracts: `CallStack = [Frame; 5]`).
    public var maxCallDepth: Int = 5
    /// Longest variable-length storage key.
    public var maxStorageKeyLength: Int = 128
    /// Largest storage value, event payload and `seal_return` data (pallet-contracts' `payload_len`).
    public var maxValueSize: Int = 16 * 1024
    /// Most topics per event.
    public var maxEventTopics: Int = 4
    /// Largest debug buffer kept; later messages are dropped.
    public var maxDebugBufferLength: Int = 2 * 1024 * 1024
    /// Interpreter stack per instance (bytes); bounds recursion depth deterministically for a pinned WasmKit.
    public var wasmStackSize: Int = 256 * 1024

    /// ref_time charged per unit of WasmKit fuel (≈ one Wasm operator).
    public var refTimePerFuel: UInt64 = 1_000
    /// Base ref_time of every host-function call.
    public var hostFunctionBase: UInt64 = 20_000
    /// ref_time per byte copied between guest and host.
    public var perByte: UInt64 = 50
    /// ref_time per storage read (plus `perByte` per value byte).
    public var storageRead: UInt64 = 2_000_000
    /// ref_time per storage write or clear (plus `perByte` per new byte).
    public var storageWrite: UInt64 = 4_000_000
    /// proof_size per storage access (plus the key and value length).
    public var storageProofBase: UInt64 = 128
    /// ref_time per event (plus `eventPerTopic` per topic and `perByte` per data byte).
    public var eventBase: UInt64 = 1_000_000
    /// ref_time per event topic.
    public var eventPerTopic: UInt64 = 500_000
    /// ref_time per hashed byte.
    public var hashPerByte: UInt64 = 100
    /// ref_time of one signature recovery or verification.
    public var signatureCheck: UInt64 = 50_000_000
    /// ref_time of a `call`, `delegate_call` or `instantiate` before the callee runs.
    public var callBase: UInt64 = 10_000_000
    /// ref_time of a balance transfer.
    public var transfer: UInt64 = 5_000_000
    /// ref_time of loading code (per byte) and its proof size per byte.
    public var codeLoadPerByte: UInt64 = 10
    /// ref_time of a chain-extension call before the extension charges its own.
    public var chainExtensionBase: UInt64 = 1_000_000

    /// Deposit per stored byte (key plus value).
    public var depositPerByte: UInt128 = 1
    /// Deposit per stored item.
    public var depositPerItem: UInt128 = 100
    /// Existential deposit (`minimum_balance`).
    public var existentialDeposit: UInt128 = 1
    /// Price of one ref_time unit, for `weight_to_fee`.
    public var feePerRefTime: UInt128 = 1

    /// The pallet index written into `DispatchError::Module`.
    public var palletIndex: UInt8 = 0

    public init() {}
}
