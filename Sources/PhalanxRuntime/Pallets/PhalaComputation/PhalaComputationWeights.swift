/// Weights of PhalaComputation's calls: estimates (a few storage reads and writes each) pending a
/// `phalanx bench pallets` run.
enum PhalaComputationWeights {
    static let setCoolDownExpiration = Weight(refTime: 10_000_000, proofSize: 500)
    static let updateTokenomic = Weight(refTime: 15_000_000, proofSize: 1_000)
    static let setHeartbeatPaused = Weight(refTime: 10_000_000, proofSize: 500)
    static let forceRegisterWorker = Weight(refTime: 20_000_000, proofSize: 1_000)
    static let heartbeat = Weight(refTime: 30_000_000, proofSize: 3_000)
    /// The per-block challenge (two reads, one write).
    static let challenge = Weight(refTime: 10_000_000, proofSize: 1_000)
    /// One worker's V/P step at finalize, including a settlement with two mints.
    static let settlePerWorker = Weight(refTime: 60_000_000, proofSize: 6_000)
}
