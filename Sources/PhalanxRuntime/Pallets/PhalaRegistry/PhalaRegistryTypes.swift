import PhalanxAttestation
import PhalanxPrimitives

/// Limits on attestation evidence sizes (bounded decoding of untrusted registrations).
public enum AttestationLimits {
    /// Maximum size of a DCAP quote.
    public static let maxQuote = 16 * 1024
    /// Maximum size of one collateral part (CRL, chain, JSON, signature).
    public static let maxCollateralPart = 64 * 1024
    /// Maximum size of an IAS report body, signature or certificate.
    public static let maxIASPart = 16 * 1024
    /// Maximum size of a dev statement (exactly `DevAttestation.size`).
    public static let maxDev = 256
    /// Maximum length of a machine id.
    public static let maxMachineId = 256
    /// Maximum number of feature words.
    public static let maxFeatures = 32
}

/// What a worker registers (`WorkerRegistrationInfoV2`); the enclave's REPORTDATA starts with
/// `blake2_256(SCALE(info))`.
public struct WorkerRegistrationInfoV2: Hashable, Sendable, ScaleCodable, TypeInfo {
    /// pRuntime version.
    public var version: UInt32
    /// Machine identifier.
    public var machineId: [UInt8]
    /// The worker identity key.
    public var pubkey: Sr25519Public
    /// The worker ECDH key (equal to the identity key in Phala's design).
    public var ecdhPubkey: Sr25519Public
    /// The genesis hash of the chain the worker follows.
    public var genesisBlockHash: H256
    /// Feature words: `[cpu_cores, cpu_feature_level]`.
    public var features: [UInt32]
    /// The operator account, if any.
    public var `operator`: AccountId32?
    /// Parachain id (0 on a solo chain).
    public var paraId: UInt32
    /// Highest consensus version the pRuntime supports.
    public var maxConsensusVersion: UInt32

    /// Creates registration info.
    public init(
        version: UInt32, machineId: [UInt8], pubkey: Sr25519Public, ecdhPubkey: Sr25519Public, genesisBlockHash: H256,
        features: [UInt32], operator: AccountId32?, paraId: UInt32, maxConsensusVersion: UInt32
    ) {
        self.version = version
        self.machineId = machineId
        self.pubkey = pubkey
        self.ecdhPubkey = ecdhPubkey
        self.genesisBlockHash = genesisBlockHash
        self.features = features
        self.operator = `operator`
        self.paraId = paraId
        self.maxConsensusVersion = maxConsensusVersion
    }

    /// The 32 bytes REPORTDATA must start with: `blake2_256(SCALE(self))`.
    public var reportDataHash: [UInt8] { blake2_256(scaleEncoded) }

    public func encode(to encoder: inout ScaleEncoder) {
        encoder.encode(version)
        encoder.encode(machineId)
        encoder.encode(pubkey)
        encoder.encode(ecdhPubkey)
        encoder.encode(genesisBlockHash)
        encoder.encode(features)
        encoder.encode(`operator`)
        encoder.encode(paraId)
        encoder.encode(maxConsensusVersion)
    }

    public init(from decoder: inout ScaleDecoder) throws {
        version = try decoder.decode()
        machineId = try decoder.decodeBoundedBytes(max: AttestationLimits.maxMachineId)
        pubkey = try decoder.decode()
        ecdhPubkey = try decoder.decode()
        genesisBlockHash = try decoder.decode()
        let count = try decoder.decodeLength(minimumElementSize: 4)
        guard count <= AttestationLimits.maxFeatures else {
            throw ScaleError.lengthLimitExceeded(length: count, limit: AttestationLimits.maxFeatures)
        }
        features = try decoder.decodeFixed(UInt32.self, count: count)
        `operator` = try decoder.decode()
        paraId = try decoder.decode()
        maxConsensusVersion = try decoder.decode()
    }

