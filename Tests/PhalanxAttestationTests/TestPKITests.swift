import Foundation
@_spi(Testing) import PhalanxAttestation
import Testing

/// Verification of synthetic, validly signed evidence under a test root (see `TestPKI`).
@Suite struct TestPKITests {
    let pki: TestPKI
    init() throws { pki = try TestPKI() }

    func verify(_ quote: [UInt8], _ collateral: DCAPCollateral, policy: AttestationPolicy = .default) -> VerificationOutcome {
        DCAPVerifier.verify(quote: quote, collateral: collateral, policy: policy, at: TestPKI.now, trustAnchor: pki.root)
    }

    @Test func syntheticV3AndV4QuotesVerify() throws {
        for version: UInt16 in [3, 4] {
            let outcome = verify(try pki.quote(version: version), try pki.collateral())
            let report = try #require(outcome.report, "v\(version): \(String(describing: outcome.error))")
            #expect(report.tcbStatus == .upToDate)
            #expect(report.confidenceLevel == 1)
            #expect(report.reportData == Array(repeating: 0x42, count: 64))
            #expect(try DCAPQuote(bytes: try pki.quote(version: version)).version == version)
        }
    }

    @Test func syntheticRootIsNotTrustedInProduction() throws {
        let outcome = DCAPVerifier.verify(quote: try pki.quote(), collateral: try pki.collateral(), at: TestPKI.now)
        #expect(outcome.error?.step == .pckCertChain)
    }

    @Test func debugEnclaveRejectedByDefault() throws {
        let quote = try pki.quote(debug: true)
        let outcome = verify(quote, try pki.collateral())
        #expect(outcome.error?.step == .debugPolicy)
        let allowed = verify(quote, try pki.collateral(), policy: AttestationPolicy(allowDebug: true))
        #expect(allowed.report?.isDebug == true)
    }

    @Test func revokedPCKCertificateRejected() throws {
        let outcome = verify(try pki.quote(), try pki.collateral(revokedPCK: true))
        #expect(outcome.error?.step == .pckCrl)
        #expect(outcome.error?.reason.contains("revoked") == true)
        #expect(verify(try pki.quote(), try pki.collateral(revokedCA: true)).error?.step == .rootCaCrl)
        #expect(verify(try pki.quote(), try pki.collateral(revokedSigner: true)).error?.step == .tcbSigningChain)
    }

    @Test func crlSignedByWrongKeyRejected() throws {
        var collateral = try pki.collateral()
        collateral.pckCrl = try TestPKI.crl(issuer: pki.pckCA, key: pki.rootKey)
        #expect(verify(try pki.quote(), collateral).error?.step == .pckCrl)
    }

    @Test func qeIdentityMismatchAndRevokedQE() throws {
        let wrongSigner = try pki.collateral(qeMrSigner: [UInt8](repeating: 1, count: 32))
        #expect(verify(try pki.quote(), wrongSigner).error?.step == .qeIdentityMatch)
        #expect(verify(try pki.quote(), try pki.collateral(qeStatus: "Revoked")).error?.step == .qeIdentityMatch)
        // QE OutOfDate with platform UpToDate converges to OutOfDate.
        let stale = verify(try pki.quote(), try pki.collateral(qeStatus: "OutOfDate"), policy: AttestationPolicy(allowedTCBStatuses: [.outOfDate]))
        #expect(stale.report?.tcbStatus == .outOfDate)
    }

    @Test func tcbLevelSelection() throws {
        let comps = TestPKI.components.map { "{\"svn\":\($0 + ($0 < 255 ? 1 : 0))}" }.joined(separator: ",")
        let lower = TestPKI.components.map { "{\"svn\":\($0)}" }.joined(separator: ",")
        // Newest level needs higher SVNs than the platform has: the second (SWHardeningNeeded) level applies.
        let levels = """
            [{"tcb":{"sgxtcbcomponents":[\(comps)],"pcesvn":13},"tcbStatus":"UpToDate"},\
            {"tcb":{"sgxtcbcomponents":[\(lower)],"pcesvn":13},"tcbStatus":"SWHardeningNeeded","advisoryIDs":["INTEL-SA-00615"]}]
            """
        let outcome = verify(try pki.quote(), try pki.collateral(levels: levels))
        #expect(outcome.report?.tcbStatus == .swHardeningNeeded)
        #expect(outcome.report?.advisoryIds == ["INTEL-SA-00615"])
        let none = """
            [{"tcb":{"sgxtcbcomponents":[\(comps)],"pcesvn":13},"tcbStatus":"UpToDate"}]
            """
        #expect(verify(try pki.quote(), try pki.collateral(levels: none)).error?.step == .tcbLevel)
        let revoked = """
            [{"tcb":{"sgxtcbcomponents":[\(lower)],"pcesvn":13},"tcbStatus":"Revoked"}]
            """
        #expect(verify(try pki.quote(), try pki.collateral(levels: revoked)).error?.step == .tcbLevel)
    }
}
