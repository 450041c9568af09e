import PhalanxPrimitives
import WasmKit

/// How a host function ends a frame early. Thrown through WasmKit, which passes it out of `invoke` unchanged.
enum HostSignal: Error {
    /// `seal_return` or a diverging chain extension.
    case returned(ExecReturnValue)
    /// `terminate`: the contract was removed.
    case terminated
    /// A trap with a specific reason.
    case trap(ContractError)
}

/// Which entry point a frame runs.
enum EntryPoint {
    case deploy
    case call
}

/// One contract activation.
final class Frame {
    /// The account whose storage and balance the frame uses (the contract, also for delegate calls).
    let account: AccountId32
    /// The code running.
    let codeHash: H256
    let caller: AccountId32
    let value: UInt128
    var input: [UInt8]
    var inputForwarded = false
    let entry: EntryPoint
    let readOnly: Bool
    let isDelegate: Bool
    /// False while this frame makes a call without `ALLOW_REENTRY`.
    var allowsReentry = true
    /// Absolute gas ceilings of this frame (in the execution's consumed counters).
    let refTimeCeiling: UInt64
    let proofSizeCeiling: UInt64
    /// Fuel assigned to the instance at the last synchronisation.
    var fuelBaseline: UInt64 = 0
    var slot: InstanceSlot!

    init(
        account: AccountId32, codeHash: H256, caller: AccountId32, value: UInt128, input: [UInt8],
        entry: EntryPoint, readOnly: Bool, isDelegate: Bool, refTimeCeiling: UInt64, proofSizeCeiling: UInt64
    ) {
        self.account = account
        self.codeHash = codeHash
        self.caller = caller
        self.value = value
        self.input = input
        self.entry = entry
        self.readOnly = readOnly
        self.isDelegate = isDelegate
        self.refTimeCeiling = refTimeCeiling
        self.proofSizeCeiling = proofSizeCeiling
    }
}

/// Why a nested frame did not produce a result, as the caller sees it.
enum NestedFailure: Error {
    /// Reported to the calling contract as a return code.
    case code(UInt32)
    /// Traps the calling contract.
    case trapCaller(ContractError)
}

/// One top-level execution: overlay, gas meter, frame stack, events and debug buffer.
final class Execution {
    unowned let cluster: ContractCluster
    let schedule: Schedule
    let overlay: StateOverlay
    let origin: AccountId32
    let gasLimit: Weight
    let block: BlockContext
    let mode: ExecutionMode
    var frames: [Frame] = []
    var events: [ContractEvent] = []
    var debugBuffer: [UInt8] = []
    /// Gas consumed so far and its peak (the gas required).
    var refTimeConsumed: UInt64 = 0
    var proofSizeConsumed: UInt64 = 0

    init(cluster: ContractCluster, origin: AccountId32, gasLimit: Weight, block: BlockContext, mode: ExecutionMode) {
        self.cluster = cluster
        self.schedule = cluster.schedule
        self.overlay = StateOverlay(backend: cluster.backend)
        self.origin = origin
        self.gasLimit = gasLimit
        self.block = block
        self.mode = mode
    }

    // MARK: Gas

    /// Adds the fuel the frame's instance burned since the last synchronisation to the consumed counters.
    func syncFuel(_ frame: Frame) {
        let remaining = frame.slot.store.fuel?.remaining ?? 0
        if frame.fuelBaseline > remaining {
            refTimeConsumed &+= (frame.fuelBaseline - remaining) &* schedule.refTimePerFuel
        }
        frame.fuelBaseline = remaining
    }

    /// Gives the frame's instance the fuel that its ceiling still allows.
    func assignFuel(_ frame: Frame) {
        let left = frame.refTimeCeiling > refTimeConsumed ? frame.refTimeCeiling - refTimeConsumed : 0
        let fuel = left / schedule.refTimePerFuel
        frame.slot.store.fuel = Fuel(remaining: fuel)
        frame.fuelBaseline = fuel
    }

    /// Charges weight to the current frame; traps with `OutOfGas` past its ceiling.
    func charge(_ frame: Frame, refTime: UInt64, proofSize: UInt64 = 0) throws(HostSignal) {
        let (newRef, overflowRef) = refTimeConsumed.addingReportingOverflow(refTime)
        let (newProof, overflowProof) = proofSizeConsumed.addingReportingOverflow(proofSize)
        if overflowRef || overflowProof || newRef > frame.refTimeCeiling || newProof > frame.proofSizeCeiling {
            refTimeConsumed = max(refTimeConsumed, min(frame.refTimeCeiling, overflowRef ? .max : newRef))
            throw .trap(.outOfGas)
        }
        refTimeConsumed = newRef
        proofSizeConsumed = newProof
    }