    public static var typeInfo: TypeDescription {
        .init(
            path: ["phala_types", "WorkerRegistrationInfoV2"], parameters: [("AccountId", TypeRef(AccountId32.self))],
            .composite([
                FieldDescription("version", UInt32.self, typeName: "u32"),
                FieldDescription("machine_id", [UInt8].self, typeName: "Vec<u8>"),
                FieldDescription("pubkey", Sr25519Public.self, typeName: "WorkerPublicKey"),
                FieldDescription("ecdh_pubkey", Sr25519Public.self, typeName: "EcdhPublicKey"),
                FieldDescription("genesis_block_hash", H256.self, typeName: "H256"),
                FieldDescription("features", [UInt32].self, typeName: "Vec<u32>"),
                FieldDescription("operator", AccountId32?.self, typeName: "Option<AccountId>"),
                FieldDescription("para_id", UInt32.self, typeName: "u32"),
                FieldDescription("max_consensus_version", UInt32.self, typeName: "u32"),
            ]))
    }
}

/// Attestation evidence as submitted on chain (`AttestationReport`, Phala's indices, plus Phalanx's dev variant).
public enum AttestationReportEvidence: Hashable, Sendable, ScaleCodable, TypeInfo {
    /// IAS (EPID) report: the raw report JSON, its RSA signature and the DER signing certificate.
    case sgxIas(raReport: [UInt8], signature: [UInt8], rawSigningCert: [UInt8])
    /// DCAP quote with Phala's SCALE-encoded `SgxV30QuoteCollateral` (required: the chain never fetches).
    case sgxDcap(quote: [UInt8], collateral: [UInt8]?)
    /// Phalanx dev statement (201 bytes, see `DevAttestation`): accepted only where the policy allows dev.
    case dev(statement: [UInt8])

    public func encode(to encoder: inout ScaleEncoder) {
        switch self {
        case .sgxIas(let report, let signature, let cert):
            encoder.encodeVariant(index: 0)
            encoder.encode(report)
            encoder.encode(signature)
            encoder.encode(cert)
        case .sgxDcap(let quote, let collateral):
            encoder.encodeVariant(index: 1)
            encoder.encode(quote)
            if let collateral {
                // Option<Collateral::SgxV30(SgxV30QuoteCollateral)>: Some, variant 0, then the struct bytes.
                encoder.append([1, 0])
                encoder.append(collateral)
            } else {
                encoder.append(0)
            }
        case .dev(let statement):
            encoder.encodeVariant(index: 2)
            encoder.encode(statement)
        }
    }

    public init(from decoder: inout ScaleDecoder) throws {
        switch try decoder.readVariantIndex() {
        case 0:
            self = .sgxIas(
                raReport: try decoder.decodeBoundedBytes(max: AttestationLimits.maxIASPart),
                signature: try decoder.decodeBoundedBytes(max: AttestationLimits.maxIASPart),
                rawSigningCert: try decoder.decodeBoundedBytes(max: AttestationLimits.maxIASPart))
        case 1:
            let quote = try decoder.decodeBoundedBytes(max: AttestationLimits.maxQuote)
            switch try decoder.readVariantIndex() {
            case 0: self = .sgxDcap(quote: quote, collateral: nil)
            case 1:
                let kind = try decoder.readVariantIndex()
                guard kind == 0 else { throw ScaleError.invalidVariantIndex(type: "Collateral", index: kind) }
                // Nine Vec<u8> fields, each bounded; kept as their exact SCALE bytes.
                var raw = [UInt8]()
                for _ in 0..<9 { raw += try decoder.decodeBoundedBytes(max: AttestationLimits.maxCollateralPart).scaleEncoded }
                self = .sgxDcap(quote: quote, collateral: raw)
            case let tag: throw ScaleError.invalidOptionTag(tag)
            }
        case 2: self = .dev(statement: try decoder.decodeBoundedBytes(max: AttestationLimits.maxDev))
        case let index: throw ScaleError.invalidVariantIndex(type: "AttestationReport", index: index)
        }
    }

