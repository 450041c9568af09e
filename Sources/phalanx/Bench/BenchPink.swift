import ArgumentParser
import Foundation
import Hummingbird
import Logging
import PhalanxContracts
import PhalanxPrimitives
import PhalanxWorker

extension BenchCommand {
    /// `phalanx bench pink`: the pink chain extension's per-call overhead and batch HTTP throughput on loopback.
    struct Pink: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Pink chain-extension overhead per call (no network) and batch_http_request throughput against a loopback server.")

        @Option(help: "Seconds per measurement.") var seconds: Int = 2

        func run() async throws {
            guard seconds > 0 else { throw fail(InputError.missingInput("--seconds must be positive")) }
            let duration = Duration.seconds(seconds)
            // A loopback HTTP server answering 64 bytes to every GET.
            let router = Router()
            router.get("/") { _, _ in String(repeating: "p", count: 64) }
            let ready = AsyncStream<Int>.makeStream()
            let app = Application(
                router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                onServerRunning: { channel in ready.continuation.yield(channel.localAddress?.port ?? 0) },
                logger: Logger(label: "bench.http", factory: { _ in SwiftLogNoOpLogHandler() }))
            let server = Task { try await app.runService() }
            defer { server.cancel() }
            var iterator = ready.stream.makeAsyncIterator()
            guard let port = await iterator.next(), port > 0 else { throw CLIFailure("The loopback server did not start.") }

            var configuration = WorkerPinkHost.Configuration()
            configuration.allowPrivateHTTP = true
            let host = try WorkerPinkHost(workerPublicKey: [UInt8](repeating: 1, count: 32), configuration: configuration)
            let results = try await Task.detached { try Self.measureAll(host: host, port: port, duration: duration) }.value
            print("phalanx bench pink — one thread, \(seconds) s per measurement")
            for result in results {
                print("  \(result.name.padding(toLength: 52, withPad: " ", startingAt: 0)) \(Int(result.rate)) /s  (\(String(format: "%.2f", 1e6 / result.rate)) µs each)")
            }
        }

        /// Runs every measurement on the calling (non-cooperative) thread.
        static func measureAll(host: WorkerPinkHost, port: Int, duration: Duration) throws -> [Measurement] {
            let backend = InMemoryStateBackend()
            let cluster = ContractCluster(backend: backend)
            let pink = PinkExtension(host: host, clusterKey: Sr25519.KeyPair(miniSecret: [UInt8](repeating: 2, count: 32)))
            cluster.register(chainExtension: pink)
            let caller = AccountId32(bytes: [UInt8](repeating: 0xA1, count: 32))!
            func deploy(_ wat: String) throws -> AccountId32 {
                let result = cluster.instantiate(origin: caller, code: .upload(try SampleContracts.assemble(wat)), input: [], salt: [])
                return try result.result.get().accountId
            }
            // One page of memory: instance resets stay cheap, so the difference is the extension call itself.
            let proxy = try deploy(SampleContracts.pinkProxy(pages: 1))
            let baseline = try deploy(SampleContracts.pinkProxy(pages: 1, callsExtension: false))
            func query(_ contract: AccountId32, _ input: [UInt8]) {
                let result = pink.runQuery { cluster.call(origin: caller, dest: contract, input: input, mode: .query) }
                precondition((try? result.result.get()) != nil, "benchmark call failed")
            }
            let seed = [UInt8](repeating: 5, count: 32)
            let signInput = UInt32(2).scaleEncoded + [0] + seed.scaleEncoded + Array("bench".utf8).scaleEncoded
            let request = HttpRequest(url: "http://127.0.0.1:\(port)/")
            let batchInput = UInt32(22).scaleEncoded + [HttpRequest](repeating: request, count: 5).scaleEncoded + UInt64(5_000).scaleEncoded
            return [
                measure("contract call, no extension (baseline)", batch: 100, duration: duration) {
                    for _ in 0..<100 { query(baseline, UInt32(12).scaleEncoded) }
                },
                measure("contract call + is_in_transaction (id 12)", batch: 100, duration: duration) {
                    for _ in 0..<100 { query(proxy, UInt32(12).scaleEncoded) }
                },
                measure("contract call + derive_sr25519_key (id 4)", batch: 100, duration: duration) {
                    for _ in 0..<100 { query(proxy, UInt32(4).scaleEncoded + Array("salt".utf8).scaleEncoded) }
                },
                measure("contract call + ed25519 sign (id 2)", batch: 100, duration: duration) {
                    for _ in 0..<100 { query(proxy, signInput) }
                },
                measure("contract call + http_request (id 1), loopback", batch: 10, duration: duration) {
                    for _ in 0..<10 { query(proxy, UInt32(1).scaleEncoded + request.scaleEncoded) }
                },
                measure("batch_http_request x5 (id 22), requests", batch: 50, duration: duration) {
                    for _ in 0..<10 { query(proxy, batchInput) }
                },
            ]
        }
    }
}
