import PhalanxAttestation
import PhalanxPrimitives

/// # PhalaRegistry
///
/// The registry of TEE workers and keys (Phala's `pallets/phala/src/registry.rs`): attested worker
/// registration, the pRuntime measurement allow-list, gatekeepers, the master public key and its
/// rotation, and the cluster and contract public keys clients encrypt to.
///
/// ## Terms
/// - *Registration info*: `WorkerRegistrationInfoV2`; the enclave's REPORTDATA starts with
///   `blake2_256(SCALE(info))`, binding the worker keys and operator to the attested enclave.
/// - *Attestation policy*: `AttestationPolicy` (Phalanx) plus `PRuntimeAllowList` (68-byte
///   measurements); verified by `PhalanxAttestation` at the block timestamp, never a clock.
/// - *Gatekeeper*: a worker that holds the master key; the first one publishes the master public key
///   with a `RegistryEvent::MasterPubkey` message signed by its identity key.
///
/// ## Calls (Phala's indices)
/// - `force_register_worker` (1), `register_gatekeeper` (3), `unregister_gatekeeper` (4),
///   `rotate_master_key` (5), `add_pruntime` (9), `remove_pruntime` (10), `set_attestation_policy`
///   (16, Phalanx): governance (`PhalaGovernance.ensureGovernance`).
/// - `register_worker_v2(pruntime_info, attestation)` (7): anyone; the evidence decides.
/// - `update_worker_endpoint(endpoint_payload, signature)` (8): signed by the worker's key.
///
/// ## Messages handled (through `PhalaMq`)
/// - `^phala/registry/event` from a gatekeeper worker: `MasterPubkey`.
/// - `^phala/registry/gk_event` from the Gatekeeper origin: `RotatedMasterPubkey`.
/// - `^phala/registry/cluster` from the Gatekeeper origin: cluster `PubkeyAvailable`.
///
/// ## Genesis
/// The attestation policy; dev attestation is accepted only if the chain spec's
/// `allowDevAttestation` is set (dev/local chains).
public enum PhalaRegistry: Pallet {
    public static let name = "PhalaRegistry"
    public static let moduleName = "phala_pallets_registry"
    public static let docs = ["Registry of attested TEE workers, gatekeepers, the master key and cluster/contract keys."]

    /// Endpoint payloads are accepted up to this many seconds after signing (Phala: 4 h).
    public static let endpointValiditySeconds: UInt64 = 4 * 3600

    public static var storageItems: [any StorageItem] {
        [
            workers, workerAddedAt, gatekeeper, gatekeeperMasterPubkey, gatekeeperLaunchedAt, rotationCounter,
            masterKeyRotationLock, contractKeys, clusterKeys, pruntimeAllowList, pruntimeAddedAt, endpoints, attestationPolicy,
        ]
    }

    /// Genesis: stores the attestation policy (dev attestation allowed only if the chain spec says so).
    public static func buildGenesis(allowDevAttestation: Bool, context: inout RuntimeContext) {
        attestationPolicy.set(.standard(allowDev: allowDevAttestation), in: &context.state)
    }

    // MARK: - Interface for other pallets

    /// Whether `worker` is registered.
    public static func isRegistered(_ worker: Sr25519Public, in state: StateOverlay) -> Bool {
        workers.contains(worker, in: state)
    }

    /// The identity of a registered worker.
    public static func identity(of worker: Sr25519Public, in state: StateOverlay) -> WorkerIdentity? {
        workers.get(worker, in: state).map { WorkerIdentity(pubkey: $0.pubkey, ecdhPubkey: $0.ecdhPubkey) }
    }

    /// The block time in unix seconds.
    static func now(_ state: StateOverlay) -> UInt64 { Timestamp.current(in: state) / 1000 }

    // MARK: - Registration

    /// Verifies `evidence` under the on-chain policy at the block time and checks that REPORTDATA
    /// starts with `userDataHash`; returns the verified report.
    public static func verifyAttestation(
        _ evidence: AttestationReportEvidence, userDataHash: [UInt8], workerKey: Sr25519Public, in state: StateOverlay
    ) throws -> AttestationReport {
        let stored = attestationPolicy.value(state) ?? .standard(allowDev: false)
        let isDev: Bool
        if case .dev = evidence { isDev = true } else { isDev = false }
        if isDev && !stored.allowDev { throw Error.devAttestationNotAllowed }
        guard let parsed = evidence.evidence() else { throw Error.invalidAttestation }
        let policy = stored.attestationPolicy(allowList: pruntimeAllowList.value(state) ?? [], forDev: isDev)
        let outcome = AttestationVerifier.verify(parsed, policy: policy, unixTime: now(state))
        switch outcome.result {
        case .failure(let error):
            switch error.step {
            case .enclavePolicy: throw Error.pruntimeRejected
            case .devPolicy where !stored.allowDev: throw Error.devAttestationNotAllowed
            case .iasFreshness, .devPolicy: throw Error.outdatedReport
            default: throw Error.invalidAttestation
            }
        case .success(let report):
            guard report.reportData.count >= 32, Array(report.reportData.prefix(32)) == userDataHash else {
                throw Error.invalidUserDataHash
            }
            if case .dev(let statement) = parsed, statement.workerPublicKey != workerKey.bytes { throw Error.invalidUserDataHash }
            return report
        }
    }

