import Logging
import PhalanxContracts
import PhalanxPrimitives
import PhalanxRuntime
import Testing

@testable import PhalanxWorker

/// The worker state machine without a chain: the pallet messages it would read from `OutboundMessages`, the
/// messages it answers with, and the contract state it ends with.
@Suite struct WorkerCoreTests {
    let cluster = PhalaPhatContracts.clusterId(1)
    let alice = try! KeyPair(uri: "//Alice").accountId
    /// The pink host every core here runs with, as the worker's do.
    let pinkHost = try! WorkerPinkHost(workerPublicKey: [UInt8](repeating: 0, count: 32))

    func core(_ seed: UInt8) -> WorkerCore {
        let identity = Sr25519.KeyPair(miniSecret: [UInt8](repeating: seed, count: 32))
        return WorkerCore(identity: identity, state: SealedWorkerState(genesisHash: .zero), logger: Logger(label: "test"), pinkHost: pinkHost)
    }

    func pallet(_ topic: [UInt8], _ payload: [UInt8]) -> MqMessage {
        MqMessage(sender: .pallet(Array("PhalaRegistry".utf8)), destination: topic, payload: payload)
    }

    func block(_ n: UInt32) -> ProcessedBlock { ProcessedBlock(number: n, hash: H256(unchecked: [UInt8](repeating: UInt8(truncatingIfNeeded: n), count: 32)), timestamp: 6_000 * UInt64(n)) }

    func identity(_ core: WorkerCore) -> WorkerIdentity { WorkerIdentity(pubkey: core.publicKey, ecdhPubkey: core.publicKey) }

    func asMessages(_ outgoing: [OutgoingMessage]) -> [MqMessage] { ClusterFixture.forwarded(outgoing) }

    /// A gatekeeper and a second worker set up cluster 1 with flipper deployed by Alice.
    func setUp() throws -> (gatekeeper: WorkerCore, other: WorkerCore, contract: H256) {
        let gatekeeper = core(1), other = core(2)
        let launch = gatekeeper.process([ClusterFixture.launch(identity(gatekeeper))], block: block(1))
        #expect(launch.count == 1 && launch[0].topic == PhalaTopic.registryEvent && launch[0].origin == .worker(gatekeeper.publicKey))
        let master = try #require(gatekeeper.masterKey)
        #expect(launch[0].payload == [1] + master.publicKey)

        let dispatch = gatekeeper.process(
            [ClusterFixture.deployCluster(cluster, owner: alice, workers: [identity(gatekeeper), identity(other)])], block: block(2))
        #expect(dispatch.map(\.topic) == [PhalaTopic.registryCluster, PhalaTopic.clusterKey])
        #expect(dispatch.allSatisfy { $0.origin == .gatekeeper && $0.signer.publicKey == master.publicKey })
        let clusterKey = KeyHierarchy.clusterKey(master: master, cluster: cluster)
        #expect(dispatch[0].payload == [0] + cluster.bytes + clusterKey.publicKey)

        let code = try SampleContracts.assemble(SampleContracts.flipperWAT)
        let messages = asMessages(dispatch) + [
            ClusterFixture.upload(code, cluster: cluster, by: alice),
            ClusterFixture.instantiate(ContractCluster.codeHash(code), input: SampleContracts.newSelector + [0], cluster: cluster, deployer: alice),
        ]
        let fromGatekeeper = gatekeeper.process(messages, block: block(3))
        let fromOther = other.process(messages, block: block(3))
        #expect(gatekeeper.clusterKey?.publicKey == clusterKey.publicKey && other.clusterKey?.publicKey == clusterKey.publicKey)
        // Each reports its deployment, publishes the contract key from the Cluster origin and a checkpoint.
        let contract = PhalaPhatContracts.contractId(
            deployer: alice, codeHash: ContractCluster.codeHash(code), cluster: cluster, salt: [])
        for outgoing in [fromGatekeeper, fromOther] {
            #expect(outgoing.map(\.topic) == [PhalaTopic.clusterWorkerReport, PhalaTopic.registryContract, PhalaTopic.clusterCheckpoint])
            #expect(outgoing[1].origin == .cluster(cluster) && outgoing[1].signer.publicKey == clusterKey.publicKey)
            let contractKey = KeyHierarchy.contractKey(cluster: clusterKey, contract: contract)
            #expect(outgoing[1].payload == [0] + contract.bytes + contractKey.publicKey + alice.bytes)
        }
        #expect(fromGatekeeper[2].payload == fromOther[2].payload)
        return (gatekeeper, other, contract)
    }

    func command(_ input: [UInt8], to contract: H256, key: [UInt8], target: H256? = nil) throws -> MqMessage {
        try ClusterFixture.encryptedCommand(input, to: contract, contractKey: key, from: alice, target: target)
    }

    func get(_ core: WorkerCore, _ contract: H256) throws -> [UInt8] {
        let result = try #require(core.query(contract: contract, origin: alice, input: SampleContracts.getSelector, value: 0))
        return try result.result.get().data
    }

