import PhalanxPrimitives
import Testing

/// sr25519 keys, HDKD, signatures and ECDH against the byte-exact vectors of keys-and-signatures.md §9.5–9.9.
@Suite struct Sr25519VectorTests {
    private func bytes(_ s: String) -> [UInt8] { [UInt8](hex: s)! }
    private let devMini = [UInt8](hex: "fac7959dbfe72f052e5a0c3c8d6530f202b02fd8f9f5ca3580ec8deb7797479e")!
    private let alice = [UInt8](hex: "14416c6963650000000000000000000000000000000000000000000000000000")!
    private let message = Array("Substrate keys test vector 1".utf8)
    private let zeros = [UInt8](repeating: 0, count: 32)

    /// SCALE string chain code padded to 32 bytes (short names only; SURI parsing lives in Keys/).
    private func chainCode(_ name: String) -> [UInt8] {
        let utf8 = Array(name.utf8)
        precondition(utf8.count < 31)
        return ([UInt8(utf8.count << 2)] + utf8 + [UInt8](repeating: 0, count: 32))[0..<32].map { $0 }
    }

    private func chainCode(_ number: UInt64) -> [UInt8] {
        withUnsafeBytes(of: number.littleEndian) { Array($0) } + [UInt8](repeating: 0, count: 24)
    }