    /// `register_worker_v2`: verifies the attestation and inserts or refreshes the worker.
    static func registerWorker(
        _ info: WorkerRegistrationInfoV2, attestation: AttestationReportEvidence?, context: inout RuntimeContext
    ) throws {
        guard let attestation else { throw Error.noneAttestationDisabled }
        guard info.pubkey.bytes.contains(where: { $0 != 0 }), info.ecdhPubkey.bytes.contains(where: { $0 != 0 }) else {
            throw Error.invalidPubkey
        }
        let report = try verifyAttestation(attestation, userDataHash: info.reportDataHash, workerKey: info.pubkey, in: context.state)
        let provider = WorkerAttestationProvider(report.provider)
        upsertWorker(
            pubkey: info.pubkey, ecdhPubkey: info.ecdhPubkey, runtimeVersion: info.version, operator: info.operator,
            provider: provider, confidenceLevel: report.confidenceLevel, features: info.features, context: &context)
    }

    /// Inserts or refreshes a worker, keeping its initial score; notifies workers and clients.
    static func upsertWorker(
        pubkey: Sr25519Public, ecdhPubkey: Sr25519Public, runtimeVersion: UInt32, operator: AccountId32?,
        provider: WorkerAttestationProvider, confidenceLevel: UInt8, features: [UInt32], context: inout RuntimeContext
    ) {
        let existing = workers.get(pubkey, in: context.state)
        let info = WorkerInfoV2(
            pubkey: pubkey, ecdhPubkey: ecdhPubkey, runtimeVersion: runtimeVersion, lastUpdated: now(context.state),
            operator: `operator`, attestationProvider: provider, confidenceLevel: confidenceLevel,
            initialScore: existing?.initialScore, features: features)
        workers.set(pubkey, info, in: &context.state)
        if existing == nil {
            workerAddedAt.set(pubkey, context.blockNumber, in: &context.state)
            context.deposit(Event.workerAdded(pubkey: pubkey, attestationProvider: provider, confidenceLevel: confidenceLevel))
        } else {
            context.deposit(Event.workerUpdated(pubkey: pubkey, attestationProvider: provider, confidenceLevel: confidenceLevel))
        }
        // The computation pallet learns of the worker through its registry seam (operator, score, confidence).
        PhalaComputation.registerWorker(
            H256(unchecked: pubkey.bytes),
            info: WorkerInfo(operator_: `operator`, initialScore: existing?.initialScore, confidenceLevel: confidenceLevel),
            context: &context)
        // SystemEvent::WorkerEvent{pubkey, WorkerEvent::Registered(WorkerInfo{confidence_level})}.
        PhalaMq.pushPalletMessage(
            from: name, topic: PhalaTopic.systemEvent, payload: [0] + pubkey.scaleEncoded + [0, confidenceLevel], context: &context)
        // SystemEvent::WorkerEvent{pubkey, WorkerEvent::BenchStart{duration}}: the worker measures itself and reports.
        PhalaMq.pushPalletMessage(
            from: name, topic: PhalaTopic.systemEvent, payload: [0] + pubkey.scaleEncoded + [1] + benchmarkDuration.scaleEncoded,
            context: &context)
    }

    /// `BenchmarkDuration` (Phala's genesis default): blocks a worker's registration benchmark runs.
    public static let benchmarkDuration: UInt32 = 8
    /// Highest initial score (`min(6000, …)` in Phala's registry).
    public static let maxInitialScore: UInt64 = 6_000

    /// `RegistryEvent::BenchReport{start_time, iterations}` from a registered worker: sets its initial score
    /// `min(6000, iterations · 6 / elapsed seconds)`, with the elapsed time in milliseconds (Phala divides whole seconds;
    /// the finer division only removes rounding), and tells the worker (`WorkerEvent::BenchScore`).
    static func onBenchReport(from sender: Sr25519Public, startTime: UInt64, iterations: UInt64, context: inout RuntimeContext) throws {
        guard var info = workers.get(sender, in: context.state) else { throw Error.invalidBenchReport }
        let nowMilliseconds = Timestamp.current(in: context.state)
        guard nowMilliseconds > startTime else { throw Error.invalidBenchReport }
        let elapsed = nowMilliseconds - startTime
        let (scaled, overflow) = iterations.multipliedReportingOverflow(by: 6_000)
        let score = UInt32(overflow ? maxInitialScore : min(maxInitialScore, scaled / elapsed))
        info.initialScore = score
        workers.set(sender, info, in: &context.state)
        PhalaComputation.setInitialScore(H256(unchecked: sender.bytes), score: score, context: &context)
        PhalaMq.pushPalletMessage(
            from: name, topic: PhalaTopic.systemEvent, payload: [0] + sender.scaleEncoded + [2] + score.scaleEncoded, context: &context)
    }

