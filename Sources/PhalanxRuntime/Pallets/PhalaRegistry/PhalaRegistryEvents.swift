import PhalanxPrimitives

extension PhalaRegistry {
    /// PhalaRegistry's events.
    public enum Event: PalletEvent {
        public typealias Owner = PhalaRegistry
        /// A worker became a gatekeeper.
        case gatekeeperAdded(pubkey: Sr25519Public)
        /// A gatekeeper was removed.
        case gatekeeperRemoved(pubkey: Sr25519Public)
        /// A new worker was registered.
        case workerAdded(pubkey: Sr25519Public, attestationProvider: WorkerAttestationProvider?, confidenceLevel: UInt8)
        /// A registered worker re-registered.
        case workerUpdated(pubkey: Sr25519Public, attestationProvider: WorkerAttestationProvider?, confidenceLevel: UInt8)
        /// The master key was rotated.
        case masterKeyRotated(rotationId: UInt64, masterPubkey: Sr25519Public)
        /// A master key rotation was requested.
        case masterKeyRotationRequested(rotationId: UInt64)
        /// The first gatekeeper published the master public key.
        case masterPubkeyOnChain(masterPubkey: Sr25519Public)
        /// A pRuntime measurement was allowed.
        case pruntimeAdded(measurement: [UInt8])
        /// A pRuntime measurement was disallowed.
        case pruntimeRemoved(measurement: [UInt8])
        /// A worker published its endpoints.
        case endpointUpdated(pubkey: Sr25519Public)
        /// A cluster's public key is on chain.
        case clusterPubkeyAvailable(cluster: H256, pubkey: Sr25519Public)
        /// The attestation policy was replaced.
        case attestationPolicySet

        public static var variants: [VariantDescription] {
            let key = { (name: String) in FieldDescription(name, Sr25519Public.self, typeName: "WorkerPublicKey") }
            let worker = [
                key("pubkey"),
                FieldDescription("attestation_provider", WorkerAttestationProvider?.self, typeName: "Option<AttestationProvider>"),
                FieldDescription("confidence_level", UInt8.self, typeName: "u8"),
            ]
            let measurement = [FieldDescription("measurement", [UInt8].self, typeName: "Vec<u8>")]
            return [
                VariantDescription("GatekeeperAdded", index: 0, fields: [key("pubkey")], docs: ["A worker became a gatekeeper."]),
                VariantDescription("GatekeeperRemoved", index: 1, fields: [key("pubkey")], docs: ["A gatekeeper was removed."]),
                VariantDescription("WorkerAdded", index: 2, fields: worker, docs: ["A new worker was registered."]),
                VariantDescription("WorkerUpdated", index: 3, fields: worker, docs: ["A registered worker re-registered."]),
                VariantDescription("MasterKeyRotated", index: 4, fields: [
                    FieldDescription("rotation_id", UInt64.self, typeName: "u64"), key("master_pubkey"),
                ], docs: ["The master key was rotated."]),
                VariantDescription("MasterKeyRotationRequested", index: 5, fields: [FieldDescription("rotation_id", UInt64.self, typeName: "u64")],
                                   docs: ["A master key rotation was requested."]),
                VariantDescription("MasterPubkeyOnChain", index: 6, fields: [key("master_pubkey")],
                                   docs: ["The first gatekeeper published the master public key."]),
                VariantDescription("PRuntimeAdded", index: 7, fields: measurement, docs: ["A pRuntime measurement was allowed."]),
                VariantDescription("PRuntimeRemoved", index: 8, fields: measurement, docs: ["A pRuntime measurement was disallowed."]),
                VariantDescription("EndpointUpdated", index: 9, fields: [key("pubkey")], docs: ["A worker published its endpoints."]),
                VariantDescription("ClusterPubkeyAvailable", index: 10, fields: [
                    FieldDescription("cluster", H256.self, typeName: "ContractClusterId"), key("pubkey"),
                ], docs: ["A cluster's public key is on chain."]),
                VariantDescription("AttestationPolicySet", index: 11, docs: ["The attestation policy was replaced."]),
            ]
        }

