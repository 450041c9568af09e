import PhalanxContracts
import PhalanxPrimitives
import PhalanxRuntime

/// Pallet messages as PhalaPhatContracts / PhalaRegistry push them, for driving a worker without a chain
/// (the benchmark and the tests): a gatekeeper launch, a cluster deployment, a code upload and an instantiation.
enum ClusterFixture {
    /// A message from a pallet.
    static func pallet(_ topic: [UInt8], _ payload: [UInt8]) -> MqMessage {
        MqMessage(sender: .pallet(Array("PhalaPhatContracts".utf8)), destination: topic, payload: payload)
    }

    /// `GatekeeperLaunch::FirstGatekeeper`.
    static func launch(_ gatekeeper: WorkerIdentity) -> MqMessage {
        pallet(PhalaTopic.gatekeeperLaunch, [0] + gatekeeper.scaleEncoded)
    }

    /// `ClusterEvent::DeployCluster` for `workers`, owned by `owner`, free of charge.
    static func deployCluster(_ cluster: H256, owner: AccountId32, workers: [WorkerIdentity]) -> MqMessage {
        var encoder = ScaleEncoder()
        encoder.encodeVariant(index: 0)
        encoder.encode(owner)
        encoder.encode(cluster)
        encoder.encode(workers)
        for _ in 0..<4 { encoder.encode(UInt128(0)) }
        encoder.encode(owner)
        return pallet(PhalaTopic.clusterEvent, encoder.bytes)
    }

    /// `ClusterOperation::UploadResource` of ink! code.
    static func upload(_ code: [UInt8], cluster: H256, by origin: AccountId32) -> MqMessage {
        pallet(PhalaTopic.clusterKey, WorkerMessage.ClusterOperation.uploadResource(origin: origin, cluster: cluster, type: .inkCode, data: code).encoded)
    }

    /// `ContractOperation::InstantiateCode` with no salt, transfer or gas limit.
    static func instantiate(_ codeHash: H256, input: [UInt8], cluster: H256, deployer: AccountId32) -> MqMessage {
        var encoder = ScaleEncoder()
        encoder.encodeVariant(index: 0)
        encoder.encode(H256(unchecked: deployer.bytes))
        encoder.encode(CodeIndex.wasmCode(codeHash))
        encoder.encode([UInt8]())
        encoder.encode(cluster)
        encoder.encode(input)
        encoder.encode(UInt128(0))
        encoder.encode(UInt64(0))
        encoder.encode(UInt128?.none)
        return pallet(PhalaTopic.contractOperation, encoder.bytes)
    }

    /// A command sealed to `contractKey` (a v1 envelope in Phala's `Payload::Encrypted` layout) from `sender`.
    static func encryptedCommand(_ input: [UInt8], to contract: H256, contractKey: [UInt8], from sender: AccountId32, target: H256? = nil) throws -> MqMessage {
        let command = InkCommand(nonce: SystemRandom.bytes(32), message: input, transfer: 0, gasLimit: 0, storageDepositLimit: nil)
        let envelope = try Envelope.seal(command.scaleEncoded, to: contractKey, purpose: WorkerMessage.Purpose.command, target: (target ?? contract).bytes)
        let payload = ContractCommandPayload.encrypted(iv: envelope.iv, pubkey: envelope.ephemeralPublicKey, data: envelope.encryptedDataField)
        return MqMessage(sender: .accountId(H256(unchecked: sender.bytes)), destination: PhalaTopic.contractCommand(contract), payload: payload.scaleEncoded)
    }

    /// Messages sent by a worker, as the chain would forward them.
    static func forwarded(_ outgoing: [OutgoingMessage]) -> [MqMessage] {
        outgoing.map { MqMessage(sender: $0.origin, destination: $0.topic, payload: $0.payload) }
    }
}
