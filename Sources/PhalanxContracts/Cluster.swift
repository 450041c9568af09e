import PhalanxPrimitives
import WasmKit

/// Block data an execution sees. The engine never reads a clock: the caller supplies everything here.
public struct BlockContext: Hashable, Sendable {
    /// `block_number`.
    public var blockNumber: UInt32
    /// `now`, in milliseconds.
    public var timestamp: UInt64
    /// Seed of the (deprecated) `random` host functions: `blake2_256(seed ‖ subject)`.
    public var randomSeed: H256

    public init(blockNumber: UInt32 = 0, timestamp: UInt64 = 0, randomSeed: H256 = .zero) {
        self.blockNumber = blockNumber
        self.timestamp = timestamp
        self.randomSeed = randomSeed
    }
}

/// Whether an execution may commit.
public enum ExecutionMode: Hashable, Sendable {
    /// A transaction: state is committed when the outermost frame succeeds without REVERT.
    case transaction
    /// A query (dry run): nothing is ever committed.
    case query
}

/// Code for an instantiation (`Code<Hash>`): new code to upload or the hash of stored code.
public enum ContractCode: Hashable, Sendable {
    /// Upload this code (validated first), then instantiate it.
    case upload([UInt8])
    /// Instantiate code already stored.
    case existing(H256)
}

/// A Phat Contract cluster: contract code, contracts, their storage and cluster-internal balances, and the engine that
/// runs unmodified ink! 4/5 contracts on WasmKit with the pallet-contracts `seal0`/`seal1`/`seal2` host API.
///
/// Terms:
/// - *code hash* = `blake2_256(code)`; *contract address* = `blake2_256(deployer ‖ code_hash ‖ cluster_id ‖ salt)`.
/// - A *frame* is one contract activation (`deploy` or `call` entry point). Frames nest through `call`,
///   `delegate_call` and `instantiate` up to `Schedule.maxCallDepth` below the outermost one.
/// - *Gas* is `Weight`: ref_time = WasmKit fuel × `refTimePerFuel` + host-function weights; proof_size from storage
///   and code access. Out of gas traps the frame.
///
/// Assumptions: single-threaded use (one execution at a time; the class is not `Sendable`). Parsed modules and
/// instances are cached by code hash; an instance is reset (memory and globals restored from a snapshot) before reuse,
/// so a contract never observes a previous call. A start function runs once per instance without host access.
public final class ContractCluster {
    /// The cluster id, part of every contract address.
    public let clusterId: H256
    /// Limits, weights and deposits.
    public let schedule: Schedule
    /// Where committed state lives.
    public let backend: ContractStateBackend
    /// Chain extensions by extension id (`id >> 16`); Phala's pink extension is id 0.
    public private(set) var chainExtensions: [UInt16: ChainExtension] = [:]

    let engine: Engine
    private var loaded: [H256: LoadedCode] = [:]
    private var loadOrder: [H256] = []
    /// Most parsed modules kept in memory (least recently loaded evicted first; a cache only, invisible to contracts).
    public var maxCachedModules = 256

    public init(clusterId: H256 = .zero, schedule: Schedule = Schedule(), backend: ContractStateBackend) {
        self.clusterId = clusterId
        self.schedule = schedule
        self.backend = backend
        self.engine = Engine(
            configuration: EngineConfiguration(
                compilationMode: .eager, stackSize: schedule.wasmStackSize, features: [],
                memoryBoundsChecking: .software, fuelMetering: true))
    }

    /// Registers a chain extension under an extension id. Code importing `call_chain_extension` is rejected while no
    /// extension is registered, as pallet-contracts does.
    public func register(chainExtension: ChainExtension, id: UInt16 = 0) {
        chainExtensions[id] = chainExtension
    }

    /// `blake2_256(code)`.
    public static func codeHash(_ code: [UInt8]) -> H256 { H256(unchecked: blake2_256(code)) }

    /// `blake2_256(deployer ‖ code_hash ‖ cluster_id ‖ salt)`.
    public func contractAddress(deployer: AccountId32, codeHash: H256, salt: [UInt8]) -> AccountId32 {
        Self.contractAddress(deployer: deployer.bytes, codeHash: codeHash.bytes, clusterId: clusterId.bytes, salt: salt)
    }

    /// Phala's `AddressGenerator`: `blake2_256` over the plain concatenation of the four byte strings.
    public static func contractAddress(deployer: [UInt8], codeHash: [UInt8], clusterId: [UInt8], salt: [UInt8])
        -> AccountId32
    {
        accountId(blake2_256(deployer + codeHash + clusterId + salt))
    }

