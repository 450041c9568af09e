import CSodium

/// sr25519: Schnorr signatures over ristretto255 with Merlin transcripts, byte-compatible with schnorrkel 0.11
/// as Substrate uses it (signing context `substrate`, Ed25519-mode key expansion, spec §2, §3.4–3.5, §8).
public enum Sr25519 {
    /// Substrate's signing context (`SIGNING_CTX`).
    public static let substrateContext: [UInt8] = Array("substrate".utf8)

    /// A schnorrkel secret key: a canonical scalar `x` and a 32-byte nonce seed for signing witnesses.
    public struct SecretKey: Sendable {
        /// The secret scalar x, 32 bytes little-endian, always < l.
        public let scalar: [UInt8]
        /// The nonce seed mixed into every signing witness (not a per-signature nonce).
        public let nonce: [UInt8]

        /// Expands a 32-byte mini secret the way Substrate does (schnorrkel `ExpansionMode::Ed25519`, §2.2).
        ///
        /// - Precondition: `miniSecret.count == 32`.
        public init(miniSecret: [UInt8]) {
            precondition(miniSecret.count == 32, "sr25519 mini secret must be 32 bytes")
            Sodium.ensureInitialized()
            var h = [UInt8](repeating: 0, count: 64)
            crypto_hash_sha512(&h, miniSecret, 32)
            h[0] &= 0xF8
            h[31] &= 0x3F
            h[31] |= 0x40
            // Divide the clamped value by the cofactor 8; the low three bits are zero so this is exact,
            // and the result lies in [2^251, 2^252) < l, so it is canonical without reduction.
            scalar = Sr25519.shiftRight3(Array(h[0..<32]))
            nonce = Array(h[32..<64])
            Sr25519.wipe(&h)
        }

        /// Parses the 64-byte schnorrkel `to_bytes` form (scalar ‖ nonce); rejects a non-canonical scalar.
        public init(bytes: [UInt8]) throws(Sr25519Error) {
            guard bytes.count == 64 else { throw .invalidSecretKeyLength(bytes.count) }
            let x = Array(bytes[0..<32])
            guard Ristretto255.isCanonicalScalar(x) else { throw .nonCanonicalScalar }
            scalar = x
            nonce = Array(bytes[32..<64])
        }

        /// Parses the 64-byte "ed25519 form" (8·x ‖ nonce, polkadot-js exports); the scalar ÷ 8 must be canonical.
        public init(ed25519Bytes bytes: [UInt8]) throws(Sr25519Error) {
            guard bytes.count == 64 else { throw .invalidSecretKeyLength(bytes.count) }
            let x = Sr25519.shiftRight3(Array(bytes[0..<32]))
            guard Ristretto255.isCanonicalScalar(x) else { throw .nonCanonicalScalar }
            scalar = x
            nonce = Array(bytes[32..<64])
        }

        /// Builds a key from its parts; the scalar must already be canonical.
        init(scalar: [UInt8], nonce: [UInt8]) {
            self.scalar = scalar
            self.nonce = nonce
        }

        /// The 64-byte schnorrkel `to_bytes` form (scalar ‖ nonce): Substrate `to_raw_vec`, py-sr25519-bindings, Phala.
        public var bytes: [UInt8] { scalar + nonce }

        /// The 64-byte "ed25519 form" (8·x as a plain 256-bit shift, ‖ nonce) that polkadot-js uses.
        public var ed25519Bytes: [UInt8] { Sr25519.shiftLeft3(scalar) + nonce }

        /// The public key x·B.
        public var publicKey: [UInt8] { Ristretto255.scalarMultBase(scalar) }
    }

    /// A secret key with its public key (the 32-byte compressed point x·B, which is also the AccountId32).
    public struct KeyPair: Sendable {
        /// The secret half.
        public let secret: SecretKey
        /// The public key, 32 bytes.
        public let publicKey: [UInt8]

        /// Expands a 32-byte mini secret ("seed") as Substrate does.
        ///
        /// - Precondition: `miniSecret.count == 32`.
        public init(miniSecret: [UInt8]) {
            self.init(secret: SecretKey(miniSecret: miniSecret))
        }

        /// Completes a secret key with its public key.
        public init(secret: SecretKey) {
            self.secret = secret
            publicKey = secret.publicKey
        }

        /// The 96-byte keypair encoding: schnorrkel `to_bytes` secret (64) ‖ public (32).
        public var bytes: [UInt8] { secret.bytes + publicKey }

