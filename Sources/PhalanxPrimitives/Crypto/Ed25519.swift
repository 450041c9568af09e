import CSodium

/// Ed25519 (RFC 8032) as Substrate uses it: raw-message signatures, 32-byte seeds, hard derivation only.
///
/// Verification uses libsodium, which is stricter than Substrate's ed25519-zebra (ZIP-215):
/// it rejects small-order and non-canonical public keys and `R` values and uses the cofactorless
/// equation. Every signature a real signer produces passes both; only crafted ones differ.
public enum Ed25519 {
    /// Length of a seed, a public key.
    public static let seedLength = 32, publicKeyLength = 32, signatureLength = 64

    /// An Ed25519 key pair made from a 32-byte seed.
    public struct KeyPair: Sendable {
        /// The 32-byte seed (Substrate's "secret seed").
        public let seed: [UInt8]
        /// The 32-byte public key, which is also the AccountId32.
        public let publicKey: [UInt8]
        private let secretKey: [UInt8]  // libsodium's 64-byte seed ‖ public form

        /// Expands a 32-byte seed; throws `KeyError.invalidSeedLength` otherwise.
        public init(seed: [UInt8]) throws {
            guard seed.count == Ed25519.seedLength else {
                throw KeyError.invalidSeedLength(expected: Ed25519.seedLength, actual: seed.count)
            }
            Sodium.ensureInitialized()
            var pk = [UInt8](repeating: 0, count: 32)
            var sk = [UInt8](repeating: 0, count: 64)
            crypto_sign_seed_keypair(&pk, &sk, seed)
            self.seed = seed
            self.publicKey = pk
            self.secretKey = sk
        }

        /// Signs `message` deterministically (no prehash, no context), as Substrate does.
        public func sign(_ message: [UInt8]) -> [UInt8] {
            var signature = [UInt8](repeating: 0, count: 64)
            crypto_sign_detached(&signature, nil, message, UInt64(message.count), secretKey)
            return signature
        }

        /// Substrate's hard junction: seed' = blake2_256(SCALE(("Ed25519HDKD", seed, chainCode))).
        public func deriveHard(chainCode: [UInt8]) throws -> KeyPair {
            try KeyPair(seed: blake2_256([0x2c] + Array("Ed25519HDKD".utf8) + seed + chainCode))
        }
    }

    /// Verifies an Ed25519 signature; malformed lengths are simply invalid.
    public static func verify(signature: [UInt8], message: [UInt8], publicKey: [UInt8]) -> Bool {
        guard signature.count == signatureLength, publicKey.count == publicKeyLength else { return false }
        Sodium.ensureInitialized()
        return crypto_sign_verify_detached(signature, message, UInt64(message.count), publicKey) == 0
    }
}
