import PhalanxPrimitives
import PhalanxTestSupport
import Testing

/// SS58 against the reference table (keys-and-signatures.md §7) and scalecodec's implementation.
@Suite struct SS58Tests {
    static let alice = [UInt8](hex: "d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d")!

    @Test(arguments: [
        (UInt16(0), "15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5"),
        (2, "HNZata7iMYWmk5RvZRTiAsSDhV8366zq2YGb3tLH5Upf74F"),
        (30, "45R2pfjQUW2s9PQRHU48HQKLKHVMaDja7N3wpBtmF28UYDs2"),
        (42, "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY"),
        (63, "7NPoMQbiA6trJKkjB35uk96MeJD4PGWkLQLH7k7hXEkZpiba"),
        (64, "cEaNSpz4PxFcZ7nT1VEKrKewH67rfx6MfcM6yKojyyPz7qaqp"),
        (255, "yGHXkYLYqxijLKKfd9Q2CB9shRVu8rPNBS53wvwGTutYg4zTg"),
        (256, "VByeGLMtP8r8BYQpNX1sb2VtAW8GYCbtFAeXJwsA2ur3MNRdq"),
        (1000, "vji5kpxBaPKwct6PAdHiJUPCU1hqBEAPaLMF59sXAjn4NeEaJ"),
        (16383, "yNa8JpqfFB3q8A29rCwSgxvdU94ufJw2yKKxDgznS5m1PoFvn"),
    ])
    func aliceAddresses(prefix: UInt16, address: String) throws {
        #expect(SS58.encode(Self.alice, prefix: prefix) == address)
        let decoded = try SS58.decode(address)
        #expect(decoded.prefix == prefix)
        #expect(decoded.payload == Self.alice)
    }

    @Test func ecdsaPublicKeyAddress() throws {
        let key = [UInt8](hex: "020a1091341fe5664bfa1782d5e04779689068c916b04cb365ec3153755684d9a1")!
        #expect(SS58.encode(key, prefix: 42) == "KW39r9CJjAVzmkf9zQ4YDb2hqfAVGdRqn53eRqyruqpxAP5YL")
        #expect(try SS58.decode("KW39r9CJjAVzmkf9zQ4YDb2hqfAVGdRqn53eRqyruqpxAP5YL").payload == key)
    }

    @Test(arguments: [
        "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQZ",  // checksum
        "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKut",  // truncated
        "0GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY",  // not base58
        "", "1", String(repeating: "z", count: 500),
    ])
    func rejectsBadAddresses(address: String) {
        #expect(throws: KeyError.self) { try SS58.decode(address) }
    }

    @Test func crossCheckWithScalecodec() throws {
        var generator = SystemRandomNumberGenerator()
        let cases: [(UInt16, [UInt8])] = (0..<60).map { _ in
            let prefix = UInt16.random(in: 0...16383, using: &generator)
            return (prefix == 46 || prefix == 47 ? 30 : prefix, (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) })
        }
        let script = """
            import sys, json
            from scalecodec.utils.ss58 import ss58_encode
            print(json.dumps([ss58_encode(bytes.fromhex(k), int(p)) for p, k in json.load(sys.stdin)]))
            """
        let expected = try PythonReference.json(script, input: cases.map { [String($0.0), $0.1.hex] }, as: [String].self)
        for ((prefix, key), address) in zip(cases, expected) {
            #expect(SS58.encode(key, prefix: prefix) == address)
            #expect(try SS58.decode(address).payload == key)
        }
    }
}
