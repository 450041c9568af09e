import ArgumentParser
import Foundation
import Logging
import Metrics
import PhalanxNode
import PhalanxRuntime
import PhalanxStorage
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

        let spec: ChainSpec
        do {
            spec = try ChainSpec.load(chain ?? (dev ? "dev" : "local"))
        } catch {
            throw fail(ChainSpecLoadError(path: chain ?? "", reason: "\(error)"))
        }
        let temporary = tmp || (dev && basePath == nil)
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
        try await node.run()
    }

    private func defaultBasePath() -> String {
        let home = ProcessInfo.processInfo.environment["HOME"] ?? FileManager.default.currentDirectoryPath
        return home + "/.local/share/phalanx"
    }
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
