import PhalanxPrimitives

/// The chain's attestation policy: which enclaves and TCB statuses are accepted. A Sendable, Codable value
/// ready to be stored on chain (the Registry pallet) and changed by governance.
public struct AttestationPolicy: Sendable, Codable, Equatable {
    /// Allowed enclave entries (Phala's 68-byte pRuntime entries); `nil` disables the check (the caller must then
    /// check the measurements itself).
    public var allowedEnclaves: [AllowedEnclave]?
    /// Accepted TCB statuses.
    public var allowedTCBStatuses: [TCBStatus]
    /// Maximum age in seconds of an IAS report or dev statement at the verification time.
    public var maxReportAgeSeconds: UInt64
    /// Whether DEBUG enclaves are accepted (never on a production chain).
    public var allowDebug: Bool
    /// Whether software-signed dev attestations are accepted (dev/local chains only).
    public var allowDev: Bool
    /// Whether TDX quotes are accepted (Phalanx workers are SGX enclaves, so not by default).
    public var allowTDX: Bool

    /// The default statuses: UpToDate, SWHardeningNeeded, ConfigurationNeeded, ConfigurationAndSWHardeningNeeded.
    public static let defaultTCBStatuses: [TCBStatus] = [
        .upToDate, .swHardeningNeeded, .configurationNeeded, .configurationAndSWHardeningNeeded,
    ]

    /// The default production policy: no debug, no dev, default statuses, 2-hour freshness, no enclave allow-list.
    public static let `default` = AttestationPolicy()

    /// Creates a policy.
    public init(
        allowedEnclaves: [AllowedEnclave]? = nil, allowedTCBStatuses: [TCBStatus] = Self.defaultTCBStatuses,
        maxReportAgeSeconds: UInt64 = 7200, allowDebug: Bool = false, allowDev: Bool = false, allowTDX: Bool = false
    ) {
        self.allowTDX = allowTDX
        self.allowedEnclaves = allowedEnclaves
        self.allowedTCBStatuses = allowedTCBStatuses
        self.maxReportAgeSeconds = maxReportAgeSeconds
        self.allowDebug = allowDebug
        self.allowDev = allowDev
    }

    /// Applies the debug, TCB status and enclave checks to a verified report, recording each step.
    func enforce(_ report: AttestationReport, recorder: inout StepRecorder) throws(AttestationError) {
        try recorder.run(.teePolicy) {
            if report.tee == .tdx && !allowTDX { throw Failure("TDX quotes are not allowed by policy") }
        }
        try recorder.run(.debugPolicy) {
            if report.isDebug && !allowDebug { throw Failure("DEBUG enclave rejected by policy") }
        }
        if let status = report.tcbStatus {
            try recorder.run(.tcbStatusPolicy) {
                guard allowedTCBStatuses.contains(status) else {
                    throw Failure("TCB status \(status.rawValue) is not allowed by policy")
                }
            }
            recorder.note(status.rawValue)
        }
        try recorder.run(.enclavePolicy) {
            guard let allowed = allowedEnclaves else { return }
            let entry = AllowedEnclave.entry(of: report)
            guard allowed.contains(where: { $0.entry == entry }) else {
                throw Failure("enclave \(entry.hex) is not in the allow-list")
            }
        }
        if allowedEnclaves == nil { recorder.note("allow-list not enforced by this policy") }
    }
}

/// One allowed enclave: Phala's 68-byte entry mr_enclave(32) ‖ isv_prod_id(2) ‖ isv_svn(2) ‖ mr_signer(32).
public struct AllowedEnclave: Sendable, Hashable, Codable {
    /// The 68 bytes.
    public let entry: [UInt8]

    /// Wraps 68 entry bytes; `nil` on another length.
    public init?(entry: [UInt8]) {
        guard entry.count == 68 else { return nil }
        self.entry = entry
    }

    /// Builds the entry from fields (big-endian ISV fields, as Phala's DCAP path).
    public init?(mrEnclave: [UInt8], isvProdId: UInt16, isvSvn: UInt16, mrSigner: [UInt8]) {
        guard mrEnclave.count == 32, mrSigner.count == 32 else { return nil }
        entry = mrEnclave + Self.be(isvProdId) + Self.be(isvSvn) + mrSigner
    }

    /// The entry Phala computes for a report: ISV fields big-endian for DCAP/dev, raw little-endian quote bytes for
    /// IAS (Phala's quirk; both agree when ISVPRODID and ISVSVN are 0).
    public static func entry(of report: AttestationReport) -> [UInt8] {
        let prod = report.provider == .ias ? le(report.isvProdId) : be(report.isvProdId)
        let svn = report.provider == .ias ? le(report.isvSvn) : be(report.isvSvn)
        return report.mrEnclave + prod + svn + report.mrSigner
    }

    private static func be(_ v: UInt16) -> [UInt8] { [UInt8(v >> 8), UInt8(v & 0xff)] }
    private static func le(_ v: UInt16) -> [UInt8] { [UInt8(v & 0xff), UInt8(v >> 8)] }

    /// Decodes from a hex string.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let bytes = [UInt8](hex: text), bytes.count == 68 else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "expected 68 hex bytes"))
        }
        entry = bytes
    }

    /// Encodes as a hex string.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(entry.hex)
    }
}
