import Foundation

/// Errors raised when an independent reference implementation cannot be consulted.
public enum ReferenceError: Error, CustomStringConvertible {
    /// The Python interpreter exited with a non-zero status.
    case pythonFailed(status: Int32, stderr: String)
    /// The reference printed something that is not the expected JSON.
    case badOutput(String)

    public var description: String {
        switch self {
        case .pythonFailed(let status, let stderr): "python reference exited \(status): \(stderr)"
        case .badOutput(let text): "python reference printed unexpected output: \(text)"
        }
    }
}

/// Locations inside the repository, found from this source file so tests run from any directory.
public enum Repository {
    /// The repository root (the directory holding Package.swift).
    public static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                return url
            }
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    /// The shared design/reference folder beside the repository (`../shared`).
    public static var shared: URL { root.deletingLastPathComponent().appendingPathComponent("shared") }

    /// The Python interpreter of the test virtualenv made by `scripts/setup`.
    public static var python: URL { root.appendingPathComponent(".venv/bin/python") }
}

/// Runs code in the Python virtualenv's interpreter: the independent implementations
/// (scalecodec, py-sr25519-bindings, substrate-interface, …) that our results are checked against.
public enum PythonReference {
    /// Runs `script` with `input` on standard input and returns standard output, trimmed.
    public static func run(_ script: String, input: String = "") throws -> String {
        let process = Process()
        process.executableURL = Repository.python
        process.arguments = ["-c", script]
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ReferenceError.pythonFailed(
                status: process.terminationStatus, stderr: String(decoding: err, as: UTF8.self))
        }
        return String(decoding: out, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Runs `script`, feeding `input` as JSON and decoding its JSON output as `Output`.
    public static func json<Input: Encodable, Output: Decodable>(
        _ script: String, input: Input, as: Output.Type = Output.self
    ) throws -> Output {
        let text = try run(script, input: String(decoding: try JSONEncoder().encode(input), as: UTF8.self))
        guard let value = try? JSONDecoder().decode(Output.self, from: Data(text.utf8)) else {
            throw ReferenceError.badOutput(text)
        }
        return value
    }
}
