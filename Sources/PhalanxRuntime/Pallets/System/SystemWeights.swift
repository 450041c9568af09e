/// Weights of System's calls. Estimates pending a `phalanx bench pallets` run: a remark is a
/// hash of its bytes; raw storage edits one write per item. Recorded in BENCHMARKS.md when measured.
enum SystemWeights {
    /// `remark`: constant plus hashing.
    static func remark(bytes: Int) -> Weight { Weight(refTime: 2_000_000 + UInt64(bytes) * 1_000) }
    /// `remark_with_event`: `remark` plus an event.
    static func remarkWithEvent(bytes: Int) -> Weight { Weight(refTime: 8_000_000 + UInt64(bytes) * 1_500) }
    /// Root storage edits: one write per item.
    static func storageEdit(items: Int) -> Weight { Weight(refTime: 1_000_000 + UInt64(items) * 25_000_000, proofSize: UInt64(items) * 100) }
}
