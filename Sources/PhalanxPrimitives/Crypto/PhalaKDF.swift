/// Phala's key derivation (`KDF::derive_sr25519_pair`): HKDF-SHA256 over a parent sr25519 secret,
/// giving the mini secret of a child key. Used for the key hierarchy: cluster key =
/// KDF(master, ["cluster_key", cluster_id]), contract key = KDF(cluster, ["contract_key", contract_id]).
public enum PhalaKDF {
    /// Phala's fixed HKDF salt (the "Phala PoC-4 genesis hash").
    public static let salt: [UInt8] = [UInt8](hex: "18e876adfa74cc743b4b7d7f92c96e03de559a3c15270581fce445963d90f85e")!

    /// The child key of `parent` for the `info` parts (concatenated, as Phala does).
    public static func derive(_ parent: Sr25519.KeyPair, info: [[UInt8]]) -> Sr25519.KeyPair {
        Sr25519.KeyPair(miniSecret: deriveMiniSecret(parent, info: info))
    }

    /// The 32-byte mini secret of the child key: HKDF-SHA256(salt, IKM = parent's 64-byte secret, info, L = 32).
    public static func deriveMiniSecret(_ parent: Sr25519.KeyPair, info: [[UInt8]]) -> [UInt8] {
        HKDFSHA256.derive(inputKey: parent.secret.bytes, salt: salt, info: info.flatMap { $0 }, length: 32)
    }

    /// The cluster key derived from the master key.
    public static func clusterKey(master: Sr25519.KeyPair, clusterId: [UInt8]) -> Sr25519.KeyPair {
        derive(master, info: [Array("cluster_key".utf8), clusterId])
    }

    /// The contract key derived from the cluster key.
    public static func contractKey(cluster: Sr25519.KeyPair, contractId: [UInt8]) -> Sr25519.KeyPair {
        derive(cluster, info: [Array("contract_key".utf8), contractId])
    }
}
