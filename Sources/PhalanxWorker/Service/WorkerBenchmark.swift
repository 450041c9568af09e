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
            identity: Sr25519.KeyPair(miniSecret: SystemRandom.bytes(32)), state: SealedWorkerState(genesisHash: .zero),
            logger: Logger(label: "bench", factory: { _ in SwiftLogNoOpLogHandler() }))
        let me = WorkerIdentity(pubkey: core.publicKey, ecdhPubkey: core.publicKey)
        func block(_ n: Int) -> ProcessedBlock { ProcessedBlock(number: UInt32(n), hash: .zero, timestamp: UInt64(n) * 6_000) }
        _ = core.process([ClusterFixture.launch(me)], block: block(1))
        let keys = core.process([ClusterFixture.deployCluster(cluster, owner: alice, workers: [me])], block: block(2))
        let code = try SampleContracts.assemble(SampleContracts.flipperWAT)
        let codeHash = ContractCluster.codeHash(code)
        _ = core.process(
            ClusterFixture.forwarded(keys) + [
                ClusterFixture.upload(code, cluster: cluster, by: alice),
                ClusterFixture.instantiate(codeHash, input: SampleContracts.newSelector + [0], cluster: cluster, deployer: alice),
            ], block: block(3))
        let contract = PhalaPhatContracts.contractId(deployer: alice, codeHash: codeHash, cluster: cluster, salt: [])
        guard let contractKey = core.contractKey(contract) else { throw SyncError("The benchmark contract was not instantiated.") }
        let batches = try (0..<blocks).map { _ in
            try (0..<perBlock).map { _ in
                try ClusterFixture.encryptedCommand(SampleContracts.flipSelector, to: contract, contractKey: contractKey.publicKey, from: alice)
            }
        }
        let clock = ContinuousClock()
        let start = clock.now
        for (index, batch) in batches.enumerated() { _ = core.process(batch, block: block(4 + index)) }
        let elapsed = clock.now - start
        return (blocks * perBlock, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
}
