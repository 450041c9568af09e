import Foundation
import PhalanxContracts
import PhalanxPrimitives
import PhalanxTestSupport
import Testing

@testable import PhalanxWorker

/// The worker's pink backends against a real HTTP/HTTPS server on loopback: Phala's limits and error mapping,
/// the private-destination rule, egress policies, and the cache and log stores.
@Suite(.serialized) struct PinkHTTPEgressTests {
    let server: LoopbackHTTPServer
    let contract = AccountId32(bytes: [UInt8](repeating: 0xC0, count: 32))!

    init() throws { server = try LoopbackHTTPServer() }

    func egress(allowPrivate: Bool = true, trusted: Bool = true) throws -> HTTPEgress {
        try HTTPEgress(allowPrivateDestinations: allowPrivate, trustedCertificates: trusted ? [server.certificatePath] : [])
    }

    func one(_ request: HttpRequest, egress: HTTPEgress, timeout: Duration = .seconds(10), policy: EgressPolicy = .open)
        -> Result<HttpResponse, HttpRequestError>?
    {
        guard case .success(let results) = egress.run([request], timeout: timeout, contract: contract, policy: policy) else { return nil }
        return results.first
    }

    @Test func getAndPostReachTheServer() throws {
        let egress = try egress()
        let response = try #require(try one(HttpRequest(url: server.httpBase + "/price"), egress: egress)?.get())
        #expect(response.statusCode == 200 && response.reasonPhrase == "OK")
        #expect(String(decoding: response.body, as: UTF8.self).contains("1234.5678901"))
        #expect(response.headers.contains { $0.name.lowercased() == "content-type" && $0.value == "application/json" })
        let post = HttpRequest(url: server.httpBase + "/echo", method: "POST", headers: [HeaderPair("X-Test", "yes")], body: Array("body!".utf8))
        let echoed = try #require(try one(post, egress: egress)?.get())
        let object = try #require(try JSONSerialization.jsonObject(with: Data(echoed.body)) as? [String: Any])
        #expect(object["method"] as? String == "POST" && object["body"] as? String == "body!")
        #expect((object["headers"] as? [String: String])?["X-Test"] == "yes")
        let missing = try #require(try one(HttpRequest(url: server.httpBase + "/status/418"), egress: egress)?.get())
        #expect(missing.statusCode == 418)
    }

    @Test func httpsWithATrustedSelfSignedCertificate() throws {
        let trusted = try #require(try one(HttpRequest(url: server.httpsBase + "/price"), egress: try egress())?.get())
        #expect(trusted.statusCode == 200)
        let untrusted = try #require(try one(HttpRequest(url: server.httpsBase + "/price"), egress: try egress(trusted: false))?.get())
        #expect(untrusted.statusCode == 523 && untrusted.reasonPhrase == "Unreachable")  // certificate not trusted
    }

