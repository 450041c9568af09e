import PhalanxPrimitives

/// Everything a pallet may touch while executing: the state overlay, the block being built,
/// the current phase and the events emitted so far. Pure: no clock, no randomness, no I/O.
public struct RuntimeContext: Sendable {
    /// The runtime the context executes.
    public let runtime: RuntimeDefinition
    /// The state being changed.
    public var state: StateOverlay
    /// The number of the block being built or imported.
    public let blockNumber: UInt32
    /// Where in the block execution is.
    public var phase: Phase
    /// Events emitted so far in this block, in order.
    public private(set) var events: [EventRecord] = []

    /// A context over `state` for block `blockNumber`.
    public init(runtime: RuntimeDefinition, state: StateOverlay, blockNumber: UInt32, phase: Phase = .initialization) {
        self.runtime = runtime
        self.state = state
        self.blockNumber = blockNumber
        self.phase = phase
    }

    /// Emits an event of pallet `E.Owner` in the current phase.
    public mutating func deposit<E: PalletEvent>(_ event: E, topics: [H256] = []) {
        guard let index = runtime.index(of: E.Owner.self) else { return }
        events.append(EventRecord(phase: phase, event: RuntimeEvent(palletIndex: index, event: event), topics: topics))
    }

    /// Runs `body` transactionally: state changes and events are kept only if it does not throw.
    public mutating func transactional<T>(_ body: (inout RuntimeContext) throws -> T) throws -> T {
        let eventCount = events.count
        state.beginTransaction()
        do {
            let result = try body(&self)
            state.commitTransaction()
            return result
        } catch {
            state.rollbackTransaction()
            events.removeLast(events.count - eventCount)
            throw error
        }
    }

    /// Converts any error thrown by a dispatch into the `DispatchError` clients see.
    public func dispatchError(from error: any Error) -> DispatchError {
        switch error {
        case let error as DispatchError: return error
        case let error as any PalletError: return moduleError(error)
        default: return .other
        }
    }

    private func moduleError<E: PalletError>(_ error: E) -> DispatchError {
        guard let index = runtime.index(of: E.Owner.self) else { return .other }
        return .module(index: index, error: error.rawValue)
    }

    /// Takes the events out of the context (the executive writes them to `System.Events`).
    mutating func drainEvents() -> [EventRecord] {
        defer { events.removeAll() }
        return events
    }
}
