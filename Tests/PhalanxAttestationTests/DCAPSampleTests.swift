import Foundation
import PhalanxAttestation
import PhalanxPrimitives
import Testing

@Suite struct DCAPSampleTests {
    @Test func phalaSample() throws {
        let (quote, collateral, time) = try Fixtures.phala()
        let outcome = DCAPVerifier.verify(quote: quote, collateral: collateral, at: time)
        for s in outcome.steps { print(s.step, s.passed, s.detail) }
        let report = try #require(outcome.report, "\(String(describing: outcome.error))")
        #expect(report.tcbStatus == .configurationAndSWHardeningNeeded)
        #expect(report.advisoryIds == ["INTEL-SA-00289", "INTEL-SA-00615"])
        #expect(report.confidenceLevel == 4)
        #expect(report.mrEnclave.hex == "33d8736db756ed4997e04ba358d27833188f1932ff7b1d156904d3f560452fbb")
    }

    @Test func automataSample() throws {
        let (quote, collateral, time) = try Fixtures.automata()
        let outcome = DCAPVerifier.verify(quote: quote, collateral: collateral, at: time)
        for s in outcome.steps { print(s.step, s.passed, s.detail) }
        let report = try #require(outcome.report, "\(String(describing: outcome.error))")
        #expect(report.tcbStatus == .swHardeningNeeded)
        #expect(report.advisoryIds == ["INTEL-SA-00615"])
    }

    @Test func dcapRSSample() throws {
        let (quote, collateral, time) = try Fixtures.dcapRS()
        let outcome = DCAPVerifier.verify(
            quote: quote, collateral: collateral, policy: AttestationPolicy(allowedTCBStatuses: [.outOfDate]), at: time)
        for s in outcome.steps { print(s.step, s.passed, s.detail) }
        let report = try #require(outcome.report, "\(String(describing: outcome.error))")
        #expect(report.tcbStatus == .outOfDate)
        #expect(report.advisoryIds == [])
    }
}