    public static var typeInfo: TypeDescription {
        let bytes = { (name: String) in FieldDescription(name, [UInt8].self, typeName: "Vec<u8>") }
        return .init(
            path: ["phala_types", "AttestationReport"],
            .variant([
                VariantDescription("SgxIas", index: 0, fields: [bytes("ra_report"), bytes("signature"), bytes("raw_signing_cert")]),
                VariantDescription("SgxDcap", index: 1, fields: [
                    bytes("quote"), FieldDescription("collateral", QuoteCollateral?.self, typeName: "Option<Collateral>"),
                ]),
                VariantDescription("Dev", index: 2, fields: [bytes("statement")]),
            ]))
    }

    /// The attestation module's evidence, or `nil` if the parts cannot be parsed.
    func evidence() -> AttestationEvidence? {
        switch self {
        case .sgxIas(let report, let signature, let cert):
            return .ias(IASReport(body: report, signature: signature, signingCertificate: cert))
        case .sgxDcap(let quote, let collateral):
            guard let collateral, let parsed = try? DCAPCollateral(phalaSCALE: collateral) else { return nil }
            return .dcap(quote: quote, collateral: parsed)
        case .dev(let statement):
            guard let parsed = try? DevAttestation(bytes: statement) else { return nil }
            return .dev(parsed)
        }
    }
}

/// Metadata shape of Phala's `Collateral` (only `SgxV30`); the evidence keeps its bytes opaque.
enum QuoteCollateral: TypeInfo {
    static var typeInfo: TypeDescription {
        .init(
            path: ["phala_types", "Collateral"],
            .variant([
                VariantDescription("SgxV30", index: 0, fields: [FieldDescription(nil, SgxV30QuoteCollateral.self, typeName: "SgxV30QuoteCollateral")])
            ]))
    }
}

/// Metadata shape of Phala's `SgxV30QuoteCollateral`.
enum SgxV30QuoteCollateral: TypeInfo {
    static var typeInfo: TypeDescription {
        let names = [
            "pck_crl_issuer_chain", "root_ca_crl", "pck_crl", "tcb_info_issuer_chain", "tcb_info", "tcb_info_signature",
            "qe_identity_issuer_chain", "qe_identity", "qe_identity_signature",
        ]
        return .init(
            path: ["phala_types", "SgxV30QuoteCollateral"],
            .composite(names.map { FieldDescription($0, [UInt8].self, typeName: "Vec<u8>") }))
    }
}

/// Which evidence registered a worker (`AttestationProvider`; `Dev` is Phalanx's addition).
public enum WorkerAttestationProvider: UInt8, Hashable, Sendable, ScaleCodable, TypeInfo {
    /// Registered by root without attestation.
    case root = 0
    /// Intel IAS (EPID).
    case ias = 1
    /// Intel DCAP.
    case dcap = 2
    /// Phalanx dev (software) attestation.
    case dev = 3

    public func encode(to encoder: inout ScaleEncoder) { encoder.encodeVariant(index: rawValue) }

    public init(from decoder: inout ScaleDecoder) throws {
        let index = try decoder.readVariantIndex()
        guard let value = Self(rawValue: index) else { throw ScaleError.invalidVariantIndex(type: "AttestationProvider", index: index) }
        self = value
    }

    public static var typeInfo: TypeDescription {
        .init(path: ["phala_types", "AttestationProvider"], .variant([
            VariantDescription("Root", index: 0), VariantDescription("Ias", index: 1),
            VariantDescription("Dcap", index: 2), VariantDescription("Dev", index: 3),
        ]))
    }

    init(_ provider: AttestationProvider) {
        switch provider {
        case .ias: self = .ias
        case .dcap: self = .dcap
        case .dev: self = .dev
        }
    }
}

