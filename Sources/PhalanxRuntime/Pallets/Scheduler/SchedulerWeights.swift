/// Weights of Scheduler's calls: estimates (one agenda read and write).
enum SchedulerWeights {
    static let schedule = Weight(refTime: 25_000_000, proofSize: 10_000)
    static let cancel = Weight(refTime: 30_000_000, proofSize: 10_000)
}
