import PhalanxPrimitives
import PhalanxTestSupport
import Testing

/// Keccak-f[1600], keccak-256, STROBE-128 and Merlin against the spec's §9.2 vectors and known Keccak answers.
@Suite struct KeccakMerlinTests {
    private func bytes(_ s: String) -> [UInt8] { [UInt8](hex: s)! }

    @Test func keccakF1600ZeroState() {
        var state = KeccakF1600()
        state.permute()
        #expect(state.lanes.0 == 0xF125_8F79_40E1_DDE7)
        #expect(Array(state.bytes.prefix(16)).hex == "e7dde140798f25f18a47c033f9ccd584")
    }

    @Test func keccak256KnownAnswers() {
        #expect(keccak_256([]).hex == "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")
        #expect(keccak_256(Array("abc".utf8)).hex == "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45")
        #expect(
            keccak_256(Array("The quick brown fox jumps over the lazy dog".utf8)).hex
                == "4d741b6f1eb29cb2a9b9911c82f56fa8d73b04959d3d9d222895df6c0b28aa15")
        // Lengths around the 136-byte rate exercise full-block absorption and padding in a fresh block.
        #expect(keccak_256([UInt8](repeating: 0x61, count: 135)).count == 32)
        #expect(keccak_256([UInt8](repeating: 0x61, count: 136)) != keccak_256([UInt8](repeating: 0x61, count: 135)))
    }

    @Test func keccak256MatchesPycryptodome() throws {
        // Lengths straddling the 136-byte rate and several blocks, with varied content.
        var inputs: [[UInt8]] = [0, 1, 7, 8, 135, 136, 137, 271, 272, 273, 1000].map { n in
            (0..<n).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ n) }
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20 {
            inputs.append((0..<Int.random(in: 0...600, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) })
        }
        let script = """
            import sys, json
            from Crypto.Hash import keccak
            out = []
            for h in json.load(sys.stdin):
                k = keccak.new(digest_bits=256); k.update(bytes.fromhex(h)); out.append(k.hexdigest())
            print(json.dumps(out))
            """
        let expected = try PythonReference.json(script, input: inputs.map(\.hex), as: [String].self)
        #expect(inputs.map { keccak_256($0).hex } == expected)
    }

    @Test func strobeInitState() {
        #expect(Array(Strobe128.initialBlockState().bytes.prefix(32)).hex
            == "9c6d168ff8fd55da2aa73c2355653563dc0c475c551526f6733bea22f16cb57c")
    }

    @Test func merlinSimple() {
        var t = MerlinTranscript(label: Array("test protocol".utf8))
        t.appendMessage(label: Array("some label".utf8), message: Array("some data".utf8))
        #expect(t.challengeBytes(label: Array("challenge".utf8), count: 32).hex
            == "d5a21972d0d5fe320c0d263fac7fffb8145aa640af6e9bca177c03c7efcf0615")
    }

    @Test func merlinComplex() {
        var t = MerlinTranscript(label: Array("test protocol".utf8))
        t.appendMessage(label: Array("step1".utf8), message: Array("some data".utf8))
        let data = [UInt8](repeating: 0x63, count: 1024)
        var c: [UInt8] = []
        for _ in 0..<32 {
            c = t.challengeBytes(label: Array("challenge".utf8), count: 32)
            t.appendMessage(label: Array("bigdata".utf8), message: data)
            t.appendMessage(label: Array("challengedata".utf8), message: c)
        }
        #expect(c.hex == "a8c933f54fae76e3f9bea93648c1308e7dfa2152dd51674ff3ca438351cf003c")
    }

    @Test func transcriptIsAValueType() {
        var a = MerlinTranscript(label: Array("fork".utf8))
        var b = a
        a.appendU64(label: Array("n".utf8), 1)
        b.appendU64(label: Array("n".utf8), 1)
        #expect(a.challengeBytes(label: [], count: 16) == b.challengeBytes(label: [], count: 16))
        let rngA = a.witnessBytes(label: Array("w".utf8), nonceSeeds: [[1]], randomness: [UInt8](repeating: 0, count: 32), count: 8)
        let rngB = a.witnessBytes(label: Array("w".utf8), nonceSeeds: [[2]], randomness: [UInt8](repeating: 0, count: 32), count: 8)
        #expect(rngA != rngB)
    }
}
