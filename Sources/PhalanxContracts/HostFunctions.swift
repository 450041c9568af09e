import PhalanxPrimitives
import WasmKit
import WasmTypes

/// `u32::MAX`: "absent" in return values, "skip the copy" for call and instantiate outputs.
let sentinel: UInt32 = .max

extension Value {
    @inline(__always) var u32: UInt32 {
        if case .i32(let value) = self { return value }
        return 0
    }

    @inline(__always) var u64: UInt64 {
        if case .i64(let value) = self { return value }
        return 0
    }
}

/// Bounds-checked guest memory access. Every guest pointer goes through here: a bad range traps the contract with
/// `OutOfBounds` instead of reaching WasmKit's precondition (which would crash the host).
struct GuestMemory {
    let memory: Memory

    @inline(__always) private func check(_ pointer: UInt32, _ length: Int) throws(HostSignal) {
        if length < 0 || UInt64(pointer) + UInt64(length) > UInt64(memory.byteCount) { throw .trap(.outOfBounds) }
    }

    func read(_ pointer: UInt32, _ length: UInt32) throws(HostSignal) -> [UInt8] {
        try check(pointer, Int(length))
        if length == 0 { return [] }
        return memory.withUnsafeBufferPointer(offset: UInt(pointer), count: Int(length)) { Array($0) }
    }

    func readU32(_ pointer: UInt32) throws(HostSignal) -> UInt32 {
        let bytes = try read(pointer, 4)
        return UInt32(bytes[0]) | UInt32(bytes[1]) << 8 | UInt32(bytes[2]) << 16 | UInt32(bytes[3]) << 24
    }

    func readU128(_ pointer: UInt32) throws(HostSignal) -> UInt128 {
        let bytes = try read(pointer, 16)
        var value: UInt128 = 0
        for byte in bytes.reversed() { value = value << 8 | UInt128(byte) }
        return value
    }

    func readAccount(_ pointer: UInt32) throws(HostSignal) -> AccountId32 {
        accountId(try read(pointer, 32))
    }

    func readHash(_ pointer: UInt32) throws(HostSignal) -> H256 {
        H256(unchecked: try read(pointer, 32))
    }

    func write(_ pointer: UInt32, _ bytes: [UInt8]) throws(HostSignal) {
        try check(pointer, bytes.count)
        if bytes.isEmpty { return }
        memory.withUnsafeMutableBufferPointer(offset: UInt(pointer), count: bytes.count) { target in
            bytes.withUnsafeBytes { target.copyMemory(from: $0) }
        }
    }

    func writeU32(_ pointer: UInt32, _ value: UInt32) throws(HostSignal) {
        try write(
            pointer, [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 24)])
    }

    /// `write_sandbox_output`: the capacity is the u32 at `lengthPointer`; too small traps; the length is written back.
    func writeOutput(_ pointer: UInt32, _ lengthPointer: UInt32, _ data: [UInt8], allowSkip: Bool = false)
        throws(HostSignal)
    {
        if allowSkip && pointer == sentinel { return }
        let capacity = try readU32(lengthPointer)
        if UInt64(capacity) < UInt64(data.count) { throw .trap(.outputBufferTooSmall) }
        try write(pointer, data)
        try writeU32(lengthPointer, UInt32(data.count))
    }
}

/// An AccountId32 from exactly 32 bytes (every caller passes 32).
func accountId(_ bytes: [UInt8]) -> AccountId32 {
    AccountId32(bytes: bytes) ?? AccountId32(bytes: [UInt8](repeating: 0, count: 32))!
}

func littleEndian<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
    withUnsafeBytes(of: value.littleEndian) { Array($0) }
}

/// Signature of a host function's implementation.
typealias HostImplementation = (Execution, Frame, GuestMemory, UnsafeBufferPointer<Value>) throws(HostSignal) -> UInt32?

/// The `seal0`/`seal1`/`seal2` host API of pallet-contracts 40.1.0 that ink! 4.x and 5.x can import, under both the
/// plain and the `seal_`-prefixed names. Unstable functions (transient storage, reentrance counts) are not linked.
enum HostFunctions {
    struct Definition {
        var module: String
        var name: String
        var prefixed: Bool
        var parameters: [ValueType]
        var result: ValueType?
        var implementation: HostImplementation
    }

    nonisolated(unsafe) static let definitions: [Definition] = buildDefinitions()

    /// `module.name` → definition, including aliases.
    nonisolated(unsafe) static let table: [String: Definition] = {
        var table: [String: Definition] = [:]
        for definition in definitions {
            table["\(definition.module).\(definition.name)"] = definition
            if definition.prefixed { table["\(definition.module).seal_\(definition.name)"] = definition }
        }
        return table
    }()

