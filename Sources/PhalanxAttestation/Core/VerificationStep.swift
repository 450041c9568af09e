/// The named steps of attestation verification; each has a stable numeric code and a one-sentence description.
public enum VerificationStep: String, Sendable, Codable, CaseIterable, Hashable {
    /// The quote bytes parse as a v3/v4/v5 ECDSA-P256 quote from the Intel QE.
    case quoteFormat
    /// The PCK certificate chain verifies up to the pinned Intel SGX Root CA key at the verification time.
    case pckCertChain
    /// The Intel SGX Root CA CRL is signed by the pinned root, current, and does not revoke the PCK CA.
    case rootCaCrl
    /// The PCK (platform or processor) CA CRL is signed by the PCK CA, current, and does not revoke the PCK leaf.
    case pckCrl
    /// The QE report is signed by the PCK leaf key.
    case qeReportSignature
    /// The QE REPORTDATA equals SHA-256(attestation key ‖ QE auth data) ‖ 0^32.
    case qeReportDataBinding
    /// The quote header and enclave report are signed by the attestation key.
    case quoteSignature
    /// The TCB info / QE identity issuer chain (Intel SGX TCB Signing) verifies up to the pinned root.
    case tcbSigningChain
    /// The QE identity JSON is signed by the TCB signing key over its exact bytes.
    case qeIdentitySignature
    /// The verification time lies inside the QE identity issueDate..nextUpdate window.
    case qeIdentityValidity
    /// The QE report matches the QE identity (MRSIGNER, ISVPRODID, masked MISCSELECT/ATTRIBUTES) and its TCB level is known and not revoked.
    case qeIdentityMatch
    /// The TCB info JSON is signed by the TCB signing key over its exact bytes.
    case tcbInfoSignature
    /// The verification time lies inside the TCB info issueDate..nextUpdate window.
    case tcbInfoValidity
    /// The TCB info is for this TEE type and the FMSPC and PCEID of the PCK certificate.
    case tcbInfoMatch
    /// A TCB level matches the platform's PCK TCB, giving the TCB status and advisory IDs.
    case tcbLevel
    /// The IAS report envelope, body JSON and signing certificate decode.
    case iasReportFormat
    /// The IAS signing certificate chains to the pinned Intel Attestation Report Signing CA at the verification time.
    case iasSigningChain
    /// The RSA-SHA256 signature over the raw IAS report body is valid.
    case iasSignature
    /// The IAS report timestamp is within the policy freshness window of the verification time.
    case iasFreshness
    /// The IAS quote status is a known, non-revoked status.
    case iasQuoteStatus
    /// The IAS quote body decodes as a 432-byte SGX quote.
    case iasQuoteBody
    /// The dev attestation statement decodes.
    case devStatementFormat
    /// The dev attestation signature by the software key is valid.
    case devSignature
    /// The dev attestation is fresh and the policy allows dev attestations.
    case devPolicy
    /// The TEE type (SGX, or TDX if allowed) is accepted by the policy.
    case teePolicy
    /// The enclave is not a DEBUG enclave, unless the policy allows debug.
    case debugPolicy
    /// The TCB status is one the policy allows.
    case tcbStatusPolicy
    /// The enclave measurement entry is in the policy's allow-list.
    case enclavePolicy

    /// Stable numeric code of the step (also the code of the error raised when it fails).
    public var code: UInt16 {
        switch self {
        case .quoteFormat: 101
        case .pckCertChain: 102
        case .rootCaCrl: 103
        case .pckCrl: 104
        case .qeReportSignature: 105
        case .qeReportDataBinding: 106
        case .quoteSignature: 107
        case .tcbSigningChain: 108
        case .qeIdentitySignature: 109
        case .qeIdentityValidity: 110
        case .qeIdentityMatch: 111
        case .tcbInfoSignature: 112
        case .tcbInfoValidity: 113
        case .tcbInfoMatch: 114
        case .tcbLevel: 115
        case .iasReportFormat: 201
        case .iasSigningChain: 202
        case .iasSignature: 203
        case .iasFreshness: 204
        case .iasQuoteStatus: 205
        case .iasQuoteBody: 206
        case .devStatementFormat: 301
        case .devSignature: 302
        case .devPolicy: 303
        case .debugPolicy: 401
        case .tcbStatusPolicy: 402
        case .enclavePolicy: 403
        case .teePolicy: 404
        }
    }

    /// One-sentence description of what the step checks.
    public var summary: String {
        switch self {
        case .quoteFormat: "The quote parses as a v3/v4/v5 ECDSA-P256 quote from the Intel quoting enclave."
        case .pckCertChain: "The PCK certificate chain verifies up to the pinned Intel SGX Root CA key."
        case .rootCaCrl: "The Intel SGX Root CA CRL is authentic, current and does not revoke the PCK CA."
        case .pckCrl: "The PCK CA CRL is authentic, current and does not revoke the PCK certificate."
        case .qeReportSignature: "The quoting enclave report is signed by the PCK key."
        case .qeReportDataBinding: "The quoting enclave report binds the attestation key and QE auth data."
        case .quoteSignature: "The quote is signed by the attestation key."
        case .tcbSigningChain: "The TCB signing certificate chain verifies up to the pinned Intel SGX Root CA key."
        case .qeIdentitySignature: "The QE identity is signed by the Intel TCB signing key."
        case .qeIdentityValidity: "The QE identity is valid at the verification time."
        case .qeIdentityMatch: "The quoting enclave matches the Intel QE identity and its TCB is not revoked."
        case .tcbInfoSignature: "The TCB info is signed by the Intel TCB signing key."
        case .tcbInfoValidity: "The TCB info is valid at the verification time."
        case .tcbInfoMatch: "The TCB info matches the TEE type, FMSPC, PCEID and TDX module of the quote."
        case .tcbLevel: "A TCB level matches the platform, giving its TCB status and advisories."
        case .iasReportFormat: "The IAS report, signature and signing certificate decode."
        case .iasSigningChain: "The IAS signing certificate chains to the pinned Intel report signing root."
        case .iasSignature: "The IAS report body carries a valid RSA-SHA256 signature."
        case .iasFreshness: "The IAS report is recent enough for the policy."
        case .iasQuoteStatus: "The IAS quote status is known and not revoked."
        case .iasQuoteBody: "The IAS quote body decodes as an SGX quote."
        case .devStatementFormat: "The dev attestation statement decodes."
        case .devSignature: "The dev attestation is signed by its software key."
        case .devPolicy: "The policy allows dev attestations and the statement is fresh."
        case .teePolicy: "The TEE type is allowed by the policy."
        case .debugPolicy: "The enclave is not in DEBUG mode, or the policy allows debug enclaves."
        case .tcbStatusPolicy: "The TCB status is allowed by the policy."
        case .enclavePolicy: "The enclave measurement is in the policy allow-list."
        }
    }
}
