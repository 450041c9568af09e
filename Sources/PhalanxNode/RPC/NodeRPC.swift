import PhalanxPrimitives
import PhalanxRPC
import PhalanxRuntime
import PhalanxStorage

extension PoolError: RPCErrorConvertible {
    /// Substrate's author error: code, short message, detail as data.
    public var rpcError: RPCError { RPCError(code: code, message: message, data: .string(detail)) }
}

extension ChainError: RPCErrorConvertible {
    /// The chain error as JSON-RPC (4001 storage, 4002 unknown block, …).
    public var rpcError: RPCError { RPCError(code: code, message: description) }
}

extension RuntimeAPI.Failure: RPCErrorConvertible {
    /// Runtime API failures in Substrate's wording (the async client matches the text).
    public var rpcError: RPCError {
        RPCError(code: 4003, message: "Client error: Execution failed: Other: \(description)")
    }
}

/// The Substrate JSON-RPC methods a node serves (`system_*`, `chain_*`, `state_*`, `author_*`,
/// `payment_*`), as the Python clients use them (see the substrate-compat reference).
public struct NodeRPC: Sendable {
    let chain: Chain
    let pool: PoolService
    let heads: HeadBroadcast
    /// The node's version string (`system_version`).
    public static let version = "0.1.0"

    /// Methods over `chain`, `pool` and `heads`.
    public init(chain: Chain, pool: PoolService, heads: HeadBroadcast) {
        self.chain = chain
        self.pool = pool
        self.heads = heads
    }

    /// The module to serve.
    public func module() -> RPCModule {
        var module = RPCModule()
        registerSystem(&module)
        registerChain(&module)
        registerState(&module)
        registerAuthor(&module)
        registerPayment(&module)
        return module
    }

    // MARK: - JSON shapes

    static func json(_ header: Header) -> JSONValue {
        [
            "parentHash": .string(header.parentHash.description),
            "number": .string("0x" + String(header.number, radix: 16)),
            "stateRoot": .string(header.stateRoot.description),
            "extrinsicsRoot": .string(header.extrinsicsRoot.description),
            "digest": ["logs": .array(header.digest.logs.map { .string($0.scaleEncoded.prefixedHex) })],
        ]
    }

    static func json(_ version: RuntimeVersion) -> JSONValue {
        [
            "specName": .string(version.specName), "implName": .string(version.implName),
            "authoringVersion": JSONValue(version.authoringVersion), "specVersion": JSONValue(version.specVersion),
            "implVersion": JSONValue(version.implVersion),
            "apis": .array(version.apis.map { [.string($0.id.prefixedHex), JSONValue($0.version)] }),
            "transactionVersion": JSONValue(version.transactionVersion), "stateVersion": JSONValue(version.stateVersion),
        ]
    }

    /// The block hash at param `index`, or the best block when absent/null.
    func blockHash(_ params: RPCParams, _ index: Int) async throws -> H256 {
        if let bytes = try params.optionalBytes(index, "at", length: 32) { return H256(unchecked: bytes) }
        return await chain.snapshot().hash
    }

    /// The state trie at param `index` (best when absent), or an unknown-block error.
    func trie(_ params: RPCParams, _ index: Int) async throws -> (H256, Trie) {
        let hash = try await blockHash(params, index)
        return (hash, try await chain.trie(at: hash))
    }

    // MARK: - system