        /// Signs `message` under `context` (§2.3–2.4): 64 bytes R ‖ s with the schnorrkel marker bit set.
        ///
        /// Signatures are hedged: the witness mixes the transcript, the key's nonce seed and 32 random bytes.
        /// `randomness` injects those 32 bytes (tests only); when nil they come from libsodium's `randombytes_buf`.
        public func sign(
            _ message: [UInt8], context: [UInt8] = Sr25519.substrateContext, randomness: [UInt8]? = nil
        ) -> [UInt8] {
            var t = Sr25519.signingTranscript(context: context, message: message)
            t.appendMessage(label: Label.protoName, message: Label.schnorrSig)
            t.appendMessage(label: Label.signPK, message: publicKey)
            var external = randomness ?? Sr25519.osRandom(32)
            precondition(external.count == 32, "sr25519 signing randomness must be 32 bytes")
            var wide = t.witnessBytes(label: Label.signing, nonceSeeds: [secret.nonce], randomness: external, count: 64)
            var r = Ristretto255.scalarReduce(wide)
            let bigR = Ristretto255.scalarMultBase(r)
            t.appendMessage(label: Label.signR, message: bigR)
            let k = Ristretto255.scalarReduce(t.challengeBytes(label: Label.signC, count: 64))
            var s = Ristretto255.scalarAdd(Ristretto255.scalarMul(k, secret.scalar), r)
            s[31] |= 0x80  // s < l < 2^253, so bit 255 is free for the schnorrkel ≥ 0.8 marker.
            let signature = bigR + s
            Sr25519.wipe(&wide)
            Sr25519.wipe(&r)
            Sr25519.wipe(&external)
            return signature
        }

        /// The mini secret of the hard child at `chainCode` (subkey's "Secret seed" for `//junction`, §3.4).
        ///
        /// - Precondition: `chainCode.count == 32`.
        public func deriveHardMiniSecret(chainCode: [UInt8]) -> [UInt8] {
            precondition(chainCode.count == 32, "sr25519 chain code must be 32 bytes")
            var t = Sr25519.hdkdTranscript(chainCode: chainCode)
            t.appendMessage(label: Label.secretKey, message: secret.scalar)
            // schnorrkel also draws "HDKD-chaincode" afterwards; Substrate discards it, so it is not computed.
            return t.challengeBytes(label: Label.hdkdHard, count: 32)
        }

        /// Hard derivation (`//junction`): keyed by the secret scalar, then a fresh Ed25519-mode expansion.
        ///
        /// - Precondition: `chainCode.count == 32`.
        public func deriveHard(chainCode: [UInt8]) -> KeyPair {
            var mini = deriveHardMiniSecret(chainCode: chainCode)
            defer { Sr25519.wipe(&mini) }
            return KeyPair(miniSecret: mini)
        }

        /// Soft derivation (`/junction`): x' = x + δ, A' = A + δ·B; the new nonce comes from the transcript RNG,
        /// so it is random unless `randomness` (32 bytes, tests only) is injected.
        ///
        /// - Precondition: `chainCode.count == 32`.
        public func deriveSoft(chainCode: [UInt8], randomness: [UInt8]? = nil) -> KeyPair {
            precondition(chainCode.count == 32, "sr25519 chain code must be 32 bytes")
            var t = Sr25519.hdkdTranscript(chainCode: chainCode)
            let delta = Sr25519.softScalar(&t, publicKey: publicKey)
            let x = Ristretto255.scalarAdd(secret.scalar, delta)
            var external = randomness ?? Sr25519.osRandom(32)
            precondition(external.count == 32, "sr25519 derivation randomness must be 32 bytes")
            var toBytes = secret.bytes
            let nonce = t.witnessBytes(
                label: Label.hdkdNonce, nonceSeeds: [secret.nonce, toBytes], randomness: external, count: 32)
            Sr25519.wipe(&toBytes)
            Sr25519.wipe(&external)
            return KeyPair(secret: SecretKey(scalar: x, nonce: nonce))
        }

        /// Phala's ECDH (§8): compress(x·P) for the peer's public key P, used directly as a 32-byte shared key.
        ///
        /// Throws for a malformed peer key and for the identity, where the "shared" key would be all zero.
        public func agree(with peerPublicKey: [UInt8]) throws(Sr25519Error) -> [UInt8] {
            guard peerPublicKey.count == 32 else { throw .invalidPublicKeyLength(peerPublicKey.count) }
            guard peerPublicKey != Ristretto255.identity else { throw .identityPublicKey }
            guard let shared = Ristretto255.scalarMult(secret.scalar, peerPublicKey) else { throw .invalidPublicKey }
            return shared
        }
    }

