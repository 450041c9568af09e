import Foundation
import PhalanxContracts
import PhalanxPrimitives
import PhalanxTestSupport
import Testing

/// A host that answers from fixed data and records what contracts asked for. The real HTTP, cache and log backends
/// are the worker's (`PhalanxWorkerTests`); this checks the extension's dispatch, encodings and modes.
final class RecordingHost: PinkHost {
    var httpAnswer: Result<[Result<HttpResponse, HttpRequestError>], HttpRequestError> = .success([])
    var httpCalls: [(requests: [HttpRequest], timeout: Duration)] = []
    var cache: [[UInt8]: [UInt8]] = [:]
    var expirations: [[UInt8]: UInt64] = [:]
    var quota = 1 << 20
    var logs: [(AccountId32, PinkLogLevel, String)] = []
    let workerPublicKey = [UInt8](repeating: 0x77, count: 32)
    var sgxQuote: SgxQuote? { nil }

    func http(_ requests: [HttpRequest], timeout: Duration, contract: AccountId32)
        -> Result<[Result<HttpResponse, HttpRequestError>], HttpRequestError>
    {
        httpCalls.append((requests, timeout))
        return httpAnswer
    }
    func cacheGet(contract: AccountId32, key: [UInt8]) -> [UInt8]? { cache[key] }
    func cacheSet(contract: AccountId32, key: [UInt8], value: [UInt8]) -> Bool {
        guard key.count + value.count <= quota else { return false }
        cache[key] = value
        return true
    }
    func cacheSetExpiration(contract: AccountId32, key: [UInt8], seconds: UInt64) {
        if seconds == 0 { cache[key] = nil } else { expirations[key] = seconds }
    }
    func cacheRemove(contract: AccountId32, key: [UInt8]) -> [UInt8]? { cache.removeValue(forKey: key) }
    func log(contract: AccountId32, level: PinkLogLevel, message: String) { logs.append((contract, level, message)) }
    func randomBytes(_ count: Int) -> [UInt8] { [UInt8](repeating: 0xAB, count: count) }
    func unixMilliseconds() -> UInt64 { 1_765_000_000_123 }
}

/// A cluster with the pink extension and the proxy contract deployed.
struct PinkFixture {
    let cluster: ContractCluster
    let backend: InMemoryStateBackend
    let host = RecordingHost()
    let pink: PinkExtension
    let proxy: AccountId32
    static let clusterKey = Sr25519.KeyPair(miniSecret: [UInt8](repeating: 0x42, count: 32))

    init() throws {
        (cluster, backend) = Fixture.cluster()
        pink = PinkExtension(host: host, clusterKey: Self.clusterKey)
        cluster.register(chainExtension: pink)
        proxy = try Fixture.deploy(cluster, try SampleContracts.assemble(SampleContracts.pinkProxyWAT), input: [])
    }

    enum Outcome: Equatable {
        case returned(status: UInt32, output: [UInt8])
        case trapped
    }

    /// Calls function `id` with SCALE `arguments` in query (default) or transaction mode.
    func call(_ id: UInt32, _ arguments: [UInt8] = [], query: Bool = true) -> Outcome {
        let run = {
            cluster.call(origin: Fixture.alice, dest: proxy, input: id.scaleEncoded + arguments, mode: query ? .query : .transaction)
        }
        let result = query ? pink.runQuery(run) : pink.runTransaction(run, committed: { (try? $0.result.get()) != nil })
        guard case .success(let value) = result.result, value.data.count >= 4 else { return .trapped }
        return .returned(status: UInt32(littleEndian: value.data.prefix(4).withUnsafeBytes { $0.loadUnaligned(as: UInt32.self) }),
            output: Array(value.data.dropFirst(4)))
    }

    /// The output of a successful status-0 call.
    func output(_ id: UInt32, _ arguments: [UInt8] = [], query: Bool = true) -> [UInt8]? {
        guard case .returned(0, let output) = call(id, arguments, query: query) else { return nil }
        return output
    }
}

/// Byte-array literals (plain literals would infer `[Int]`).
func bytes(_ values: [UInt8]) -> [UInt8] { values }

@Suite struct PinkDispatchTests {
    @Test func unknownFunctionsAndExtensionsTrap() throws {
        let pink = try PinkFixture()
        #expect(pink.call(0) == .trapped)
        #expect(pink.call(26) == .trapped)
        #expect(pink.call(0x0001_000C) == .trapped)  // extension id 1: only pink (0) is registered
        #expect(pink.output(12) == [0])  // is_in_transaction, extension 0
    }