    private func registerSystem(_ module: inout RPCModule) {
        let chain = self.chain
        let pool = self.pool
        module.method("system_name") { _, _ in "Phalanx" }
        module.method("system_version") { _, _ in .string(Self.version) }
        module.method("system_chain") { _, _ in .string(chain.spec.name) }
        module.method("system_chainType") { _, _ in .string(chain.spec.chainType) }
        module.method("system_properties") { _, _ in
            [
                "ss58Format": JSONValue(chain.spec.properties.ss58Format),
                "tokenDecimals": JSONValue(chain.spec.properties.tokenDecimals),
                "tokenSymbol": .string(chain.spec.properties.tokenSymbol),
            ]
        }
        module.method("system_health") { _, _ in ["peers": 0, "isSyncing": false, "shouldHavePeers": false] }
        module.method("system_peers") { _, _ in .array([]) }
        module.method("system_localPeerId") { _, _ in "12D3KooWPhalanxDevNodeLocal" }
        module.method("system_nodeRoles") { _, _ in ["Authority"] }
        module.method("system_syncState") { _, _ in
            let number = JSONValue(await chain.snapshot().number)
            return ["startingBlock": 0, "currentBlock": number, "highestBlock": number]
        }
        module.method("system_accountNextIndex", aliases: ["account_nextIndex"]) { params, _ in
            let address = try params.string(0, "account")
            guard let who = try? AccountId32(parsing: address) else {
                throw RPCError.invalidParams("The account must be an SS58 address of any prefix or 0x-hex of 32 bytes.")
            }
            let state = StateOverlay(base: TrieState(trie: await chain.snapshot().trie))
            let chainNonce = System.accountInfo(who, in: state).nonce
            return JSONValue(await pool.nextNonce(who, chainNonce: chainNonce))
        }
    }

    // MARK: - chain

    private func registerChain(_ module: inout RPCModule) {
        let chain = self.chain
        let heads = self.heads
        module.method("chain_getBlockHash", aliases: ["chain_getHead"]) { params, _ in
            func lookup(_ value: JSONValue) async throws -> JSONValue {
                let single = RPCParams([value])
                guard let number = try single.optionalInteger(0, "number", as: UInt32.self) else {
                    return .string(await chain.snapshot().hash.description)
                }
                return (try await chain.hash(ofNumber: number)).map { .string($0.description) } ?? .null
            }
            let first = params.value(0) ?? .null
            if let list = first.arrayValue {
                var results = [JSONValue]()
                for value in list { results.append(try await lookup(value)) }
                return .array(results)
            }
            return try await lookup(first)
        }
        module.method("chain_getFinalizedHead", aliases: ["chain_getFinalisedHead"]) { _, _ in
            .string(await chain.snapshot().hash.description)
        }
        module.method("chain_getHeader") { params, _ in
            let hash = try await self.blockHash(params, 0)
            return (try await chain.block(hash)).map { Self.json($0.header) } ?? .null
        }
        module.method("chain_getBlock") { params, _ in
            let hash = try await self.blockHash(params, 0)
            guard let block = try await chain.block(hash) else { return .null }
            return [
                "block": ["header": Self.json(block.header), "extrinsics": .array(block.extrinsics.map { .string($0.prefixedHex) })],
                "justifications": .null,
            ]
        }
        module.method("chain_getRuntimeVersion") { _, _ in Self.json(chain.runtime.version) }
        for (subscribe, unsubscribe, notification, aliases, unsubscribeAliases) in [
            ("chain_subscribeNewHeads", "chain_unsubscribeNewHeads", "chain_newHead", ["chain_subscribeNewHead", "subscribe_newHead"],
             ["chain_unsubscribeNewHead", "unsubscribe_newHead"]),
            ("chain_subscribeAllHeads", "chain_unsubscribeAllHeads", "chain_allHead", [], []),
            ("chain_subscribeFinalizedHeads", "chain_unsubscribeFinalizedHeads", "chain_finalizedHead", ["chain_subscribeFinalisedHeads"],
             ["chain_unsubscribeFinalisedHeads"]),
        ] {
            module.subscription(
                subscribe: subscribe, aliases: aliases, unsubscribe: unsubscribe, unsubscribeAliases: unsubscribeAliases,
                notification: notification
            ) { _, pending in
                let stream = heads.subscribe()
                let sink = await pending.accept()
                let current = await chain.snapshot().hash
                if let block = try await chain.block(current) { try await sink.send(Self.json(block.header)) }
                try await sink.forward(stream.map { Self.json($0.header) })
            }
        }
    }

    // MARK: - state

