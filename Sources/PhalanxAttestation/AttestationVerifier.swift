import Foundation

/// Evidence a worker submits to prove it runs inside a TEE.
public enum AttestationEvidence: Sendable {
    /// An SGX DCAP quote with its Intel collateral.
    case dcap(quote: [UInt8], collateral: DCAPCollateral)
    /// A legacy IAS (EPID) report.
    case ias(IASReport)
    /// A software-signed development statement (dev/local chains only).
    case dev(DevAttestation)
}

/// Entry point of the attestation module: verifies any evidence under a policy at a caller-given time
/// (the block timestamp on chain); never reads the wall clock.
public enum AttestationVerifier {
    /// Verifies `evidence`, returning every executed step with PASS/FAIL and the report or the failing step.
    public static func verify(_ evidence: AttestationEvidence, policy: AttestationPolicy = .default, at time: Date)
        -> VerificationOutcome
    {
        switch evidence {
        case .dcap(let quote, let collateral): DCAPVerifier.verify(quote: quote, collateral: collateral, policy: policy, at: time)
        case .ias(let report): IASVerifier.verify(report: report, policy: policy, at: time)
        case .dev(let statement): statement.verify(policy: policy, at: time)
        }
    }

    /// Verifies `evidence` at a unix time in seconds (e.g. a block timestamp).
    public static func verify(_ evidence: AttestationEvidence, policy: AttestationPolicy = .default, unixTime: UInt64)
        -> VerificationOutcome
    {
        verify(evidence, policy: policy, at: Date(timeIntervalSince1970: Double(unixTime)))
    }
}
