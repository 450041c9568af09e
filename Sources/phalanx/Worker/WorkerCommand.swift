import ArgumentParser
import Foundation
import Logging
import PhalanxClient
import PhalanxPrimitives
import PhalanxRuntime
import PhalanxWorker
import ServiceLifecycle

/// `phalanx worker`: run a worker, or list the registered workers.
struct WorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker", abstract: "Run a Phalanx worker (default), or list the workers registered on chain.",
        subcommands: [Run.self, List.self], defaultSubcommand: Run.self)
}

extension WorkerCommand {
    /// `phalanx worker [run] --node URL …`.
    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "run",
            abstract: "Follow a node as a light client, register with dev attestation, host a cluster and answer encrypted queries.")

        @Option(help: "The node's JSON-RPC endpoint.") var node: String = "ws://127.0.0.1:9944"
        @Option(help: "Directory for the sealed identity and state (created 0700).") var dataDir: String
        @Option(help: "Secret URI of the operator account paying for registration and messages.") var operatorSuri: String
        @Option(help: "Query API port (0 picks a free one).") var port: Int = 8000
        @Option(help: "The block authority's sr25519 public key (0x-hex or SS58); dev chains: //Alice.") var authority: String?
        @Option(help: "Log level.") var log: String = "info"
        @Flag(help: "Let contracts make HTTP requests to loopback and private-network addresses.") var allowPrivateHttp = false
        @Option(help: "A PEM certificate to trust for contracts' HTTPS requests (repeatable).") var httpCa: [String] = []
        @Option(help: "Longest a query may run, in seconds (Phala: 10; clamped to 5...600).") var queryTimeout: Int = 10

        func run() async throws {
            let level = Logger.Level(rawValue: log) ?? .info
            LoggingSystem.bootstrap { label in
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = level
                return handler
            }
            let authorityKey = try authority.map { text -> [UInt8] in
                if let bytes = [UInt8](hex: text), bytes.count == 32 { return bytes }
                return try AccountId32(parsing: text).bytes
            }
            var configuration = try WorkerConfiguration(
                nodeURL: node, dataDirectory: URL(fileURLWithPath: dataDir), operatorURI: operatorSuri, authority: authorityKey)
            configuration.queryPort = port
            configuration.pink.allowPrivateHTTP = allowPrivateHttp
            configuration.pink.trustedCertificates = httpCa
            configuration.queryTimeout = .seconds(min(max(queryTimeout, 5), 600))
            let logger = Logger(label: "phalanx.worker")
            let worker: Worker
            do {
                worker = try Worker(configuration: configuration, logger: logger)
            } catch {
                throw fail(error)
            }
            let group = ServiceGroup(
                configuration: ServiceGroupConfiguration(
                    services: [
                        .init(service: worker), .init(service: QueryService(worker: worker, logger: Logger(label: "phalanx.worker.query"))),
                    ],
                    gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
            do {
                try await group.run()
            } catch {
                throw fail(error)
            }
        }
    }

    /// `phalanx worker list`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List registered workers as JSON.")
        @Option(help: "The node's JSON-RPC endpoint.") var url: String = "ws://127.0.0.1:9944"

        func run() async throws {
            let client = try NodeClient(url: url, suri: "//Alice")
            do {
                let gatekeepers = try await client.storage(PhalaRegistry.gatekeeper.key, as: [Sr25519Public].self) ?? []
                var workers: [[String: Any]] = []
                for (_, value) in try await client.entries(prefix: PhalaRegistry.workers.prefix) {
                    let info = try WorkerInfoV2.decode(scale: value, limits: .unlimited)
                    let cluster = try await client.storage(PhalaPhatContracts.clusterByWorkers.storageKey(info.pubkey), as: H256.self)
                    workers.append([
                        "pubkey": info.pubkey.description, "operator": info.operator.map { $0.ss58(prefix: 30) } ?? NSNull(),
                        "attestationProvider": "\(info.attestationProvider.map { "\($0)" } ?? "none")",
                        "confidenceLevel": Int(info.confidenceLevel), "gatekeeper": gatekeepers.contains(info.pubkey),
                        "cluster": cluster.map(\.description) ?? NSNull(),
                    ])
                }
                try NodeClient.printJSON(workers)
            } catch {
                throw fail(error)
            }
        }
    }
}

/// `phalanx cluster`: cluster tools.
struct ClusterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cluster", abstract: "Phat Contract clusters.", subcommands: [List.self])

    /// `phalanx cluster list`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List clusters as JSON.")
        @Option(help: "The node's JSON-RPC endpoint.") var url: String = "ws://127.0.0.1:9944"

        func run() async throws {
            let client = try NodeClient(url: url, suri: "//Alice")
            do {
                var clusters: [[String: Any]] = []
                for (key, value) in try await client.entries(prefix: PhalaPhatContracts.clusters.prefix) {
                    let id = H256(unchecked: Array(key.suffix(32)))
                    let info = try ClusterInfo.decode(scale: value, limits: .unlimited)
                    let workers = try await client.storage(PhalaPhatContracts.clusterWorkers.storageKey(id), as: [Sr25519Public].self) ?? []
                    let contracts = try await client.storage(PhalaPhatContracts.clusterContracts.storageKey(id), as: [H256].self) ?? []
                    let pubkey = try await client.storage(PhalaRegistry.clusterKeys.storageKey(id), as: Sr25519Public.self)
                    clusters.append([
                        "id": id.description, "owner": info.owner.ss58(prefix: 30), "permission": info.permission == .public ? "Public" : "OnlyOwner",
                        "pubkey": pubkey.map(\.description) ?? NSNull(), "workers": workers.map(\.description),
                        "contracts": contracts.map(\.description),
                    ])
                }
                try NodeClient.printJSON(clusters)
            } catch {
                throw fail(error)
            }
        }
    }
}
