import Dispatch

/// Runs the worker's state machine and contract engine on one serial thread outside Swift's cooperative pool:
/// the engine is single-threaded and a query may block (HTTP from a contract), which must not stall async tasks.
final class ExecutionQueue<Owned>: @unchecked Sendable {
    private let queue = DispatchQueue(label: "phalanx.worker.execution")
    private let owned: Owned

    /// A queue owning `owned`; it is touched only on the queue's thread.
    init(_ owned: Owned) { self.owned = owned }

    /// Runs `body` with the owned value on the queue and returns its result.
    func run<T: Sendable>(_ body: @escaping @Sendable (Owned) -> T) async -> T {
        await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: body(self.owned)) }
        }
    }
}
