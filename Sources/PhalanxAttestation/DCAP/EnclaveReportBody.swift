/// An SGX enclave report body (`sgx_report_body_t`, 384 bytes): the ISV enclave report or the QE report.
public struct EnclaveReportBody: Sendable, Equatable {
    /// Size of the encoded body.
    public static let size = 384

    /// The raw 384 bytes (what the QE report signature covers).
    public let raw: [UInt8]

    /// Decodes a report body; `bytes` must be exactly 384 bytes.
    init(_ bytes: [UInt8]) throws(AttestationError) {
        guard bytes.count == Self.size else {
            throw AttestationError(.quoteFormat, "report body is \(bytes.count) bytes, expected 384")
        }
        raw = bytes
    }

    /// CPUSVN (16 bytes).
    public var cpuSvn: [UInt8] { Array(raw[0..<16]) }
    /// MISCSELECT.
    public var miscSelect: UInt32 { raw.le32(at: 16) }
    /// ATTRIBUTES (flags u64 ‖ xfrm u64, 16 bytes).
    public var attributes: [UInt8] { Array(raw[48..<64]) }
    /// Whether ATTRIBUTES.DEBUG (flags bit 1) is set.
    public var isDebug: Bool { raw[48] & 0x02 != 0 }
    /// MRENCLAVE (32 bytes).
    public var mrEnclave: [UInt8] { Array(raw[64..<96]) }
    /// MRSIGNER (32 bytes).
    public var mrSigner: [UInt8] { Array(raw[128..<160]) }
    /// ISVPRODID.
    public var isvProdId: UInt16 { raw.le16(at: 256) }
    /// ISVSVN.
    public var isvSvn: UInt16 { raw.le16(at: 258) }
    /// REPORTDATA (64 bytes).
    public var reportData: [UInt8] { Array(raw[320..<384]) }
}

/// A TDX TD report body (TD report 1.0 is 584 bytes, 1.5 is 648 bytes).
public struct TDReportBody: Sendable, Equatable {
    /// The raw body bytes.
    public let raw: [UInt8]

    /// Decodes a TD report of 584 or 648 bytes.
    init(_ bytes: [UInt8]) throws(AttestationError) {
        guard bytes.count == 584 || bytes.count == 648 else {
            throw AttestationError(.quoteFormat, "TD report body is \(bytes.count) bytes, expected 584 or 648")
        }
        raw = bytes
    }

    /// TEE_TCB_SVN (16 bytes).
    public var teeTcbSvn: [UInt8] { Array(raw[0..<16]) }
    /// MRSEAM (48 bytes).
    public var mrSeam: [UInt8] { Array(raw[16..<64]) }
    /// MRSIGNERSEAM (48 bytes).
    public var mrSignerSeam: [UInt8] { Array(raw[64..<112]) }
    /// SEAMATTRIBUTES (8 bytes).
    public var seamAttributes: [UInt8] { Array(raw[112..<120]) }
    /// Whether TDATTRIBUTES.DEBUG (bit 0) is set.
    public var isDebug: Bool { raw[120] & 0x01 != 0 }
    /// MRTD (48 bytes).
    public var mrTd: [UInt8] { Array(raw[136..<184]) }
    /// REPORTDATA (64 bytes).
    public var reportData: [UInt8] { Array(raw[520..<584]) }
}

/// The attested body of a quote.
public enum QuoteBody: Sendable, Equatable {
    /// An SGX enclave report.
    case sgx(EnclaveReportBody)
    /// A TDX TD report.
    case tdx(TDReportBody)
}
