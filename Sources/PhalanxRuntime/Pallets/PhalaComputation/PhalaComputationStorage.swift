import PhalanxPrimitives

/// A worker's sr25519 public key (`WorkerPublicKey`), 32 bytes.
public typealias WorkerPublicKey = H256

extension PhalaComputation {
    /// The tokenomic parameters of the V/P economics.
    public static let tokenomicParameters = StorageValue<TokenomicParams>(
        pallet: name, item: "TokenomicParameters", default: .phalaDefaults,
        docs: ["Tokenomic parameters used by the gatekeeper (bits of U64F64 numbers)."])
    /// Workers known to the chain (the registry seam: `PhalaRegistry` will write this map).
    public static let workers = StorageMap<WorkerPublicKey, WorkerInfo>(
        pallet: name, item: "Workers", hasher: .blake2_128Concat,
        docs: ["Registered workers: operator, benchmark score and confidence level (written by the registry)."])
    /// Computing sessions by session account.
    public static let sessions = StorageMap<AccountId32, SessionInfo>(
        pallet: name, item: "Sessions", hasher: .blake2_128Concat, docs: ["The computing sessions."])
    /// The worker a session is bound to.
    public static let sessionBindings = StorageMap<AccountId32, WorkerPublicKey>(
        pallet: name, item: "SessionBindings", hasher: .blake2_128Concat, docs: ["The bound worker for a session account."])
    /// The session a worker is bound to.
    public static let workerBindings = StorageMap<WorkerPublicKey, AccountId32>(
        pallet: name, item: "WorkerBindings", hasher: .blake2_128Concat, docs: ["The bound session account for a worker."])
    /// The stake locked by each computing or cooling-down session.
    public static let stakes = StorageMap<AccountId32, UInt128>(
        pallet: name, item: "Stakes", hasher: .twox64Concat, docs: ["The stake of sessions."])
    /// The cool-down period in seconds.
    public static let coolDownPeriod = StorageValue<UInt64>(
        pallet: name, item: "CoolDownPeriod", default: 604_800, docs: ["The cool down period (in sec)."])
    /// The number of computing (idle or unresponsive) workers.
    public static let onlineWorkers = StorageValue<UInt32>(
        pallet: name, item: "OnlineWorkers", default: 0, docs: ["The number of computing workers."])
    /// The next session id.
    public static let nextSessionId = StorageValue<UInt32>(
        pallet: name, item: "NextSessionId", default: 0, docs: ["The next id to assign to a computing session."])
    /// Whether heartbeat processing (V/P updates, unresponsive detection) is paused.
    public static let heartbeatPaused = StorageValue<Bool>(
        pallet: name, item: "HeartbeatPaused", default: false, docs: ["Won't process heartbeats when it's true."])
}

/// Tokenomic parameters (`TokenomicParams`): every field but `heartbeatWindow` is a U64F64.
public struct TokenomicParams: Hashable, Sendable, ScaleCodable, TypeInfo {
    /// PHA price in USD (unused by the formulas here).
    public var phaRate: FixedU64F64
    /// Per-block growth factor of V while idle.
    public var rho: FixedU64F64
    /// The per-block budget in PHA ("block reward").
    public var budgetPerBlock: FixedU64F64
    /// The maximum V.
    public var vMax: FixedU64F64
    /// Idle cost per unit of P per block.
    public var costK: FixedU64F64
    /// Constant idle cost per block.
    public var costB: FixedU64F64
    /// The per-block fraction of V slashed while unresponsive.
    public var slashRate: FixedU64F64
    /// The fraction of each settlement paid to the treasury.
    public var treasuryRatio: FixedU64F64
    /// Blocks a worker may stay silent before it is unresponsive.
    public var heartbeatWindow: UInt32
    /// Rig weight of P in Ve.
    public var rigK: FixedU64F64
    /// Rig constant in Ve.
    public var rigB: FixedU64F64
    /// Confidence bonus factor in Ve.
    public var re: FixedU64F64
    /// Min-stake factor: `min_stake = k·√p`.
    public var k: FixedU64F64
    /// Unused (kept for wire compatibility).
    public var kappa: FixedU64F64

    /// Phala's genesis defaults (`computation.rs` GenesisConfig).
    public static let phalaDefaults: TokenomicParams = {
        func r(_ n: UInt128, _ d: UInt128) -> FixedU64F64 { (try? FixedU64F64.ratio(n, d)) ?? .zero }
        return TokenomicParams(
            phaRate: .one, rho: r(1_000_000_666_600_231, 1_000_000_000_000_000), budgetPerBlock: FixedU64F64(100),
            vMax: FixedU64F64(30_000), costK: r(415_625 * 12, 10_000_000 * 31_536_000),
            costB: r(8_859_375 * 12, 100_000 * 31_536_000), slashRate: r(12, 3_600_000), treasuryRatio: r(2, 10),
            heartbeatWindow: 10, rigK: r(3, 10), rigB: .zero, re: r(13, 10), k: FixedU64F64(100), kappa: .one)
    }()

