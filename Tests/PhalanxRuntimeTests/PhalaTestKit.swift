import Foundation
import PhalanxPrimitives
import PhalanxRuntime
import PhalanxTestSupport
import Testing

/// Helpers for the Phala pallets' tests: dev statements, registration info, signed MQ messages,
/// direct root dispatch and a launched gatekeeper.
enum PhalaKit {
    static let runtime = PhalanxRuntime.definition
    static let mqIndex: UInt8 = 30
    static let registryIndex: UInt8 = 31
    static let phatIndex: UInt8 = 32

    static let worker1 = try! KeyPair(uri: "//Worker1")
    static let worker2 = try! KeyPair(uri: "//Worker2")
    static let master = try! KeyPair(uri: "//MasterKey")
    static let master2 = try! KeyPair(uri: "//MasterKey2")
    static let clusterKey = try! KeyPair(uri: "//ClusterKey1")
    static let contractKey = try! KeyPair(uri: "//ContractKey1")

    /// The shared SGX fixtures.
    static func fixture(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: Repository.shared.appendingPathComponent("fixtures/sgx").appendingPathComponent(path)))
    }

    static func key(_ pair: KeyPair) -> Sr25519Public { Sr25519Public(unchecked: pair.publicKey) }

    static func state(_ chain: RuntimeHarness) -> StateOverlay { StateOverlay(base: chain.state) }

    static func info(_ worker: KeyPair, operator op: AccountId32? = nil) -> WorkerRegistrationInfoV2 {
        WorkerRegistrationInfoV2(
            version: 1, machineId: Array("machine-1".utf8), pubkey: key(worker), ecdhPubkey: key(worker), genesisBlockHash: .zero,
            features: [4, 1], operator: op, paraId: 0, maxConsensusVersion: 0)
    }

    /// A Phalanx dev statement (see `DevAttestation`), built from its documented wire format.
    static func devStatement(worker: [UInt8], reportData: [UInt8], issuedAt: UInt64) throws -> [UInt8] {
        let signer = try Ed25519.KeyPair(seed: [UInt8](repeating: 7, count: 32))
        let unsigned: [UInt8] = [1] + signer.publicKey + worker + reportData + (0..<8).map { UInt8(truncatingIfNeeded: issuedAt >> (8 * $0)) }
        return unsigned + signer.sign(Array("phalanx/attestation/dev:v1".utf8) + unsigned)
    }

    /// `register_worker_v2` with a dev statement binding `info` (or `reportData` if given), signed by Bob.
    static func registerDev(
        _ worker: KeyPair, chain: inout RuntimeHarness, info custom: WorkerRegistrationInfoV2? = nil, reportData: [UInt8]? = nil
    ) throws -> Result<ScaleUnit, DispatchError> {
        let info = custom ?? info(worker)
        let data = reportData ?? info.reportDataHash + [UInt8](repeating: 0, count: 32)
        let statement = try devStatement(worker: worker.publicKey, reportData: data, issuedAt: (chain.time + 6_000) / 1_000)
        let call = PhalaRegistry.Call.registerWorkerV2(pruntimeInfo: info, attestation: .dev(statement: statement))
        return try apply(&chain, [chain.sign(call, by: RuntimeHarness.bob)])[0]
    }

    /// Applies one block with `extrinsics`; returns each dispatch result (all must be valid).
    static func apply(_ chain: inout RuntimeHarness, _ extrinsics: [UncheckedExtrinsic]) throws -> [Result<ScaleUnit, DispatchError>] {
        let (outcomes, _) = try chain.block(extrinsics)
        return try outcomes.map { try $0.get().result }
    }

    /// Dispatches `call` with `origin` on top of the best state (as if in the next block), keeping the changes on success.
    @discardableResult
    static func dispatch<C: PalletCall>(_ call: C, origin: Origin = .root, chain: inout RuntimeHarness) -> DispatchError? {
        var context = RuntimeContext(runtime: runtime, state: StateOverlay(base: chain.state), blockNumber: chain.number + 1)
        do {
            try context.transactional { try call.dispatch(origin: origin, context: &$0) }
        } catch {
            return context.dispatchError(from: error)
        }
        chain.state.apply(context.state.changes)
        return nil
    }

    static func error<E: PalletError>(_ error: E, _ index: UInt8) -> DispatchError { .module(index: index, error: error.rawValue) }

    /// A signed off-chain message.
    static func signed(_ sender: MessageOrigin, _ topic: [UInt8], _ payload: [UInt8], seq: UInt64, by pair: KeyPair) -> SignedMessage {
        let message = MqMessage(sender: sender, destination: topic, payload: payload)
        return SignedMessage(message: message, sequence: seq, signature: pair.sign(message.scaleEncoded + seq.scaleEncoded))
    }

    /// Relays signed messages through `sync_offchain_message` (signed by Charlie), one block.
    static func sync(_ messages: [SignedMessage], chain: inout RuntimeHarness) throws -> [Result<ScaleUnit, DispatchError>] {
        let first = chain.account(RuntimeHarness.charlie).nonce
        let extrinsics = messages.enumerated().map { offset, message in
            chain.sign(PhalaMq.Call.syncOffchainMessage(signedMessage: message), by: RuntimeHarness.charlie, nonce: first + UInt32(offset))
        }
        return try apply(&chain, extrinsics)
    }

    /// Registers worker1 (dev), makes it the gatekeeper and publishes `master` as the master key.
    static func launchGatekeeper(_ chain: inout RuntimeHarness) throws {
        _ = try registerDev(worker1, chain: &chain).get()
        #expect(dispatch(PhalaRegistry.Call.registerGatekeeper(gatekeeper: key(worker1)), chain: &chain) == nil)
        let announce = signed(.worker(key(worker1)), PhalaTopic.registryEvent, [1] + key(master).scaleEncoded, seq: 0, by: worker1)
        _ = try sync([announce], chain: &chain)[0].get()
    }

    /// Launches the gatekeeper, registers worker2, creates cluster 1 on worker1 (owner Alice) and
    /// publishes the cluster key with a gatekeeper-signed message.
    static func launchCluster(_ chain: inout RuntimeHarness) throws -> H256 {
        try launchGatekeeper(&chain)
        _ = try registerDev(worker2, chain: &chain).get()
        let add = PhalaPhatContracts.Call.addCluster(
            owner: RuntimeHarness.alice.accountId, permission: .public, deployWorkers: [key(worker1)], deposit: Balances.dollars,
            gasPrice: 1, depositPerItem: 0, depositPerByte: 0, treasuryAccount: RuntimeHarness.alice.accountId)
        #expect(dispatch(add, chain: &chain) == nil)
        let cluster = PhalaPhatContracts.clusterId(1)
        let published = signed(.gatekeeper, PhalaTopic.registryCluster, [0] + cluster.scaleEncoded + key(clusterKey).scaleEncoded, seq: 0, by: master)
        _ = try sync([published], chain: &chain)[0].get()
        return cluster
    }
}
