/// A Merlin transcript (merlin 2.x/3.x, spec §1.2): a STROBE-128 duplex that absorbs labelled messages
/// and squeezes challenges, so every challenge is bound to everything appended before it.
///
/// A value type: assigning it forks the transcript (no allocation; the state is inline).
public struct MerlinTranscript: Sendable {
    /// The underlying STROBE state.
    public private(set) var strobe: Strobe128

    /// Merlin's fixed STROBE protocol label.
    private static let protocolStart = Strobe128(protocolLabel: Array("Merlin v1.0".utf8))

    /// Starts a transcript for the application domain `label` (appended as `dom-sep`).
    public init(label: [UInt8]) {
        strobe = Self.protocolStart
        appendMessage(label: Array("dom-sep".utf8), message: label)
    }

    /// Appends `message` under `label`: meta-AD(label ‖ LE32(len)), then AD(message).
    public mutating func appendMessage(label: [UInt8], message: [UInt8]) {
        strobe.metaAD(label, more: false)
        strobe.metaAD(Self.le32(message.count), more: true)
        strobe.ad(message, more: false)
    }

    /// Appends `value` as 8 little-endian bytes under `label`.
    public mutating func appendU64(label: [UInt8], _ value: UInt64) {
        appendMessage(label: label, message: withUnsafeBytes(of: value.littleEndian) { Array($0) })
    }

    /// Squeezes `count` challenge bytes bound to the transcript so far, under `label`.
    public mutating func challengeBytes(label: [UInt8], count: Int) -> [UInt8] {
        strobe.metaAD(label, more: false)
        strobe.metaAD(Self.le32(count), more: true)
        return strobe.prf(count: count, more: false)
    }

    /// Forks a witness RNG from this transcript without changing it (§1.3 build_rng).
    public func buildRNG() -> TranscriptRNGBuilder {
        TranscriptRNGBuilder(strobe: strobe)
    }

    /// Witness bytes: a PRF of the transcript, each secret `nonceSeeds` entry (under `label`) and 32 `randomness` bytes.
    ///
    /// Pass 32 bytes of fresh OS randomness in production; fixed bytes make it deterministic for tests.
    public func witnessBytes(label: [UInt8], nonceSeeds: [[UInt8]], randomness: [UInt8], count: Int) -> [UInt8] {
        var builder = buildRNG()
        for seed in nonceSeeds { builder.rekey(label: label, witness: seed) }
        var rng = builder.finalize(randomness: randomness)
        return rng.fillBytes(count: count)
    }

    /// LE32(n), Merlin's length framing.
    @inline(__always)
    static func le32(_ n: Int) -> [UInt8] {
        precondition(n >= 0 && n <= Int(UInt32.max), "Merlin lengths must fit in u32")
        let v = UInt32(n)
        return [UInt8(truncatingIfNeeded: v), UInt8(truncatingIfNeeded: v >> 8),
                UInt8(truncatingIfNeeded: v >> 16), UInt8(truncatingIfNeeded: v >> 24)]
    }
}
