import Hummingbird
public import Logging
public import Prometheus
public import ServiceLifecycle

/// Serves a Prometheus registry as text at `GET /metrics` (Substrate serves it on :9615).
public final class MetricsServer: Service, Sendable {
    /// The registry whose metrics are exported.
    public let registry: PrometheusCollectorRegistry
    /// Interface bound: loopback unless external.
    public let host: String
    /// Port requested; 0 picks a free one.
    public let port: Int
    let logger: Logger
    private let bound = OneShot<Int?>()

    /// A metrics endpoint for `registry` on `port`; `external` binds all interfaces.
    public init(
        registry: PrometheusCollectorRegistry, port: Int = 9615, external: Bool = false,
        logger: Logger = Logger(label: "phalanx.metrics")
    ) {
        self.registry = registry
        self.host = external ? "0.0.0.0" : "127.0.0.1"
        self.port = port
        self.logger = logger
    }

    /// The Prometheus text exposition of `registry`.
    public static func text(_ registry: PrometheusCollectorRegistry) -> String {
        registry.emitToString()
    }

    /// The port actually bound, once listening (`nil` if the server stopped before binding).
    public func boundPort() async -> Int? { await bound.wait() }

    /// Listens until cancelled or gracefully shut down.
    public func run() async throws {
        let registry = self.registry
        let router = Router()
        router.get("/metrics") { _, _ -> Response in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: registry.emitToBuffer())))
        }
        let app = Application(
            router: router,
            configuration: .init(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { [bound] channel in bound.fulfill(channel.localAddress?.port) },
            logger: logger)
        defer { bound.fulfill(nil) }
        try await app.run()
    }
}
