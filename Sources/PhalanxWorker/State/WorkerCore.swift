import Logging
import PhalanxContracts
import PhalanxPrimitives
import PhalanxRuntime

/// A message the worker's state machine wants on chain: sent from `origin`, signed by `signer`.
struct OutgoingMessage {
    var origin: MessageOrigin
    var topic: [UInt8]
    var payload: [UInt8]
    var signer: Sr25519.KeyPair
}

/// A finalized block whose outbound messages the worker processes.
struct ProcessedBlock: Sendable {
    var number: UInt32
    var hash: H256
    /// `Timestamp.Now` of the block (ms), the only clock contracts see in transaction mode.
    var timestamp: UInt64
}

/// The worker's deterministic state machine (smoldot style: no I/O): it consumes the `PhalaMq.OutboundMessages`
/// of each finalized block in order and returns the messages to send. It plays the gatekeeper role when the chain
/// made it one (master key, cluster keys) and hosts its cluster (code, instantiation, commands in transaction mode).
///
/// Single-threaded: the owner serialises `process` and `query` (the contract engine is not thread-safe).
final class WorkerCore {
    /// The identity (= ECDH) key.
    let identity: Sr25519.KeyPair
    /// Persistent state (the cluster's contract state is refreshed into it by ``process(_:block:)``).
    private(set) var state: SealedWorkerState
    private var backend: InMemoryStateBackend
    private(set) var cluster: ContractCluster?
    private let configureCluster: (ContractCluster) -> Void
    private let logger: Logger
    /// The I/O behind the pink chain extension (HTTP, cache, logs); `nil` runs clusters without the extension.
    let pinkHost: PinkHost?
    /// How long a query's HTTP calls may take in total.
    let queryTimeout: Duration
    /// The pink extension registered on ``cluster``.
    private var pink: PinkExtension?
    /// Runs the registration benchmark when the registry asks (I/O, injected: the state machine itself never times anything).
    private let benchmark: () -> (startTime: UInt64, iterations: UInt64)

    /// A state machine resuming from `state`; `configureCluster` registers further chain extensions on a new cluster.
    init(
        identity: Sr25519.KeyPair, state: SealedWorkerState, logger: Logger, pinkHost: PinkHost? = nil,
        queryTimeout: Duration = .seconds(10),
        benchmark: @escaping () -> (startTime: UInt64, iterations: UInt64) = { RegistrationBenchmark.measure() },
        configureCluster: @escaping (ContractCluster) -> Void = { _ in }
    ) {
        self.identity = identity
        self.benchmark = benchmark
        self.state = state
        self.logger = logger
        self.pinkHost = pinkHost
        self.queryTimeout = queryTimeout
        self.configureCluster = configureCluster
        backend = state.clusterState.makeBackend()
        if let membership = state.cluster { cluster = makeCluster(membership) }
    }

    /// This worker's public key.
    var publicKey: Sr25519Public { Sr25519Public(unchecked: identity.publicKey) }

    /// The current gatekeeper master key, if this worker is a gatekeeper.
    var masterKey: Sr25519.KeyPair? { state.masterKeys.last.map { Sr25519.KeyPair(miniSecret: $0) } }

    /// The cluster key, once received.
    var clusterKey: Sr25519.KeyPair? { state.cluster.flatMap { try? KeyHierarchy.keyPair(secret: $0.keySecret) } }

    /// The contract key of `contract` (in this worker's cluster).
    func contractKey(_ contract: H256) -> Sr25519.KeyPair? {
        guard let clusterKey, backend.contract(AccountId32(bytes: contract.bytes)!) != nil else { return nil }
        return KeyHierarchy.contractKey(cluster: clusterKey, contract: contract)
    }

    /// Whether `contract` lives in this worker's cluster.
    func hosts(_ contract: H256) -> Bool { backend.contract(AccountId32(bytes: contract.bytes)!) != nil }

    /// The contracts of this worker's cluster, sorted.
    var contracts: [AccountId32] { backend.contracts.keys.sorted { $0.bytes.lexicographicallyPrecedes($1.bytes) } }

    // MARK: - Blocks

