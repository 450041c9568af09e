import PhalanxContracts
import PhalanxPrimitives
import PhalanxRuntime

/// Everything a worker must remember across restarts, sealed as one file (`state.sealed`) after every
/// processed block, so a crash resumes at the last processed block with exactly the egress it had queued.
struct SealedWorkerState: Sendable, ScaleCodable {
    /// Format version of this record.
    static let version: UInt8 = 2

    /// The chain this state belongs to.
    var genesisHash: H256
    /// The last processed block.
    var processedNumber: UInt32 = 0
    /// Its hash.
    var processedHash: H256
    /// Gatekeeper master keys (32-byte seeds), oldest first; empty unless this worker is a gatekeeper.
    var masterKeys: [[UInt8]] = []
    /// The cluster this worker hosts, once its key arrived.
    var cluster: ClusterMembership?
    /// The cluster's contract state (code, contracts, storage, cluster balances).
    var clusterState = ClusterSnapshot()
    /// Outgoing message channels, one per sender origin, in first-use order.
    var channels: [EgressChannel] = []
    /// The cluster state hash last published in a checkpoint.
    var lastCheckpointHash: H256?
    /// Who instantiated each hosted contract (the only account that may read its logs or set its egress policy).
    var deployers: [H256: AccountId32] = [:]
    /// Contracts' HTTP egress policies.
    var egressPolicies: [H256: EgressPolicy] = [:]
    /// The computing session this worker answers heartbeat challenges for (`WorkerEvent::Started`), if any.
    var computingSession: UInt32?
    /// The block of this worker's last heartbeat report.
    var lastHeartbeatBlock: UInt32 = 0

    init(genesisHash: H256) {
        self.genesisHash = genesisHash
        processedHash = genesisHash
    }

    func encode(to encoder: inout ScaleEncoder) {
        encoder.encode(Self.version)
        encoder.encode(genesisHash)
        encoder.encode(processedNumber)
        encoder.encode(processedHash)
        encoder.encode(masterKeys)
        encoder.encode(cluster)
        encoder.encode(clusterState)
        encoder.encode(channels)
        encoder.encode(lastCheckpointHash)
        encoder.encode(deployers)
        encoder.encode(egressPolicies)
        encoder.encode(computingSession)
        encoder.encode(lastHeartbeatBlock)
    }

    init(from decoder: inout ScaleDecoder) throws {
        let version: UInt8 = try decoder.decode()
        guard version == 1 || version == Self.version else { throw ScaleError.invalidValue(type: "SealedWorkerState", reason: "unknown version \(version)") }
        genesisHash = try decoder.decode()
        processedNumber = try decoder.decode()
        processedHash = try decoder.decode()
        masterKeys = try decoder.decode()
        cluster = try decoder.decode()
        clusterState = try decoder.decode()
        channels = try decoder.decode()
        lastCheckpointHash = try decoder.decode()
        if version >= 2 {  // version 1 predates contract logs, egress policies and computing sessions
            deployers = try decoder.decode()
            egressPolicies = try decoder.decode()
            computingSession = try decoder.decode()
            lastHeartbeatBlock = try decoder.decode()
        }
    }
}

/// This worker's cluster: id, key secret (64-byte schnorrkel secret), owner and prices.
struct ClusterMembership: Sendable, ScaleCodable {
    var id: H256
    var keySecret: [UInt8]
    var owner: AccountId32
    var prices: ClusterPrices

    init(id: H256, keySecret: [UInt8], owner: AccountId32, prices: ClusterPrices) {
        self.id = id
        self.keySecret = keySecret
        self.owner = owner
        self.prices = prices
    }

    func encode(to encoder: inout ScaleEncoder) {
        encoder.encode(id)
        encoder.encode(keySecret)
        encoder.encode(owner)
        encoder.encode(prices)
    }

    init(from decoder: inout ScaleDecoder) throws {
        id = try decoder.decode()
        keySecret = try decoder.decode()
        owner = try decoder.decode()
        prices = try decoder.decode()
    }
}

/// One sender origin's outgoing messages: the next sequence number to sign and the signed messages the
/// chain has not ingested yet (resubmitted until it has).
struct EgressChannel: Sendable, ScaleCodable {
    var origin: MessageOrigin
    var nextSequence: UInt64
    var pending: [SignedMessage]

