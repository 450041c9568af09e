/// Weights of PhalaComputation's calls: estimates (a few storage reads and writes each) pending a
/// `phalanx bench pallets` run.
enum PhalaComputationWeights {
    static let setCoolDownExpiration = Weight(refTime: 10_000_000, proofSize: 500)
    static let updateTokenomic = Weight(refTime: 15_000_000, proofSize: 1_000)
    static let setHeartbeatPaused = Weight(refTime: 10_000_000, proofSize: 500)
    static let forceRegisterWorker = Weight(refTime: 20_000_000, proofSize: 1_000)
    static let heartbeat = Weight(refTime: 30_000_000, proofSize: 3_000)
}