    /// Processes one block's messages in order and records the block as processed.
    func process(_ messages: [MqMessage], block: ProcessedBlock) -> [OutgoingMessage] {
        var outgoing: [OutgoingMessage] = []
        var touched = false
        for message in messages {
            do {
                touched = try handle(message, block: block, outgoing: &outgoing) || touched
            } catch {
                // Only the topic is logged: payloads may be confidential.
                logger.warning("Ignored a malformed message on \(String(decoding: message.destination, as: UTF8.self)): \(error)")
            }
        }
        state.processedNumber = block.number
        state.processedHash = block.hash
        if touched, let membership = state.cluster {
            let snapshot = ClusterSnapshot(backend)
            state.clusterState = snapshot
            let hash = snapshot.stateHash
            if hash != state.lastCheckpointHash {
                state.lastCheckpointHash = hash
                let checkpoint = ClusterCheckpoint(cluster: membership.id, blockNumber: block.number, stateHash: hash)
                outgoing.append(OutgoingMessage(
                    origin: .worker(publicKey), topic: PhalaTopic.clusterCheckpoint, payload: checkpoint.scaleEncoded, signer: identity))
            }
        }
        return outgoing
    }

    /// Records signed messages in their channels (called by the service after it assigned sequences).
    func updateChannels(_ channels: [EgressChannel]) { state.channels = channels }

    /// Handles one message; returns whether the cluster state may have changed.
    private func handle(_ message: MqMessage, block: ProcessedBlock, outgoing: inout [OutgoingMessage]) throws -> Bool {
        let topic = message.destination
        switch topic {
        case PhalaTopic.gatekeeperLaunch:
            guard case .pallet = message.sender else { return false }
            try onGatekeeperLaunch(WorkerMessage.GatekeeperLaunch(message.payload), outgoing: &outgoing)
        case PhalaTopic.gatekeeperChange:
            guard case .pallet = message.sender else { return false }
            if case .registered(let identity) = try WorkerMessage.GatekeeperChange(message.payload), identity.pubkey != publicKey,
                let master = masterKey
            {
                try shareMasterKeys(with: identity, signer: master, outgoing: &outgoing)
            }
        case PhalaTopic.gatekeeperKey:
            guard message.sender == .gatekeeper else { return false }
            let history = try WorkerMessage.MasterKeyHistory(message.payload)
            guard history.recipient == publicKey else { return false }
            let plain = try history.keys.open(
                with: identity, purpose: WorkerMessage.Purpose.masterKeySharing, target: publicKey.bytes)
            state.masterKeys = try [[UInt8]].decode(scale: plain)
            logger.info("Received the gatekeeper master key history (\(state.masterKeys.count) keys).")
        case PhalaTopic.clusterEvent:
            guard case .pallet = message.sender, let master = state.masterKeys.first.map({ Sr25519.KeyPair(miniSecret: $0) }),
                let signer = masterKey
            else { return false }
            try deployCluster(WorkerMessage.DeployCluster(message.payload), master: master, signer: signer, outgoing: &outgoing)
        case PhalaTopic.clusterKey:
            return try onClusterOperation(WorkerMessage.ClusterOperation(message.payload), sender: message.sender, outgoing: &outgoing)
        case PhalaTopic.systemEvent:
            guard case .pallet = message.sender else { return false }
            onSystemEvent(message.payload, block: block, outgoing: &outgoing)
        case PhalaTopic.contractOperation:
            guard case .pallet = message.sender else { return false }
            return try instantiate(WorkerMessage.InstantiateCode(message.payload), block: block, outgoing: &outgoing)
        default:
            if let contract = PhalaTopic.commandContract(topic) {
                return try command(message, contract: contract, block: block)
            }
        }
        return false
    }

    // MARK: - Registration benchmark

    /// Blocks between heartbeats of a computing worker that is not challenged: within the chain's heartbeat
    /// window (10 blocks by default), so a live worker never becomes unresponsive.
    static let heartbeatEvery: UInt32 = 5