    /// Verifies an sr25519 signature as Substrate's `sr25519_verify` (v2) does (§2.5), with one deliberate difference.
    ///
    /// Rejects the identity (all-zero) public key, which schnorrkel accepts: for it, `s = r` with `R = r·B` verifies for
    /// any message, so anyone could forge (§2.6, §9.9). No honest key is the identity (its secret scalar would be 0).
    /// Never traps: wrong lengths, a missing marker bit, a non-canonical `s` or an invalid point all return false.
    public static func verify(
        signature: [UInt8], message: [UInt8], publicKey: [UInt8], context: [UInt8] = substrateContext
    ) -> Bool {
        guard signature.count == 64, publicKey.count == 32 else { return false }
        guard signature[63] & 0x80 != 0 else { return false }  // not marked as a schnorrkel ≥ 0.8 signature
        var s = Array(signature[32..<64])
        s[31] &= 0x7F
        guard Ristretto255.isCanonicalScalar(s) else { return false }
        guard publicKey.contains(where: { $0 != 0 }) else { return false }  // identity key: see doc comment
        let bigR = Array(signature[0..<32])

        var t = signingTranscript(context: context, message: message)
        t.appendMessage(label: Label.protoName, message: Label.schnorrSig)
        t.appendMessage(label: Label.signPK, message: publicKey)
        t.appendMessage(label: Label.signR, message: bigR)
        let k = Ristretto255.scalarReduce(t.challengeBytes(label: Label.signC, count: 64))

        Sodium.ensureInitialized()
        var kA = [UInt8](repeating: 0, count: 32)
        if crypto_scalarmult_ristretto255(&kA, k, publicKey) != 0 {
            // Either A is not a valid encoding, or k·A is the identity (k ≡ 0, probability ~2^-252).
            guard Ristretto255.isValidPoint(publicKey) else { return false }
            kA = Ristretto255.identity
        }
        let sB = Ristretto255.scalarMultBase(s)
        guard let expected = Ristretto255.sub(sB, kA) else { return false }
        return expected == bigR
    }

    /// Soft-derives a child public key from a public key alone (`/junction`, §3.5 steps 1–7).
    public static func deriveSoftPublic(_ publicKey: [UInt8], chainCode: [UInt8]) throws(Sr25519Error) -> [UInt8] {
        guard publicKey.count == 32 else { throw .invalidPublicKeyLength(publicKey.count) }
        guard chainCode.count == 32 else { throw .invalidChainCodeLength(chainCode.count) }
        guard Ristretto255.isValidPoint(publicKey) else { throw .invalidPublicKey }
        var t = hdkdTranscript(chainCode: chainCode)
        let delta = softScalar(&t, publicKey: publicKey)
        guard let child = Ristretto255.add(publicKey, Ristretto255.scalarMultBase(delta)) else {
            throw .invalidPublicKey
        }
        return child
    }

    // MARK: - Internals

    /// Transcript labels, allocated once.
    enum Label {
        static let protoName = Array("proto-name".utf8)
        static let schnorrSig = Array("Schnorr-sig".utf8)
        static let signPK = Array("sign:pk".utf8)
        static let signR = Array("sign:R".utf8)
        static let signC = Array("sign:c".utf8)
        static let signing = Array("signing".utf8)
        static let signBytes = Array("sign-bytes".utf8)
        static let chainCode = Array("chain-code".utf8)
        static let secretKey = Array("secret-key".utf8)
        static let publicKey = Array("public-key".utf8)
        static let hdkdHard = Array("HDKD-hard".utf8)
        static let hdkdScalar = Array("HDKD-scalar".utf8)
        static let hdkdChainCode = Array("HDKD-chaincode".utf8)
        static let hdkdNonce = Array("HDKD-nonce".utf8)
    }

    /// `SigningContext` transcript with the `substrate` context already appended, computed once (saves permutations).
    private static let substrateContextTranscript: MerlinTranscript = contextTranscript(substrateContext)

    /// `HDKD` transcript prefix (label and empty `sign-bytes`), computed once.
    private static let hdkdPrefix: MerlinTranscript = {
        var t = MerlinTranscript(label: Array("SchnorrRistrettoHDKD".utf8))
        t.appendMessage(label: Label.signBytes, message: [])
        return t
    }()

    private static func contextTranscript(_ context: [UInt8]) -> MerlinTranscript {
        var t = MerlinTranscript(label: Array("SigningContext".utf8))
        t.appendMessage(label: [], message: context)
        return t
    }

