import ArgumentParser
import Foundation
import PhalanxAttestation

extension BenchCommand {
    /// `phalanx bench attestation`: full DCAP verifications per second on one core (issue 4 target: ≥ 500/s).
    struct Attestation: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Full DCAP quote verifications (chain, CRLs, QE identity, TCB info, policy) per second on one core.")

        @Option(help: "The SGX fixture folder holding phala/dcap_quote and phala/dcap_quote_collateral.")
        var fixtures: String = "../shared/fixtures/sgx"
        @Option(help: "Verifications to time.") var iterations: Int = 2000

        /// The issue's target, verifications per second on one core.
        static let target = 500.0

        func run() throws {
            let folder = URL(fileURLWithPath: fixtures)
            let quote = folder.appendingPathComponent("phala/dcap_quote")
            guard FileManager.default.fileExists(atPath: quote.path) else {
                throw fail(InputError.missingFile("--fixtures", quote.path))
            }
            guard iterations > 0 else { throw fail(InputError.missingInput("--iterations must be positive")) }
            let result: AttestationBenchmark.Result
            do {
                result = try AttestationBenchmark.phalaSample(fixtures: folder, iterations: iterations)
            } catch {
                throw fail(error)
            }
            print("phalanx bench attestation — one thread, Phala DCAP v3 sample at 2023-11-21T12:00:00Z")
            print("  \("DCAP verify (full chain + collateral)".padding(toLength: 40, withPad: " ", startingAt: 0)) \(Int(result.perSecond)) /s")
            let each = String(format: "%.3f", result.seconds * 1000 / Double(result.iterations))
            let verdict = result.perSecond >= Self.target ? "PASS" : "FAIL"
            print("  \(result.iterations) verifications in \(String(format: "%.3f", result.seconds)) s (\(each) ms each); "
                + "target ≥ \(Int(Self.target)) /s: \(verdict)")
        }
    }
}