/// A registered worker (`WorkerInfoV2`).
public struct WorkerInfoV2: Hashable, Sendable, ScaleCodable, TypeInfo {
    /// Identity key.
    public var pubkey: Sr25519Public
    /// ECDH key.
    public var ecdhPubkey: Sr25519Public
    /// pRuntime version.
    public var runtimeVersion: UInt32
    /// Last (re-)registration, unix seconds of the block.
    public var lastUpdated: UInt64
    /// Operator account.
    public var `operator`: AccountId32?
    /// Which evidence registered it.
    public var attestationProvider: WorkerAttestationProvider?
    /// Confidence level (1 best … 5; 128 dev).
    public var confidenceLevel: UInt8
    /// Benchmark score, once known.
    public var initialScore: UInt32?
    /// Feature words.
    public var features: [UInt32]

    public func encode(to encoder: inout ScaleEncoder) {
        encoder.encode(pubkey)
        encoder.encode(ecdhPubkey)
        encoder.encode(runtimeVersion)
        encoder.encode(lastUpdated)
        encoder.encode(`operator`)
        encoder.encode(attestationProvider)
        encoder.encode(confidenceLevel)
        encoder.encode(initialScore)
        encoder.encode(features)
    }

    /// A worker record.
    public init(
        pubkey: Sr25519Public, ecdhPubkey: Sr25519Public, runtimeVersion: UInt32, lastUpdated: UInt64, operator: AccountId32?,
        attestationProvider: WorkerAttestationProvider?, confidenceLevel: UInt8, initialScore: UInt32?, features: [UInt32]
    ) {
        self.pubkey = pubkey
        self.ecdhPubkey = ecdhPubkey
        self.runtimeVersion = runtimeVersion
        self.lastUpdated = lastUpdated
        self.operator = `operator`
        self.attestationProvider = attestationProvider
        self.confidenceLevel = confidenceLevel
        self.initialScore = initialScore
        self.features = features
    }

    public init(from decoder: inout ScaleDecoder) throws {
        pubkey = try decoder.decode()
        ecdhPubkey = try decoder.decode()
        runtimeVersion = try decoder.decode()
        lastUpdated = try decoder.decode()
        `operator` = try decoder.decode()
        attestationProvider = try decoder.decode()
        confidenceLevel = try decoder.decode()
        initialScore = try decoder.decode()
        features = try decoder.decode()
    }

    public static var typeInfo: TypeDescription {
        .init(
            path: ["phala_pallets", "registry", "WorkerInfoV2"], parameters: [("AccountId", TypeRef(AccountId32.self))],
            .composite([
                FieldDescription("pubkey", Sr25519Public.self, typeName: "WorkerPublicKey"),
                FieldDescription("ecdh_pubkey", Sr25519Public.self, typeName: "EcdhPublicKey"),
                FieldDescription("runtime_version", UInt32.self, typeName: "u32"),
                FieldDescription("last_updated", UInt64.self, typeName: "u64"),
                FieldDescription("operator", AccountId32?.self, typeName: "Option<AccountId>"),
                FieldDescription("attestation_provider", WorkerAttestationProvider?.self, typeName: "Option<AttestationProvider>"),
                FieldDescription("confidence_level", UInt8.self, typeName: "u8"),
                FieldDescription("initial_score", UInt32?.self, typeName: "Option<u32>"),
                FieldDescription("features", [UInt32].self, typeName: "Vec<u32>"),
            ]))
    }
}

/// The on-chain attestation policy (Phalanx; maps onto `PhalanxAttestation.AttestationPolicy`,
/// whose enclave allow-list is `PhalaRegistry.PRuntimeAllowList`).
public struct RegistryAttestationPolicy: Hashable, Sendable, ScaleCodable, TypeInfo {
    /// Accepted TCB statuses, as `TCBStatus` names (e.g. `UpToDate`, `SWHardeningNeeded`).
    public var allowedTcbStatuses: [String]
    /// Maximum age of an IAS report or dev statement at the block time, in seconds.
    public var maxReportAgeSeconds: UInt64
    /// Whether DEBUG enclaves are accepted.
    public var allowDebug: Bool
    /// Whether dev (software) attestation is accepted (dev/local genesis only).
    public var allowDev: Bool
    /// Whether hardware evidence must match `PRuntimeAllowList` (Phala's `VerifyPRuntime`).
    public var verifyPruntime: Bool

