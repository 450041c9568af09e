/// Weights of Democracy's calls: estimates (a few storage reads and writes each, the vote's lock
/// update included) pending a `phalanx bench pallets` run.
enum DemocracyWeights {
    static let propose = Weight(refTime: 50_000_000, proofSize: 18_000)
    static let second = Weight(refTime: 40_000_000, proofSize: 7_000)
    static let vote = Weight(refTime: 60_000_000, proofSize: 19_000)
    static let removeVote = Weight(refTime: 30_000_000, proofSize: 8_000)
    static let delegate = Weight(refTime: 80_000_000, proofSize: 30_000)
    static let unlock = Weight(refTime: 40_000_000, proofSize: 8_000)
    static let privileged = Weight(refTime: 40_000_000, proofSize: 10_000)
}
