import Foundation
import PhalanxRPC
import Prometheus
import ServiceLifecycle
import Logging
import Testing

/// A corpus of malformed input over WebSocket, HTTP and raw TCP: every message gets a JSON-RPC
/// error (or the connection is closed for protocol-level garbage) and the server keeps serving.
@Suite struct GarbageTests {
    static let corpus = #"""
    corpus = [
        b"", b" ", b"garbage", b"\x00\xff\xfe\xfd", b"{", b"}", b"[", b"]", b"[1,2", b"nul", b"NaN", b"Infinity",
        b"1e999999", b"-", b"\"\\ud800\"", b"\"\xc3\x28\"", b"\xef\xbb\xbf{}", b"{}", b"[]", b"[[]]", b"null", b"true", b"\"str\"",
        b"[" * 100000, b"{\"a\":" * 50000, b"[" * 129 + b"]" * 129,
        b'{"jsonrpc":"2.0"}', b'{"jsonrpc":"2.0","id":{},"method":"echo"}', b'{"jsonrpc":"2.0","id":[1],"method":"echo"}',
        b'{"jsonrpc":"2.0","id":1,"method":5}', b'{"jsonrpc":"1.0","id":1,"method":"echo"}', b'{"jsonrpc":2.0,"id":1,"method":"echo"}',
        b'{"jsonrpc":"2.0","id":1,"method":"echo","params":7}', b'{"jsonrpc":"2.0","id":1,"method":"echo"} trailing',
        b'{"jsonrpc":"2.0","id":1,"method":"' + b"m" * 1000000 + b'"}', b'[1,2,3]', b'[{"jsonrpc":"2.0"},"x",null]',
        b'{"jsonrpc":"2.0","id":1,"method":"add","params":[1e400, 2]}', b'{"jsonrpc":"2.0","id":1,"method":"add","params":[99999999999999999999999, 2]}',
        b'{"jsonrpc":"2.0","id":1,"method":"slow","params":[-5]}', b'{"jsonrpc":"2.0","id":1,"method":"big","params":[-1]}',
        b'{"jsonrpc":"2.0","id":1,"method":"hexLength","params":["0x\xff"]}', b'{"jsonrpc":"2.0","id":1,"method":"test_subscribeCounter","params":{"intervalMs":"x"}}',
        b'{"jsonrpc":"2.0","id":1,"method":"test_unsubscribeCounter","params":[{"a":[]}]}', b'{"jsonrpc":"2.0","id":1.5,"method":"echo"}',
        b'{"jsonrpc":"2.0","id":-1,"method":"rpc_methods","params":[[[[]]]]}',
        b'[' + b','.join([b'{"jsonrpc":"2.0","id":%d,"method":"add","params":[%d,1]}' % (i, i) for i in range(500)]) + b']',
    ]
    def is_rpc_answer(m):
        if isinstance(m, list): return len(m) > 0 and all(is_rpc_answer(x) for x in m)
        return isinstance(m, dict) and m.get("jsonrpc") == "2.0" and "id" in m and (("result" in m) != ("error" in m))