    /// `SystemEvent` on `phala/system/event`: `WorkerEvent{pubkey, event}` for this worker (`BenchStart` runs the
    /// benchmark and reports it; `BenchScore` is the registry's answer; `Started`/`Stopped` begin and end the
    /// computing session), and each block's `HeartbeatChallenge` while anyone computes.
    private func onSystemEvent(_ payload: [UInt8], block: ProcessedBlock, outgoing: inout [OutgoingMessage]) {
        switch payload.first {
        case 0:
            guard payload.count >= 34, Array(payload[1..<33]) == publicKey.bytes else { return }
            onWorkerEvent(Array(payload[33...]), outgoing: &outgoing)
        case 1:
            guard let challenge = try? HeartbeatChallenge.decode(scale: Array(payload.dropFirst())) else { return }
            answer(challenge, block: block, outgoing: &outgoing)
        default:
            break
        }
    }

    private func onWorkerEvent(_ event: [UInt8], outgoing: inout [OutgoingMessage]) {
        switch event.first {
        case 1:
            let (startTime, iterations) = benchmark()
            logger.info("Registration benchmark: \(iterations) iterations; reporting to the registry.")
            outgoing.append(OutgoingMessage(
                origin: .worker(publicKey), topic: PhalaTopic.registryEvent,
                payload: [0] + startTime.scaleEncoded + iterations.scaleEncoded, signer: identity))
        case 2:
            if let score = try? UInt32.decode(scale: Array(event.dropFirst())) { logger.info("The registry recorded benchmark score \(score).") }
        case 3:  // Started{session_id, init_v, init_p}
            guard event.count >= 5, let session = try? UInt32.decode(scale: Array(event[1..<5])) else { return }
            state.computingSession = session
            logger.info("Computing session \(session) started; answering heartbeat challenges.")
        case 4:  // Stopped
            state.computingSession = nil
            logger.info("Computing stopped.")
        default:
            break
        }
    }

    /// Sends `WorkingReportEvent::HeartbeatV2` when challenged, or when the last heartbeat is getting old.
    private func answer(_ challenge: HeartbeatChallenge, block: ProcessedBlock, outgoing: inout [OutgoingMessage]) {
        guard let session = state.computingSession else { return }
        let challenged = challenge.challenges(H256(unchecked: publicKey.bytes))
        guard challenged || block.number >= state.lastHeartbeatBlock + Self.heartbeatEvery else { return }
        state.lastHeartbeatBlock = block.number
        let report: [UInt8] =
            [1] + session.scaleEncoded + block.number.scaleEncoded + block.timestamp.scaleEncoded + UInt64(0).scaleEncoded
            + UInt32(state.cluster == nil ? 0 : 1).scaleEncoded + UInt32(contracts.count).scaleEncoded
        outgoing.append(OutgoingMessage(origin: .worker(publicKey), topic: PhalaTopic.miningReport, payload: report, signer: identity))
    }

    // MARK: - Gatekeeper

    private func onGatekeeperLaunch(_ launch: WorkerMessage.GatekeeperLaunch, outgoing: inout [OutgoingMessage]) throws {
        switch launch {
        case .firstGatekeeper(let gatekeeper) where gatekeeper.pubkey == publicKey && state.masterKeys.isEmpty:
            let seed = SystemRandom.bytes(32)
            state.masterKeys = [seed]
            let key = Sr25519Public(unchecked: Sr25519.KeyPair(miniSecret: seed).publicKey)
            logger.info("Generated the gatekeeper master key \(key).")
            outgoing.append(OutgoingMessage(
                origin: .worker(publicKey), topic: PhalaTopic.registryEvent, payload: WorkerMessage.masterPubkey(key), signer: identity))
        case .rotateMasterKey(let rotationId, let gatekeepers) where gatekeepers.first?.pubkey == publicKey:
            // The first listed gatekeeper generates the new key and shares the history with the others; the rotation
            // notice is signed with the old key (the chain's current Gatekeeper key).
            guard let old = masterKey else { return }
            let seed = SystemRandom.bytes(32)
            state.masterKeys.append(seed)
            let key = Sr25519Public(unchecked: Sr25519.KeyPair(miniSecret: seed).publicKey)
            outgoing.append(OutgoingMessage(
                origin: .gatekeeper, topic: PhalaTopic.registryGatekeeperEvent,
                payload: WorkerMessage.rotatedMasterPubkey(rotationId: rotationId, key: key), signer: old))
            let next = Sr25519.KeyPair(miniSecret: seed)
            for other in gatekeepers.dropFirst() { try shareMasterKeys(with: other, signer: next, outgoing: &outgoing) }
            logger.info("Rotated the gatekeeper master key (rotation \(rotationId)) to \(key).")
        default:
            break
        }
    }