    @Test func limitsAndFailuresMapAsPhala() throws {
        let egress = try egress()
        #expect(one(HttpRequest(url: server.httpBase + "/big"), egress: egress).map { (try? $0.get()) == nil } == true)
        if case .failure(let error)? = one(HttpRequest(url: server.httpBase + "/big"), egress: egress) { #expect(error == .responseTooLarge) }
        if case .failure(let error)? = one(HttpRequest(url: server.httpBase + "/headers"), egress: egress) {
            #expect(error == .tooManyHeaders)
        } else {
            Issue.record("300 headers must be refused")
        }
        let slow = try #require(try one(HttpRequest(url: server.httpBase + "/slow?ms=3000"), egress: egress, timeout: .milliseconds(300))?.get())
        #expect(slow.statusCode == 523)
        #expect(String(decoding: slow.body, as: UTF8.self).contains("Timeout"))
        let refused = try #require(try one(HttpRequest(url: "http://127.0.0.1:\(LoopbackHTTPServer.closedPort())/"), egress: egress)?.get())
        #expect(refused.statusCode == 523 && refused.reasonPhrase == "Unreachable")
    }

    @Test func invalidRequestsAreRefusedBeforeSending() throws {
        let egress = try egress()
        func error(_ request: HttpRequest) -> HttpRequestError? {
            if case .failure(let error)? = one(request, egress: egress) { return error }
            return nil
        }
        #expect(error(HttpRequest(url: "not a url")) == .invalidUrl)
        #expect(error(HttpRequest(url: "ftp://127.0.0.1/")) == .invalidUrl)
        #expect(error(HttpRequest(url: server.httpBase, method: "GE T")) == .invalidMethod)
        #expect(error(HttpRequest(url: server.httpBase, headers: [HeaderPair("Bad Name", "x")])) == .invalidHeaderName)
        #expect(error(HttpRequest(url: server.httpBase, headers: [HeaderPair("X", "a\r\nInjected: 1")])) == .invalidHeaderValue)
    }

    @Test func privateDestinationsNeedTheFlag() throws {
        let strict = try egress(allowPrivate: false)
        for url in [server.httpBase + "/price", "http://localhost:\(server.httpPort)/", "http://[::1]:\(server.httpPort)/", "http://10.1.2.3/"] {
            if case .failure(let error)? = one(HttpRequest(url: url), egress: strict) {
                #expect(error == .notAllowed, "\(url)")
            } else {
                Issue.record("\(url) must be refused without --allow-private-http")
            }
        }
        #expect(PrivateAddress.isPrivateIPv4([192, 168, 1, 1]) && PrivateAddress.isPrivateIPv4([172, 20, 0, 1]))
        #expect(!PrivateAddress.isPrivateIPv4([8, 8, 8, 8]) && !PrivateAddress.isPrivateIPv4([172, 32, 0, 1]))
    }

    @Test func egressPolicyAllowListAndRateLimit() throws {
        let egress = try egress()
        let onlyExample = EgressPolicy(allow: ["example.com", "http://127.0.0.1:\(server.httpPort)/price"])
        #expect((try? one(HttpRequest(url: server.httpBase + "/price"), egress: egress, policy: onlyExample)?.get())?.statusCode == 200)
        if case .failure(let error)? = one(HttpRequest(url: server.httpBase + "/echo"), egress: egress, policy: onlyExample) {
            #expect(error == .notAllowed)
        } else {
            Issue.record("a URL outside the allow-list must be refused")
        }
        #expect(onlyExample.permits(url: "https://api.example.com/x", host: "api.example.com"))
        #expect(!onlyExample.permits(url: "https://notexample.com/x", host: "notexample.com"))
        let limited = EgressPolicy(maxRequestsPerMinute: 2)
        let request = HttpRequest(url: server.httpBase + "/price")
        guard case .success(let batch) = egress.run([request, request, request], timeout: .seconds(5), contract: contract, policy: limited)
        else { Issue.record("the batch must run"); return }
        #expect(batch.allSatisfy { if case .failure(.tooManyRequests) = $0 { true } else { false } })  // 3 > 2: all refused
        guard case .success(let pair) = egress.run([request, request], timeout: .seconds(5), contract: contract, policy: limited)
        else { Issue.record("the batch must run"); return }
        #expect(pair.allSatisfy { (try? $0.get())?.statusCode == 200 })
    }

    @Test func queriesThroughTheExtensionUseTheRealServer() throws {
        // The proxy contract in a cluster with the worker's host: the full path contract → pink → AsyncHTTPClient → server.
        var configuration = WorkerPinkHost.Configuration()
        configuration.allowPrivateHTTP = true
        let host = try WorkerPinkHost(workerPublicKey: [UInt8](repeating: 1, count: 32), configuration: configuration)
        let backend = InMemoryStateBackend()
        let cluster = ContractCluster(backend: backend)
        let pink = PinkExtension(host: host, clusterKey: Sr25519.KeyPair(miniSecret: [UInt8](repeating: 2, count: 32)))
        cluster.register(chainExtension: pink)
        let caller = AccountId32(bytes: [UInt8](repeating: 0xA1, count: 32))!
        let deployed = cluster.instantiate(origin: caller, code: .upload(try SampleContracts.assemble(SampleContracts.pinkProxyWAT)), input: [], salt: [])
        let proxy = try #require(try? deployed.result.get().accountId)
        let requests = [HttpRequest(url: server.httpBase + "/price"), HttpRequest(url: server.httpBase + "/status/404")]
        let input = UInt32(22).scaleEncoded + requests.scaleEncoded + UInt64(5_000).scaleEncoded
        let result = pink.runQuery { cluster.call(origin: caller, dest: proxy, input: input, mode: .query) }
        let data = try #require(try? result.result.get().data)
        #expect(data.prefix(4) == [0, 0, 0, 0])
        let answers = try [Result<HttpResponse, HttpRequestError>].decode(scale: Array(data.dropFirst(4)))
        #expect(answers.map { (try? $0.get())?.statusCode } == [200, 404])
    }
}

@Suite struct LocalCacheTests {
    let contract = AccountId32(bytes: [UInt8](repeating: 1, count: 32))!
    let other = AccountId32(bytes: [UInt8](repeating: 2, count: 32))!

