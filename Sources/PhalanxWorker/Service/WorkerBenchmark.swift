import Logging
import PhalanxContracts
import PhalanxPrimitives
import PhalanxRuntime

/// The worker's command pipeline without network or chain (`phalanx bench worker`): a gatekeeper worker hosting
/// a flipper receives blocks of sealed `flip` commands and decrypts, executes, snapshots and checkpoints them.
public enum WorkerBenchmark {
    /// Processes `blocks` blocks of `perBlock` encrypted commands; returns (commands, seconds).
    public static func commands(blocks: Int, perBlock: Int) throws -> (commands: Int, seconds: Double) {
        let alice = try KeyPair(uri: "//Alice").accountId
        let cluster = PhalaPhatContracts.clusterId(1)
        let core = WorkerCore(
            identity: Sr25519.KeyPair(miniSecret: SystemRandom.bytes(32)), state: WorkerState(genesisHash: .zero),
            logger: Logger(label: "bench", factory: { _ in SwiftLogNoOpLogHandler() }))
        let me = WorkerIdentity(pubkey: core.publicKey, ecdhPubkey: core.publicKey)
        func pallet(_ topic: [UInt8], _ payload: [UInt8]) -> MqMessage {
            MqMessage(sender: .pallet(Array("PhalaPhatContracts".utf8)), destination: topic, payload: payload)
        }
        func block(_ n: Int) -> ProcessedBlock { ProcessedBlock(number: UInt32(n), hash: .zero, timestamp: UInt64(n) * 6_000) }
        _ = core.process([pallet(PhalaTopic.gatekeeperLaunch, [0] + me.scaleEncoded)], block: block(1))
        var deploy = ScaleEncoder()
        deploy.encodeVariant(index: 0)
        deploy.encode(alice)
        deploy.encode(cluster)
        deploy.encode([me])
        for _ in 0..<4 { deploy.encode(UInt128(0)) }
        deploy.encode(alice)
        let keys = core.process([pallet(PhalaTopic.clusterEvent, deploy.bytes)], block: block(2))
        let code = try SampleContracts.assemble(SampleContracts.flipperWAT)
        var upload = ScaleEncoder()
        upload.encodeVariant(index: 2)
        upload.encode(alice)
        upload.encode(cluster)
        upload.encode(ResourceType.inkCode)
        upload.encode(code)
        var instantiate = ScaleEncoder()
        instantiate.encodeVariant(index: 0)
        instantiate.encode(H256(unchecked: alice.bytes))
        instantiate.encode(CodeIndex.wasmCode(ContractCluster.codeHash(code)))
        instantiate.encode([UInt8]())
        instantiate.encode(cluster)
        instantiate.encode(SampleContracts.newSelector + [0])
        instantiate.encode(UInt128(0))
        instantiate.encode(UInt64(0))
        instantiate.encode(UInt128?.none)
        _ = core.process(
            keys.map { MqMessage(sender: $0.origin, destination: $0.topic, payload: $0.payload) }
                + [pallet(PhalaTopic.clusterKey, upload.bytes), pallet(PhalaTopic.contractOperation, instantiate.bytes)],
            block: block(3))
        let contract = PhalaPhatContracts.contractId(deployer: alice, codeHash: ContractCluster.codeHash(code), cluster: cluster, salt: [])
        guard let contractKey = core.contractKey(contract) else { throw SyncError("The benchmark contract was not instantiated.") }
        let batches = try (0..<blocks).map { _ in
            try (0..<perBlock).map { _ -> MqMessage in
                let command = InkCommand(nonce: SystemRandom.bytes(32), message: SampleContracts.flipSelector, transfer: 0, gasLimit: 0, storageDepositLimit: nil)
                let envelope = try Envelope.seal(
                    command.scaleEncoded, to: contractKey.publicKey, purpose: WorkerMessage.Purpose.command, target: contract.bytes)
                let payload = ContractCommandPayload.encrypted(iv: envelope.iv, pubkey: envelope.ephemeralPublicKey, data: envelope.encryptedDataField)
                return MqMessage(sender: .accountId(H256(unchecked: alice.bytes)), destination: PhalaTopic.contractCommand(contract), payload: payload.scaleEncoded)
            }
        }
        let clock = ContinuousClock()
        let start = clock.now
        for (index, batch) in batches.enumerated() { _ = core.process(batch, block: block(4 + index)) }
        let elapsed = clock.now - start
        return (blocks * perBlock, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
}
