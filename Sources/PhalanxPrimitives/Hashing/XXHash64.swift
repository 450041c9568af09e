/// xxHash64, the basis of Substrate's `twox` hashers (storage-key prefixes).
public enum XXHash64 {
    private static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let prime3: UInt64 = 0x1656_67B1_9E37_79F9
    private static let prime4: UInt64 = 0x85EB_CA77_C2B2_AE63
    private static let prime5: UInt64 = 0x27D4_EB2F_1656_67C5

    @inline(__always) private static func round(_ acc: UInt64, _ input: UInt64) -> UInt64 {
        let mixed = acc &+ input &* prime2
        return ((mixed << 31) | (mixed >> 33)) &* prime1
    }

    @inline(__always) private static func merge(_ acc: UInt64, _ value: UInt64) -> UInt64 {
        (acc ^ round(0, value)) &* prime1 &+ prime4
    }

    @inline(__always) private static func rotl(_ x: UInt64, _ r: UInt64) -> UInt64 { (x << r) | (x >> (64 - r)) }

    /// The 64-bit xxHash of `data` with `seed`.
    public static func hash(_ data: [UInt8], seed: UInt64) -> UInt64 {
        data.withUnsafeBytes { buffer in hash(buffer, seed: seed) }
    }

    /// The 64-bit xxHash of raw bytes with `seed`.
    public static func hash(_ buffer: UnsafeRawBufferPointer, seed: UInt64) -> UInt64 {
        let count = buffer.count
        var offset = 0
        @inline(__always) func read64(_ at: Int) -> UInt64 { UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: at, as: UInt64.self)) }
        @inline(__always) func read32(_ at: Int) -> UInt64 { UInt64(UInt32(littleEndian: buffer.loadUnaligned(fromByteOffset: at, as: UInt32.self))) }

        var acc: UInt64
        if count >= 32 {
            var v1 = seed &+ prime1 &+ prime2
            var v2 = seed &+ prime2
            var v3 = seed
            var v4 = seed &- prime1
            while offset + 32 <= count {
                v1 = round(v1, read64(offset))
                v2 = round(v2, read64(offset + 8))
                v3 = round(v3, read64(offset + 16))
                v4 = round(v4, read64(offset + 24))
                offset += 32
            }
            acc = rotl(v1, 1) &+ rotl(v2, 7) &+ rotl(v3, 12) &+ rotl(v4, 18)
            acc = merge(acc, v1)
            acc = merge(acc, v2)
            acc = merge(acc, v3)
            acc = merge(acc, v4)
        } else {
            acc = seed &+ prime5
        }
        acc &+= UInt64(count)
        while offset + 8 <= count {
            acc ^= round(0, read64(offset))
            acc = rotl(acc, 27) &* prime1 &+ prime4
            offset += 8
        }
        if offset + 4 <= count {
            acc ^= read32(offset) &* prime1
            acc = rotl(acc, 23) &* prime2 &+ prime3
            offset += 4
        }
        while offset < count {
            acc ^= UInt64(buffer[offset]) &* prime5
            acc = rotl(acc, 11) &* prime1
            offset += 1
        }
        acc ^= acc >> 33
        acc &*= prime2
        acc ^= acc >> 29
        acc &*= prime3
        acc ^= acc >> 32
        return acc
    }

    /// Substrate's `twox_{64·rounds}`: xxHash64 with seeds 0…rounds-1, each output little-endian, concatenated.
    static func twox(_ data: [UInt8], rounds: Int) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(rounds * 8)
        data.withUnsafeBytes { buffer in
            for seed in 0..<rounds {
                let value = hash(buffer, seed: UInt64(seed))
                withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) }
            }
        }
        return out
    }
}

/// `twox_64`: 8 bytes, xxHash64 seed 0 (little-endian).
public func twox_64(_ data: [UInt8]) -> [UInt8] { XXHash64.twox(data, rounds: 1) }
/// `twox_128`: 16 bytes, seeds 0 and 1 (storage prefixes: twox128(pallet) ++ twox128(item)).
public func twox_128(_ data: [UInt8]) -> [UInt8] { XXHash64.twox(data, rounds: 2) }
/// `twox_256`: 32 bytes, seeds 0…3.
public func twox_256(_ data: [UInt8]) -> [UInt8] { XXHash64.twox(data, rounds: 4) }
