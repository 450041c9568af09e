#!/usr/bin/env python3
"""Times recursive fib(N) from one Wasm module (exporting `fib: i32 -> i32`) on wasmtime (with and without fuel)
and wasm3, for `phalanx bench engines`. Prints one JSON object: the best of --runs wall times in milliseconds.

Usage: bench-engines.py MODULE.wasm N [RUNS]
"""
import json
import sys
import time

import wasm3
import wasmtime


def best(run, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return min(times)


def main():
    path, n = sys.argv[1], int(sys.argv[2])
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    code = open(path, "rb").read()
    results = {}
    for label, fuel in (("wasmtime", False), ("wasmtime_fuel", True)):
        config = wasmtime.Config()
        config.consume_fuel = fuel
        engine = wasmtime.Engine(config)
        store = wasmtime.Store(engine)
        if fuel:
            store.set_fuel(1 << 62)
        instance = wasmtime.Instance(store, wasmtime.Module(engine, code), [])
        fib = instance.exports(store)["fib"]
        expected = fib(store, n)
        results[label] = best(lambda: fib(store, n), runs)
    environment = wasm3.Environment()
    runtime = environment.new_runtime(1 << 20)
    runtime.load(environment.parse_module(code))
    fib3 = runtime.find_function("fib")
    assert fib3(n) == expected, "wasm3 and wasmtime disagree"
    results["wasm3"] = best(lambda: fib3(n), runs)
    results["result"] = expected
    print(json.dumps(results))


if __name__ == "__main__":
    main()
