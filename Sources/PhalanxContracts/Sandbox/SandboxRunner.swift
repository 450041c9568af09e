import Foundation
import PhalanxPrimitives

/// Runs a scenario of contract deployments, calls and queries in an in-memory cluster, with no
/// chain and no worker (like drink!/ink_e2e, as one command). Each step yields a JSON report;
/// the scenario succeeds only if every step succeeded and matched its expectation.
///
/// Scenario format (JSON): `{"accounts": {"alice": "//Alice"}, "steps": [...]}` where a step is
/// `{"deploy": PATH, "constructor": NAME, "args": [...], "as": ALIAS, "caller": NAME, "value": "0", "salt": "0x…"}`
/// (or `"selector"`/`"input"` hex instead of constructor/args, e.g. for a bare `.wasm`),
/// `{"call"|"query": ALIAS, "message": NAME, "args": [...]}` (or `"selector"`/`"input"`), with optional
/// `"caller"`, `"value"`, `"gasLimit": {"refTime": N, "proofSize": N}`, `"expect": JSON` and
/// `"expectError": "ContractTrapped" | "ContractReverted" | "OutOfGas" | "CodeRejected" | …`.
/// `call` commits, `query` never does. Paths are relative to the scenario file.
///
/// With a ``PinkHost`` the cluster runs Phala's pink chain extension: queries may make HTTP requests (real ones, through
/// the host), calls run it in transaction mode. The sandbox cluster key is fixed (``sandboxClusterKey``), so keys a
/// contract derives are reproducible between runs — and public: never use sandbox-derived keys for real value.
public final class SandboxRunner {
    /// A deployed contract known by alias.
    struct Deployed {
        let address: AccountId32
        let metadata: ContractMetadata?
    }

    /// Why a scenario cannot run at all (malformed file); step failures are reported per step instead.
    public struct ScenarioError: Error, CustomStringConvertible {
        /// One sentence.
        public let description: String
    }

    /// Dev accounts endowed in every sandbox, by lower-case name.
    public static let devAccounts = ["alice", "bob", "charlie", "dave", "eve", "ferdie"]
    /// Each dev account's cluster balance: 1,000,000 PHA.
    public static let endowment: UInt128 = 1_000_000 * 1_000_000_000_000

    let cluster: ContractCluster
    let backend = InMemoryStateBackend()
    let directory: URL
    var accounts: [String: AccountId32] = [:]
    var contracts: [String: Deployed] = [:]
    var block = BlockContext(blockNumber: 1, timestamp: 1_700_000_000_000)

    /// The pink extension, when a host was given.
    let pink: PinkExtension?

    /// The sandbox's well-known cluster key (mini secret = blake2_256("phalanx/sandbox-cluster")).
    public static let sandboxClusterKey = Sr25519.KeyPair(miniSecret: blake2_256(Array("phalanx/sandbox-cluster".utf8)))

    /// A runner resolving paths relative to `directory`; `pinkHost` enables the pink chain extension.
    public init(directory: URL, pinkHost: PinkHost? = nil) {
        self.directory = directory
        cluster = ContractCluster(backend: backend)
        pink = pinkHost.map { PinkExtension(host: $0, clusterKey: Self.sandboxClusterKey) }
        if let pink { cluster.register(chainExtension: pink) }
        for name in Self.devAccounts {
            if let account = try? KeyPair(uri: "//" + name.prefix(1).uppercased() + name.dropFirst()).accountId {
                accounts[name] = account
                backend.setBalance(account, Self.endowment)
            }
        }
    }

    /// Runs the scenario text; returns one report per step and whether all passed.
    public func run(scenario text: String) throws -> (reports: [JSONValue], passed: Bool) {
        let scenario: JSONValue
        do {
            scenario = try JSONValue.parse(text)
        } catch {
            throw ScenarioError(description: "The scenario is not valid JSON: \(error).")
        }
        if case .object(let members)? = scenario["accounts"] {
            for (name, uri) in members {
                guard let uri = uri.stringValue, let pair = try? KeyPair(uri: uri) else {
                    throw ScenarioError(description: "Account '\(name)' must be a secret URI such as //Alice.")
                }
                accounts[name.lowercased()] = pair.accountId
                if backend.balance(pair.accountId) == 0 { backend.setBalance(pair.accountId, Self.endowment) }
            }
        }
        guard let steps = scenario["steps"]?.arrayValue else {
            throw ScenarioError(description: "The scenario needs a \"steps\" array.")
        }
        var reports = [JSONValue]()
        var passed = true
        for (index, step) in steps.enumerated() {
            let report = runStep(step, number: index + 1)
            if case .bool(false)? = report["ok"] { passed = false }
            reports.append(report)
            block.blockNumber += 1
            block.timestamp += 6_000
        }
        return (reports, passed)
    }

    // MARK: Steps

