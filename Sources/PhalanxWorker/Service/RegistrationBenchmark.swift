import Foundation
import PhalanxPrimitives

/// The benchmark a worker runs when the registry asks (`WorkerEvent::BenchStart`): how much hashing one core does
/// in a fixed window. The registry turns the report into the worker's initial score, which staking needs
/// (`min(6000, iterations · 6 / seconds)`); one iteration is 3,000 blake2_256 hashes of 32 bytes, which puts an
/// ordinary core well inside that range.
public enum RegistrationBenchmark {
    /// Hashes per iteration.
    public static let hashesPerIteration = 3_000
    /// How long the measurement runs.
    public static let window: Duration = .seconds(1)

    /// Runs the measurement; returns its start (ms since the epoch, the report's `start_time`) and the iterations done.
    public static func measure(window: Duration = window) -> (startTime: UInt64, iterations: UInt64) {
        let startTime = UInt64(max(0, Date().timeIntervalSince1970 * 1000))
        let clock = ContinuousClock()
        let deadline = clock.now + window
        var digest = [UInt8](repeating: 0, count: 32)
        var iterations: UInt64 = 0
        while clock.now < deadline {
            for _ in 0..<hashesPerIteration { digest = blake2_256(digest) }
            iterations += 1
        }
        return (startTime, iterations)
    }
}
