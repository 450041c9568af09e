import Foundation

/// A real HTTP and HTTPS server on 127.0.0.1 (`Tests/Fixtures/loopback_http_server.py`, standard-library Python) for
/// tests of contracts' outgoing HTTP. HTTPS uses a fresh self-signed certificate for `localhost`/127.0.0.1, whose PEM
/// file is ``certificatePath``. The server stops when this object is released (its stdin closes) or on ``stop()``.
public final class LoopbackHTTPServer: @unchecked Sendable {
    /// The plain HTTP port.
    public let httpPort: Int
    /// The HTTPS port.
    public let httpsPort: Int
    /// The self-signed certificate (PEM) the HTTPS side presents.
    public let certificatePath: String
    private let process: Process
    private let stdin: Pipe
    private let directory: URL

    /// `http://127.0.0.1:PORT`.
    public var httpBase: String { "http://127.0.0.1:\(httpPort)" }
    /// `https://127.0.0.1:PORT`.
    public var httpsBase: String { "https://127.0.0.1:\(httpsPort)" }

    /// Makes a certificate with `openssl` and starts the server.
    public init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("phalanx-http-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        certificatePath = directory.appendingPathComponent("cert.pem").path
        let keyPath = directory.appendingPathComponent("key.pem").path
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        openssl.arguments = [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", keyPath, "-out", certificatePath, "-days", "2",
            "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
        ]
        openssl.standardOutput = FileHandle.nullDevice
        openssl.standardError = FileHandle.nullDevice
        try openssl.run()
        openssl.waitUntilExit()
        guard openssl.terminationStatus == 0 else { throw ReferenceError.badOutput("openssl could not make a certificate") }

        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", Repository.root.appendingPathComponent("Tests/Fixtures/loopback_http_server.py").path, certificatePath, keyPath,
        ]
        stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = stdout.fileHandleForReading.availableData
            guard !chunk.isEmpty else { break }
            line.append(chunk)
        }
        let words = String(decoding: line, as: UTF8.self).split(whereSeparator: \.isWhitespace)
        guard words.count == 3, words[0] == "PORTS", let http = Int(words[1]), let https = Int(words[2]) else {
            process.terminate()
            throw ReferenceError.badOutput("the loopback HTTP server did not start: \(String(decoding: line, as: UTF8.self))")
        }
        httpPort = http
        httpsPort = https
    }

    /// Stops the server.
    public func stop() {
        try? stdin.fileHandleForWriting.close()
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: directory)
    }

    deinit { stop() }

    /// A loopback port nothing listens on (bound, then released).
    public static func closedPort() -> Int {
        let socket = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
