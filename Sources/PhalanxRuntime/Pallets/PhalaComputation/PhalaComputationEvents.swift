import PhalanxPrimitives

extension PhalaComputation {
    /// PhalaComputation's events.
    public enum Event: PalletEvent {
        public typealias Owner = PhalaComputation
        /// Cool down expiration changed (in sec).
        case coolDownExpirationChanged(period: UInt64)
        /// A worker starts computing.
        case workerStarted(session: AccountId32, initV: UInt128, initP: UInt32)
        /// Worker stops computing.
        case workerStopped(session: AccountId32)
        /// Worker is reclaimed, with its slash settled.
        case workerReclaimed(session: AccountId32, originalStake: UInt128, slashed: UInt128)
        /// Worker & session are bounded.
        case sessionBound(session: AccountId32, worker: WorkerPublicKey)
        /// Worker & worker are unbound.
        case sessionUnbound(session: AccountId32, worker: WorkerPublicKey)
        /// Worker enters unresponsive state.
        case workerEnterUnresponsive(session: AccountId32)
        /// Worker returns to responsive state.
        case workerExitUnresponsive(session: AccountId32)
        /// Worker settled successfully (V and payout as U64F64 bits).
        case sessionSettled(session: AccountId32, vBits: UInt128, payoutBits: UInt128)
        /// Some internal error happened when settling a worker's ledger.
        case internalErrorWorkerSettleFailed(session: AccountId32)
        /// Tokenomic parameter changed.
        case tokenomicParametersChanged
        /// A worker was registered through the registry seam.
        case workerRegistered(worker: WorkerPublicKey, operator_: AccountId32?)
        /// Heartbeat processing was paused or resumed.
        case heartbeatPausedSet(paused: Bool)

        public static var variants: [VariantDescription] {
            let session = FieldDescription("session", AccountId32.self, typeName: "T::AccountId")
            let worker = FieldDescription("worker", WorkerPublicKey.self, typeName: "WorkerPublicKey")
            return [
                VariantDescription("CoolDownExpirationChanged", index: 0, fields: [FieldDescription("period", UInt64.self, typeName: "u64")],
                                   docs: ["Cool down expiration changed (in sec)."]),
                VariantDescription("WorkerStarted", index: 1, fields: [
                    session, FieldDescription("init_v", UInt128.self, typeName: "u128"), FieldDescription("init_p", UInt32.self, typeName: "u32"),
                ], docs: ["A worker starts computing."]),
                VariantDescription("WorkerStopped", index: 2, fields: [session], docs: ["Worker stops computing."]),
                VariantDescription("WorkerReclaimed", index: 3, fields: [
                    session, FieldDescription("original_stake", UInt128.self, typeName: "BalanceOf<T>"),
                    FieldDescription("slashed", UInt128.self, typeName: "BalanceOf<T>"),
                ], docs: ["Worker is reclaimed, with its slash settled."]),
                VariantDescription("SessionBound", index: 4, fields: [session, worker], docs: ["Worker & session are bounded."]),
                VariantDescription("SessionUnbound", index: 5, fields: [session, worker], docs: ["Worker & worker are unbound."]),
                VariantDescription("WorkerEnterUnresponsive", index: 6, fields: [session], docs: ["Worker enters unresponsive state."]),
                VariantDescription("WorkerExitUnresponsive", index: 7, fields: [session], docs: ["Worker returns to responsive state."]),
                VariantDescription("SessionSettled", index: 8, fields: [
                    session, FieldDescription("v_bits", UInt128.self, typeName: "u128"), FieldDescription("payout_bits", UInt128.self, typeName: "u128"),
                ], docs: ["Worker settled successfully."]),
                VariantDescription("InternalErrorWorkerSettleFailed", index: 9, fields: [session],
                                   docs: ["Some internal error happened when settling a worker's ledger."]),
                VariantDescription("TokenomicParametersChanged", index: 12, docs: ["Tokenomic parameter changed."]),
                VariantDescription("WorkerRegistered", index: 20, fields: [
                    worker, FieldDescription("operator", AccountId32?.self, typeName: "Option<T::AccountId>"),
                ], docs: ["A worker was registered through the registry seam."]),
                VariantDescription("HeartbeatPausedSet", index: 21, fields: [FieldDescription("paused", Bool.self, typeName: "bool")],
                                   docs: ["Heartbeat processing was paused or resumed."]),
            ]
        }

        public func encode(to encoder: inout ScaleEncoder) {
            switch self {
            case .coolDownExpirationChanged(let period): encoder.encodeVariant(index: 0); encoder.encode(period)
            case .workerStarted(let s, let v, let p): encoder.encodeVariant(index: 1); encoder.encodeAll(s, v, p)
            case .workerStopped(let s): encoder.encodeVariant(index: 2); encoder.encode(s)
            case .workerReclaimed(let s, let stake, let slashed): encoder.encodeVariant(index: 3); encoder.encodeAll(s, stake, slashed)
            case .sessionBound(let s, let w): encoder.encodeVariant(index: 4); encoder.encodeAll(s, w)
            case .sessionUnbound(let s, let w): encoder.encodeVariant(index: 5); encoder.encodeAll(s, w)
            case .workerEnterUnresponsive(let s): encoder.encodeVariant(index: 6); encoder.encode(s)
            case .workerExitUnresponsive(let s): encoder.encodeVariant(index: 7); encoder.encode(s)
            case .sessionSettled(let s, let v, let p): encoder.encodeVariant(index: 8); encoder.encodeAll(s, v, p)
            case .internalErrorWorkerSettleFailed(let s): encoder.encodeVariant(index: 9); encoder.encode(s)
            case .tokenomicParametersChanged: encoder.encodeVariant(index: 12)
            case .workerRegistered(let w, let o): encoder.encodeVariant(index: 20); encoder.encodeAll(w, o)
            case .heartbeatPausedSet(let paused): encoder.encodeVariant(index: 21); encoder.encode(paused)
            }
        }

        public init(from decoder: inout ScaleDecoder) throws {
            switch try decoder.readVariantIndex() {
            case 0: self = .coolDownExpirationChanged(period: try decoder.decode())
            case 1: self = .workerStarted(session: try decoder.decode(), initV: try decoder.decode(), initP: try decoder.decode())
            case 2: self = .workerStopped(session: try decoder.decode())
            case 3: self = .workerReclaimed(session: try decoder.decode(), originalStake: try decoder.decode(), slashed: try decoder.decode())
            case 4: self = .sessionBound(session: try decoder.decode(), worker: try decoder.decode())
            case 5: self = .sessionUnbound(session: try decoder.decode(), worker: try decoder.decode())
            case 6: self = .workerEnterUnresponsive(session: try decoder.decode())
            case 7: self = .workerExitUnresponsive(session: try decoder.decode())
            case 8: self = .sessionSettled(session: try decoder.decode(), vBits: try decoder.decode(), payoutBits: try decoder.decode())
            case 9: self = .internalErrorWorkerSettleFailed(session: try decoder.decode())
            case 12: self = .tokenomicParametersChanged
            case 20: self = .workerRegistered(worker: try decoder.decode(), operator_: try decoder.decode())
            case 21: self = .heartbeatPausedSet(paused: try decoder.decode())
            case let index: throw ScaleError.invalidVariantIndex(type: "PhalaComputation.Event", index: index)
            }
        }
    }
}