    @Test func malformedArgumentsTrap() throws {
        let pink = try PinkFixture()
        #expect(pink.call(2, [7]) == .trapped)  // SigType 7
        #expect(pink.call(4, [0x08, 1]) == .trapped)  // salt shorter than its length
        #expect(pink.call(12, [0]) == .trapped)  // trailing bytes for a no-argument function
    }

    @Test func modeFunctions() throws {
        let pink = try PinkFixture()
        #expect(pink.output(12, query: true) == [0])
        #expect(pink.output(12, query: false) == [1])
        #expect(pink.output(11, [16]) == [UInt8]([16 << 2]) + [UInt8](repeating: 0xAB, count: 16))
        #expect(pink.output(11, [16], query: false) == [0])
        #expect(pink.output(17) == pink.host.workerPublicKey)
        #expect(pink.output(17, query: false) == [UInt8](repeating: 0, count: 32))
        #expect(pink.output(18) == UInt64(1_765_000_000_123).scaleEncoded)
        #expect(pink.output(18, query: false) == UInt64(0).scaleEncoded)
        #expect(pink.output(21) == UInt32(1).scaleEncoded + UInt32(2).scaleEncoded)
        #expect(pink.output(23) == [UInt8](repeating: 0, count: 40))
        #expect(pink.output(25) == [0])  // None: no enclave
        #expect(pink.call(15) == .trapped)  // no system contract
        #expect(pink.call(20, [UInt8](repeating: 1, count: 32)) == .trapped)  // BadOrigin
    }

    @Test func jsEvalReportsNoRuntime() throws {
        let pink = try PinkFixture()
        let arguments = [JsCode.source("1+1")].scaleEncoded + [String]().scaleEncoded
        #expect(pink.output(24, arguments) == JsValue.exception("No js runtime").scaleEncoded)
        #expect(pink.output(24, arguments, query: false) == JsValue.exception("Js evaluation is not supported in transaction").scaleEncoded)
    }

    @Test func clusterStateFunctions() throws {
        let pink = try PinkFixture()
        let expected = UInt128(1_000_000_000_000_000_000)
        #expect(pink.output(16, Fixture.bob.bytes) == expected.scaleEncoded + expected.scaleEncoded)
        #expect(pink.output(16, [UInt8](repeating: 9, count: 32)) == [UInt8](repeating: 0, count: 32))
        let codeHash = ContractCluster.codeHash(try SampleContracts.assemble(SampleContracts.pinkProxyWAT))
        #expect(pink.output(19, codeHash.bytes + [0]) == [1])
        #expect(pink.output(19, codeHash.bytes + [1]) == [0])  // no SideVM code
        #expect(pink.output(19, [UInt8](repeating: 3, count: 32) + [0]) == [0])
    }

    @Test func logsReachTheHostWithPhalaLevels() throws {
        let pink = try PinkFixture()
        #expect(pink.output(10, [3] + "hello".scaleEncoded) == [])
        #expect(pink.output(10, [9] + "odd level".scaleEncoded, query: false) == [])
        #expect(pink.host.logs.map(\.1) == [.info, .error])
        #expect(pink.host.logs.map(\.2) == ["hello", "odd level"])
        #expect(pink.host.logs.first?.0 == pink.proxy)
    }
}

@Suite struct PinkCryptoTests {
    let message = Array("pink says hi".utf8)

    @Test func signVerifyAndPublicKeysForEveryScheme() throws {
        let pink = try PinkFixture()
        let seed = [UInt8](repeating: 5, count: 32)
        for type in [SigType.ed25519, .sr25519, .ecdsa] {
            let publicKey = try #require(pink.output(5, [type.rawValue] + seed.scaleEncoded).map { try [UInt8].decode(scale: $0) })
            #expect(publicKey == (try PinkExtension.publicKey(type, key: seed)))
            let signature = try #require(pink.output(2, [type.rawValue] + seed.scaleEncoded + message.scaleEncoded).map { try [UInt8].decode(scale: $0) })
            #expect(signature.count == (type == .ecdsa ? 65 : 64))
            let verify = [type.rawValue] + publicKey.scaleEncoded + message.scaleEncoded
            #expect(pink.output(3, verify + signature.scaleEncoded) == [1])
            var forged = signature
            forged[10] ^= 1
            #expect(pink.output(3, verify + forged.scaleEncoded) == [0])
            #expect(pink.call(3, verify + Array(signature.prefix(10)).scaleEncoded) == .trapped)  // wrong length traps
        }
        #expect(pink.call(2, [0] + [UInt8](repeating: 1, count: 31).scaleEncoded + message.scaleEncoded) == .trapped)  // bad key
    }

