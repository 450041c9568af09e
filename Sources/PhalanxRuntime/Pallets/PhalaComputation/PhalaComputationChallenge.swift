import PhalanxPrimitives

/// A 256-bit unsigned integer as two 128-bit halves, for the heartbeat challenge arithmetic.
public struct ChallengeU256: Hashable, Comparable, Sendable {
    /// The high 128 bits.
    public var high: UInt128
    /// The low 128 bits.
    public var low: UInt128

    /// A value from its halves.
    public init(high: UInt128, low: UInt128) { (self.high, self.low) = (high, low) }

    /// A value from 32 big-endian bytes (missing bytes are zero).
    public init(bigEndian bytes: [UInt8]) {
        let padded = [UInt8](repeating: 0, count: max(0, 32 - bytes.count)) + bytes.suffix(32)
        high = padded[0..<16].reduce(UInt128(0)) { $0 << 8 | UInt128($1) }
        low = padded[16..<32].reduce(UInt128(0)) { $0 << 8 | UInt128($1) }
    }

    /// The 32 big-endian bytes.
    public var bigEndianBytes: [UInt8] {
        (0..<16).map { UInt8(truncatingIfNeeded: high >> UInt128(8 * (15 - $0))) }
            + (0..<16).map { UInt8(truncatingIfNeeded: low >> UInt128(8 * (15 - $0))) }
    }

    /// Bitwise exclusive or.
    public static func ^ (lhs: ChallengeU256, rhs: ChallengeU256) -> ChallengeU256 {
        ChallengeU256(high: lhs.high ^ rhs.high, low: lhs.low ^ rhs.low)
    }

    public static func < (lhs: ChallengeU256, rhs: ChallengeU256) -> Bool {
        lhs.high != rhs.high ? lhs.high < rhs.high : lhs.low < rhs.low
    }
}

/// The heartbeat challenge of a block (`SystemEvent::HeartbeatChallenge`).
public struct HeartbeatChallenge: Hashable, Sendable, ScaleCodable, TypeInfo {
    /// The seed, big-endian (the parent block hash: the chain's on-chain randomness).
    public var seed: H256
    /// The online target, big-endian.
    public var onlineTarget: H256

    /// A challenge.
    public init(seed: H256, onlineTarget: H256) { (self.seed, self.onlineTarget) = (seed, onlineTarget) }

    public func encode(to encoder: inout ScaleEncoder) { encoder.encodeAll(seed, onlineTarget) }
    public init(from decoder: inout ScaleDecoder) throws { (seed, onlineTarget) = try decoder.decodeAll(H256.self, H256.self) }
    public static var typeInfo: TypeDescription {
        .init(path: ["phala_types", "messaging", "HeartbeatChallenge"], .composite([
            FieldDescription("seed", H256.self, typeName: "U256"), FieldDescription("online_target", H256.self, typeName: "U256"),
        ]))
    }

    /// Whether `worker` must answer: `blake2_256(pubkey) XOR seed ≤ online_target` (all big-endian).
    public func challenges(_ worker: WorkerPublicKey) -> Bool {
        let hashed = ChallengeU256(bigEndian: blake2_256(worker.bytes))
        return hashed ^ ChallengeU256(bigEndian: seed.bytes) <= ChallengeU256(bigEndian: onlineTarget.bytes)
    }
}

extension PhalaComputation {
    /// The expected heartbeats per block (`ExpectedHeartbeatCount`).
    public static let expectedHeartbeatCount: UInt32 = 20
    /// The block time the heartbeat rate assumes, in seconds (`ExpectedBlockTimeSec`).
    public static let expectedBlockTimeSec: UInt32 = 12

    /// The current block's heartbeat challenge.
    public static let heartbeatChallenge = StorageValue<HeartbeatChallenge>(
        pallet: name, item: "HeartbeatChallenge", docs: ["The heartbeat challenge of the current block (seed and online target)."])

    /// Phala's `pow_target`: with N online workers, `t = min(num_tx, 2·N / (3600/secs))` heartbeats
    /// are expected per block, and `target = (U256::MAX >> 24) · ⌊(t/N)·2²⁴⌋` (U32F32 arithmetic).
    public static func onlineTarget(numTx: UInt32, onlineWorkers: UInt32, secsPerBlock: UInt32) -> ChallengeU256 {
        guard onlineWorkers > 0, secsPerBlock > 0 else { return ChallengeU256(high: 0, low: 0) }
        // U32F32 values as UInt64 bits (value · 2³²); each operation truncates as `fixed` does.
        let n = UInt64(onlineWorkers) << 32
        let perHour = UInt64(3600 / secsPerBlock) << 32
        guard perHour > 0 else { return ChallengeU256(high: 0, low: 0) }
        let twoN = n.multipliedFullWidth(by: UInt64(2) << 32)
        let doubled = (UInt64(twoN.high) << 32) | (twoN.low >> 32)  // 2·N in U32F32
        let maxTx = UInt64((UInt128(doubled) << 32) / UInt128(perHour))
        let target = min(UInt64(numTx) << 32, maxTx)
        let ratio = UInt64((UInt128(target) << 32) / UInt128(n))  // t / N in U32F32
        let frac = UInt128((ratio << 24) >> 32)  // checked_shl(24).to_num::<u32>()
        // (2²³² − 1) · frac = frac·2²³² − frac.
        guard frac > 0 else { return ChallengeU256(high: 0, low: 0) }
        guard frac < 1 << 24 else { return ChallengeU256(high: .max, low: .max) }  // every worker (Phala would overflow)
        return ChallengeU256(high: (frac << 104) - 1, low: UInt128.max - frac + 1)
    }

    /// Publishes this block's challenge from the parent hash and the online worker count.
    static func issueChallenge(_ context: inout RuntimeContext) {
        let seed = System.parentHash.value(context.state) ?? .zero
        let target = onlineTarget(
            numTx: expectedHeartbeatCount, onlineWorkers: onlineWorkers.value(context.state) ?? 0, secsPerBlock: expectedBlockTimeSec)
        let challenge = HeartbeatChallenge(seed: seed, onlineTarget: H256(unchecked: target.bigEndianBytes))
        heartbeatChallenge.set(challenge, in: &context.state)
        // SystemEvent::HeartbeatChallenge for the workers, only while some worker computes (nobody else answers).
        if (onlineWorkers.value(context.state) ?? 0) > 0 {
            PhalaMq.pushPalletMessage(from: name, topic: PhalaTopic.systemEvent, payload: [1] + challenge.scaleEncoded, context: &context)
        }
    }
}