    private func runStep(_ step: JSONValue, number: Int) -> JSONValue {
        do {
            if let path = step["deploy"]?.stringValue { return try deploy(step, path: path, number: number) }
            if let target = step["call"]?.stringValue { return try execute(step, target: target, mode: .transaction, number: number) }
            if let target = step["query"]?.stringValue { return try execute(step, target: target, mode: .query, number: number) }
            return failure(number, "The step needs one of \"deploy\", \"call\" or \"query\".")
        } catch let error as ScenarioError {
            return failure(number, error.description)
        } catch {
            return failure(number, "\(error)")
        }
    }

    private func deploy(_ step: JSONValue, path: String, number: Int) throws -> JSONValue {
        let url = URL(fileURLWithPath: path, relativeTo: directory)
        guard let data = try? Data(contentsOf: url) else { throw ScenarioError(description: "Cannot read '\(path)'.") }
        var metadata: ContractMetadata? = nil
        let code: [UInt8]
        if path.hasSuffix(".wasm") {
            code = Array(data)
        } else {
            metadata = try ContractMetadata(json: String(decoding: data, as: UTF8.self))
            guard let wasm = metadata?.wasm else { throw ScenarioError(description: "The bundle '\(path)' has no source.wasm.") }
            code = wasm
        }
        let codec = metadata.map { ContractValueCodec(metadata: $0, accountResolver: resolve) }
        let (input, spec) = try callData(step, specs: metadata?.constructors, labelKey: "constructor", codec: codec)
        let caller = try account(step["caller"]?.stringValue ?? "alice")
        let salt = try step["salt"]?.stringValue.map(hexBytes) ?? Array((step["as"]?.stringValue ?? "\(number)").utf8)
        let codeHash = ContractCluster.codeHash(code)
        let existing = backend.code(codeHash) != nil
        if !existing {
            do {
                try cluster.validate(code)
            } catch {
                // Report why the code was rejected; the step still fails (or matches expectError) as CodeRejected.
                return report(
                    number, step: step, outcome: .failure(.module(index: cluster.schedule.palletIndex, error: error.error)),
                    spec: nil, codec: nil, gas: Weight(refTime: 0, proofSize: 0), events: [], debug: Array(error.reason.utf8),
                    metadata: nil)
            }
        }
        let value = try amount(step["value"]), limit = try gasLimit(step)
        let result = transaction({
            cluster.instantiate(
                origin: caller, value: value, gasLimit: limit, code: existing ? .existing(codeHash) : .upload(code),
                input: input, salt: salt, block: block, mode: .transaction)
        }, committed: { (try? $0.result.get()).map { !$0.result.didRevert } ?? false })
        if case .success(let value) = result.result, !value.result.didRevert, let alias = step["as"]?.stringValue {
            contracts[alias] = Deployed(address: value.accountId, metadata: metadata)
        }
        let outcome = result.result.map { ($0.result, Optional($0.accountId)) }
        return report(
            number, step: step, outcome: outcome, spec: spec, codec: codec, gas: result.gasConsumed, events: result.events,
            debug: result.debugMessage, metadata: metadata)
    }

    private func execute(_ step: JSONValue, target: String, mode: ExecutionMode, number: Int) throws -> JSONValue {
        guard let contract = contracts[target] ?? resolve(target).map({ Deployed(address: $0, metadata: nil) }) else {
            throw ScenarioError(description: "Unknown contract '\(target)'.")
        }
        let codec = contract.metadata.map { ContractValueCodec(metadata: $0, accountResolver: resolve) }
        var (input, spec) = try callData(step, specs: contract.metadata?.messages, labelKey: "message", codec: codec)
        if spec == nil, let metadata = contract.metadata, input.count >= 4 { spec = metadata.message(selector: Array(input.prefix(4))) }
        let caller = try account(step["caller"]?.stringValue ?? "alice")
        let value = try amount(step["value"]), limit = try gasLimit(step)
        let run = {
            self.cluster.call(
                origin: caller, dest: contract.address, value: value, gasLimit: limit, input: input, block: self.block, mode: mode)
        }
        let result =
            mode == .query
            ? (pink.map { $0.runQuery(run) } ?? run())
            : transaction(run, committed: { (try? $0.result.get()).map { !$0.didRevert } ?? false })
        return report(
            number, step: step, outcome: result.result.map { ($0, nil) }, spec: spec, codec: codec, gas: result.gasConsumed,
            events: result.events, debug: result.debugMessage, metadata: contract.metadata)
    }

    /// Runs a transaction, applying the pink extension's deferred cache writes when it commits.
    private func transaction<T>(_ body: () -> T, committed: (T) -> Bool) -> T {
        pink.map { $0.runTransaction(body, committed: committed) } ?? body()
    }