    /// The fields in wire order with their names.
    private var fixedFields: [FixedU64F64] { [phaRate, rho, budgetPerBlock, vMax, costK, costB, slashRate, treasuryRatio] }

    public func encode(to encoder: inout ScaleEncoder) {
        for field in fixedFields { encoder.encode(field) }
        encoder.encode(heartbeatWindow)
        encoder.encodeAll(rigK, rigB, re, k, kappa)
    }

    /// Parameters from their fields.
    public init(
        phaRate: FixedU64F64, rho: FixedU64F64, budgetPerBlock: FixedU64F64, vMax: FixedU64F64, costK: FixedU64F64,
        costB: FixedU64F64, slashRate: FixedU64F64, treasuryRatio: FixedU64F64, heartbeatWindow: UInt32, rigK: FixedU64F64,
        rigB: FixedU64F64, re: FixedU64F64, k: FixedU64F64, kappa: FixedU64F64
    ) {
        (self.phaRate, self.rho, self.budgetPerBlock, self.vMax, self.costK, self.costB) = (phaRate, rho, budgetPerBlock, vMax, costK, costB)
        (self.slashRate, self.treasuryRatio, self.heartbeatWindow) = (slashRate, treasuryRatio, heartbeatWindow)
        (self.rigK, self.rigB, self.re, self.k, self.kappa) = (rigK, rigB, re, k, kappa)
    }

    public init(from decoder: inout ScaleDecoder) throws {
        (phaRate, rho, budgetPerBlock, vMax, costK, costB, slashRate, treasuryRatio) = try decoder.decodeAll(
            FixedU64F64.self, FixedU64F64.self, FixedU64F64.self, FixedU64F64.self, FixedU64F64.self, FixedU64F64.self,
            FixedU64F64.self, FixedU64F64.self)
        heartbeatWindow = try decoder.decode()
        (rigK, rigB, re, k, kappa) = try decoder.decodeAll(FixedU64F64.self, FixedU64F64.self, FixedU64F64.self, FixedU64F64.self, FixedU64F64.self)
    }

    public static var typeInfo: TypeDescription {
        let names = ["pha_rate", "rho", "budget_per_block", "v_max", "cost_k", "cost_b", "slash_rate", "treasury_ratio"]
        let tail = ["rig_k", "rig_b", "re", "k", "kappa"]
        return .init(
            path: ["phala_pallets", "compute", "computation", "pallet", "TokenomicParams"],
            .composite(
                names.map { FieldDescription($0, UInt128.self, typeName: "u128") }
                    + [FieldDescription("heartbeat_window", UInt32.self, typeName: "u32")]
                    + tail.map { FieldDescription($0, UInt128.self, typeName: "u128") }))
    }
}

/// A session's state (`WorkerState`).
public enum WorkerState: UInt8, Hashable, Sendable, ScaleCodable, TypeInfo {
    /// Bound, not computing.
    case ready = 0
    /// Computing and responsive.
    case workerIdle = 1
    /// Unused slot kept for index compatibility.
    case unused = 2
    /// Computing but missed its heartbeat window.
    case workerUnresponsive = 3
    /// Stopped; stake locked until the cool-down ends.
    case workerCoolingDown = 4

    /// Whether the session is computing (idle or unresponsive).
    public var isComputing: Bool { self == .workerIdle || self == .workerUnresponsive }

    public func encode(to encoder: inout ScaleEncoder) { encoder.encodeVariant(index: rawValue) }
    public init(from decoder: inout ScaleDecoder) throws {
        let index = try decoder.readVariantIndex()
        guard let value = WorkerState(rawValue: index) else { throw ScaleError.invalidVariantIndex(type: "WorkerState", index: index) }
        self = value
    }
    public static var typeInfo: TypeDescription {
        .init(
            path: ["phala_pallets", "compute", "computation", "pallet", "WorkerState"],
            .variant(["Ready", "WorkerIdle", "_Unused", "WorkerUnresponsive", "WorkerCoolingDown"].enumerated().map {
                VariantDescription($1, index: UInt8($0))
            }))
    }
}

/// What the chain knows about a registered worker (the part of `WorkerInfoV2` computing needs).
public struct WorkerInfo: Hashable, Sendable, ScaleCodable, TypeInfo {
    /// The account that operates the worker (must own the pool it joins).
    public var operator_: AccountId32?
    /// The benchmark score at registration (`initial_score`).
    public var initialScore: UInt32?
    /// The attestation confidence level (1…5; 128 for dev attestation).
    public var confidenceLevel: UInt8

    /// A worker record.
    public init(operator_: AccountId32?, initialScore: UInt32?, confidenceLevel: UInt8) {
        self.operator_ = operator_
        self.initialScore = initialScore
        self.confidenceLevel = confidenceLevel
    }

