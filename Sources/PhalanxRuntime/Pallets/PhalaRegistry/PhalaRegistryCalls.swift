import PhalanxPrimitives

extension PhalaRegistry {
    /// PhalaRegistry's calls, with Phala's call indices.
    public enum Call: PalletCall {
        public typealias Owner = PhalaRegistry
        /// Governance: register a worker without attestation (provider Root, confidence 1).
        case forceRegisterWorker(pubkey: Sr25519Public, ecdhPubkey: Sr25519Public, operator: AccountId32?)
        /// Governance: make a registered worker a gatekeeper.
        case registerGatekeeper(gatekeeper: Sr25519Public)
        /// Governance: remove a gatekeeper (never the last one).
        case unregisterGatekeeper(gatekeeper: Sr25519Public)
        /// Governance: start a master key rotation.
        case rotateMasterKey
        /// Register (or refresh) a worker with attestation evidence.
        case registerWorkerV2(pruntimeInfo: WorkerRegistrationInfoV2, attestation: AttestationReportEvidence?)
        /// Publish a worker's endpoints, signed by the worker.
        case updateWorkerEndpoint(endpointPayload: WorkerEndpointPayload, signature: [UInt8])
        /// Governance: allow a pRuntime measurement.
        case addPruntime(pruntimeHash: [UInt8])
        /// Governance: disallow a pRuntime measurement.
        case removePruntime(pruntimeHash: [UInt8])
        /// Governance: replace the attestation policy (Phalanx).
        case setAttestationPolicy(policy: RegistryAttestationPolicy)

        public static var variants: [VariantDescription] {
            let key = { (name: String) in FieldDescription(name, Sr25519Public.self, typeName: "WorkerPublicKey") }
            let measurement = FieldDescription("pruntime_hash", [UInt8].self, typeName: "Vec<u8>")
            return [
                VariantDescription("force_register_worker", index: 1, fields: [
                    key("pubkey"), FieldDescription("ecdh_pubkey", Sr25519Public.self, typeName: "EcdhPublicKey"),
                    FieldDescription("operator", AccountId32?.self, typeName: "Option<T::AccountId>"),
                ], docs: ["Registers a worker without attestation (governance only)."]),
                VariantDescription("register_gatekeeper", index: 3, fields: [key("gatekeeper")],
                                   docs: ["Registers a registered worker as a gatekeeper (governance only)."]),
                VariantDescription("unregister_gatekeeper", index: 4, fields: [key("gatekeeper")],
                                   docs: ["Unregisters a gatekeeper; the last one cannot be removed (governance only)."]),
                VariantDescription("rotate_master_key", index: 5, docs: ["Starts a master key rotation (governance only)."]),
                VariantDescription("register_worker_v2", index: 7, fields: [
                    FieldDescription("pruntime_info", WorkerRegistrationInfoV2.self, typeName: "WorkerRegistrationInfoV2<T::AccountId>"),
                    FieldDescription("attestation", AttestationReportEvidence?.self, typeName: "Box<Option<AttestationReport>>"),
                ], docs: ["Registers a worker whose attestation binds its registration info."]),
                VariantDescription("update_worker_endpoint", index: 8, fields: [
                    FieldDescription("endpoint_payload", WorkerEndpointPayload.self, typeName: "WorkerEndpointPayload"),
                    FieldDescription("signature", [UInt8].self, typeName: "Vec<u8>"),
                ], docs: ["Publishes a worker's endpoints, signed by the worker."]),
                VariantDescription("add_pruntime", index: 9, fields: [measurement], docs: ["Allows a pRuntime measurement (governance only)."]),
                VariantDescription("remove_pruntime", index: 10, fields: [measurement],
                                   docs: ["Disallows a pRuntime measurement (governance only)."]),
                VariantDescription("set_attestation_policy", index: 16, fields: [
                    FieldDescription("policy", RegistryAttestationPolicy.self, typeName: "AttestationPolicy"),
                ], docs: ["Replaces the attestation policy (governance only)."]),
            ]
        }

        public var info: DispatchInfo {
            switch self {
            case .registerWorkerV2: DispatchInfo(weight: PhalaRegistryWeights.registerWorkerV2)
            case .updateWorkerEndpoint: DispatchInfo(weight: PhalaRegistryWeights.updateWorkerEndpoint)
            case .forceRegisterWorker, .registerGatekeeper, .unregisterGatekeeper, .rotateMasterKey, .addPruntime, .removePruntime,
                .setAttestationPolicy:
                DispatchInfo(weight: PhalaRegistryWeights.governance, class: .operational)
            }
        }

