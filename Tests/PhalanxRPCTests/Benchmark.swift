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
                import sys, json, subprocess
                port = int(sys.stdin.readline())
                WORKER = r'''
                import sys, time, threading, http.client, websocket
                mode, n, port = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
                REQ = '{"jsonrpc":"2.0","id":%d,"method":"add","params":[1,2]}'
                if mode == "ws_pipelined":
                    c = websocket.create_connection(f"ws://127.0.0.1:{port}", timeout=60)
                    t = threading.Thread(target=lambda: [c.send(REQ % i) for i in range(n)])
                    start = time.perf_counter(); t.start()
                    for _ in range(n): c.recv()
                    t.join()
                elif mode == "ws_sequential":
                    c = websocket.create_connection(f"ws://127.0.0.1:{port}", timeout=60)
                    start = time.perf_counter()
                    for i in range(n): c.send(REQ % i); c.recv()
                else:
                    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                    start = time.perf_counter()
                    for i in range(n):
                        conn.request("POST", "/", REQ % i, {"Content-Type": "application/json"})
                        conn.getresponse().read()
                print(n, time.perf_counter() - start)
                '''
                def run(mode, n, clients=1):
                    procs = [subprocess.Popen([sys.executable, "-c", WORKER, mode, str(n), str(port)], stdout=subprocess.PIPE, text=True) for _ in range(clients)]
                    results = [p.communicate(timeout=600)[0].split() for p in procs]
                    total = sum(int(r[0]) for r in results); wall = max(float(r[1]) for r in results)
                    return round(total / wall)
                run("ws_pipelined", 2000); run("http", 500)  # warm up
                out = {}
                out["ws_1conn_sequential"] = run("ws_sequential", 10000)
                out["ws_1conn_pipelined"] = run("ws_pipelined", 40000)
                out["ws_4conn_pipelined"] = run("ws_pipelined", 20000, 4)
                out["http_1conn_keepalive"] = run("http", 10000)
                out["http_4conn_keepalive"] = run("http", 5000, 4)
                print(json.dumps(out))
                """#, input: "\(port)\n")
        }
        print("PhalanxRPC benchmark (requests/s):", report)
    }
}