    @Test func encryptedCommandsRunInBlockOrderOnEveryWorkerOfTheCluster() throws {
        let (gatekeeper, other, contract) = try setUp()
        let key = try #require(gatekeeper.contractKey(contract)).publicKey
        let flips = try (0..<3).map { _ in try command(SampleContracts.flipSelector, to: contract, key: key) }
        let a = gatekeeper.process(flips, block: block(4)), b = other.process(flips, block: block(4))
        // Three flips from false: true on both workers, with the same checkpoint.
        #expect(try get(gatekeeper, contract) == [0, 1] && get(other, contract) == [0, 1])
        #expect(a.last?.payload == b.last?.payload && a.last?.topic == PhalaTopic.clusterCheckpoint)
        _ = gatekeeper.process([flips[0]], block: block(5))
        #expect(try get(gatekeeper, contract) == [0, 0])
        // A query never commits: the state is unchanged after it.
        #expect(try get(gatekeeper, contract) == [0, 0])
    }

    @Test func debugOutputGoesToTheDeployersLogAndDeployersAreSealed() throws {
        let (gatekeeper, _, contract) = try setUp()
        let key = try #require(gatekeeper.contractKey(contract)).publicKey
        _ = gatekeeper.process([try command(SampleContracts.flipSelector, to: contract, key: key)], block: block(4))
        // The flipper's `debug_message("flipped")` lands in the contract's log (both cores share this host).
        let lines = pinkHost.logs(of: AccountId32(bytes: contract.bytes)!)
        #expect(lines.contains { $0.level == "DEBUG" && $0.message == "flipped" })
        #expect(gatekeeper.deployer(of: contract) == alice)
        // Deployers and egress policies survive the state's encoding; a version-1 state (before them) still loads.
        gatekeeper.setEgressPolicy(EgressPolicy(allow: ["example.com"], maxRequestsPerMinute: 5), for: contract)
        let restored = try SealedWorkerState.decode(scale: gatekeeper.state.scaleEncoded)
        #expect(restored.deployers[contract] == alice && restored.egressPolicies[contract]?.allow == ["example.com"])
        let fresh = SealedWorkerState(genesisHash: .zero).scaleEncoded
        let versionOne = [UInt8(1)] + fresh.dropFirst().dropLast(7)  // v2 appends two empty maps, a None and a u32
        #expect(try SealedWorkerState.decode(scale: versionOne).deployers.isEmpty)
    }

    @Test func benchStartIsAnsweredWithABenchReport() throws {
        let worker = WorkerCore(
            identity: Sr25519.KeyPair(miniSecret: [UInt8](repeating: 4, count: 32)), state: SealedWorkerState(genesisHash: .zero),
            logger: Logger(label: "test"), benchmark: { (startTime: 1_700_000_000_000, iterations: 4_321) })
        let other = Sr25519.KeyPair(miniSecret: [UInt8](repeating: 5, count: 32)).publicKey
        // BenchStart for another worker is not ours; for this one it is answered on ^phala/registry/event.
        let start: (([UInt8]) -> MqMessage) = { key in self.pallet(PhalaTopic.systemEvent, [0] + key + [1, 8, 0, 0, 0]) }
        #expect(worker.process([start(other)], block: block(1)).isEmpty)
        let reports = worker.process([start(worker.publicKey.bytes)], block: block(2))
        #expect(reports.count == 1)
        #expect(reports.first?.topic == PhalaTopic.registryEvent && reports.first?.origin == .worker(worker.publicKey))
        #expect(reports.first?.payload == [0] + UInt64(1_700_000_000_000).scaleEncoded + UInt64(4_321).scaleEncoded)
        // The real measurement does work and reports a start time from the clock.
        let measured = RegistrationBenchmark.measure(window: .milliseconds(50))
        #expect(measured.iterations > 0 && measured.startTime > 1_700_000_000_000)
    }