    @Test func transactionModeSigning() throws {
        let pink = try PinkFixture()
        let seed = [UInt8](repeating: 6, count: 32)
        #expect(pink.output(2, [1] + seed.scaleEncoded + message.scaleEncoded, query: false) == [0])  // sr25519: empty
        let ed = try #require(pink.output(2, [0] + seed.scaleEncoded + message.scaleEncoded, query: false))
        #expect(ed == (try Ed25519.KeyPair(seed: seed)).sign(message).scaleEncoded)  // deterministic, same as in a query
    }

    @Test func signaturesVerifyWithPythonReferences() throws {
        let pink = try PinkFixture()
        let seed = [UInt8](repeating: 9, count: 32)
        func signed(_ type: SigType) throws -> (publicKey: String, signature: String) {
            let key = try [UInt8].decode(scale: try #require(pink.output(5, [type.rawValue] + seed.scaleEncoded)))
            let signature = try [UInt8].decode(scale: try #require(pink.output(2, [type.rawValue] + seed.scaleEncoded + message.scaleEncoded)))
            return (key.hex, signature.hex)
        }
        let sr = try signed(.sr25519), ed = try signed(.ed25519), ec = try signed(.ecdsa)
        let script = """
            import json, sys, hashlib, sr25519, nacl.signing, coincurve
            d = json.load(sys.stdin); m = bytes.fromhex(d["message"][0])
            ok_sr = sr25519.verify(bytes.fromhex(d["sr"][1]), m, bytes.fromhex(d["sr"][0]))
            nacl.signing.VerifyKey(bytes.fromhex(d["ed"][0])).verify(m, bytes.fromhex(d["ed"][1]))
            sig = bytes.fromhex(d["ec"][1]); digest = hashlib.blake2b(m, digest_size=32).digest()
            recovered = coincurve.PublicKey.from_signature_and_message(sig, digest, hasher=None).format(compressed=True)
            print(json.dumps({"sr": ok_sr, "ec": recovered.hex() == d["ec"][0]}))
            """
        let input = ["message": [message.hex], "sr": [sr.publicKey, sr.signature], "ed": [ed.publicKey, ed.signature],
                     "ec": [ec.publicKey, ec.signature]]
        let checked = try PythonReference.json(script, input: input, as: [String: Bool].self)
        #expect(checked == ["sr": true, "ec": true])
    }

    @Test func derivedKeysFollowPhalaKDF() throws {
        let pink = try PinkFixture()
        let salt = Array("oracle".utf8)
        let secret = try [UInt8].decode(scale: try #require(pink.output(4, salt.scaleEncoded)))
        #expect(secret.count == 64)
        let expected = PhalaKDF.derive(PinkFixture.clusterKey, info: [pink.proxy.bytes, salt, Array("keygen".utf8)])
        #expect(secret == expected.secret.bytes)
        #expect(try [UInt8].decode(scale: try #require(pink.output(4, salt.scaleEncoded, query: false))) == secret)  // deterministic
        #expect(try [UInt8].decode(scale: try #require(pink.output(4, Array("other".utf8).scaleEncoded))) != secret)
        // The 64-byte secret signs (sr25519 from_seed_slice accepts it) and its public key is the derived one.
        let publicKey = try [UInt8].decode(scale: try #require(pink.output(5, [1] + secret.scaleEncoded)))
        #expect(publicKey == expected.publicKey)
    }

    @Test func ecdsaPrehashed() throws {
        let pink = try PinkFixture()
        let seed = [UInt8](repeating: 3, count: 32)
        let digest = blake2_256(message)
        let signature = try #require(pink.output(13, seed.scaleEncoded + digest))
        #expect(signature.count == 65)
        let pair = try Ecdsa.KeyPair(seed: seed)
        #expect(signature == pair.signPrehashed(digest))
        #expect(pink.output(14, signature + digest + pair.publicKey) == [1])
        #expect(pink.output(14, signature + blake2_256([1]) + pair.publicKey) == [0])
        #expect(pink.call(13, [UInt8](repeating: 0, count: 32).scaleEncoded + digest) == .trapped)  // zero key
    }
}

@Suite struct PinkCacheAndHTTPTests {
    @Test func cacheInQueryMode() throws {
        let pink = try PinkFixture()
        #expect(pink.output(6, bytes([1, 2]).scaleEncoded + bytes([9]).scaleEncoded) == [])
        #expect(pink.output(8, bytes([1, 2]).scaleEncoded) == [1] + bytes([9]).scaleEncoded)
        #expect(pink.output(7, bytes([1, 2]).scaleEncoded + UInt64(60).scaleEncoded) == [])
        #expect(pink.host.expirations[[1, 2]] == 60)
        #expect(pink.output(9, bytes([1, 2]).scaleEncoded) == [1] + bytes([9]).scaleEncoded)
        #expect(pink.output(8, bytes([1, 2]).scaleEncoded) == [0])
        pink.host.quota = 4
        #expect(pink.call(6, bytes([1]).scaleEncoded + bytes([1, 2, 3, 4]).scaleEncoded) == .returned(status: 1, output: []))  // StorageQuotaExceeded
    }

    @Test func cacheWritesInTransactionsAreDeferredUntilCommit() throws {
        let pink = try PinkFixture()
        pink.host.cache[[5]] = [50]
        #expect(pink.output(6, bytes([7]).scaleEncoded + bytes([70]).scaleEncoded, query: false) == [])
        #expect(pink.output(8, bytes([5]).scaleEncoded, query: false) == [0])  // reads are None in transactions
        #expect(pink.output(9, bytes([5]).scaleEncoded, query: false) == [0])
        #expect(pink.host.cache[[7]] == [70])  // applied after the committed transaction
        #expect(pink.host.cache[[5]] == nil)
        // A transaction that does not commit drops its cache writes.
        let input = UInt32(6).scaleEncoded + bytes([8]).scaleEncoded + bytes([80]).scaleEncoded
        _ = pink.pink.runTransaction({ pink.cluster.call(origin: Fixture.alice, dest: pink.proxy, input: input) }, committed: { _ in false })
        #expect(pink.host.cache[[8]] == nil)
    }

    @Test func httpInTransactionModeIsUnavailable() throws {
        let pink = try PinkFixture()
        let request = HttpRequest(url: "https://example.com/")
        let response = try HttpResponse.decode(scale: try #require(pink.output(1, request.scaleEncoded, query: false)))
        #expect(response.statusCode == 523 && response.reasonPhrase == "API Unavailable")
        #expect(String(decoding: response.body, as: UTF8.self) == "HTTP request is not supported in transaction")
        #expect(pink.call(22, [request].scaleEncoded + UInt64(1000).scaleEncoded, query: false) == .returned(status: 7, output: []))
        #expect(pink.host.httpCalls.isEmpty)
    }

    @Test func httpErrorsMapAsPhala() throws {
        let pink = try PinkFixture()
        let request = HttpRequest(url: "https://example.com/", method: "POST", headers: [HeaderPair("a", "b")], body: [1])
        let ok = HttpResponse(statusCode: 200, reasonPhrase: "OK", headers: [HeaderPair("x", "y")], body: [7])
        pink.host.httpAnswer = .success([.success(ok)])
        #expect(pink.output(1, request.scaleEncoded) == ok.scaleEncoded)
        #expect(pink.host.httpCalls.last?.requests == [request])
        #expect(pink.host.httpCalls.last.map { $0.timeout > .seconds(9) && $0.timeout <= .seconds(10) } == true)
        // v1.0 errors trap; v1.1 errors answer 524 "IO Error" with the error's name.
        for error in HttpRequestError.allCases {
            pink.host.httpAnswer = .success([.failure(error)])
            if error.trapsInSingleRequest {
                #expect(pink.call(1, request.scaleEncoded) == .trapped)
            } else {
                #expect(pink.output(1, request.scaleEncoded) == HttpResponse.ioError(error).scaleEncoded)
            }
        }
    }

    @Test func batchRequests() throws {
        let pink = try PinkFixture()
        let request = HttpRequest(url: "https://example.com/")
        let ok = HttpResponse(statusCode: 200, reasonPhrase: "OK")
        let answers: [Result<HttpResponse, HttpRequestError>] = [.success(ok), .failure(.responseTooLarge)]
        pink.host.httpAnswer = .success(answers)
        #expect(pink.output(22, [request, request].scaleEncoded + UInt64(2_000).scaleEncoded) == answers.scaleEncoded)
        #expect(pink.host.httpCalls.last.map { $0.timeout <= .seconds(2) && $0.timeout > .seconds(1) } == true)
        #expect(pink.call(22, [HttpRequest](repeating: request, count: 6).scaleEncoded + UInt64(1_000).scaleEncoded)
            == .returned(status: 8, output: []))  // TooManyRequests
        #expect(pink.call(22, [request].scaleEncoded + UInt64(0).scaleEncoded) == .returned(status: 6, output: []))  // Timeout
        pink.host.httpAnswer = .failure(.timeout)
        #expect(pink.call(22, [request].scaleEncoded + UInt64(1_000).scaleEncoded) == .returned(status: 6, output: []))
    }
}
