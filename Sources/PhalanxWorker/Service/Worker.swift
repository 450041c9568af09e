import Crypto
import Foundation
import Logging
import PhalanxAttestation
import PhalanxClient
import PhalanxContracts
import PhalanxPrimitives
import PhalanxRuntime
import ServiceLifecycle
import Synchronization

/// A Phalanx worker (ARCHITECTURE §1): follows the chain's finalized blocks as a light client, runs the
/// gatekeeper role and its cluster's contracts confidentially, sends its messages back to the chain, and
/// answers encrypted queries over HTTP (``QueryService``).
///
/// Durability: the identity key and the state are sealed files; the state (processed height, keys, contract
/// state, unsent messages) is written atomically after every block, so a crash (even `kill -9`) resumes at the
/// last processed block: no command is applied twice or skipped, and pending messages are resent with the
/// sequence numbers they were signed with (the chain drops duplicates).
public actor Worker: Service {
    /// The configuration.
    public let configuration: WorkerConfiguration
    /// The identity (= ECDH) public key.
    public nonisolated let publicKey: [UInt8]
    private nonisolated let identity: Sr25519.KeyPair
    /// The identity key (for opening queries and signing responses; immutable, so usable off the actor).
    nonisolated var identityKey: Sr25519.KeyPair { identity }
    private let store: SealedStore
    private let follower: ChainFollower
    private let operatorClient: NodeClient
    private let logger: Logger
    private let configureCluster: @Sendable (ContractCluster) -> Void
    /// The pink chain extension's I/O: HTTP egress, cache, contract logs.
    public nonisolated let pinkHost: WorkerPinkHost
    private var execution: ExecutionQueue<WorkerCore>?
    private var channels: [EgressChannel] = []
    private var lastSent: [String: ContinuousClock.Instant] = [:]
    private let status = Mutex(WorkerStatus())

    static let identityFile = "identity.sealed"
    static let stateFile = "state.sealed"

    /// Opens (or creates) the worker's sealed identity in `configuration.dataDirectory`.
    public init(
        configuration: WorkerConfiguration, logger: Logger, configureCluster: @escaping @Sendable (ContractCluster) -> Void = { _ in }
    ) throws {
        self.configuration = configuration
        self.logger = logger
        self.configureCluster = configureCluster
        store = try SealedStore(directory: configuration.dataDirectory)
        identity = Sr25519.KeyPair(miniSecret: try Self.loadIdentitySeed(store))
        publicKey = identity.publicKey
        pinkHost = try WorkerPinkHost(workerPublicKey: identity.publicKey, configuration: configuration.pink)
        operatorClient = try NodeClient(url: configuration.nodeURL, suri: configuration.operatorURI)
        follower = ChainFollower(client: operatorClient, authority: configuration.authority)
    }

    /// The identity seed sealed in `store`, generated on first use.
    public static func identityPublicKey(dataDirectory: URL) throws -> [UInt8] {
        Sr25519.KeyPair(miniSecret: try loadIdentitySeed(try SealedStore(directory: dataDirectory))).publicKey
    }

    private static func loadIdentitySeed(_ store: SealedStore) throws -> [UInt8] {
        if let seed = try store.read(identityFile) {
            guard seed.count == 32 else { throw SealingError("The sealed identity is not a 32-byte seed.") }
            return seed
        }
        let seed = SystemRandom.bytes(32)
        try store.write(seed, name: identityFile)
        return seed
    }

    /// What the query service and `/info` report.
    nonisolated var currentStatus: WorkerStatus { status.withLock { $0 } }

    /// Runs the state machine on its execution thread.
    func withCore<T: Sendable>(_ body: @escaping @Sendable (WorkerCore) -> T) async throws -> T {
        guard let execution else { throw SyncError("The worker has not started yet.") }
        return await execution.run(body)
    }

    // MARK: - Run loop

    /// Syncs, processes and sends until cancelled or gracefully shut down.
    public func run() async throws {
        logger.info("Worker \(publicKey.prefixedHex) starting (data \(configuration.dataDirectory.path); DEV SEALING: a 0600 key file, no SGX).")
        let genesis = try await retrying { try await self.follower.genesisHash() }
        var state = try store.read(Self.stateFile).map { try SealedWorkerState.decode(scale: $0, limits: .unlimited) } ?? SealedWorkerState(genesisHash: genesis)
        guard state.genesisHash == genesis else {
            throw SyncError("The data directory belongs to another chain (genesis \(state.genesisHash)); use a new --data-dir.")
        }
        if state.processedNumber > 0 { logger.info("Resuming after block \(state.processedNumber).") }
        channels = state.channels
        state.channels = channels
        pinkHost.restorePolicies(Dictionary(uniqueKeysWithValues: state.egressPolicies.map { (AccountId32(bytes: $0.key.bytes)!, $0.value) }))
        let core = WorkerCore(
            identity: identity, state: state, logger: logger, pinkHost: pinkHost, queryTimeout: configuration.queryTimeout,
            configureCluster: configureCluster)
        execution = ExecutionQueue(core)
        await refreshStatus()
        if configuration.registerIfNeeded { try await register(genesis: genesis) }
        try await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    try await self.syncOnce()
                    try await self.flushEgress()
                } catch is CancellationError {
                    return
                } catch {
                    self.logger.warning("Worker sync: \(error)")
                    try? await Task.sleep(for: .seconds(1))
                }
                try? await Task.sleep(for: self.configuration.pollInterval)
            }
        }
        logger.info("Worker stopped.")
    }

    private func retrying<T>(_ body: () async throws -> T) async throws -> T {
        for attempt in 1... {
            do { return try await body() } catch {
                if attempt >= 50 { throw error }
                try await Task.sleep(for: .milliseconds(200))
            }
        }
        fatalError("unreachable")
    }

    /// Processes every finalized block after the last processed one.
    func syncOnce() async throws {
        let finalized = try await follower.finalizedNumber()
        var processed = try await withCore { ($0.state.processedNumber, $0.state.processedHash) }
        while processed.0 < finalized {
            try Task.checkCancellation()
            let verified = try await follower.block(processed.0 + 1, parent: processed.1)
            let outgoing = try await withCore { core in UncheckedBox(core.process(verified.messages, block: verified.block)) }.value
            for message in outgoing { try await enqueue(message, at: verified.block.hash) }
            let channels = self.channels
            let sealed = try await withCore { core in
                core.updateChannels(channels)
                return core.state.scaleEncoded
            }
            try store.write(sealed, name: Self.stateFile)
            processed = (verified.block.number, verified.block.hash)
            await refreshStatus()
        }
    }

    private func refreshStatus() async {
        guard let snapshot = try? await withCore({ core in
            WorkerStatus(
                syncedNumber: core.state.processedNumber, syncedHash: core.state.processedHash, cluster: core.state.cluster?.id,
                isGatekeeper: !core.state.masterKeys.isEmpty, contracts: core.contracts.map { H256(unchecked: $0.bytes) },
                genesisHash: core.state.genesisHash)
        }) else { return }
        let pending = channels.reduce(0) { $0 + $1.pending.count }
        status.withLock {
            $0 = snapshot
            $0.pendingMessages = pending
        }
    }

    // MARK: - Egress

    /// Signs `message` with the next sequence of its origin's channel (initialised from the chain at `block`).
    private func enqueue(_ message: OutgoingMessage, at block: H256) async throws {
        let index: Int
        if let existing = channels.firstIndex(where: { $0.origin == message.origin }) {
            index = existing
        } else {
            let ingress = try await follower.storage(
                PhalaMq.offchainIngress.storageKey(message.origin), at: block, as: UInt64.self) ?? 0
            channels.append(EgressChannel(origin: message.origin, nextSequence: ingress))
            index = channels.count - 1
        }
        let body = MqMessage(sender: message.origin, destination: message.topic, payload: message.payload)
        let sequence = channels[index].nextSequence
        var signed = SignedMessage(message: body, sequence: sequence, signature: [])
        signed.signature = message.signer.sign(signed.signedBytes)
        channels[index].pending.append(signed)
        channels[index].nextSequence = sequence + 1
    }

    /// Drops messages the chain has ingested and (re)submits the rest in sequence order.
    func flushEgress() async throws {
        for index in channels.indices where !channels[index].pending.isEmpty {
            let origin = channels[index].origin
            let ingress = try await follower.storage(PhalaMq.offchainIngress.storageKey(origin), as: UInt64.self) ?? 0
            channels[index].pending.removeAll { $0.sequence < ingress }
            for signed in channels[index].pending {
                let id = "\(origin.scaleEncoded.hex)/\(signed.sequence)"
                if let last = lastSent[id], ContinuousClock.now - last < configuration.resubmitAfter { continue }
                lastSent[id] = ContinuousClock.now
                do {
                    _ = try await operatorClient.submitWithoutWaiting(PhalaMq.Call.syncOffchainMessage(signedMessage: signed))
                } catch {
                    logger.warning("Submitting message \(signed.sequence) of \(origin) failed: \(error)")
                    break
                }
            }
        }
        lastSent = lastSent.filter { ContinuousClock.now - $0.value < .seconds(300) }
        let pending = channels.reduce(0) { $0 + $1.pending.count }
        status.withLock { $0.pendingMessages = pending }
    }

    // MARK: - Registration

    /// Registers this worker with dev attestation unless the chain already knows it.
    private func register(genesis: H256) async throws {
        let key = Sr25519Public(unchecked: publicKey)
        if try await follower.storage(PhalaRegistry.workers.storageKey(key), as: WorkerInfoV2.self) != nil { return }
        let info = WorkerRegistrationInfoV2(
            version: 1, machineId: Array("phalanx-dev".utf8), pubkey: key, ecdhPubkey: key, genesisBlockHash: genesis,
            features: [UInt32(ProcessInfo.processInfo.activeProcessorCount), 1], operator: operatorClient.signer.accountId, paraId: 0,
            maxConsensusVersion: 0)
        let signer = Curve25519.Signing.PrivateKey()
        let statement = try DevAttestation(
            workerPublicKey: publicKey, reportData: info.reportDataHash + [UInt8](repeating: 0, count: 32),
            issuedAt: UInt64(Date().timeIntervalSince1970), signingKey: signer)
        logger.info("Registering with DEV attestation (software key, no hardware guarantee).")
        try await operatorClient.submit(PhalaRegistry.Call.registerWorkerV2(pruntimeInfo: info, attestation: .dev(statement: statement.encoded)))
        guard try await follower.storage(PhalaRegistry.workers.storageKey(key), as: WorkerInfoV2.self) != nil else {
            throw SyncError("The chain refused this worker's registration: its attestation does not meet the chain's policy (dev attestation must be allowed by genesis and fresh).")
        }
        logger.info("Registered on chain.")
    }
}

/// A snapshot of the worker's progress for `/info` and tests.
public struct WorkerStatus: Sendable {
    /// The last processed block.
    public var syncedNumber: UInt32 = 0
    /// Its hash.
    public var syncedHash: H256 = .zero
    /// The hosted cluster.
    public var cluster: H256?
    /// Whether this worker holds the master key.
    public var isGatekeeper = false
    /// Contracts of the cluster.
    public var contracts: [H256] = []
    /// The chain.
    public var genesisHash: H256 = .zero
    /// Signed messages the chain has not ingested yet.
    public var pendingMessages = 0
}

/// Carries values that are confined to the execution queue across the hop back (they are not used concurrently).
struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

extension Worker {
    /// Sets a contract's HTTP egress policy (the caller checked the signer's authority) and seals it with the state.
    func setEgressPolicy(_ policy: EgressPolicy, for contract: H256) async throws {
        pinkHost.setPolicy(policy, for: AccountId32(bytes: contract.bytes)!)
        let sealed = try await withCore { core in
            core.setEgressPolicy(policy, for: contract)
            return core.state.scaleEncoded
        }
        try store.write(sealed, name: Self.stateFile)
    }
}