    var currentFrame: Frame? { frames.last }

    // MARK: Frames

    /// Runs the outermost frame.
    func runTop(
        _ entry: EntryPoint, account: AccountId32, codeHash: H256?, value: UInt128, input: [UInt8]
    ) -> Result<ExecReturnValue, DispatchError> {
        do {
            let result = try runFrame(
                entry, account: account, codeHash: codeHash, caller: origin, value: value, input: input,
                readOnly: false, isDelegate: false, refTimeLimit: gasLimit.refTime,
                proofSizeLimit: gasLimit.proofSize)
            return .success(result)
        } catch {
            switch error {
            case .code(5): return .failure(cluster.dispatchError(.transferFailed))
            case .code(7): return .failure(cluster.dispatchError(.codeNotFound))
            case .code(8): return .failure(cluster.dispatchError(.contractNotFound))
            case .code: return .failure(cluster.dispatchError(.contractTrapped))
            case .trapCaller(let reason): return .failure(cluster.dispatchError(reason))
            }
        }
    }

    /// Runs one frame: checks depth and reentrancy, transfers value, runs the entry point, rolls back on failure or
    /// REVERT. Errors inside the frame come back as `.code(1)`, except for the outermost frame, whose reason is kept.
    func runFrame(
        _ entry: EntryPoint, account: AccountId32, codeHash: H256?, caller: AccountId32, value: UInt128,
        input: [UInt8], readOnly: Bool, isDelegate: Bool, refTimeLimit: UInt64, proofSizeLimit: UInt64
    ) throws(NestedFailure) -> ExecReturnValue {
        let parent = frames.last
        if frames.count > schedule.maxCallDepth { throw .trapCaller(.maxCallDepthReached) }
        if readOnly && value > 0 { throw .trapCaller(.stateChangeDenied) }

        // Nested limits: 0 means "all remaining"; larger limits are clamped to what remains.
        let parentRef = parent?.refTimeCeiling ?? refTimeLimit
        let parentProof = parent?.proofSizeCeiling ?? proofSizeLimit
        let refCeiling =
            parent == nil || refTimeLimit == 0
            ? parentRef : min(parentRef, refTimeConsumed.addingReportingOverflow(refTimeLimit).partialValue)
        let proofCeiling =
            parent == nil || proofSizeLimit == 0
            ? parentProof : min(parentProof, proofSizeConsumed.addingReportingOverflow(proofSizeLimit).partialValue)

        let checkpoint = overlay.checkpoint
        let eventMark = events.count

        // Resolve the code.
        let hash: H256
        switch entry {
        case .call where !isDelegate:
            guard let info = overlay.contract(account) else { throw .code(8) }
            hash = info.codeHash
        default:
            guard let given = codeHash else { throw .code(7) }
            hash = given
        }
        guard let code = cluster.load(hash, overlay: overlay) else { throw .code(7) }

        if entry == .deploy {
            if overlay.contract(account) != nil { throw .trapCaller(.duplicateContract) }
            overlay.setContract(account, ContractInfo(codeHash: hash))
        }
        if !isDelegate && value > 0 {
            let ok = overlay.transfer(
                from: caller, to: account, value: value, existentialDeposit: schedule.existentialDeposit,
                allowDeath: false)
            if !ok {
                overlay.rollback(to: checkpoint)
                throw .code(5)
            }
        }

        let frame = Frame(
            account: account, codeHash: hash, caller: caller, value: value, input: input, entry: entry,
            readOnly: readOnly || (parent?.readOnly ?? false), isDelegate: isDelegate, refTimeCeiling: refCeiling,
            proofSizeCeiling: proofCeiling)

        let slot: InstanceSlot
        do {
            slot = try code.acquire(engine: cluster.engine)
        } catch {
            overlay.rollback(to: checkpoint)
            throw .code(1)
        }
        frame.slot = slot
        slot.binding.execution = self
        slot.binding.frame = frame
        frames.append(frame)

        var outcome: Result<ExecReturnValue, ContractError>
        do {
            // Loading code costs weight proportional to its size (charged to the new frame).
            try charge(
                frame, refTime: schedule.callBase + schedule.codeLoadPerByte * UInt64(code.codeLength),
                proofSize: UInt64(code.codeLength))
            assignFuel(frame)
            let function = entry == .deploy ? slot.deploy : slot.call
            _ = try function.invoke([], on: &slot.stack)
            syncFuel(frame)
            outcome = .success(ExecReturnValue())
        } catch let signal as HostSignal {
            syncFuel(frame)
            switch signal {
            case .returned(let value): outcome = .success(value)
            case .terminated: outcome = .success(ExecReturnValue())
            case .trap(let reason): outcome = .failure(reason)
            }
        } catch {
            let message = "\(error)"
            if message.contains("out of fuel") {
                refTimeConsumed = max(refTimeConsumed, frame.refTimeCeiling)
                outcome = .failure(.outOfGas)
            } else {
                syncFuel(frame)
                outcome = .failure(.contractTrapped)
            }
        }
        frames.removeLast()
        code.release(slot)

        switch outcome {
        case .success(let value):
            if value.didRevert {
                overlay.rollback(to: checkpoint)
                events.removeSubrange(eventMark...)
            }
            return value
        case .failure(let reason):
            overlay.rollback(to: checkpoint)
            events.removeSubrange(eventMark...)
            if parent == nil { throw .trapCaller(reason) }
            throw .code(1)
        }
    }

