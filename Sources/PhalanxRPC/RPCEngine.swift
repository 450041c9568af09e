public import Logging
public import Hummingbird
import Synchronization

/// The transport-independent JSON-RPC 2.0 core: parses a message (single call or batch), dispatches
/// to the registered handlers concurrently, and produces the response text.
public final class RPCEngine: Sendable {
    /// The registered methods, with the built-in `rpc_methods` added.
    public let module: RPCModule
    /// Largest request accepted, in bytes.
    public let maxRequestBytes: Int
    /// Largest response sent, in bytes; bigger results become a -32008 error.
    public let maxResponseBytes: Int
    /// Live subscriptions allowed per session; more get -32006 (Substrate's default is 1024).
    public let maxSubscriptionsPerSession: Int
    /// Metrics updated by every call.
    public let metrics: RPCMetrics
    let logger: Logger
    private let nextConnection = Atomic<UInt64>(1)

    /// An engine serving `module` (plus `rpc_methods`) with the given limits.
    public init(
        module: RPCModule, maxRequestBytes: Int = 15 * 1024 * 1024, maxResponseBytes: Int = 15 * 1024 * 1024,
        maxSubscriptionsPerSession: Int = 1024,
        metrics: RPCMetrics = RPCMetrics(), logger: Logger = Logger(label: "phalanx.rpc")
    ) {
        var module = module
        if !module.contains("rpc_methods") {
            let names = (module.methodNames + ["rpc_methods"]).sorted()
            let list = JSONValue.array(names.map { .string($0) })
            module.method("rpc_methods") { _, _ in ["methods": list] }
        }
        self.module = module
        self.maxRequestBytes = maxRequestBytes
        self.maxResponseBytes = maxResponseBytes
        self.maxSubscriptionsPerSession = maxSubscriptionsPerSession
        self.metrics = metrics
        self.logger = logger
    }

    /// A fresh connection number for a new session.
    public func makeConnectionID() -> UInt64 { nextConnection.add(1, ordering: .relaxed).oldValue }

    /// The full error response for a request that exceeded ``maxRequestBytes`` (id unknown, so `null`).
    public func oversizedRequestResponse() -> [UInt8] {
        metrics.recordError(code: RPCError.Code.oversizedRequest)
        return Self.errorResponse(id: .null, .oversizedRequest(limit: maxRequestBytes))
    }

    /// Answers one message without a session (HTTP): `nil` when it held only notifications.
    /// Subscription calls get a -32601 error explaining they need WebSocket.
    public func respond(to message: ByteBuffer, transport: RPCTransportKind = .http) async -> [UInt8]? {
        let scope = ReplyScope()
        defer { scope.written() }
        return await process(message, transport: transport, session: nil, scope: scope)
    }

    /// Serves one message arriving on `session`: processes it and writes the response (if any)
    /// through the session, then lets accepted subscriptions start notifying.
    public func serve(_ message: ByteBuffer, on session: RPCSession, transport: RPCTransportKind = .webSocket) async {
        let scope = ReplyScope()
        defer { scope.written() }
        guard let response = await process(message, transport: transport, session: session, scope: scope) else { return }
        do {
            try await session.write(response)
        } catch {
            logger.debug("RPC response not delivered", metadata: ["connection": "\(session.id)"])
        }
    }

    // MARK: - Processing

