/// Weights of Treasury's calls: estimates (a proposal read/write and a reserve) pending a
/// `phalanx bench pallets` run.
enum TreasuryWeights {
    static let proposeSpend = Weight(refTime: 40_000_000, proofSize: 1_500)
    static let rejectProposal = Weight(refTime: 50_000_000, proofSize: 3_600)
    static let approveProposal = Weight(refTime: 20_000_000, proofSize: 3_000)
    static let spendLocal = Weight(refTime: 20_000_000, proofSize: 3_000)
}
