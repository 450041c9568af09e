import PhalanxPrimitives
import PhalanxRuntime

/// A chain in memory for runtime tests: genesis from the dev spec, blocks built by the executive.
struct RuntimeHarness {
    let runtime = PhalanxRuntime.definition
    let genesisHash = H256(unchecked: blake2_256(Array("phalanx test genesis".utf8)))
    var executive: Executive { Executive(runtime: runtime, genesisHash: genesisHash) }
    /// The post-state of the best block, flattened into a dictionary.
    var state: MemoryState
    var number: UInt32 = 0
    var bestHash: H256
    /// Hashes of every block so far, by number.
    var hashes: [H256] = []
    var time: UInt64 = 1_700_000_000_000

    init() throws {
        let genesis = try ChainSpec.development.genesis.build(runtime: PhalanxRuntime.definition)
        state = MemoryState()
        state.apply(genesis.changes)
        bestHash = genesisHash
        hashes = [genesisHash]
    }

    static let alice = try! KeyPair(uri: "//Alice")
    static let bob = try! KeyPair(uri: "//Bob")
    static let charlie = try! KeyPair(uri: "//Charlie")

    /// Signs `call` from `signer` with its next nonce (or `nonce`).
    func sign<C: PalletCall>(_ call: C, by signer: KeyPair, nonce: UInt32? = nil, tip: UInt128 = 0, era: Era = .immortal) -> UncheckedExtrinsic {
        let overlay = StateOverlay(base: state)
        let nonce = nonce ?? System.accountInfo(signer.accountId, in: overlay).nonce
        let eraHash: H256
        if case .mortal = era {
            let birth = era.birth(current: UInt64(number + 1))
            eraHash = Int(birth) < hashes.count ? hashes[Int(birth)] : .zero
        } else {
            eraHash = genesisHash
        }
        let context = SigningContext(
            specVersion: runtime.version.specVersion, transactionVersion: runtime.version.transactionVersion,
            genesisHash: genesisHash, eraBlockHash: eraHash)
        return UncheckedExtrinsic(
            call: RuntimeCall(call, in: runtime), signer: signer, extra: SignedExtra(era: era, nonce: nonce, tip: tip), context: context)
    }

    /// Builds and applies a block with a timestamp inherent and `extrinsics`; returns each outcome.
    mutating func block(_ extrinsics: [UncheckedExtrinsic]) throws -> (outcomes: [Result<ApplyOutcome, TransactionValidityError>], events: [UInt8]) {
        number += 1
        time += 6_000
        var context = executive.initializeBlock(state: StateOverlay(base: state), number: number, parentHash: bestHash, digest: Digest())
        let inherent = UncheckedExtrinsic(unsigned: RuntimeCall(Timestamp.Call.set(now: time), in: runtime))
        var outcomes = [executive.applyExtrinsic(inherent, index: 0, context: &context)]
        for (offset, extrinsic) in extrinsics.enumerated() {
            outcomes.append(executive.applyExtrinsic(extrinsic, index: UInt32(offset + 1), context: &context))
        }
        let post = try executive.finalizeBlock(context: &context)
        state.apply(post.changes)
        bestHash = H256(unchecked: blake2_256(Array("block \(number)".utf8)))
        hashes.append(bestHash)
        return (Array(outcomes.dropFirst()), state.value(at: System.events.key) ?? [])
    }

    func account(_ pair: KeyPair) -> AccountInfo { System.accountInfo(pair.accountId, in: StateOverlay(base: state)) }
    var totalIssuance: UInt128 { Balances.totalIssuance.value(StateOverlay(base: state)) ?? 0 }
}

/// A committed state held in a sorted dictionary, for tests.
struct MemoryState: StateReader {
    private(set) var values: [[UInt8]: [UInt8]] = [:]

    mutating func apply(_ changes: [(key: [UInt8], value: [UInt8]?)]) {
        for change in changes { values[change.key] = change.value }
    }

    func value(at key: [UInt8]) -> [UInt8]? { values[key] }

    func nextKey(after key: [UInt8]) -> [UInt8]? {
        values.keys.filter { key.lexicographicallyPrecedes($0) }.min { $0.lexicographicallyPrecedes($1) }
    }
}

/// One PHA in the smallest unit, for readable amounts in tests.
let pha = Balances.dollars
