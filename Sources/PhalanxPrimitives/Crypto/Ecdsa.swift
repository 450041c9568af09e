import CSecp256k1

/// ECDSA over secp256k1 as Substrate uses it (libsecp256k1): recoverable 65-byte signatures
/// r ‖ s ‖ v (v ∈ 0…3) over blake2_256(message), compressed 33-byte public keys,
/// AccountId32 = blake2_256(compressed public key). Verification is by recovery and accepts
/// high-S signatures, exactly as Substrate (libsecp256k1 recovery does not enforce low-S).
public enum Ecdsa {
    /// Lengths of a secret key, a compressed public key and a recoverable signature.
    public static let secretKeyLength = 32, publicKeyLength = 33, signatureLength = 65

    /// One process-wide context; libsecp256k1 contexts are safe for concurrent read-only use.
    nonisolated(unsafe) private static let context: OpaquePointer = {
        let flags = UInt32(SECP256K1_CONTEXT_SIGN | SECP256K1_CONTEXT_VERIFY)
        guard let ctx = secp256k1_context_create(flags) else { fatalError("secp256k1_context_create failed") }
        var seed = [UInt8](repeating: 0, count: 32)
        SystemRandom.fill(&seed)
        _ = secp256k1_context_randomize(ctx, seed)  // side-channel blinding for signing
        return ctx
    }()

    /// A secp256k1 key pair.
    public struct KeyPair: Sendable {
        /// The 32-byte big-endian secret key (Substrate's seed).
        public let seed: [UInt8]
        /// The 33-byte compressed public key.
        public let publicKey: [UInt8]

        /// Builds a key pair from a 32-byte secret in [1, n-1].
        public init(seed: [UInt8]) throws {
            guard seed.count == Ecdsa.secretKeyLength else {
                throw KeyError.invalidSeedLength(expected: Ecdsa.secretKeyLength, actual: seed.count)
            }
            guard secp256k1_ec_seckey_verify(Ecdsa.context, seed) == 1 else { throw KeyError.invalidSecretKey }
            var pubkey = secp256k1_pubkey()
            guard secp256k1_ec_pubkey_create(Ecdsa.context, &pubkey, seed) == 1 else { throw KeyError.invalidSecretKey }
            self.seed = seed
            self.publicKey = Ecdsa.serialize(pubkey, compressed: true)
        }

        /// Signs blake2_256(message), as Substrate's `ecdsa::Pair::sign`.
        public func sign(_ message: [UInt8]) -> [UInt8] { signPrehashed(blake2_256(message)) }

        /// Signs a 32-byte digest deterministically (RFC 6979, low-S): r ‖ s ‖ v.
        public func signPrehashed(_ digest: [UInt8]) -> [UInt8] {
            precondition(digest.count == 32, "ECDSA digests are 32 bytes")
            var signature = secp256k1_ecdsa_recoverable_signature()
            let ok = secp256k1_ecdsa_sign_recoverable(Ecdsa.context, &signature, digest, seed, nil, nil)
            precondition(ok == 1, "signing with a verified secret key cannot fail")
            var compact = [UInt8](repeating: 0, count: 64)
            var recoveryId: Int32 = 0
            secp256k1_ecdsa_recoverable_signature_serialize_compact(Ecdsa.context, &compact, &recoveryId, &signature)
            return compact + [UInt8(recoveryId)]
        }

        /// Substrate's hard junction: seed' = blake2_256(SCALE(("Secp256k1HDKD", seed, chainCode))).
        public func deriveHard(chainCode: [UInt8]) throws -> KeyPair {
            try KeyPair(seed: blake2_256([0x34] + Array("Secp256k1HDKD".utf8) + seed + chainCode))
        }

        /// The 20-byte Ethereum address of this key.
        public var ethereumAddress: [UInt8] { (try? Ecdsa.ethereumAddress(publicKey: publicKey)) ?? [] }
    }

    /// Recovers the compressed public key from a 65-byte signature over a 32-byte digest.
    /// `v` may be 0…3 or 27…30 (Ethereum style, as Substrate's host function accepts); `nil` if invalid.
    public static func recover(signature: [UInt8], digest: [UInt8]) -> [UInt8]? {
        guard signature.count == signatureLength, digest.count == 32 else { return nil }
        var v = Int32(signature[64])
        if v > 26 { v -= 27 }
        guard (0...3).contains(v) else { return nil }
        var parsed = secp256k1_ecdsa_recoverable_signature()
        guard secp256k1_ecdsa_recoverable_signature_parse_compact(context, &parsed, Array(signature[0..<64]), v) == 1
        else { return nil }
        var pubkey = secp256k1_pubkey()
        guard secp256k1_ecdsa_recover(context, &pubkey, &parsed, digest) == 1 else { return nil }
        return serialize(pubkey, compressed: true)
    }

    /// Verifies by recovery over blake2_256(message): the recovered key must equal `publicKey` (33 bytes).
    public static func verify(signature: [UInt8], message: [UInt8], publicKey: [UInt8]) -> Bool {
        verifyPrehashed(signature: signature, digest: blake2_256(message), publicKey: publicKey)
    }

    /// Verifies by recovery over a given 32-byte digest.
    public static func verifyPrehashed(signature: [UInt8], digest: [UInt8], publicKey: [UInt8]) -> Bool {
        guard publicKey.count == publicKeyLength, let recovered = recover(signature: signature, digest: digest) else {
            return false
        }
        return recovered == publicKey
    }

    /// The 65-byte uncompressed form (0x04 ‖ X ‖ Y) of a compressed public key.
    public static func decompress(_ publicKey: [UInt8]) throws -> [UInt8] {
        var pubkey = secp256k1_pubkey()
        guard secp256k1_ec_pubkey_parse(context, &pubkey, publicKey, publicKey.count) == 1 else {
            throw KeyError.invalidPublicKey
        }
        return serialize(pubkey, compressed: false)
    }

    /// Ethereum address = keccak_256(uncompressed public key without 0x04)[12..].
    public static func ethereumAddress(publicKey: [UInt8]) throws -> [UInt8] {
        let uncompressed = try decompress(publicKey)
        return Array(keccak_256(Array(uncompressed[1...]))[12...])
    }

    private static func serialize(_ pubkey: secp256k1_pubkey, compressed: Bool) -> [UInt8] {
        var key = pubkey
        var length = compressed ? 33 : 65
        var out = [UInt8](repeating: 0, count: length)
        let flags = UInt32(compressed ? SECP256K1_EC_COMPRESSED : SECP256K1_EC_UNCOMPRESSED)
        secp256k1_ec_pubkey_serialize(context, &out, &length, &key, flags)
        return out
    }
}
