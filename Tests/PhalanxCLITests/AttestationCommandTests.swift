import Foundation
import PhalanxTestSupport
import Testing

/// `phalanx attestation verify …` on the real SGX evidence in `../shared/fixtures/sgx`, driven from the built binary.
@Suite struct AttestationCommandTests {
    static let fixtures = Repository.shared.appendingPathComponent("fixtures/sgx")
    static func path(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

    /// The Phala DCAP v3 sample with its SCALE collateral, verified at `time`.
    static func phalaDCAP(at time: String, _ extra: [String] = []) throws -> CommandResult {
        try PhalanxBinary.run(
            ["attestation", "verify", "--quote", path("phala/dcap_quote"),
             "--collateral", path("phala/dcap_quote_collateral"), "--at", time] + extra)
    }

    @Test func acceptedPhalaQuotePrintsEveryStep() throws {
        let result = try Self.phalaDCAP(at: "2023-11-21T12:00:00Z")
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("PASS 101 quoteFormat") == true)
        for step in ["pckCertChain", "rootCaCrl", "pckCrl", "quoteSignature", "qeIdentityMatch", "tcbLevel", "debugPolicy"] {
            #expect(lines.contains { $0.hasPrefix("PASS ") && $0.contains(" \(step):") }, "no PASS line for \(step)")
        }
        #expect(!lines.contains { $0.hasPrefix("FAIL") })
        #expect(lines.contains { $0.hasPrefix("ACCEPTED provider=dcap tee=sgx tcbStatus=ConfigurationAndSWHardeningNeeded") })
        #expect(result.stdout.contains("INTEL-SA-00289"))
        #expect(result.stderr.isEmpty)
    }

    @Test func collateralDirectoryIsAccepted() throws {
        let result = try PhalanxBinary.run(
            ["attestation", "verify", "--quote", Self.path("phala/dcap_quote"),
             "--collateral", Self.path("phala/collateral_decoded"), "--at", "2023-11-21T12:00:00Z"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("ACCEPTED provider=dcap"))
    }

    @Test func expiredCollateralIsRejectedNamingTheStep() throws {
        let result = try Self.phalaDCAP(at: "2024-01-01T00:00:00Z")
        #expect(result.status == 1)
        #expect(result.stdout.contains("FAIL 104 pckCrl"))
        #expect(result.stdout.split(separator: "\n").last?.hasPrefix("REJECTED 104 pckCrl") == true)
        let errors = result.stderr.split(separator: "\n")
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("error[104]: attestation step pckCrl") == true)
    }

