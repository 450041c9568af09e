import Crypto
import Foundation

/// A development attestation for machines without SGX: a statement signed with a software Ed25519 key that binds
/// the worker's public key and REPORTDATA. It proves only possession of the software key — no hardware, no
/// measurement — and is accepted only when the policy sets `allowDev` (dev/local chains), with confidence 128.
///
/// Wire format (201 bytes): version(1) = 1 ‖ signer key(32) ‖ worker key(32) ‖ reportData(64) ‖ issuedAt u64 LE
/// (unix seconds) ‖ Ed25519 signature(64) over `"phalanx/attestation/dev:v1" ‖` the first 137 bytes.
public struct DevAttestation: Sendable, Equatable {
    /// Domain-separation tag prefixed to the signed bytes.
    public static let context = Array("phalanx/attestation/dev:v1".utf8)
    /// Encoded size.
    public static let size = 201

    /// Ed25519 public key of the software signer.
    public let signerPublicKey: [UInt8]
    /// The worker public key being attested (32 bytes).
    public let workerPublicKey: [UInt8]
    /// REPORTDATA equivalent (64 bytes), bound like an SGX quote's.
    public let reportData: [UInt8]
    /// Issue time, unix seconds.
    public let issuedAt: UInt64
    /// Ed25519 signature.
    public let signature: [UInt8]

    /// Creates and signs a statement with a software key.
    public init(
        workerPublicKey: [UInt8], reportData: [UInt8], issuedAt: UInt64, signingKey: Curve25519.Signing.PrivateKey
    ) throws(AttestationError) {
        guard workerPublicKey.count == 32, reportData.count == 64 else {
            throw AttestationError(.devStatementFormat, "worker key must be 32 bytes and report data 64 bytes")
        }
        self.signerPublicKey = Array(signingKey.publicKey.rawRepresentation)
        self.workerPublicKey = workerPublicKey
        self.reportData = reportData
        self.issuedAt = issuedAt
        let message = Self.context + Self.unsigned(signerPublicKey, workerPublicKey, reportData, issuedAt)
        do { signature = Array(try signingKey.signature(for: message)) } catch {
            throw AttestationError(.devSignature, "signing failed: \(error)")
        }
    }

    /// Decodes the 201-byte wire format.
    public init(bytes: [UInt8]) throws(AttestationError) {
        guard bytes.count == Self.size, bytes[0] == 1 else {
            throw AttestationError(.devStatementFormat, "dev attestation must be \(Self.size) bytes of version 1")
        }
        signerPublicKey = Array(bytes[1..<33])
        workerPublicKey = Array(bytes[33..<65])
        reportData = Array(bytes[65..<129])
        issuedAt = bytes.le64(at: 129)
        signature = Array(bytes[137..<201])
    }

    /// The 201-byte wire encoding.
    public var encoded: [UInt8] { Self.unsigned(signerPublicKey, workerPublicKey, reportData, issuedAt) + signature }

    /// The bytes covered by the signature (after the context tag).
    private static func unsigned(_ signer: [UInt8], _ worker: [UInt8], _ data: [UInt8], _ at: UInt64) -> [UInt8] {
        [1] + signer + worker + data + (0..<8).map { UInt8(truncatingIfNeeded: at >> (8 * $0)) }
    }

    /// Verifies the statement under `policy` at `time`.
    public func verify(policy: AttestationPolicy, at time: Date) -> VerificationOutcome {
        var recorder = StepRecorder()
        do {
            let report = try run(policy, time, &recorder)
            return VerificationOutcome(steps: recorder.records, result: .success(report))
        } catch {
            return VerificationOutcome(steps: recorder.records, result: .failure(error))
        }
    }

    private func run(_ policy: AttestationPolicy, _ time: Date, _ rec: inout StepRecorder) throws(AttestationError)
        -> AttestationReport
    {
        try rec.run(.devStatementFormat) {
            guard signerPublicKey.count == 32, workerPublicKey.count == 32, reportData.count == 64, signature.count == 64
            else { throw Failure("field sizes are wrong") }
        }
        try rec.run(.devSignature) {
            let key = try Curve25519.Signing.PublicKey(rawRepresentation: signerPublicKey)
            let message = Self.context + Self.unsigned(signerPublicKey, workerPublicKey, reportData, issuedAt)
            guard key.isValidSignature(signature, for: message) else { throw Failure("Ed25519 signature is invalid") }
        }
        try rec.run(.devPolicy) {
            guard policy.allowDev else { throw Failure("dev attestation is not allowed by this chain's policy") }
            let age = time.timeIntervalSince1970 - Double(issuedAt)
            guard age >= -IASVerifier.futureSkewSeconds, age <= Double(policy.maxReportAgeSeconds) else {
                throw Failure("dev statement issued at \(issuedAt) is not fresh at \(time)")
            }
        }
        rec.note("DEV ATTESTATION ACCEPTED: software key only, no hardware guarantee")
        return AttestationReport(
            provider: .dev, mrEnclave: [UInt8](repeating: 0, count: 32),
            mrSigner: Array(SHA256.hash(data: signerPublicKey)), isvProdId: 0, isvSvn: 0, reportData: reportData,
            tcbStatus: nil, advisoryIds: [], confidenceLevel: ConfidenceLevel.dev, isDebug: false)
    }
}