    // MARK: Results

    /// Applies deposits, commits a successful transaction and builds the result.
    func finish(_ outcome: Result<ExecReturnValue, DispatchError>, storageDepositLimit: UInt128?)
        -> ContractExecResult
    {
        var outcome = outcome
        var deposit = StorageDeposit.charge(0)
        if case .success(let value) = outcome, !value.didRevert {
            switch settleDeposits(limit: storageDepositLimit) {
            case .success(let settled):
                deposit = settled
                if mode == .transaction { cluster.backend.apply(overlay.changes()) }
            case .failure(let error):
                outcome = .failure(cluster.dispatchError(error))
            }
        }
        let committedEvents: [ContractEvent]
        if case .success(let value) = outcome, !value.didRevert {
            committedEvents = events
        } else {
            committedEvents = []
        }
        let consumed = Weight(refTime: refTimeConsumed, proofSize: proofSizeConsumed)
        return ContractExecResult(
            gasConsumed: consumed, gasRequired: consumed, storageDeposit: deposit, debugMessage: debugBuffer,
            result: outcome, events: committedEvents)
    }

    func finishInstantiate(
        _ outcome: Result<ExecReturnValue, DispatchError>, account: AccountId32?, storageDepositLimit: UInt128?
    ) -> ContractInstantiateResult {
        let result = finish(outcome, storageDepositLimit: storageDepositLimit)
        return ContractInstantiateResult(
            gasConsumed: result.gasConsumed, gasRequired: result.gasRequired, storageDeposit: result.storageDeposit,
            debugMessage: result.debugMessage,
            result: result.result.map { InstantiateReturnValue(result: $0, accountId: account!) },
            events: result.events)
    }

    /// Moves storage deposits between the origin and each changed contract: per item and per byte held.
    private func settleDeposits(limit: UInt128?) -> Result<StorageDeposit, ContractError> {
        var delta: Int128 = 0
        for (account, info) in overlay.changedContracts {
            let before = cluster.backend.contract(account)?.depositHeld ?? 0
            guard var info else {
                delta -= Int128(before)
                continue
            }
            let required =
                UInt128(info.storageItems) * schedule.depositPerItem + UInt128(info.storageBytes)
                * schedule.depositPerByte
            delta += Int128(required) - Int128(info.depositHeld)
            if info.depositHeld != required {
                info.depositHeld = required
                overlay.setContract(account, info)
            }
        }
        if delta > 0 {
            if let limit, UInt128(delta) > limit { return .failure(.storageDepositLimitExhausted) }
            let balance = overlay.balance(origin)
            guard balance >= UInt128(delta) else { return .failure(.storageDepositNotEnoughFunds) }
            overlay.setBalance(origin, balance - UInt128(delta))
        } else if delta < 0 {
            overlay.setBalance(origin, overlay.balance(origin) + UInt128(-delta))
        }
        return .success(StorageDeposit(delta: delta))
    }
}
