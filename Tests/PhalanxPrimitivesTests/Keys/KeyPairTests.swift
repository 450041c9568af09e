import PhalanxPrimitives
import PhalanxTestSupport
import Testing

/// Keys from secret URIs for all three schemes (keys-and-signatures.md §9.5, §9.7), cross-checked
/// with substrate-interface, PyNaCl and coincurve.
@Suite struct KeyPairTests {
    static let message = Array("Substrate keys test vector 1".utf8)

    @Test(arguments: [
        ("//Alice", CryptoScheme.sr25519, "d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d",
         "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY"),
        ("//Alice", .ed25519, "88dc3417d5058ec4b4503e0c12ea1a0a89be200fe98922423d4334014fa6b0ee",
         "5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu"),
        ("//Alice", .ecdsa, "020a1091341fe5664bfa1782d5e04779689068c916b04cb365ec3153755684d9a1",
         "5C7C2Z5sWbytvHpuLTvzKunnnRwQxft1jiqrLD5rhucQ5S9X"),
        ("//Bob", .sr25519, "8eaf04151687736326c9fea17e25fc5287613693c912909cb226aa4794f26a48",
         "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty"),
        ("//Bob", .ed25519, "d17c2d7823ebf260fd138f2d7e27d114c0145d968b5ff5006125f2414fadae69",
         "5GoNkf6WdbxCFnPdAnYYQyCjAKPJgLNxXwPjwTh6DGg6gN3E"),
        ("//Bob", .ecdsa, "0390084fdbf27d2b79d26a4f13f0ccd982cb755a661969143c37cbc49ef5b91f27",
         "5DVskgSC9ncWQpxFMeUn45NU43RUq93ByEge6ApbnLk6BR9N"),
        ("//Alice//stash", .sr25519, "be5ddb1579b72e84524fc29e78609e3caf42e85aa118ebfe0b0ad404b5bdd25f",
         "5GNJqTPyNqANBkUVMN1LPPrxXnFouWXoe2wNSmmEoLctxiZY"),
        ("", .sr25519, "46ebddef8cd9bb167dc30878d7113b7e168e6f0646beffd77d69d39bad76b47a",
         "5DfhGyQdFobKM8NsWvEeAKk5EQQgYe9AydgJ7rMB6E1EqRzV"),
        ("", .ed25519, "345071da55e5dccefaaa440339415ef9f2663338a38f7da0df21be5ab4e055ef",
         "5DFJF7tY4bpbpcKPJcBTQaKuCDEPCpiz8TRjpmLeTtweqmXL"),
        ("/Alice", .sr25519, "d6c71059dbbe9ad2b0ed3f289738b800836eb425544ce694825285b958ca755e",
         "5GvKEoc787uDV8etY1AM8vF385edu2iyqD1WfCjDugzLUiAL"),
    ])
    func knownKeys(uri: String, scheme: CryptoScheme, publicKey: String, address: String) throws {
        let pair = try KeyPair(uri: uri, scheme: scheme)
        #expect(pair.publicKey.hex == publicKey)
        #expect(pair.accountId.ss58(prefix: 42) == address)
    }

