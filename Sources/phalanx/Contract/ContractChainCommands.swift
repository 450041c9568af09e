import ArgumentParser
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import PhalanxClient
import PhalanxContracts
import PhalanxPrimitives
import PhalanxRuntime
import PhalanxWorker

/// Options shared by the contract commands that talk to a node.
struct ChainOptions: ParsableArguments {
    @Option(help: "The node's JSON-RPC endpoint.") var url: String = "ws://127.0.0.1:9944"
    @Option(help: "Secret URI of the signing account (e.g. //Alice).") var suri: String = "//Alice"
}

/// A contract bundle (`.contract`, ink! v4/v5 metadata with the code) and the JSON ⇄ SCALE codec for it.
struct LoadedBundle {
    let metadata: ContractMetadata
    let codec: ContractValueCodec

    init(path: String) throws {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw InputError.missingFile("bundle", path) }
        metadata = try ContractMetadata(json: text)
        codec = ContractValueCodec(metadata: metadata) { name in
            guard name.range(of: "^[a-z]+$", options: .regularExpression) != nil else { return nil }
            return try? KeyPair(uri: "//" + name.prefix(1).uppercased() + name.dropFirst()).accountId
        }
    }

    /// selector ‖ SCALE(args) for message or constructor `label`.
    func encode(_ label: String, args: String?, constructor: Bool) throws -> (MessageSpec, [UInt8]) {
        guard let spec = constructor ? metadata.constructor(label) : metadata.message(label) else {
            let names = (constructor ? metadata.constructors : metadata.messages).map(\.label).joined(separator: ", ")
            throw CLIFailure("The bundle has no \(constructor ? "constructor" : "message") '\(label)' (it has: \(names)).")
        }
        let arguments: [JSONValue]
        if let args {
            guard let parsed = try? JSONValue.parse(args), let array = parsed.arrayValue else {
                throw CLIFailure("--args must be a JSON array, e.g. '[true]'.")
            }
            arguments = array
        } else {
            arguments = []
        }
        return (spec, try codec.encodeCall(spec, arguments: arguments))
    }
}

/// A CLI failure in one sentence.
struct CLIFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Parses a contract given as 0x-hex id or SS58 address.
func parseContractId(_ text: String) throws -> H256 {
    if let hash = H256(hex: text) { return hash }
    guard let account = try? AccountId32(parsing: text) else { throw CLIFailure("'\(text)' is not a contract id (0x-hex) or address (SS58).") }
    return H256(unchecked: account.bytes)
}

/// Polls `check` every 200 ms until it returns a value or `seconds` pass.
func waitFor<T>(_ seconds: Int, _ what: String, _ check: () async throws -> T?) async throws -> T {
    for _ in 0..<(seconds * 5) {
        if let value = try await check() { return value }
        try await Task.sleep(for: .milliseconds(200))
    }
    throw CLIFailure("Timed out after \(seconds) s waiting for \(what).")
}

/// A JSON GET/POST to a worker's query API.
func workerRequest(_ url: String, path: String, body: [String: Any]? = nil) async throws -> [String: Any] {
    guard let endpoint = URL(string: url + path) else { throw CLIFailure("'\(url)' is not a worker URL.") }
    var request = URLRequest(url: endpoint)
    request.timeoutInterval = 30
    if let body {
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = try JSONSerialization.data(withJSONObject: body)
    }
    let data: Data
    do {
        (data, _) = try await URLSession.shared.data(for: request)
    } catch {
        throw CLIFailure("The worker at \(url) cannot be reached: \(error.localizedDescription).")
    }
    guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
        throw CLIFailure("The worker at \(url) sent a malformed response.")
    }
    if let error = object["error"] as? [String: Any] {
        throw CLIFailure("The worker refused the request (\(error["code"] ?? "?")): \(error["message"] ?? "").")
    }
    return object
}

extension ContractCommand {
    /// `phalanx contract deploy BUNDLE …`.
    struct Deploy: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Upload a contract's code to a cluster (if absent), instantiate it, and wait until its public key is on chain.")

        @Argument(help: "The .contract bundle.") var bundle: String
        @Option(help: "Constructor label.") var constructor: String?
        @Option(help: "Constructor arguments as a JSON array.") var args: String?
        @Option(help: "Raw constructor selector (0x-hex) instead of --constructor.") var selector: String?
        @Option(help: "Raw SCALE arguments (0x-hex) with --selector.") var input: String?
        @Option(help: "Salt (0x-hex); random by default.") var salt: String?
        @Option(help: "Cluster id (0x-hex); default: the first cluster.") var cluster: String?
        @Option(help: "Value (PHA, decimal) transferred to the contract inside the cluster.") var value: String = "0"
        @OptionGroup var chain: ChainOptions