        public func encode(to encoder: inout ScaleEncoder) {
            switch self {
            case .gatekeeperAdded(let key): encoder.encodeVariant(index: 0); encoder.encode(key)
            case .gatekeeperRemoved(let key): encoder.encodeVariant(index: 1); encoder.encode(key)
            case .workerAdded(let key, let provider, let level):
                encoder.encodeVariant(index: 2); encoder.encode(key); encoder.encode(provider); encoder.encode(level)
            case .workerUpdated(let key, let provider, let level):
                encoder.encodeVariant(index: 3); encoder.encode(key); encoder.encode(provider); encoder.encode(level)
            case .masterKeyRotated(let id, let key): encoder.encodeVariant(index: 4); encoder.encode(id); encoder.encode(key)
            case .masterKeyRotationRequested(let id): encoder.encodeVariant(index: 5); encoder.encode(id)
            case .masterPubkeyOnChain(let key): encoder.encodeVariant(index: 6); encoder.encode(key)
            case .pruntimeAdded(let m): encoder.encodeVariant(index: 7); encoder.encode(m)
            case .pruntimeRemoved(let m): encoder.encodeVariant(index: 8); encoder.encode(m)
            case .endpointUpdated(let key): encoder.encodeVariant(index: 9); encoder.encode(key)
            case .clusterPubkeyAvailable(let cluster, let key): encoder.encodeVariant(index: 10); encoder.encode(cluster); encoder.encode(key)
            case .attestationPolicySet: encoder.encodeVariant(index: 11)
            }
        }

        public init(from decoder: inout ScaleDecoder) throws {
            switch try decoder.readVariantIndex() {
            case 0: self = .gatekeeperAdded(pubkey: try decoder.decode())
            case 1: self = .gatekeeperRemoved(pubkey: try decoder.decode())
            case 2: self = .workerAdded(pubkey: try decoder.decode(), attestationProvider: try decoder.decode(), confidenceLevel: try decoder.decode())
            case 3: self = .workerUpdated(pubkey: try decoder.decode(), attestationProvider: try decoder.decode(), confidenceLevel: try decoder.decode())
            case 4: self = .masterKeyRotated(rotationId: try decoder.decode(), masterPubkey: try decoder.decode())
            case 5: self = .masterKeyRotationRequested(rotationId: try decoder.decode())
            case 6: self = .masterPubkeyOnChain(masterPubkey: try decoder.decode())
            case 7: self = .pruntimeAdded(measurement: try decoder.decodeBoundedBytes(max: 68))
            case 8: self = .pruntimeRemoved(measurement: try decoder.decodeBoundedBytes(max: 68))
            case 9: self = .endpointUpdated(pubkey: try decoder.decode())
            case 10: self = .clusterPubkeyAvailable(cluster: try decoder.decode(), pubkey: try decoder.decode())
            case 11: self = .attestationPolicySet
            case let index: throw ScaleError.invalidVariantIndex(type: "PhalaRegistry.Event", index: index)
            }
        }
    }

    /// PhalaRegistry's errors (stable indices).
    public enum Error: UInt8, PalletError {
        public typealias Owner = PhalaRegistry
        /// The message's sender may not send it.
        case invalidSender = 0
        /// The message payload cannot be decoded.
        case invalidMessage
        /// The worker is not registered.
        case workerNotFound
        /// The worker is already a gatekeeper.
        case gatekeeperAlreadyRegistered
        /// The worker is not a gatekeeper.
        case gatekeeperNotFound
        /// The last gatekeeper cannot be removed.
        case cannotRemoveLastGatekeeper
        /// A master key rotation is in progress.
        case masterKeyInRotation
        /// The master key has not been published yet.
        case masterKeyNotLaunched
        /// The rotation id does not match the rotation in progress.
        case invalidRotation
        /// A different master public key is already on chain.
        case masterKeyMismatch
        /// No attestation was given.
        case noneAttestationDisabled
        /// The attestation evidence is malformed or failed verification.
        case invalidAttestation
        /// Dev attestation is not allowed on this chain.
        case devAttestationNotAllowed
        /// The enclave measurement is not in the pRuntime allow-list.
        case pruntimeRejected
        /// The attestation report is too old at the block time.
        case outdatedReport
        /// REPORTDATA does not bind the registration info (or the dev statement names another worker key).
        case invalidUserDataHash
        /// A worker key is the all-zero key.
        case invalidPubkey
        /// The measurement is already allowed.
        case pruntimeAlreadyExists
        /// The measurement is not in the allow-list.
        case pruntimeNotFound
        /// A measurement must be 68 bytes.
        case invalidMeasurement
        /// The endpoint payload signature does not verify with the worker key.
        case invalidEndpointSignature
        /// The endpoint payload was signed in the future or more than 4 hours ago.
        case invalidEndpointSigningTime
        /// The cluster does not exist.
        case clusterNotFound
        /// A benchmark report starts in the future or comes from an unknown worker.
        case invalidBenchReport

