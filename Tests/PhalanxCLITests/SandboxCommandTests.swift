import Foundation
import PhalanxContracts
import PhalanxTestSupport
import Testing

/// `phalanx contract sandbox` driven from the built binary, on the sample flipper (WAT following the
/// ink! ABI) as a bundle with ink! 5 metadata and as a bare `.wasm`.
@Suite struct SandboxCommandTests {
    /// The flipper bundle: ink! 5 metadata (shared with the contract-engine tests) with the real code.
    static func writeFixtures() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("phalanx-sandbox-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let wasm = try SampleContracts.assemble(SampleContracts.flipperWAT)
        try Data(wasm).write(to: directory.appendingPathComponent("flipper.wasm"))
        let bundle = metadata.replacingOccurrences(of: "\"wasm\": \"0x0061736d01000000\"", with: "\"wasm\": \"0x\(wasm.map { String(format: "%02x", $0) }.joined())\"")
        try Data(bundle.utf8).write(to: directory.appendingPathComponent("flipper.contract"))
        return directory
    }

    static func run(_ scenario: String, in directory: URL) throws -> (status: Int32, lines: [[String: Any]]) {
        let path = directory.appendingPathComponent("scenario-\(UUID().uuidString).json")
        try Data(scenario.utf8).write(to: path)
        let result = try PhalanxBinary.run(["contract", "sandbox", path.path])
        let lines = result.stdout.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        return (result.status, lines)
    }

    @Test func flipperScenarioPasses() throws {
        let directory = try Self.writeFixtures()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (status, lines) = try Self.run("""
            {"accounts": {"alice": "//Alice", "bob": "//Bob"},
             "steps": [
               {"deploy": "flipper.contract", "constructor": "new", "args": [false], "as": "f", "caller": "alice"},
               {"query": "f", "message": "get", "expect": {"Ok": false}},
               {"call": "f", "message": "flip", "args": []},
               {"query": "f", "message": "get", "expect": {"Ok": true}},
               {"query": "f", "message": "flip"},
               {"query": "f", "message": "get", "expect": {"Ok": true}, "caller": "bob"},
               {"call": "f", "selector": "0xdeadbeef", "input": "0x", "expectError": "ContractReverted"}]}
            """, in: directory)
        #expect(status == 0, "\(lines)")
        #expect(lines.count == 7)
        #expect(lines.allSatisfy { $0["ok"] as? Bool == true })
        #expect((lines[2]["gasConsumed"] as? [String: Any])?["refTime"] as? Int ?? 0 > 0)
    }

    @Test func mismatchedExpectationsFailTheScenario() throws {
        let directory = try Self.writeFixtures()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (status, lines) = try Self.run("""
            {"steps": [
               {"deploy": "flipper.wasm", "selector": "0x9bae9d5e", "input": "0x01", "as": "raw"},
               {"query": "raw", "selector": "0x2f865bd9", "input": "0x", "expect": "0x0001"},
               {"query": "raw", "selector": "0x2f865bd9", "input": "0x", "expect": "0x0000"},
               {"call": "nope", "selector": "0x2f865bd9"}]}
            """, in: directory)
        #expect(status == 1)
        #expect(lines.map { $0["ok"] as? Bool } == [true, true, false, false])
        #expect((lines[2]["problem"] as? String)?.contains("expected") == true)
        #expect((lines[3]["problem"] as? String)?.contains("Unknown contract") == true)
    }

    @Test func badScenarioFilesAreOneClearError() throws {
        let missing = try PhalanxBinary.run(["contract", "sandbox", "/nonexistent/scenario.json"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("error[2001]"))
        let directory = try Self.writeFixtures()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (status, _) = try Self.run("{not json", in: directory)
        #expect(status == 2)
    }

    static let metadata = SampleContractBundles.flipperMetadata
}