    /// Validates code (eagerly, including every function body) and stores it. Returns the code hash.
    @discardableResult
    public func uploadCode(_ code: [UInt8]) throws(CodeRejection) -> H256 {
        let hash = Self.codeHash(code)
        _ = try prepare(code, hash: hash)
        if backend.code(hash) == nil {
            var changes = StateChanges()
            changes.codes = [(hash, code)]
            backend.apply(changes)
        }
        return hash
    }

    /// Validates code without storing it.
    public func validate(_ code: [UInt8]) throws(CodeRejection) {
        _ = try prepare(code, hash: Self.codeHash(code))
    }

    /// Calls a contract's `call` entry point (`ContractsApi_call`). Mode `.transaction` commits on success.
    public func call(
        origin: AccountId32, dest: AccountId32, value: UInt128 = 0, gasLimit: Weight? = nil,
        storageDepositLimit: UInt128? = nil, input: [UInt8], block: BlockContext = BlockContext(),
        mode: ExecutionMode = .transaction
    ) -> ContractExecResult {
        let execution = Execution(
            cluster: self, origin: origin, gasLimit: clamp(gasLimit), block: block, mode: mode)
        let outcome: Result<ExecReturnValue, DispatchError>
        if backend.contract(dest) == nil {
            outcome = .failure(dispatchError(.contractNotFound))
        } else {
            outcome = execution.runTop(
                .call, account: dest, codeHash: nil, value: value, input: input)
        }
        return execution.finish(outcome, storageDepositLimit: storageDepositLimit)
    }

    /// Instantiates a contract (`ContractsApi_instantiate`): uploads the code if given, derives the address, runs
    /// `deploy`. Mode `.transaction` commits on success.
    public func instantiate(
        origin: AccountId32, value: UInt128 = 0, gasLimit: Weight? = nil, storageDepositLimit: UInt128? = nil,
        code: ContractCode, input: [UInt8], salt: [UInt8] = [], block: BlockContext = BlockContext(),
        mode: ExecutionMode = .transaction
    ) -> ContractInstantiateResult {
        let execution = Execution(
            cluster: self, origin: origin, gasLimit: clamp(gasLimit), block: block, mode: mode)
        let codeHash: H256
        switch code {
        case .upload(let bytes):
            codeHash = Self.codeHash(bytes)
            do {
                _ = try prepare(bytes, hash: codeHash)
            } catch {
                let failed: Result<ExecReturnValue, DispatchError> = .failure(dispatchError(error.error))
                return execution.finishInstantiate(failed, account: nil, storageDepositLimit: storageDepositLimit)
            }
            execution.overlay.storeCode(codeHash, bytes)
        case .existing(let hash):
            codeHash = hash
        }
        let account = contractAddress(deployer: origin, codeHash: codeHash, salt: salt)
        let outcome = execution.runTop(.deploy, account: account, codeHash: codeHash, value: value, input: input)
        return execution.finishInstantiate(outcome, account: account, storageDepositLimit: storageDepositLimit)
    }

    /// A contract's raw storage value (`ContractsApi_get_storage`); `nil` when the contract or key does not exist.
    public func storage(contract: AccountId32, key: [UInt8]) -> [UInt8]? {
        guard backend.contract(contract) != nil else { return nil }
        return backend.storage(contract, key: key)
    }

    // MARK: Internals

    func dispatchError(_ error: ContractError) -> DispatchError {
        .module(index: schedule.palletIndex, error: error)
    }

    private func clamp(_ limit: Weight?) -> Weight {
        let maximum = Weight(refTime: 1 << 62, proofSize: 1 << 62)
        guard let limit else { return maximum }
        return Weight(refTime: min(limit.refTime, maximum.refTime), proofSize: min(limit.proofSize, maximum.proofSize))
    }

    /// The validated, parsed module for a code hash (cached), validating and eagerly translating on first use.
    func prepare(_ code: [UInt8], hash: H256) throws(CodeRejection) -> LoadedCode {
        if let cached = loaded[hash] { return cached }
        let validated = try CodeValidator.validate(
            code, schedule: schedule, hostFunctions: HostFunctions.signatures,
            allowChainExtension: !chainExtensions.isEmpty)
        let module: Module
        do {
            module = try parseWasm(bytes: validated.instrumentedCode, features: [])
        } catch {
            throw CodeRejection(.codeRejected, "malformed module: \(error)")
        }
        let entry = LoadedCode(hash: hash, validated: validated, module: module)
        // Instantiating once validates and translates every function body (eager mode); keep the instance pooled.
        do {
            let slot = try entry.makeSlot(engine: engine)
            entry.release(slot)
        } catch {
            throw CodeRejection(.codeRejected, "invalid module: \(error)")
        }
        loaded[hash] = entry
        loadOrder.append(hash)
        while loadOrder.count > max(1, maxCachedModules) {
            loaded[loadOrder.removeFirst()] = nil
        }
        return entry
    }