    public func encode(to encoder: inout ScaleEncoder) { encoder.encodeAll(operator_, initialScore, confidenceLevel) }
    public init(from decoder: inout ScaleDecoder) throws {
        (operator_, initialScore, confidenceLevel) = try decoder.decodeAll(AccountId32?.self, UInt32?.self, UInt8.self)
    }
    public static var typeInfo: TypeDescription {
        .init(
            path: ["phala_pallets", "compute", "computation", "pallet", "WorkerInfo"],
            .composite([
                FieldDescription("operator", AccountId32?.self, typeName: "Option<AccountId>"),
                FieldDescription("initial_score", UInt32?.self, typeName: "Option<u32>"),
                FieldDescription("confidence_level", UInt8.self, typeName: "u8"),
            ]))
    }
}

/// A computing session (`SessionInfo`), with the V/P state Phala's gatekeeper keeps off chain.
public struct SessionInfo: Hashable, Sendable, ScaleCodable, TypeInfo {
    /// The session state.
    public var state: WorkerState
    /// The initial V at start.
    public var ve: FixedU64F64
    /// The current V.
    public var v: FixedU64F64
    /// The block V was last settled at.
    public var vUpdatedAt: UInt64
    /// The benchmark P at start.
    public var pInit: UInt32
    /// The instant P (equal to `pInit` until workers report iterations).
    public var pInstant: UInt32
    /// When the cool-down started (seconds).
    public var coolDownStart: UInt64
    /// The total payout minted for this session (planck).
    public var totalReward: UInt128
    /// V accrued since the last settlement, deducted from the next payout.
    public var vDeductible: FixedU64F64
    /// The block of the last heartbeat.
    public var lastHeartbeat: UInt32
    /// Whether a heartbeat arrived in the current block (settled at finalize).
    public var heartbeatPending: Bool
    /// The session id assigned at start.
    public var sessionId: UInt32
    /// The worker's confidence level at start.
    public var confidenceLevel: UInt8

    /// A fresh, ready session.
    public static let ready = SessionInfo(
        state: .ready, ve: .zero, v: .zero, vUpdatedAt: 0, pInit: 0, pInstant: 0, coolDownStart: 0, totalReward: 0,
        vDeductible: .zero, lastHeartbeat: 0, heartbeatPending: false, sessionId: 0, confidenceLevel: 0)

    public func encode(to encoder: inout ScaleEncoder) {
        encoder.encodeAll(state, ve, v, vUpdatedAt, pInit, pInstant, coolDownStart, totalReward)
        encoder.encodeAll(vDeductible, lastHeartbeat, heartbeatPending, sessionId, confidenceLevel)
    }

    init(
        state: WorkerState, ve: FixedU64F64, v: FixedU64F64, vUpdatedAt: UInt64, pInit: UInt32, pInstant: UInt32, coolDownStart: UInt64,
        totalReward: UInt128, vDeductible: FixedU64F64, lastHeartbeat: UInt32, heartbeatPending: Bool, sessionId: UInt32, confidenceLevel: UInt8
    ) {
        (self.state, self.ve, self.v, self.vUpdatedAt, self.pInit, self.pInstant) = (state, ve, v, vUpdatedAt, pInit, pInstant)
        (self.coolDownStart, self.totalReward, self.vDeductible, self.lastHeartbeat) = (coolDownStart, totalReward, vDeductible, lastHeartbeat)
        (self.heartbeatPending, self.sessionId, self.confidenceLevel) = (heartbeatPending, sessionId, confidenceLevel)
    }

    public init(from decoder: inout ScaleDecoder) throws {
        (state, ve, v, vUpdatedAt, pInit, pInstant, coolDownStart, totalReward) = try decoder.decodeAll(
            WorkerState.self, FixedU64F64.self, FixedU64F64.self, UInt64.self, UInt32.self, UInt32.self, UInt64.self, UInt128.self)
        (vDeductible, lastHeartbeat, heartbeatPending, sessionId, confidenceLevel) = try decoder.decodeAll(
            FixedU64F64.self, UInt32.self, Bool.self, UInt32.self, UInt8.self)
    }

    public static var typeInfo: TypeDescription {
        .init(
            path: ["phala_pallets", "compute", "computation", "pallet", "SessionInfo"],
            .composite([
                FieldDescription("state", WorkerState.self, typeName: "WorkerState"),
                FieldDescription("ve", UInt128.self, typeName: "u128"),
                FieldDescription("v", UInt128.self, typeName: "u128"),
                FieldDescription("v_updated_at", UInt64.self, typeName: "u64"),
                FieldDescription("p_init", UInt32.self, typeName: "u32"),
                FieldDescription("p_instant", UInt32.self, typeName: "u32"),
                FieldDescription("cool_down_start", UInt64.self, typeName: "u64"),
                FieldDescription("total_reward", UInt128.self, typeName: "Balance"),
                FieldDescription("v_deductible", UInt128.self, typeName: "u128"),
                FieldDescription("last_heartbeat", UInt32.self, typeName: "BlockNumber"),
                FieldDescription("heartbeat_pending", Bool.self, typeName: "bool"),
                FieldDescription("session_id", UInt32.self, typeName: "u32"),
                FieldDescription("confidence_level", UInt8.self, typeName: "u8"),
            ]))
    }
}