    /// A policy.
    public init(allowedTcbStatuses: [String], maxReportAgeSeconds: UInt64, allowDebug: Bool, allowDev: Bool, verifyPruntime: Bool) {
        self.allowedTcbStatuses = allowedTcbStatuses
        self.maxReportAgeSeconds = maxReportAgeSeconds
        self.allowDebug = allowDebug
        self.allowDev = allowDev
        self.verifyPruntime = verifyPruntime
    }

    /// The production defaults of the attestation module, with dev allowed or not.
    public static func standard(allowDev: Bool) -> RegistryAttestationPolicy {
        let base = AttestationPolicy.default
        return RegistryAttestationPolicy(
            allowedTcbStatuses: base.allowedTCBStatuses.map(\.rawValue), maxReportAgeSeconds: base.maxReportAgeSeconds,
            allowDebug: false, allowDev: allowDev, verifyPruntime: true)
    }

    /// The attestation module's policy for `evidence` with the allow-list `allowList`
    /// (dev statements carry no measurement, so the allow-list never applies to them).
    func attestationPolicy(allowList: [[UInt8]], forDev: Bool) -> AttestationPolicy {
        AttestationPolicy(
            allowedEnclaves: verifyPruntime && !forDev ? allowList.compactMap { AllowedEnclave(entry: $0) } : nil,
            allowedTCBStatuses: allowedTcbStatuses.compactMap { TCBStatus(rawValue: $0) },
            maxReportAgeSeconds: maxReportAgeSeconds, allowDebug: allowDebug, allowDev: allowDev)
    }

    public func encode(to encoder: inout ScaleEncoder) {
        encoder.encode(allowedTcbStatuses)
        encoder.encode(maxReportAgeSeconds)
        encoder.encode(allowDebug)
        encoder.encode(allowDev)
        encoder.encode(verifyPruntime)
    }

    public init(from decoder: inout ScaleDecoder) throws {
        let count = try decoder.decodeLength(minimumElementSize: 1)
        guard count <= 16 else { throw ScaleError.lengthLimitExceeded(length: count, limit: 16) }
        allowedTcbStatuses = try (0..<count).map { _ in
            String(decoding: try decoder.decodeBoundedBytes(max: 64), as: UTF8.self)
        }
        maxReportAgeSeconds = try decoder.decode()
        allowDebug = try decoder.decode()
        allowDev = try decoder.decode()
        verifyPruntime = try decoder.decode()
    }

    public static var typeInfo: TypeDescription {
        .init(
            path: ["phalanx_pallets", "registry", "AttestationPolicy"],
            .composite([
                FieldDescription("allowed_tcb_statuses", [String].self, typeName: "Vec<String>"),
                FieldDescription("max_report_age_seconds", UInt64.self, typeName: "u64"),
                FieldDescription("allow_debug", Bool.self, typeName: "bool"),
                FieldDescription("allow_dev", Bool.self, typeName: "bool"),
                FieldDescription("verify_pruntime", Bool.self, typeName: "bool"),
            ]))
    }
}

/// A worker's identity and ECDH keys (`WorkerIdentity`), as pushed to gatekeepers.
public struct WorkerIdentity: Hashable, Sendable, ScaleCodable, TypeInfo {
    /// Identity key.
    public var pubkey: Sr25519Public
    /// ECDH key.
    public var ecdhPubkey: Sr25519Public

    /// An identity.
    public init(pubkey: Sr25519Public, ecdhPubkey: Sr25519Public) {
        self.pubkey = pubkey
        self.ecdhPubkey = ecdhPubkey
    }

    public func encode(to encoder: inout ScaleEncoder) {
        encoder.encode(pubkey)
        encoder.encode(ecdhPubkey)
    }

    public init(from decoder: inout ScaleDecoder) throws {
        pubkey = try decoder.decode()
        ecdhPubkey = try decoder.decode()
    }

