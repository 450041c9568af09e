import Foundation
import PhalanxTestSupport
import Testing

/// `phalanx bench attestation|storage` wiring, with tiny sizes (speed is measured in BENCHMARKS.md, not asserted).
@Suite struct BenchCommandTests {
    @Test func attestationBenchRuns() throws {
        let fixtures = Repository.shared.appendingPathComponent("fixtures/sgx").path
        let result = try PhalanxBinary.run(["bench", "attestation", "--fixtures", fixtures, "--iterations", "3"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("DCAP verify"))
        #expect(result.stdout.contains("3 verifications in"))
        let missing = try PhalanxBinary.run(["bench", "attestation", "--fixtures", "/nonexistent"])
        #expect(missing.status == 2)
        #expect(missing.stderr.hasPrefix("error[2001]:"))
    }

    @Test func storageBenchRuns() throws {
        let result = try PhalanxBinary.run(["bench", "storage", "--base-entries", "300", "--block-writes", "30"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("30 random 32-byte-key/64-byte-value writes onto 300 entries"))
        #expect(result.stdout.contains("SQLite block: import transaction"))
    }
}
