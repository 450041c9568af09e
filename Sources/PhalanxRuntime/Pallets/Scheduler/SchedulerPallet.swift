import PhalanxPrimitives

/// # Scheduler
///
/// Dispatches calls at a future block with a stored origin: democracy's enactments and Root's
/// delayed calls. Tasks of a block run in its `on_initialize`, highest priority (lowest number)
/// first, each in its own transactional layer; a failing task is reported by `Dispatched` and
/// does not affect the others.
///
/// ## Terms
/// - *Agenda*: the tasks due at a block, by index (a cancelled task leaves a `None` hole).
/// - *Named task*: a task with a 32-byte id, cancellable by that id (democracy names enactments).
/// - *Call*: either inline bytes or the hash of a preimage fetched from `Preimage` when due.
///
/// ## Calls (Root only)
/// - `schedule(when, priority, call)`, `cancel(when, index)`
/// - `schedule_named(id, when, priority, call)`, `cancel_named(id)`
public enum Scheduler: Pallet {
    public static let name = "Scheduler"
    public static let moduleName = "pallet_scheduler"
    public static let docs = ["Dispatches calls at future blocks with a stored origin."]

    /// Maximum tasks per block.
    public static let maxScheduledPerBlock: UInt32 = 50

    public static var constants: [PalletConstant] {
        [PalletConstant("MaxScheduledPerBlock", maxScheduledPerBlock, docs: ["The maximum number of scheduled calls in the queue for a single block."])]
    }

    public static var storageItems: [any StorageItem] { [incompleteSince, agenda, lookup] }

    /// Unused by Phalanx (every agenda runs in full); kept for client compatibility.
    public static let incompleteSince = StorageValue<UInt32>(pallet: name, item: "IncompleteSince", docs: ["Block number at which the agenda began incomplete execution."])
    /// The tasks due at each block.
    public static let agenda = StorageMap<UInt32, [ScheduledTask?]>(
        pallet: name, item: "Agenda", hasher: .twox64Concat, default: [], docs: ["Items to be executed, indexed by the block number that they should be executed on."])
    /// Where each named task is.
    public static let lookup = StorageMap<H256, TaskAddress>(
        pallet: name, item: "Lookup", hasher: .twox64Concat, docs: ["Lookup from a name to the block number and index of the task."])

    // MARK: - Interface for other pallets

    /// Schedules `call` at block `when` (at least the next block) with `origin`; returns its address.
    @discardableResult
    public static func schedule(
        at when: UInt32, name id: H256? = nil, priority: UInt8 = 63, origin: Origin, call: ScheduledCall, context: inout RuntimeContext
    ) throws -> TaskAddress {
        let when = max(when, context.blockNumber &+ 1)
        if let id, lookup.contains(id, in: context.state) { throw Error.failedToSchedule }
        var tasks = agenda.value(when, in: context.state) ?? []
        let index: Int
        if let hole = tasks.firstIndex(where: { $0 == nil }) {
            index = hole
        } else {
            guard tasks.count < Int(maxScheduledPerBlock) else { throw Error.agendaIsExhausted }
            index = tasks.count
            tasks.append(nil)
        }
        tasks[index] = ScheduledTask(maybeId: id, priority: priority, call: call, origin: origin)
        agenda.set(when, tasks, in: &context.state)
        let address = TaskAddress(when: when, index: UInt32(index))
        if let id { lookup.set(id, address, in: &context.state) }
        context.deposit(Event.scheduled(when: when, index: UInt32(index)))
        return address
    }

    /// Cancels the named task `id`.
    public static func cancelNamed(_ id: H256, context: inout RuntimeContext) throws {
        guard let address = lookup.get(id, in: context.state) else { throw Error.notFound }
        try cancel(address, context: &context)
    }

    /// Cancels the task at `address`.
    public static func cancel(_ address: TaskAddress, context: inout RuntimeContext) throws {
        var tasks = agenda.value(address.when, in: context.state) ?? []
        guard Int(address.index) < tasks.count, let task = tasks[Int(address.index)] else { throw Error.notFound }
        tasks[Int(address.index)] = nil
        if tasks.allSatisfy({ $0 == nil }) { agenda.remove(address.when, in: &context.state) } else { agenda.set(address.when, tasks, in: &context.state) }
        if let id = task.maybeId { lookup.remove(id, in: &context.state) }
        context.deposit(Event.canceled(when: address.when, index: address.index))
    }

