import PhalanxPrimitives
import PhalanxStorage

/// Bytes from hex; traps on malformed literals (test constants only).
func bytes(_ hex: String) -> [UInt8] {
    guard let value = [UInt8](hex: String(hex.filter { $0 != " " })) else {
        fatalError("bad hex literal \(hex)")
    }
    return value
}

/// ASCII bytes of a string.
func ascii(_ text: String) -> [UInt8] { Array(text.utf8) }

/// `0x00 0x01 … (count-1)`.
func ramp(_ count: Int) -> [UInt8] { (0..<count).map { UInt8($0) } }

/// A deterministic pseudo-random generator (SplitMix64) for reproducible workloads.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func bytes(_ count: Int) -> [UInt8] { (0..<count).map { _ in UInt8.random(in: 0...255, using: &self) } }
}
