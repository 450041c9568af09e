import Foundation

/// The result of running a command to completion.
public struct CommandResult: Sendable {
    /// Exit status.
    public var status: Int32
    /// Everything the command printed on standard output.
    public var stdout: String
    /// Everything the command printed on standard error.
    public var stderr: String
}

/// Runs the built `phalanx` executable, as a user would from a shell.
public enum PhalanxBinary {
    /// Path of the debug build of `phalanx` (built by `swift build` before `swift test`).
    public static var url: URL {
        if let path = ProcessInfo.processInfo.environment["PHALANX_BIN"] { return URL(fileURLWithPath: path) }
        let bundle = Bundle.main.bundleURL.deletingLastPathComponent()
        let besideTests = bundle.appendingPathComponent("phalanx")
        if FileManager.default.isExecutableFile(atPath: besideTests.path) { return besideTests }
        return Repository.root.appendingPathComponent(".build/debug/phalanx")
    }

    /// Runs `phalanx` with `arguments` and waits for it to finish.
    public static func run(_ arguments: [String]) throws -> CommandResult {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandResult(
            status: process.terminationStatus,
            stdout: String(decoding: out, as: UTF8.self),
            stderr: String(decoding: err, as: UTF8.self))
    }
}
