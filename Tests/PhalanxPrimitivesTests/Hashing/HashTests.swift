import PhalanxPrimitives
import PhalanxTestSupport
import Testing

/// Hashes checked against known vectors and against Python's hashlib and the xxhash package.
@Suite struct HashTests {
    @Test func knownVectors() {
        #expect(blake2_256([]).hex == "0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8")
        #expect(twox_128(Array("System".utf8)).hex == "26aa394eea5630e07c48ae0c9558cef7")
        #expect(twox_128(Array("Account".utf8)).hex == "b99d880ec681799c0cf30e8886371da9")
        #expect(sha2_256(Array("abc".utf8)).hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let key = [UInt8](repeating: 7, count: 4)
        #expect(blake2_128_concat(key) == blake2_128(key) + key)
        #expect(twox_64_concat(key) == twox_64(key) + key)
        #expect(StorageHasher.identity.hash(key) == key)
    }

    @Test func blake2bStreamingEqualsOneShot() {
        let data = (0..<1000).map { UInt8($0 % 251) }
        let hasher = Blake2b.Hasher(length: 32)
        hasher.update(Array(data[..<333]))
        hasher.update(Array(data[333...]))
        #expect(hasher.finalize() == blake2_256(data))
    }

    /// Random inputs of every length class (< 4, < 8, < 32, ≥ 32 bytes) against independent implementations.
    @Test func crossCheckWithPython() throws {
        var generator = SystemRandomNumberGenerator()
        let inputs: [[UInt8]] = (0..<80).map { i in
            (0..<(i < 40 ? i : Int.random(in: 40...300, using: &generator))).map { _ in UInt8.random(in: 0...255, using: &generator) }
        }
        let script = """
            import sys, json, hashlib, xxhash
            out = []
            for h in json.load(sys.stdin):
                b = bytes.fromhex(h)
                out.append([hashlib.blake2b(b, digest_size=16).hexdigest(), hashlib.blake2b(b, digest_size=32).hexdigest(),
                    hashlib.blake2b(b, digest_size=64).hexdigest(), hashlib.blake2b(b, digest_size=32, key=b"phalanx").hexdigest(),
                    b"".join(xxhash.xxh64(b, seed=s).intdigest().to_bytes(8, "little") for s in range(4)).hex(),
                    hashlib.sha256(b).hexdigest()])
            print(json.dumps(out))
            """
        let expected = try PythonReference.json(script, input: inputs.map(\.hex), as: [[String]].self)
        for (input, want) in zip(inputs, expected) {
            #expect(blake2_128(input).hex == want[0])
            #expect(blake2_256(input).hex == want[1])
            #expect(blake2_512(input).hex == want[2])
            #expect(Blake2b.hash(input, length: 32, key: Array("phalanx".utf8)).hex == want[3])
            #expect(twox_256(input).hex == want[4])
            #expect(twox_128(input).hex == String(want[4].prefix(32)))
            #expect(twox_64(input).hex == String(want[4].prefix(16)))
            #expect(sha2_256(input).hex == want[5])
        }
    }
}
