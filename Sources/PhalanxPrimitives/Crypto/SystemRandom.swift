import CSodium

/// The operating system's CSPRNG (libsodium `randombytes_buf`). Never used by the runtime,
/// which must be deterministic; only for key generation, signing nonces and envelopes.
public enum SystemRandom {
    /// Fills `buffer` with random bytes.
    public static func fill(_ buffer: inout [UInt8]) {
        Sodium.ensureInitialized()
        buffer.withUnsafeMutableBytes { randombytes_buf($0.baseAddress!, $0.count) }
    }

    /// Returns `count` random bytes.
    public static func bytes(_ count: Int) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: count)
        fill(&out)
        return out
    }
}
