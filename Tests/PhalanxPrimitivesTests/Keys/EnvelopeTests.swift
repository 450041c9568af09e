import PhalanxPrimitives
import Testing

/// Phala's KDF (keys-and-signatures.md §9.8 vector) and the v1 confidential envelope.
@Suite struct EnvelopeTests {
    static let alice: Sr25519.KeyPair = {
        guard case .sr25519(let pair) = try! KeyPair(uri: "//Alice").material else { fatalError("sr25519") }
        return pair
    }()
    static let bob: Sr25519.KeyPair = {
        guard case .sr25519(let pair) = try! KeyPair(uri: "//Bob").material else { fatalError("sr25519") }
        return pair
    }()

    @Test func phalaKDFMatchesTheReferenceVector() {
        #expect(PhalaKDF.deriveMiniSecret(Self.alice, info: [Array("test".utf8)]).hex
            == "e527c1f03e6d32c33b22a5cd9d2a762603bb376f0d69fb7e22ed78f8801ad537")
        #expect(PhalaKDF.derive(Self.alice, info: [Array("te".utf8), Array("st".utf8)]).publicKey.hex
            == "d6a6caf0a98d28fbbc40875bec737781d856c2b05dba896a35a9ca0febbc595a")
        let cluster = PhalaKDF.clusterKey(master: Self.alice, clusterId: [UInt8](repeating: 1, count: 32))
        #expect(cluster.publicKey != PhalaKDF.clusterKey(master: Self.alice, clusterId: [UInt8](repeating: 2, count: 32)).publicKey)
        #expect(PhalaKDF.contractKey(cluster: cluster, contractId: [UInt8](repeating: 3, count: 32)).publicKey.count == 32)
    }

    @Test func envelopeRoundTripsAndBindsPurposeTargetAndRecipient() throws {
        let plaintext = Array("flip the flipper".utf8)
        let target = [UInt8](repeating: 7, count: 32)
        let envelope = try Envelope.seal(plaintext, to: Self.bob.publicKey, purpose: "phalanx/command", target: target)
        let decoded = try Envelope.decode(scale: envelope.scaleEncoded)
        #expect(decoded == envelope)
        #expect(try decoded.open(with: Self.bob, purpose: "phalanx/command", target: target) == plaintext)
        #expect(!envelope.ciphertext.starts(with: plaintext))
        #expect(throws: Envelope.Failure.authenticationFailed) { try envelope.open(with: Self.alice, purpose: "phalanx/command", target: target) }
        #expect(throws: Envelope.Failure.authenticationFailed) { try envelope.open(with: Self.bob, purpose: "phalanx/query", target: target) }
        #expect(throws: Envelope.Failure.authenticationFailed) { try envelope.open(with: Self.bob, purpose: "phalanx/command", target: [UInt8](repeating: 8, count: 32)) }
        var tampered = envelope.scaleEncoded
        tampered[tampered.count - 1] ^= 1
        #expect(throws: Envelope.Failure.authenticationFailed) {
            try Envelope.decode(scale: tampered).open(with: Self.bob, purpose: "phalanx/command", target: target)
        }
        #expect(throws: Envelope.Failure.invalidPublicKey) {
            try Envelope.seal(plaintext, to: [UInt8](repeating: 0, count: 32), purpose: "p", target: [])
        }
    }

    @Test func sealingIsRandomizedUnlessSeeded() throws {
        let a = try Envelope.seal([1, 2, 3], to: Self.bob.publicKey, purpose: "p", target: [])
        let b = try Envelope.seal([1, 2, 3], to: Self.bob.publicKey, purpose: "p", target: [])
        #expect(a != b)
        let seed = [UInt8](repeating: 9, count: 32), iv = [UInt8](repeating: 4, count: 12)
        #expect(try Envelope.seal([1], to: Self.bob.publicKey, purpose: "p", target: [], ephemeralSeed: seed, iv: iv)
            == Envelope.seal([1], to: Self.bob.publicKey, purpose: "p", target: [], ephemeralSeed: seed, iv: iv))
    }
}
