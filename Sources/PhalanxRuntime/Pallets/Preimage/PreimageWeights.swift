/// Weights of Preimage's calls: estimates (one status and one preimage write, plus hashing).
enum PreimageWeights {
    static func notePreimage(bytes: Int) -> Weight { Weight(refTime: 30_000_000 + UInt64(clamping: bytes) * 2_000, proofSize: 3_556) }
    static let unnotePreimage = Weight(refTime: 30_000_000, proofSize: 3_556)
}
