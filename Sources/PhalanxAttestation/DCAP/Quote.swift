/// A parsed Intel DCAP ECDSA-P256 quote (v3 SGX; v4/v5 SGX or TDX). Parsing is strict and never traps.
public struct DCAPQuote: Sendable, Equatable {
    /// Intel's QE vendor ID.
    public static let intelQEVendorId: [UInt8] = [
        0x93, 0x9A, 0x72, 0x33, 0xF7, 0x9C, 0x4C, 0xA9, 0x94, 0x0A, 0x0D, 0xB3, 0x95, 0x7F, 0x06, 0x07,
    ]
    /// TEE type value for SGX.
    public static let teeTypeSGX: UInt32 = 0
    /// TEE type value for TDX.
    public static let teeTypeTDX: UInt32 = 0x81

    /// The quote bytes.
    public let raw: [UInt8]
    /// Quote version (3, 4 or 5).
    public let version: UInt16
    /// Attestation key type (2 = ECDSA-256-with-P-256).
    public let attestationKeyType: UInt16
    /// TEE type (0 SGX, 0x81 TDX; 0 for v3).
    public let teeType: UInt32
    /// QE SVN from the header.
    public let qeSvn: UInt16
    /// PCE SVN from the header.
    public let pceSvn: UInt16
    /// QE vendor ID (16 bytes).
    public let qeVendorId: [UInt8]
    /// The attested body.
    public let body: QuoteBody
    /// Number of leading bytes covered by the quote signature (header ‖ [v5 descriptor ‖] body).
    public let signedLength: Int
    /// ECDSA signature r‖s by the attestation key.
    public let signature: [UInt8]
    /// Attestation public key x‖y.
    public let attestationKey: [UInt8]
    /// The QE report.
    public let qeReport: EnclaveReportBody
    /// QE report signature r‖s by the PCK key.
    public let qeReportSignature: [UInt8]
    /// QE authentication data.
    public let qeAuthData: [UInt8]
    /// Certification data type (5 = PEM PCK chain).
    public let certificationDataType: UInt16
    /// Certification data.
    public let certificationData: [UInt8]

    /// The bytes signed by the attestation key.
    public var signedBytes: ArraySlice<UInt8> { raw[0..<signedLength] }

    /// The SGX enclave report, if this is an SGX quote.
    public var enclaveReport: EnclaveReportBody? { if case .sgx(let r) = body { r } else { nil } }

    /// Parses quote bytes; throws a `.quoteFormat` error on any malformed, truncated or trailing data.
    public init(bytes: [UInt8]) throws(AttestationError) {
        raw = bytes
        var r = ByteReader(bytes)
        version = try r.u16("version")
        guard (3...5).contains(version) else { throw AttestationError(.quoteFormat, "unsupported quote version \(version)") }
        attestationKeyType = try r.u16("attestation key type")
        guard attestationKeyType == 2 else {
            throw AttestationError(.quoteFormat, "attestation key type \(attestationKeyType) is not ECDSA-P256 (2)")
        }
        teeType = try r.u32("tee type")
        qeSvn = try r.u16("qe svn")
        pceSvn = try r.u16("pce svn")
        qeVendorId = try r.read(16, "qe vendor id")
        guard qeVendorId == Self.intelQEVendorId else { throw AttestationError(.quoteFormat, "QE vendor is not Intel") }
        _ = try r.read(20, "user data")
        if version == 3, teeType != 0 { throw AttestationError(.quoteFormat, "v3 quote has non-zero reserved field") }
        guard teeType == Self.teeTypeSGX || teeType == Self.teeTypeTDX else {
            throw AttestationError(.quoteFormat, "unknown TEE type \(teeType)")
        }
        // Body.
        var bodySize = teeType == Self.teeTypeSGX ? EnclaveReportBody.size : 584
        if version == 5 {
            let bodyType = try r.u16("body type")
            let size = try r.u32("body size")
            let expected: (UInt32, Int)? =
                switch bodyType {
                case 1: (Self.teeTypeSGX, 384)
                case 2: (Self.teeTypeTDX, 584)
                case 3: (Self.teeTypeTDX, 648)
                default: nil
                }
            guard let expected, expected.0 == teeType, Int(size) == expected.1 else {
                throw AttestationError(.quoteFormat, "v5 body type \(bodyType) size \(size) does not match the TEE type")
            }
            bodySize = expected.1
        }
        let bodyBytes = try r.read(bodySize, "report body")
        body = teeType == Self.teeTypeSGX ? .sgx(try EnclaveReportBody(bodyBytes)) : .tdx(try TDReportBody(bodyBytes))
        signedLength = r.offset
        // Signature data.
        let sigLength = try r.u32("signature data length")
        var s = try r.sub(Int(sigLength), "signature data")
        try r.expectEnd("signature data")
        signature = try s.read(64, "quote signature")
        attestationKey = try s.read(64, "attestation key")
        var qe: ByteReader
        if version == 3 {
            qe = s
        } else {
            let type = try s.u16("certification data type")
            guard type == 6 else { throw AttestationError(.quoteFormat, "v\(version) certification data type \(type), expected 6") }
            let size = try s.u32("QE report certification data size")
            qe = try s.sub(Int(size), "QE report certification data")
            try s.expectEnd("QE report certification data")
        }
        qeReport = try EnclaveReportBody(try qe.read(EnclaveReportBody.size, "QE report"))
        qeReportSignature = try qe.read(64, "QE report signature")
        let authLength = try qe.u16("QE auth data size")
        qeAuthData = try qe.read(Int(authLength), "QE auth data")
        certificationDataType = try qe.u16("certification data type")
        let certLength = try qe.u32("certification data size")
        certificationData = try qe.read(Int(certLength), "certification data")
        try qe.expectEnd("certification data")
    }
}
