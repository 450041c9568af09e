import ArgumentParser
import Foundation
import PhalanxPrimitives

/// Prints an error as one sentence with a machine-readable code on stderr, then exits with `status`.
func fail(_ error: Error, status: Int32 = 2) -> ExitCode {
    let line: String
    switch error {
    case let key as KeyError: line = "error[\(key.code)]: \(key.description)"
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
