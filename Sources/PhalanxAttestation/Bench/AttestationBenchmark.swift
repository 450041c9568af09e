import Foundation

/// Throughput measurement of full DCAP verification, for `phalanx bench attestation`.
public enum AttestationBenchmark {
    /// Result of a benchmark run.
    public struct Result: Sendable, Codable {
        /// Verifications performed.
        public let iterations: Int
        /// Elapsed seconds (monotonic clock).
        public let seconds: Double
        /// Verifications per second on the calling thread.
        public var perSecond: Double { seconds > 0 ? Double(iterations) / seconds : 0 }
    }

    /// Verifies `quote` against `collateral` `iterations` times on the calling thread (one core): quote parsing,
    /// PCK chain, both CRLs, QE report, binding, quote signature, TCB signing chain, QE identity, TCB info, policy.
    /// Throws if a verification fails, so a broken input is never reported as a speed.
    public static func dcap(
        quote: [UInt8], collateral: DCAPCollateral, at time: Date, policy: AttestationPolicy = .default,
        iterations: Int = 2000
    ) throws(AttestationError) -> Result {
        let warmup = DCAPVerifier.verify(quote: quote, collateral: collateral, policy: policy, at: time)
        if let error = warmup.error { throw error }
        let clock = ContinuousClock()
        var accepted = 0
        let elapsed = clock.measure {
            for _ in 0..<iterations where DCAPVerifier.verify(quote: quote, collateral: collateral, policy: policy, at: time).isAccepted {
                accepted += 1
            }
        }
        guard accepted == iterations else { throw AttestationError(.quoteFormat, "benchmark verification failed") }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return Result(iterations: iterations, seconds: seconds)
    }

    /// Benchmarks the Phala sample (`phala/dcap_quote` + `phala/dcap_quote_collateral` under `fixtures`, the
    /// `fixtures/sgx` folder) at 2023-11-21T12:00:00Z.
    public static func phalaSample(fixtures: URL, iterations: Int = 2000) throws -> Result {
        let quote = Array(try Data(contentsOf: fixtures.appendingPathComponent("phala/dcap_quote")))
        let collateral = try DCAPCollateral(
            phalaSCALE: Array(try Data(contentsOf: fixtures.appendingPathComponent("phala/dcap_quote_collateral"))))
        return try dcap(quote: quote, collateral: collateral, at: Date(timeIntervalSince1970: 1_700_568_000), iterations: iterations)
    }
}
