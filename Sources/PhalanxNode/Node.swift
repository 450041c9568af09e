import Foundation
import Logging
import Metrics
import PhalanxPrimitives
import PhalanxRPC
import PhalanxRuntime
import PhalanxStorage
import Prometheus
import ServiceLifecycle

/// How to run a node (`phalanx node` flags).
public struct NodeConfiguration: Sendable {
    /// The chain to run.
    public var chainSpec: ChainSpec
    /// Where the database lives; `nil` means a temporary directory deleted at exit (`--tmp`).
    public var basePath: String?
    /// JSON-RPC port (0 picks a free one).
    public var rpcPort: Int
    /// Bind RPC and metrics on all interfaces instead of loopback.
    public var rpcExternal: Bool
    /// Prometheus port; `nil` disables metrics serving.
    public var prometheusPort: Int?
    /// Instant or interval sealing.
    public var sealing: SealingMode
    /// How many past states to keep.
    public var pruning: Pruning
    /// The block author's secret URI (//Alice on dev/local chains); `nil` for none.
    public var authority: String?

    /// A configuration with Substrate's defaults.
    public init(
        chainSpec: ChainSpec, basePath: String? = nil, rpcPort: Int = 9944, rpcExternal: Bool = false,
        prometheusPort: Int? = 9615, sealing: SealingMode = .instant, pruning: Pruning = .default, authority: String? = "//Alice"
    ) {
        self.chainSpec = chainSpec
        self.basePath = basePath
        self.rpcPort = rpcPort
        self.rpcExternal = rpcExternal
        self.prometheusPort = prometheusPort
        self.sealing = sealing
        self.pruning = pruning
        self.authority = authority
    }
}

/// A running Phalanx node: chain, pool, block author, JSON-RPC and metrics servers.
public final class Node: Sendable {
    /// The configuration it runs with.
    public let configuration: NodeConfiguration
    /// The chain.
    public let chain: Chain
    /// The pool.
    public let pool: PoolService
    /// New heads.
    public let heads: HeadBroadcast
    /// The JSON-RPC server.
    public let rpcServer: RPCServer
    /// The metrics server, if enabled.
    public let metricsServer: MetricsServer?
    let author: BlockAuthor
    let temporaryDirectory: URL?
    let logger: Logger

    /// Opens the database (creating genesis if needed) and prepares the services.
    public init(configuration: NodeConfiguration, registry: PrometheusCollectorRegistry, logger: Logger) throws {
        self.configuration = configuration
        self.logger = logger
        let directory: URL
        if let basePath = configuration.basePath {
            directory = URL(fileURLWithPath: basePath).appendingPathComponent("chains").appendingPathComponent(configuration.chainSpec.id)
            temporaryDirectory = nil
        } else {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("phalanx-\(UUID().uuidString)")
            temporaryDirectory = directory
        }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let databasePath = directory.appendingPathComponent("chain.sqlite").path
        let database = try SQLiteDatabase(path: databasePath, stateVersion: .v1, pruning: configuration.pruning)
        let authority = try configuration.authority.map { try KeyPair(uri: $0, scheme: .sr25519) }
        chain = try Chain(spec: configuration.chainSpec, database: database, authority: authority)
        pool = PoolService(chain: chain)
        heads = HeadBroadcast()
        let metrics = NodeMetrics()
        author = BlockAuthor(chain: chain, pool: pool, heads: heads, mode: configuration.sealing, metrics: metrics, logger: logger)
        let module = NodeRPC(chain: chain, pool: pool, heads: heads).module()
        rpcServer = RPCServer(
            module: module, configuration: RPCServerConfiguration(port: configuration.rpcPort, external: configuration.rpcExternal),
            logger: logger)
        metricsServer = configuration.prometheusPort.map {
            MetricsServer(registry: registry, port: $0, external: configuration.rpcExternal, logger: logger)
        }
    }

    /// Runs until SIGINT/SIGTERM (or cancellation), then shuts down cleanly; `extraServices` (the embedded
    /// worker of `--dev`) start after the node's own services and stop with them.
    public func run(extraServices: [any Service] = []) async throws {
        let best = await chain.snapshot()
        logger.info(
            "Phalanx node started",
            metadata: [
                "chain": "\(configuration.chainSpec.name)", "genesis": "\(chain.genesisHash)", "best": "#\(best.number) \(best.hash)",
                "database": "\(configuration.basePath ?? "temporary")",
            ])
        var services: [any Service] = [rpcServer, AuthorService(author: author)]
        if let metricsServer { services.append(metricsServer) }
        services += extraServices
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: services.map { ServiceGroupConfiguration.ServiceConfiguration(service: $0) },
                gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        defer {
            if let temporaryDirectory { try? FileManager.default.removeItem(at: temporaryDirectory) }
        }
        try await group.run()
        logger.info("Phalanx node stopped")
    }
}

/// The block author as a lifecycle service.
struct AuthorService: Service {
    let author: BlockAuthor

    func run() async throws {
        try await cancelWhenGracefulShutdown { await author.run() }
    }
}
