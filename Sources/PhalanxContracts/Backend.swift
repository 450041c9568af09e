import PhalanxPrimitives

/// A deployed contract's record.
public struct ContractInfo: Hashable, Sendable {
    /// The code the contract runs.
    public var codeHash: H256
    /// Number of storage items the contract holds.
    public var storageItems: UInt64
    /// Bytes (key plus value) the contract's storage holds.
    public var storageBytes: UInt64
    /// Storage deposit held for the contract (taken from the origins that grew its storage).
    public var depositHeld: UInt128

    public init(codeHash: H256, storageItems: UInt64 = 0, storageBytes: UInt64 = 0, depositHeld: UInt128 = 0) {
        self.codeHash = codeHash
        self.storageItems = storageItems
        self.storageBytes = storageBytes
        self.depositHeld = depositHeld
    }
}

/// Committed changes, applied atomically to a backend. Entries are sorted so that applying them is deterministic.
public struct StateChanges: Sendable {
    /// Code uploaded, by hash.
    public var codes: [(hash: H256, code: [UInt8])] = []
    /// Contracts created or changed (`nil` = removed, with all their storage).
    public var contracts: [(account: AccountId32, info: ContractInfo?)] = []
    /// Storage writes (`nil` = delete). Keys are the contract's raw keys (see ``ContractStateBackend``).
    public var storage: [(contract: AccountId32, key: [UInt8], value: [UInt8]?)] = []
    /// New balances.
    public var balances: [(account: AccountId32, balance: UInt128)] = []

    public init() {}

    /// Whether nothing changed.
    public var isEmpty: Bool { codes.isEmpty && contracts.isEmpty && storage.isEmpty && balances.isEmpty }
}

/// Where a cluster's contract state lives: code, contract records, per-contract storage and cluster-internal balances.
///
/// The engine only reads through this protocol during execution and writes through ``apply(_:)`` once, after a
/// successful top-level call, so a worker can plug in its encrypted persistent store. Storage keys are the contract's
/// raw keys for variable-length (ink! ≥ 4) keys; legacy fixed 32-byte keys are stored under `blake2_256(key)` so the two
/// namespaces stay apart.
public protocol ContractStateBackend: AnyObject {
    /// The code stored under `hash`.
    func code(_ hash: H256) -> [UInt8]?
    /// The contract at `account`.
    func contract(_ account: AccountId32) -> ContractInfo?
    /// A contract's storage value.
    func storage(_ contract: AccountId32, key: [UInt8]) -> [UInt8]?
    /// An account's free balance (0 when unknown).
    func balance(_ account: AccountId32) -> UInt128
    /// Applies committed changes. Removing a contract removes its storage first, then the listed writes apply.
    func apply(_ changes: StateChanges)
}

/// The in-memory backend: everything in dictionaries. Used by tests, the sandbox and as the worker's cache model.
public final class InMemoryStateBackend: ContractStateBackend {
    /// Code by hash.
    public private(set) var codes: [H256: [UInt8]] = [:]
    /// Contracts by address.
    public private(set) var contracts: [AccountId32: ContractInfo] = [:]
    /// Storage by contract, then raw key.
    public private(set) var storage: [AccountId32: [[UInt8]: [UInt8]]] = [:]
    /// Balances by account.
    public private(set) var balances: [AccountId32: UInt128] = [:]

    public init() {}

    public func code(_ hash: H256) -> [UInt8]? { codes[hash] }
    public func contract(_ account: AccountId32) -> ContractInfo? { contracts[account] }
    public func storage(_ contract: AccountId32, key: [UInt8]) -> [UInt8]? { storage[contract]?[key] }
    public func balance(_ account: AccountId32) -> UInt128 { balances[account] ?? 0 }

    /// Sets a balance directly (endowment of dev accounts; not a contract operation).
    public func setBalance(_ account: AccountId32, _ balance: UInt128) { balances[account] = balance }

    public func apply(_ changes: StateChanges) {
        for (hash, code) in changes.codes { codes[hash] = code }
        for (account, info) in changes.contracts {
            if let info {
                contracts[account] = info
            } else {
                contracts[account] = nil
                storage[account] = nil
            }
        }
        for (contract, key, value) in changes.storage { storage[contract, default: [:]][key] = value }
        for (account, balance) in changes.balances { balances[account] = balance }
    }
}

/// Read access to the executing cluster's state, including the execution's uncommitted changes.
public protocol ClusterStateReader: AnyObject {
    /// An account's free balance in the cluster.
    func balance(_ account: AccountId32) -> UInt128
    /// Whether ink! code with this hash is stored in the cluster.
    func codeExists(_ hash: H256) -> Bool
}

/// What a chain extension sees of the calling frame.
public struct ChainExtensionContext {
    /// The contract calling the extension.
    public var contract: AccountId32
    /// That contract's caller.
    public var caller: AccountId32
    /// The transaction origin.
    public var origin: AccountId32
    /// Whether this is a read-only query (Phala's `CallInQuery`) rather than a transaction.
    public var isQuery: Bool
    /// Whether the frame is read-only (inside a `READ_ONLY` call).
    public var isReadOnly: Bool
    /// Block number from the execution context.
    public var blockNumber: UInt32
    /// Block timestamp (ms) from the execution context.
    public var timestamp: UInt64
    /// The cluster's state as this execution sees it.
    public var state: ClusterStateReader
}

/// What a chain-extension function returns.
public enum ChainExtensionOutcome: Hashable, Sendable {
    /// Continue the contract: `status` is returned by `call_chain_extension`, `output` written to its buffer.
    case converging(status: UInt32, output: [UInt8])
    /// End the contract frame as if it called `seal_return(flags, data)`.
    case diverging(flags: ReturnFlags, data: [UInt8])
}

/// A chain extension registered under one extension id (`id >> 16` of `call_chain_extension`; Phala's pink uses 0).
///
/// `functionId` is `id & 0xFFFF`; `input` is the raw SCALE of the argument tuple. `chargeGas` charges ref_time to the
/// calling frame and throws (which the extension must propagate) when the frame is out of gas. Throwing any error traps
/// the calling contract.
public protocol ChainExtension: AnyObject {
    func call(
        functionId: UInt16, input: [UInt8], context: ChainExtensionContext,
        chargeGas: (UInt64) throws -> Void
    ) throws -> ChainExtensionOutcome
}
