public import CoreMetrics
import Synchronization

/// The RPC server's metrics, declared in one place (CometBFT style) and created through swift-metrics.
///
/// | name | type | labels | meaning |
/// |---|---|---|---|
/// | `phalanx_rpc_requests_total` | counter | `method`, `transport` | calls received; unregistered names count as `method="unknown"` |
/// | `phalanx_rpc_errors_total` | counter | `code` | error responses sent, by JSON-RPC error code |
/// | `phalanx_rpc_request_duration_seconds` | histogram | `method` | time from dispatch to result |
/// | `phalanx_rpc_ws_connections` | gauge | — | open WebSocket connections |
/// | `phalanx_rpc_subscriptions` | gauge | — | live subscriptions |
public struct RPCMetrics: Sendable {
    /// Metric names, for dashboards and tests.
    public enum Name {
        /// Calls received, by method and transport.
        public static let requests = "phalanx_rpc_requests_total"
        /// Error responses, by code.
        public static let errors = "phalanx_rpc_errors_total"
        /// Call duration histogram, by method.
        public static let duration = "phalanx_rpc_request_duration_seconds"
        /// Open WebSocket connections.
        public static let connections = "phalanx_rpc_ws_connections"
        /// Live subscriptions.
        public static let subscriptions = "phalanx_rpc_subscriptions"
    }

    private final class Instruments: Sendable {
        let factory: any MetricsFactory
        let requests = Mutex<[String: Counter]>([:])
        let errors = Mutex<[Int: Counter]>([:])
        let durations = Mutex<[String: CoreMetrics.Timer]>([:])
        let connections: Meter
        let subscriptions: Meter

        init(factory: any MetricsFactory) {
            self.factory = factory
            connections = Meter(label: Name.connections, dimensions: [], factory: factory)
            subscriptions = Meter(label: Name.subscriptions, dimensions: [], factory: factory)
        }
    }

    private let instruments: Instruments

    /// Metrics created through `factory` (default: the process-wide `MetricsSystem.factory`).
    public init(factory: any MetricsFactory = MetricsSystem.factory) {
        instruments = Instruments(factory: factory)
    }

    /// Counts one call of `method` (already mapped to "unknown" when unregistered).
    func recordRequest(method: String, transport: RPCTransportKind) {
        let key = method + "\u{0}" + transport.rawValue
        let counter = instruments.requests.withLock { cache in
            if let c = cache[key] { return c }
            let c = Counter(
                label: Name.requests, dimensions: [("method", method), ("transport", transport.rawValue)],
                factory: instruments.factory)
            cache[key] = c
            return c
        }
        counter.increment()
    }

    /// Counts one error response with `code`.
    func recordError(code: Int) {
        let counter = instruments.errors.withLock { cache in
            if let c = cache[code] { return c }
            let c = Counter(label: Name.errors, dimensions: [("code", String(code))], factory: instruments.factory)
            cache[code] = c
            return c
        }
        counter.increment()
    }

    /// Records how long a call of `method` took.
    func recordDuration(method: String, _ duration: Duration) {
        let timer = instruments.durations.withLock { cache in
            if let t = cache[method] { return t }
            let t = CoreMetrics.Timer(label: Name.duration, dimensions: [("method", method)], factory: instruments.factory)
            cache[method] = t
            return t
        }
        let (seconds, attoseconds) = duration.components
        timer.recordNanoseconds(seconds &* 1_000_000_000 &+ attoseconds / 1_000_000_000)
    }

    /// A WebSocket connection opened (+1) or closed (-1).
    func connectionOpened() { instruments.connections.increment() }
    /// A WebSocket connection closed.
    func connectionClosed() { instruments.connections.decrement() }
    /// A subscription started.
    func subscriptionStarted() { instruments.subscriptions.increment() }
    /// A subscription ended.
    func subscriptionEnded() { instruments.subscriptions.decrement() }
}