    @Test func computingWorkerAnswersChallengesAndKeepsItsSessionAlive() throws {
        let worker = core(6)
        let me = worker.publicKey.bytes
        let started = pallet(PhalaTopic.systemEvent, [0] + me + [3] + UInt32(7).scaleEncoded + UInt128(1).scaleEncoded + UInt32(100).scaleEncoded)
        func challenge(always: Bool) -> MqMessage {
            let target = H256(unchecked: [UInt8](repeating: always ? 0xFF : 0, count: 32))
            return pallet(PhalaTopic.systemEvent, [1] + HeartbeatChallenge(seed: H256(unchecked: [UInt8](repeating: 1, count: 32)), onlineTarget: target).scaleEncoded)
        }
        // Not computing yet: challenges are not for us.
        #expect(worker.process([challenge(always: true)], block: block(1)).isEmpty)
        #expect(worker.process([started], block: block(2)).isEmpty)
        // Challenged: HeartbeatV2{session 7, challenge block, time, iterations, clusters, contracts} on phala/mining/report.
        let answered = worker.process([challenge(always: true)], block: block(3))
        #expect(answered.map(\.topic) == [PhalaTopic.miningReport])
        #expect(answered.first?.payload == [1] + UInt32(7).scaleEncoded + UInt32(3).scaleEncoded + UInt64(18_000).scaleEncoded
            + UInt64(0).scaleEncoded + UInt32(0).scaleEncoded + UInt32(0).scaleEncoded)
        // Not challenged: a heartbeat every 5 blocks all the same, within the chain's 10-block window.
        let quiet = (4...8).map { worker.process([challenge(always: false)], block: block(UInt32($0))).count }
        #expect(quiet == [0, 0, 0, 0, 1])
        #expect(try SealedWorkerState.decode(scale: worker.state.scaleEncoded).computingSession == 7)
        // Stopped: silence.
        _ = worker.process([pallet(PhalaTopic.systemEvent, [0] + me + [4])], block: block(9))
        #expect(worker.process([challenge(always: true)], block: block(10)).isEmpty)
    }

    @Test func commandsForAnotherContractOrTamperedAreIgnored() throws {
        let (gatekeeper, _, contract) = try setUp()
        let key = try #require(gatekeeper.contractKey(contract)).publicKey
        let before = gatekeeper.state.clusterState.stateHash
        // Sealed for another target (contract id bound as associated data), for another key, and tampered.
        let wrongTarget = try command(SampleContracts.flipSelector, to: contract, key: key, target: .zero)
        let wrongKey = try command(SampleContracts.flipSelector, to: contract, key: Sr25519.KeyPair(miniSecret: [UInt8](repeating: 9, count: 32)).publicKey)
        var tampered = try command(SampleContracts.flipSelector, to: contract, key: key)
        tampered.payload[tampered.payload.count - 1] ^= 0x80
        let outgoing = gatekeeper.process([wrongTarget, wrongKey, tampered], block: block(4))
        #expect(outgoing.isEmpty)
        #expect(try get(gatekeeper, contract) == [0, 0])
        #expect(ClusterSnapshot(gatekeeper.state.clusterState.makeBackend()).stateHash == before)
    }

    @Test func stateSurvivesARestartThroughItsEncoding() throws {
        let (gatekeeper, _, contract) = try setUp()
        let key = try #require(gatekeeper.contractKey(contract)).publicKey
        _ = gatekeeper.process([try command(SampleContracts.flipSelector, to: contract, key: key)], block: block(4))
        let restored = WorkerCore(
            identity: gatekeeper.identity, state: try SealedWorkerState.decode(scale: gatekeeper.state.scaleEncoded), logger: Logger(label: "test"))
        #expect(restored.state.processedNumber == 4)
        #expect(restored.masterKey?.publicKey == gatekeeper.masterKey?.publicKey)
        #expect(try get(restored, contract) == [0, 1])
    }

    @Test func masterKeyHistoryReachesALaterGatekeeperAndRotationSignsWithTheOldKey() throws {
        let first = core(1), second = core(3)
        _ = first.process([pallet(PhalaTopic.gatekeeperLaunch, [0] + identity(first).scaleEncoded)], block: block(1))
        let shared = first.process([pallet(PhalaTopic.gatekeeperChange, [0] + identity(second).scaleEncoded)], block: block(2))
        #expect(shared.count == 1 && shared[0].topic == PhalaTopic.gatekeeperKey && shared[0].origin == .gatekeeper)
        _ = second.process(asMessages(shared), block: block(2))
        #expect(second.masterKey?.publicKey == first.masterKey?.publicKey)
        let old = try #require(first.masterKey)
        let rotation = first.process(
            [pallet(PhalaTopic.gatekeeperLaunch, [2] + UInt64(1).scaleEncoded + [identity(first), identity(second)].scaleEncoded)],
            block: block(3))
        #expect(rotation.first?.topic == PhalaTopic.registryGatekeeperEvent && rotation.first?.signer.publicKey == old.publicKey)
        let rotated = try #require(first.masterKey)
        #expect(rotated.publicKey != old.publicKey && rotation.first?.payload == [0] + UInt64(1).scaleEncoded + rotated.publicKey)
        _ = second.process(asMessages(Array(rotation.dropFirst())), block: block(3))
        #expect(second.masterKey?.publicKey == rotated.publicKey)
    }

    @Test func malformedMessagesAreIgnoredWithoutCrashing() throws {
        let worker = core(5)
        var generator = SystemRandomNumberGenerator()
        let topics = [PhalaTopic.gatekeeperLaunch, PhalaTopic.gatekeeperChange, PhalaTopic.gatekeeperKey, PhalaTopic.clusterEvent,
                      PhalaTopic.clusterKey, PhalaTopic.contractOperation, PhalaTopic.contractCommand(.zero)]
        for round in 0..<500 {
            let payload = (0..<Int.random(in: 0..<200, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let message = MqMessage(sender: round % 2 == 0 ? .gatekeeper : .pallet([1]), destination: topics[round % topics.count], payload: payload)
            _ = worker.process([message], block: block(UInt32(round + 1)))
        }
        #expect(worker.state.processedNumber == 500 && worker.state.cluster == nil)
    }
}