    func process(_ message: ByteBuffer, transport: RPCTransportKind, session: RPCSession?, scope: ReplyScope) async -> [UInt8]? {
        guard message.readableBytes <= maxRequestBytes else { return oversizedRequestResponse() }
        let parsed: JSONValue
        do {
            parsed = try JSONValue(parsing: message.readableBytesView)
        } catch {
            metrics.recordError(code: RPCError.Code.parseError)
            return Self.errorResponse(id: .null, RPCError(code: RPCError.Code.parseError, message: "Parse error", data: .string(error.description)))
        }
        switch parsed {
        case .array(let calls):
            guard !calls.isEmpty else { return invalid(id: .null, "Empty batch.") }
            let responses = await withTaskGroup(of: (Int, [UInt8]?).self) { group in
                for (index, call) in calls.enumerated() {
                    group.addTask { (index, await self.processCall(call, transport: transport, session: session, scope: scope)) }
                }
                var results = [[UInt8]?](repeating: nil, count: calls.count)
                for await (index, response) in group { results[index] = response }
                return results.compactMap { $0 }
            }
            guard !responses.isEmpty else { return nil }
            var out: [UInt8] = [UInt8(ascii: "[")]
            for (index, response) in responses.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                out.append(contentsOf: response)
            }
            out.append(UInt8(ascii: "]"))
            return out
        default:
            return await processCall(parsed, transport: transport, session: session, scope: scope)
        }
    }

    private func invalid(id: JSONValue, _ reason: String) -> [UInt8] {
        metrics.recordError(code: RPCError.Code.invalidRequest)
        return Self.errorResponse(id: id, .invalidRequest(reason))
    }

    /// One call object → its response bytes, or `nil` for a notification (no `id`).
    func processCall(_ call: JSONValue, transport: RPCTransportKind, session: RPCSession?, scope: ReplyScope) async -> [UInt8]? {
        guard case .object(let object) = call else { return invalid(id: .null, "A request must be a JSON object.") }
        let id: JSONValue
        let isNotification: Bool
        switch object["id"] {
        case nil:
            id = .null
            isNotification = true
        case .some(let value):
            switch value {
            case .null, .int, .uint, .double, .string:
                id = value
                isNotification = false
            default:
                return invalid(id: .null, "The id must be a string, a number or null.")
            }
        }
        guard object["jsonrpc"] == .string("2.0") else { return invalid(id: id, "The jsonrpc member must be \"2.0\".") }
        guard case .string(let method)? = object["method"] else { return invalid(id: id, "The method member must be a string.") }
        let params: RPCParams
        switch object["params"] {
        case nil, .null?: params = RPCParams([])
        case .array(let a)?: params = RPCParams(a)
        case .object(let o)?: params = RPCParams(.object(o))
        default: return invalid(id: id, "The params member must be an array, an object or null.")
        }

        let entry = module.entries[method]
        let label = entry == nil ? "unknown" : method
        metrics.recordRequest(method: label, transport: transport)
        let start = ContinuousClock.now
        var connectionLogger = logger
        connectionLogger[metadataKey: "rpc.method"] = "\(label)"
        if let session { connectionLogger[metadataKey: "rpc.connection"] = "\(session.id)" }
        let context = RPCContext(method: method, transport: transport, connectionID: session?.id ?? 0, logger: connectionLogger)

        let outcome: Result<JSONValue, RPCError>
        switch entry {
        case nil:
            outcome = .failure(.methodNotFound(method))
        case .method(let handler)?:
            do {
                outcome = .success(try await handler(params, context))
            } catch {
                outcome = .failure(mapError(error, context: context))
            }
        case .subscribe(let descriptor)?:
            if let session, !isNotification {
                outcome = await subscribe(descriptor, params: params, context: context, session: session, scope: scope)
            } else if session == nil {
                outcome = .failure(
                    RPCError(
                        code: RPCError.Code.methodNotFound,
                        message: "Subscriptions are only available over WebSocket", data: .string(method)))
            } else {
                outcome = .failure(.invalidRequest("A subscription needs a request id."))
            }
        case .unsubscribe?:
            // Never an error (author_unwatchExtrinsic must always answer true/false).
            let removed: Bool
            if let session, case .string(let subscriptionID)? = params.value(0, "subscription") {
                removed = session.unsubscribe(subscriptionID)
            } else {
                removed = false
            }
            outcome = .success(.bool(removed))
        }
        metrics.recordDuration(method: label, ContinuousClock.now - start)

        guard !isNotification else { return nil }
        switch outcome {
        case .success(let result):
            var out = [UInt8]()
            out.append(contentsOf: #"{"jsonrpc":"2.0","id":"#.utf8)
            id.write(into: &out)
            out.append(contentsOf: #","result":"#.utf8)
            result.write(into: &out)
            out.append(UInt8(ascii: "}"))
            guard out.count <= maxResponseBytes else {
                metrics.recordError(code: RPCError.Code.oversizedResponse)
                return Self.errorResponse(id: id, .oversizedResponse(limit: maxResponseBytes))
            }
            return out
        case .failure(let error):
            metrics.recordError(code: error.code)
            return Self.errorResponse(id: id, error)
        }
    }

    private func mapError(_ error: any Error, context: RPCContext) -> RPCError {
        if let convertible = error as? any RPCErrorConvertible { return convertible.rpcError }
        if let parse = error as? JSONParseError { return .invalidParams(parse.description) }
        // Details stay in the log, not in the answer (they may reveal internals).
        context.logger.warning("RPC handler failed", metadata: ["error": "\(String(describing: type(of: error)))"])
        context.logger.debug("RPC handler error detail", metadata: ["error": "\(error)"])
        return .internalError
    }

    private func subscribe(
        _ descriptor: RPCModule.SubscriptionDescriptor, params: RPCParams, context: RPCContext, session: RPCSession,
        scope: ReplyScope
    ) async -> Result<JSONValue, RPCError> {
        let subscriptionID = Self.makeSubscriptionID()
        let handle = SubscriptionHandle()
        let pending = PendingSubscription(
            subscriptionID: subscriptionID, notification: descriptor.notification, context: context, session: session,
            handle: handle)
        switch session.register(subscriptionID, handle, limit: maxSubscriptionsPerSession) {
        case .registered: break
        case .closed: return .failure(.internalError)
        case .full: return .failure(.tooManySubscriptions(limit: maxSubscriptionsPerSession))
        }
        scope.add(pending.replyWritten)
        let metrics = self.metrics
        let task = Task {
            do {
                try await descriptor.handler(params, pending)
                pending.decision.fulfill(.internalError)  // returned without accepting
            } catch is SubscriptionClosedError, is CancellationError {
                pending.decision.fulfill(.internalError)  // closed: normal end once accepted
            } catch {
                if pending.decision.value == nil {
                    pending.decision.fulfill(self.mapError(error, context: context))
                } else {
                    context.logger.debug("Subscription handler ended with an error", metadata: ["error": "\(type(of: error))"])
                }
            }
            session.remove(subscriptionID, handle)
            handle.cancel()
            if pending.decision.value == .some(nil) { metrics.subscriptionEnded() }
        }
        handle.attach(task)
        if let error = await pending.decision.wait() {
            session.remove(subscriptionID, handle)
            handle.cancel()
            return .failure(error)
        }
        metrics.subscriptionStarted()
        return .success(.string(subscriptionID))
    }

    /// A random 16-character alphanumeric subscription id.
    static func makeSubscriptionID() -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".utf8)
        var generator = SystemRandomNumberGenerator()
        return String(decoding: (0..<16).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }, as: UTF8.self)
    }

    /// `{"jsonrpc":"2.0","id":…,"error":{…}}` as bytes.
    static func errorResponse(id: JSONValue, _ error: RPCError) -> [UInt8] {
        var out = [UInt8]()
        out.append(contentsOf: #"{"jsonrpc":"2.0","id":"#.utf8)
        id.write(into: &out)
        out.append(contentsOf: #","error":"#.utf8)
        error.json.write(into: &out)
        out.append(UInt8(ascii: "}"))
        return out
    }
}

/// Subscriptions accepted while answering one message; released once that answer is written.
final class ReplyScope: Sendable {
    private let gates = Mutex<[OneShot<Void>]>([])

    func add(_ gate: OneShot<Void>) { gates.withLock { $0.append(gate) } }

    func written() {
        for gate in gates.withLock({ $0 }) { gate.fulfill(()) }
    }
}
