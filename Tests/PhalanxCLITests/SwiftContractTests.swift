import Foundation
import PhalanxTestSupport
import Testing

/// The Embedded Swift flipper (contracts/Examples/Flipper, built by `make contracts`) deployed,
/// flipped and queried in the sandbox exactly like an ink! bundle.
@Suite struct SwiftContractTests {
    @Test func swiftFlipperRunsInTheSandbox() throws {
        let bundle = Repository.root.appendingPathComponent("contracts/build/flipper.contract")
        try #require(FileManager.default.fileExists(atPath: bundle.path), "run `make contracts` first")
        let scenario = Repository.root.appendingPathComponent("contracts/Examples/Flipper/scenario.json")
        let result = try PhalanxBinary.run(["contract", "sandbox", scenario.path])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        #expect(lines.count == 7)
        #expect(lines.allSatisfy { $0["ok"] as? Bool == true })
        #expect(lines[3]["result"] as? [String: Bool] == ["Ok": true])
    }

    @Test(arguments: ["Erc20", "Oracle", "Caller", "Counter"]) func swiftExampleScenarioPasses(_ example: String) throws {
        let scenario = Repository.root.appendingPathComponent("contracts/Examples/\(example)/scenario.json")
        let result = try PhalanxBinary.run(["contract", "sandbox", scenario.path])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        #expect(lines.count > 3 && lines.allSatisfy { $0["ok"] as? Bool == true })
    }

    /// The oracle example end to end in the sandbox: a query fetches JSON from a real loopback server over HTTPS,
    /// parses the price exactly and signs it with the contract's derived key; the signature verifies with
    /// py-sr25519-bindings against the key the contract publishes (`public_key`).
    @Test func swiftOracleFetchesAndSignsAPrice() throws {
        let server = try LoopbackHTTPServer()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("phalanx-oracle-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let bundle = Repository.root.appendingPathComponent("contracts/build/oracle.contract").path
        let url = server.httpsBase + "/price"
        let scenario = directory.appendingPathComponent("oracle.json")
        try Data("""
            {"steps": [
              {"deploy": "\(bundle)", "constructor": "new", "as": "oracle"},
              {"query": "oracle", "message": "public_key"},
              {"query": "oracle", "message": "fetch_price", "args": ["\(url)", "price"]},
              {"query": "oracle", "message": "fetch_price", "args": ["\(url)", "missing"], "expectError": "ContractReverted",
               "expect": {"Ok": {"Err": "FieldMissing"}}},
              {"query": "oracle", "message": "fetch_price", "args": ["\(server.httpBase)/status/404", "price"],
               "expectError": "ContractReverted", "expect": {"Ok": {"Err": {"HttpStatus": 404}}}}]}
            """.utf8).write(to: scenario)
        let result = try PhalanxBinary.run(["contract", "sandbox", scenario.path, "--allow-private-http", "--http-ca", server.certificatePath])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        try #require(lines.count == 5)
        let publicKey = try #require((lines[1]["result"] as? [String: Any])?["Ok"] as? String)
        let price = try #require(((lines[2]["result"] as? [String: Any])?["Ok"] as? [String: Any])?["Ok"] as? [String: Any])
        #expect(price["value"] as? Int == 1_234_567_890)  // 1234.5678901 with 6 decimals, truncated
        let signature = try #require(price["signature"] as? String)
        let verified = try PythonReference.run("""
            import sys, sr25519
            key, sig, url = sys.stdin.read().split()
            message = bytes([len(url) << 2]) + url.encode() + (1234567890).to_bytes(16, "little")
            print(sr25519.verify(bytes.fromhex(sig[2:]), message, bytes.fromhex(key[2:])))
            """, input: "\(publicKey) \(signature) \(url)")
        #expect(verified == "True")
    }

    /// scripts/contract-metadata.py derives ink!'s selectors and result types from a declaration: for the flipper's
    /// interface it gives what the hand-written (ink!-checked) flipper metadata says.
    @Test func generatedMetadataMatchesInk() throws {
        let declaration = #"{"name": "flipper", "constructors": [{"label": "new", "args": [{"label": "init_value", "type": "bool"}]}], "messages": [{"label": "flip", "mutates": true}, {"label": "get", "returns": "bool"}]}"#
        let root = Repository.root.path
        let script = """
            import json, subprocess, sys, tempfile
            with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as declaration:
                declaration.write(sys.stdin.read())
            generated = json.loads(subprocess.run([sys.executable, "\(root)/scripts/contract-metadata.py", declaration.name],
                                                  capture_output=True, check=True).stdout)
            written = json.load(open("\(root)/contracts/Examples/Flipper/metadata.json"))
            def summary(m):
                return [(c["label"], c["selector"], [a["label"] for a in c["args"]]) for c in m["spec"]["constructors"] + m["spec"]["messages"]]
            print(json.dumps(summary(generated) == summary(written) and generated["version"] == 5))
            """
        #expect(try PythonReference.run(script, input: declaration) == "true")
    }

    @Test func swiftFlipperIsAValidInkABIModule() throws {
        let wasm = try Data(contentsOf: Repository.root.appendingPathComponent("contracts/build/flipper.wasm"))
        #expect(wasm.starts(with: [0x00, 0x61, 0x73, 0x6d]))
        #expect(wasm.count < 16 * 1024)
    }
}
