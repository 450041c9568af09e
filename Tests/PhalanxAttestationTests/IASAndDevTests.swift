import Crypto
import Foundation
import PhalanxAttestation
import PhalanxPrimitives
import Testing

@Suite struct IASTests {
    static let time2023 = Fixtures.date("2023-10-18T09:30:00Z")
    static let time2021 = Fixtures.date("2021-09-12T18:30:00Z")

    @Test func phala2023Report() throws {
        let report = try IASReport(phalaJSON: try Fixtures.bytes("phala/ias_attestation.json"))
        // GROUP_OUT_OF_DATE: valid evidence, rejected by the default policy, accepted when OutOfDate is allowed.
        let strict = IASVerifier.verify(report: report, at: Self.time2023)
        #expect(strict.error?.step == .tcbStatusPolicy)
        let lax = IASVerifier.verify(report: report, policy: AttestationPolicy(allowedTCBStatuses: [.outOfDate]), at: Self.time2023)
        let result = try #require(lax.report, "\(String(describing: lax.error))")
        #expect(result.provider == .ias)
        #expect(result.tcbStatus == .outOfDate)
        #expect(result.confidenceLevel == 5)
        #expect(result.advisoryIds.count == 13)
        #expect(result.mrEnclave.hex == "10829681801cbefd5b75779d0820d86d0a60d81ead14db793595edbe0e87b986")
        #expect(Array(result.reportData.prefix(11)) == Array("Hello World".utf8))
    }

    @Test func phala2021PalletReport() throws {
        let report = try IASReport(phalaJSON: try Fixtures.bytes("phala/ias_attestation_pallet_2021.json"))
        let entry = try #require(
            AllowedEnclave(
                entry: [UInt8](hex: "518422fa769d2d55982015a0e0417c6a8521fdfc7308f5ec18aaa1b6924bd0f300000000815f42f11cf64430c30bab7816ba596a1da0130c3b028b673133a66cf9a3e0e6")!))
        let outcome = IASVerifier.verify(report: report, policy: AttestationPolicy(allowedEnclaves: [entry]), at: Self.time2021)
        let result = try #require(outcome.report, "\(String(describing: outcome.error))")
        #expect(result.tcbStatus == .swHardeningNeeded)
        #expect(result.advisoryIds == ["INTEL-SA-00334"])
        #expect(result.confidenceLevel == 2)
        #expect(outcome.steps.allSatisfy { $0.passed })
    }

    @Test func modifiedBodyIsRejected() throws {
        let report = try IASReport(phalaJSON: try Fixtures.bytes("phala/ias_attestation_pallet_2021.json"))
        var body = report.body
        let index = try #require(body.firstIndex(of: UInt8(ascii: "8")))
        body[index] = UInt8(ascii: "9")
        let tampered = IASReport(body: body, signature: report.signature, signingCertificate: report.signingCertificate)
        #expect(IASVerifier.verify(report: tampered, at: Self.time2021).error?.step == .iasSignature)
    }

    @Test func staleReportIsRejected() throws {
        let report = try IASReport(phalaJSON: try Fixtures.bytes("phala/ias_attestation_pallet_2021.json"))
        let late = Self.time2021.addingTimeInterval(2 * 3600)
        #expect(IASVerifier.verify(report: report, at: late).error?.step == .iasFreshness)
        let configured = AttestationPolicy(maxReportAgeSeconds: 4 * 3600)
        #expect(IASVerifier.verify(report: report, policy: configured, at: late).isAccepted)
    }

    @Test func foreignSigningCertificateIsRejected() throws {
        let report = try IASReport(phalaJSON: try Fixtures.bytes("phala/ias_attestation_pallet_2021.json"))
        // A certificate that is not issued by the IAS root (the Intel SGX Root CA) must fail the chain step.
        let other = IASReport(
            body: report.body, signature: report.signature,
            signingCertificate: try Fixtures.bytes("intel_roots/Intel_SGX_Root_CA.der"))
        #expect(IASVerifier.verify(report: other, at: Self.time2021).error?.step == .iasSigningChain)
    }
}

@Suite struct DevAttestationTests {
    let key = Curve25519.Signing.PrivateKey()
    let worker = [UInt8](repeating: 7, count: 32)
    let reportData = [UInt8](repeating: 9, count: 64)

    @Test func acceptedOnlyWhenPolicyAllowsDev() throws {
        let statement = try DevAttestation(workerPublicKey: worker, reportData: reportData, issuedAt: 1_700_000_000, signingKey: key)
        let decoded = try DevAttestation(bytes: statement.encoded)
        #expect(decoded == statement)
        let at = Date(timeIntervalSince1970: 1_700_000_100)
        let refused = AttestationVerifier.verify(.dev(decoded), at: at)
        #expect(refused.error?.step == .devPolicy)
        let accepted = AttestationVerifier.verify(.dev(decoded), policy: AttestationPolicy(allowDev: true), at: at)
        let report = try #require(accepted.report)
        #expect(report.provider == .dev)
        #expect(report.confidenceLevel == 128)
        #expect(report.reportData == reportData)
    }

    @Test func tamperedOrStaleStatementIsRejected() throws {
        let statement = try DevAttestation(workerPublicKey: worker, reportData: reportData, issuedAt: 1_700_000_000, signingKey: key)
        var bytes = statement.encoded
        bytes[40] ^= 1  // worker key byte
        let policy = AttestationPolicy(allowDev: true)
        let at = Date(timeIntervalSince1970: 1_700_000_100)
        let tampered = try DevAttestation(bytes: bytes)
        #expect(tampered.verify(policy: policy, at: at).error?.step == .devSignature)
        #expect(statement.verify(policy: policy, at: at.addingTimeInterval(3 * 3600)).error?.step == .devPolicy)
        #expect(throws: AttestationError.self) { try DevAttestation(bytes: Array(bytes.dropLast())) }
    }
}
