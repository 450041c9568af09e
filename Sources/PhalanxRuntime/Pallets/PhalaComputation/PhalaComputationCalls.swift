import PhalanxPrimitives

extension PhalaComputation {
    /// PhalaComputation's calls (Phala's indices where Phala has the call).
    public enum Call: PalletCall {
        public typealias Owner = PhalaComputation
        /// Root: sets the cool-down period in seconds.
        case setCoolDownExpiration(period: UInt64)
        /// Root (governance): replaces the tokenomic parameters.
        case updateTokenomic(newParams: TokenomicParams)
        /// Root: pauses or resumes heartbeat processing.
        case setHeartbeatPaused(paused: Bool)
        /// Root: registers a worker directly (the registry seam for tests and dev chains).
        case forceRegisterWorker(worker: WorkerPublicKey, operator_: AccountId32, initialScore: UInt32, confidenceLevel: UInt8)
        /// Signed by the worker's operator: the worker is alive this block.
        case heartbeat(worker: WorkerPublicKey)

        public static var variants: [VariantDescription] {
            let worker = FieldDescription("worker", WorkerPublicKey.self, typeName: "WorkerPublicKey")
            return [
                VariantDescription("set_cool_down_expiration", index: 0, fields: [FieldDescription("period", UInt64.self, typeName: "u64")],
                                   docs: ["Sets the cool down expiration time in seconds (root only)."]),
                VariantDescription("update_tokenomic", index: 5, fields: [FieldDescription("new_params", TokenomicParams.self, typeName: "TokenomicParams")],
                                   docs: ["Updates the tokenomic parameters (governance origin)."]),
                VariantDescription("set_heartbeat_paused", index: 6, fields: [FieldDescription("paused", Bool.self, typeName: "bool")],
                                   docs: ["Pauses or resumes the heartbeat challenges (root only)."]),
                VariantDescription("force_register_worker", index: 100, fields: [
                    worker, FieldDescription("operator", AccountId32.self, typeName: "T::AccountId"),
                    FieldDescription("initial_score", UInt32.self, typeName: "u32"), FieldDescription("confidence_level", UInt8.self, typeName: "u8"),
                ], docs: ["Registers a worker without attestation (root only; the seam the registry replaces)."]),
                VariantDescription("heartbeat", index: 101, fields: [worker],
                                   docs: ["Reports a heartbeat of a worker (signed by its operator until workers send it via the message queue)."]),
            ]
        }

        public var info: DispatchInfo {
            switch self {
            case .setCoolDownExpiration: DispatchInfo(weight: PhalaComputationWeights.setCoolDownExpiration)
            case .updateTokenomic: DispatchInfo(weight: PhalaComputationWeights.updateTokenomic)
            case .setHeartbeatPaused: DispatchInfo(weight: PhalaComputationWeights.setHeartbeatPaused)
            case .forceRegisterWorker: DispatchInfo(weight: PhalaComputationWeights.forceRegisterWorker)
            case .heartbeat: DispatchInfo(weight: PhalaComputationWeights.heartbeat)
            }
        }

        public func dispatch(origin: Origin, context: inout RuntimeContext) throws {
            switch self {
            case .setCoolDownExpiration(let period):
                try PhalaGovernance.ensureGovernance(origin)
                coolDownPeriod.set(period, in: &context.state)
                context.deposit(Event.coolDownExpirationChanged(period: period))
            case .updateTokenomic(let newParams):
                try PhalaGovernance.ensureGovernance(origin)
                guard newParams.treasuryRatio <= .one, newParams.vMax > .zero else { throw Error.internalErrorBadTokenomicParameters }
                tokenomicParameters.set(newParams, in: &context.state)
                context.deposit(Event.tokenomicParametersChanged)
            case .setHeartbeatPaused(let paused):
                try PhalaGovernance.ensureGovernance(origin)
                heartbeatPaused.set(paused, in: &context.state)
                context.deposit(Event.heartbeatPausedSet(paused: paused))
            case .forceRegisterWorker(let worker, let operator_, let initialScore, let confidenceLevel):
                try origin.ensureRoot()
                registerWorker(worker, info: WorkerInfo(operator_: operator_, initialScore: initialScore, confidenceLevel: confidenceLevel),
                               context: &context)
            case .heartbeat(let worker):
                let who = try origin.ensureSigned()
                guard let info = workers.get(worker, in: context.state) else { throw Error.workerNotRegistered }
                guard info.operator_ == who else { throw Error.notWorkerOperator }
                try PhalaComputation.heartbeat(worker: worker, context: &context)
            }
        }

        public func encode(to encoder: inout ScaleEncoder) {
            switch self {
            case .setCoolDownExpiration(let period): encoder.encodeVariant(index: 0); encoder.encode(period)
            case .updateTokenomic(let params): encoder.encodeVariant(index: 5); encoder.encode(params)
            case .setHeartbeatPaused(let paused): encoder.encodeVariant(index: 6); encoder.encode(paused)
            case .forceRegisterWorker(let w, let o, let s, let c): encoder.encodeVariant(index: 100); encoder.encodeAll(w, o, s, c)
            case .heartbeat(let w): encoder.encodeVariant(index: 101); encoder.encode(w)
            }
        }

        public init(from decoder: inout ScaleDecoder) throws {
            switch try decoder.readVariantIndex() {
            case 0: self = .setCoolDownExpiration(period: try decoder.decode())
            case 5: self = .updateTokenomic(newParams: try decoder.decode())
            case 6: self = .setHeartbeatPaused(paused: try decoder.decode())
            case 100:
                self = .forceRegisterWorker(
                    worker: try decoder.decode(), operator_: try decoder.decode(), initialScore: try decoder.decode(), confidenceLevel: try decoder.decode())
            case 101: self = .heartbeat(worker: try decoder.decode())
            case let index: throw ScaleError.invalidVariantIndex(type: "PhalaComputation.Call", index: index)
            }
        }
    }
}
