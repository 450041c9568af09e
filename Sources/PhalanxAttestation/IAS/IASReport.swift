import Foundation
import PhalanxPrimitives

/// An Intel Attestation Service (EPID) attestation verification report as delivered: raw body, signature, signing cert.
public struct IASReport: Sendable, Equatable {
    /// The exact response body bytes (the signature covers these).
    public let body: [UInt8]
    /// RSA-PKCS#1 v1.5 SHA-256 signature over `body`.
    public let signature: [UInt8]
    /// DER of the "Intel SGX Attestation Report Signing" certificate.
    public let signingCertificate: [UInt8]

    /// Creates a report from its parts.
    public init(body: [UInt8], signature: [UInt8], signingCertificate: [UInt8]) {
        self.body = body
        self.signature = signature
        self.signingCertificate = signingCertificate
    }

    /// Decodes Phala's `{raReport, signature, rawSigningCert}` JSON (signature and cert in base64 or hex).
    public init(phalaJSON: [UInt8]) throws(AttestationError) {
        struct Envelope: Decodable {
            let raReport: String
            let signature: String
            let rawSigningCert: String
        }
        guard let envelope = try? JSONDecoder().decode(Envelope.self, from: Data(phalaJSON)) else {
            throw AttestationError(.iasReportFormat, "not a {raReport, signature, rawSigningCert} JSON object")
        }
        func binary(_ text: String, _ what: String) throws(AttestationError) -> [UInt8] {
            if let raw = [UInt8](hex: text) { return raw }
            if let raw = Data(base64Encoded: text) { return Array(raw) }
            throw AttestationError(.iasReportFormat, "\(what) is neither hex nor base64")
        }
        body = Array(envelope.raReport.utf8)
        signature = try binary(envelope.signature, "signature")
        signingCertificate = try binary(envelope.rawSigningCert, "signing certificate")
    }
}

/// The fields of an IAS report body this verifier uses.
struct IASReportBody: Decodable {
    /// Report ID.
    let id: String
    /// UTC timestamp without zone, e.g. "2023-10-18T09:01:15.022794".
    let timestamp: String
    /// API version (3, 4 or 5).
    let version: Int
    /// Quote status, e.g. "OK", "SW_HARDENING_NEEDED".
    let isvEnclaveQuoteStatus: String
    /// Base64 of the 432-byte `sgx_quote_t` without signature.
    let isvEnclaveQuoteBody: String
    /// Advisory IDs.
    let advisoryIDs: [String]?
}
