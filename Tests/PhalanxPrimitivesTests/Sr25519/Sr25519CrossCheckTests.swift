import PhalanxPrimitives
import PhalanxTestSupport
import Testing

/// sr25519 against the independent py-sr25519-bindings (Rust schnorrkel 0.11) on random keys, messages and chain codes,
/// and robustness of `verify` on random and malformed input.
@Suite struct Sr25519CrossCheckTests {
    private struct Case: Codable {
        var seed: String, message: String, chainCode: String, swiftSignature: String
    }
    private struct Answer: Codable {
        var publicKey: String, secret: String, ed25519Secret: String, signature: String, swiftSignatureValid: Bool
        var hardPublic: String, hardSecret: String, softPublic: String, softSecret: String, softPublicOnly: String
    }

    private static let script = """
        import sys, json, sr25519
        out = []
        for c in json.load(sys.stdin):
            seed, msg, cc = (bytes.fromhex(c[k]) for k in ("seed", "message", "chainCode"))
            pub, sec = sr25519.pair_from_seed(seed)
            _, hpub, hsec = sr25519.hard_derive_keypair((cc, pub, sec), b"")
            _, spub, ssec = sr25519.derive_keypair((cc, pub, sec), b"")
            _, ppub = sr25519.derive_pubkey((cc, pub), b"")
            out.append(dict(
                publicKey=pub.hex(), secret=sec.hex(),
                ed25519Secret=sr25519.convert_secret_key_to_ed25519(sec).hex(),
                signature=sr25519.sign((pub, sec), msg).hex(),
                swiftSignatureValid=sr25519.verify(bytes.fromhex(c["swiftSignature"]), msg, pub),
                hardPublic=hpub.hex(), hardSecret=hsec.hex(), softPublic=spub.hex(), softSecret=ssec.hex(),
                softPublicOnly=ppub.hex()))
        print(json.dumps(out))
        """

    private func random(_ count: Int) -> [UInt8] {
        var g = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: 0...255, using: &g) }
    }

    @Test func agreesWithPySr25519Bindings() throws {
        var cases: [Case] = []
        var pairs: [Sr25519.KeyPair] = []
        var messages: [[UInt8]] = []
        var chainCodes: [[UInt8]] = []
        for i in 0..<20 {
            let seed = random(32), message = random([0, 1, 28, 255, 256, 1000][i % 6]), cc = random(32)
            let pair = Sr25519.KeyPair(miniSecret: seed)
            pairs.append(pair)
            messages.append(message)
            chainCodes.append(cc)
            cases.append(Case(seed: seed.hex, message: message.hex, chainCode: cc.hex, swiftSignature: pair.sign(message).hex))
        }
        let answers = try PythonReference.json(Self.script, input: cases, as: [Answer].self)
        #expect(answers.count == cases.count)
        for (i, answer) in answers.enumerated() {
            let pair = pairs[i]
            #expect(pair.publicKey.hex == answer.publicKey)
            #expect(pair.secret.bytes.hex == answer.secret)
            #expect(pair.secret.ed25519Bytes.hex == answer.ed25519Secret)
            #expect(answer.swiftSignatureValid, "py-sr25519 rejected a Swift signature")
            #expect(Sr25519.verify(signature: [UInt8](hex: answer.signature)!, message: messages[i], publicKey: pair.publicKey))
            let hard = pair.deriveHard(chainCode: chainCodes[i])
            #expect(hard.publicKey.hex == answer.hardPublic)
            #expect(hard.secret.bytes.hex == answer.hardSecret)
            let soft = pair.deriveSoft(chainCode: chainCodes[i])
            #expect(soft.publicKey.hex == answer.softPublic)
            #expect(soft.secret.scalar.hex == String(answer.softSecret.prefix(64)))  // nonce half is random
            #expect(try Sr25519.deriveSoftPublic(pair.publicKey, chainCode: chainCodes[i]).hex == answer.softPublicOnly)
        }
    }

    @Test func verifyNeverTrapsOnMalformedInput() {
        let pair = Sr25519.KeyPair(miniSecret: random(32))
        let message = random(40)
        let good = pair.sign(message)
        #expect(Sr25519.verify(signature: good, message: message, publicKey: pair.publicKey))
        // Wrong lengths.
        for n in [0, 1, 32, 63, 65, 128] {
            #expect(!Sr25519.verify(signature: random(n), message: message, publicKey: pair.publicKey))
        }
        for n in [0, 31, 33, 64] {
            #expect(!Sr25519.verify(signature: good, message: message, publicKey: random(n)))
        }
        // Non-canonical s: s + l still satisfies the equation mod l but must be rejected (malleability).
        let s = Array(good[32..<64]).enumerated().map { $0.offset == 31 ? $0.element & 0x7F : $0.element }
        var carry: UInt16 = 0
        var sPlusL = [UInt8](repeating: 0, count: 32)
        for i in 0..<32 {
            let v = UInt16(s[i]) + UInt16(Ristretto255.order[i]) + carry
            sPlusL[i] = UInt8(truncatingIfNeeded: v)
            carry = v >> 8
        }
        #expect(sPlusL[31] & 0x80 == 0)
        sPlusL[31] |= 0x80
        #expect(!Sr25519.verify(signature: Array(good[0..<32]) + sPlusL, message: message, publicKey: pair.publicKey))
        // Every single-bit flip of a valid signature is rejected.
        for bit in 0..<(64 * 8) {
            var sig = good
            sig[bit / 8] ^= 1 << (bit % 8)
            #expect(!Sr25519.verify(signature: sig, message: message, publicKey: pair.publicKey))
        }
        // Random garbage: random (mostly invalid) points and scalars, with the marker bit set.
        for _ in 0..<500 {
            var sig = random(64)
            sig[63] |= 0x80
            let pub = random(32)
            #expect(!Sr25519.verify(signature: sig, message: message, publicKey: pub))
            #expect(!Sr25519.verify(signature: sig, message: message, publicKey: pair.publicKey))
            #expect(!Sr25519.verify(signature: Array(sig[0..<32]) + Array(good[32..<64]), message: message, publicKey: pub))
        }
        // Non-canonical point encodings (all 0xFF; p itself as y) are rejected as keys.
        #expect(!Sr25519.verify(signature: good, message: message, publicKey: [UInt8](repeating: 0xFF, count: 32)))
        #expect(!Sr25519.verify(
            signature: good, message: message,
            publicKey: [UInt8](hex: "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f")!))
    }
}
