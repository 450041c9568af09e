import Foundation
import PhalanxPrimitives

/// One benchmark figure.
public struct ContractsMeasurement: Sendable, CustomStringConvertible {
    /// What was measured.
    public var name: String
    /// Operations completed.
    public var operations: Int
    /// Elapsed wall time in seconds.
    public var seconds: Double

    /// Operations per second.
    public var rate: Double { Double(operations) / seconds }
    /// Microseconds per operation.
    public var microsecondsPerOperation: Double { seconds * 1e6 / Double(operations) }

    public var description: String {
        "\(name): \(operations) ops in \(String(format: "%.3f", seconds)) s = "
            + "\(String(format: "%.0f", rate)) ops/s (\(String(format: "%.2f", microsecondsPerOperation)) µs/op)"
    }
}

/// The contract-engine benchmark behind `phalanx bench contracts`.
///
/// Method (single thread, wall clock, after one warm-up batch; each figure repeats its operation until `duration`):
/// - `erc20 transfer`: the full engine path of one transaction: `ContractCluster.call` in `.transaction` mode on the
///   erc20 sample (``SampleContracts/erc20WAT``), alice → bob, 1 unit each: input decoding, two storage reads and two
///   writes in a mapping, one event with 3 topics, deposit settlement and the commit into the in-memory backend.
/// - `instantiate cold <size>`: validation (every instruction), parsing, eager translation and first instantiation of
///   a fresh module of that size (the erc20 sample padded with extra functions), on a fresh cluster each time.
/// - `instantiate cached <size>`: `instantiate(code: .existing)` of already-loaded code with a new salt: full engine
///   path (pooled instance reset, constructor run, storage write, commit), i.e. what a deploy costs once the module is
///   cached.
/// - `fib(27)`: one contract call computing recursive fib(27) (≈ 0.9 M calls): interpreter speed with fuel metering;
///   compare with the same kernel (``SampleContracts/fibFunctionWAT``) on wasmtime or wasm3.
/// - `instance reuse`: a `get` query on flipper: the floor cost of one call (pool acquire + memory/global reset +
///   entry + 4 host calls).
public enum ContractsBenchmark {
    /// Runs every measurement. `clock` supplies the time: the engine itself never reads a clock.
    public static func run(
        duration: Duration = .seconds(2), padSizes: [Int] = [20_000, 140_000]
    ) throws -> [ContractsMeasurement] {
        var results: [ContractsMeasurement] = []
        results.append(try erc20Transfers(duration: duration))
        results.append(try flipperQueries(duration: duration))
        results.append(try fibonacci(27, duration: duration))
        for size in padSizes {
            results.append(try coldInstantiate(size: size, duration: duration))
            results.append(try cachedInstantiate(size: size, duration: duration))
        }
        return results
    }

    static let alice = accountId([UInt8](repeating: 0xA1, count: 32))
    static let bob = accountId([UInt8](repeating: 0xB0, count: 32))

    static func newCluster() -> ContractCluster {
        let backend = InMemoryStateBackend()
        backend.setBalance(alice, 1 << 100)
        return ContractCluster(backend: backend)
    }

    static func measure(
        _ name: String, batch: Int, duration: Duration, _ body: () throws -> Void
    ) rethrows -> ContractsMeasurement {
        try body()
        let clock = ContinuousClock()
        let start = clock.now
        var operations = 0
        while clock.now - start < duration {
            try body()
            operations += batch
        }
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return ContractsMeasurement(name: name, operations: operations, seconds: seconds)
    }

    /// erc20 `transfer` transactions per second through the full engine.
    public static func erc20Transfers(duration: Duration) throws -> ContractsMeasurement {
        let cluster = newCluster()
        let code = try SampleContracts.assemble(SampleContracts.erc20WAT)
        let deployed = cluster.instantiate(
            origin: alice, code: .upload(code), input: SampleContracts.newSelector + (UInt128(1) << 100).scaleEncoded)
        guard case .success(let value) = deployed.result else { throw BenchmarkError.setupFailed("erc20 deploy") }
        let token = value.accountId
        let input = SampleContracts.transferSelector + bob.bytes + UInt128(1).scaleEncoded
        let gas = Weight(refTime: 100_000_000_000, proofSize: 1 << 20)
        return try measure("erc20 transfer (full engine, commit)", batch: 100, duration: duration) {
            for _ in 0..<100 {
                let result = cluster.call(origin: alice, dest: token, gasLimit: gas, input: input)
                guard case .success(let returned) = result.result, returned.data == [0, 0] else {
                    throw BenchmarkError.setupFailed("transfer failed: \(result.result)")
                }
            }
        }
    }