    /// `module.name` → Wasm signature, for validation.
    static let signatures: [String: FunctionType] = table.mapValues {
        FunctionType(parameters: $0.parameters, results: $0.result.map { [$0] } ?? [])
    }

    /// Creates the WasmKit function for an import, bound to an instance's `binding`.
    static func make(_ name: String, store: Store, binding: HostBinding) -> Function? {
        guard let definition = table[name] else { return nil }
        let implementation = definition.implementation
        let hasResult = definition.result != nil
        return Function(
            store: store, parameters: definition.parameters, results: definition.result.map { [$0] } ?? []
        ) { _, arguments, results in
            guard let execution = binding.execution, let frame = binding.frame, let memory = binding.memory else {
                throw HostSignal.trap(.contractTrapped)
            }
            execution.syncFuel(frame)
            defer { execution.assignFuel(frame) }
            try execution.charge(frame, refTime: execution.schedule.hostFunctionBase)
            let value = try implementation(execution, frame, GuestMemory(memory: memory), arguments)
            if hasResult { results[0] = .i32(value ?? 0) }
        }
    }

    // swiftlint:disable:next function_body_length
    private static func buildDefinitions() -> [Definition] {
        var list: [Definition] = []
        func define(
            _ module: String, _ name: String, prefixed: Bool = true, _ parameters: [ValueType], _ result: ValueType?,
            _ implementation: @escaping HostImplementation
        ) {
            list.append(
                Definition(
                    module: module, name: name, prefixed: prefixed, parameters: parameters, result: result,
                    implementation: implementation))
        }
        let i32 = ValueType.i32
        let i64 = ValueType.i64

        // MARK: Execution I/O
        define("seal0", "input", [i32, i32], nil) { exec, frame, memory, args throws(HostSignal) in
            if frame.inputForwarded { throw .trap(.inputForwarded) }
            try exec.charge(frame, refTime: exec.schedule.perByte * UInt64(frame.input.count))
            try memory.writeOutput(args[0].u32, args[1].u32, frame.input)
            return nil
        }
        define("seal0", "seal_return", prefixed: false, [i32, i32, i32], nil) {
            exec, frame, memory, args throws(HostSignal) in
            let flags = args[0].u32
            if flags & ~ReturnFlags.revert.rawValue != 0 { throw .trap(.invalidCallFlags) }
            try exec.charge(frame, refTime: exec.schedule.perByte * UInt64(args[2].u32))
            let data = try memory.read(args[1].u32, args[2].u32)
            throw .returned(ExecReturnValue(flags: ReturnFlags(rawValue: flags), data: data))
        }

        // MARK: Context getters
        func getter(_ name: String, _ value: @escaping (Execution, Frame) throws(HostSignal) -> [UInt8]) {
            define("seal0", name, [i32, i32], nil) { exec, frame, memory, args throws(HostSignal) in
                try memory.writeOutput(args[0].u32, args[1].u32, try value(exec, frame))
                return nil
            }
        }
        getter("caller") { _, frame throws(HostSignal) in frame.caller.bytes }
        getter("address") { _, frame throws(HostSignal) in frame.account.bytes }
        getter("value_transferred") { _, frame throws(HostSignal) in littleEndian(frame.value) }
        getter("balance") { exec, frame throws(HostSignal) in
            let balance = exec.overlay.balance(frame.account)
            let ed = exec.schedule.existentialDeposit
            return littleEndian(balance > ed ? balance - ed : 0)
        }
        getter("minimum_balance") { exec, _ throws(HostSignal) in littleEndian(exec.schedule.existentialDeposit) }
        getter("block_number") { exec, _ throws(HostSignal) in littleEndian(exec.block.blockNumber) }
        getter("now") { exec, _ throws(HostSignal) in littleEndian(exec.block.timestamp) }
        getter("gas_left") { exec, frame throws(HostSignal) in
            littleEndian(frame.refTimeCeiling > exec.refTimeConsumed ? frame.refTimeCeiling - exec.refTimeConsumed : 0)
        }
        getter("own_code_hash") { exec, frame throws(HostSignal) in
            (exec.overlay.contract(frame.account)?.codeHash ?? frame.codeHash).bytes
        }
        getter("tombstone_deposit") { _, _ throws(HostSignal) in littleEndian(UInt128(0)) }
        getter("rent_allowance") { _, _ throws(HostSignal) in littleEndian(UInt128.max) }
        define("seal0", "weight_to_fee", [i64, i32, i32], nil) { exec, _, memory, args throws(HostSignal) in
            let fee = UInt128(args[0].u64) * exec.schedule.feePerRefTime
            try memory.writeOutput(args[1].u32, args[2].u32, littleEndian(fee))
            return nil
        }
        define("seal0", "code_hash", [i32, i32, i32], i32) { exec, _, memory, args throws(HostSignal) in
            let account = try memory.readAccount(args[0].u32)
            guard let info = exec.overlay.contract(account) else { return 3 }
            try memory.writeOutput(args[1].u32, args[2].u32, info.codeHash.bytes)
            return 0
        }
        define("seal0", "is_contract", [i32], i32) { exec, _, memory, args throws(HostSignal) in
            exec.overlay.contract(try memory.readAccount(args[0].u32)) != nil ? 1 : 0
        }
        define("seal0", "caller_is_origin", [], i32) { exec, frame, _, _ throws(HostSignal) in
            frame.caller == exec.origin ? 1 : 0
        }
        define("seal0", "caller_is_root", prefixed: false, [], i32) { _, _, _, _ throws(HostSignal) in 0 }

        // MARK: Storage
        func key(_ exec: Execution, _ frame: Frame, _ memory: GuestMemory, _ pointer: UInt32, _ length: UInt32?)
            throws(HostSignal) -> StorageSlot
        {
            guard let length else {
                return StorageSlot(contract: frame.account, key: blake2_256(try memory.read(pointer, 32)))
            }
            if Int(length) > exec.schedule.maxStorageKeyLength { throw .trap(.decodingFailed) }
            return StorageSlot(contract: frame.account, key: try memory.read(pointer, length))
        }
        func chargeRead(_ exec: Execution, _ frame: Frame, _ slot: StorageSlot, _ length: Int) throws(HostSignal) {
            try exec.charge(
                frame, refTime: exec.schedule.storageRead + exec.schedule.perByte * UInt64(length),
                proofSize: exec.schedule.storageProofBase + UInt64(slot.key.count + length))
        }
        func set(
            _ exec: Execution, _ frame: Frame, _ memory: GuestMemory, _ slot: StorageSlot, _ pointer: UInt32,
            _ length: UInt32
        ) throws(HostSignal) -> UInt32 {
            if frame.readOnly { throw .trap(.stateChangeDenied) }
            if Int(length) > exec.schedule.maxValueSize { throw .trap(.valueTooLarge) }
            try exec.charge(
                frame, refTime: exec.schedule.storageWrite + exec.schedule.perByte * UInt64(length),
                proofSize: exec.schedule.storageProofBase + UInt64(slot.key.count))
            let value = try memory.read(pointer, length)
            let previous = exec.overlay.setStorage(slot, value)
            return previous.map { UInt32($0.count) } ?? sentinel
        }
        func clear(_ exec: Execution, _ frame: Frame, _ slot: StorageSlot) throws(HostSignal) -> UInt32 {
            if frame.readOnly { throw .trap(.stateChangeDenied) }
            try exec.charge(
                frame, refTime: exec.schedule.storageWrite,
                proofSize: exec.schedule.storageProofBase + UInt64(slot.key.count))
            return exec.overlay.setStorage(slot, nil).map { UInt32($0.count) } ?? sentinel
        }
        func get(
            _ exec: Execution, _ frame: Frame, _ memory: GuestMemory, _ slot: StorageSlot, _ out: UInt32,
            _ outLength: UInt32, take: Bool
        ) throws(HostSignal) -> UInt32 {
            if take && frame.readOnly { throw .trap(.stateChangeDenied) }
            let value = exec.overlay.storageValue(slot)
            try chargeRead(exec, frame, slot, value?.count ?? 0)
            guard let value else { return 3 }
            try memory.writeOutput(out, outLength, value)
            if take {
                try exec.charge(frame, refTime: exec.schedule.storageWrite)
                exec.overlay.setStorage(slot, nil)
            }
            return 0
        }
        func contains(_ exec: Execution, _ frame: Frame, _ slot: StorageSlot) throws(HostSignal) -> UInt32 {
            let value = exec.overlay.storageValue(slot)
            try chargeRead(exec, frame, slot, 0)
            return value.map { UInt32($0.count) } ?? sentinel
        }

        define("seal2", "set_storage", [i32, i32, i32, i32], i32) { exec, frame, memory, args throws(HostSignal) in
            try set(
                exec, frame, memory, try key(exec, frame, memory, args[0].u32, args[1].u32), args[2].u32, args[3].u32)
        }
        define("seal1", "set_storage", [i32, i32, i32], i32) { exec, frame, memory, args throws(HostSignal) in
            try set(exec, frame, memory, try key(exec, frame, memory, args[0].u32, nil), args[1].u32, args[2].u32)
        }
        define("seal0", "set_storage", [i32, i32, i32], nil) { exec, frame, memory, args throws(HostSignal) in
            _ = try set(exec, frame, memory, try key(exec, frame, memory, args[0].u32, nil), args[1].u32, args[2].u32)
            return nil
        }
        define("seal1", "get_storage", [i32, i32, i32, i32], i32) { exec, frame, memory, args throws(HostSignal) in
            try get(
                exec, frame, memory, try key(exec, frame, memory, args[0].u32, args[1].u32), args[2].u32, args[3].u32,
                take: false)
        }
        define("seal0", "get_storage", [i32, i32, i32], i32) { exec, frame, memory, args throws(HostSignal) in
            try get(
                exec, frame, memory, try key(exec, frame, memory, args[0].u32, nil), args[1].u32, args[2].u32,
                take: false)
        }
        define("seal0", "take_storage", [i32, i32, i32, i32], i32) { exec, frame, memory, args throws(HostSignal) in
            try get(
                exec, frame, memory, try key(exec, frame, memory, args[0].u32, args[1].u32), args[2].u32, args[3].u32,
                take: true)
        }
        define("seal1", "contains_storage", [i32, i32], i32) { exec, frame, memory, args throws(HostSignal) in
            try contains(exec, frame, try key(exec, frame, memory, args[0].u32, args[1].u32))
        }
        define("seal0", "contains_storage", [i32], i32) { exec, frame, memory, args throws(HostSignal) in
            try contains(exec, frame, try key(exec, frame, memory, args[0].u32, nil))
        }
        define("seal1", "clear_storage", [i32, i32], i32) { exec, frame, memory, args throws(HostSignal) in
            try clear(exec, frame, try key(exec, frame, memory, args[0].u32, args[1].u32))
        }
        define("seal0", "clear_storage", [i32], nil) { exec, frame, memory, args throws(HostSignal) in
            _ = try clear(exec, frame, try key(exec, frame, memory, args[0].u32, nil))
            return nil
        }

        // MARK: Hashing and crypto
        func hash(_ name: String, _ function: @escaping ([UInt8]) -> [UInt8]) {
            define("seal0", name, [i32, i32, i32], nil) { exec, frame, memory, args throws(HostSignal) in
                try exec.charge(frame, refTime: exec.schedule.hashPerByte * UInt64(args[1].u32))
                let input = try memory.read(args[0].u32, args[1].u32)
                try memory.write(args[2].u32, function(input))
                return nil
            }
        }
        hash("hash_blake2_256", blake2_256)
        hash("hash_blake2_128", blake2_128)
        hash("hash_sha2_256", sha2_256)
        hash("hash_keccak_256", keccak_256)
        define("seal0", "ecdsa_recover", [i32, i32, i32], i32) { exec, frame, memory, args throws(HostSignal) in
            try exec.charge(frame, refTime: exec.schedule.signatureCheck)
            let signature = try memory.read(args[0].u32, 65)
            let digest = try memory.read(args[1].u32, 32)
            guard let key = Ecdsa.recover(signature: signature, digest: digest) else { return 11 }
            try memory.write(args[2].u32, key)
            return 0
        }
        define("seal0", "ecdsa_to_eth_address", [i32, i32], i32) { exec, frame, memory, args throws(HostSignal) in
            try exec.charge(frame, refTime: exec.schedule.signatureCheck / 10)
            let key = try memory.read(args[0].u32, 33)
            guard let address = try? Ecdsa.ethereumAddress(publicKey: key), address.count == 20 else { return 11 }
            try memory.write(args[1].u32, address)
            return 0
        }
        define("seal0", "sr25519_verify", [i32, i32, i32, i32], i32) { exec, frame, memory, args throws(HostSignal) in
            try exec.charge(
                frame, refTime: exec.schedule.signatureCheck + exec.schedule.hashPerByte * UInt64(args[2].u32))
            let signature = try memory.read(args[0].u32, 64)
            let publicKey = try memory.read(args[1].u32, 32)
            let message = try memory.read(args[3].u32, args[2].u32)
            return Sr25519.verify(signature: signature, message: message, publicKey: publicKey) ? 0 : 12
        }
        func random(_ module: String, withBlock: Bool) {
            define(module, "random", [i32, i32, i32, i32], nil) { exec, frame, memory, args throws(HostSignal) in
                if args[1].u32 > 32 { throw .trap(.randomSubjectTooLong) }
                try exec.charge(frame, refTime: exec.schedule.hashPerByte * 64)
                let subject = try memory.read(args[0].u32, args[1].u32)
                var output = blake2_256(exec.block.randomSeed.bytes + subject)
                if withBlock { output += littleEndian(exec.block.blockNumber) }
                try memory.writeOutput(args[2].u32, args[3].u32, output)
                return nil
            }
        }
        random("seal0", withBlock: false)
        random("seal1", withBlock: true)

        // MARK: Events and debugging
        define("seal0", "deposit_event", [i32, i32, i32, i32], nil) { exec, frame, memory, args throws(HostSignal) in
            if frame.readOnly { throw .trap(.stateChangeDenied) }
            let topicsLength = args[1].u32
            let dataLength = args[3].u32
            if Int(dataLength) > exec.schedule.maxValueSize { throw .trap(.valueTooLarge) }
            var topics: [H256] = []
            if topicsLength > 0 {
                if Int(topicsLength) > 5 + 32 * exec.schedule.maxEventTopics { throw .trap(.tooManyTopics) }
                let raw = try memory.read(args[0].u32, topicsLength)
                var decoder = ScaleDecoder(raw)
                guard let count = try? decoder.decodeLength(minimumElementSize: 32) else {
                    throw .trap(.decodingFailed)
                }
                if count > exec.schedule.maxEventTopics { throw .trap(.tooManyTopics) }
                for _ in 0..<count {
                    guard let topic = try? decoder.readBytes(32) else { throw .trap(.decodingFailed) }
                    topics.append(H256(unchecked: topic))
                }
            }
            try exec.charge(
                frame,
                refTime: exec.schedule.eventBase + exec.schedule.eventPerTopic * UInt64(topics.count)
                    + exec.schedule.perByte * UInt64(dataLength))
            let data = try memory.read(args[2].u32, dataLength)
            exec.events.append(ContractEvent(contract: frame.account, topics: topics, data: data))
            return nil
        }
        define("seal0", "debug_message", [i32, i32], i32) { exec, frame, memory, args throws(HostSignal) in
            try exec.charge(frame, refTime: exec.schedule.perByte * UInt64(args[1].u32))
            let text = try memory.read(args[0].u32, args[1].u32)
            if exec.debugBuffer.count + text.count <= exec.schedule.maxDebugBufferLength {
                exec.debugBuffer += text
            }
            return 0
        }

        // MARK: Chain extension and runtime calls
        define("seal0", "call_chain_extension", [i32, i32, i32, i32, i32], i32) {
            exec, frame, memory, args throws(HostSignal) in
            let id = args[0].u32
            guard let extensionHandler = exec.cluster.chainExtensions[UInt16(id >> 16)] else {
                throw .trap(.noChainExtension)
            }
            try exec.charge(
                frame, refTime: exec.schedule.chainExtensionBase + exec.schedule.perByte * UInt64(args[2].u32))
            let input = try memory.read(args[1].u32, args[2].u32)
            let context = ChainExtensionContext(
                contract: frame.account, caller: frame.caller, origin: exec.origin, isQuery: exec.mode == .query,
                isReadOnly: frame.readOnly, blockNumber: exec.block.blockNumber, timestamp: exec.block.timestamp,
                state: exec.overlay)
            let outcome: ChainExtensionOutcome
            do {
                outcome = try extensionHandler.call(
                    functionId: UInt16(id & 0xFFFF), input: input, context: context,
                    chargeGas: { refTime in try exec.charge(frame, refTime: refTime) })
            } catch let signal as HostSignal {
                throw signal
            } catch {
                throw .trap(.contractTrapped)
            }
            switch outcome {
            case .converging(let status, let output):
                try memory.writeOutput(args[3].u32, args[4].u32, output)
                return status
            case .diverging(let flags, let data):
                throw .returned(ExecReturnValue(flags: flags, data: data))
            }
        }
        define("seal0", "call_runtime", [i32, i32], i32) { _, frame, _, _ throws(HostSignal) in
            if frame.readOnly { throw .trap(.stateChangeDenied) }
            return 10  // CallRuntimeFailed: a cluster has no runtime calls
        }
        define("seal0", "xcm_execute", prefixed: false, [i32, i32], i32) { _, frame, _, _ throws(HostSignal) in
            if frame.readOnly { throw .trap(.stateChangeDenied) }
            return 13
        }
        define("seal0", "xcm_send", prefixed: false, [i32, i32, i32, i32], i32) { _, frame, _, _ throws(HostSignal) in
            if frame.readOnly { throw .trap(.stateChangeDenied) }
            return 14
        }
        for name in ["lock_delegate_dependency", "unlock_delegate_dependency"] {
            define("seal0", name, prefixed: false, [i32], nil) { _, frame, memory, args throws(HostSignal) in
                if frame.readOnly { throw .trap(.stateChangeDenied) }
                _ = try memory.readHash(args[0].u32)
                return nil
            }
        }

        // MARK: Balances and lifecycle
        define("seal0", "transfer", [i32, i32, i32, i32], i32) { exec, frame, memory, args throws(HostSignal) in
            if frame.readOnly { throw .trap(.stateChangeDenied) }
            try exec.charge(frame, refTime: exec.schedule.transfer)
            let destination = try memory.readAccount(args[0].u32)
            let value = try memory.readU128(args[2].u32)
            let ok = exec.overlay.transfer(
                from: frame.account, to: destination, value: value,
                existentialDeposit: exec.schedule.existentialDeposit,
                allowDeath: false)
            return ok ? 0 : 5
        }
        func terminate(_ exec: Execution, _ frame: Frame, _ memory: GuestMemory, _ pointer: UInt32) throws(HostSignal) {
            if frame.readOnly { throw .trap(.stateChangeDenied) }
            if frame.entry == .deploy { throw .trap(.terminatedInConstructor) }
            if exec.frames.filter({ $0.account == frame.account }).count > 1 {
                throw .trap(.terminatedWhileReentrant)
            }
            try exec.charge(frame, refTime: exec.schedule.transfer + exec.schedule.storageWrite)
            let beneficiary = try memory.readAccount(pointer)
            let balance = exec.overlay.balance(frame.account)
            _ = exec.overlay.transfer(
                from: frame.account, to: beneficiary, value: balance, existentialDeposit: 0, allowDeath: true)
            exec.overlay.removeContract(frame.account)
            throw .terminated
        }
        define("seal1", "terminate", [i32], nil) { exec, frame, memory, args throws(HostSignal) in
            try terminate(exec, frame, memory, args[0].u32)
            return nil
        }
        define("seal0", "terminate", [i32, i32], nil) { exec, frame, memory, args throws(HostSignal) in
            try terminate(exec, frame, memory, args[0].u32)
            return nil
        }
        define("seal0", "set_code_hash", [i32], i32) { exec, frame, memory, args throws(HostSignal) in
            if frame.readOnly { throw .trap(.stateChangeDenied) }
            try exec.charge(frame, refTime: exec.schedule.storageWrite)
            let hash = try memory.readHash(args[0].u32)
            guard exec.cluster.load(hash, overlay: exec.overlay) != nil else { return 7 }
            guard var info = exec.overlay.contract(frame.account) else { throw .trap(.contractNotFound) }
            info.codeHash = hash
            exec.overlay.setContract(frame.account, info)
            return 0
        }

        // MARK: Calls and instantiation
        define("seal2", "call", prefixed: false, [i32, i32, i64, i64, i32, i32, i32, i32, i32, i32], i32) {
            exec, frame, memory, args throws(HostSignal) in
            // The nested deposit limit is read (and bounds-checked) but deposits are limited for the whole execution.
            if args[4].u32 != sentinel { _ = try memory.readU128(args[4].u32) }
            return try exec.hostCall(
                frame, memory, flags: args[0].u32, callee: args[1].u32, refTime: args[2].u64, proofSize: args[3].u64,
                value: args[5].u32, input: args[6].u32, inputLength: args[7].u32, output: args[8].u32,
                outputLength: args[9].u32)
        }
        define("seal1", "call", [i32, i32, i64, i32, i32, i32, i32, i32], i32) {
            exec, frame, memory, args throws(HostSignal) in
            try exec.hostCall(
                frame, memory, flags: args[0].u32, callee: args[1].u32, refTime: args[2].u64, proofSize: 0,
                value: args[3].u32, input: args[4].u32, inputLength: args[5].u32, output: args[6].u32,
                outputLength: args[7].u32)
        }
        define("seal0", "call", [i32, i32, i64, i32, i32, i32, i32, i32, i32], i32) {
            exec, frame, memory, args throws(HostSignal) in
            try exec.hostCall(
                frame, memory, flags: CallFlags.allowReentry.rawValue, callee: args[0].u32, refTime: args[2].u64,
                proofSize: 0, value: args[3].u32, input: args[5].u32, inputLength: args[6].u32, output: args[7].u32,
                outputLength: args[8].u32)
        }
        define("seal0", "delegate_call", [i32, i32, i32, i32, i32, i32], i32) {
            exec, frame, memory, args throws(HostSignal) in
            try exec.hostDelegateCall(
                frame, memory, flags: args[0].u32, codeHash: args[1].u32, input: args[2].u32,
                inputLength: args[3].u32, output: args[4].u32, outputLength: args[5].u32)
        }
        define(
            "seal2", "instantiate", prefixed: false,
            [i32, i64, i64, i32, i32, i32, i32, i32, i32, i32, i32, i32, i32], i32
        ) { exec, frame, memory, args throws(HostSignal) in
            if args[3].u32 != sentinel { _ = try memory.readU128(args[3].u32) }
            return try exec.hostInstantiate(
                frame, memory, codeHash: args[0].u32, refTime: args[1].u64, proofSize: args[2].u64,
                value: args[4].u32, input: args[5].u32, inputLength: args[6].u32, address: args[7].u32,
                addressLength: args[8].u32, output: args[9].u32, outputLength: args[10].u32, salt: args[11].u32,
                saltLength: args[12].u32)
        }
        define("seal1", "instantiate", [i32, i64, i32, i32, i32, i32, i32, i32, i32, i32, i32], i32) {
            exec, frame, memory, args throws(HostSignal) in
            try exec.hostInstantiate(
                frame, memory, codeHash: args[0].u32, refTime: args[1].u64, proofSize: 0, value: args[2].u32,
                input: args[3].u32, inputLength: args[4].u32, address: args[5].u32, addressLength: args[6].u32,
                output: args[7].u32, outputLength: args[8].u32, salt: args[9].u32, saltLength: args[10].u32)
        }
        define("seal0", "instantiate", [i32, i32, i64, i32, i32, i32, i32, i32, i32, i32, i32, i32, i32], i32) {
            exec, frame, memory, args throws(HostSignal) in
            try exec.hostInstantiate(
                frame, memory, codeHash: args[0].u32, refTime: args[2].u64, proofSize: 0, value: args[3].u32,
                input: args[5].u32, inputLength: args[6].u32, address: args[7].u32, addressLength: args[8].u32,
                output: args[9].u32, outputLength: args[10].u32, salt: args[11].u32, saltLength: args[12].u32)
        }
        return list
    }
}