        public var name: String {
            switch self {
            case .invalidSender: "InvalidSender"
            case .invalidMessage: "InvalidMessage"
            case .workerNotFound: "WorkerNotFound"
            case .gatekeeperAlreadyRegistered: "GatekeeperAlreadyRegistered"
            case .gatekeeperNotFound: "GatekeeperNotFound"
            case .cannotRemoveLastGatekeeper: "CannotRemoveLastGatekeeper"
            case .masterKeyInRotation: "MasterKeyInRotation"
            case .masterKeyNotLaunched: "MasterKeyNotLaunched"
            case .invalidRotation: "InvalidRotation"
            case .masterKeyMismatch: "MasterKeyMismatch"
            case .noneAttestationDisabled: "NoneAttestationDisabled"
            case .invalidAttestation: "InvalidAttestation"
            case .devAttestationNotAllowed: "DevAttestationNotAllowed"
            case .pruntimeRejected: "PRuntimeRejected"
            case .outdatedReport: "OutdatedReport"
            case .invalidUserDataHash: "InvalidUserDataHash"
            case .invalidPubkey: "InvalidPubkey"
            case .pruntimeAlreadyExists: "PRuntimeAlreadyExists"
            case .pruntimeNotFound: "PRuntimeNotFound"
            case .invalidMeasurement: "InvalidMeasurement"
            case .invalidEndpointSignature: "InvalidEndpointSignature"
            case .invalidEndpointSigningTime: "InvalidEndpointSigningTime"
            case .clusterNotFound: "ClusterNotFound"
            case .invalidBenchReport: "InvalidBenchReport"
            }
        }

        public var docs: String {
            switch self {
            case .invalidSender: "The message's sender may not send it."
            case .invalidMessage: "The message payload cannot be decoded."
            case .workerNotFound: "The worker is not registered."
            case .gatekeeperAlreadyRegistered: "The worker is already a gatekeeper."
            case .gatekeeperNotFound: "The worker is not a gatekeeper."
            case .cannotRemoveLastGatekeeper: "The last gatekeeper cannot be removed."
            case .masterKeyInRotation: "A master key rotation is in progress."
            case .masterKeyNotLaunched: "The master key has not been published yet."
            case .invalidRotation: "The rotation id does not match the rotation in progress."
            case .masterKeyMismatch: "A different master public key is already on chain."
            case .noneAttestationDisabled: "No attestation was given."
            case .invalidAttestation: "The attestation evidence is malformed or failed verification."
            case .devAttestationNotAllowed: "Dev attestation is not allowed on this chain."
            case .pruntimeRejected: "The enclave measurement is not in the pRuntime allow-list."
            case .outdatedReport: "The attestation report is too old at the block time."
            case .invalidUserDataHash: "REPORTDATA does not bind the registration info."
            case .invalidPubkey: "A worker key is the all-zero key."
            case .pruntimeAlreadyExists: "The measurement is already allowed."
            case .pruntimeNotFound: "The measurement is not in the allow-list."
            case .invalidMeasurement: "A measurement must be 68 bytes."
            case .invalidEndpointSignature: "The endpoint payload signature does not verify with the worker key."
            case .invalidEndpointSigningTime: "The endpoint payload was signed in the future or more than 4 hours ago."
            case .clusterNotFound: "The cluster does not exist."
            case .invalidBenchReport: "A benchmark report starts in the future or comes from an unknown worker."
            }
        }
    }
}