    /// Runs the tasks due at this block.
    public static func onInitialize(_ context: inout RuntimeContext) -> Weight {
        let now = context.blockNumber
        let tasks = agenda.value(now, in: context.state) ?? []
        guard !tasks.isEmpty else { return Weight(refTime: 2_000_000) }
        agenda.remove(now, in: &context.state)
        let order = tasks.enumerated().compactMap { index, task in task.map { (index: index, task: $0) } }
            .sorted { ($0.task.priority, $0.index) < ($1.task.priority, $1.index) }
        var weight = Weight(refTime: 5_000_000)
        for (index, task) in order {
            if let id = task.maybeId { lookup.remove(id, in: &context.state) }
            let address = TaskAddress(when: now, index: UInt32(index))
            let bytes: [UInt8]?
            switch task.call {
            case .inline(let inline): bytes = inline
            case .lookup(let hash): bytes = Preimage.fetch(hash, in: context.state)
            }
            guard let bytes, let call = try? EncodedCall(bytes: bytes).decode(in: context.runtime) else {
                context.deposit(Event.callUnavailable(task: address, id: task.maybeId))
                continue
            }
            weight = weight + call.call.info.weight
            let result = dispatchNested(call, as: task.origin, context: &context)
            context.deposit(Event.dispatched(task: address, id: task.maybeId, result: result))
        }
        return weight
    }
}

/// A task's block and index in that block's agenda.
public struct TaskAddress: Hashable, Sendable, ScaleCodable, TypeInfo {
    /// The block the task is due at.
    public var when: UInt32
    /// Its index in the agenda.
    public var index: UInt32

    /// An address.
    public init(when: UInt32, index: UInt32) {
        self.when = when
        self.index = index
    }

    public func encode(to encoder: inout ScaleEncoder) { encoder.encodeAll(when, index) }
    public init(from decoder: inout ScaleDecoder) throws { (when, index) = try decoder.decodeAll(UInt32.self, UInt32.self) }

    public static var typeInfo: TypeDescription { .init(.tuple([TypeRef(UInt32.self), TypeRef(UInt32.self)])) }
}

/// A scheduled call: inline bytes, or a preimage hash (`frame_support::traits::Bounded`, without `Lookup`).
public enum ScheduledCall: Hashable, Sendable, ScaleCodable, TypeInfo {
    /// The call is the preimage of this hash, fetched when due.
    case lookup(hash: H256)
    /// The call's bytes.
    case inline([UInt8])

    public func encode(to encoder: inout ScaleEncoder) {
        switch self {
        case .lookup(let hash):
            encoder.encodeVariant(index: 0)
            encoder.encode(hash)
        case .inline(let bytes):
            encoder.encodeVariant(index: 1)
            encoder.encode(bytes)
        }
    }

    public init(from decoder: inout ScaleDecoder) throws {
        switch try decoder.readVariantIndex() {
        case 0: self = .lookup(hash: try decoder.decode())
        case 1: self = .inline(try decoder.decode())
        case let index: throw ScaleError.invalidVariantIndex(type: "Bounded", index: index)
        }
    }

    public static var typeInfo: TypeDescription {
        .init(path: ["frame_support", "traits", "preimages", "Bounded"], .variant([
            VariantDescription("Legacy", index: 0, fields: [FieldDescription("hash", H256.self, typeName: "H::Output")]),
            VariantDescription("Inline", index: 1, fields: [FieldDescription(nil, [UInt8].self, typeName: "BoundedInline")]),
        ]))
    }
}

/// One task of an agenda (`pallet_scheduler::Scheduled`, without periodic repetition).
public struct ScheduledTask: Hashable, Sendable, ScaleCodable, TypeInfo {
    /// Its name, if named.
    public var maybeId: H256?
    /// Lower runs first.
    public var priority: UInt8
    /// The call.
    public var call: ScheduledCall
    /// The origin it is dispatched with.
    public var origin: Origin

    /// A task.
    public init(maybeId: H256?, priority: UInt8, call: ScheduledCall, origin: Origin) {
        self.maybeId = maybeId
        self.priority = priority
        self.call = call
        self.origin = origin
    }

    public func encode(to encoder: inout ScaleEncoder) { encoder.encodeAll(maybeId, priority, call, origin) }

