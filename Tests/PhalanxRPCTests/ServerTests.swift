import Foundation
import PhalanxRPC
import Prometheus
import Testing

/// Drives the real server with third-party Python clients (urllib, websocket-client).
@Suite struct ServerTests {
    @Test func httpCallsBatchesAndErrors() async throws {
        let result = try await withServer { port, _ in
            try await pythonJSON(
                pythonPrelude + #"""
                out = {}
                out["int_id"] = json.loads(http('{"jsonrpc":"2.0","id":7,"method":"echo","params":[1,"x"]}')[1])
                out["str_id"] = json.loads(http('{"jsonrpc":"2.0","id":"aB17","method":"echo","params":[]}')[1])
                out["null_params"] = json.loads(http('{"jsonrpc":"2.0","id":1,"method":"echo","params":null}')[1])
                out["no_params"] = json.loads(http('{"jsonrpc":"2.0","id":2,"method":"len","params":["abc"]}')[1])
                out["alias"] = json.loads(http('{"jsonrpc":"2.0","id":3,"method":"echo_alias","params":[5]}')[1])
                out["batch"] = json.loads(http('[{"jsonrpc":"2.0","id":1,"method":"add","params":[2,3]},{"jsonrpc":"2.0","method":"add","params":[1,1]},{"jsonrpc":"2.0","id":"b","method":"nope"}]')[1])
                out["notif_only"] = list(http('[{"jsonrpc":"2.0","method":"add","params":[1,1]}]'))
                out["unknown"] = json.loads(http('{"jsonrpc":"2.0","id":4,"method":"nope","params":[]}')[1])
                out["parse"] = json.loads(http('{"jsonrpc":"2.0",')[1])
                out["empty_batch"] = json.loads(http('[]')[1])
                out["not_object"] = json.loads(http('42')[1])
                out["no_version"] = json.loads(http('{"id":5,"method":"echo"}')[1])
                out["bad_params"] = json.loads(http('{"jsonrpc":"2.0","id":6,"method":"echo","params":"x"}')[1])
                out["wrong_params"] = json.loads(http('{"jsonrpc":"2.0","id":8,"method":"add","params":["x",1]}')[1])
                out["too_many"] = json.loads(http('{"jsonrpc":"2.0","id":9,"method":"add","params":[1,2,3]}')[1])
                out["named"] = json.loads(http('{"jsonrpc":"2.0","id":10,"method":"add","params":{"a":40,"b":2}}')[1])
                out["app_error"] = json.loads(http('{"jsonrpc":"2.0","id":11,"method":"fail","params":[]}')[1])
                out["internal"] = json.loads(http('{"jsonrpc":"2.0","id":12,"method":"crash","params":[]}')[1])
                out["sub_over_http"] = json.loads(http('{"jsonrpc":"2.0","id":13,"method":"test_subscribeCounter","params":[]}')[1])
                out["unsub_over_http"] = json.loads(http('{"jsonrpc":"2.0","id":14,"method":"test_unsubscribeCounter","params":["zz"]}')[1])
                out["rpc_methods"] = json.loads(http('{"jsonrpc":"2.0","id":15,"method":"rpc_methods","params":[]}')[1])
                out["big_id"] = json.loads(http('{"jsonrpc":"2.0","id":18446744073709551615,"method":"echo","params":[]}')[1])
                try:
                    urllib.request.urlopen(URL, timeout=10)
                    out["get"] = 200
                except urllib.error.HTTPError as e:
                    out["get"] = e.code
                print(json.dumps(out))
                """#, input: "\(port)\n")
        }
        #expect(result["int_id"] == ["jsonrpc": "2.0", "id": 7, "result": [1, "x"]])
        #expect(result["str_id"] == ["jsonrpc": "2.0", "id": "aB17", "result": []])
        #expect(result["null_params"]?["result"] == [])
        #expect(result["no_params"]?["result"] == 3)
        #expect(result["alias"]?["result"] == [5])
        #expect(
            result["batch"]
                == [
                    ["jsonrpc": "2.0", "id": 1, "result": 5],
                    ["jsonrpc": "2.0", "id": "b", "error": ["code": -32601, "message": "Method not found", "data": "nope"]],
                ])
        #expect(result["notif_only"] == [200, ""])
        #expect(result["unknown"]?["error"]?["code"] == -32601)
        #expect(result["unknown"]?["id"] == 4)
        #expect(result["parse"]?["error"]?["code"] == -32700)
        #expect(result["parse"]?["id"] == .null)
        #expect(result["empty_batch"]?["error"]?["code"] == -32600)
        #expect(result["not_object"]?["error"]?["code"] == -32600)
        #expect(result["no_version"]?["error"]?["code"] == -32600)
        #expect(result["no_version"]?["id"] == 5)
        #expect(result["bad_params"]?["error"]?["code"] == -32600)
        #expect(
            result["wrong_params"]?["error"]
                == ["code": -32602, "message": "Invalid params", "data": "Parameter 0 (a) must be an integer between -9223372036854775808 and 9223372036854775807."])
        #expect(result["too_many"]?["error"]?["code"] == -32602)
        #expect(result["named"]?["result"] == 42)
        #expect(
            result["app_error"]?["error"]
                == ["code": 1010, "message": "Invalid Transaction", "data": "Transaction has a bad signature"])
        #expect(result["internal"]?["error"] == ["code": -32603, "message": "Internal error"])
        #expect(result["sub_over_http"]?["error"]?["code"] == -32601)
        #expect(result["unsub_over_http"]?["result"] == false)
        let methods = result["rpc_methods"]?["result"]?["methods"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(methods == methods.sorted())
        #expect(Set(methods).isSuperset(of: ["echo", "echo_alias", "rpc_methods", "test_subscribeCounter", "test_unsubscribeCounter"]))
        #expect(result["big_id"]?["id"] == .uint(UInt64.max))
        #expect(result["get"] == 405)
    }

    @Test func webSocketCallsIdsBatchesAndBinaryFrames() async throws {
        let result = try await withServer { port, _ in
            try await pythonJSON(
                pythonPrelude + #"""
                c = ws()
                out = {}
                out["int_id"] = call(c, "echo", [1], id=1)
                out["str_id"] = call(c, "echo", ["s"], id="aB17")
                c.send('{"jsonrpc":"2.0","id":3,"method":"echo","params":null}'); out["null_params"] = json.loads(c.recv())
                c.send('[{"jsonrpc":"2.0","id":"x","method":"add","params":[1,2]},{"jsonrpc":"2.0","id":"y","method":"add","params":[3,4]}]')
                out["batch"] = json.loads(c.recv())
                c.send_binary(b'{"jsonrpc":"2.0","id":4,"method":"echo","params":["bin"]}'); out["binary"] = json.loads(c.recv())
                c.send('{"jsonrpc":"2.0",'); out["parse"] = json.loads(c.recv())
                c.send('{"jsonrpc":"2.0","id":5,"method":"nope"}'); out["unknown"] = json.loads(c.recv())
                c.send('{"jsonrpc":"2.0","id":6,"method":"hexLength","params":["0xabc"]}'); out["bad_hex"] = json.loads(c.recv())
                out["after"] = call(c, "hexLength", ["abcd"], id=7)
                print(json.dumps(out))
                """#, input: "\(port)\n")
        }
        #expect(result["int_id"] == ["jsonrpc": "2.0", "id": 1, "result": [1]])
        #expect(result["str_id"] == ["jsonrpc": "2.0", "id": "aB17", "result": ["s"]])
        #expect(result["null_params"]?["result"] == [])
        #expect(result["batch"] == [["jsonrpc": "2.0", "id": "x", "result": 3], ["jsonrpc": "2.0", "id": "y", "result": 7]])
        #expect(result["binary"]?["result"] == ["bin"])
        #expect(result["parse"]?["error"]?["code"] == -32700)
        #expect(result["unknown"]?["error"]?["code"] == -32601)
        #expect(result["bad_hex"]?["error"]?["code"] == -32602)
        #expect(result["after"]?["result"] == 2)
    }

    @Test func asyncClientWithStringIdsAndBatches() async throws {
        // The `websockets` asyncio library, used the way async-substrate-interface does (§1.9).
        let result = try await withServer { port, _ in
            try await pythonJSON(
                #"""
                import sys, json, asyncio, websockets
                port = int(sys.stdin.readline())
                async def main():
                    async with websockets.connect(f"ws://127.0.0.1:{port}", max_size=2**32, open_timeout=60) as c:
                        ids = [f"aB{i}" for i in range(50)]
                        for i, rid in enumerate(ids):
                            await c.send(json.dumps({"jsonrpc": "2.0", "id": rid, "method": "add", "params": [i, 1]}))
                        await c.send(json.dumps([{"jsonrpc": "2.0", "id": "b1", "method": "echo", "params": None},
                                                 {"jsonrpc": "2.0", "id": "b2", "method": "add", "params": [2, 2]}]))
                        got, batch = {}, None
                        while len(got) < 50 or batch is None:
                            m = json.loads(await c.recv())
                            if isinstance(m, list): batch = m
                            else: got[m["id"]] = m["result"]
                        return {"ok": all(got[f"aB{i}"] == i + 1 for i in range(50)), "batch": batch}
                print(json.dumps(asyncio.run(main())))
                """#, input: "\(port)\n")
        }
        #expect(result["ok"] == true)
        #expect(result["batch"] == [["jsonrpc": "2.0", "id": "b1", "result": []], ["jsonrpc": "2.0", "id": "b2", "result": 4]])
    }

    @Test func largeFramesAndOversizeRequests() async throws {
        let result = try await withServer { port, _ in
            try await pythonJSON(
                pythonPrelude + #"""
                out = {}
                c = ws()
                r = call(c, "big", [2_000_000], id=1); out["big_len"] = len(r["result"])
                r = call(c, "len", ["x" * 5_000_000], id=2); out["five_mb"] = r["result"]
                r = call(c, "hexLength", ["0x" + "ab" * 3_000_000], id=3); out["hex"] = r["result"]
                c.send(json.dumps({"jsonrpc": "2.0", "id": 4, "method": "len", "params": ["y" * (16 * 1024 * 1024)]}))
                out["ws_oversize"] = json.loads(c.recv())
                out["ws_after"] = call(c, "echo", ["still here"], id=5)
                status, text = http(json.dumps({"jsonrpc": "2.0", "id": 6, "method": "len", "params": ["z" * (16 * 1024 * 1024)]}))
                out["http_status"] = status; out["http_oversize"] = json.loads(text)
                out["http_after"] = json.loads(http('{"jsonrpc":"2.0","id":7,"method":"len","params":["' + "q" * 5_000_000 + '"]}')[1])
                print(json.dumps(out))
                """#, input: "\(port)\n")
        }
        #expect(result["big_len"] == 2_000_000)
        #expect(result["five_mb"] == 5_000_000)
        #expect(result["hex"] == 3_000_000)
        #expect(result["ws_oversize"]?["error"]?["code"] == -32007)
        #expect(result["ws_oversize"]?["id"] == .null)
        #expect(result["ws_after"]?["result"] == ["still here"])
        #expect(result["http_status"] == 413)
        #expect(result["http_oversize"]?["error"]?["code"] == -32007)
        #expect(result["http_after"]?["result"] == 5_000_000)
    }

    @Test func subscriptionsNotifyAndUnsubscribe() async throws {
        let result = try await withServer { port, _ in
            try await pythonJSON(
                pythonPrelude + #"""
                out = {}
                c = ws()
                sub = call(c, "test_subscribeCounter", [5], id=1)
                out["sub_reply"] = sub
                sid = sub["result"]
                notes = []
                unsub = None
                # Nested unsubscribe from inside the notification loop, while notifications keep arriving.
                while True:
                    msg = json.loads(c.recv())
                    if "id" in msg:
                        unsub = msg; break
                    notes.append(msg)
                    if len(notes) == 3:
                        c.send(json.dumps({"jsonrpc": "2.0", "id": 2, "method": "test_unsubscribeCounter", "params": [sid]}))
                out["notes"] = notes[:3]
                out["unsub"] = unsub
                out["again"] = call(c, "test_unsubscribeCounter", [sid], id=3)
                out["unknown"] = call(c, "test_unsubscribeCounter", ["nosuchid"], id=4)
                out["no_params"] = call(c, "test_unsubscribeCounter", [], id=5)
                out["rejected"] = call(c, "test_subscribeCounter", [-1], id=6)
                out["bad_type"] = call(c, "test_subscribeCounter", ["x"], id=7)
                # After unsubscribing nothing else for this id may arrive.
                c.settimeout(0.3)
                late = []
                try:
                    while True: late.append(json.loads(c.recv()))
                except Exception: pass
                out["late"] = [m for m in late if m.get("params", {}).get("subscription") == sid]
                # Two subscriptions on one socket, then the client disconnects without unsubscribing.
                c.settimeout(30)
                c.send(json.dumps({"jsonrpc": "2.0", "id": 8, "method": "test_subscribeCounter", "params": [10]}))
                c.send(json.dumps({"jsonrpc": "2.0", "id": 9, "method": "test_subscribeCounter", "params": [10]}))
                replies, seen = {}, set()
                while len(replies) < 2 or len(seen) < 2:
                    m = json.loads(c.recv())
                    if "id" in m: replies[m["id"]] = m["result"]
                    else: seen.add(m["params"]["subscription"])
                a, b = replies[8], replies[9]
                out["two"] = sorted(seen) == sorted([a, b]) and a != b
                c.close()
                print(json.dumps(out))
                """#, input: "\(port)\n")
        }
        let subscriptionID = try #require(result["sub_reply"]?["result"]?.stringValue)
        #expect(result["sub_reply"] == ["jsonrpc": "2.0", "id": 1, "result": .string(subscriptionID)])
        let notes = result["notes"]?.arrayValue ?? []
        #expect(notes.count == 3)
        for (n, note) in notes.enumerated() {
            #expect(
                note
                    == [
                        "jsonrpc": "2.0", "method": "test_counter",
                        "params": ["subscription": .string(subscriptionID), "result": JSONValue(n)],
                    ])
        }
        #expect(result["unsub"] == ["jsonrpc": "2.0", "id": 2, "result": true])
        #expect(result["again"]?["result"] == false)
        #expect(result["unknown"]?["result"] == false)
        #expect(result["no_params"]?["result"] == false)
        #expect(result["rejected"]?["error"]?["code"] == -32602)
        #expect(result["bad_type"]?["error"]?["code"] == -32602)
        #expect(result["late"] == [])
        #expect(result["two"] == true)
    }

    @Test func slowCallDoesNotBlockFastOnesOrNotifications() async throws {
        let result = try await withServer { port, _ in
            try await pythonJSON(
                pythonPrelude + #"""
                c = ws()
                sid = call(c, "test_subscribeCounter", [10], id=1)["result"]
                c.send(json.dumps({"jsonrpc": "2.0", "id": 2, "method": "slow", "params": [1500]}))
                c.send(json.dumps({"jsonrpc": "2.0", "id": 3, "method": "echo", "params": ["fast"]}))
                order = []
                while True:
                    m = json.loads(c.recv())
                    order.append(m.get("id", "note"))
                    if m.get("id") == 2: break
                print(json.dumps({"order": order}))
                """#, input: "\(port)\n")
        }
        let order = result["order"]?.arrayValue ?? []
        let fast = try #require(order.firstIndex(of: 3))
        let slow = try #require(order.firstIndex(of: 2))
        #expect(fast < slow)
        // Notifications kept streaming while the slow call was running.
        #expect(order[fast..<slow].filter { $0 == "note" }.count >= 5)
    }

    @Test func concurrentRequestsPerConnectionAreBounded() async throws {
        let result = try await withServer(maxConcurrentRequests: 2) { port, _ in
            try await pythonJSON(
                pythonPrelude + #"""
                c = ws()
                for i in (1, 2, 3): c.send(json.dumps({"jsonrpc": "2.0", "id": i, "method": "slow", "params": [400]}))
                c.send(json.dumps({"jsonrpc": "2.0", "id": 4, "method": "echo", "params": []}))
                print(json.dumps({"order": [json.loads(c.recv())["id"] for _ in range(4)]}))
                """#, input: "\(port)\n")
        }
        // With two slots taken by slow calls, the fourth request is not read until one finishes.
        let order = result["order"]?.arrayValue ?? []
        #expect(order.count == 4)
        #expect(order.firstIndex(of: 4).map { $0 >= 1 } == true)
    }

    @Test func subscriptionsPerConnectionAreBounded() async throws {
        let result = try await withServer(maxSubscriptions: 2) { port, _ in
            try await pythonJSON(
                pythonPrelude + #"""
                c = ws()
                def reply(i):
                    c.send(json.dumps({"jsonrpc": "2.0", "id": i, "method": "test_subscribeCounter", "params": [1000]}))
                    while True:
                        m = json.loads(c.recv())
                        if m.get("id") == i: return m
                a, b, third = reply(1), reply(2), reply(3)
                c.send(json.dumps({"jsonrpc": "2.0", "id": 4, "method": "test_unsubscribeCounter", "params": [a["result"]]}))
                while json.loads(c.recv()).get("id") != 4: pass
                print(json.dumps({"third": third, "after": reply(5)}))
                """#, input: "\(port)\n")
        }
        #expect(result["third"]?["error"]?["code"] == -32006)
        #expect(result["after"]?["result"]?.stringValue != nil)
    }

    @Test func bindsLoopbackOnlyByDefault() async throws {
        #expect(RPCServerConfiguration().host == "127.0.0.1")
        #expect(RPCServerConfiguration(external: true).host == "0.0.0.0")
        let probe = #"""
            import sys, socket
            port = int(sys.stdin.readline())
            def reach(host):
                try:
                    socket.create_connection((host, port), timeout=3).close(); return True
                except OSError: return False
            print("%s %s" % (reach("127.0.0.1"), reach("127.0.0.2")))
            """#
        let loopback = try await withServer { port, _ in try await python(probe, input: "\(port)\n") }
        #expect(loopback == "True False")
        let external = try await withServer(external: true) { port, _ in try await python(probe, input: "\(port)\n") }
        #expect(external == "True True")
    }

    @Test func metricsCountRequestsByMethod() async throws {
        let text = try await withServer { port, registry in
            let metricsServer = MetricsServer(registry: registry, port: 0)
            let task = Task { try await metricsServer.run() }
            defer { task.cancel() }
            let metricsPort = try #require(await metricsServer.boundPort())
            return try await python(
                pythonPrelude + #"""
                http('{"jsonrpc":"2.0","id":1,"method":"echo","params":[]}')
                http('{"jsonrpc":"2.0","id":2,"method":"echo","params":[]}')
                http('{"jsonrpc":"2.0","id":3,"method":"whatever_unknown","params":[]}')
                c = ws(); call(c, "add", [1, 2]); call(c, "add", ["x", 2])
                mport = int(sys.stdin.readline())
                print(urllib.request.urlopen(f"http://127.0.0.1:{mport}/metrics", timeout=10).read().decode())
                """#, input: "\(port)\n\(metricsPort)\n")
        }
        #expect(text.contains(#"phalanx_rpc_requests_total{method="echo",transport="http"} 2"#))
        #expect(text.contains(#"phalanx_rpc_requests_total{method="unknown",transport="http"} 1"#))
        #expect(text.contains(#"phalanx_rpc_requests_total{method="add",transport="ws"} 2"#))
        #expect(text.contains(#"phalanx_rpc_errors_total{code="-32601"} 1"#))
        #expect(text.contains(#"phalanx_rpc_errors_total{code="-32602"} 1"#))
        #expect(text.contains("phalanx_rpc_request_duration_seconds_bucket"))
        #expect(text.contains("phalanx_rpc_ws_connections"))
        #expect(!text.contains("whatever_unknown"))
    }
}
