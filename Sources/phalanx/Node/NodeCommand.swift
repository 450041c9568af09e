import ArgumentParser
import Foundation
import Logging
import Metrics
import PhalanxNode
import PhalanxRuntime
import PhalanxStorage
import PhalanxWorker
import ServiceLifecycle
import Prometheus

/// `phalanx node`: run a chain node (the whole stack with `--dev`).
struct NodeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "node",
        abstract: "Run a Phalanx node: chain, transaction pool, block author, JSON-RPC (HTTP + WebSocket) and metrics.")

    @Flag(help: "Development chain: --chain dev, //Alice authors and is sudo, a temporary database unless --base-path is given.")
    var dev = false
    @Option(help: "Chain spec: dev, local, or a JSON file.") var chain: String?
    @Option(help: "Directory for the database (kept across restarts).") var basePath: String?
    @Flag(help: "Use a temporary database, deleted at exit.") var tmp = false
    @Option(help: "JSON-RPC port (HTTP and WebSocket).") var rpcPort: Int = 9944
    @Flag(help: "Listen for RPC and metrics on all interfaces, not only loopback.") var rpcExternal = false
    @Option(help: "Prometheus metrics port.") var prometheusPort: Int = 9615
    @Flag(help: "Do not serve Prometheus metrics.") var noPrometheus = false
    @Option(help: "Seconds between blocks; without it, blocks are sealed as soon as transactions are ready.")
    var blockTime: Int?
    @Option(help: "State pruning: 'archive' keeps every state, a number keeps that many recent states.")
    var pruning: String = "256"
    @Option(help: "Port of the embedded worker's query API (with --dev; 0 picks a free port).") var workerPort: Int = 8000
    @Flag(help: "With --dev, do not run the embedded worker (gatekeeper of cluster 1).") var noWorker = false
    @Flag(help: "Let the embedded worker's contracts make HTTP requests to loopback and private-network addresses.")
    var allowPrivateHttp = false
    @Option(help: "A PEM certificate the embedded worker trusts for contracts' HTTPS requests (repeatable).") var httpCa: [String] = []
    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.") var log: String = "info"
    @Option(help: "Log format: text or json.") var logFormat: String = "text"

    func validate() throws {
        guard Logger.Level(rawValue: log) != nil else { throw ValidationError("Unknown log level '\(log)'.") }
        guard ["text", "json"].contains(logFormat) else { throw ValidationError("The log format must be text or json.") }
        if let blockTime, blockTime <= 0 { throw ValidationError("--block-time must be a positive number of seconds.") }
        _ = try parsedPruning()
        guard (0...65535).contains(rpcPort), (0...65535).contains(prometheusPort) else {
            throw ValidationError("Ports must be between 0 and 65535.")
        }
    }

    private func parsedPruning() throws -> Pruning {
        if pruning == "archive" { return .archive }
        guard let count = Int(pruning), count > 0 else {
            throw ValidationError("--pruning must be 'archive' or a positive number of blocks.")
        }
        return .keepRecent(count)
    }

    func run() async throws {
        let level = Logger.Level(rawValue: log) ?? .info
        let json = logFormat == "json"
        LoggingSystem.bootstrap { label in
            var handler: any LogHandler = json ? JSONLogHandler(label: label) : StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        let logger = Logger(label: "phalanx")

        var spec: ChainSpec
        do {
            spec = try ChainSpec.load(chain ?? (dev ? "dev" : "local"))
        } catch {
            throw fail(ChainSpecLoadError(path: chain ?? "", reason: "\(error)"))
        }
        let temporary = tmp || (dev && basePath == nil)
        // The embedded worker's identity is part of the dev genesis (registered, gatekeeper, cluster 1), so it
        // is loaded (or generated and sealed) before the chain is opened.
        var workerDirectory: URL?
        if dev && !noWorker {
            let directory = temporary
                ? FileManager.default.temporaryDirectory.appendingPathComponent("phalanx-worker-\(UUID().uuidString)")
                : URL(fileURLWithPath: basePath ?? defaultBasePath()).appendingPathComponent("worker")
            let pubkey = try Worker.identityPublicKey(dataDirectory: directory)
            spec = spec.withDevWorker(pubkey: pubkey, operator: EmbeddedWorker.operatorURI)
            workerDirectory = directory
        }
        let configuration = NodeConfiguration(
            chainSpec: spec, basePath: temporary ? nil : (basePath ?? defaultBasePath()), rpcPort: rpcPort,
            rpcExternal: rpcExternal, prometheusPort: noPrometheus ? nil : prometheusPort,
            sealing: blockTime.map { .interval(.seconds($0)) } ?? .instant, pruning: try parsedPruning(),
            authority: spec.chainType == "Live" ? nil : "//Alice")
        let node: Node
        do {
            node = try Node(configuration: configuration, registry: registry, logger: logger)
        } catch {
            throw fail(error)
        }
        var extra: [any Service] = []
        if let workerDirectory {
            var workerConfiguration = try WorkerConfiguration(
                nodeURL: "http://127.0.0.1:\(rpcPort)", dataDirectory: workerDirectory, operatorURI: EmbeddedWorker.operatorURI)
            workerConfiguration.queryPort = workerPort
            workerConfiguration.pink.allowPrivateHTTP = allowPrivateHttp
            workerConfiguration.pink.trustedCertificates = httpCa
            let worker = try Worker(configuration: workerConfiguration, logger: Logger(label: "phalanx.worker"))
            extra = [worker, QueryService(worker: worker, logger: Logger(label: "phalanx.worker.query"))]
        }
        defer {
            if temporary, let workerDirectory { try? FileManager.default.removeItem(at: workerDirectory) }
        }
        try await node.run(extraServices: extra)
    }

    private func defaultBasePath() -> String {
        let home = ProcessInfo.processInfo.environment["HOME"] ?? FileManager.default.currentDirectoryPath
        return home + "/.local/share/phalanx"
    }
}

/// The embedded worker of `phalanx node --dev`.
enum EmbeddedWorker {
    /// Its operator account (endowed at genesis; a well-known dev key like //Alice).
    static let operatorURI = "//Alice//worker"
}

/// A chain spec that could not be loaded.
struct ChainSpecLoadError: Error, CustomStringConvertible {
    let path: String
    let reason: String
    var description: String { "The chain spec '\(path)' could not be loaded: \(reason)." }
}

/// Writes one JSON object per log line on standard error (`--log-format json`).
struct JSONLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var object: [String: String] = [
            "time": ISO8601DateFormatter().string(from: Date()), "level": event.level.rawValue, "target": label,
            "message": "\(event.message)",
        ]
        for (key, value) in metadata.merging(event.metadata ?? [:], uniquingKeysWith: { $1 }) { object[key] = "\(value)" }
        if let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) {
            FileHandle.standardError.write(data + Data("\n".utf8))
        }
    }
}