    """#

    @Test func garbageNeverCrashesTheServer() async throws {
        let result = try await withServer { port, _ in
            try await pythonJSON(
                pythonPrelude + Self.corpus + #"""
                import socket, websocket
                bad = []
                c = ws()
                for i, body in enumerate(corpus):
                    c.send(body, opcode=websocket.ABNF.OPCODE_TEXT if i % 2 == 0 else websocket.ABNF.OPCODE_BINARY)
                    m = json.loads(c.recv())
                    if not is_rpc_answer(m): bad.append(("ws", i, str(m)[:200]))
                ws_alive = call(c, "echo", ["alive"], id=99)["result"] == ["alive"]
                for i, body in enumerate(corpus):
                    status, text = http(body, content_type="text/plain" if i % 3 == 0 else "application/json")
                    if status != 200 or not is_rpc_answer(json.loads(text)): bad.append(("http", i, status, text[:200]))
                # Protocol-level garbage: raw bytes instead of HTTP, broken HTTP, a reserved WebSocket opcode.
                for raw in [b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + b"\x00" * 64, b"GARBAGE / HTTP/9.9\r\n\r\n",
                            b"POST / HTTP/1.1\r\nContent-Length: -5\r\n\r\n", b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"]:
                    s = socket.create_connection(("127.0.0.1", port), timeout=2)
                    s.sendall(raw)
                    try: s.recv(65536)
                    except OSError: pass
                    s.close()
                w = ws()
                w.sock.sendall(bytes([0x83, 0x80, 1, 2, 3, 4]))  # FIN + reserved opcode 3, masked, empty
                try: w.recv()
                except Exception: pass
                w2 = ws()
                w2.send_frame(websocket.ABNF(fin=0, opcode=websocket.ABNF.OPCODE_TEXT, data=b'{"jsonrpc":"2.0",'))
                w2.send_frame(websocket.ABNF(fin=1, opcode=websocket.ABNF.OPCODE_CONT, data=b'"id":3,"method":"echo","params":[1]}'))
                fragmented = json.loads(w2.recv())
                c.close()
                alive = call(ws(), "echo", ["alive"], id=100)["result"] == ["alive"]
                http_alive = json.loads(http('{"jsonrpc":"2.0","id":1,"method":"echo","params":[]}')[1])["result"] == []
                print(json.dumps({"bad": bad, "ws_alive": ws_alive, "alive": alive, "http_alive": http_alive, "fragmented": fragmented, "count": len(corpus)}))
                """#, input: "\(port)\n")
        }
        #expect(result["bad"] == [])
        #expect(result["ws_alive"] == true)
        #expect(result["alive"] == true)
        #expect(result["http_alive"] == true)
        #expect(result["fragmented"] == ["jsonrpc": "2.0", "id": 3, "result": [1]])
        #expect((result["count"]?.int64Value ?? 0) > 40)
    }

    @Test func serverStopsWhenCancelledWithClientsConnected() async throws {
        let registry = PrometheusCollectorRegistry()
        let server = RPCServer(
            module: testModule(), configuration: RPCServerConfiguration(port: 0),
            metrics: RPCMetrics(factory: PrometheusMetricsFactory(registry: registry)))
        let task = Task { try await server.run() }
        let port = try #require(await server.boundPort())
        let client = Task {
            try await python(
                pythonPrelude + #"""
                import websocket
                c = ws(); call(c, "test_subscribeCounter", [5])
                try:
                    while True: c.recv()
                except websocket.WebSocketConnectionClosedException: print("closed")
                """#, input: "\(port)\n")
        }
        // Wait until the client's subscription is live (the Python start-up time varies with load).
        for _ in 0..<600 where !registry.emitToString().contains("phalanx_rpc_subscriptions 1") {
            try await Task.sleep(for: .milliseconds(50))
        }
        task.cancel()
        _ = try? await task.value
        #expect(try await client.value == "closed")
    }

    @Test func gracefulShutdownThroughServiceGroup() async throws {
        let registry = PrometheusCollectorRegistry()
        let server = RPCServer(module: testModule(), configuration: RPCServerConfiguration(port: 0))
        let metricsServer = MetricsServer(registry: registry, port: 0)
        let group = ServiceGroup(services: [server, metricsServer], logger: Logger(label: "test"))
        let running = Task { try await group.run() }
        let port = try #require(await server.boundPort())
        let metricsPort = try #require(await metricsServer.boundPort())
        let answer = try await python(
            pythonPrelude + #"""
            mport = int(sys.stdin.readline())
            status, text = http('{"jsonrpc":"2.0","id":1,"method":"echo","params":["up"]}')
            m = urllib.request.urlopen(f"http://127.0.0.1:{mport}/metrics", timeout=10).status
            print(json.loads(text)["result"][0], m)
            """#, input: "\(port)\n\(metricsPort)\n")
        #expect(answer == "up 200")
        await group.triggerGracefulShutdown()
        try await running.value
        let after = try await python(
            "import socket, sys; p = int(sys.stdin.readline())\ntry:\n socket.create_connection(('127.0.0.1', p), timeout=2); print('open')\nexcept OSError: print('refused')",
            input: "\(port)\n")
        #expect(after == "refused")
    }
}
