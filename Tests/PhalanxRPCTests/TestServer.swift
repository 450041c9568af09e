import Foundation
import PhalanxRPC
import PhalanxTestSupport
import Prometheus

/// The methods every server test registers: echo, slow, add, big, fail, and a counter subscription.
func testModule() -> RPCModule {
    var module = RPCModule()
    module.method("echo", aliases: ["echo_alias"]) { params, _ in params.raw }
    module.method("len") { params, _ in JSONValue(try params.string(0, "text").utf8.count) }
    module.method("slow") { params, _ in
        let ms = try params.integer(0, "milliseconds", as: UInt16.self)
        try await Task.sleep(for: .milliseconds(ms))
        return "slept"
    }
    module.method("add") { params, _ in
        try params.expect(atMost: 2)
        return JSONValue(try params.integer(0, "a", as: Int64.self) &+ params.integer(1, "b", as: Int64.self))
    }
    module.method("hexLength") { params, _ in JSONValue(try params.bytes(0, "data").count) }
    module.method("big") { params, _ in
        let count = try params.integer(0, "count", as: Int.self)
        guard (0...20_000_000).contains(count) else { throw RPCError.invalidParams("Parameter 0 (count) must be 0…20000000.") }
        return .string(String(repeating: "a", count: count))
    }
    module.method("fail") { _, _ in throw RPCError.invalidTransaction("Transaction has a bad signature") }
    module.method("crash") { _, _ in throw CocoaError(.fileNoSuchFile) }
    module.subscription(
        subscribe: "test_subscribeCounter", unsubscribe: "test_unsubscribeCounter", notification: "test_counter"
    ) { params, pending in
        let intervalMs = try params.optionalInteger(0, "intervalMs", as: Int.self) ?? 20
        guard intervalMs >= 0 else { throw RPCError.invalidParams("intervalMs must not be negative.") }
        let sink = await pending.accept()
        var n: Int64 = 0
        while true {
            try await sink.send(.int(n))
            n += 1
            try await Task.sleep(for: .milliseconds(intervalMs))
        }
    }
    return module
}

/// A running server on a free loopback port, stopped when the body returns.
func withServer<T: Sendable>(
    external: Bool = false, maxRequestBytes: Int = 15 * 1024 * 1024, maxConcurrentRequests: Int = 256,
    maxSubscriptions: Int = 1024, _ body: @Sendable (_ port: Int, _ registry: PrometheusCollectorRegistry) async throws -> T
) async throws -> T {
    let registry = PrometheusCollectorRegistry()
    let metrics = RPCMetrics(factory: PrometheusMetricsFactory(registry: registry))
    var configuration = RPCServerConfiguration(port: 0, external: external, maxRequestBytes: maxRequestBytes)
    configuration.maxConcurrentRequestsPerConnection = maxConcurrentRequests
    configuration.maxSubscriptionsPerConnection = maxSubscriptions
    let server = RPCServer(module: testModule(), configuration: configuration, metrics: metrics)
    let task = Task { try await server.run() }
    guard let port = await server.boundPort() else {
        _ = try await task.value
        throw CocoaError(.featureUnsupported)
    }
    let result: Result<T, any Error>
    do { result = .success(try await body(port, registry)) } catch { result = .failure(error) }
    task.cancel()
    _ = try? await task.value  // the server must stop when cancelled
    return try result.get()
}

/// Runs a Python script from the test venv off the cooperative pool, passing `input` on stdin.
func python(_ script: String, input: String = "") async throws -> String {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async {
            continuation.resume(with: Result { try PythonReference.run(script, input: input) })
        }
    }
}

/// Runs a Python script and parses its printed JSON.
func pythonJSON(_ script: String, input: String = "") async throws -> JSONValue {
    let output = try await python(script, input: input)
    return try JSONValue(parsing: output.split(separator: "\n").last.map(String.init) ?? "")
}

/// Python prelude: `port` from stdin, `http(body_bytes)` → (status, text), `ws()` → websocket-client connection.
let pythonPrelude = #"""
import sys, json, urllib.request, urllib.error, websocket
port = int(sys.stdin.readline())
URL = f"http://127.0.0.1:{port}/"
def http(body, content_type="application/json"):
    if isinstance(body, str): body = body.encode()
    req = urllib.request.Request(URL, data=body, headers={"Content-Type": content_type}, method="POST")
    try:
        with urllib.request.urlopen(req, timeout=30) as r: return r.status, r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()
def ws():
    return websocket.create_connection(f"ws://127.0.0.1:{port}", timeout=30)
def call(conn, method, params, id=1):
    conn.send(json.dumps({"jsonrpc": "2.0", "id": id, "method": method, "params": params}))
    return json.loads(conn.recv())

"""#
