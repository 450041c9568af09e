/// The subset of STROBE v1.0.2 at security level 128 that Merlin uses (meta-AD, AD, PRF, KEY), spec §1.1.
///
/// A value type: copying it forks the protocol state, which is how the transcript RNG works (§1.3).
/// `pos`, `posBegin` and `curFlags` depend only on public lengths; the byte operations are branch-free in the data.
public struct Strobe128: Sendable {
    /// The STROBE rate in bytes (200 − 2·128/8 − 2).
    public static let rate = 166

    /// Flag bits of an operation (I, A, C, T, M, K).
    @usableFromInline static let flagA: UInt8 = 0x02, flagC: UInt8 = 0x04, flagM: UInt8 = 0x10, flagK: UInt8 = 0x20

    /// The Keccak-f[1600] sponge state.
    public private(set) var state = KeccakF1600()
    /// Position in the current block (< rate), where the next byte goes.
    @usableFromInline var pos = 0
    /// One past the start of the current operation in this block (0 if it began in an earlier block).
    @usableFromInline var posBegin = 0
    /// Flags of the current operation, so `more: true` can continue it.
    @usableFromInline var curFlags: UInt8 = 0

    /// STROBE Init: the fixed header block, one permutation, then `meta-AD(protocolLabel)`.
    public init(protocolLabel: [UInt8]) {
        state = Self.cachedInitialBlock
        metaAD(protocolLabel, more: false)
    }

    private static let cachedInitialBlock = initialBlockState()

    /// The state right after the init block, before the protocol label (the §9.2 self-test value).
    public static func initialBlockState() -> KeccakF1600 {
        var state = KeccakF1600()
        let header: [UInt8] = [1, UInt8(rate + 2), 1, 0, 1, 96] + Array("STROBEv1.0.2".utf8)
        state.withUnsafeMutableStateBytes { st in
            for (i, b) in header.enumerated() { st[i] = b }
        }
        state.permute()
        return state
    }

    /// meta-AD: absorb framing metadata (labels, lengths).
    public mutating func metaAD(_ data: [UInt8], more: Bool) {
        beginOp(Self.flagM | Self.flagA, more: more)
        absorb(data)
    }

    /// AD: absorb associated data (messages).
    public mutating func ad(_ data: [UInt8], more: Bool) {
        beginOp(Self.flagA, more: more)
        absorb(data)
    }

    /// PRF: squeeze `count` pseudorandom bytes (zeroing them in the state, for forward secrecy).
    public mutating func prf(count: Int, more: Bool) -> [UInt8] {
        beginOp(0x01 | Self.flagA | Self.flagC, more: more)
        return squeeze(count: count)
    }

    /// KEY: overwrite the state with secret key material.
    public mutating func key(_ data: [UInt8], more: Bool) {
        beginOp(Self.flagA | Self.flagC, more: more)
        overwrite(data)
    }

    // MARK: - Byte-level primitives

    /// run_F: pad with the operation start and the domain bits, permute, start a new block.
    @inline(__always)
    mutating func runF() {
        state.withUnsafeMutableStateBytes { st in
            st[pos] ^= UInt8(truncatingIfNeeded: posBegin)
            st[pos + 1] ^= 0x04
            st[Self.rate + 1] ^= 0x80
            KeccakF1600.permute(st.baseAddress!.assumingMemoryBound(to: UInt64.self))
        }
        pos = 0
        posBegin = 0
    }

    /// XORs `data` into the state, permuting at each full block.
    @inline(__always)
    mutating func absorb(_ data: [UInt8]) {
        data.withUnsafeBufferPointer { input in absorb(input) }
    }

    /// XORs `input` into the state, a block-sized run at a time.
    @inline(__always)
    mutating func absorb(_ input: UnsafeBufferPointer<UInt8>) {
        var i = 0
        while i < input.count {
            let n = min(Self.rate - pos, input.count - i)
            state.withUnsafeMutableStateBytes { st in
                for j in 0..<n { st[pos + j] ^= input[i + j] }
            }
            pos += n
            i += n
            if pos == Self.rate { runF() }
        }
    }

    /// XORs one byte (operation headers).
    @inline(__always)
    mutating func absorbByte(_ byte: UInt8) {
        state.withUnsafeMutableStateBytes { st in st[pos] ^= byte }
        pos += 1
        if pos == Self.rate { runF() }
    }

    /// Overwrites state bytes with `data` (KEY), branch-free in the data.
    @inline(__always)
    mutating func overwrite(_ data: [UInt8]) {
        var i = 0
        while i < data.count {
            let n = min(Self.rate - pos, data.count - i)
            state.withUnsafeMutableStateBytes { st in
                for j in 0..<n { st[pos + j] = data[i + j] }
            }
            pos += n
            i += n
            if pos == Self.rate { runF() }
        }
    }

    /// Reads and zeroes `count` state bytes (PRF), branch-free in the data.
    @inline(__always)
    mutating func squeeze(count: Int) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: count)
        var i = 0
        while i < count {
            let n = min(Self.rate - pos, count - i)
            state.withUnsafeMutableStateBytes { st in
                for j in 0..<n {
                    out[i + j] = st[pos + j]
                    st[pos + j] = 0
                }
            }
            pos += n
            i += n
            if pos == Self.rate { runF() }
        }
        return out
    }

    /// Starts an operation (writes the `posBegin, flags` header) or continues the current one.
    @inline(__always)
    mutating func beginOp(_ flags: UInt8, more: Bool) {
        if more {
            precondition(flags == curFlags, "STROBE: continued operation with different flags")
            return
        }
        let old = posBegin
        posBegin = pos + 1
        curFlags = flags
        absorbByte(UInt8(truncatingIfNeeded: old))
        absorbByte(flags)
        if flags & (Self.flagC | Self.flagK) != 0 && pos != 0 { runF() }
    }
}
