/// Weights of Balances' calls: estimates (two account reads and writes, a signature-free dispatch)
/// pending a `phalanx bench pallets` run; Substrate's reference weights are of the same order.
enum BalancesWeights {
    static let transferAllowDeath = Weight(refTime: 60_000_000, proofSize: 3_593)
    static let transferKeepAlive = Weight(refTime: 50_000_000, proofSize: 3_593)
    static let forceTransfer = Weight(refTime: 62_000_000, proofSize: 6_196)
    static let transferAll = Weight(refTime: 60_000_000, proofSize: 3_593)
    static let forceSetBalance = Weight(refTime: 20_000_000, proofSize: 3_593)
    static let burn = Weight(refTime: 30_000_000, proofSize: 3_593)
}
