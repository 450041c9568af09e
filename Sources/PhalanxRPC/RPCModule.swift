public import Logging

/// The transport a request arrived on.
public enum RPCTransportKind: String, Sendable {
    /// HTTP POST: one request (or batch) per HTTP request, no subscriptions.
    case http
    /// WebSocket: many requests per connection, subscriptions allowed.
    case webSocket = "ws"
}

/// What a method handler knows about the call besides its params.
public struct RPCContext: Sendable {
    /// The method name as the client called it (possibly an alias).
    public let method: String
    /// The transport the call arrived on.
    public let transport: RPCTransportKind
    /// The connection's number, unique within the server (0 for HTTP).
    public let connectionID: UInt64
    /// A logger carrying the method and connection as metadata.
    public var logger: Logger
}

/// A method handler: params and context in, result out; throw an ``RPCError`` (or ``RPCErrorConvertible``) to fail.
public typealias RPCMethodHandler = @Sendable (RPCParams, RPCContext) async throws -> JSONValue

/// A subscription handler: validate params, then `accept()` the pending subscription and push
/// notifications through the returned ``SubscriptionSink`` until it closes; throwing before
/// accepting answers the subscribe call with that error instead of a subscription id.
public typealias RPCSubscriptionHandler = @Sendable (RPCParams, PendingSubscription) async throws -> Void

/// A set of JSON-RPC methods and subscriptions, built by registering handlers and merged into a server.
public struct RPCModule: Sendable {
    /// What a registered name does.
    enum Entry: Sendable {
        case method(RPCMethodHandler)
        case subscribe(SubscriptionDescriptor)
        case unsubscribe
    }

    /// A registered subscription's handler and notification name.
    struct SubscriptionDescriptor: Sendable {
        let notification: String
        let handler: RPCSubscriptionHandler
    }

    private(set) var entries: [String: Entry] = [:]

    /// An empty module.
    public init() {}

    /// Every registered name, aliases included, sorted (what `rpc_methods` lists).
    public var methodNames: [String] { entries.keys.sorted() }

    /// Whether `name` is registered.
    public func contains(_ name: String) -> Bool { entries[name] != nil }

    private mutating func add(_ name: String, _ entry: Entry) {
        precondition(entries[name] == nil, "RPC method \(name) registered twice")
        entries[name] = entry
    }

    /// Registers a method under `name` and each of `aliases`.
    public mutating func method(_ name: String, aliases: [String] = [], _ handler: @escaping RPCMethodHandler) {
        for n in [name] + aliases { add(n, .method(handler)) }
    }

    /// Registers a subscription: `subscribe` (and aliases) starts it, `unsubscribe` (and aliases) ends it
    /// returning `true`/`false` (never an error), and notifications are sent as method `notification`.
    public mutating func subscription(
        subscribe: String, aliases: [String] = [],
        unsubscribe: String, unsubscribeAliases: [String] = [],
        notification: String,
        _ handler: @escaping RPCSubscriptionHandler
    ) {
        let descriptor = SubscriptionDescriptor(notification: notification, handler: handler)
        for n in [subscribe] + aliases { add(n, .subscribe(descriptor)) }
        for n in [unsubscribe] + unsubscribeAliases where entries[n] == nil { add(n, .unsubscribe) }
    }

    /// Adds every entry of `other`; a name registered in both is a programming error.
    public mutating func merge(_ other: RPCModule) {
        for (name, entry) in other.entries where !isSharedUnsubscribe(name, entry) { add(name, entry) }
    }

    private func isSharedUnsubscribe(_ name: String, _ entry: Entry) -> Bool {
        if case .unsubscribe = entry, case .unsubscribe? = entries[name] { return true }
        return false
    }
}