    public static var typeInfo: TypeDescription {
        .init(path: ["phala_types", "WorkerIdentity"], .composite([
            FieldDescription("pubkey", Sr25519Public.self, typeName: "WorkerPublicKey"),
            FieldDescription("ecdh_pubkey", Sr25519Public.self, typeName: "EcdhPublicKey"),
        ]))
    }
}

/// A worker's endpoints signed by the worker (`WorkerEndpointPayload` with `VersionedWorkerEndpoints::V1`).
public struct WorkerEndpointPayload: Hashable, Sendable, ScaleCodable, TypeInfo {
    /// The worker.
    public var pubkey: Sr25519Public
    /// Endpoint URLs (the V1 variant).
    public var endpoints: [String]
    /// When the worker signed it, unix seconds.
    public var signingTime: UInt64

    /// A payload.
    public init(pubkey: Sr25519Public, endpoints: [String], signingTime: UInt64) {
        self.pubkey = pubkey
        self.endpoints = endpoints
        self.signingTime = signingTime
    }

    public func encode(to encoder: inout ScaleEncoder) {
        encoder.encode(pubkey)
        encoder.encodeVariant(index: 0)
        encoder.encode(endpoints)
        encoder.encode(signingTime)
    }

    public init(from decoder: inout ScaleDecoder) throws {
        pubkey = try decoder.decode()
        let version = try decoder.readVariantIndex()
        guard version == 0 else { throw ScaleError.invalidVariantIndex(type: "VersionedWorkerEndpoints", index: version) }
        let count = try decoder.decodeLength(minimumElementSize: 1)
        guard count <= 16 else { throw ScaleError.lengthLimitExceeded(length: count, limit: 16) }
        endpoints = try (0..<count).map { _ in
            let raw = try decoder.decodeBoundedBytes(max: 1024)
            guard let text = String(validating: raw, as: UTF8.self) else { throw ScaleError.invalidUTF8 }
            return text
        }
        signingTime = try decoder.decode()
    }

    /// The bytes the worker signs: `0xff ‖ 0x02 ‖ SCALE(payload)` (EndpointInfo domain).
    public var signedBytes: [UInt8] { [0xff, 0x02] + scaleEncoded }

    public static var typeInfo: TypeDescription {
        .init(path: ["phala_types", "WorkerEndpointPayload"], .composite([
            FieldDescription("pubkey", Sr25519Public.self, typeName: "WorkerPublicKey"),
            FieldDescription("versioned_endpoints", VersionedWorkerEndpoints.self, typeName: "VersionedWorkerEndpoints"),
            FieldDescription("signing_time", UInt64.self, typeName: "u64"),
        ]))
    }
}

/// Metadata shape of `VersionedWorkerEndpoints` (only `V1(Vec<String>)`).
enum VersionedWorkerEndpoints: TypeInfo {
    static var typeInfo: TypeDescription {
        .init(path: ["phala_types", "VersionedWorkerEndpoints"], .variant([
            VariantDescription("V1", index: 0, fields: [FieldDescription(nil, [String].self, typeName: "Vec<String>")])
        ]))
    }
}

/// A block number and its unix time in seconds (`GatekeeperLaunchedAt`).
public struct BlockAndTime: Hashable, Sendable, ScaleCodable, TypeInfo {
    /// Block number.
    public var block: UInt32
    /// Unix seconds.
    public var seconds: UInt64

    public func encode(to encoder: inout ScaleEncoder) {
        encoder.encode(block)
        encoder.encode(seconds)
    }

    /// A block and its time.
    public init(block: UInt32, seconds: UInt64) {
        self.block = block
        self.seconds = seconds
    }

    public init(from decoder: inout ScaleDecoder) throws {
        block = try decoder.decode()
        seconds = try decoder.decode()
    }

    public static var typeInfo: TypeDescription { .init(.tuple([TypeRef(UInt32.self), TypeRef(UInt64.self)])) }
}