    /// The loaded module for stored code, or nil when no code is stored under the hash.
    func load(_ hash: H256, overlay: StateOverlay) -> LoadedCode? {
        if let cached = loaded[hash] { return cached }
        guard let code = overlay.code(hash) else { return nil }
        return try? prepare(code, hash: hash)
    }
}

/// A validated, parsed module and its pool of ready instances.
final class LoadedCode {
    let hash: H256
    let validated: ValidatedModule
    let module: Module
    private var pool: [InstanceSlot] = []

    init(hash: H256, validated: ValidatedModule, module: Module) {
        self.hash = hash
        self.validated = validated
        self.module = module
    }

    var codeLength: Int { validated.code.count }

    deinit {
        // Host functions reference the binding, which references the memory of the same store: break that cycle.
        for slot in pool { slot.binding.memory = nil }
    }

    func makeSlot(engine: Engine) throws -> InstanceSlot {
        try InstanceSlot(code: self, engine: engine)
    }

    /// A clean instance: from the pool, or new.
    func acquire(engine: Engine) throws -> InstanceSlot {
        if let slot = pool.popLast() { return slot }
        return try makeSlot(engine: engine)
    }

    /// Resets an instance and returns it to the pool (dropped if its memory grew: memory cannot shrink).
    func release(_ slot: InstanceSlot) {
        slot.binding.execution = nil
        slot.binding.frame = nil
        guard slot.reset(), pool.count < 8 else {
            slot.binding.memory = nil
            return
        }
        pool.append(slot)
    }
}

/// Connects host functions to the execution and frame currently running in an instance.
final class HostBinding {
    var execution: Execution?
    var frame: Frame?
    var memory: Memory?
}

/// One instance of a module with its own store, memory, host functions and interpreter stack.
final class InstanceSlot {
    let store: Store
    let memory: Memory
    let instance: Instance
    let deploy: Function
    let call: Function
    let binding: HostBinding
    private let globals: [Global]
    private let globalSnapshot: [Value]
    private let memorySnapshot: [UInt8]
    var stack: ExecutionStack

    init(code: LoadedCode, engine: Engine) throws {
        store = Store(engine: engine)
        binding = HostBinding()
        memory = try Memory(
            store: store,
            type: MemoryType(min: code.validated.memoryMinimum, max: code.validated.memoryMaximum))
        binding.memory = memory
        var imports = Imports()
        imports.define(module: "env", name: "memory", memory)
        for name in code.validated.imports {
            guard let function = HostFunctions.make(name, store: store, binding: binding) else {
                throw CodeRejection(.codeRejected, "unknown host function \(name)")
            }
            let dot = name.firstIndex(of: ".")!
            imports.define(
                module: String(name[..<dot]), name: String(name[name.index(after: dot)...]), function)
        }
        instance = try code.module.instantiate(store: store, imports: imports)
        guard let deploy = instance.exports[function: "deploy"], let call = instance.exports[function: "call"] else {
            throw CodeRejection(.codeRejected, "missing entry points")
        }
        self.deploy = deploy
        self.call = call
        let instance = self.instance
        let memory = self.memory
        let globals = code.validated.globalExports.compactMap { instance.exports[global: $0] }
        self.globals = globals
        globalSnapshot = globals.map(\.value)
        let size = memory.byteCount
        memorySnapshot = size == 0 ? [] : memory.withUnsafeBufferPointer(offset: 0, count: size) { Array($0) }
        stack = ExecutionStack(engine: engine)
    }

    /// Restores memory and globals to their state right after instantiation. False if that is impossible.
    func reset() -> Bool {
        guard memory.byteCount == memorySnapshot.count else { return false }
        if !memorySnapshot.isEmpty {
            memorySnapshot.withUnsafeBytes { source in
                memory.withUnsafeMutableBufferPointer(offset: 0, count: source.count) { target in
                    target.copyMemory(from: source)
                }
            }
        }
        for (global, value) in zip(globals, globalSnapshot) {
            do { try global.assign(value) } catch { return false }
        }
        return true
    }
}