    private func shareMasterKeys(with other: WorkerIdentity, signer: Sr25519.KeyPair, outgoing: inout [OutgoingMessage]) throws {
        let sealed = try Envelope.seal(
            state.masterKeys.scaleEncoded, to: other.ecdhPubkey.bytes, purpose: WorkerMessage.Purpose.masterKeySharing,
            target: other.pubkey.bytes)
        outgoing.append(OutgoingMessage(
            origin: .gatekeeper, topic: PhalaTopic.gatekeeperKey,
            payload: WorkerMessage.MasterKeyHistory(recipient: other.pubkey, keys: sealed).encoded, signer: signer))
    }

    /// Derives the cluster key, publishes its public key and dispatches the key, sealed, to each listed worker.
    /// Cluster keys derive from the first master key, so they survive master-key rotations.
    private func deployCluster(
        _ event: WorkerMessage.DeployCluster, master: Sr25519.KeyPair, signer: Sr25519.KeyPair, outgoing: inout [OutgoingMessage]
    ) throws {
        let key = KeyHierarchy.clusterKey(master: master, cluster: event.cluster)
        let keyPublic = Sr25519Public(unchecked: key.publicKey)
        outgoing.append(OutgoingMessage(
            origin: .gatekeeper, topic: PhalaTopic.registryCluster,
            payload: WorkerMessage.clusterPubkeyAvailable(cluster: event.cluster, key: keyPublic), signer: signer))
        var sealed: [(worker: Sr25519Public, key: Envelope)] = []
        for worker in event.workers {
            sealed.append((worker.pubkey, try Envelope.seal(
                key.secret.bytes, to: worker.ecdhPubkey.bytes, purpose: WorkerMessage.Purpose.clusterKeySharing,
                target: event.cluster.bytes + worker.pubkey.bytes)))
        }
        let dispatch = WorkerMessage.ClusterOperation.dispatchKeys(
            cluster: event.cluster, owner: event.owner, deposit: event.deposit, prices: event.prices, keys: sealed)
        outgoing.append(OutgoingMessage(origin: .gatekeeper, topic: PhalaTopic.clusterKey, payload: dispatch.encoded, signer: signer))
    }

    // MARK: - Cluster

    private func makeCluster(_ membership: ClusterMembership) -> ContractCluster {
        let cluster = ContractCluster(clusterId: membership.id, schedule: membership.prices.schedule, backend: backend)
        if let pinkHost, let key = try? KeyHierarchy.keyPair(secret: membership.keySecret) {
            let pink = PinkExtension(host: pinkHost, clusterKey: key, queryTimeout: queryTimeout)
            cluster.register(chainExtension: pink)
            self.pink = pink
        }
        configureCluster(cluster)
        return cluster
    }

