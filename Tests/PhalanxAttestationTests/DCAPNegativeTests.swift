import Foundation
import PhalanxAttestation
import PhalanxPrimitives
import Testing

/// Tampered, expired and impostor evidence: each must fail at the named step.
@Suite struct DCAPNegativeTests {
    /// Offsets in a v3 quote.
    static let reportDataOffset = 368
    static let attestationKeyOffset = 436 + 64
    static let qeReportOffset = 436 + 128

    func failingStep(_ quote: [UInt8], _ collateral: DCAPCollateral, _ time: Date, policy: AttestationPolicy = .default)
        -> VerificationStep?
    {
        let outcome = DCAPVerifier.verify(quote: quote, collateral: collateral, policy: policy, at: time)
        if let failed = outcome.steps.last, !failed.passed { #expect(failed.step == outcome.error?.step) }
        return outcome.error?.step
    }

    @Test func reportDataByteBreaksQuoteSignature() throws {
        var (quote, collateral, time) = try Fixtures.phala()
        quote[Self.reportDataOffset + 5] ^= 0x01
        #expect(failingStep(quote, collateral, time) == .quoteSignature)
    }

    @Test func qeReportByteBreaksQESignature() throws {
        var (quote, collateral, time) = try Fixtures.phala()
        quote[Self.qeReportOffset + 3] ^= 0x80
        #expect(failingStep(quote, collateral, time) == .qeReportSignature)
    }

    @Test func attestationKeyByteBreaksQEBinding() throws {
        for sample in [try Fixtures.phala(), try Fixtures.automata()] {
            var (quote, collateral, time) = sample
            quote[Self.attestationKeyOffset + 10] ^= 0x01
            #expect(failingStep(quote, collateral, time) == .qeReportDataBinding)
        }
    }

    @Test func tcbInfoJSONByteBreaksTCBInfoSignature() throws {
        var (quote, collateral, time) = try Fixtures.phala()
        var body = collateral.tcbInfo.body
        let i = try #require(body.firstIndex(of: UInt8(ascii: "5")))  // a digit inside the JSON
        body[i] = UInt8(ascii: "6")
        collateral.tcbInfo = try SignedJSON(body: body, signature: collateral.tcbInfo.signature)
        #expect(failingStep(quote, collateral, time) == .tcbInfoSignature)
        _ = quote
    }

    @Test func qeIdentityJSONByteBreaksQEIdentitySignature() throws {
        var (quote, collateral, time) = try Fixtures.automata()
        var body = collateral.qeIdentity.body
        body[body.count - 3] ^= 0x01
        collateral.qeIdentity = try SignedJSON(body: body, signature: collateral.qeIdentity.signature)
        #expect(failingStep(quote, collateral, time) == .qeIdentitySignature)
        _ = quote
    }

    @Test func pckCertificateByteBreaksChain() throws {
        let (quote, collateral, time) = try Fixtures.phala()
        // Change one base64 character inside the leaf certificate's body in the quote's PEM chain.
        let pemStart = quote.count - 3548
        for delta in [200, 700, 900] {
            var tampered = quote
            let i = pemStart + delta
            tampered[i] = tampered[i] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
            #expect(failingStep(tampered, collateral, time) == .pckCertChain)
        }
    }

    @Test func tcbSigningCertificateByteBreaksSigningChain() throws {
        var (quote, collateral, time) = try Fixtures.automata()
        var signer = try Fixtures.bytes("automata-dcap-attestation/pccs_setup_signingDer.der")
        signer[signer.count - 10] ^= 0x01  // inside the ECDSA signature
        let chain = DCAPCollateral.pemChain(der: [signer, try Fixtures.bytes("automata-dcap-attestation/pccs_setup_rootCaDer.der")])
        collateral.tcbInfoIssuerChain = chain
        collateral.qeIdentityIssuerChain = chain
        #expect(failingStep(quote, collateral, time) == .tcbSigningChain)
        _ = quote
    }

    @Test func expiredCollateralIsRejected() throws {
        let (quote, collateral, _) = try Fixtures.phala()
        // After every window: the first time-checked piece of collateral to fail is the PCK CRL.
        #expect(failingStep(quote, collateral, Fixtures.date("2023-12-22T00:00:00Z")) == .pckCrl)
        // Before the collateral was issued.
        #expect(failingStep(quote, collateral, Fixtures.date("2023-11-20T00:00:00Z")) == .pckCrl)
        // dcap-rs: TCB info expires at 03:29:42, the QE identity at 03:33:12 and the PCK CRL at 03:40:28.
        let (q2, c2, _) = try Fixtures.dcapRS()
        let lax = AttestationPolicy(allowedTCBStatuses: [.outOfDate])
        #expect(failingStep(q2, c2, Fixtures.date("2025-03-15T03:31:00Z"), policy: lax) == .tcbInfoValidity)
        #expect(failingStep(q2, c2, Fixtures.date("2025-03-15T03:35:00Z"), policy: lax) == .qeIdentityValidity)
        // Automata: the QE identity expires before the TCB info.
        let (q3, c3, _) = try Fixtures.automata()
        #expect(failingStep(q3, c3, Fixtures.date("2025-09-14T04:40:00Z")) == .qeIdentityValidity)
        // The 2024 Intel root CA CRL of dcap-rs has expired by the Automata sample's time.
        var c4 = c3
        c4.rootCaCrl = try Fixtures.bytes("dcap-rs/intel_root_ca_crl.der")
        #expect(failingStep(q3, c4, Fixtures.date("2025-08-15T05:45:00Z")) == .rootCaCrl)
    }

    @Test func mismatchedCollateralIsRejected() throws {
        // Phala quote (Processor CA, FMSPC 00A067110000) with Automata collateral (Platform CA CRL, FMSPC 00606A000000).
        let (quote, _, _) = try Fixtures.phala()
        let (_, collateral, time) = try Fixtures.automata()
        #expect(failingStep(quote, collateral, Fixtures.date("2023-11-21T12:00:00Z")) == .rootCaCrl)
        var mixed = try Fixtures.phala().1
        mixed.tcbInfo = collateral.tcbInfo
        mixed.tcbInfoIssuerChain = collateral.tcbInfoIssuerChain
        mixed.qeIdentityIssuerChain = collateral.tcbInfoIssuerChain
        _ = time
        // The renewed (2025) TCB signing certificate is not yet valid in 2023.
        #expect(failingStep(quote, mixed, Fixtures.date("2023-11-21T12:00:00Z")) == .tcbSigningChain)
    }

    @Test func intelQVLLookAlikeRootIsRejected() throws {
        let dir = "intel-qvl-sampledata/"
        let quote = try Fixtures.bytes(dir + "quote.dat")
        let chain = try Fixtures.bytes(dir + "pckCert.pem") + Array("\n".utf8) + Fixtures.bytes(dir + "pckSignChain.pem")
        let collateral = DCAPCollateral(
            rootCaCrl: try Fixtures.bytes(dir + "rootCaCrl.pem"), pckCrl: try Fixtures.bytes(dir + "intermediateCaCrl.pem"),
            tcbInfoIssuerChain: try Fixtures.bytes(dir + "tcbSignChain.pem"),
            tcbInfo: try SignedJSON(envelope: try Fixtures.bytes(dir + "tcbInfo.json"), key: "tcbInfo"),
            qeIdentityIssuerChain: try Fixtures.bytes(dir + "tcbSignChain.pem"),
            qeIdentity: try SignedJSON(envelope: try Fixtures.bytes(dir + "qeIdentity.json"), key: "enclaveIdentity"),
            pckCertChain: chain)
        let outcome = DCAPVerifier.verify(quote: quote, collateral: collateral, at: Fixtures.date("2020-01-01T00:00:00Z"))
        #expect(outcome.error?.step == .pckCertChain)
        #expect(outcome.error?.reason.contains("pinned root key") == true)
        // Without a supplied chain the quote (certification data type 1) carries no PCK chain at all.
        var bare = collateral
        bare.pckCertChain = nil
        #expect(DCAPVerifier.verify(quote: quote, collateral: bare, at: Fixtures.date("2020-01-01T00:00:00Z")).error?.step == .quoteFormat)
        // Its TCB signing chain under the look-alike root is rejected as well.
        var (realQuote, realCollateral, time) = try Fixtures.phala()
        realCollateral.tcbInfoIssuerChain = try Fixtures.bytes(dir + "tcbSignChain.pem")
        #expect(failingStep(realQuote, realCollateral, time) == .tcbSigningChain)
        _ = realQuote
    }

    @Test func enclaveAllowList() throws {
        let (quote, collateral, time) = try Fixtures.phala()
        let phalaHash = try #require(AllowedEnclave(entry: [UInt8](hex:
            "33d8736db756ed4997e04ba358d27833188f1932ff7b1d156904d3f560452fbb00000000815f42f11cf64430c30bab7816ba596a1da0130c3b028b673133a66cf9a3e0e6")!))
        let other = try #require(AllowedEnclave(mrEnclave: [UInt8](repeating: 1, count: 32), isvProdId: 0, isvSvn: 0, mrSigner: [UInt8](repeating: 2, count: 32)))
        #expect(DCAPVerifier.verify(quote: quote, collateral: collateral, policy: AttestationPolicy(allowedEnclaves: [other, phalaHash]), at: time).isAccepted)
        #expect(failingStep(quote, collateral, time, policy: AttestationPolicy(allowedEnclaves: [other])) == .enclavePolicy)
        #expect(failingStep(quote, collateral, time, policy: AttestationPolicy(allowedTCBStatuses: [.upToDate])) == .tcbStatusPolicy)
    }

    @Test func flippedDebugBitIsCaughtBySignature() throws {
        // The DEBUG bit is covered by the quote signature, so flipping it on a real quote breaks the signature;
        // the policy's debug rejection is tested with a signed synthetic quote in TestPKITests.
        var (quote, collateral, time) = try Fixtures.phala()
        quote[96] |= 0x02
        #expect(failingStep(quote, collateral, time) == .quoteSignature)
    }
}
