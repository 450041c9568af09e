import ArgumentParser
import Foundation
import PhalanxAttestation
import PhalanxPrimitives

/// Errors of the command line itself (bad files or option values), each with a stable code in the 2000s.
struct InputError: Error, CustomStringConvertible {
    /// Stable machine-readable code.
    let code: Int
    /// One sentence.
    let description: String

    /// A file given on the command line does not exist.
    static func missingFile(_ option: String, _ path: String) -> InputError {
        InputError(code: 2001, description: "The \(option) file '\(path)' does not exist.")
    }
    /// A file exists but could not be read or decoded.
    static func unreadable(_ what: String, _ reason: String) -> InputError {
        InputError(code: 2002, description: "The \(what) could not be read: \(reason).")
    }
    /// A timestamp is not UTC RFC 3339.
    static func badTime(_ text: String) -> InputError {
        InputError(code: 2003, description: "The time '\(text)' is not a UTC RFC 3339 timestamp such as 2023-11-21T12:00:00Z.")
    }
    /// A policy file or policy flag is invalid.
    static func badPolicy(_ reason: String) -> InputError {
        InputError(code: 2004, description: "The attestation policy is invalid: \(reason).")
    }
    /// A required option combination is missing.
    static func missingInput(_ reason: String) -> InputError {
        InputError(code: 2005, description: "Missing input: \(reason).")
    }
}

/// Prints an error as one sentence with a machine-readable code on stderr, then exits with `status`.
func fail(_ error: Error, status: Int32 = 2) -> ExitCode {
    // An exit code chosen deeper down (e.g. 1 for a reverted query whose result was printed) passes through.
    if let exit = error as? ExitCode { return exit }
    let line: String
    switch error {
    case let key as KeyError: line = "error[\(key.code)]: \(key.description)"
    case let attestation as AttestationError: line = "error[\(attestation.code)]: \(attestation.description)"
    case let input as InputError: line = "error[\(input.code)]: \(input.description)"
    default: line = "error: \(error)"
    }
    FileHandle.standardError.write(Data((line + "\n").utf8))
    return ExitCode(status)
}

/// Writes a JSON object with sorted keys on stdout.
func printJSON(_ object: [String: Any]) {
    if let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted]) {
        print(String(decoding: data, as: UTF8.self))
    }
}

/// Writes an `Encodable` value as JSON with sorted keys on stdout.
func printJSON(encoding value: some Encodable) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    print(String(decoding: try encoder.encode(value), as: UTF8.self))
}