    // MARK: - Gatekeepers and the master key

    static func registerGatekeeper(_ pubkey: Sr25519Public, context: inout RuntimeContext) throws {
        guard let identity = identity(of: pubkey, in: context.state) else { throw Error.workerNotFound }
        guard masterKeyRotationLock.get(context.state) == nil else { throw Error.masterKeyInRotation }
        var list = gatekeeper.value(context.state) ?? []
        guard !list.contains(pubkey) else { throw Error.gatekeeperAlreadyRegistered }
        let isFirst = list.isEmpty && gatekeeperMasterPubkey.get(context.state) == nil
        list.append(pubkey)
        gatekeeper.set(list, in: &context.state)
        if isFirst {
            // GatekeeperLaunch::FirstGatekeeper(NewGatekeeperEvent{pubkey, ecdh_pubkey}).
            PhalaMq.pushPalletMessage(from: name, topic: PhalaTopic.gatekeeperLaunch, payload: [0] + identity.scaleEncoded, context: &context)
        } else {
            // GatekeeperChange::Registered(NewGatekeeperEvent{pubkey, ecdh_pubkey}).
            PhalaMq.pushPalletMessage(from: name, topic: PhalaTopic.gatekeeperChange, payload: [0] + identity.scaleEncoded, context: &context)
        }
        context.deposit(Event.gatekeeperAdded(pubkey: pubkey))
    }

    static func unregisterGatekeeper(_ pubkey: Sr25519Public, context: inout RuntimeContext) throws {
        var list = gatekeeper.value(context.state) ?? []
        guard let index = list.firstIndex(of: pubkey) else { throw Error.gatekeeperNotFound }
        guard list.count > 1 else { throw Error.cannotRemoveLastGatekeeper }
        list.remove(at: index)
        gatekeeper.set(list, in: &context.state)
        // GatekeeperChange::Unregistered(RemoveGatekeeperEvent{pubkey}).
        PhalaMq.pushPalletMessage(from: name, topic: PhalaTopic.gatekeeperChange, payload: [1] + pubkey.scaleEncoded, context: &context)
        context.deposit(Event.gatekeeperRemoved(pubkey: pubkey))
    }

    static func rotateMasterKey(context: inout RuntimeContext) throws {
        guard masterKeyRotationLock.get(context.state) == nil else { throw Error.masterKeyInRotation }
        guard gatekeeperMasterPubkey.get(context.state) != nil else { throw Error.masterKeyNotLaunched }
        let id = (rotationCounter.value(context.state) ?? 0) + 1
        rotationCounter.set(id, in: &context.state)
        masterKeyRotationLock.set(id, in: &context.state)
        let identities = (gatekeeper.value(context.state) ?? []).compactMap { identity(of: $0, in: context.state) }
        // GatekeeperLaunch::RotateMasterKey(RotateMasterKeyEvent{rotation_id, gk_identities}).
        PhalaMq.pushPalletMessage(
            from: name, topic: PhalaTopic.gatekeeperLaunch, payload: [2] + id.scaleEncoded + identities.scaleEncoded, context: &context)
        context.deposit(Event.masterKeyRotationRequested(rotationId: id))
    }

    /// `^phala/registry/event` (`RegistryEvent`): a gatekeeper worker publishes the master public key.
    static func onRegistryMessage(_ message: MqMessage, context: inout RuntimeContext) throws {
        guard case .worker(let sender) = message.sender else { throw Error.invalidSender }
        var decoder = ScaleDecoder(message.payload)
        switch try? decoder.readVariantIndex() {
        case 0:  // BenchReport{start_time, iterations}
            guard let (startTime, iterations) = try? decoder.decodeAll(UInt64.self, UInt64.self), (try? decoder.finish()) != nil else {
                throw Error.invalidMessage
            }
            try onBenchReport(from: sender, startTime: startTime, iterations: iterations, context: &context)
        case 1:
            guard let key = try? decoder.decode(Sr25519Public.self), (try? decoder.finish()) != nil else { throw Error.invalidMessage }
            guard (gatekeeper.value(context.state) ?? []).contains(sender) else { throw Error.invalidSender }
            if let current = gatekeeperMasterPubkey.get(context.state) {
                guard current == key else { throw Error.masterKeyMismatch }
                return
            }
            gatekeeperMasterPubkey.set(key, in: &context.state)
            gatekeeperLaunchedAt.set(BlockAndTime(block: context.blockNumber, seconds: now(context.state)), in: &context.state)
            // GatekeeperLaunch::MasterPubkeyOnChain(MasterPubkeyEvent{master_pubkey}).
            PhalaMq.pushPalletMessage(from: name, topic: PhalaTopic.gatekeeperLaunch, payload: [1] + key.scaleEncoded, context: &context)
            context.deposit(Event.masterPubkeyOnChain(masterPubkey: key))
        default:
            throw Error.invalidMessage
        }
    }

