import Foundation

/// Intel TCB info (v2 or v3) for one FMSPC, decoded from the signed bytes.
struct TCBInfo: Decodable {
    /// "SGX" or "TDX" (v3 only).
    let id: String?
    /// Format version (2 or 3).
    let version: Int
    /// Start of validity.
    let issueDate: String
    /// End of validity.
    let nextUpdate: String
    /// FMSPC as hex.
    let fmspc: String
    /// PCE ID as hex.
    let pceId: String
    /// TCB levels, newest first.
    let tcbLevels: [TCBLevel]
    /// TDX module identity (TDX only).
    let tdxModule: TDXModule?
    /// TDX module identities by module version (TDX 1.5+).
    let tdxModuleIdentities: [TDXModuleIdentity]?
}

/// A TDX module identity with its own TCB levels (`TDX_<version>`).
struct TDXModuleIdentity: Decodable {
    /// "TDX_01", "TDX_03", …
    let id: String
    /// MRSIGNERSEAM as hex.
    let mrsigner: String
    /// SEAM attributes as hex.
    let attributes: String
    /// SEAM attributes mask as hex.
    let attributesMask: String
    /// Levels keyed by the module ISVSVN (TEE_TCB_SVN[0]).
    let tcbLevels: [QELevel]
}

/// TDX module identity in TCB info.
struct TDXModule: Decodable {
    /// MRSIGNERSEAM as hex.
    let mrsigner: String
    /// SEAM attributes as hex.
    let attributes: String
    /// SEAM attributes mask as hex.
    let attributesMask: String
}

/// One TCB level of a TCB info.
struct TCBLevel: Decodable {
    /// The component thresholds.
    let tcb: TCBComponents
    /// Status string, e.g. "SWHardeningNeeded".
    let tcbStatus: String
    /// Advisory IDs.
    let advisoryIDs: [String]?
}

/// TCB component thresholds in either the v2 (`sgxtcbcompNNsvn`) or v3 (`sgxtcbcomponents`) shape.
struct TCBComponents: Decodable {
    /// The 16 SGX component SVN thresholds.
    let sgx: [Int]
    /// The PCESVN threshold.
    let pcesvn: Int
    /// The 16 TDX component thresholds (TDX only).
    let tdx: [Int]?

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
    private struct Component: Decodable { let svn: Int }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        pcesvn = try c.decode(Int.self, forKey: Key(stringValue: "pcesvn"))
        if c.contains(Key(stringValue: "sgxtcbcomponents")) {
            sgx = try c.decode([Component].self, forKey: Key(stringValue: "sgxtcbcomponents")).map(\.svn)
        } else {
            sgx = try (1...16).map { n in
                try c.decode(Int.self, forKey: Key(stringValue: String(format: "sgxtcbcomp%02dsvn", n)))
            }
        }
        tdx = try c.decodeIfPresent([Component].self, forKey: Key(stringValue: "tdxtcbcomponents"))?.map(\.svn)
        guard sgx.count == 16, tdx == nil || tdx?.count == 16 else {
            throw Failure("TCB level does not have 16 components")
        }
    }
}

/// Intel QE identity (enclaveIdentity v2), decoded from the signed bytes.
struct QEIdentity: Decodable {
    /// "QE" or "TD_QE".
    let id: String
    /// Format version.
    let version: Int
    /// Start of validity.
    let issueDate: String
    /// End of validity.
    let nextUpdate: String
    /// Expected MISCSELECT (hex u32).
    let miscselect: String
    /// MISCSELECT mask (hex u32).
    let miscselectMask: String
    /// Expected ATTRIBUTES (hex, 16 bytes).
    let attributes: String
    /// ATTRIBUTES mask (hex, 16 bytes).
    let attributesMask: String
    /// Expected MRSIGNER (hex).
    let mrsigner: String
    /// Expected ISVPRODID.
    let isvprodid: Int
    /// QE TCB levels.
    let tcbLevels: [QELevel]
}

/// One QE identity TCB level.
struct QELevel: Decodable {
    /// The ISVSVN threshold.
    struct Threshold: Decodable {
        /// Minimum ISVSVN.
        let isvsvn: Int
    }
    /// The threshold.
    let tcb: Threshold
    /// Status string.
    let tcbStatus: String
    /// Advisory IDs.
    let advisoryIDs: [String]?
}