        public func dispatch(origin: Origin, context: inout RuntimeContext) throws {
            switch self {
            case .forceRegisterWorker(let pubkey, let ecdhPubkey, let op):
                try PhalaGovernance.ensureGovernance(origin)
                PhalaRegistry.upsertWorker(
                    pubkey: pubkey, ecdhPubkey: ecdhPubkey, runtimeVersion: 0, operator: op, provider: .root, confidenceLevel: 1,
                    features: [], context: &context)
            case .registerGatekeeper(let key):
                try PhalaGovernance.ensureGovernance(origin)
                try PhalaRegistry.registerGatekeeper(key, context: &context)
            case .unregisterGatekeeper(let key):
                try PhalaGovernance.ensureGovernance(origin)
                try PhalaRegistry.unregisterGatekeeper(key, context: &context)
            case .rotateMasterKey:
                try PhalaGovernance.ensureGovernance(origin)
                try PhalaRegistry.rotateMasterKey(context: &context)
            case .registerWorkerV2(let info, let attestation):
                _ = try origin.ensureSigned()
                try PhalaRegistry.registerWorker(info, attestation: attestation, context: &context)
            case .updateWorkerEndpoint(let payload, let signature):
                _ = try origin.ensureSigned()
                try PhalaRegistry.updateEndpoint(payload, signature: signature, context: &context)
            case .addPruntime(let measurement):
                try PhalaGovernance.ensureGovernance(origin)
                try PhalaRegistry.addPRuntime(measurement, context: &context)
            case .removePruntime(let measurement):
                try PhalaGovernance.ensureGovernance(origin)
                try PhalaRegistry.removePRuntime(measurement, context: &context)
            case .setAttestationPolicy(let policy):
                try PhalaGovernance.ensureGovernance(origin)
                PhalaRegistry.attestationPolicy.set(policy, in: &context.state)
                context.deposit(Event.attestationPolicySet)
            }
        }

        public func encode(to encoder: inout ScaleEncoder) {
            switch self {
            case .forceRegisterWorker(let pubkey, let ecdh, let op):
                encoder.encodeVariant(index: 1)
                encoder.encode(pubkey)
                encoder.encode(ecdh)
                encoder.encode(op)
            case .registerGatekeeper(let key):
                encoder.encodeVariant(index: 3)
                encoder.encode(key)
            case .unregisterGatekeeper(let key):
                encoder.encodeVariant(index: 4)
                encoder.encode(key)
            case .rotateMasterKey:
                encoder.encodeVariant(index: 5)
            case .registerWorkerV2(let info, let attestation):
                encoder.encodeVariant(index: 7)
                encoder.encode(info)
                encoder.encode(attestation)
            case .updateWorkerEndpoint(let payload, let signature):
                encoder.encodeVariant(index: 8)
                encoder.encode(payload)
                encoder.encode(signature)
            case .addPruntime(let measurement):
                encoder.encodeVariant(index: 9)
                encoder.encode(measurement)
            case .removePruntime(let measurement):
                encoder.encodeVariant(index: 10)
                encoder.encode(measurement)
            case .setAttestationPolicy(let policy):
                encoder.encodeVariant(index: 16)
                encoder.encode(policy)
            }
        }

        public init(from decoder: inout ScaleDecoder) throws {
            switch try decoder.readVariantIndex() {
            case 1: self = .forceRegisterWorker(pubkey: try decoder.decode(), ecdhPubkey: try decoder.decode(), operator: try decoder.decode())
            case 3: self = .registerGatekeeper(gatekeeper: try decoder.decode())
            case 4: self = .unregisterGatekeeper(gatekeeper: try decoder.decode())
            case 5: self = .rotateMasterKey
            case 7: self = .registerWorkerV2(pruntimeInfo: try decoder.decode(), attestation: try decoder.decode())
            case 8: self = .updateWorkerEndpoint(endpointPayload: try decoder.decode(), signature: try decoder.decodeBoundedBytes(max: 64))
            case 9: self = .addPruntime(pruntimeHash: try decoder.decodeBoundedBytes(max: 68))
            case 10: self = .removePruntime(pruntimeHash: try decoder.decodeBoundedBytes(max: 68))
            case 16: self = .setAttestationPolicy(policy: try decoder.decode())
            case let index: throw ScaleError.invalidVariantIndex(type: "PhalaRegistry.Call", index: index)
            }
        }
    }
}

/// Weights of PhalaRegistry's calls: estimates pending a `phalanx bench pallets` run. A DCAP
/// verification (certificate chains, CRLs, three ECDSA-P256 signatures, JSON parsing) costs a few
/// milliseconds; governance calls are a handful of storage reads and writes.
enum PhalaRegistryWeights {
    static let registerWorkerV2 = Weight(refTime: 5_000_000_000, proofSize: 20_000)
    static let updateWorkerEndpoint = Weight(refTime: 80_000_000, proofSize: 4_000)
    static let governance = Weight(refTime: 40_000_000, proofSize: 6_000)
}
