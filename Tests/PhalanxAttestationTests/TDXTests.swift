import Foundation
import PhalanxAttestation
import Testing

/// TDX quotes (v4 and v5): verified end to end, but accepted only when the policy allows TDX.
@Suite struct TDXTests {
    static let tdxPolicy = AttestationPolicy(allowedTCBStatuses: [.upToDate, .outOfDate], allowTDX: true)

    static func dcapRS() throws -> ([UInt8], DCAPCollateral, Date) {
        let dir = "dcap-rs/"
        let signer = try Fixtures.bytes(dir + "tcb_signing_cert.pem")
        let collateral = DCAPCollateral(
            rootCaCrl: try Fixtures.bytes(dir + "intel_root_ca_crl.der"), pckCrl: try Fixtures.bytes(dir + "pck_platform_crl.der"),
            tcbInfoIssuerChain: signer,
            tcbInfo: try SignedJSON(envelope: try Fixtures.bytes(dir + "tcbinfov3_00806f050000.json"), key: "tcbInfo"),
            qeIdentityIssuerChain: signer,
            qeIdentity: try SignedJSON(envelope: try Fixtures.bytes(dir + "qeidentityv2_apiv4.json"), key: "enclaveIdentity"))
        return (try Fixtures.bytes(dir + "quote_tdx_00806f050000.dat"), collateral, Fixtures.date("2025-02-20T00:00:00Z"))
    }

    static func automata(_ file: String) throws -> ([UInt8], DCAPCollateral, Date) {
        let dir = "automata-dcap-attestation/"
        let signer = DCAPCollateral.pemChain(der: [
            try Fixtures.bytes(dir + "pccs_setup_signingDer.der"), try Fixtures.bytes(dir + "pccs_setup_rootCaDer.der"),
        ])
        let collateral = DCAPCollateral(
            rootCaCrl: try Fixtures.bytes(dir + "pccs_setup_rootCrlDer.der"),
            pckCrl: try Fixtures.bytes(dir + "platform_crl_0625_from_test_sol.der"), tcbInfoIssuerChain: signer,
            tcbInfo: try SignedJSON(envelope: try Fixtures.bytes(dir + "tcbinfov3_90C06F000000.json"), key: "tcbInfo"),
            qeIdentityIssuerChain: signer,
            qeIdentity: try SignedJSON(envelope: try Fixtures.bytes(dir + "qe_td.json"), key: "enclaveIdentity"))
        return (try Fixtures.bytes(dir + file), collateral, Fixtures.date("2025-06-15T00:00:00Z"))
    }

    @Test func dcapRSTDXv4IsOutOfDate() throws {
        let (padded, collateral, time) = try Self.dcapRS()
        // The file is zero-padded to 8000 bytes by its source; trailing bytes are rejected, the exact quote verifies.
        #expect(DCAPVerifier.verify(quote: padded, collateral: collateral, policy: Self.tdxPolicy, at: time).error?.step == .quoteFormat)
        let quote = Array(padded[0..<(padded.count - 3065)])
        let outcome = DCAPVerifier.verify(quote: quote, collateral: collateral, policy: Self.tdxPolicy, at: time)
        let report = try #require(outcome.report, "\(String(describing: outcome.error))")
        #expect(report.tee == .tdx)
        #expect(report.tcbStatus == .outOfDate)
        #expect(report.advisoryIds == ["INTEL-SA-00960", "INTEL-SA-00982", "INTEL-SA-00986"])
        #expect(report.mrEnclave.count == 48)
    }

    @Test func alibabaTDXv5IsUpToDate() throws {
        let (quote, collateral, time) = try Self.automata("alibaba_quote_5.dat")
        #expect(try DCAPQuote(bytes: quote).version == 5)
        let outcome = DCAPVerifier.verify(quote: quote, collateral: collateral, policy: Self.tdxPolicy, at: time)
        let report = try #require(outcome.report, "\(String(describing: outcome.error))")
        #expect(report.tcbStatus == .upToDate)
        #expect(report.advisoryIds == [])
        // The default (SGX worker) policy rejects TDX at the policy step, after every Intel check passed.
        #expect(DCAPVerifier.verify(quote: quote, collateral: collateral, at: time).error?.step == .teePolicy)
    }

    @Test func tdxQuote5SignaturesVerifyButItsTCBIsBelowEveryLevel() throws {
        // tdx_quote_5.dat comes from an older PCK certificate (2024, compSVN 1,1,2,2,3,1,0,3,…) while the only
        // TCB info fixture for FMSPC 90C06F000000 (June 2025) starts at 2,2,2,2,3,1,0,5: per Intel's matching rule
        // no level applies (TCB not supported). Every signature step before it passes.
        let (quote, collateral, time) = try Self.automata("tdx_quote_5.dat")
        let outcome = DCAPVerifier.verify(quote: quote, collateral: collateral, policy: Self.tdxPolicy, at: time)
        #expect(outcome.error?.step == .tcbLevel)
        #expect(outcome.steps.dropLast().allSatisfy { $0.passed })
    }

    @Test func v5DescriptorIsSigned() throws {
        var (quote, collateral, time) = try Self.automata("alibaba_quote_5.dat")
        quote[48 + 6 + 520] ^= 1  // REPORTDATA of the TD report
        #expect(DCAPVerifier.verify(quote: quote, collateral: collateral, policy: Self.tdxPolicy, at: time).error?.step == .quoteSignature)
    }

    @Test func sgxCollateralDoesNotVerifyTDX() throws {
        let (quote, _, _) = try Self.automata("alibaba_quote_5.dat")
        let (_, sgxCollateral, _) = try Fixtures.automata()
        var collateral = sgxCollateral
        collateral.pckCrl = try Fixtures.bytes("automata-dcap-attestation/platform_crl_0625_from_test_sol.der")
        let outcome = DCAPVerifier.verify(quote: quote, collateral: collateral, policy: Self.tdxPolicy, at: Fixtures.date("2025-06-15T00:00:00Z"))
        #expect(!outcome.isAccepted)
    }
}
