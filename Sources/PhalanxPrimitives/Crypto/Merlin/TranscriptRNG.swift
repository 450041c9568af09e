/// A forked transcript being keyed with secret witnesses, before the external randomness is mixed in (§1.3).
public struct TranscriptRNGBuilder: Sendable {
    /// The forked STROBE state.
    @usableFromInline var strobe: Strobe128

    /// Wraps a copy of a transcript's STROBE state; the transcript itself is untouched.
    public init(strobe: Strobe128) { self.strobe = strobe }

    /// rekey_with_witness_bytes: meta-AD(label ‖ LE32(len)), then KEY(witness).
    public mutating func rekey(label: [UInt8], witness: [UInt8]) {
        strobe.metaAD(label, more: false)
        strobe.metaAD(MerlinTranscript.le32(witness.count), more: true)
        strobe.key(witness, more: false)
    }

    /// Mixes in 32 external random bytes (meta-AD "rng", KEY) and returns the ready RNG.
    public consuming func finalize(randomness: [UInt8]) -> TranscriptRNG {
        precondition(randomness.count == 32, "transcript RNG takes 32 external random bytes")
        strobe.metaAD(Array("rng".utf8), more: false)
        strobe.key(randomness, more: false)
        return TranscriptRNG(strobe: strobe)
    }
}

/// Merlin's transcript RNG: pseudorandom bytes bound to the public transcript, secret witnesses and fresh randomness.
public struct TranscriptRNG: Sendable {
    /// The forked STROBE state.
    @usableFromInline var strobe: Strobe128

    /// Draws `count` bytes: meta-AD(LE32(count)), then PRF(count).
    public mutating func fillBytes(count: Int) -> [UInt8] {
        strobe.metaAD(MerlinTranscript.le32(count), more: false)
        return strobe.prf(count: count, more: false)
    }
}