    private func registerState(_ module: inout RPCModule) {
        let chain = self.chain
        let heads = self.heads
        module.method("state_getMetadata") { _, _ in .string(chain.api.metadata.prefixedHex) }
        module.method("state_getRuntimeVersion") { _, _ in Self.json(chain.runtime.version) }
        module.method("state_getStorage", aliases: ["state_getStorageAt"]) { params, _ in
            let key = try params.bytes(0, "key")
            let (_, trie) = try await self.trie(params, 1)
            return (try trie.get(key)).map { .string($0.prefixedHex) } ?? .null
        }
        module.method("state_getStorageHash", aliases: ["state_getStorageHashAt"]) { params, _ in
            let key = try params.bytes(0, "key")
            let (_, trie) = try await self.trie(params, 1)
            return (try trie.get(key)).map { .string(blake2_256($0).prefixedHex) } ?? .null
        }
        module.method("state_getStorageSize", aliases: ["state_getStorageSizeAt"]) { params, _ in
            let key = try params.bytes(0, "key")
            let (_, trie) = try await self.trie(params, 1)
            return (try trie.get(key)).map { JSONValue($0.count) } ?? .null
        }
        module.method("state_getKeysPaged", aliases: ["state_getKeysPagedAt"]) { params, _ in
            let prefix = try params.optionalBytes(0, "prefix") ?? []
            let count = try params.integer(1, "count", as: Int.self)
            guard (1...1000).contains(count) else { throw RPCError.invalidParams("count must be between 1 and 1000.") }
            let start = try params.optionalBytes(2, "startKey")
            let (_, trie) = try await self.trie(params, 3)
            let after = start.flatMap { $0.isEmpty || $0 == prefix ? ($0 == prefix && !prefix.isEmpty ? $0 : nil) : $0 }
            return .array(try trie.keys(prefix: prefix, after: after, limit: count).map { .string($0.prefixedHex) })
        }
        module.method("state_queryStorageAt") { params, _ in
            let keys = try params.array(0, "keys")
            let (hash, trie) = try await self.trie(params, 1)
            var changes = [JSONValue]()
            for keyValue in keys {
                guard let text = keyValue.stringValue, let key = [UInt8](hex: text) else {
                    throw RPCError.invalidParams("Every storage key must be a hex string.")
                }
                changes.append([.string(text), (try trie.get(key)).map { .string($0.prefixedHex) } ?? .null])
            }
            return [["block": .string(hash.description), "changes": .array(changes)]]
        }
        module.method("state_getReadProof") { params, _ in
            let keys = try params.array(0, "keys").map { value -> [UInt8] in
                guard let text = value.stringValue, let key = [UInt8](hex: text) else {
                    throw RPCError.invalidParams("Every storage key must be a hex string.")
                }
                return key
            }
            let (hash, trie) = try await self.trie(params, 1)
            return ["at": .string(hash.description), "proof": .array(try trie.readProof(keys: keys).map { .string($0.prefixedHex) })]
        }
        module.method("state_call", aliases: ["state_callAt"]) { params, _ in
            let method = try params.string(0, "method")
            let data = try params.optionalBytes(1, "data") ?? []
            let (_, trie) = try await self.trie(params, 2)
            let output = try chain.spec.withParameters { try chain.api.call(method, input: data, state: TrieState(trie: trie)) }
            return .string(output.prefixedHex)
        }
        module.subscription(
            subscribe: "state_subscribeStorage", unsubscribe: "state_unsubscribeStorage", notification: "state_storage"
        ) { params, pending in
            let keys = try params.array(0, "keys").map { value -> [UInt8] in
                guard let text = value.stringValue, let key = [UInt8](hex: text) else {
                    throw RPCError.invalidParams("Every storage key must be a hex string.")
                }
                return key
            }
            let stream = heads.subscribe()
            let sink = await pending.accept()
            var last = [[UInt8]: [UInt8]?]()
            func changes(at hash: H256, trie: Trie, onlyChanged: Bool) throws -> JSONValue? {
                var list = [JSONValue]()
                for key in keys {
                    let value = try trie.get(key)
                    if onlyChanged, let previous = last[key], previous == value { continue }
                    last[key] = .some(value)
                    list.append([.string(key.prefixedHex), value.map { .string($0.prefixedHex) } ?? .null])
                }
                return list.isEmpty ? nil : ["block": .string(hash.description), "changes": .array(list)]
            }
            let snapshot = await chain.snapshot()
            if let first = try changes(at: snapshot.hash, trie: snapshot.trie, onlyChanged: false) { try await sink.send(first) }
            do {
                for await block in stream {
                    let trie = try await chain.trie(at: block.hash)
                    if let update = try changes(at: block.hash, trie: trie, onlyChanged: true) { try await sink.send(update) }
                }
            } catch is SubscriptionClosedError {
                return
            }
        }
        module.subscription(
            subscribe: "state_subscribeRuntimeVersion", aliases: ["chain_subscribeRuntimeVersion"],
            unsubscribe: "state_unsubscribeRuntimeVersion", unsubscribeAliases: ["chain_unsubscribeRuntimeVersion"],
            notification: "state_runtimeVersion"
        ) { _, pending in
            let sink = await pending.accept()
            try await sink.send(Self.json(chain.runtime.version))
            await sink.waitUntilClosed()
        }
    }

