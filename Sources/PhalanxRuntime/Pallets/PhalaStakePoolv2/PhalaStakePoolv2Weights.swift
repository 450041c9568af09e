/// Weights of PhalaStakePoolv2's calls: estimates (pool, session and account reads and writes;
/// queue processing bounded by the queue length) pending a `phalanx bench pallets` run.
enum PhalaStakePoolv2Weights {
    static let create = Weight(refTime: 40_000_000, proofSize: 4_000)
    static let addWorker = Weight(refTime: 60_000_000, proofSize: 10_000)
    static let removeWorker = Weight(refTime: 50_000_000, proofSize: 10_000)
    static let setCap = Weight(refTime: 25_000_000, proofSize: 8_000)
    static let setPayoutPref = Weight(refTime: 25_000_000, proofSize: 8_000)
    static let claimOwnerRewards = Weight(refTime: 50_000_000, proofSize: 8_000)
    static let checkAndMaybeForceWithdraw = Weight(refTime: 200_000_000, proofSize: 40_000)
    static let contribute = Weight(refTime: 120_000_000, proofSize: 20_000)
    static let withdraw = Weight(refTime: 120_000_000, proofSize: 20_000)
    static let startComputing = Weight(refTime: 80_000_000, proofSize: 12_000)
    static let stopComputing = Weight(refTime: 60_000_000, proofSize: 12_000)
    static let reclaimPoolWorker = Weight(refTime: 120_000_000, proofSize: 20_000)
    static let restartComputing = Weight(refTime: 200_000_000, proofSize: 24_000)
    static let slashPool = Weight(refTime: 100_000_000, proofSize: 20_000)
}
