import ArgumentParser
import Crypto
import Foundation
import PhalanxPrimitives

/// `phalanx bench`: measured performance of the building blocks (results go to BENCHMARKS.md).
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Run benchmarks and print their results.",
        subcommands: [Crypto.self, Attestation.self, Storage.self, Transfers.self, Contracts.self, WorkerBench.self, Pink.self, Engines.self])
}

/// A benchmark measurement: how many operations ran in how long.
struct Measurement {
    /// The benchmark's name.
    var name: String
    /// Operations completed.
    var operations: Int
    /// Elapsed wall time.
    var seconds: Double
    /// Operations per second.
    var rate: Double { Double(operations) / seconds }
}

/// Repeats `body` (which performs `batch` operations) for at least `duration`, on the calling thread.
func measure(_ name: String, batch: Int, duration: Duration, _ body: () -> Void) -> Measurement {
    body()  // warm-up
    let clock = ContinuousClock()
    let start = clock.now
    var operations = 0
    while clock.now - start < duration {
        body()
        operations += batch
    }
    let elapsed = clock.now - start
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    return Measurement(name: name, operations: operations, seconds: seconds)
}

extension BenchCommand {
    /// `phalanx bench crypto`: signature verification rates per core and BLAKE2b throughput.
    struct Crypto: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Signature verifications per second on one core, and blake2_256 MB/s.")

        @Option(help: "Seconds to run each measurement.") var seconds: Int = 3

        func run() throws {
            let duration = Duration.seconds(seconds)
            let message = Array("Phalanx benchmark message: transfer 1 PHA".utf8)
            var results = [Measurement]()

            let sr = try KeyPair(uri: "//Alice", scheme: .sr25519)
            let srSignature = sr.sign(message)
            results.append(measure("sr25519 verify", batch: 100, duration: duration) {
                for _ in 0..<100 { precondition(Sr25519.verify(signature: srSignature, message: message, publicKey: sr.publicKey)) }
            })

            let ed = try KeyPair(uri: "//Alice", scheme: .ed25519)
            let edSignature = ed.sign(message)
            results.append(measure("ed25519 verify (libsodium)", batch: 100, duration: duration) {
                for _ in 0..<100 { precondition(Ed25519.verify(signature: edSignature, message: message, publicKey: ed.publicKey)) }
            })
            let cryptoKitKey = try Curve25519.Signing.PublicKey(rawRepresentation: ed.publicKey)
            results.append(measure("ed25519 verify (swift-crypto)", batch: 100, duration: duration) {
                for _ in 0..<100 { precondition(cryptoKitKey.isValidSignature(edSignature, for: message)) }
            })

            let ec = try Ecdsa.KeyPair(seed: try KeyPair(uri: "//Alice", scheme: .ecdsa).secretSeed)
            let digest = blake2_256(message)
            let ecSignature = ec.signPrehashed(digest)
            results.append(measure("ecdsa recover", batch: 100, duration: duration) {
                for _ in 0..<100 { precondition(Ecdsa.recover(signature: ecSignature, digest: digest) != nil) }
            })

            let block = [UInt8](repeating: 0xab, count: 1 << 20)
            let hashing = measure("blake2_256 (1 MiB inputs)", batch: 1, duration: duration) {
                _ = blake2_256(block)
            }

            print("phalanx bench crypto — one thread, \(seconds) s per measurement")
            for result in results {
                print("  \(result.name.padding(toLength: 30, withPad: " ", startingAt: 0)) \(Int(result.rate)) /s")
            }
            print("  \("blake2_256".padding(toLength: 30, withPad: " ", startingAt: 0)) \(Int(hashing.rate)) MiB/s")
        }
    }
}
