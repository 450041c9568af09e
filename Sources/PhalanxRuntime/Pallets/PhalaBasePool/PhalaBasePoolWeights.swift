/// Weights of PhalaBasePool's calls: estimates (one pool read, one whitelist read and write)
/// pending a `phalanx bench pallets` run.
enum PhalaBasePoolWeights {
    static let addStakerToWhitelist = Weight(refTime: 25_000_000, proofSize: 4_000)
    static let removeStakerFromWhitelist = Weight(refTime: 25_000_000, proofSize: 4_000)
}
