import Foundation
import Testing

@testable import PhalanxWorker

/// Sealed files: encrypted at rest, 0600, tamper-evident, bound to their name and to the sealing key.
@Suite struct SealedStoreTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("phalanx-sealed-\(UUID().uuidString)")

    @Test func roundTripsWithoutPlaintextOnDisk() throws {
        let store = try SealedStore(directory: directory)
        let secret = Array("the cluster key is 42".utf8)
        try store.write(secret, name: "state.sealed")
        #expect(try store.read("state.sealed") == secret)
        #expect(try store.read("absent.sealed") == nil)
        let raw = try Data(contentsOf: directory.appendingPathComponent("state.sealed"))
        #expect(raw.range(of: Data(secret)) == nil)
        // A reopened store (same key file) reads it; the files are private to the owner.
        #expect(try SealedStore(directory: directory).read("state.sealed") == secret)
        for name in ["state.sealed", "sealing.key"] {
            let attributes = try FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent(name).path)
            #expect((attributes[.posixPermissions] as? Int) == 0o600)
        }
    }

    @Test func tamperingRenamingAndForeignKeysAreDetected() throws {
        let store = try SealedStore(directory: directory)
        try store.write([1, 2, 3, 4], name: "a.sealed")
        let url = directory.appendingPathComponent("a.sealed")
        var bytes = try [UInt8](Data(contentsOf: url))
        bytes[bytes.count - 1] ^= 1
        try Data(bytes).write(to: url)
        #expect(throws: SealingError.self) { try store.read("a.sealed") }
        // A file moved to another name does not open (the name is associated data).
        try store.write([9, 9], name: "b.sealed")
        try FileManager.default.copyItem(at: directory.appendingPathComponent("b.sealed"), to: directory.appendingPathComponent("c.sealed"))
        #expect(throws: SealingError.self) { try store.read("c.sealed") }
        // Another worker's sealing key cannot open it.
        let other = FileManager.default.temporaryDirectory.appendingPathComponent("phalanx-sealed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: directory.appendingPathComponent("b.sealed"), to: other.appendingPathComponent("b.sealed"))
        #expect(throws: SealingError.self) { try SealedStore(directory: other).read("b.sealed") }
        // Truncated files are refused, not crashed on.
        try Data([1, 2]).write(to: url)
        #expect(throws: SealingError.self) { try store.read("a.sealed") }
    }
}