    /// schnorrkel `signing_context(context).bytes(message)` (§2.3).
    static func signingTranscript(context: [UInt8], message: [UInt8]) -> MerlinTranscript {
        var t = context == substrateContext ? substrateContextTranscript : contextTranscript(context)
        t.appendMessage(label: Label.signBytes, message: message)
        return t
    }

    /// The HDKD transcript with `chainCode` appended (§3.4–3.5 steps 1–3).
    static func hdkdTranscript(chainCode: [UInt8]) -> MerlinTranscript {
        var t = hdkdPrefix
        t.appendMessage(label: Label.chainCode, message: chainCode)
        return t
    }

    /// δ of a soft derivation; leaves `t` where the nonce RNG forks from (after `HDKD-chaincode`).
    static func softScalar(_ t: inout MerlinTranscript, publicKey: [UInt8]) -> [UInt8] {
        t.appendMessage(label: Label.publicKey, message: publicKey)
        let delta = Ristretto255.scalarReduce(t.challengeBytes(label: Label.hdkdScalar, count: 64))
        _ = t.challengeBytes(label: Label.hdkdChainCode, count: 32)
        return delta
    }

    /// The 256-bit little-endian value divided by 8 (schnorrkel `divide_scalar_bytes_by_cofactor`); branch-free.
    static func shiftRight3(_ k: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        for i in 0..<31 { out[i] = (k[i] >> 3) | (k[i + 1] << 5) }
        out[31] = k[31] >> 3
        return out
    }

    /// The 256-bit little-endian value times 8, unreduced (schnorrkel `multiply_scalar_bytes_by_cofactor`).
    static func shiftLeft3(_ x: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        out[0] = x[0] << 3
        for i in 1..<32 { out[i] = (x[i] << 3) | (x[i - 1] >> 5) }
        return out
    }

    /// Fresh bytes from libsodium's CSPRNG (`randombytes_buf`), for signing and soft-derivation hedging.
    static func osRandom(_ count: Int) -> [UInt8] {
        Sodium.ensureInitialized()
        var out = [UInt8](repeating: 0, count: count)
        randombytes_buf(&out, count)
        return out
    }

    /// Zeroes a secret copy through libsodium so the store is not optimised away.
    static func wipe(_ bytes: inout [UInt8]) {
        bytes.withUnsafeMutableBytes { sodium_memzero($0.baseAddress, $0.count) }
    }
}

extension Sr25519.SecretKey: CustomStringConvertible, CustomDebugStringConvertible {
    /// Redacted, so logging a key or a key pair never prints secret material.
    public var description: String { "Sr25519.SecretKey(<redacted>)" }
    /// Redacted, as `description`.
    public var debugDescription: String { description }
}

/// Errors from sr25519 key parsing, derivation and key agreement; `code` is stable for logs and RPC errors.
public enum Sr25519Error: Error, Equatable, Sendable, CustomStringConvertible {
    /// A secret key was not 64 bytes.
    case invalidSecretKeyLength(Int)
    /// A secret scalar was not below the group order l.
    case nonCanonicalScalar
    /// A public key was not 32 bytes.
    case invalidPublicKeyLength(Int)
    /// A public key is not a canonical ristretto255 encoding.
    case invalidPublicKey
    /// A peer public key is the identity element, which would give an all-zero shared secret.
    case identityPublicKey
    /// A chain code was not 32 bytes.
    case invalidChainCodeLength(Int)

    /// A stable machine-readable code for the case.
    public var code: String {
        switch self {
        case .invalidSecretKeyLength: "sr25519.secret-key-length"
        case .nonCanonicalScalar: "sr25519.non-canonical-scalar"
        case .invalidPublicKeyLength: "sr25519.public-key-length"
        case .invalidPublicKey: "sr25519.invalid-public-key"
        case .identityPublicKey: "sr25519.identity-public-key"
        case .invalidChainCodeLength: "sr25519.chain-code-length"
        }
    }

    /// One sentence for humans.
    public var description: String {
        switch self {
        case .invalidSecretKeyLength(let n): "An sr25519 secret key must be 64 bytes, not \(n)."
        case .nonCanonicalScalar: "The sr25519 secret scalar is not canonical (it is not below the group order)."
        case .invalidPublicKeyLength(let n): "An sr25519 public key must be 32 bytes, not \(n)."
        case .invalidPublicKey: "The sr25519 public key is not a valid ristretto255 point encoding."
        case .identityPublicKey: "The sr25519 public key is the identity point, which no honest key can be."
        case .invalidChainCodeLength(let n): "An sr25519 chain code must be 32 bytes, not \(n)."
        }
    }
}