    private func onClusterOperation(
        _ operation: WorkerMessage.ClusterOperation, sender: MessageOrigin, outgoing: inout [OutgoingMessage]
    ) throws -> Bool {
        switch operation {
        case .dispatchKeys(let id, let owner, let deposit, let prices, let keys):
            guard sender == .gatekeeper, state.cluster == nil, let mine = keys.first(where: { $0.worker == publicKey }) else { return false }
            let secret = try mine.key.open(
                with: identity, purpose: WorkerMessage.Purpose.clusterKeySharing, target: id.bytes + publicKey.bytes)
            let key = try KeyHierarchy.keyPair(secret: secret)
            let membership = ClusterMembership(id: id, keySecret: secret, owner: owner, prices: prices)
            state.cluster = membership
            if deposit > 0 { backend.setBalance(owner, backend.balance(owner) + deposit) }
            cluster = makeCluster(membership)
            logger.info("Joined cluster \(id) (cluster key \(Sr25519Public(unchecked: key.publicKey))).")
            outgoing.append(OutgoingMessage(
                origin: .worker(publicKey), topic: PhalaTopic.clusterWorkerReport,
                payload: WorkerMessage.clusterDeployed(cluster: id, key: Sr25519Public(unchecked: key.publicKey)), signer: identity))
            return true
        case .uploadResource(_, let id, let type, let data):
            guard case .pallet = sender, id == state.cluster?.id, let cluster, type != .sidevmCode else { return false }
            do {
                let hash = try cluster.uploadCode(data)
                logger.info("Stored code \(hash) (\(data.count) bytes) in cluster \(id).")
            } catch {
                logger.warning("Rejected uploaded code in cluster \(id): \(error).")
            }
            return true
        case .deposit(let id, let account, let amount):
            guard case .pallet = sender, id == state.cluster?.id else { return false }
            backend.setBalance(account, backend.balance(account) + amount)
            return true
        case .removeWorker(let id, let worker):
            guard case .pallet = sender, id == state.cluster?.id, worker == publicKey else { return false }
            logger.info("Removed from cluster \(id); its state is discarded.")
            state.cluster = nil
            state.lastCheckpointHash = nil
            cluster = nil
            backend = InMemoryStateBackend()
            state.clusterState = ClusterSnapshot()
            return false
        }
    }

    private func instantiate(_ request: WorkerMessage.InstantiateCode, block: ProcessedBlock, outgoing: inout [OutgoingMessage]) throws -> Bool {
        guard request.cluster == state.cluster?.id, let cluster, let clusterKey else { return false }
        let blockContext = context(block)
        let result = transaction({
            cluster.instantiate(
                origin: request.deployer, value: request.transfer, gasLimit: gasLimit(request.gasLimit),
                storageDepositLimit: request.storageDepositLimit, code: .existing(request.codeHash), input: request.data,
                salt: request.salt, block: blockContext, mode: .transaction)
        }, committed: { (try? $0.result.get()).map { !$0.result.didRevert } ?? false })
        if case .success(let value) = result.result { recordDebug(result.debugMessage, contract: value.accountId) }
        switch result.result {
        case .success(let value) where !value.result.didRevert:
            let contract = H256(unchecked: value.accountId.bytes)
            state.deployers[contract] = request.deployer
            let key = KeyHierarchy.contractKey(cluster: clusterKey, contract: contract)
            logger.info("Instantiated contract \(contract) in cluster \(request.cluster).")
            outgoing.append(OutgoingMessage(
                origin: .cluster(request.cluster), topic: PhalaTopic.registryContract,
                payload: WorkerMessage.contractPubkeyAvailable(contract: contract, key: Sr25519Public(unchecked: key.publicKey), deployer: request.deployer),
                signer: clusterKey))
        case .success:
            logger.warning("Instantiation in cluster \(request.cluster) reverted.")
        case .failure(let error):
            logger.warning("Instantiation in cluster \(request.cluster) failed: \(error).")
        }
        return true
    }

    /// Decrypts (unless plain) and executes a command in transaction mode, in block order.
    private func command(_ message: MqMessage, contract: H256, block: ProcessedBlock) throws -> Bool {
        guard let cluster, case .accountId(let senderHash) = message.sender, let contractKey = contractKey(contract) else { return false }
        let origin = AccountId32(bytes: senderHash.bytes)!
        let command: InkCommand
        switch try ContractCommandPayload.decode(scale: message.payload) {
        case .plain(let nonce, let input, let transfer, let gasLimit, let limit):
            command = InkCommand(nonce: nonce, message: input, transfer: transfer, gasLimit: gasLimit, storageDepositLimit: limit)
        case .encrypted(let iv, let pubkey, let data):
            let envelope = try Envelope(iv: iv, pubkey: pubkey, data: data)
            let plain = try envelope.open(with: contractKey, purpose: WorkerMessage.Purpose.command, target: contract.bytes)
            command = try InkCommand.decode(scale: plain)
        }
        let blockContext = context(block)
        let dest = AccountId32(bytes: contract.bytes)!
        let result = transaction({
            cluster.call(
                origin: origin, dest: dest, value: command.transfer, gasLimit: gasLimit(command.gasLimit),
                storageDepositLimit: command.storageDepositLimit, input: command.message, block: blockContext, mode: .transaction)
        }, committed: { (try? $0.result.get()).map { !$0.didRevert } ?? false })
        recordDebug(result.debugMessage, contract: dest)
        switch result.result {
        case .success(let value) where value.didRevert: logger.info("A command to \(contract) reverted (block \(block.number)).")
        case .success: logger.info("Executed a command to \(contract) (block \(block.number)).")
        case .failure(let error): logger.info("A command to \(contract) failed: \(error) (block \(block.number)).")
        }
        return true
    }