    @Test func seedsOfAlice() throws {
        #expect(try KeyPair(uri: "//Alice", scheme: .sr25519).secretSeed.hex
            == "e5be9a5092b81bca64be81d212e7f2f9eba183bb7a90954f7b76361f6edb5c0a")
        #expect(try KeyPair(uri: "//Alice", scheme: .ed25519).secretSeed.hex
            == "abf8e5bdbe30c65656c0a3cbd181ff8a56294a69dfedd27982aace4a76909115")
        #expect(try KeyPair(uri: "//Alice", scheme: .ecdsa).secretSeed.hex
            == "cb6df9de1efca7a3998a8ead4e02159d5fa99c3e0d4fd6432667390bb4726854")
    }

    @Test func softJunctionsAreSr25519Only() {
        #expect(throws: KeyError.softJunctionNotSupported(scheme: "ed25519")) { try KeyPair(uri: "//Alice/0", scheme: .ed25519) }
        #expect(throws: KeyError.softJunctionNotSupported(scheme: "ecdsa")) { try KeyPair(uri: "/Alice", scheme: .ecdsa) }
    }

    @Test func substrateUnitVectorsForHardDerivation() throws {
        let seed = [UInt8](hex: "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")!
        let zero = [UInt8](repeating: 0, count: 32)
        #expect(try Ed25519.KeyPair(seed: seed).deriveHard(chainCode: zero).seed.hex
            == "ede3354e133f9c8e337ddd6ee5415ed4b4ffe5fc7d21e933f4930a3730e5b21c")
        #expect(try Ecdsa.KeyPair(seed: seed).deriveHard(chainCode: zero).seed.hex
            == "b8eefc4937200a8382d00050e050ced2d4ab72cc2ef1b061477afb51564fdd61")
        #expect(try Ecdsa.KeyPair(seed: seed).publicKey.hex
            == "028db55b05db86c0b1786ca49f095d76344c9e6056b2f02701a7e7f3c20aabfd91")
        #expect(try Ed25519.KeyPair(seed: seed).publicKey.hex
            == "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")
    }

    @Test func ed25519Signatures() throws {
        let alice = try KeyPair(uri: "//Alice", scheme: .ed25519)
        let signature = alice.sign(Self.message)
        #expect(signature.hex == "e5fd8d06d71cf99ccb677edde4cae280559a6ee8e00e633d7832654b3c26955ecd6b0a1ac850e9f3f39a548fc18986755a3ce62d6c5695885b7997784bfc020d")
        #expect(KeyPair.verify(signature: signature, message: Self.message, publicKey: alice.publicKey, scheme: .ed25519))
        var tampered = signature
        tampered[10] ^= 1
        #expect(!KeyPair.verify(signature: tampered, message: Self.message, publicKey: alice.publicKey, scheme: .ed25519))
        #expect(!Ed25519.verify(signature: Array(signature.prefix(63)), message: Self.message, publicKey: alice.publicKey))
    }

    @Test func ecdsaSignaturesAndRecovery() throws {
        let alice = try KeyPair(uri: "//Alice", scheme: .ecdsa)
        let signature = alice.sign(Self.message)
        #expect(signature.hex == "ee0d084cfb447d72aa044d746a7fa8250812c3089d083ef7d4f257804188247d0e4b717d26cfc34e50246ce6a12d2449773745af2e924536fb6957e70665894e00")
        #expect(alice.sign(Array("Substrate keys test vector 5".utf8)).hex
            == "98cd0052f6bcfb10e924b15778d05575da0fd50136bcce622e7d49c9dc4671cf371e9a8f597a4d9e36b1f8103707227c15ae01bd31e11da23fddfe55c986fde501")
        #expect(KeyPair.verify(signature: signature, message: Self.message, publicKey: alice.publicKey, scheme: .ecdsa))
        // The high-S twin recovers the same key: accepted, as Substrate does.
        let highS = [UInt8](hex: "ee0d084cfb447d72aa044d746a7fa8250812c3089d083ef7d4f257804188247df1b48e82d9303cb1afdb93195ed2dbb54377973780b65b04c46906a5c9d0b7f301")!
        #expect(Ecdsa.verify(signature: highS, message: Self.message, publicKey: alice.publicKey))
        var ethereumStyle = signature
        ethereumStyle[64] += 27
        #expect(Ecdsa.recover(signature: ethereumStyle, digest: blake2_256(Self.message)) == alice.publicKey)
        #expect(!Ecdsa.verify(signature: signature, message: Self.message + [0], publicKey: alice.publicKey))
        #expect(Ecdsa.recover(signature: [UInt8](repeating: 0xff, count: 65), digest: blake2_256(Self.message)) == nil)
        #expect(throws: KeyError.invalidSecretKey) { try Ecdsa.KeyPair(seed: [UInt8](repeating: 0, count: 32)) }
    }

    @Test func ethereumAddress() throws {
        // secp256k1 secret 1 → the generator point, whose Ethereum address is well known.
        let one = [UInt8](repeating: 0, count: 31) + [1]
        #expect(try Ecdsa.KeyPair(seed: one).ethereumAddress.hex == "7e5f4552091a69125d5dfcb7b8c2659029395bdf")
    }

    /// sr25519 public keys and addresses agree with substrate-interface's `Keypair.create_from_uri`
    /// (it derives only sr25519 paths).
    @Test func crossCheckWithSubstrateInterface() throws {
        let uris = ["//Alice", "//Bob", "//Charlie//stash", "//Alice/0", "//Alice/foo//bar", "//1//2/3",
                    "actress warm absent crunch limit source marriage grunt enough program short muffin//hard/soft",
                    "actress warm absent crunch limit source marriage grunt enough program short muffin//polkadot//0"]
        let script = """
            import sys, json
            from substrateinterface import Keypair
            out = []
            for uri in json.load(sys.stdin):
                sr = Keypair.create_from_uri(uri, ss58_format=30)
                out.append([sr.public_key.hex(), sr.ss58_address])
            print(json.dumps(out))
            """
        let expected = try PythonReference.json(script, input: uris, as: [[String]].self)
        for (uri, row) in zip(uris, expected) {
            let sr = try KeyPair(uri: uri, scheme: .sr25519)
            #expect(sr.publicKey.hex == row[0], "sr25519 \(uri)")
            #expect(sr.accountId.ss58() == row[1])
        }
    }

    /// Ed25519 public keys and signatures agree with PyNaCl (libsodium's Python binding) for random seeds.
    @Test func crossCheckEd25519WithPyNaCl() throws {
        let pairs = try (0..<10).map { _ in try Ed25519.KeyPair(seed: SystemRandom.bytes(32)) }
        let script = """
            import sys, json
            from nacl.signing import SigningKey
            out = []
            for seed, msg in json.load(sys.stdin):
                k = SigningKey(bytes.fromhex(seed))
                out.append([k.verify_key.encode().hex(), k.sign(bytes.fromhex(msg)).signature.hex()])
            print(json.dumps(out))
            """
        let expected = try PythonReference.json(script, input: pairs.map { [$0.seed.hex, Self.message.hex] }, as: [[String]].self)
        for (pair, row) in zip(pairs, expected) {
            #expect(pair.publicKey.hex == row[0])
            #expect(pair.sign(Self.message).hex == row[1])
        }
    }

    /// ECDSA public keys and signatures agree with coincurve (libsecp256k1's Python binding) for random seeds.
    @Test func crossCheckEcdsaWithCoincurve() throws {
        let pairs = try (0..<10).map { _ in try Ecdsa.KeyPair(seed: SystemRandom.bytes(32)) }
        let script = """
            import sys, json, hashlib
            from coincurve import PrivateKey
            out = []
            for seed, msg in json.load(sys.stdin):
                k = PrivateKey(bytes.fromhex(seed))
                h = hashlib.blake2b(bytes.fromhex(msg), digest_size=32).digest()
                out.append([k.public_key.format(compressed=True).hex(), k.sign_recoverable(h, hasher=None).hex()])
            print(json.dumps(out))
            """
        let expected = try PythonReference.json(script, input: pairs.map { [$0.seed.hex, Self.message.hex] }, as: [[String]].self)
        for (pair, row) in zip(pairs, expected) {
            #expect(pair.publicKey.hex == row[0])
            #expect(pair.sign(Self.message).hex == row[1])
        }
    }
}
