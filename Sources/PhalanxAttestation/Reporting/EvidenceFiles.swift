import Foundation

/// Loading evidence and times from files and text, for `phalanx attestation verify`.
extension AttestationEvidence {
    /// Loads evidence: a DCAP quote with collateral (a directory of PCS downloads, or a file with Phala's SCALE
    /// `SgxV30QuoteCollateral`), or an IAS report (Phala's `{raReport, signature, rawSigningCert}` JSON).
    public static func load(quote: URL?, collateral: URL?, iasReport: URL?) throws -> AttestationEvidence {
        if let iasReport {
            return .ias(try IASReport(phalaJSON: Array(try Data(contentsOf: iasReport))))
        }
        guard let quote else { throw AttestationError(.quoteFormat, "give a quote file or an IAS report file") }
        guard let collateral else { throw AttestationError(.quoteFormat, "a DCAP quote needs its collateral") }
        var isDirectory: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: collateral.path, isDirectory: &isDirectory)
        let parsed =
            isDirectory.boolValue
            ? try DCAPCollateral(directory: collateral)
            : try DCAPCollateral(phalaSCALE: Array(try Data(contentsOf: collateral)))
        return .dcap(quote: Array(try Data(contentsOf: quote)), collateral: parsed)
    }
}

/// Verification times given as text.
public enum AttestationTime {
    /// Parses a UTC RFC 3339 timestamp such as `2023-11-21T12:00:00Z` (fractional seconds allowed; offsets are not).
    public static func parse(_ text: String) -> Date? { TimestampParser.parse(text) }
}
