import PhalanxPrimitives

/// Block sealing for the dev/local authority (Aura-style digests, so tools decode them):
/// a `PreRuntime("aura", slot)` item before execution, and a `Seal("aura", sr25519 signature)`
/// over the hash of the header without the seal.
public enum BlockSeal {
    /// The consensus engine id.
    public static let engine: [UInt8] = Array("aura".utf8)

    /// The pre-runtime digest for `slot`.
    public static func preRuntime(slot: UInt64) -> DigestItem { .preRuntime(engine: engine, data: slot.scaleEncoded) }

    /// Adds the seal to a header produced by `authority`.
    public static func seal(_ header: Header, authority: KeyPair) -> Header {
        var sealed = header
        sealed.digest.logs.append(.seal(engine: engine, data: authority.sign(header.hash.bytes)))
        return sealed
    }

    /// Checks that the last digest item is a seal by `authority` over the rest of the header.
    public static func verify(_ header: Header, authority: [UInt8]) -> Bool {
        guard case .seal(let sealEngine, let signature)? = header.digest.logs.last, sealEngine == engine else { return false }
        var unsealed = header
        unsealed.digest.logs.removeLast()
        return Sr25519.verify(signature: signature, message: unsealed.hash.bytes, publicKey: authority)
    }
}
