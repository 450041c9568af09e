/// Which kind of evidence produced an attestation result.
public enum AttestationProvider: String, Sendable, Codable, Hashable {
    /// Intel SGX DCAP (ECDSA) quote with Intel PCS collateral.
    case dcap
    /// Intel Attestation Service (EPID) report.
    case ias
    /// Software-signed development statement: no hardware guarantee at all.
    case dev
}

/// The kind of trusted execution environment that produced the evidence.
public enum TEEType: String, Sendable, Codable, Hashable {
    /// An SGX enclave (Phalanx workers).
    case sgx
    /// A TDX trust domain (a confidential VM).
    case tdx
}

/// Intel TCB status of a platform (DCAP names; IAS quote statuses map onto these).
public enum TCBStatus: String, Sendable, Codable, Hashable, CaseIterable {
    /// The platform is fully patched.
    case upToDate = "UpToDate"
    /// Patched, but software mitigations are needed.
    case swHardeningNeeded = "SWHardeningNeeded"
    /// Patched, but platform configuration is needed.
    case configurationNeeded = "ConfigurationNeeded"
    /// Patched, but configuration and software mitigations are needed.
    case configurationAndSWHardeningNeeded = "ConfigurationAndSWHardeningNeeded"
    /// The platform TCB is out of date.
    case outOfDate = "OutOfDate"
    /// Out of date and configuration is needed.
    case outOfDateConfigurationNeeded = "OutOfDateConfigurationNeeded"
    /// The platform TCB is revoked.
    case revoked = "Revoked"

    /// Maps an IAS `isvEnclaveQuoteStatus` to a TCB status; `nil` for statuses that mean an invalid quote.
    public init?(iasQuoteStatus: String) {
        switch iasQuoteStatus {
        case "OK": self = .upToDate
        case "SW_HARDENING_NEEDED": self = .swHardeningNeeded
        case "CONFIGURATION_NEEDED": self = .configurationNeeded
        case "CONFIGURATION_AND_SW_HARDENING_NEEDED": self = .configurationAndSWHardeningNeeded
        case "GROUP_OUT_OF_DATE": self = .outOfDate
        case "GROUP_REVOKED", "KEY_REVOKED", "SIGNATURE_REVOKED": self = .revoked
        default: return nil
        }
    }
}

/// Phala's confidence levels (1 best … 5 worst; 128 for dev attestation).
public enum ConfidenceLevel {
    /// The level of dev (software) attestations, as Phala's "none" attestation.
    public static let dev: UInt8 = 128
    /// Advisories that keep a Configuration* status at level 3 (Phala `utils/constants.rs`).
    public static let tolerableAdvisories: Set<String> = [
        "INTEL-SA-00334", "INTEL-SA-00219", "INTEL-SA-00381", "INTEL-SA-00389",
    ]

    /// Phala's level for a TCB status and its advisories; `nil` for Revoked.
    public static func of(_ status: TCBStatus, advisoryIds: [String]) -> UInt8? {
        switch status {
        case .upToDate: 1
        case .swHardeningNeeded: 2
        case .configurationNeeded, .configurationAndSWHardeningNeeded:
            advisoryIds.allSatisfy { tolerableAdvisories.contains($0) } ? 3 : 4
        case .outOfDate, .outOfDateConfigurationNeeded: 5
        case .revoked: nil
        }
    }
}

/// The verified facts of an accepted attestation.
public struct AttestationReport: Sendable, Equatable, Codable {
    /// The evidence kind.
    public let provider: AttestationProvider
    /// The TEE kind (SGX for workers; TDX only when the policy allows it).
    public let tee: TEEType
    /// MRENCLAVE (32 bytes); for TDX, MRTD (48 bytes).
    public let mrEnclave: [UInt8]
    /// MRSIGNER (32 bytes); for TDX, MRSIGNERSEAM (48 bytes).
    public let mrSigner: [UInt8]
    /// ISVPRODID.
    public let isvProdId: UInt16
    /// ISVSVN.
    public let isvSvn: UInt16
    /// REPORTDATA (64 bytes); the caller checks that it binds the worker key.
    public let reportData: [UInt8]
    /// TCB status (nil for dev attestations).
    public let tcbStatus: TCBStatus?
    /// Intel advisory IDs for the matched TCB level.
    public let advisoryIds: [String]
    /// Phala confidence level: 1…5, or 128 for dev.
    public let confidenceLevel: UInt8
    /// Whether the enclave runs in DEBUG mode.
    public let isDebug: Bool

    /// Creates a report.
    public init(
        provider: AttestationProvider, mrEnclave: [UInt8], mrSigner: [UInt8], isvProdId: UInt16, isvSvn: UInt16,
        reportData: [UInt8], tcbStatus: TCBStatus?, advisoryIds: [String], confidenceLevel: UInt8, isDebug: Bool,
        tee: TEEType = .sgx
    ) {
        self.provider = provider
        self.tee = tee
        self.mrEnclave = mrEnclave
        self.mrSigner = mrSigner
        self.isvProdId = isvProdId
        self.isvSvn = isvSvn
        self.reportData = reportData
        self.tcbStatus = tcbStatus
        self.advisoryIds = advisoryIds
        self.confidenceLevel = confidenceLevel
        self.isDebug = isDebug
    }
}

/// Result of a verification: every executed step with PASS/FAIL, then the report or the error.
public struct VerificationOutcome: Sendable {
    /// Executed steps in order; verification stops at the first failure.
    public let steps: [StepRecord]
    /// The accepted report, or the first failure.
    public let result: Result<AttestationReport, AttestationError>

    /// Whether the evidence was accepted.
    public var isAccepted: Bool { if case .success = result { true } else { false } }
    /// The report, if accepted.
    public var report: AttestationReport? { try? result.get() }
    /// The error, if rejected.
    public var error: AttestationError? { if case .failure(let e) = result { e } else { nil } }
}
