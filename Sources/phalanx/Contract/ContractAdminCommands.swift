import ArgumentParser
import Foundation
import PhalanxPrimitives
import PhalanxWorker

/// The sr25519 key of a secret URI (the worker's deployer requests are sr25519-signed).
private func sr25519Signer(_ suri: String) throws -> Sr25519.KeyPair {
    guard case .sr25519(let pair) = try KeyPair(uri: suri).material else {
        throw CLIFailure("The signing account must be an sr25519 key.")
    }
    return pair
}

private func nowMilliseconds() -> UInt64 { UInt64(Date().timeIntervalSince1970 * 1000) }

extension ContractCommand {
    /// `phalanx contract logs CONTRACT [--follow]`.
    struct Logs: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a contract's log lines (pink log and ink! debug output) from a worker; only its deployer may read them.")

        @Argument(help: "The contract (SS58 address or 0x-hex id).") var contract: String
        @Option(help: "Secret URI of the contract's deployer.") var suri: String = "//Alice"
        @Option(help: "The worker's query API.") var worker: String = "http://127.0.0.1:8000"
        @Flag(help: "Keep polling for new lines until interrupted.") var follow = false
        @Flag(help: "Print each line as a JSON object.") var json = false

        func run() async throws {
            do { try await logs() } catch { throw fail(error) }
        }

        private func logs() async throws {
            let contractId = try parseContractId(contract)
            let signer = try sr25519Signer(suri)
            var after: UInt64 = 0
            repeat {
                let request = ContractAdminProtocol.request(
                    domain: ContractAdminProtocol.logsDomain, contract: contractId, signer: signer, timestamp: nowMilliseconds(),
                    body: after.scaleEncoded, extra: ["after": after])
                let response = try await workerRequest(worker, path: "/logs", body: request)
                guard let sealed = (response["envelope"] as? String).flatMap({ [UInt8](hex: $0) }),
                    let envelope = try? Envelope.decode(scale: sealed),
                    let plain = try? envelope.open(with: signer, purpose: ContractAdminProtocol.logsPurpose, target: contractId.bytes),
                    let page = try? JSONDecoder().decode([String: [ContractLogRecord]].self, from: Data(plain)),
                    let records = page["records"]
                else { throw CLIFailure("The worker's log response does not open with this key.") }
                for record in records {
                    if json {
                        let line = try JSONEncoder().encode(record)
                        print(String(decoding: line, as: UTF8.self))
                    } else {
                        print("\(record.sequence) \(record.level) \(record.message)")
                    }
                    after = max(after, record.sequence)
                }
                if follow { try await Task.sleep(for: .seconds(1)) }
            } while follow
        }
    }

    /// `phalanx contract egress-policy CONTRACT --allow HOST … [--max-requests-per-minute N]`.
    struct EgressPolicyCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "egress-policy",
            abstract: "Limit where a contract's HTTP requests may go (hosts or URL prefixes) and how often; signed by the deployer or cluster owner.")

        @Argument(help: "The contract (SS58 address or 0x-hex id).") var contract: String
        @Option(help: "An allowed host (admits its subdomains) or URL prefix with scheme (repeatable); none allows all.")
        var allow: [String] = []
        @Option(help: "Most HTTP requests per minute (default: unlimited).") var maxRequestsPerMinute: UInt32?
        @Option(help: "Secret URI of the deployer or the cluster owner.") var suri: String = "//Alice"
        @Option(help: "The worker's query API.") var worker: String = "http://127.0.0.1:8000"

        func run() async throws {
            do {
                let contractId = try parseContractId(contract)
                let policy = EgressPolicy(allow: allow, maxRequestsPerMinute: maxRequestsPerMinute)
                var policyObject: [String: Any] = ["allow": allow]
                if let maxRequestsPerMinute { policyObject["maxRequestsPerMinute"] = maxRequestsPerMinute }
                let request = ContractAdminProtocol.request(
                    domain: ContractAdminProtocol.egressPolicyDomain, contract: contractId, signer: try sr25519Signer(suri),
                    timestamp: nowMilliseconds(), body: policy.scaleEncoded, extra: ["policy": policyObject])
                let response = try await workerRequest(worker, path: "/egress-policy", body: request)
                let data = try JSONSerialization.data(withJSONObject: response, options: [.sortedKeys])
                print(String(decoding: data, as: UTF8.self))
            } catch {
                throw fail(error)
            }
        }
    }
}