    /// Flipper `get` queries per second: the per-call floor.
    public static func flipperQueries(duration: Duration) throws -> ContractsMeasurement {
        let cluster = newCluster()
        let code = try SampleContracts.assemble(SampleContracts.flipperWAT)
        let deployed = cluster.instantiate(origin: alice, code: .upload(code), input: SampleContracts.newSelector + [1])
        guard case .success(let value) = deployed.result else { throw BenchmarkError.setupFailed("flipper deploy") }
        return try measure("flipper get (query, instance reuse)", batch: 100, duration: duration) {
            for _ in 0..<100 {
                let result = cluster.call(
                    origin: alice, dest: value.accountId, input: SampleContracts.getSelector, mode: .query)
                guard case .success = result.result else { throw BenchmarkError.setupFailed("get failed") }
            }
        }
    }

    /// One contract call computing `fib(n)` (compute-bound; compare with the same kernel on other engines).
    public static func fibonacci(_ n: UInt32, duration: Duration) throws -> ContractsMeasurement {
        let cluster = newCluster()
        let code = try SampleContracts.assemble(SampleContracts.fibWAT)
        let deployed = cluster.instantiate(origin: alice, code: .upload(code), input: [])
        guard case .success(let value) = deployed.result else { throw BenchmarkError.setupFailed("fib deploy") }
        let gas = Weight(refTime: 1 << 60, proofSize: 1 << 20)
        return try measure("fib(\(n)) contract call (compute, fuel on)", batch: 1, duration: duration) {
            let result = cluster.call(
                origin: alice, dest: value.accountId, gasLimit: gas, input: n.scaleEncoded, mode: .query)
            guard case .success(let returned) = result.result, returned.data.count == 4 else {
                throw BenchmarkError.setupFailed("fib failed")
            }
        }
    }

    /// The erc20 sample padded with integer-only filler functions to about `size` bytes of code.
    public static func paddedErc20(size: Int, variant: Int = 0) throws -> [UInt8] {
        let base = SampleContracts.erc20WAT
        var filler = ""
        var code = try SampleContracts.assemble(base)
        // Each filler function is ~200 bytes of code.
        let estimate = max(0, (size - code.count) / 200)
        for index in 0..<estimate {
            filler += "(func $pad\(index) (param $x i64) (result i64) (local $y i64)\n"
            filler += "(local.set $y (i64.const \(variant * 1_000_003 + index)))\n"
            for step in 0..<12 {
                filler += "(local.set $y (i64.xor (i64.mul (local.get $y) (i64.const \(step * 7919 + 13)))"
                filler += " (i64.rotl (local.get $x) (i64.const \(step + 1)))))\n"
            }
            filler += "(local.get $y))\n"
        }
        let source = String(base.dropLast()) + filler + ")"
        code = try SampleContracts.assemble(source)
        return code
    }

    /// Validation + parse + eager translation + instantiation of a fresh module.
    public static func coldInstantiate(size: Int, duration: Duration) throws -> ContractsMeasurement {
        var variants: [[UInt8]] = []
        for variant in 0..<4 { variants.append(try paddedErc20(size: size, variant: variant)) }
        var index = 0
        return try measure(
            "instantiate cold \(variants[0].count / 1000) KB (validate+parse+translate+instantiate)", batch: 1,
            duration: duration
        ) {
            let cluster = newCluster()
            try cluster.validate(variants[index % variants.count])
            index += 1
        }
    }

    /// Deploying already-cached code: full engine path with a new salt each time.
    public static func cachedInstantiate(size: Int, duration: Duration) throws -> ContractsMeasurement {
        let cluster = newCluster()
        let code = try paddedErc20(size: size)
        let hash = try cluster.uploadCode(code)
        var salt: UInt64 = 0
        let input = SampleContracts.newSelector + UInt128(1_000).scaleEncoded
        return try measure(
            "instantiate cached \(code.count / 1000) KB (deploy with new salt, commit)", batch: 1, duration: duration
        ) {
            salt += 1
            let result = cluster.instantiate(
                origin: alice, code: .existing(hash), input: input, salt: salt.scaleEncoded)
            guard case .success = result.result else { throw BenchmarkError.setupFailed("cached deploy failed") }
        }
    }
}

/// Benchmark setup failures.
public enum BenchmarkError: Error, CustomStringConvertible {
    case setupFailed(String)

    public var description: String {
        switch self {
        case .setupFailed(let what): "benchmark setup failed: \(what)"
        }
    }
}
