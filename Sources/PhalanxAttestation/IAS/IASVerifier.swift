import Crypto
import Foundation
import X509
import _CryptoExtras

/// Verifies an IAS (EPID) report: pinned IAS root, RSA-SHA256 over the raw body, freshness, quote status and body.
public enum IASVerifier {
    /// Accepted clock skew for report timestamps ahead of the verification time, in seconds.
    public static let futureSkewSeconds: Double = 60

    /// Runs every IAS step and the policy checks at `time`.
    public static func verify(report: IASReport, policy: AttestationPolicy = .default, at time: Date) -> VerificationOutcome {
        var recorder = StepRecorder()
        do {
            let result = try run(report, policy, time, &recorder)
            return VerificationOutcome(steps: recorder.records, result: .success(result))
        } catch {
            return VerificationOutcome(steps: recorder.records, result: .failure(error))
        }
    }

    private static func run(_ report: IASReport, _ policy: AttestationPolicy, _ time: Date, _ rec: inout StepRecorder)
        throws(AttestationError) -> AttestationReport
    {
        let (cert, body) = try rec.run(.iasReportFormat) { () throws -> (Certificate, IASReportBody) in
            let cert = try Certificate(derEncoded: report.signingCertificate)
            let body = try JSONDecoder().decode(IASReportBody.self, from: Data(report.body))
            return (cert, body)
        }
        try rec.run(.iasSigningChain) {
            try CertificateChain.verify(
                [cert], root: PinnedRoots.iasReportSigningCA, at: time,
                leafNameContains: "Intel SGX Attestation Report Signing")
        }
        try rec.run(.iasSignature) {
            guard let key = _RSA.Signing.PublicKey(cert.publicKey) else { throw Failure("signing key is not RSA") }
            let sig = _RSA.Signing.RSASignature(rawRepresentation: report.signature)
            guard key.isValidSignature(sig, for: SHA256.hash(data: report.body), padding: .insecurePKCS1v1_5) else {
                throw Failure("RSA signature over the report body is invalid")
            }
        }
        try rec.run(.iasFreshness) {
            guard let stamp = TimestampParser.parse(body.timestamp) else { throw Failure("bad timestamp \(body.timestamp)") }
            let age = time.timeIntervalSince(stamp)
            guard age >= -futureSkewSeconds else { throw Failure("report timestamp \(body.timestamp) is in the future") }
            guard age <= Double(policy.maxReportAgeSeconds) else {
                throw Failure("report is \(Int(age)) s old, more than \(policy.maxReportAgeSeconds) s")
            }
        }
        let status = try rec.run(.iasQuoteStatus) { () throws -> TCBStatus in
            guard let status = TCBStatus(iasQuoteStatus: body.isvEnclaveQuoteStatus), status != .revoked else {
                throw Failure("quote status \(body.isvEnclaveQuoteStatus) is not acceptable")
            }
            return status
        }
        rec.note(body.isvEnclaveQuoteStatus)
        let enclave = try rec.run(.iasQuoteBody) { () throws -> EnclaveReportBody in
            guard let quote = Data(base64Encoded: body.isvEnclaveQuoteBody), quote.count == 432 else {
                throw Failure("isvEnclaveQuoteBody is not a base64 432-byte quote")
            }
            return try EnclaveReportBody(Array(quote[48..<432]))
        }
        let advisories = body.advisoryIDs ?? []
        let result = AttestationReport(
            provider: .ias, mrEnclave: enclave.mrEnclave, mrSigner: enclave.mrSigner, isvProdId: enclave.isvProdId,
            isvSvn: enclave.isvSvn, reportData: enclave.reportData, tcbStatus: status, advisoryIds: advisories,
            confidenceLevel: ConfidenceLevel.of(status, advisoryIds: advisories) ?? 5, isDebug: enclave.isDebug)
        try policy.enforce(result, recorder: &rec)
        return result
    }
}