    /// `^phala/registry/gk_event` (`GatekeeperRegistryEvent::RotatedMasterPubkey`), signed with the old master key.
    static func onGatekeeperMessage(_ message: MqMessage, context: inout RuntimeContext) throws {
        guard message.sender == .gatekeeper else { throw Error.invalidSender }
        var decoder = ScaleDecoder(message.payload)
        guard (try? decoder.readVariantIndex()) == 0, let id = try? decoder.decode(UInt64.self),
            let key = try? decoder.decode(Sr25519Public.self), (try? decoder.finish()) != nil
        else { throw Error.invalidMessage }
        guard masterKeyRotationLock.get(context.state) == id else { throw Error.invalidRotation }
        gatekeeperMasterPubkey.set(key, in: &context.state)
        masterKeyRotationLock.remove(in: &context.state)
        // GatekeeperLaunch::MasterPubkeyRotated(MasterPubkeyEvent{master_pubkey}).
        PhalaMq.pushPalletMessage(from: name, topic: PhalaTopic.gatekeeperLaunch, payload: [3] + key.scaleEncoded, context: &context)
        context.deposit(Event.masterKeyRotated(rotationId: id, masterPubkey: key))
    }

    /// `^phala/registry/cluster` (`ClusterRegistryEvent::PubkeyAvailable{cluster, pubkey}`) from the Gatekeeper origin.
    static func onClusterRegistryMessage(_ message: MqMessage, context: inout RuntimeContext) throws {
        guard message.sender == .gatekeeper else { throw Error.invalidSender }
        var decoder = ScaleDecoder(message.payload)
        guard (try? decoder.readVariantIndex()) == 0, let cluster = try? decoder.decode(H256.self),
            let key = try? decoder.decode(Sr25519Public.self), (try? decoder.finish()) != nil
        else { throw Error.invalidMessage }
        guard PhalaPhatContracts.clusters.contains(cluster, in: context.state) else { throw Error.clusterNotFound }
        clusterKeys.set(cluster, key, in: &context.state)
        context.deposit(Event.clusterPubkeyAvailable(cluster: cluster, pubkey: key))
    }

    // MARK: - Allow-list and endpoints

    static func addPRuntime(_ measurement: [UInt8], context: inout RuntimeContext) throws {
        guard measurement.count == 68 else { throw Error.invalidMeasurement }
        var list = pruntimeAllowList.value(context.state) ?? []
        guard !list.contains(measurement) else { throw Error.pruntimeAlreadyExists }
        list.append(measurement)
        pruntimeAllowList.set(list, in: &context.state)
        pruntimeAddedAt.set(measurement, context.blockNumber, in: &context.state)
        context.deposit(Event.pruntimeAdded(measurement: measurement))
    }

    static func removePRuntime(_ measurement: [UInt8], context: inout RuntimeContext) throws {
        var list = pruntimeAllowList.value(context.state) ?? []
        guard let index = list.firstIndex(of: measurement) else { throw Error.pruntimeNotFound }
        list.remove(at: index)
        pruntimeAllowList.set(list, in: &context.state)
        pruntimeAddedAt.remove(measurement, in: &context.state)
        context.deposit(Event.pruntimeRemoved(measurement: measurement))
    }

    static func updateEndpoint(_ payload: WorkerEndpointPayload, signature: [UInt8], context: inout RuntimeContext) throws {
        guard workers.contains(payload.pubkey, in: context.state) else { throw Error.workerNotFound }
        guard Sr25519.verify(signature: signature, message: payload.signedBytes, publicKey: payload.pubkey.bytes) else {
            throw Error.invalidEndpointSignature
        }
        let now = now(context.state)
        guard payload.signingTime < now, now <= payload.signingTime &+ endpointValiditySeconds else {
            throw Error.invalidEndpointSigningTime
        }
        endpoints.set(payload.pubkey, payload.endpoints, in: &context.state)
        context.deposit(Event.endpointUpdated(pubkey: payload.pubkey))
    }
}
