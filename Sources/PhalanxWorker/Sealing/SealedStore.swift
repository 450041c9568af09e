import Foundation
#if canImport(Glibc)
import Glibc
#endif
import PhalanxPrimitives

/// Errors of the sealed store, each one sentence.
public struct SealingError: Error, CustomStringConvertible, Equatable {
    /// The sentence.
    public let description: String
    init(_ description: String) { self.description = description }
}

/// Files in the worker's data directory encrypted at rest (ARCHITECTURE §5, §7): AES-256-GCM under a key
/// derived from the sealing key, with the file's name as associated data so sealed files cannot be swapped.
///
/// Sealing key: inside SGX the enclave's sealing key; on machines without SGX ("dev sealing") a random
/// 32-byte key kept in `sealing.key` with permissions 0600 — it protects the worker's files from other
/// users of the machine, not from its owner, and the worker says so in its log at start.
/// Writes are atomic (temporary file, fsync, rename), so a crash leaves either the old or the new version.
public struct SealedStore: Sendable {
    /// The data directory.
    public let directory: URL
    /// Whether the key is a dev (file) sealing key rather than SGX sealing.
    public let isDevSealing: Bool
    private let key: [UInt8]

    /// Opens (creating if needed) the store in `directory` with dev sealing.
    public init(directory: URL) throws {
        self.directory = directory
        let fileManager = FileManager.default
        try fileManager.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let keyFile = directory.appendingPathComponent("sealing.key")
        if let existing = fileManager.contents(atPath: keyFile.path) {
            guard existing.count == 32 else { throw SealingError("The sealing key file \(keyFile.path) is not 32 bytes.") }
            key = Array(existing)
        } else {
            let fresh = SystemRandom.bytes(32)
            try Self.writeAtomically(Data(fresh), to: keyFile)
            key = fresh
        }
        isDevSealing = true
    }

    /// Seals `plaintext` into file `name`.
    public func write(_ plaintext: [UInt8], name: String) throws {
        let nonce = SystemRandom.bytes(AES256GCM.nonceLength)
        let sealed = try AES256GCM.seal(plaintext, key: fileKey(name), nonce: nonce, associatedData: Array(name.utf8))
        try Self.writeAtomically(Data([1] + nonce + sealed), to: directory.appendingPathComponent(name))
    }

    /// Unseals file `name`; `nil` when it does not exist. Throws when it was tampered with or sealed by another key.
    public func read(_ name: String) throws -> [UInt8]? {
        guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(name).path) else { return nil }
        let bytes = Array(data)
        guard bytes.count > 1 + AES256GCM.nonceLength + AES256GCM.tagLength, bytes[0] == 1 else {
            throw SealingError("The sealed file \(name) is truncated or of an unknown version.")
        }
        do {
            return try AES256GCM.open(
                Array(bytes[(1 + AES256GCM.nonceLength)...]), key: fileKey(name),
                nonce: Array(bytes[1..<(1 + AES256GCM.nonceLength)]), associatedData: Array(name.utf8))
        } catch {
            throw SealingError("The sealed file \(name) does not open with this worker's sealing key (tampered or foreign).")
        }
    }

    private func fileKey(_ name: String) -> [UInt8] {
        HKDFSHA256.derive(inputKey: key, salt: Array("phalanx/worker/sealing:v1".utf8), info: Array(name.utf8), length: 32)
    }

    /// Writes `data` to `url` through a 0600 temporary file, fsync and rename.
    static func writeAtomically(_ data: Data, to url: URL) throws {
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp")
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { throw SealingError("Cannot create \(temporary.path) (errno \(errno)).") }
        let written = data.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        let synced = fsync(fd)
        close(fd)
        guard written == data.count, synced == 0 else { throw SealingError("Cannot write \(temporary.path) (errno \(errno)).") }
        guard rename(temporary.path, url.path) == 0 else { throw SealingError("Cannot replace \(url.path) (errno \(errno)).") }
    }
}
