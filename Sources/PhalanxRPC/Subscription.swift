import Synchronization

/// A value delivered once and awaited by any number of tasks.
final class OneShot<Value: Sendable>: Sendable {
    private enum State {
        case waiting([CheckedContinuation<Value, Never>])
        case done(Value)
    }
    private let state = Mutex<State>(.waiting([]))

    /// Delivers `value`; later calls are ignored. Returns whether this call delivered it.
    @discardableResult
    func fulfill(_ value: Value) -> Bool {
        let waiters: [CheckedContinuation<Value, Never>]? = state.withLock { state in
            guard case .waiting(let list) = state else { return nil }
            state = .done(value)
            return list
        }
        guard let waiters else { return false }
        for waiter in waiters { waiter.resume(returning: value) }
        return true
    }

    /// The value, once delivered.
    var value: Value? { state.withLock { if case .done(let v) = $0 { v } else { nil } } }

    /// Waits for the value.
    func wait() async -> Value {
        if let value { return value }
        return await withCheckedContinuation { continuation in
            let ready: Value? = state.withLock { state in
                switch state {
                case .done(let v): return v
                case .waiting(var list):
                    list.append(continuation)
                    state = .waiting(list)
                    return nil
                }
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }
}

/// Thrown by ``SubscriptionSink/send(_:)`` once the client unsubscribed or went away.
public struct SubscriptionClosedError: Error, Sendable, CustomStringConvertible {
    /// The subscription that is closed.
    public let subscriptionID: String
    /// Explains the error.
    public var description: String { "subscription \(subscriptionID) is closed" }
}

/// A subscription that has been requested but not yet answered: accept it to get a sink, or throw to refuse.
public final class PendingSubscription: Sendable {
    /// The id the client will see, as a string (jsonrpsee style).
    public let subscriptionID: String
    /// The notification method name (for example `chain_newHead`).
    public let notification: String
    /// The subscribe call's context.
    public let context: RPCContext
    let session: RPCSession
    let handle: SubscriptionHandle
    /// `nil` when accepted, the error when refused.
    let decision = OneShot<RPCError?>()
    /// Fulfilled once the subscribe reply has been written (or failed to be).
    let replyWritten = OneShot<Void>()

    init(subscriptionID: String, notification: String, context: RPCContext, session: RPCSession, handle: SubscriptionHandle) {
        self.subscriptionID = subscriptionID
        self.notification = notification
        self.context = context
        self.session = session
        self.handle = handle
    }

    /// Answers the subscribe call with the subscription id and returns the sink for notifications.
    public func accept() async -> SubscriptionSink {
        decision.fulfill(nil)
        return SubscriptionSink(pending: self)
    }

    /// Answers the subscribe call with `error` (throwing from the handler does the same).
    public func reject(_ error: RPCError) {
        decision.fulfill(error)
    }
}

/// Pushes notifications of one accepted subscription to its client.
///
/// `send` waits until the subscribe reply is on the wire, then for the connection's write
/// buffer (backpressure), and throws ``SubscriptionClosedError`` once the client unsubscribed
/// or disconnected; the handler should then return.
public struct SubscriptionSink: Sendable {
    let pending: PendingSubscription

    /// The id the client knows this subscription by.
    public var subscriptionID: String { pending.subscriptionID }

    /// Whether the client unsubscribed or disconnected.
    public var isClosed: Bool { pending.handle.isCancelled || pending.session.isClosed }

    /// Sends `{"jsonrpc":"2.0","method":<notification>,"params":{"subscription":<id>,"result":<result>}}`.
    public func send(_ result: JSONValue) async throws {
        await pending.replyWritten.wait()
        guard !isClosed, !Task.isCancelled else { throw SubscriptionClosedError(subscriptionID: subscriptionID) }
        var out = [UInt8]()
        out.append(contentsOf: #"{"jsonrpc":"2.0","method":"#.utf8)
        JSONValue.writeString(pending.notification, into: &out)
        out.append(contentsOf: #","params":{"subscription":"#.utf8)
        JSONValue.writeString(subscriptionID, into: &out)
        out.append(contentsOf: #","result":"#.utf8)
        result.write(into: &out)
        out.append(contentsOf: "}}".utf8)
        do {
            try await pending.session.write(out)
        } catch {
            throw SubscriptionClosedError(subscriptionID: subscriptionID)
        }
    }

    /// Sends every element of `sequence` until it ends or the subscription closes (then returns normally).
    ///
    /// For broadcasts, give each subscriber its own `AsyncStream` with a bounded buffer
    /// (`.bufferingNewest(n)`) so one slow client cannot stall the producer.
    public func forward<S: AsyncSequence>(_ sequence: S) async throws where S.Element == JSONValue {
        do {
            for try await value in sequence { try await send(value) }
        } catch is SubscriptionClosedError {
            return
        }
    }

    /// Waits until the client unsubscribes or disconnects (for handlers with nothing more to send).
    public func waitUntilClosed() async {
        await pending.handle.closed.wait()
    }
}

/// The running task of one subscription, cancellable by unsubscribe or disconnect.
final class SubscriptionHandle: Sendable {
    private let task = Mutex<Task<Void, Never>?>(nil)
    /// Fulfilled when the subscription is cancelled.
    let closed = OneShot<Void>()

    var isCancelled: Bool { closed.value != nil }

    func attach(_ newTask: Task<Void, Never>) {
        let cancelled = task.withLock { slot -> Bool in
            slot = newTask
            return isCancelled
        }
        if cancelled { newTask.cancel() }
    }

    func cancel() {
        closed.fulfill(())
        task.withLock { $0 }?.cancel()
    }
}

/// One client connection able to carry subscriptions: a writer plus the table of live subscriptions.
///
/// The WebSocket server makes one per socket; another transport can make its own and feed
/// messages to ``RPCEngine/serve(_:on:)``.
public final class RPCSession: Sendable {
    /// The connection's number.
    public let id: UInt64
    private let writer: @Sendable ([UInt8]) async throws -> Void
    private struct State {
        var subscriptions: [String: SubscriptionHandle] = [:]
        var closed = false
    }
    private let state = Mutex(State())

    /// A session writing whole JSON messages with `write`.
    public init(id: UInt64, write: @escaping @Sendable ([UInt8]) async throws -> Void) {
        self.id = id
        self.writer = write
    }

    /// Whether ``close()`` was called.
    public var isClosed: Bool { state.withLock { $0.closed } }

    /// Number of live subscriptions.
    public var subscriptionCount: Int { state.withLock { $0.subscriptions.count } }

    /// Writes one message (waits while the transport applies backpressure).
    func write(_ bytes: [UInt8]) async throws {
        guard !isClosed else { throw SubscriptionClosedError(subscriptionID: "") }
        try await writer(bytes)
    }

    /// Outcome of registering a subscription.
    enum Registration { case registered, closed, full }

    /// Registers a subscription unless the session is closed or already holds `limit`.
    func register(_ id: String, _ handle: SubscriptionHandle, limit: Int) -> Registration {
        state.withLock { state in
            guard !state.closed else { return .closed }
            guard state.subscriptions.count < limit else { return .full }
            state.subscriptions[id] = handle
            return .registered
        }
    }

    /// Removes and cancels a subscription; `true` if it was live.
    @discardableResult
    func unsubscribe(_ id: String) -> Bool {
        guard let handle = state.withLock({ $0.subscriptions.removeValue(forKey: id) }) else { return false }
        handle.cancel()
        return true
    }

    /// Forgets a subscription whose handler has returned.
    func remove(_ id: String, _ handle: SubscriptionHandle) {
        state.withLock { state in
            if state.subscriptions[id] === handle { state.subscriptions[id] = nil }
        }
    }

    /// Closes the session: cancels every subscription; later writes fail.
    public func close() {
        let handles = state.withLock { state in
            state.closed = true
            defer { state.subscriptions = [:] }
            return Array(state.subscriptions.values)
        }
        for handle in handles { handle.cancel() }
    }
}

/// Bounds how many requests of one connection run at once; reading pauses at the bound (TCP backpressure).
final class InFlightLimiter: Sendable {
    private struct State {
        var running = 0
        var waiters: [CheckedContinuation<Void, Never>] = []
    }
    private let limit: Int
    private let state = Mutex(State())

    init(limit: Int) { self.limit = max(1, limit) }

    /// Takes a slot, waiting while all are taken.
    func acquire() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let granted = state.withLock { state -> Bool in
                if state.running < limit {
                    state.running += 1
                    return true
                }
                state.waiters.append(continuation)
                return false
            }
            if granted { continuation.resume() }
        }
    }

    /// Frees a slot, handing it straight to a waiter if there is one.
    func release() {
        let next = state.withLock { state -> CheckedContinuation<Void, Never>? in
            if state.waiters.isEmpty {
                state.running -= 1
                return nil
            }
            return state.waiters.removeFirst()
        }
        next?.resume()
    }
}
