import ArgumentParser
import Foundation
import PhalanxContracts
import PhalanxWorker

/// `phalanx contract`: Phat Contract tools.
struct ContractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contract",
        abstract: "Phat Contracts: deploy, call (encrypted commands), query (encrypted queries), list, and a local sandbox.",
        subcommands: [Deploy.self, Call.self, Query.self, List.self, Logs.self, EgressPolicyCommand.self, Sandbox.self, BundleCommand.self])
}

extension ContractCommand {
    /// `phalanx contract sandbox SCENARIO.json`.
    struct Sandbox: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run a scenario of deploys, calls and queries in an in-memory cluster; one JSON line per step, exit 0 only if all pass.")

        @Argument(help: "The scenario JSON file; contract paths in it are relative to it.") var scenario: String
        @Flag(help: "Let contracts' HTTP requests reach loopback and private-network addresses.") var allowPrivateHttp = false
        @Option(help: "A PEM certificate to trust for contracts' HTTPS requests (repeatable).") var httpCa: [String] = []

        func run() throws {
            let url = URL(fileURLWithPath: scenario)
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                throw fail(InputError.missingFile("scenario", scenario))
            }
            var pink = WorkerPinkHost.Configuration()
            pink.allowPrivateHTTP = allowPrivateHttp
            pink.trustedCertificates = httpCa
            let host: WorkerPinkHost
            do {
                host = try WorkerPinkHost(workerPublicKey: [UInt8](repeating: 0, count: 32), configuration: pink)
            } catch {
                throw fail(InputError.unreadable("--http-ca certificate", "\(error)"))
            }
            let runner = SandboxRunner(directory: url.deletingLastPathComponent(), pinkHost: host)
            let outcome: (reports: [JSONValue], passed: Bool)
            do {
                outcome = try runner.run(scenario: text)
            } catch {
                throw fail(error)
            }
            for report in outcome.reports { print(report) }
            if !outcome.passed { throw ExitCode(1) }
        }
    }
}
