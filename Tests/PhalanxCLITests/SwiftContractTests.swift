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

    @Test func swiftFlipperIsAValidInkABIModule() throws {
        let wasm = try Data(contentsOf: Repository.root.appendingPathComponent("contracts/build/flipper.wasm"))
        #expect(wasm.starts(with: [0x00, 0x61, 0x73, 0x6d]))
        #expect(wasm.count < 16 * 1024)
    }
}
