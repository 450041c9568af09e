import Foundation
import PhalanxContracts
import PhalanxPrimitives
import PhalanxTestSupport
import Testing

/// The pink chain extension through `phalanx contract sandbox` (the built binary): the proxy contract fetches from a
/// real loopback server in a query, is refused HTTP in a transaction, and is refused private destinations unless
/// `--allow-private-http`.
@Suite struct PinkSandboxCommandTests {
    func sandbox(_ steps: String, allowPrivate: Bool, server: LoopbackHTTPServer) throws -> (status: Int32, results: [String]) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("phalanx-pink-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data(try SampleContracts.assemble(SampleContracts.pinkProxyWAT)).write(to: directory.appendingPathComponent("proxy.wasm"))
        let scenario = directory.appendingPathComponent("scenario.json")
        try Data(#"{"steps": [{"deploy": "proxy.wasm", "selector": "0x", "as": "p"}, \#(steps)]}"#.utf8).write(to: scenario)
        var arguments = ["contract", "sandbox", scenario.path, "--http-ca", server.certificatePath]
        if allowPrivate { arguments.append("--allow-private-http") }
        let result = try PhalanxBinary.run(arguments)
        let results = result.stdout.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["result"] as? String
        }  // the deploy step's result is an object (the address), so only the proxy's hex answers remain
        return (result.status, results)
    }

    /// Decodes the proxy's `status ‖ HttpResponse` answer.
    func response(_ hex: String) throws -> (status: UInt32, response: HttpResponse) {
        let bytes = try #require([UInt8](hex: hex))
        let status = UInt32(bytes[0]) | UInt32(bytes[1]) << 8 | UInt32(bytes[2]) << 16 | UInt32(bytes[3]) << 24
        return (status, try HttpResponse.decode(scale: Array(bytes.dropFirst(4))))
    }

    func step(_ kind: String, _ request: HttpRequest) -> String {
        #"{"\#(kind)": "p", "selector": "0x01000000", "input": "\#(request.scaleEncoded.prefixedHex)"}"#
    }

    @Test func queriesFetchTransactionsCannot() throws {
        let server = try LoopbackHTTPServer()
        let plain = HttpRequest(url: server.httpBase + "/price")
        let secure = HttpRequest(url: server.httpsBase + "/echo", method: "POST", body: Array("hi".utf8))
        let (status, results) = try sandbox(
            [step("query", plain), step("query", secure), step("call", plain)].joined(separator: ","), allowPrivate: true, server: server)
        #expect(status == 0)
        try #require(results.count == 3)
        let fetched = try response(results[0])
        #expect(fetched.status == 0 && fetched.response.statusCode == 200)
        #expect(String(decoding: fetched.response.body, as: UTF8.self).contains("1234.5678901"))
        let echoed = try response(results[1])
        #expect(echoed.response.statusCode == 200 && String(decoding: echoed.response.body, as: UTF8.self).contains("\"body\": \"hi\""))
        #expect(try response(results[2]).response == HttpResponse.notSupportedInTransaction)
    }

    @Test func failuresReachTheContractAsPhalaResponses() throws {
        let server = try LoopbackHTTPServer()
        let requests = [
            HttpRequest(url: server.httpBase + "/big"), HttpRequest(url: server.httpBase + "/headers"),
            HttpRequest(url: "http://127.0.0.1:\(LoopbackHTTPServer.closedPort())/"),
        ]
        let (status, results) = try sandbox(requests.map { step("query", $0) }.joined(separator: ","), allowPrivate: true, server: server)
        #expect(status == 0)
        try #require(results.count == 3)
        #expect(try response(results[0]).response == HttpResponse.ioError(.responseTooLarge))  // 3 MiB > 2 MiB
        #expect(try response(results[1]).response == HttpResponse.ioError(.tooManyHeaders))  // 300 > 256
        let refused = try response(results[2]).response
        #expect(refused.statusCode == 523 && refused.reasonPhrase == "Unreachable")
    }

    @Test func privateDestinationsAreRefusedByDefault() throws {
        let server = try LoopbackHTTPServer()
        let (status, results) = try sandbox(step("query", HttpRequest(url: server.httpBase + "/price")), allowPrivate: false, server: server)
        #expect(status == 0)
        try #require(results.count == 1)
        #expect(try response(results[0]).response == HttpResponse.ioError(.notAllowed))
    }
}
