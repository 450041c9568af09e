import WasmKit
import WasmParser

/// WasmKit alone, without the contract engine: the raw interpreter speed that `phalanx bench engines` compares with
/// wasmtime and wasm3 on the same module (``SampleContracts/fibModuleWAT``).
public enum RawEngineBenchmark {
    /// Why the benchmark could not run.
    public struct Failure: Error, CustomStringConvertible {
        /// One sentence.
        public var description: String
    }

    /// The best wall time (ms) of `runs` calls of `fib(n)` on WasmKit, with or without fuel metering; and the result.
    public static func fibonacci(_ n: UInt32, runs: Int, fuelMetering: Bool) throws -> (milliseconds: Double, result: UInt32) {
        let engine = Engine(configuration: EngineConfiguration(compilationMode: .eager, fuelMetering: fuelMetering))
        let store = Store(engine: engine)
        let module = try parseWasm(bytes: try SampleContracts.assemble(SampleContracts.fibModuleWAT))
        let instance = try module.instantiate(store: store, imports: Imports())
        guard let fib = instance.exports[function: "fib"] else { throw Failure(description: "The module exports no fib.") }
        var best = Duration.seconds(1_000_000)
        var result: UInt32 = 0
        let clock = ContinuousClock()
        for _ in 0..<max(runs, 1) {
            if fuelMetering { store.fuel = Fuel(remaining: 1 << 62) }
            let start = clock.now
            let values = try fib([.i32(n)])
            best = min(best, clock.now - start)
            guard case .i32(let value)? = values.first else { throw Failure(description: "fib returned no i32.") }
            result = value
        }
        let (seconds, attoseconds) = best.components
        return (Double(seconds) * 1_000 + Double(attoseconds) / 1e15, result)
    }
}