extension Execution {
    /// Maps a nested frame's outcome to the caller's return code, writing the output where the pallet does.
    private func deliver(
        _ run: () throws(NestedFailure) -> ExecReturnValue, memory: GuestMemory, output: UInt32,
        outputLength: UInt32, onSuccess: (ExecReturnValue) throws(HostSignal) -> Void = { _ throws(HostSignal) in }
    ) throws(HostSignal) -> UInt32 {
        let result: ExecReturnValue
        do {
            result = try run()
        } catch {
            switch error {
            case .code(let code): return code
            case .trapCaller(let reason): throw .trap(reason)
            }
        }
        try onSuccess(result)
        try memory.writeOutput(output, outputLength, result.data, allowSkip: true)
        return result.didRevert ? 2 : 0
    }

    func hostCall(
        _ frame: Frame, _ memory: GuestMemory, flags rawFlags: UInt32, callee: UInt32, refTime: UInt64,
        proofSize: UInt64, value valuePointer: UInt32, input: UInt32, inputLength: UInt32, output: UInt32,
        outputLength: UInt32
    ) throws(HostSignal) -> UInt32 {
        let flags = CallFlags(rawValue: rawFlags)
        if !CallFlags.all.isSuperset(of: flags) { throw .trap(.invalidCallFlags) }
        try charge(frame, refTime: schedule.callBase)
        let destination = try memory.readAccount(callee)
        let value = try memory.readU128(valuePointer)
        if frame.readOnly && value > 0 { throw .trap(.stateChangeDenied) }
        let callInput: [UInt8]
        if flags.contains(.cloneInput) {
            if frame.inputForwarded { throw .trap(.inputForwarded) }
            callInput = frame.input
        } else if flags.contains(.forwardInput) {
            if frame.inputForwarded { throw .trap(.inputForwarded) }
            callInput = frame.input
            frame.input = []
            frame.inputForwarded = true
        } else {
            try charge(frame, refTime: schedule.perByte * UInt64(inputLength))
            callInput = try memory.read(input, inputLength)
        }
        // Re-entry: denied if the destination is on the stack in a frame that did not allow it.
        frame.allowsReentry = flags.contains(.allowReentry)
        defer { frame.allowsReentry = true }
        if frames.contains(where: { $0.account == destination && !$0.allowsReentry }) {
            throw .trap(.reentranceDenied)
        }
        let code = try deliver(
            { () throws(NestedFailure) -> ExecReturnValue in
                try runFrame(
                    .call, account: destination, codeHash: nil, caller: frame.account, value: value,
                    input: callInput, readOnly: flags.contains(.readOnly), isDelegate: false, refTimeLimit: refTime,
                    proofSizeLimit: proofSize)
            }, memory: memory, output: output, outputLength: outputLength,
            onSuccess: { result throws(HostSignal) in
                if flags.contains(.tailCall) && !result.didRevert { throw .returned(result) }
            })
        return code
    }