    init(origin: MessageOrigin, nextSequence: UInt64) {
        self.origin = origin
        self.nextSequence = nextSequence
        pending = []
    }

    func encode(to encoder: inout ScaleEncoder) {
        encoder.encode(origin)
        encoder.encode(nextSequence)
        encoder.encode(pending)
    }

    init(from decoder: inout ScaleDecoder) throws {
        origin = try decoder.decode()
        nextSequence = try decoder.decode()
        pending = try decoder.decode()
    }
}

/// A cluster's contract state in canonical (sorted) order: its SCALE encoding is the same on every worker
/// that executed the same commands, so its blake2_256 is the checkpoint's state hash.
struct ClusterSnapshot: Sendable, ScaleCodable {
    var codes: [(hash: H256, code: [UInt8])] = []
    var contracts: [(account: AccountId32, info: ContractInfo)] = []
    var storage: [(contract: AccountId32, key: [UInt8], value: [UInt8])] = []
    var balances: [(account: AccountId32, balance: UInt128)] = []

    init() {}

    /// The canonical snapshot of `backend`.
    init(_ backend: InMemoryStateBackend) {
        codes = backend.codes.sorted { $0.key.bytes.lexicographicallyPrecedes($1.key.bytes) }.map { ($0.key, $0.value) }
        contracts = backend.contracts.sorted { $0.key.bytes.lexicographicallyPrecedes($1.key.bytes) }.map { ($0.key, $0.value) }
        storage = backend.storage.sorted { $0.key.bytes.lexicographicallyPrecedes($1.key.bytes) }.flatMap { contract, entries in
            entries.sorted { $0.key.lexicographicallyPrecedes($1.key) }.map { (contract, $0.key, $0.value) }
        }
        balances = backend.balances.sorted { $0.key.bytes.lexicographicallyPrecedes($1.key.bytes) }.map { ($0.key, $0.value) }
    }

    /// A backend holding this state.
    func makeBackend() -> InMemoryStateBackend {
        let backend = InMemoryStateBackend()
        var changes = StateChanges()
        changes.codes = codes
        changes.contracts = contracts.map { ($0.account, $0.info) }
        changes.storage = storage.map { ($0.contract, $0.key, $0.value) }
        changes.balances = balances
        backend.apply(changes)
        return backend
    }

    /// blake2_256 of the canonical encoding.
    var stateHash: H256 { H256(unchecked: blake2_256(scaleEncoded)) }

    func encode(to encoder: inout ScaleEncoder) {
        encoder.encodeCompact(UInt64(codes.count))
        for entry in codes {
            encoder.encode(entry.hash)
            encoder.encode(entry.code)
        }
        encoder.encodeCompact(UInt64(contracts.count))
        for entry in contracts {
            encoder.encode(entry.account)
            encoder.encode(entry.info.codeHash)
            encoder.encode(entry.info.storageItems)
            encoder.encode(entry.info.storageBytes)
            encoder.encode(entry.info.depositHeld)
        }
        encoder.encodeCompact(UInt64(storage.count))
        for entry in storage {
            encoder.encode(entry.contract)
            encoder.encode(entry.key)
            encoder.encode(entry.value)
        }
        encoder.encodeCompact(UInt64(balances.count))
        for entry in balances {
            encoder.encode(entry.account)
            encoder.encode(entry.balance)
        }
    }

    init(from decoder: inout ScaleDecoder) throws {
        for _ in 0..<(try decoder.decodeLength(minimumElementSize: 33)) {
            codes.append((try decoder.decode(), try decoder.decode()))
        }
        for _ in 0..<(try decoder.decodeLength(minimumElementSize: 80)) {
            let account: AccountId32 = try decoder.decode()
            let info = ContractInfo(
                codeHash: try decoder.decode(), storageItems: try decoder.decode(), storageBytes: try decoder.decode(),
                depositHeld: try decoder.decode())
            contracts.append((account, info))
        }
        for _ in 0..<(try decoder.decodeLength(minimumElementSize: 34)) {
            storage.append((try decoder.decode(), try decoder.decode(), try decoder.decode()))
        }
        for _ in 0..<(try decoder.decodeLength(minimumElementSize: 48)) {
            balances.append((try decoder.decode(), try decoder.decode()))
        }
    }
}