        func run() async throws {
            do { try await deploy() } catch { throw fail(error) }
        }

        private func deploy() async throws {
            let bundle = try LoadedBundle(path: self.bundle)
            guard let code = bundle.metadata.wasm else { throw CLIFailure("The bundle carries no Wasm code (source.wasm).") }
            let data: [UInt8]
            if let constructor {
                data = try bundle.encode(constructor, args: args, constructor: true).1
            } else if let selector, let selectorBytes = [UInt8](hex: selector), selectorBytes.count == 4 {
                data = selectorBytes + ([UInt8](hex: input ?? "0x") ?? [])
            } else {
                throw CLIFailure("Give --constructor NAME [--args JSON] or --selector HEX [--input HEX].")
            }
            let client = try NodeClient(url: chain.url, suri: chain.suri)
            let clusterId = try cluster.map(parseContractId) ?? PhalaPhatContracts.clusterId(1)
            _ = try await waitFor(60, "cluster \(clusterId)'s public key on chain") {
                try await client.storage(PhalaRegistry.clusterKeys.storageKey(clusterId), as: Sr25519Public.self)
            }
            let codeHash = H256(unchecked: blake2_256(code))
            if try await client.storage(PhalaPhatContracts.clusterResources.storageKey(clusterId, codeHash), as: ResourceType.self) == nil {
                try await client.submit(PhalaPhatContracts.Call.clusterUploadResource(clusterId: clusterId, resourceType: .inkCode, resourceData: code))
            }
            let saltBytes = try salt.map { text -> [UInt8] in
                guard let bytes = [UInt8](hex: text) else { throw CLIFailure("--salt must be 0x-hex.") }
                return bytes
            } ?? SystemRandom.bytes(8)
            let transfer = try parseBalance(value)
            let contract = PhalaPhatContracts.contractId(deployer: client.signer.accountId, codeHash: codeHash, cluster: clusterId, salt: saltBytes)
            try await client.submit(PhalaPhatContracts.Call.instantiateContract(
                codeIndex: .wasmCode(codeHash), data: data, salt: saltBytes, clusterId: clusterId, transfer: transfer, gasLimit: 0,
                storageDepositLimit: nil, deposit: 0))
            let pending = try await client.storage(PhalaPhatContracts.instantiating.storageKey(contract), as: BasicContractInfo.self)
            let done = try await client.storage(PhalaRegistry.contractKeys.storageKey(contract), as: Sr25519Public.self)
            guard pending != nil || done != nil else { throw CLIFailure("The chain did not accept the instantiation (duplicate salt, unknown cluster or no permission).") }
            _ = try await waitFor(60, "the cluster to instantiate the contract (its constructor may have failed; see the worker log)") {
                try await client.storage(PhalaRegistry.contractKeys.storageKey(contract), as: Sr25519Public.self)
            }
            try NodeClient.printJSON([
                "contract": AccountId32(bytes: contract.bytes)!.ss58(prefix: 30), "contractId": contract.description,
                "codeHash": codeHash.description, "cluster": clusterId.description,
            ])
        }
    }

    /// `phalanx contract call CONTRACT --bundle … --message …`.
    struct Call: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Send a command (encrypted to the contract's key unless --plain), wait for inclusion and for a worker to process it.")

        @Argument(help: "The contract (SS58 address or 0x-hex id).") var contract: String
        @Option(help: "The contract's .contract bundle (for its metadata).") var bundle: String
        @Option(help: "Message label.") var message: String
        @Option(help: "Arguments as a JSON array.") var args: String?
        @Option(help: "Value (PHA, decimal) transferred inside the cluster.") var value: String = "0"
        @Flag(help: "Send the command in plaintext (visible on chain).") var plain = false
        @Option(help: "A worker of the contract's cluster, polled until it has processed the block.") var worker: String = "http://127.0.0.1:8000"
        @OptionGroup var chain: ChainOptions

        func run() async throws {
            do { try await call() } catch { throw fail(error) }
        }

        private func call() async throws {
            let bundle = try LoadedBundle(path: self.bundle)
            let input = try bundle.encode(message, args: args, constructor: false).1
            let contractId = try parseContractId(contract)
            let client = try NodeClient(url: chain.url, suri: chain.suri)
            guard let contractKey = try await client.storage(PhalaRegistry.contractKeys.storageKey(contractId), as: Sr25519Public.self) else {
                throw CLIFailure("Contract \(contractId) has no public key on chain (not deployed, or not yet instantiated).")
            }
            let command = ContractCommand.inkCommand(input: input, transfer: try parseBalance(value))
            let payload: ContractCommandPayload
            if plain {
                payload = .plain(nonce: command.nonce, message: input, transfer: command.transfer, gasLimit: 0, storageDepositLimit: nil)
            } else {
                let envelope = try Envelope.seal(command.bytes, to: contractKey.bytes, purpose: "phalanx/command", target: contractId.bytes)
                payload = .encrypted(iv: envelope.iv, pubkey: envelope.ephemeralPublicKey, data: [envelope.version] + envelope.ciphertext)
            }
            let hash = try await client.submit(PhalaPhatContracts.Call.pushContractMessage(contractId: contractId, payload: payload.scaleEncoded, deposit: 0))
            let (blockNumber, blockHash) = try await includingBlock(of: hash, client: client)
            _ = try await waitFor(60, "the worker at \(worker) to process block \(blockNumber)") { () -> Bool? in
                let info = try await workerRequest(worker, path: "/info")
                return ((info["syncedHeight"] as? Int) ?? 0) >= blockNumber ? true : nil
            }
            try NodeClient.printJSON([
                "extrinsicHash": hash, "blockHash": blockHash, "blockNumber": blockNumber, "encrypted": !plain,
            ])
        }
    }

    /// `phalanx contract query CONTRACT --bundle … --message …`.
    struct Query: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Send an encrypted query to a worker, verify its signature against the chain, print the decoded result.")

        @Argument(help: "The contract (SS58 address or 0x-hex id).") var contract: String
        @Option(help: "The contract's .contract bundle (for its metadata).") var bundle: String
        @Option(help: "Message label.") var message: String
        @Option(help: "Arguments as a JSON array.") var args: String?
        @Option(help: "The worker's query API.") var worker: String = "http://127.0.0.1:8000"
        @OptionGroup var chain: ChainOptions

        func run() async throws {
            do { try await query() } catch { throw fail(error) }
        }

        private func query() async throws {
            let bundle = try LoadedBundle(path: self.bundle)
            let (spec, input) = try bundle.encode(message, args: args, constructor: false)
            let contractId = try parseContractId(contract)
            let client = try NodeClient(url: chain.url, suri: chain.suri)
            let info = try await workerRequest(worker, path: "/info")
            guard let claimed = (info["publicKey"] as? String).flatMap({ [UInt8](hex: $0) }), let key = Sr25519Public(bytes: claimed) else {
                throw CLIFailure("The worker at \(worker) did not state its public key.")
            }
            guard let registered = try await client.storage(PhalaRegistry.workers.storageKey(key), as: WorkerInfoV2.self) else {
                throw CLIFailure("The worker at \(worker) (\(key)) is not registered on chain; its answers cannot be trusted.")
            }
            let prepared = try QueryProtocol.prepare(
                QueryProtocol.InkQuery(contract: contractId, payload: input), workerKey: registered.ecdhPubkey.bytes, caller: client.signer)
            let response = try await workerRequest(worker, path: "/query", body: prepared.body)
            switch try QueryProtocol.openResponse(response, prepared: prepared, workerKey: registered.pubkey.bytes) {
            case .failure(let error):
                throw CLIFailure("The query failed: \(error).")
            case .success(let bytes):
                let outcome = try ContractExecOutcome(scale: bytes)
                switch outcome.result {
                case .failure(let error):
                    throw CLIFailure("The contract call failed: \(error).")
                case .success(let value):
                    let decoded = try bundle.codec.decodeReturn(spec, data: value.data)
                    let reverted = value.flags & 1 == 1
                    print(reverted ? #"{"reverted": true, "result": \#(decoded)}"# : "\(decoded)")
                    if reverted { throw ExitCode(1) }
                }
            }
        }
    }

    /// `phalanx contract list`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List instantiated contracts as JSON.")
        @Option(help: "The node's JSON-RPC endpoint.") var url: String = "ws://127.0.0.1:9944"

        func run() async throws {
            do {
                let client = try NodeClient(url: url, suri: "//Alice")
                var contracts: [[String: Any]] = []
                for (key, value) in try await client.entries(prefix: PhalaPhatContracts.contracts.prefix) {
                    let id = H256(unchecked: Array(key.suffix(32)))
                    let info = try BasicContractInfo.decode(scale: value, limits: .unlimited)
                    let pubkey = try await client.storage(PhalaRegistry.contractKeys.storageKey(id), as: Sr25519Public.self)
                    contracts.append([
                        "contract": AccountId32(bytes: id.bytes)!.ss58(prefix: 30), "contractId": id.description,
                        "deployer": info.deployer.ss58(prefix: 30), "cluster": info.cluster.description,
                        "pubkey": pubkey.map(\.description) ?? NSNull(),
                    ])
                }
                try NodeClient.printJSON(contracts)
            } catch {
                throw fail(error)
            }
        }
    }

    /// The SCALE `InkCommand::InkMessage` plaintext of a command, with a fresh nonce.
    static func inkCommand(input: [UInt8], transfer: UInt128) -> (bytes: [UInt8], nonce: [UInt8], transfer: UInt128) {
        let nonce = SystemRandom.bytes(32)
        var encoder = ScaleEncoder()
        encoder.encodeVariant(index: 0)
        encoder.encode(nonce)
        encoder.encode(input)
        encoder.encode(transfer)
        encoder.encode(UInt64(0))
        encoder.encode(UInt128?.none)
        return (encoder.bytes, nonce, transfer)
    }

    /// The block that includes extrinsic `hash` (searched among the latest blocks).
    static func includingBlock(of hash: String, client: NodeClient) async throws -> (Int, String) {
        guard let best = (try await client.call("chain_getHeader", []) as? [String: Any])?["number"] as? String,
            let bestNumber = Int(best.dropFirst(2), radix: 16)
        else { throw CLIFailure("The node did not return its best header.") }
        for number in stride(from: bestNumber, through: max(0, bestNumber - 20), by: -1) {
            guard let blockHash = try await client.call("chain_getBlockHash", [number]) as? String,
                let block = (try await client.call("chain_getBlock", [blockHash]) as? [String: Any])?["block"] as? [String: Any],
                let extrinsics = block["extrinsics"] as? [String]
            else { continue }
            if extrinsics.contains(where: { ([UInt8](hex: $0).map { blake2_256($0).prefixedHex }) == hash }) { return (number, blockHash) }
        }
        throw CLIFailure("Extrinsic \(hash) is not in the latest 20 blocks.")
    }
}