    public init(from decoder: inout ScaleDecoder) throws {
        (maybeId, priority, call, origin) = try decoder.decodeAll(H256?.self, UInt8.self, ScheduledCall.self, Origin.self)
    }

    public static var typeInfo: TypeDescription {
        .init(path: ["pallet_scheduler", "Scheduled"], .composite([
            FieldDescription("maybe_id", H256?.self, typeName: "Option<TaskName>"),
            FieldDescription("priority", UInt8.self, typeName: "schedule::Priority"),
            FieldDescription("call", ScheduledCall.self, typeName: "Call"),
            FieldDescription("origin", Origin.self, typeName: "PalletsOrigin"),
        ]))
    }
}

extension Scheduler {
    /// Scheduler's calls (Root only).
    public enum Call: PalletCall {
        public typealias Owner = Scheduler
        /// Schedule `call` at block `when` with the Root origin.
        case schedule(when: UInt32, priority: UInt8, call: RuntimeCall)
        /// Cancel the task at `(when, index)`.
        case cancel(when: UInt32, index: UInt32)
        /// Schedule a named task.
        case scheduleNamed(id: H256, when: UInt32, priority: UInt8, call: RuntimeCall)
        /// Cancel a named task.
        case cancelNamed(id: H256)

        public static var variants: [VariantDescription] {
            let when = FieldDescription("when", UInt32.self, typeName: "BlockNumberFor<T>")
            let priority = FieldDescription("priority", UInt8.self, typeName: "schedule::Priority")
            let call = FieldDescription(reference: RuntimeTypes.runtimeCall, name: "call", typeName: "Box<<T as Config>::RuntimeCall>")
            let id = FieldDescription("id", H256.self, typeName: "TaskName")
            return [
                VariantDescription("schedule", index: 0, fields: [when, priority, call], docs: ["Anonymously schedule a task."]),
                VariantDescription("cancel", index: 1, fields: [when, FieldDescription("index", UInt32.self, typeName: "u32")], docs: ["Cancel an anonymously scheduled task."]),
                VariantDescription("schedule_named", index: 2, fields: [id, when, priority, call], docs: ["Schedule a named task."]),
                VariantDescription("cancel_named", index: 3, fields: [id], docs: ["Cancel a named scheduled task."]),
            ]
        }

        public var info: DispatchInfo {
            switch self {
            case .schedule, .scheduleNamed: DispatchInfo(weight: SchedulerWeights.schedule, class: .operational)
            case .cancel, .cancelNamed: DispatchInfo(weight: SchedulerWeights.cancel, class: .operational)
            }
        }

        public func dispatch(origin: Origin, context: inout RuntimeContext) throws {
            try OriginRequirement.root.ensure(origin)
            switch self {
            case .schedule(let when, let priority, let call):
                guard when > context.blockNumber else { throw Error.targetBlockNumberInPast }
                try Scheduler.schedule(at: when, priority: priority, origin: origin, call: .inline(call.scaleEncoded), context: &context)
            case .cancel(let when, let index):
                try Scheduler.cancel(TaskAddress(when: when, index: index), context: &context)
            case .scheduleNamed(let id, let when, let priority, let call):
                guard when > context.blockNumber else { throw Error.targetBlockNumberInPast }
                try Scheduler.schedule(at: when, name: id, priority: priority, origin: origin, call: .inline(call.scaleEncoded), context: &context)
            case .cancelNamed(let id):
                try Scheduler.cancelNamed(id, context: &context)
            }
        }

        public func encode(to encoder: inout ScaleEncoder) {
            switch self {
            case .schedule(let when, let priority, let call):
                encoder.encodeVariant(index: 0)
                encoder.encodeAll(when, priority, call)
            case .cancel(let when, let index):
                encoder.encodeVariant(index: 1)
                encoder.encodeAll(when, index)
            case .scheduleNamed(let id, let when, let priority, let call):
                encoder.encodeVariant(index: 2)
                encoder.encodeAll(id, when, priority, call)
            case .cancelNamed(let id):
                encoder.encodeVariant(index: 3)
                encoder.encode(id)
            }
        }

        public init(from decoder: inout ScaleDecoder) throws {
            switch try decoder.readVariantIndex() {
            case 0: self = .schedule(when: try decoder.decode(), priority: try decoder.decode(), call: try RuntimeCall(nestedFrom: &decoder))
            case 1: self = .cancel(when: try decoder.decode(), index: try decoder.decode())
            case 2:
                self = .scheduleNamed(
                    id: try decoder.decode(), when: try decoder.decode(), priority: try decoder.decode(), call: try RuntimeCall(nestedFrom: &decoder))
            case 3: self = .cancelNamed(id: try decoder.decode())
            case let index: throw ScaleError.invalidVariantIndex(type: "Scheduler.Call", index: index)
            }
        }
    }

