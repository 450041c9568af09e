import Foundation
import PhalanxRPC
import Testing

/// Throughput of a trivial method over one WebSocket connection (pipelined) and over HTTP
/// keep-alive connections, measured with Python clients. Off by default (no timing asserts):
///
///     PHALANX_RPC_BENCH=1 swift test --filter PhalanxRPCTests.Benchmark
@Suite struct Benchmark {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["PHALANX_RPC_BENCH"] != nil))
    func simpleMethodThroughput() async throws {
        let report = try await withServer { port, _ in
            try await python(
                #"""
                import sys, json, time, threading, http.client, websocket
                from multiprocessing import Pool
                port = int(sys.stdin.readline())
                REQ = '{"jsonrpc":"2.0","id":%d,"method":"add","params":[1,2]}'

                def ws_run(n):
                    c = websocket.create_connection(f"ws://127.0.0.1:{port}", timeout=60)
                    def send():
                        for i in range(n): c.send(REQ % i)
                    t = threading.Thread(target=send); start = time.perf_counter(); t.start()
                    for _ in range(n): c.recv()
                    t.join(); return n, time.perf_counter() - start

                def ws_seq(n):
                    c = websocket.create_connection(f"ws://127.0.0.1:{port}", timeout=60)
                    start = time.perf_counter()
                    for i in range(n): c.send(REQ % i); c.recv()
                    return n, time.perf_counter() - start

                def http_run(n):
                    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                    start = time.perf_counter()
                    for i in range(n):
                        conn.request("POST", "/", REQ % i, {"Content-Type": "application/json"})
                        r = conn.getresponse(); r.read()
                    return n, time.perf_counter() - start

                def rate(results):
                    total = sum(n for n, _ in results); wall = max(t for _, t in results)
                    return round(total / wall)

                ws_run(2000); http_run(500)  # warm up
                out = {}
                out["ws_1conn_sequential"] = rate([ws_seq(10000)])
                out["ws_1conn_pipelined"] = rate([ws_run(40000)])
                out["http_1conn_keepalive"] = rate([http_run(10000)])
                with Pool(4) as p: out["http_4conn_keepalive"] = rate(p.map(http_run, [5000] * 4))
                with Pool(4) as p: out["ws_4conn_pipelined"] = rate(p.map(ws_run, [20000] * 4))
                print(json.dumps(out))
                """#, input: "\(port)\n")
        }
        print("PhalanxRPC benchmark (requests/s):", report)
    }
}
