import Crypto

/// SHA-256 (swift-crypto): attestation, HKDF, `seal_hash_sha2_256`.
public func sha2_256(_ data: [UInt8]) -> [UInt8] { Array(SHA256.hash(data: data)) }
/// SHA-512 (swift-crypto): sr25519 key expansion and BIP39.
public func sha2_512(_ data: [UInt8]) -> [UInt8] { Array(SHA512.hash(data: data)) }