    func hostDelegateCall(
        _ frame: Frame, _ memory: GuestMemory, flags rawFlags: UInt32, codeHash: UInt32, input: UInt32,
        inputLength: UInt32, output: UInt32, outputLength: UInt32
    ) throws(HostSignal) -> UInt32 {
        let flags = CallFlags(rawValue: rawFlags)
        if !CallFlags.all.isSuperset(of: flags) || flags.contains(.allowReentry) || flags.contains(.readOnly) {
            throw .trap(.invalidCallFlags)
        }
        try charge(frame, refTime: schedule.callBase)
        let hash = try memory.readHash(codeHash)
        let callInput: [UInt8]
        if flags.contains(.cloneInput) || flags.contains(.forwardInput) {
            if frame.inputForwarded { throw .trap(.inputForwarded) }
            callInput = frame.input
            if !flags.contains(.cloneInput) {
                frame.input = []
                frame.inputForwarded = true
            }
        } else {
            try charge(frame, refTime: schedule.perByte * UInt64(inputLength))
            callInput = try memory.read(input, inputLength)
        }
        return try deliver(
            { () throws(NestedFailure) -> ExecReturnValue in
                try runFrame(
                    .call, account: frame.account, codeHash: hash, caller: frame.caller, value: frame.value,
                    input: callInput, readOnly: frame.readOnly, isDelegate: true, refTimeLimit: 0, proofSizeLimit: 0)
            }, memory: memory, output: output, outputLength: outputLength,
            onSuccess: { result throws(HostSignal) in
                if flags.contains(.tailCall) && !result.didRevert { throw .returned(result) }
            })
    }

