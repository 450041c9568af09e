import Crypto
import Foundation
import PhalanxAttestation
import PhalanxPrimitives
import Testing

@Suite struct DCAPSampleTests {
    @Test func phalaSample() throws {
        let (quote, collateral, time) = try Fixtures.phala()
        let outcome = DCAPVerifier.verify(quote: quote, collateral: collateral, at: time)
        #expect(outcome.steps.allSatisfy { $0.passed })
        let report = try #require(outcome.report, "\(String(describing: outcome.error))")
        #expect(report.tcbStatus == .configurationAndSWHardeningNeeded)
        #expect(report.advisoryIds == ["INTEL-SA-00289", "INTEL-SA-00615"])
        #expect(report.confidenceLevel == 4)
        #expect(report.mrEnclave.hex == "33d8736db756ed4997e04ba358d27833188f1932ff7b1d156904d3f560452fbb")
    }

    @Test func automataSample() throws {
        let (quote, collateral, time) = try Fixtures.automata()
        let outcome = DCAPVerifier.verify(quote: quote, collateral: collateral, at: time)
        #expect(outcome.steps.allSatisfy { $0.passed })
        let report = try #require(outcome.report, "\(String(describing: outcome.error))")
        #expect(report.tcbStatus == .swHardeningNeeded)
        #expect(report.advisoryIds == ["INTEL-SA-00615"])
    }

    @Test func dcapRSSample() throws {
        let (quote, collateral, time) = try Fixtures.dcapRS()
        let outcome = DCAPVerifier.verify(
            quote: quote, collateral: collateral, policy: AttestationPolicy(allowedTCBStatuses: [.outOfDate]), at: time)
        #expect(outcome.steps.allSatisfy { $0.passed })
        let report = try #require(outcome.report, "\(String(describing: outcome.error))")
        #expect(report.tcbStatus == .outOfDate)
        #expect(report.advisoryIds == [])
    }

    @Test func phalaCollateralDirectoryMatchesSCALE() throws {
        let (quote, collateral, time) = try Fixtures.phala()
        let decoded = try DCAPCollateral(directory: Fixtures.root.appendingPathComponent("phala/collateral_decoded"))
        #expect(decoded.tcbInfo == collateral.tcbInfo)
        #expect(decoded.qeIdentity == collateral.qeIdentity)
        let outcome = AttestationVerifier.verify(.dcap(quote: quote, collateral: decoded), at: time)
        #expect(outcome.report?.tcbStatus == .configurationAndSWHardeningNeeded)
    }

    @Test func pinnedRootsHaveTheDocumentedFingerprints() throws {
        #expect(Array(SHA256.hash(data: PinnedRoots.intelSGXRootCADER)).hex
            == "44a0196b2b99f889b8e149e95b807a350e7424964399e885a7cbb8ccfab674d3")
        #expect(Array(SHA256.hash(data: PinnedRoots.iasReportSigningCADER)).hex
            == "7b42e41ec43b91db834a065de4f98a13c44d695570e839cfa8921e584e40735d")
    }

    @Test func confidenceLevelsFollowPhala() {
        #expect(ConfidenceLevel.of(.upToDate, advisoryIds: []) == 1)
        #expect(ConfidenceLevel.of(.swHardeningNeeded, advisoryIds: ["INTEL-SA-00615"]) == 2)
        #expect(ConfidenceLevel.of(.configurationNeeded, advisoryIds: ["INTEL-SA-00334"]) == 3)
        #expect(ConfidenceLevel.of(.configurationAndSWHardeningNeeded, advisoryIds: ["INTEL-SA-00615"]) == 4)
        #expect(ConfidenceLevel.of(.outOfDateConfigurationNeeded, advisoryIds: []) == 5)
        #expect(ConfidenceLevel.of(.revoked, advisoryIds: []) == nil)
    }

    @Test func policyRoundTripsThroughJSON() throws {
        let entry = try #require(AllowedEnclave(mrEnclave: [UInt8](repeating: 1, count: 32), isvProdId: 1, isvSvn: 2, mrSigner: [UInt8](repeating: 3, count: 32)))
        #expect(Array(entry.entry[32..<36]) == [0, 1, 0, 2])
        let policy = AttestationPolicy(allowedEnclaves: [entry], maxReportAgeSeconds: 60, allowDev: true)
        let decoded = try JSONDecoder().decode(AttestationPolicy.self, from: JSONEncoder().encode(policy))
        #expect(decoded == policy)
        #expect(AttestationPolicy.default.allowedTCBStatuses == [.upToDate, .swHardeningNeeded, .configurationNeeded, .configurationAndSWHardeningNeeded])
        #expect(!AttestationPolicy.default.allowDebug && !AttestationPolicy.default.allowDev)
    }

    @Test func stepCodesAreUnique() {
        #expect(Set(VerificationStep.allCases.map(\.code)).count == VerificationStep.allCases.count)
    }
}

@Suite struct ReportingTests {
    @Test func cliLoadingAndRendering() throws {
        let evidence = try AttestationEvidence.load(
            quote: Fixtures.root.appendingPathComponent("phala/dcap_quote"),
            collateral: Fixtures.root.appendingPathComponent("phala/dcap_quote_collateral"), iasReport: nil)
        let time = try #require(AttestationTime.parse("2023-11-21T12:00:00Z"))
        let outcome = AttestationVerifier.verify(evidence, at: time)
        #expect(outcome.textLines.first?.hasPrefix("PASS 101 quoteFormat") == true)
        #expect(outcome.textLines.contains { $0.hasPrefix("ACCEPTED provider=dcap tee=sgx tcbStatus=ConfigurationAndSWHardeningNeeded") })
        let json = String(decoding: try JSONEncoder().encode(outcome), as: UTF8.self)
        #expect(json.contains("\"accepted\":true"))
        let dir = try AttestationEvidence.load(
            quote: Fixtures.root.appendingPathComponent("phala/dcap_quote"),
            collateral: Fixtures.root.appendingPathComponent("phala/collateral_decoded"), iasReport: nil)
        #expect(AttestationVerifier.verify(dir, unixTime: 1_700_568_000).isAccepted)
        let rejected = AttestationVerifier.verify(evidence, at: try #require(AttestationTime.parse("2024-01-01T00:00:00Z")))
        #expect(rejected.textLines.last?.hasPrefix("REJECTED 104 pckCrl") == true)
        #expect(AttestationTime.parse("2023-11-21 12:00") == nil)
    }
}