    /// Scheduler's events.
    public enum Event: PalletEvent {
        public typealias Owner = Scheduler
        /// Scheduled some task.
        case scheduled(when: UInt32, index: UInt32)
        /// Canceled some task.
        case canceled(when: UInt32, index: UInt32)
        /// Dispatched some task.
        case dispatched(task: TaskAddress, id: H256?, result: Result<ScaleUnit, DispatchError>)
        /// The call for the provided hash was not found (or did not decode) so the task has been aborted.
        case callUnavailable(task: TaskAddress, id: H256?)

        public static var variants: [VariantDescription] {
            let when = FieldDescription("when", UInt32.self, typeName: "BlockNumberFor<T>")
            let index = FieldDescription("index", UInt32.self, typeName: "u32")
            let task = FieldDescription("task", TaskAddress.self, typeName: "TaskAddress<BlockNumberFor<T>>")
            let id = FieldDescription("id", H256?.self, typeName: "Option<TaskName>")
            return [
                VariantDescription("Scheduled", index: 0, fields: [when, index], docs: ["Scheduled some task."]),
                VariantDescription("Canceled", index: 1, fields: [when, index], docs: ["Canceled some task."]),
                VariantDescription("Dispatched", index: 2, fields: [
                    task, id, FieldDescription("result", Result<ScaleUnit, DispatchError>.self, typeName: "DispatchResult"),
                ], docs: ["Dispatched some task."]),
                VariantDescription("CallUnavailable", index: 4, fields: [task, id],
                                   docs: ["The call for the provided hash was not found so the task has been aborted."]),
            ]
        }

        public func encode(to encoder: inout ScaleEncoder) {
            switch self {
            case .scheduled(let when, let index):
                encoder.encodeVariant(index: 0)
                encoder.encodeAll(when, index)
            case .canceled(let when, let index):
                encoder.encodeVariant(index: 1)
                encoder.encodeAll(when, index)
            case .dispatched(let task, let id, let result):
                encoder.encodeVariant(index: 2)
                encoder.encodeAll(task, id, result)
            case .callUnavailable(let task, let id):
                encoder.encodeVariant(index: 4)
                encoder.encodeAll(task, id)
            }
        }

        public init(from decoder: inout ScaleDecoder) throws {
            switch try decoder.readVariantIndex() {
            case 0: self = .scheduled(when: try decoder.decode(), index: try decoder.decode())
            case 1: self = .canceled(when: try decoder.decode(), index: try decoder.decode())
            case 2: self = .dispatched(task: try decoder.decode(), id: try decoder.decode(), result: try decoder.decode())
            case 4: self = .callUnavailable(task: try decoder.decode(), id: try decoder.decode())
            case let index: throw ScaleError.invalidVariantIndex(type: "Scheduler.Event", index: index)
            }
        }
    }

    /// Scheduler's errors, in Substrate's order.
    public enum Error: UInt8, PalletError {
        public typealias Owner = Scheduler
        /// Failed to schedule a call (e.g. the name is taken).
        case failedToSchedule = 0
        /// Cannot find the scheduled call.
        case notFound
        /// Given target block number is in the past.
        case targetBlockNumberInPast
        /// Reschedule failed because it does not change scheduled time.
        case rescheduleNoChange
        /// Attempt to use a non-named function on a named task.
        case named
        /// The agenda of the target block is full.
        case agendaIsExhausted

        public var name: String {
            ["FailedToSchedule", "NotFound", "TargetBlockNumberInPast", "RescheduleNoChange", "Named", "AgendaIsExhausted"][Int(rawValue)]
        }

        public var docs: String {
            switch self {
            case .failedToSchedule: "Failed to schedule a call."
            case .notFound: "Cannot find the scheduled call."
            case .targetBlockNumberInPast: "Given target block number is in the past."
            case .rescheduleNoChange: "Reschedule failed because it does not change scheduled time."
            case .named: "Attempt to use a non-named function on a named task."
            case .agendaIsExhausted: "The agenda of the target block is full."
            }
        }
    }
}
