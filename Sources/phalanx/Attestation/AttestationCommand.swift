import ArgumentParser
import Foundation
import PhalanxAttestation
import PhalanxPrimitives

/// `phalanx attestation`: TEE attestation evidence tools.
struct AttestationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attestation",
        abstract: "Verify SGX DCAP quotes and IAS reports as the chain does.",
        subcommands: [Verify.self])
}

extension AttestationCommand {
    /// `phalanx attestation verify`: runs `AttestationVerifier` on files and prints every step.
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Verify a DCAP quote with its collateral, or an IAS report; exits 0 if accepted, 1 if rejected, 2 on bad input.",
            discussion: """
                Every step is printed as PASS or FAIL with its code, then ACCEPTED or REJECTED. The verification \
                time is --at (the chain uses the block timestamp); without it, the current time is used.
                Example:
                  phalanx attestation verify --at 2023-11-21T12:00:00Z \\
                    --quote ../shared/fixtures/sgx/phala/dcap_quote \\
                    --collateral ../shared/fixtures/sgx/phala/dcap_quote_collateral
                """)

        @Option(help: ArgumentHelp("The DCAP quote file (raw bytes).", valueName: "file")) var quote: String?
        @Option(help: ArgumentHelp(
            "The quote's collateral: a directory of Intel PCS downloads, or Phala's SCALE SgxV30QuoteCollateral file.",
            valueName: "dir|file"))
        var collateral: String?
        @Option(help: ArgumentHelp("An IAS (EPID) report: Phala's {raReport, signature, rawSigningCert} JSON.", valueName: "file")) var iasReport: String?
        @Option(help: ArgumentHelp("Verification time, UTC RFC 3339 (e.g. 2023-11-21T12:00:00Z); default: now.", valueName: "rfc3339")) var at: String?
        @Option(help: ArgumentHelp("A JSON AttestationPolicy file (missing fields take the default policy's values).", valueName: "file")) var policy: String?
        @Flag(help: "Accept DEBUG enclaves.") var allowDebug = false
        @Flag(help: "Accept TDX quotes.") var allowTdx = false
        @Option(help: ArgumentHelp("Also accept this TCB status (repeatable), e.g. OutOfDate.", valueName: "status")) var allowStatus: [String] = []
        @Flag(help: "Print the outcome as JSON.") var json = false

        func run() throws {
            let outcome: VerificationOutcome
            do {
                let time = try verificationTime()
                let policy = try loadPolicy()
                let evidence = try loadEvidence()
                outcome = AttestationVerifier.verify(evidence, policy: policy, at: time)
            } catch {
                throw fail(error)
            }
            if json {
                try printOutcomeJSON(outcome)
            } else {
                for line in outcome.textLines { print(line) }
            }
            if let error = outcome.error { throw fail(error, status: 1) }
        }

        /// `--at`, or the wall clock (the CLI may read it; the verifier never does).
        func verificationTime() throws -> Date {
            guard let at else { return Date() }
            guard let time = AttestationTime.parse(at) else { throw InputError.badTime(at) }
            return time
        }

        /// The default policy, overridden by `--policy` and then by the flags.
        func loadPolicy() throws -> AttestationPolicy {
            var result = AttestationPolicy.default
            if let policy {
                let data = try read(policy, option: "--policy")
                do {
                    result = try JSONDecoder().decode(PolicyFile.self, from: data).merged(into: result)
                } catch let error as DecodingError {
                    throw InputError.badPolicy(Self.describe(error))
                }
            }
            if allowDebug { result.allowDebug = true }
            if allowTdx { result.allowTDX = true }
            for name in allowStatus {
                guard let status = TCBStatus(rawValue: name) else {
                    let known = TCBStatus.allCases.map(\.rawValue).joined(separator: ", ")
                    throw InputError.badPolicy("unknown TCB status '\(name)' (known: \(known))")
                }
                if !result.allowedTCBStatuses.contains(status) { result.allowedTCBStatuses.append(status) }
            }
            return result
        }

        /// The evidence files, checked for existence first so a typo gives one clear sentence.
        func loadEvidence() throws -> AttestationEvidence {
            if iasReport == nil && quote == nil { throw InputError.missingInput("give --quote FILE with --collateral, or --ias-report FILE") }
            if iasReport != nil && quote != nil { throw InputError.missingInput("give either --quote or --ias-report, not both") }
            if quote != nil && collateral == nil { throw InputError.missingInput("a DCAP quote needs its --collateral DIR|FILE") }
            let quoteURL = try quote.map { try existing($0, option: "--quote") }
            let collateralURL = try collateral.map { try existing($0, option: "--collateral") }
            let iasURL = try iasReport.map { try existing($0, option: "--ias-report") }
            do {
                return try AttestationEvidence.load(quote: quoteURL, collateral: collateralURL, iasReport: iasURL)
            } catch let error as AttestationError {
                throw error
            } catch {
                throw InputError.unreadable(iasURL != nil ? "IAS report" : "quote or collateral", Self.reason(error))
            }
        }

        /// The URL of `path`, which must exist.
        func existing(_ path: String, option: String) throws -> URL {
            guard FileManager.default.fileExists(atPath: path) else { throw InputError.missingFile(option, path) }
            return URL(fileURLWithPath: path)
        }

        /// The bytes of an existing file.
        func read(_ path: String, option: String) throws -> Data {
            let url = try existing(path, option: option)
            do { return try Data(contentsOf: url) } catch { throw InputError.unreadable(option + " file", Self.reason(error)) }
        }

        /// Prints the outcome JSON with the report's byte fields as hex.
        func printOutcomeJSON(_ outcome: VerificationOutcome) throws {
            let data = try JSONEncoder().encode(outcome)
            guard var object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else { return }
            if var report = object["report"] as? [String: Any] {
                for key in ["mrEnclave", "mrSigner", "reportData"] {
                    if let numbers = report[key] as? [Int] { report[key] = numbers.map { UInt8(truncatingIfNeeded: $0) }.hex }
                }
                object["report"] = report
            }
            printJSON(object)
        }

        /// A short reason for a Foundation or decoding error, without a trailing period.
        static func reason(_ error: Error) -> String {
            let text = (error as? LocalizedError)?.errorDescription ?? String(describing: error)
            return text.hasSuffix(".") ? String(text.dropLast()) : text
        }

        /// A short reason for a JSON decoding error.
        static func describe(_ error: DecodingError) -> String {
            switch error {
            case .dataCorrupted(let context), .typeMismatch(_, let context), .valueNotFound(_, let context),
                .keyNotFound(_, let context):
                let path = context.codingPath.map(\.stringValue).joined(separator: ".")
                let debug = context.debugDescription.hasSuffix(".")
                    ? String(context.debugDescription.dropLast()) : context.debugDescription
                return path.isEmpty ? debug : "\(path): \(debug)"
            @unknown default:
                return String(describing: error)
            }
        }
    }
}

/// The JSON of an `AttestationPolicy` with every field optional; absent fields keep the base policy's value.
private struct PolicyFile: Decodable {
    var allowedEnclaves: [AllowedEnclave]?
    var allowedTCBStatuses: [TCBStatus]?
    var maxReportAgeSeconds: UInt64?
    var allowDebug: Bool?
    var allowDev: Bool?
    var allowTDX: Bool?

    /// `base` with the fields present in the file replaced.
    func merged(into base: AttestationPolicy) -> AttestationPolicy {
        var policy = base
        if let allowedEnclaves { policy.allowedEnclaves = allowedEnclaves }
        if let allowedTCBStatuses { policy.allowedTCBStatuses = allowedTCBStatuses }
        if let maxReportAgeSeconds { policy.maxReportAgeSeconds = maxReportAgeSeconds }
        if let allowDebug { policy.allowDebug = allowDebug }
        if let allowDev { policy.allowDev = allowDev }
        if let allowTDX { policy.allowTDX = allowTDX }
        return policy
    }
}
