import PhalanxPrimitives
import PhalanxRuntime

/// The worker's key hierarchy (ARCHITECTURE §5, phala.md §b): identity (sealed) → gatekeeper master key →
/// cluster key = KDF(master, "cluster_key" ‖ cluster_id) → contract key = KDF(cluster, "contract_key" ‖ contract_id).
/// ECDH keys are the sr25519 keys themselves, as in Phala.
enum KeyHierarchy {
    /// The cluster key for `cluster` under master key `master`.
    static func clusterKey(master: Sr25519.KeyPair, cluster: H256) -> Sr25519.KeyPair {
        PhalaKDF.clusterKey(master: master, clusterId: cluster.bytes)
    }

    /// The contract key of `contract` under cluster key `cluster`.
    static func contractKey(cluster: Sr25519.KeyPair, contract: H256) -> Sr25519.KeyPair {
        PhalaKDF.contractKey(cluster: cluster, contractId: contract.bytes)
    }

    /// A key pair from its 64-byte schnorrkel secret (how cluster keys travel, sealed).
    static func keyPair(secret bytes: [UInt8]) throws -> Sr25519.KeyPair {
        Sr25519.KeyPair(secret: try Sr25519.SecretKey(bytes: bytes))
    }
}

extension Envelope {
    /// Reassembles an envelope carried in Phala's `EncryptedData{iv, pubkey, data}` layout, where
    /// `data` = version byte ‖ AES-GCM ciphertext (how `Payload::Encrypted` commands carry v1 envelopes).
    init(iv: [UInt8], pubkey: [UInt8], data: [UInt8]) throws {
        guard let version = data.first, iv.count == 12, pubkey.count == 32 else {
            throw ScaleError.invalidValue(type: "EncryptedData", reason: "iv, pubkey or data has the wrong length")
        }
        var encoder = ScaleEncoder()
        encoder.encode(version)
        encoder.append(pubkey)
        encoder.append(iv)
        encoder.encode(Array(data.dropFirst()))
        self = try Envelope.decode(scale: encoder.bytes)
    }

    /// The `data` field of Phala's `EncryptedData` layout: version ‖ ciphertext.
    var encryptedDataField: [UInt8] { [version] + ciphertext }
}
