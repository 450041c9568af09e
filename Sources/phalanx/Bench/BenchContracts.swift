import ArgumentParser
import PhalanxContracts

extension BenchCommand {
    /// `phalanx bench contracts`: the Wasm contract engine (erc20 transfers, queries, instantiation).
    struct Contracts: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Contract engine throughput: erc20 transfers, flipper queries, fib(27), cold and cached instantiation.")

        @Option(help: "Seconds per measurement.") var seconds: Int = 2

        func run() throws {
            guard seconds > 0 else { throw fail(InputError.missingInput("--seconds must be positive")) }
            print("phalanx bench contracts — one thread, \(seconds) s per measurement")
            do {
                for measurement in try ContractsBenchmark.run(duration: .seconds(seconds)) { print("  \(measurement)") }
            } catch {
                throw fail(error)
            }
        }
    }
}
