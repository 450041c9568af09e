import ArgumentParser
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Logging
import PhalanxNode
import PhalanxPrimitives
import PhalanxRuntime
import PhalanxStorage
import Prometheus

extension BenchCommand {
    /// `phalanx bench transfers`: pool admission, block build, block import (signatures checked)
    /// and end-to-end RPC throughput of signed sr25519 `transfer_keep_alive` extrinsics.
    struct Transfers: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Transfers per second: pool admission, block build, block import, and submit→inBlock over RPC.")

        @Option(help: "Number of transfers (each from a distinct account).") var count: Int = 10_000
        @Flag(help: "Skip the end-to-end JSON-RPC measurement.") var skipRPC = false

        func run() async throws {
            let runtime = PhalanxRuntime.definition
            print("phalanx bench transfers — \(count) signed sr25519 transfer_keep_alive extrinsics from distinct accounts")
            let senders = (0..<count).map { KeyPair(.sr25519(Sr25519.KeyPair(miniSecret: blake2_256(Array("bench sender \($0)".utf8))))) }
            var spec = ChainSpec.development
            spec.genesis.balances += senders.map { [$0.accountId.bytes.prefixedHex, String(1_000 * Balances.dollars)] }
            let bob = try KeyPair(uri: "//Bob").accountId

            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("phalanx-bench-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let authority = try KeyPair(uri: "//Alice")
            let author = try Chain(spec: spec, database: try SQLiteDatabase(path: directory.appendingPathComponent("a.sqlite").path), authority: authority)
            let importer = try Chain(spec: spec, database: try SQLiteDatabase(path: directory.appendingPathComponent("b.sqlite").path), authority: nil)
            let context = SigningContext(
                specVersion: runtime.version.specVersion, transactionVersion: runtime.version.transactionVersion,
                genesisHash: author.genesisHash, eraBlockHash: author.genesisHash)
            let call = RuntimeCall(Balances.Call.transferKeepAlive(dest: .id(bob), value: Balances.dollars), in: runtime)
            let clock = ContinuousClock()
            var start = clock.now
            let extrinsics = senders.map { UncheckedExtrinsic(call: call, signer: $0, extra: SignedExtra(nonce: 0), context: context) }
            print("  signing                        \(rate(count, clock.now - start)) tx/s (one thread)")

            // 1. Pool admission: decode + full validation (signature, nonce, fee) + insertion, 2 submitters per core.
            let pool = PoolService(chain: author, limits: .init(count: count + 1, bytes: 1 << 30))
            start = clock.now
            try await withThrowingTaskGroup(of: Void.self) { group in
                let workers = max(1, ProcessInfo.processInfo.activeProcessorCount) * 2
                for worker in 0..<workers {
                    group.addTask {
                        for index in stride(from: worker, to: extrinsics.count, by: workers) {
                            _ = try await pool.submit(extrinsics[index].encoded)
                        }
                    }
                }
                try await group.waitForAll()
            }
            print("  pool admission                 \(rate(count, clock.now - start)) tx/s (\(await pool.count) in pool)")

            // 2. Block build: apply, finalize, state root, seal, commit to SQLite.
            start = clock.now
            var blocks = [ChainBlock]()
            while await pool.count > 0 {
                let ready = await pool.ready(limit: BlockAuthor.maxTransactionsPerBlock, maxBytes: Executive.maxBlockLength)
                let authored = try await author.author(transactions: ready, timestamp: 1_700_000_000_000 + UInt64(blocks.count) * 6_000)
                await pool.blockAuthored(authored)
                blocks.append(authored.block)
                if authored.included.isEmpty { break }
            }
            let included = blocks.reduce(0) { $0 + $1.extrinsics.count - 1 }
            print("  block build + commit           \(rate(included, clock.now - start)) tx/s (\(blocks.count) blocks, \(included) transfers)")

            // 3. Block import on a second node: seal, every signature (parallel), re-execution, both roots, commit.
            start = clock.now
            for block in blocks {
                try await importer.importBlock(Block(header: block.header, extrinsics: block.extrinsics), authority: authority.publicKey)
            }
            print("  block import (signatures)      \(rate(included, clock.now - start)) tx/s")

            if !skipRPC { try await measureRPC(spec: spec, senders: senders, directory: directory) }
        }

        /// Submits fresh transfers (nonce 1) over HTTP JSON-RPC to a running node and waits until all are in blocks.
        private func measureRPC(spec: ChainSpec, senders: [KeyPair], directory: URL) async throws {
            let registry = PrometheusCollectorRegistry()
            let configuration = NodeConfiguration(
                chainSpec: spec, basePath: directory.appendingPathComponent("rpc").path, rpcPort: 0, prometheusPort: nil)
            var logger = Logger(label: "bench")
            logger.logLevel = .warning
            let node = try Node(configuration: configuration, registry: registry, logger: logger)
            let runTask = Task { try await node.run() }
            defer { runTask.cancel() }
            guard let port = await node.rpcServer.boundPort() else { throw ValidationError("The RPC server did not start.") }
            let runtime = PhalanxRuntime.definition
            let context = SigningContext(
                specVersion: runtime.version.specVersion, transactionVersion: runtime.version.transactionVersion,
                genesisHash: node.chain.genesisHash, eraBlockHash: node.chain.genesisHash)
            let bob = try KeyPair(uri: "//Bob").accountId
            let call = RuntimeCall(Balances.Call.transferKeepAlive(dest: .id(bob), value: Balances.dollars), in: runtime)
            let bodies = senders.map { sender -> Data in
                let hex = UncheckedExtrinsic(call: call, signer: sender, extra: SignedExtra(nonce: 0), context: context).encoded.prefixedHex
                return Data(#"{"jsonrpc":"2.0","id":1,"method":"author_submitExtrinsic","params":[""#.utf8) + Data(hex.utf8) + Data(#""]}"#.utf8)
            }
            let url = URL(string: "http://127.0.0.1:\(port)/")!
            let startNumber = await node.chain.snapshot().number
            let clock = ContinuousClock()
            let start = clock.now
            try await withThrowingTaskGroup(of: Void.self) { group in
                let inFlight = 32
                for worker in 0..<inFlight {
                    group.addTask {
                        for index in stride(from: worker, to: bodies.count, by: inFlight) {
                            var request = URLRequest(url: url)
                            request.httpMethod = "POST"
                            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
                            request.httpBody = bodies[index]
                            let (data, _) = try await URLSession.shared.data(for: request)
                            if data.range(of: Data(#""error""#.utf8)) != nil {
                                throw ValidationError("Submission failed: \(String(decoding: data, as: UTF8.self))")
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }
            let submitted = clock.now - start
            var included = 0
            while included < senders.count {
                try await Task.sleep(for: .milliseconds(20))
                included = 0
                let best = await node.chain.snapshot().number
                for number in (startNumber + 1)...max(startNumber + 1, best) {
                    if let hash = try await node.chain.hash(ofNumber: number), let block = try await node.chain.block(hash) {
                        included += block.extrinsics.count - 1
                    }
                }
                if clock.now - start > .seconds(300) { throw ValidationError("Transfers were not all included within 300 s.") }
            }
            print("  RPC submit (HTTP, 32 in flight) \(rate(senders.count, submitted)) tx/s")
            print("  RPC submit → all in blocks      \(rate(senders.count, clock.now - start)) tx/s end to end")
        }

        private func rate(_ count: Int, _ duration: Duration) -> String {
            let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
            return String(Int((Double(count) / max(seconds, 1e-9)).rounded()))
        }
    }
}
