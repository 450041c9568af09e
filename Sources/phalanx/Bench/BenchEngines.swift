import ArgumentParser
import Foundation
import PhalanxContracts

extension BenchCommand {
    /// `phalanx bench engines`: WasmKit against wasmtime and wasm3 on the same module, in one run.
    struct Engines: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Raw engine ratio: recursive fib(N) on WasmKit (fuel off/on) vs wasmtime and wasm3 (PyPI), same module, one run.")

        @Option(help: "fib argument.") var n: UInt32 = 27
        @Option(help: "Runs per engine (the best is reported).") var runs: Int = 5
        @Option(help: "Python with the wasmtime and pywasm3 packages (scripts/setup-bench makes .venv-bench).")
        var python: String = ".venv-bench/bin/python"
        @Option(help: "The comparison script.") var script: String = "scripts/bench-engines.py"

        func run() throws {
            guard runs > 0, n <= 40 else { throw fail(InputError.missingInput("--runs must be positive and --n at most 40")) }
            do {
                let plain = try RawEngineBenchmark.fibonacci(n, runs: runs, fuelMetering: false)
                let metered = try RawEngineBenchmark.fibonacci(n, runs: runs, fuelMetering: true)
                let module = FileManager.default.temporaryDirectory.appendingPathComponent("phalanx-fib-\(UUID().uuidString).wasm")
                try Data(try SampleContracts.assemble(SampleContracts.fibModuleWAT)).write(to: module)
                defer { try? FileManager.default.removeItem(at: module) }
                let others = try runPython(module: module.path)
                guard let expected = others["result"], UInt32(expected) == plain.result else {
                    throw CLIFailure("The engines disagree on fib(\(n)): WasmKit \(plain.result), others \(others["result"] ?? -1).")
                }
                print("phalanx bench engines — fib(\(n)) = \(plain.result), best of \(runs) runs each, same module")
                let rows: [(String, Double)] = [
                    ("WasmKit (interpreter)", plain.milliseconds), ("WasmKit, fuel metering (as contracts run)", metered.milliseconds),
                    ("wasmtime (JIT)", others["wasmtime"] ?? .nan), ("wasmtime, fuel", others["wasmtime_fuel"] ?? .nan),
                    ("wasm3 (interpreter)", others["wasm3"] ?? .nan),
                ]
                for (name, milliseconds) in rows {
                    let ratio = milliseconds / plain.milliseconds
                    print("  \(name.padding(toLength: 44, withPad: " ", startingAt: 0)) \(String(format: "%8.2f ms  %6.2f× WasmKit", milliseconds, ratio))")
                }
            } catch {
                throw fail(error)
            }
        }

        /// Runs the comparison script; its JSON maps engine names to milliseconds.
        private func runPython(module: String) throws -> [String: Double] {
            guard FileManager.default.isExecutableFile(atPath: python) else {
                throw CLIFailure("No Python with wasmtime and pywasm3 at \(python): run scripts/setup-bench (or pass --python).")
            }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: python)
            process.arguments = [script, module, String(n), String(runs)]
            let output = Pipe()
            process.standardOutput = output
            try process.run()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            guard process.terminationStatus == 0, let object = try? JSONSerialization.jsonObject(with: data) as? [String: Double] else {
                throw CLIFailure("The comparison script failed (exit \(process.terminationStatus)).")
            }
            return object
        }
    }
}