    @Test func entriesExpire() {
        var cache = LocalCache(quotaPerContract: 100)
        var stored = cache.set(contract, [1], [10], ttl: 60, now: 1_000)
        #expect(stored)
        var read = cache.get(contract, [1], now: 1_059)
        #expect(read == [10])
        read = cache.get(contract, [1], now: 1_060)
        #expect(read == nil)
        #expect(cache.size(of: contract) == 0)
        stored = cache.set(contract, [2], [20], ttl: 60, now: 1_000)
        cache.setExpiration(contract, [2], seconds: 5, now: 1_000)
        read = cache.get(contract, [2], now: 1_004)
        #expect(stored && read == [20])
        read = cache.get(contract, [2], now: 1_005)
        #expect(read == nil)
        stored = cache.set(contract, [3], [30], ttl: 60, now: 1_000)
        cache.setExpiration(contract, [3], seconds: 0, now: 1_000)
        read = cache.get(contract, [3], now: 1_000)
        #expect(stored && read == nil)
    }

    @Test func quotaEvictsSoonestExpiringAndIsPerContract() {
        var cache = LocalCache(quotaPerContract: 10)
        let four = [UInt8](repeating: 0, count: 4)
        var stored = [
            cache.set(contract, [1], four, ttl: 100, now: 0),  // 5 bytes
            cache.set(contract, [2], four, ttl: 50, now: 0),  // 5 bytes, expires first
            cache.set(other, [9], [UInt8](repeating: 0, count: 9), ttl: 10, now: 0),  // another contract's quota
            cache.set(contract, [3], four, ttl: 200, now: 0),  // evicts [2]
        ]
        #expect(stored == [true, true, true, true])
        let evicted = cache.get(contract, [2], now: 1), kept = cache.get(contract, [1], now: 1)
        #expect(evicted == nil && kept != nil)
        #expect(cache.size(of: contract) == 10 && cache.size(of: other) == 10)
        stored = [cache.set(contract, [4], [UInt8](repeating: 0, count: 10), ttl: 10, now: 0)]  // larger than the quota
        #expect(stored == [false])
        let removed = cache.remove(contract, [1], now: 1)
        #expect(removed != nil && cache.size(of: contract) == 5)
    }
}

@Suite struct ContractLogStoreTests {
    @Test func ringBufferKeepsTheNewestLines() {
        var filling = ContractLogStore(capacity: 3)
        let contract = AccountId32(bytes: [UInt8](repeating: 1, count: 32))!
        for index in 1...5 { filling.append(contract, level: .info, message: "line \(index)", now: UInt64(index)) }
        let store = filling
        #expect(store.records(contract, after: 0, limit: 10).map(\.message) == ["line 3", "line 4", "line 5"])
        #expect(store.records(contract, after: 4, limit: 10).map(\.message) == ["line 5"])
        #expect(store.records(AccountId32(bytes: [UInt8](repeating: 2, count: 32))!, after: 0, limit: 10).isEmpty)
        var longer = store
        longer.append(contract, level: .warn, message: String(repeating: "x", count: 10_000), now: 6)
        #expect(longer.records(contract, after: 5, limit: 1).first?.message.utf8.count == 4096)
    }
}
