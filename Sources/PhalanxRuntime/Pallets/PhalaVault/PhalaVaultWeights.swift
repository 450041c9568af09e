/// Weights of PhalaVault's calls: estimates (vault and invested-pool reads, a few writes) pending a
/// `phalanx bench pallets` run.
enum PhalaVaultWeights {
    static let create = Weight(refTime: 40_000_000, proofSize: 4_000)
    static let setPayoutPref = Weight(refTime: 25_000_000, proofSize: 8_000)
    static let claimOwnerShares = Weight(refTime: 60_000_000, proofSize: 20_000)
    static let maybeGainOwnerShares = Weight(refTime: 60_000_000, proofSize: 20_000)
    static let checkAndMaybeForceWithdraw = Weight(refTime: 300_000_000, proofSize: 60_000)
    static let contribute = Weight(refTime: 120_000_000, proofSize: 20_000)
    static let withdraw = Weight(refTime: 120_000_000, proofSize: 20_000)
}