    @Test func iasReports() throws {
        let accepted = try PhalanxBinary.run(
            ["attestation", "verify", "--ias-report", Self.path("phala/ias_attestation_pallet_2021.json"),
             "--at", "2021-09-12T18:30:00Z"])
        #expect(accepted.status == 0, "\(accepted.stderr)")
        #expect(accepted.stdout.contains("PASS 203 iasSignature"))
        #expect(accepted.stdout.contains("ACCEPTED provider=ias tee=sgx tcbStatus=SWHardeningNeeded"))

        // GROUP_OUT_OF_DATE: authentic, but OutOfDate is not allowed by the default policy.
        let args = ["attestation", "verify", "--ias-report", Self.path("phala/ias_attestation.json"), "--at", "2023-10-18T09:30:00Z"]
        let strict = try PhalanxBinary.run(args)
        #expect(strict.status == 1)
        #expect(strict.stdout.contains("FAIL 402 tcbStatusPolicy"))
        #expect(strict.stderr.hasPrefix("error[402]:"))
        let lax = try PhalanxBinary.run(args + ["--allow-status", "OutOfDate"])
        #expect(lax.status == 0, "\(lax.stderr)")
        #expect(lax.stdout.contains("tcbStatus=OutOfDate"))

        // The same through a policy file; a stale report (beyond 2 h) fails freshness.
        let policy = FileManager.default.temporaryDirectory.appendingPathComponent("phalanx-policy-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: policy) }
        try Data(#"{"allowedTCBStatuses": ["UpToDate", "OutOfDate"], "maxReportAgeSeconds": 7200}"#.utf8).write(to: policy)
        #expect(try PhalanxBinary.run(args + ["--policy", policy.path]).status == 0)
        let stale = try PhalanxBinary.run(
            ["attestation", "verify", "--ias-report", Self.path("phala/ias_attestation.json"), "--at", "2023-10-18T12:00:00Z",
             "--policy", policy.path])
        #expect(stale.status == 1)
        #expect(stale.stdout.contains("FAIL 204 iasFreshness"))
    }

    @Test func missingFileIsOneLineWithCode() throws {
        let result = try PhalanxBinary.run(
            ["attestation", "verify", "--quote", "/nonexistent/quote.dat",
             "--collateral", Self.path("phala/dcap_quote_collateral"), "--at", "2023-11-21T12:00:00Z"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first == "error[2001]: The --quote file '/nonexistent/quote.dat' does not exist.")
    }

    @Test func badInputsExitTwo() throws {
        let badTime = try Self.phalaDCAP(at: "2023-11-21 12:00")
        #expect(badTime.status == 2)
        #expect(badTime.stderr.hasPrefix("error[2003]:"))
        let badStatus = try Self.phalaDCAP(at: "2023-11-21T12:00:00Z", ["--allow-status", "Fine"])
        #expect(badStatus.status == 2)
        #expect(badStatus.stderr.hasPrefix("error[2004]:"))
        let noCollateral = try PhalanxBinary.run(["attestation", "verify", "--quote", Self.path("phala/dcap_quote")])
        #expect(noCollateral.status == 2)
        #expect(noCollateral.stderr.hasPrefix("error[2005]:"))
        // Random bytes as a quote: a clean rejection at the first step, not a crash.
        let junk = FileManager.default.temporaryDirectory.appendingPathComponent("phalanx-junk-\(UUID().uuidString).dat")
        defer { try? FileManager.default.removeItem(at: junk) }
        try Data((0..<700).map { _ in UInt8.random(in: 0...255) }).write(to: junk)
        let random = try PhalanxBinary.run(
            ["attestation", "verify", "--quote", junk.path, "--collateral", Self.path("phala/dcap_quote_collateral"),
             "--at", "2023-11-21T12:00:00Z"])
        #expect(random.status == 1)
        #expect(random.stdout.contains("FAIL 101 quoteFormat"))
    }

    @Test func jsonOutput() throws {
        let accepted = try Self.phalaDCAP(at: "2023-11-21T12:00:00Z", ["--json"])
        #expect(accepted.status == 0, "\(accepted.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(accepted.stdout.utf8)) as? [String: Any])
        #expect(object["accepted"] as? Bool == true)
        let report = try #require(object["report"] as? [String: Any])
        #expect(report["tcbStatus"] as? String == "ConfigurationAndSWHardeningNeeded")
        #expect(report["provider"] as? String == "dcap")
        #expect((report["mrEnclave"] as? String)?.count == 64)
        #expect(report["advisoryIds"] as? [String] == ["INTEL-SA-00289", "INTEL-SA-00615"])
        let steps = try #require(object["steps"] as? [[String: Any]])
        #expect(steps.allSatisfy { $0["result"] as? String == "PASS" })

        let rejected = try Self.phalaDCAP(at: "2024-01-01T00:00:00Z", ["--json"])
        #expect(rejected.status == 1)
        let failure = try #require(try JSONSerialization.jsonObject(with: Data(rejected.stdout.utf8)) as? [String: Any])
        #expect(failure["accepted"] as? Bool == false)
        let error = try #require(failure["error"] as? [String: Any])
        #expect(error["step"] as? String == "pckCrl")
        #expect(error["code"] as? Int == 104)
    }
}