    func hostInstantiate(
        _ frame: Frame, _ memory: GuestMemory, codeHash: UInt32, refTime: UInt64, proofSize: UInt64,
        value valuePointer: UInt32, input: UInt32, inputLength: UInt32, address: UInt32, addressLength: UInt32,
        output: UInt32, outputLength: UInt32, salt: UInt32, saltLength: UInt32
    ) throws(HostSignal) -> UInt32 {
        if frame.readOnly { throw .trap(.stateChangeDenied) }
        try charge(frame, refTime: schedule.callBase + schedule.perByte * (UInt64(inputLength) + UInt64(saltLength)))
        let hash = try memory.readHash(codeHash)
        let value = try memory.readU128(valuePointer)
        let callInput = try memory.read(input, inputLength)
        let saltBytes = try memory.read(salt, saltLength)
        let account = cluster.contractAddress(deployer: frame.account, codeHash: hash, salt: saltBytes)
        return try deliver(
            { () throws(NestedFailure) -> ExecReturnValue in
                try runFrame(
                    .deploy, account: account, codeHash: hash, caller: frame.account, value: value, input: callInput,
                    readOnly: false, isDelegate: false, refTimeLimit: refTime, proofSizeLimit: proofSize)
            }, memory: memory, output: output, outputLength: outputLength,
            onSuccess: { result throws(HostSignal) in
                if !result.didRevert {
                    try memory.writeOutput(address, addressLength, account.bytes, allowSkip: true)
                }
            })
    }
}

/// A linked host function, for documentation and tooling: `module.name` and its Wasm signature.
public struct HostFunctionDescriptor: Hashable, Sendable {
    /// `seal0`, `seal1` or `seal2`.
    public var module: String
    /// The import name (plain or `seal_`-prefixed).
    public var name: String
    /// Parameter types, `"i32"` or `"i64"`.
    public var parameters: [String]
    /// Whether it returns an `i32`.
    public var hasResult: Bool
}

extension ContractCluster {
    /// Every host function a contract may import, sorted by module and name.
    public static var hostFunctions: [HostFunctionDescriptor] {
        HostFunctions.table.map { key, definition in
            HostFunctionDescriptor(
                module: definition.module, name: String(key.split(separator: ".")[1]),
                parameters: definition.parameters.map { $0 == .i64 ? "i64" : "i32" },
                hasResult: definition.result != nil)
        }.sorted { ($0.module, $0.name) < ($1.module, $1.name) }
    }
}
