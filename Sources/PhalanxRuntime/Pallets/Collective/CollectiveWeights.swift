/// Weights of the collectives' calls: estimates (member list and motion reads/writes; a motion's
/// own call weight is added where it is dispatched) pending a `phalanx bench pallets` run.
enum CollectiveWeights {
    static let setMembers = Weight(refTime: 60_000_000, proofSize: 20_000)
    static let propose = Weight(refTime: 40_000_000, proofSize: 10_000)
    static let vote = Weight(refTime: 30_000_000, proofSize: 8_000)
    static let close = Weight(refTime: 50_000_000, proofSize: 10_000)
    static let disapprove = Weight(refTime: 30_000_000, proofSize: 5_000)
}