    @Test func devRootExpansion() {
        let root = Sr25519.KeyPair(miniSecret: devMini)
        #expect(root.secret.scalar.hex == "05d65584630d16cd4af6d0bec10f34bb504a5dcb62dba2122d49f5a663763d0a")
        #expect(root.secret.nonce.hex == "fd190cce74df356432b410bd64682309d6dedb27c76845daf388557cbac3ca34")
        #expect(root.publicKey.hex == "46ebddef8cd9bb167dc30878d7113b7e168e6f0646beffd77d69d39bad76b47a")
        #expect(root.secret.ed25519Bytes.hex
            == "28b0ae221c6bb06856b287f60d7ea0d98552ea5a16db16956849aa371db3eb51fd190cce74df356432b410bd64682309d6dedb27c76845daf388557cbac3ca34")
    }

    @Test func hardAlice() throws {
        let root = Sr25519.KeyPair(miniSecret: devMini)
        #expect(chainCode("Alice") == alice)
        #expect(root.deriveHardMiniSecret(chainCode: alice).hex
            == "e5be9a5092b81bca64be81d212e7f2f9eba183bb7a90954f7b76361f6edb5c0a")
        let a = root.deriveHard(chainCode: alice)
        #expect(a.publicKey.hex == "d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d")
        let toBytes = "33a6f3093f158a7109f679410bef1a0c54168145e0cecb4df006c1c2fffb1f09925a225d97aa00682d6a59b95b18780c10d7032336e88f3442b42361f4a66011"
        let ed = "98319d4ff8a9508c4bb0cf0b5a78d760a0b2082c02775e6e82370816fedfff48925a225d97aa00682d6a59b95b18780c10d7032336e88f3442b42361f4a66011"
        #expect(a.secret.bytes.hex == toBytes)
        #expect(a.secret.ed25519Bytes.hex == ed)
        // Both 64-byte forms parse back to the same key.
        #expect(try Sr25519.SecretKey(bytes: bytes(toBytes)).ed25519Bytes.hex == ed)
        #expect(try Sr25519.SecretKey(ed25519Bytes: bytes(ed)).bytes.hex == toBytes)
        #expect(a.bytes.count == 96)
    }

    @Test func bobAndStash() {
        let root = Sr25519.KeyPair(miniSecret: devMini)
        let bob = root.deriveHard(chainCode: chainCode("Bob"))
        #expect(bob.publicKey.hex == "8eaf04151687736326c9fea17e25fc5287613693c912909cb226aa4794f26a48")
        #expect(bob.secret.bytes.hex
            == "e1c39e72cca724caa697d64a58e10bd95ffa63d1922962f7e27f8a09dda1370b41ae88f85d0c1bfc37be41c904e1dfc01de8c8067b0d6d5df25dd1ac0894a325")
        #expect(bob.secret.ed25519Bytes.hex
            == "081ff694633e255136bdb456c20a5fc8fed21f8b964c11bb17ff534ce80ebd5941ae88f85d0c1bfc37be41c904e1dfc01de8c8067b0d6d5df25dd1ac0894a325")
        let stash = root.deriveHard(chainCode: alice).deriveHard(chainCode: chainCode("stash"))
        #expect(stash.publicKey.hex == "be5ddb1579b72e84524fc29e78609e3caf42e85aa118ebfe0b0ad404b5bdd25f")
        #expect(stash.secret.bytes.hex
            == "5d9bad33d041e0c18be74f4bde7b9462591df47ac558c84312185091014b090c46ab28e97c3ffc77fe12b5a4d37e8cd4afbfebbf2391ffc7cb07c0f38c023efd")
    }

    @Test func softAlice() throws {
        let root = Sr25519.KeyPair(miniSecret: devMini)
        let soft = root.deriveSoft(chainCode: alice)
        #expect(soft.publicKey.hex == "d6c71059dbbe9ad2b0ed3f289738b800836eb425544ce694825285b958ca755e")
        #expect(soft.secret.scalar.hex == "2ddb699b314aa48399c00fd5e1b3a7810ca0e52585a88de96275fe708bd24c06")
        #expect(try Sr25519.deriveSoftPublic(root.publicKey, chainCode: alice).hex
            == "d6c71059dbbe9ad2b0ed3f289738b800836eb425544ce694825285b958ca755e")
        // The nonce comes from the transcript RNG: random by default, reproducible when injected.
        #expect(root.deriveSoft(chainCode: alice).secret.nonce != soft.secret.nonce)
        #expect(root.deriveSoft(chainCode: alice, randomness: zeros).secret.nonce
            == root.deriveSoft(chainCode: alice, randomness: zeros).secret.nonce)
        let path = root.deriveSoft(chainCode: chainCode("soft")).deriveSoft(chainCode: chainCode("path"))
        #expect(path.publicKey.hex == "30daeb7b941d0975017d5177662cb456e63a4f01da4f05ba0fe3c9244e75f927")
        #expect(path.secret.scalar.hex == "eedbf3fc972cc554f366c9326d5ee140cba4702b3f611652afbc8fee68fa2d05")
    }

    @Test func mixedDerivations() throws {
        let aliceHard = Sr25519.KeyPair(miniSecret: devMini).deriveHard(chainCode: alice)
        #expect(aliceHard.deriveSoft(chainCode: chainCode(0)).publicKey.hex
            == "9057db4878163172ea51d570612043a98971737bf608b544991130ac110b0801")
        let foo = aliceHard.deriveSoft(chainCode: chainCode("foo"))
        #expect(foo.publicKey.hex == "f2d22c92a77441efe17f5f4e5e9fc535df36943a88f81ab941cbecfe1b55367f")
        #expect(try Sr25519.deriveSoftPublic(aliceHard.publicKey, chainCode: chainCode("foo")) == foo.publicKey)
        // A hard step after a soft one is keyed by the soft child's scalar (its random nonce does not matter).
        #expect(foo.deriveHard(chainCode: chainCode("bar")).publicKey.hex
            == "964be39cf833c7575b3bd2c903c25e7da40db799457f58f04f0d050bfdd44568")
    }

    @Test func substrateUnitVectors() {
        #expect(Sr25519.KeyPair(miniSecret: bytes("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")).publicKey.hex
            == "44a996beb1eef7bdcab976ab6d2ca26104834164ecf28fb375600576fcc6eb0f")
        #expect(Sr25519.KeyPair(miniSecret: Array("12345678901234567890123456789012".utf8)).publicKey.hex
            == "741c08a06f41c596608f6774259bd9043304adfa5d3eea62760bd9be97634d63")
    }

    @Test func secretKeyParsingRejectsBadInput() {
        #expect(throws: Sr25519Error.invalidSecretKeyLength(63)) { try Sr25519.SecretKey(bytes: [UInt8](repeating: 1, count: 63)) }
        #expect(throws: Sr25519Error.invalidSecretKeyLength(32)) { try Sr25519.SecretKey(ed25519Bytes: zeros) }
        // x = l is not canonical; l − 1 is.
        let l = Ristretto255.order
        #expect(throws: Sr25519Error.nonCanonicalScalar) { try Sr25519.SecretKey(bytes: l + zeros) }
        var lMinus1 = l
        lMinus1[0] -= 1
        #expect((try? Sr25519.SecretKey(bytes: lMinus1 + zeros)) != nil)
        #expect(throws: Sr25519Error.nonCanonicalScalar) {
            try Sr25519.SecretKey(ed25519Bytes: [UInt8](repeating: 0xFF, count: 64))
        }
        #expect(Sr25519Error.nonCanonicalScalar.code == "sr25519.non-canonical-scalar")
    }

    @Test func signWithInjectedZeroRandomness() {
        let a = Sr25519.KeyPair(miniSecret: devMini).deriveHard(chainCode: alice)
        #expect(a.sign(message, randomness: zeros).hex
            == "eee4653cf5da5e4fa2fc7aea7b29d64075bdd4427e9ed6e0151b11d1a1b0f839746c5f39262ca1d0099fd49f1f1c112efbc80c9c849cc995ec747bdc9a16798b")
        #expect(a.sign([], randomness: zeros).hex
            == "5c3d21f3e193907dd380092eecf731fa9581d0a5f162c0285abaa8b233ab3d5c37b314e44ff7e15e60553d729b2e3681c77af514cda325a56a7eede010824386")
        let fresh = a.sign(message)
        #expect(fresh != a.sign(message))  // hedged: OS randomness by default
        #expect(Sr25519.verify(signature: fresh, message: message, publicKey: a.publicKey))
        #expect(!Sr25519.verify(signature: fresh, message: message + [0], publicKey: a.publicKey))
        let other = a.sign(message, context: Array("other".utf8))
        #expect(Sr25519.verify(signature: other, message: message, publicKey: a.publicKey, context: Array("other".utf8)))
        #expect(!Sr25519.verify(signature: other, message: message, publicKey: a.publicKey))
    }

    @Test func publishedSignatureAndNegatives() {
        let pub = bytes("d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d")
        let good = "40470f435c52aa3fbb407094677e0a4dc9b5be90128940aa7acf3f8e57c3be6c98aef9e3122580d89d34feec801a9b2ac4b7cea34fb9385e9f5282cc085bfc87"
        #expect(Sr25519.verify(signature: bytes(good), message: message, publicKey: pub))
        for bad in [
            "40470f435c52aa3fbb407094677e0a4dc9b5be90128940aa7acf3f8e57c3be6c98aef9e3122580d89d34feec801a9b2ac4b7cea34fb9385e9f5282cc085bfc07",
            "41470f435c52aa3fbb407094677e0a4dc9b5be90128940aa7acf3f8e57c3be6c98aef9e3122580d89d34feec801a9b2ac4b7cea34fb9385e9f5282cc085bfc87",
            "7af5e04a6f5ebe23f51fbf3aa228c61eaeba1abd31485dffedf91378955fc263e1acec4289d49e635aa8bf23d6971dc6e533b6ffe12b9d2cb575418c85a56a88",
        ] {
            #expect(!Sr25519.verify(signature: bytes(bad), message: message, publicKey: pub))
        }
        #expect(Sr25519.verify(
            signature: bytes("7af5e04a6f5ebe23f51fbf3aa228c61eaeba1abd31485dffedf91378955fc263e1acec4289d49e635aa8bf23d6971dc6e533b6ffe12b9d2cb575418c85a56a88"),
            message: message, publicKey: pub, context: Array("other".utf8)))
    }

    @Test func identityPublicKeyIsRejected() {
        // schnorrkel accepts this forgery (§9.9); Phalanx deliberately does not.
        let forged = bytes("bcdd643daa5fc8403a3464b7c899452ff9c4bb9e38e2071799ec2180db49915c48a4a4e95a1fe651927eee2189a58f270f606f5cad7d9c8a5f83773ffb36528c")
        #expect(!Sr25519.verify(signature: forged, message: message, publicKey: zeros))
        // The same forgery recipe (s = r, R = r·B) for any message, to show the rejection is what stops it.
        let r = Ristretto255.scalarReduce([UInt8](repeating: 7, count: 64))
        var s = r
        s[31] |= 0x80
        #expect(!Sr25519.verify(signature: Ristretto255.scalarMultBase(r) + s, message: [1, 2, 3], publicKey: zeros))
    }

    @Test func ecdhAgreement() throws {
        let root = Sr25519.KeyPair(miniSecret: devMini)
        let a = root.deriveHard(chainCode: alice)
        let b = root.deriveHard(chainCode: chainCode("Bob"))
        #expect(a.secret.scalar.hex == "33a6f3093f158a7109f679410bef1a0c54168145e0cecb4df006c1c2fffb1f09")
        #expect(b.secret.scalar.hex == "e1c39e72cca724caa697d64a58e10bd95ffa63d1922962f7e27f8a09dda1370b")
        let expected = "bef705d2c12dc11985336a27fec73b2a1ee57d09a06c6ee4334d48512a404c67"
        #expect(try a.agree(with: b.publicKey).hex == expected)
        #expect(try b.agree(with: a.publicKey).hex == expected)
        // x·B through the generic path reproduces the public key.
        #expect(try a.agree(with: Ristretto255.basepoint) == a.publicKey)
        #expect(throws: Sr25519Error.identityPublicKey) { try a.agree(with: zeros) }
        #expect(throws: Sr25519Error.invalidPublicKeyLength(31)) { try a.agree(with: [UInt8](repeating: 1, count: 31)) }
        #expect(throws: Sr25519Error.invalidPublicKey) { try a.agree(with: [UInt8](repeating: 0xFF, count: 32)) }
    }

    @Test func deriveSoftPublicRejectsBadInput() {
        #expect(throws: Sr25519Error.invalidPublicKey) {
            try Sr25519.deriveSoftPublic([UInt8](repeating: 0xFF, count: 32), chainCode: alice)
        }
        #expect(throws: Sr25519Error.invalidPublicKeyLength(33)) {
            try Sr25519.deriveSoftPublic([UInt8](repeating: 0, count: 33), chainCode: alice)
        }
        #expect(throws: Sr25519Error.invalidChainCodeLength(31)) {
            try Sr25519.deriveSoftPublic(Ristretto255.basepoint, chainCode: [UInt8](repeating: 0, count: 31))
        }
    }

    @Test func signingIntermediatesThroughTheTranscriptAPI() {
        // §9.7 r, R, k, s for //Alice, zero randomness, rebuilt step by step with the public Merlin API.
        let a = Sr25519.KeyPair(miniSecret: devMini).deriveHard(chainCode: alice)
        var t = MerlinTranscript(label: Array("SigningContext".utf8))
        t.appendMessage(label: [], message: Array("substrate".utf8))
        t.appendMessage(label: Array("sign-bytes".utf8), message: message)
        t.appendMessage(label: Array("proto-name".utf8), message: Array("Schnorr-sig".utf8))
        t.appendMessage(label: Array("sign:pk".utf8), message: a.publicKey)
        let wide = t.witnessBytes(label: Array("signing".utf8), nonceSeeds: [a.secret.nonce], randomness: zeros, count: 64)
        let r = Ristretto255.scalarReduce(wide)
        #expect(r.hex == "6f78364bb022f6787936049e826c5d159bdcdf791a084ecfb75b8a366a59bc07")
        let bigR = Ristretto255.scalarMultBase(r)
        #expect(bigR.hex == "eee4653cf5da5e4fa2fc7aea7b29d64075bdd4427e9ed6e0151b11d1a1b0f839")
        t.appendMessage(label: Array("sign:R".utf8), message: bigR)
        let k = Ristretto255.scalarReduce(t.challengeBytes(label: Array("sign:c".utf8), count: 64))
        #expect(k.hex == "1e0473d56fd56287ff8e323749a79a2ff2bd439ad8c29384718032cab5b0000d")
        #expect(Ristretto255.scalarAdd(Ristretto255.scalarMul(k, a.secret.scalar), r).hex
            == "746c5f39262ca1d0099fd49f1f1c112efbc80c9c849cc995ec747bdc9a16790b")
        // The builder/RNG types give the same witness as `witnessBytes`, and leave the transcript untouched.
        var t2 = MerlinTranscript(label: Array("SigningContext".utf8))
        t2.appendMessage(label: [], message: Array("substrate".utf8))
        var builder = t2.buildRNG()
        builder.rekey(label: Array("signing".utf8), witness: a.secret.nonce)
        var rng = builder.finalize(randomness: zeros)
        #expect(rng.fillBytes(count: 64)
            == t2.witnessBytes(label: Array("signing".utf8), nonceSeeds: [a.secret.nonce], randomness: zeros, count: 64))
        #expect(String(describing: a.secret) == "Sr25519.SecretKey(<redacted>)")
    }

    @Test func softDerivationIntermediates() throws {
        // §9.6: the soft `HDKD-scalar` δ for /Alice and root public + δ·B.
        let root = Sr25519.KeyPair(miniSecret: devMini)
        var t = MerlinTranscript(label: Array("SchnorrRistrettoHDKD".utf8))
        t.appendMessage(label: Array("sign-bytes".utf8), message: [])
        t.appendMessage(label: Array("chain-code".utf8), message: alice)
        var hard = t
        t.appendMessage(label: Array("public-key".utf8), message: root.publicKey)
        let delta = Ristretto255.scalarReduce(t.challengeBytes(label: Array("HDKD-scalar".utf8), count: 64))
        #expect(delta.hex == "15d90974e89fa00e256736b9fe9d52dbbb55885a22cdead6352c09ca275c0f0c")
        #expect(t.challengeBytes(label: Array("HDKD-chaincode".utf8), count: 32).hex
            == "9b0ae5e2899094bc54c413652a2b18885e0f724b1ee6e75fa9b1c13e4c762bf1")
        #expect(Ristretto255.add(root.publicKey, Ristretto255.scalarMultBase(delta))?.hex
            == "d6c71059dbbe9ad2b0ed3f289738b800836eb425544ce694825285b958ca755e")
        hard.appendMessage(label: Array("secret-key".utf8), message: root.secret.scalar)
        #expect(hard.challengeBytes(label: Array("HDKD-hard".utf8), count: 32).hex
            == "e5be9a5092b81bca64be81d212e7f2f9eba183bb7a90954f7b76361f6edb5c0a")
        #expect(hard.challengeBytes(label: Array("HDKD-chaincode".utf8), count: 32).hex
            == "fb2a03735031107f66ffdf2b756472c35b39de465cbe4f907bf86e10856a9f89")
    }
}