/// Parses a PHA amount ("1.5") into the smallest unit (12 decimals).
func parseBalance(_ text: String) throws -> UInt128 {
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count <= 2, let whole = UInt128(parts[0].isEmpty ? "0" : String(parts[0])) else {
        throw CLIFailure("'\(text)' is not a PHA amount.")
    }
    var fraction: UInt128 = 0
    if parts.count == 2 {
        let digits = String(parts[1])
        guard digits.count <= 12, digits.allSatisfy(\.isNumber), let value = UInt128(digits.padding(toLength: 12, withPad: "0", startingAt: 0)) else {
            throw CLIFailure("'\(text)' has more than 12 decimals.")
        }
        fraction = value
    }
    return whole * 1_000_000_000_000 + fraction
}

extension ContractCommand {
    /// `phalanx contract bundle`: wraps hand-written code and its metadata into a `.contract` bundle.
    struct BundleCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "bundle",
            abstract: "Assemble a .wat (or take a .wasm) contract and write a .contract bundle with the given ink! metadata.")

        @Argument(help: "The contract code: .wat text or .wasm binary.") var code: String
        @Option(help: "ink! v4/v5 metadata JSON (its source.wasm and source.hash are replaced).") var metadata: String
        @Option(name: .shortAndLong, help: "The .contract file to write.") var output: String

        func run() throws {
            do {
                guard let data = FileManager.default.contents(atPath: code) else { throw InputError.missingFile("code", code) }
                let wasm = code.hasSuffix(".wat") ? try SampleContracts.assemble(String(decoding: data, as: UTF8.self)) : Array(data)
                guard let metadataData = FileManager.default.contents(atPath: metadata),
                    var object = try JSONSerialization.jsonObject(with: metadataData) as? [String: Any]
                else { throw InputError.missingFile("metadata", metadata) }
                var source = object["source"] as? [String: Any] ?? [:]
                source["wasm"] = wasm.prefixedHex
                source["hash"] = blake2_256(wasm).prefixedHex
                object["source"] = source
                _ = try ContractMetadata(json: String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self))
                try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]).write(to: URL(fileURLWithPath: output))
                print(#"{"bundle": "\#(output)", "codeHash": "\#(blake2_256(wasm).prefixedHex)", "size": \#(wasm.count)}"#)
            } catch let error as ExitCode {
                throw error
            } catch {
                throw fail(error)
            }
        }
    }
}