    /// Call data from `constructor`/`message` + `args`, or raw `selector` + `input`.
    private func callData(_ step: JSONValue, specs: [MessageSpec]?, labelKey: String, codec: ContractValueCodec?)
        throws -> ([UInt8], MessageSpec?)
    {
        if let label = step[labelKey]?.stringValue {
            guard let codec, let spec = specs?.first(where: { $0.label == label }) else {
                throw ScenarioError(description: "No \(labelKey) '\(label)' in the contract's metadata.")
            }
            return (try codec.encodeCall(spec, arguments: step["args"]?.arrayValue ?? []), spec)
        }
        guard let selector = step["selector"]?.stringValue else {
            throw ScenarioError(description: "The step needs \"\(labelKey)\" (with a bundle) or \"selector\".")
        }
        return (try hexBytes(selector) + (try step["input"]?.stringValue.map(hexBytes) ?? []), nil)
    }

    // MARK: Reports

    private func report(
        _ number: Int, step: JSONValue, outcome: Result<(ExecReturnValue, AccountId32?), DispatchError>, spec: MessageSpec?,
        codec: ContractValueCodec?, gas: Weight, events: [ContractEvent], debug: [UInt8], metadata: ContractMetadata?
    ) -> JSONValue {
        var result: JSONValue = .null
        var errorName: String? = nil
        switch outcome {
        case .success(let (value, address)):
            result = decode(value.data, spec: spec, codec: codec)
            if let address, step["deploy"] != nil, !value.didRevert { result = .object([("address", .string(address.ss58()))]) }
            if value.didRevert {
                errorName = "ContractReverted"
                result = decode(value.data, spec: spec, codec: codec)
            }
        case .failure(let error):
            errorName = error.contractError?.description ?? "Other"
        }
        var ok: Bool
        var problem: String? = nil
        if let expectedError = step["expectError"]?.stringValue {
            ok = errorName == expectedError
            if !ok { problem = "expected error \(expectedError), got \(errorName ?? "success")" }
        } else {
            ok = errorName == nil
            if !ok { problem = "failed with \(errorName ?? "")" }
        }
        if ok, let expected = step["expect"], expected != result {
            ok = false
            problem = "expected \(expected), got \(result)"
        }
        var members: [(String, JSONValue)] = [
            ("step", .number(String(number))), ("ok", .bool(ok)), ("result", result),
            ("gasConsumed", .object([("refTime", .number(String(gas.refTime))), ("proofSize", .number(String(gas.proofSize)))])),
            ("events", .array(events.map { event(event: $0, codec: codec, metadata: metadata) })),
            ("debug", .string(String(decoding: debug, as: UTF8.self))),
        ]
        if let errorName { members.append(("error", .string(errorName))) }
        if let problem { members.append(("problem", .string(problem))) }
        return .object(members)
    }

    private func decode(_ data: [UInt8], spec: MessageSpec?, codec: ContractValueCodec?) -> JSONValue {
        if let spec, let codec, let value = try? codec.decodeReturn(spec, data: data) { return value }
        // A raw selector on a bundle without a matching message decodes as Result<(), LangError>.
        if spec == nil, codec != nil, data == [0] { return .object([("Ok", .null)]) }
        return .string(data.prefixedHex)
    }

    private func event(event: ContractEvent, codec: ContractValueCodec?, metadata: ContractMetadata?) -> JSONValue {
        if let codec, let metadata, let decoded = try? codec.decodeEvent(event, metadata: metadata) {
            return .object([("event", .string(decoded.label)), ("fields", decoded.fields)])
        }
        return .object([
            ("topics", .array(event.topics.map { .string($0.description) })), ("data", .string(event.data.prefixedHex)),
        ])
    }

    private func failure(_ number: Int, _ problem: String) -> JSONValue {
        .object([("step", .number(String(number))), ("ok", .bool(false)), ("problem", .string(problem))])
    }

    // MARK: Values

    private func resolve(_ name: String) -> AccountId32? {
        if let account = accounts[name.lowercased()] { return account }
        if let contract = contracts[name] { return contract.address }
        return try? AccountId32(parsing: name)
    }

    private func account(_ name: String) throws -> AccountId32 {
        guard let account = resolve(name) else { throw ScenarioError(description: "Unknown account '\(name)'.") }
        return account
    }

    private func amount(_ value: JSONValue?) throws -> UInt128 {
        guard let value, value != .null else { return 0 }
        guard let text = value.stringValue ?? { if case .number(let n) = value { return n } else { return nil } }(),
            let amount = UInt128(text)
        else { throw ScenarioError(description: "A value must be a whole number of the smallest unit.") }
        return amount
    }

    private func gasLimit(_ step: JSONValue) throws -> Weight? {
        guard let limit = step["gasLimit"] else { return nil }
        func number(_ key: String) throws -> UInt64 {
            guard case .number(let text)? = limit[key], let value = UInt64(text) else {
                throw ScenarioError(description: "gasLimit needs whole numbers refTime and proofSize.")
            }
            return value
        }
        return Weight(refTime: try number("refTime"), proofSize: try number("proofSize"))
    }

    private func hexBytes(_ text: String) throws -> [UInt8] {
        guard let bytes = [UInt8](hex: text) else { throw ScenarioError(description: "'\(text)' is not hex.") }
        return bytes
    }
}
