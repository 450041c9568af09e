// PhalanxAttestation: verification of TEE attestation evidence for worker registration (ARCHITECTURE.md §6).
//
// Overview
// - `AttestationVerifier.verify(_:policy:at:)` takes evidence (`.dcap`, `.ias` or `.dev`), an `AttestationPolicy`
//   and the verification time (the block timestamp on chain; the verifier never reads the wall clock) and returns a
//   `VerificationOutcome`: every executed `VerificationStep` with PASS/FAIL, then an `AttestationReport` or the
//   first `AttestationError` (stable numeric code = the failing step's code, one-sentence reason).
// - Pure and synchronous: no network, no disk (except the explicit loaders in Reporting/), no global state.
//
// What a DCAP verification checks (DCAP/DCAPVerifier.swift), in order
//   quote layout (v3, v4, v5; SGX or TDX; ECDSA-P256; Intel QE vendor; no trailing bytes) → PCK chain up to the
//   pinned Intel SGX Root CA *key* (validity at the given time, CA flags, unhandled critical extensions rejected) →
//   root CA CRL (signed by the root, current, PCK CA and TCB signer not revoked) → PCK CRL (signed by the PCK CA,
//   current, leaf not revoked) → QE report signature by the PCK key → QE REPORTDATA == SHA-256(attestation key ‖ QE
//   auth data) ‖ 0³² → quote signature (header ‖ [v5 descriptor ‖] body) → TCB signing chain → QE identity
//   (signature over the exact JSON bytes, window, id, MRSIGNER, ISVPRODID, masked MISCSELECT/ATTRIBUTES, QE TCB
//   level) → TCB info (signature over exact bytes, window, id, FMSPC and PCEID from the PCK extension, TDX module)
//   → TCB level (16 compSVNs + PCESVN, plus TEE_TCB_SVN and module identity for TDX) → converged status and merged
//   advisory IDs → policy (TEE type, DEBUG bit, allowed TCB statuses, 68-byte enclave allow-list).
// IAS (IAS/): signing certificate chained to the pinned IAS root at the given time, RSA-PKCS#1-SHA256 over the raw
//   body, freshness (`maxReportAgeSeconds`, default 2 h; at most 60 s in the future), quote status, quote body.
// Dev (Dev/): an Ed25519 statement by a software key binding the worker key and REPORTDATA. It proves nothing about
//   hardware or code; it is accepted only when `policy.allowDev` is set (dev/local genesis), with confidence 128,
//   and its outcome carries a "DEV ATTESTATION ACCEPTED" note that callers must log.
//
// Not verified here (callers' job): that REPORTDATA binds the worker's registration info; collateral freshness
// beyond Intel's nextUpdate; PCK certificates fetched by PPID for certification data types 1–4 (a caller may supply
// the chain in `DCAPCollateral.pckCertChain`, which is then verified like an embedded one).

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
