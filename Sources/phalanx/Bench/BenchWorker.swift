import ArgumentParser
import AsyncHTTPClient
import Foundation
import NIOCore
import NIOFoundationCompat
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import PhalanxClient
import PhalanxContracts
import PhalanxPrimitives
import PhalanxRuntime
import PhalanxWorker

extension BenchCommand {
    /// `phalanx bench worker`: encrypted queries over loopback HTTP against a real `phalanx node --dev` (started as a
    /// child process) and the worker's command pipeline.
    struct WorkerBench: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "worker",
            abstract: "Encrypted query latency (p50/p99) and queries/s on loopback; encrypted commands/s through a worker.")

        @Option(help: "Queries to send.") var queries: Int = 5_000
        @Option(help: "Concurrent query clients.") var concurrency: Int = 8
        @Option(help: "Blocks × commands per block for the command pipeline.") var commandBlocks: Int = 20
        @Option(help: "Commands per block.") var commandsPerBlock: Int = 100

        func run() async throws {
            do { try await bench() } catch { throw fail(error) }
        }

        private func bench() async throws {
            print("phalanx bench worker — \(queries) encrypted flipper queries, \(concurrency) concurrent clients, loopback HTTP")
            let rpcPort = Int.random(in: 30_000..<40_000), workerPort = rpcPort + 1
            let node = Process()
            node.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
            node.arguments = ["node", "--dev", "--rpc-port", "\(rpcPort)", "--worker-port", "\(workerPort)", "--no-prometheus", "--log", "warning"]
            try node.run()
            defer { node.terminate(); node.waitUntilExit() }
            let worker = "http://127.0.0.1:\(workerPort)"
            let client = try NodeClient(url: "http://127.0.0.1:\(rpcPort)", suri: "//Bob")
            let cluster = PhalaPhatContracts.clusterId(1)
            _ = try await waitFor(60, "the embedded worker's cluster key") {
                try? await client.storage(PhalaRegistry.clusterKeys.storageKey(cluster), as: Sr25519Public.self)
            }
            let code = try SampleContracts.assemble(SampleContracts.flipperWAT)
            let codeHash = ContractCluster.codeHash(code)
            try await client.submit(PhalaPhatContracts.Call.clusterUploadResource(clusterId: cluster, resourceType: .inkCode, resourceData: code))
            try await client.submit(PhalaPhatContracts.Call.instantiateContract(
                codeIndex: .wasmCode(codeHash), data: SampleContracts.newSelector + [0], salt: [], clusterId: cluster, transfer: 0,
                gasLimit: 0, storageDepositLimit: nil, deposit: 0))
            let contract = PhalaPhatContracts.contractId(deployer: client.signer.accountId, codeHash: codeHash, cluster: cluster, salt: [])
            _ = try await waitFor(60, "the flipper's key") {
                try await client.storage(PhalaRegistry.contractKeys.storageKey(contract), as: Sr25519Public.self)
            }
            let info = try await workerRequest(worker, path: "/info")
            guard let workerKey = (info["publicKey"] as? String).flatMap({ [UInt8](hex: $0) }) else { throw CLIFailure("No worker key.") }
            let signer = client.signer

            // Warm-up, then the measured run: each client sends its share sequentially.
            _ = try await oneQuery(worker: worker, workerKey: workerKey, contract: contract, signer: signer)
            let perClient = queries / concurrency
            let clock = ContinuousClock()
            let serverCPUBefore = cpuSeconds(of: node.processIdentifier)
            let start = clock.now
            let latencies = try await withThrowingTaskGroup(of: [Double].self) { group in
                for _ in 0..<concurrency {
                    group.addTask {
                        var samples: [Double] = []
                        for _ in 0..<perClient {
                            let begin = clock.now
                            _ = try await oneQuery(worker: worker, workerKey: workerKey, contract: contract, signer: signer)
                            samples.append(seconds(clock.now - begin))
                        }
                        return samples
                    }
                }
                return try await group.reduce(into: [Double]()) { $0 += $1 }
            }.sorted()
            let total = seconds(clock.now - start)
            let p50 = latencies[latencies.count / 2] * 1000, p99 = latencies[latencies.count * 99 / 100] * 1000
            print(String(format: "  encrypted query (HTTP, seal + sign + verify + execute + seal + sign): %d queries in %.2f s = %.0f queries/s", latencies.count, total, Double(latencies.count) / total))
            print(String(format: "  query latency: p50 %.2f ms, p99 %.2f ms (concurrency %d)", p50, p99, concurrency))
            if let before = serverCPUBefore, let after = cpuSeconds(of: node.processIdentifier) {
                // The node process (chain + embedded worker) alone: what a worker would sustain with its own cores.
                let perQuery = (after - before) / Double(latencies.count)
                print(String(format: "  worker-side CPU per query: %.3f ms (%.0f queries/s per core)", perQuery * 1000, 1 / perQuery))
            }

            let (commands, elapsed) = try WorkerBenchmark.commands(blocks: commandBlocks, perBlock: commandsPerBlock)
            print(String(format: "  encrypted commands through the worker state machine (decrypt + execute + snapshot + checkpoint): %d in %.2f s = %.0f commands/s", commands, elapsed, Double(commands) / elapsed))
        }
    }
}

/// User + system CPU seconds a process has used (Linux `/proc/PID/stat`), or nil elsewhere.
private func cpuSeconds(of pid: Int32) -> Double? {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
        let end = stat.lastIndex(of: ")")
    else { return nil }
    // Fields after the command name: state is field 3, utime and stime are fields 14 and 15.
    let fields = stat[stat.index(after: end)...].split(separator: " ")
    guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
    return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
}

private func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

/// A JSON POST with AsyncHTTPClient: a lighter client than `URLSession` (curl-based on Linux), so the measurement is
/// mostly the worker's own cost.
private func post(_ url: String, _ body: [String: String]) async throws -> [String: Any] {
    var request = HTTPClientRequest(url: url)
    request.method = .POST
    request.headers.add(name: "Content-Type", value: "application/json")
    request.body = .bytes(ByteBuffer(bytes: Array(try JSONSerialization.data(withJSONObject: body))))
    let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
    let bytes = try await response.body.collect(upTo: 1 << 20)
    guard let object = try JSONSerialization.jsonObject(with: Data(buffer: bytes)) as? [String: Any] else {
        throw CLIFailure("The worker sent a malformed response.")
    }
    return object
}

/// One encrypted `get` query; returns the decoded flag.
private func oneQuery(worker: String, workerKey: [UInt8], contract: H256, signer: KeyPair) async throws -> Bool {
    let prepared = try QueryProtocol.prepare(
        QueryProtocol.InkQuery(contract: contract, payload: SampleContracts.getSelector), workerKey: workerKey, caller: signer)
    let response = try await post(worker + "/query", prepared.body)
    guard case .success(let bytes) = try QueryProtocol.openResponse(response, prepared: prepared, workerKey: workerKey),
        case .success(let value) = try ContractExecOutcome(scale: bytes).result, value.data.count == 2
    else { throw CLIFailure("A benchmark query failed.") }
    return value.data[1] == 1
}