    // MARK: - author

    private func registerAuthor(_ module: inout RPCModule) {
        let pool = self.pool
        module.method("author_submitExtrinsic") { params, _ in
            let bytes = try params.bytes(0, "extrinsic")
            return .string(try await pool.submit(bytes).description)
        }
        module.method("author_pendingExtrinsics") { _, _ in
            .array(await pool.pending.map { .string($0.encoded.prefixedHex) })
        }
        module.subscription(
            subscribe: "author_submitAndWatchExtrinsic", unsubscribe: "author_unwatchExtrinsic", notification: "author_extrinsicUpdate"
        ) { params, pending in
            let bytes = try params.bytes(0, "extrinsic")
            // Invalid transactions are refused here, synchronously: the sync client would wait forever on an "invalid" update.
            let (_, updates) = try await pool.submitAndWatch(bytes)
            let sink = await pending.accept()
            try await sink.forward(updates.map(Self.json))
        }
    }

    static func json(_ status: TransactionStatus) -> JSONValue {
        switch status {
        case .future: "future"
        case .ready: "ready"
        case .inBlock(let hash): ["inBlock": .string(hash.description)]
        case .finalized(let hash): ["finalized": .string(hash.description)]
        case .usurped(let hash): ["usurped": .string(hash.description)]
        case .dropped: "dropped"
        case .invalid: "invalid"
        }
    }

    // MARK: - payment

    private func registerPayment(_ module: inout RPCModule) {
        let chain = self.chain
        module.method("payment_queryInfo") { params, _ in
            let bytes = try params.bytes(0, "extrinsic")
            let extrinsic: UncheckedExtrinsic
            do {
                extrinsic = try UncheckedExtrinsic(encoded: bytes, runtime: chain.runtime)
            } catch {
                throw PoolError.badFormat("\(error)")
            }
            let info = extrinsic.call.call.info
            let fee = TransactionPayment.feeDetails(length: bytes.count, info: info)
            let weight = info.weight + TransactionPayment.extrinsicBaseWeight
            let className = ["normal", "operational", "mandatory"][Int(info.dispatchClass.rawValue)]
            return [
                "weight": ["ref_time": JSONValue(weight.refTime), "proof_size": JSONValue(weight.proofSize)],
                "class": .string(className), "partialFee": .string(String(fee.inclusionFee)),
            ]
        }
        module.method("payment_queryFeeDetails") { params, _ in
            let bytes = try params.bytes(0, "extrinsic")
            let extrinsic: UncheckedExtrinsic
            do {
                extrinsic = try UncheckedExtrinsic(encoded: bytes, runtime: chain.runtime)
            } catch {
                throw PoolError.badFormat("\(error)")
            }
            let fee = TransactionPayment.feeDetails(length: bytes.count, info: extrinsic.call.call.info, tip: extrinsic.signature?.extra.tip ?? 0)
            return [
                "inclusionFee": [
                    "baseFee": .string(String(fee.baseFee)), "lenFee": .string(String(fee.lengthFee)),
                    "adjustedWeightFee": .string(String(fee.adjustedWeightFee)),
                ],
                "tip": .string(String(fee.tip)),
            ]
        }
    }
}