    // MARK: - Queries

    /// Runs `input` against `contract` on the current state without committing (query mode).
    func query(contract: H256, origin: AccountId32, input: [UInt8], value: UInt128) -> ContractExecResult? {
        guard let cluster, hosts(contract) else { return nil }
        let block = BlockContext(blockNumber: state.processedNumber, timestamp: lastTimestamp, randomSeed: .zero)
        let dest = AccountId32(bytes: contract.bytes)!
        let run = { cluster.call(origin: origin, dest: dest, value: value, input: input, block: block, mode: .query) }
        let result = pink.map { $0.runQuery(run) } ?? run()
        recordDebug(result.debugMessage, contract: dest)
        return result
    }

    /// Runs a transaction-mode execution; the pink cache writes it deferred apply only if `committed`.
    private func transaction<T>(_ body: () -> T, committed: (T) -> Bool) -> T {
        pink.map { $0.runTransaction(body, committed: committed) } ?? body()
    }

    /// ink!'s `debug_message` output goes to the contract's log, like pink's `log`.
    private func recordDebug(_ debug: [UInt8], contract: AccountId32) {
        guard !debug.isEmpty, let pinkHost else { return }
        pinkHost.log(contract: contract, level: .debug, message: String(decoding: debug, as: UTF8.self))
    }

    /// The account that instantiated `contract`.
    func deployer(of contract: H256) -> AccountId32? { state.deployers[contract] }

    /// The cluster owner, once this worker hosts a cluster.
    var clusterOwner: AccountId32? { state.cluster?.owner }

    /// Records a contract's egress policy (sealed with the state; the host enforces it).
    func setEgressPolicy(_ policy: EgressPolicy, for contract: H256) { state.egressPolicies[contract] = policy }

    private var lastTimestamp: UInt64 = 0

    private func context(_ block: ProcessedBlock) -> BlockContext {
        lastTimestamp = block.timestamp
        return BlockContext(blockNumber: block.number, timestamp: block.timestamp, randomSeed: .zero)
    }

    private func gasLimit(_ refTime: UInt64) -> PhalanxContracts.Weight? {
        refTime == 0 || refTime == .max ? nil : PhalanxContracts.Weight(refTime: refTime, proofSize: .max)
    }
}

/// `InkCommand::InkMessage{nonce, message, transfer, gas_limit, storage_deposit_limit}` — the plaintext of a command.
struct InkCommand: ScaleCodable, Sendable {
    var nonce: [UInt8]
    var message: [UInt8]
    var transfer: UInt128
    var gasLimit: UInt64
    var storageDepositLimit: UInt128?

    init(nonce: [UInt8], message: [UInt8], transfer: UInt128, gasLimit: UInt64, storageDepositLimit: UInt128?) {
        self.nonce = nonce
        self.message = message
        self.transfer = transfer
        self.gasLimit = gasLimit
        self.storageDepositLimit = storageDepositLimit
    }

    func encode(to encoder: inout ScaleEncoder) {
        encoder.encodeVariant(index: 0)
        encoder.encode(nonce)
        encoder.encode(message)
        encoder.encode(transfer)
        encoder.encode(gasLimit)
        encoder.encode(storageDepositLimit)
    }

    init(from decoder: inout ScaleDecoder) throws {
        let index = try decoder.readVariantIndex()
        guard index == 0 else { throw ScaleError.invalidVariantIndex(type: "InkCommand", index: index) }
        nonce = try decoder.decodeBoundedBytes(max: 32)
        message = try decoder.decodeBoundedBytes(max: PhalaMq.maxPayloadLength)
        transfer = try decoder.decode()
        gasLimit = try decoder.decode()
        storageDepositLimit = try decoder.decode()
    }
}
