import PhalanxContracts
import PhalanxPrimitives
import PhalanxRuntime

/// The message-queue payloads a worker reads (from pallets and gatekeepers) and writes (to pallets),
/// with Phala's variant indices where Phala defines them (`phala-types` `messaging`).
///
/// Key transport (DispatchKeys, MasterKeyHistory) is Phalanx's: each secret travels as a v1 `Envelope`
/// (ARCHITECTURE §5) to the recipient's ECDH key instead of Phala's raw-ECDH `EncryptedKey`.
enum WorkerMessage {
    /// Purposes binding envelopes to their use (associated data).
    enum Purpose {
        static let clusterKeySharing = "cluster_key_sharing"
        static let masterKeySharing = "master_key_sharing"
        static let command = "phalanx/command"
        static let query = "phalanx/query"
        static let queryResponse = "phalanx/query-response"
    }

    /// `GatekeeperLaunch` on `phala/gatekeeper/launch`.
    enum GatekeeperLaunch {
        case firstGatekeeper(WorkerIdentity)
        case masterPubkeyOnChain(Sr25519Public)
        case rotateMasterKey(rotationId: UInt64, gatekeepers: [WorkerIdentity])
        case masterPubkeyRotated(Sr25519Public)

        init(_ payload: [UInt8]) throws {
            var decoder = ScaleDecoder(payload)
            switch try decoder.readVariantIndex() {
            case 0: self = .firstGatekeeper(try decoder.decode())
            case 1: self = .masterPubkeyOnChain(try decoder.decode())
            case 2: self = .rotateMasterKey(rotationId: try decoder.decode(), gatekeepers: try decoder.decode())
            case 3: self = .masterPubkeyRotated(try decoder.decode())
            case let index: throw ScaleError.invalidVariantIndex(type: "GatekeeperLaunch", index: index)
            }
            try decoder.finish()
        }
    }

    /// `GatekeeperChange` on `phala/gatekeeper/change`.
    enum GatekeeperChange {
        case registered(WorkerIdentity)
        case unregistered(Sr25519Public)

        init(_ payload: [UInt8]) throws {
            var decoder = ScaleDecoder(payload)
            switch try decoder.readVariantIndex() {
            case 0: self = .registered(try decoder.decode())
            case 1: self = .unregistered(try decoder.decode())
            case let index: throw ScaleError.invalidVariantIndex(type: "GatekeeperChange", index: index)
            }
            try decoder.finish()
        }
    }

    /// `KeyDistribution::MasterKeyHistory` on `phala/gatekeeper/key` (Gatekeeper origin): the master key history
    /// (32-byte seeds, oldest first) sealed to one new gatekeeper.
    struct MasterKeyHistory {
        var recipient: Sr25519Public
        var keys: Envelope

        init(recipient: Sr25519Public, keys: Envelope) {
            self.recipient = recipient
            self.keys = keys
        }

        init(_ payload: [UInt8]) throws {
            var decoder = ScaleDecoder(payload)
            let index = try decoder.readVariantIndex()
            guard index == 0 else { throw ScaleError.invalidVariantIndex(type: "KeyDistribution", index: index) }
            recipient = try decoder.decode()
            keys = try decoder.decode()
            try decoder.finish()
        }

        var encoded: [UInt8] { [0] + recipient.scaleEncoded + keys.scaleEncoded }
    }

    /// `ClusterEvent::DeployCluster` on `phala/cluster/event` (from PhalaPhatContracts).
    struct DeployCluster {
        var owner: AccountId32
        var cluster: H256
        var workers: [WorkerIdentity]
        var deposit: UInt128
        var prices: ClusterPrices

        init(_ payload: [UInt8]) throws {
            var decoder = ScaleDecoder(payload)
            let index = try decoder.readVariantIndex()
            guard index == 0 else { throw ScaleError.invalidVariantIndex(type: "ClusterEvent", index: index) }
            owner = try decoder.decode()
            cluster = try decoder.decode()
            workers = try decoder.decode()
            deposit = try decoder.decode()
            prices = ClusterPrices(gasPrice: try decoder.decode(), depositPerItem: try decoder.decode(), depositPerByte: try decoder.decode())
            _ = try decoder.decode(AccountId32.self)  // treasury
            try decoder.finish()
        }
    }

    /// `ClusterOperation` on `phala/cluster/key`.
    enum ClusterOperation {
        /// The cluster key (64-byte secret) sealed to each listed worker, with the cluster owner and initial deposit.
        case dispatchKeys(
            cluster: H256, owner: AccountId32, deposit: UInt128, prices: ClusterPrices, keys: [(worker: Sr25519Public, key: Envelope)])
        case uploadResource(origin: AccountId32, cluster: H256, type: ResourceType, data: [UInt8])
        case deposit(cluster: H256, account: AccountId32, amount: UInt128)
        case removeWorker(cluster: H256, worker: Sr25519Public)

        init(_ payload: [UInt8]) throws {
            var decoder = ScaleDecoder(payload)
            switch try decoder.readVariantIndex() {
            case 0:
                let cluster: H256 = try decoder.decode()
                let owner: AccountId32 = try decoder.decode()
                let deposit: UInt128 = try decoder.decode()
                let prices: ClusterPrices = try decoder.decode()
                let count = try decoder.decodeLength(minimumElementSize: 32 + 1 + 32 + 12 + 1)
                var keys: [(Sr25519Public, Envelope)] = []
                for _ in 0..<count { keys.append((try decoder.decode(), try decoder.decode())) }
                self = .dispatchKeys(cluster: cluster, owner: owner, deposit: deposit, prices: prices, keys: keys)
            case 2:
                self = .uploadResource(
                    origin: try decoder.decode(), cluster: try decoder.decode(), type: try decoder.decode(),
                    data: try decoder.decodeBoundedBytes(max: PhalaPhatContracts.sidevmCodeSizeLimit))
            case 3: self = .deposit(cluster: try decoder.decode(), account: try decoder.decode(), amount: try decoder.decode())
            case 4: self = .removeWorker(cluster: try decoder.decode(), worker: try decoder.decode())
            case let index: throw ScaleError.invalidVariantIndex(type: "ClusterOperation", index: index)
            }
            try decoder.finish()
        }

        var encoded: [UInt8] {
            var encoder = ScaleEncoder()
            switch self {
            case .dispatchKeys(let cluster, let owner, let deposit, let prices, let keys):
                encoder.encodeVariant(index: 0)
                encoder.encode(cluster)
                encoder.encode(owner)
                encoder.encode(deposit)
                encoder.encode(prices)
                encoder.encodeCompact(UInt64(keys.count))
                for entry in keys {
                    encoder.encode(entry.worker)
                    encoder.encode(entry.key)
                }
            case .uploadResource(let origin, let cluster, let type, let data):
                encoder.encodeVariant(index: 2)
                encoder.encode(origin)
                encoder.encode(cluster)
                encoder.encode(type)
                encoder.encode(data)
            case .deposit(let cluster, let account, let amount):
                encoder.encodeVariant(index: 3)
                encoder.encode(cluster)
                encoder.encode(account)
                encoder.encode(amount)
            case .removeWorker(let cluster, let worker):
                encoder.encodeVariant(index: 4)
                encoder.encode(cluster)
                encoder.encode(worker)
            }
            return encoder.bytes
        }
    }

    /// `ContractOperation::InstantiateCode` on `phala/contract/op`.
    struct InstantiateCode {
        var deployer: AccountId32
        var codeHash: H256
        var salt: [UInt8]
        var cluster: H256
        var data: [UInt8]
        var transfer: UInt128
        var gasLimit: UInt64
        var storageDepositLimit: UInt128?

        init(_ payload: [UInt8]) throws {
            var decoder = ScaleDecoder(payload)
            let index = try decoder.readVariantIndex()
            guard index == 0 else { throw ScaleError.invalidVariantIndex(type: "ContractOperation", index: index) }
            let deployerHash: H256 = try decoder.decode()
            deployer = AccountId32(bytes: deployerHash.bytes)!
            codeHash = (try decoder.decode(CodeIndex.self)).hash
            salt = try decoder.decodeBoundedBytes(max: PhalaPhatContracts.maxInstantiateData)
            cluster = try decoder.decode()
            data = try decoder.decodeBoundedBytes(max: PhalaPhatContracts.maxInstantiateData)
            transfer = try decoder.decode()
            gasLimit = try decoder.decode()
            storageDepositLimit = try decoder.decode()
            try decoder.finish()
        }
    }

    /// `RegistryEvent::MasterPubkey` (Worker origin → `^phala/registry/event`).
    static func masterPubkey(_ key: Sr25519Public) -> [UInt8] { [1] + key.scaleEncoded }

    /// `GatekeeperRegistryEvent::RotatedMasterPubkey{rotation_id, master_pubkey}` (Gatekeeper origin → `^phala/registry/gk_event`).
    static func rotatedMasterPubkey(rotationId: UInt64, key: Sr25519Public) -> [UInt8] {
        [0] + rotationId.scaleEncoded + key.scaleEncoded
    }

    /// `ClusterRegistryEvent::PubkeyAvailable{cluster, pubkey}` (Gatekeeper origin → `^phala/registry/cluster`).
    static func clusterPubkeyAvailable(cluster: H256, key: Sr25519Public) -> [UInt8] { [0] + cluster.scaleEncoded + key.scaleEncoded }

    /// `ContractRegistryEvent::PubkeyAvailable{contract, pubkey, deployer}` (Cluster origin → `^phala/registry/contract`).
    static func contractPubkeyAvailable(contract: H256, key: Sr25519Public, deployer: AccountId32) -> [UInt8] {
        [0] + contract.scaleEncoded + key.scaleEncoded + deployer.bytes
    }

    /// `WorkerClusterReport::ClusterDeployed{id, pubkey}` (Worker origin → `phala/cluster/worker/report`).
    static func clusterDeployed(cluster: H256, key: Sr25519Public) -> [UInt8] { [0] + cluster.scaleEncoded + key.scaleEncoded }
}

/// A cluster's prices (from `add_cluster`): gas price and storage deposits, applied by its workers' engines.
struct ClusterPrices: Sendable, ScaleCodable {
    var gasPrice: UInt128
    var depositPerItem: UInt128
    var depositPerByte: UInt128

    init(gasPrice: UInt128, depositPerItem: UInt128, depositPerByte: UInt128) {
        self.gasPrice = gasPrice
        self.depositPerItem = depositPerItem
        self.depositPerByte = depositPerByte
    }

    func encode(to encoder: inout ScaleEncoder) {
        encoder.encode(gasPrice)
        encoder.encode(depositPerItem)
        encoder.encode(depositPerByte)
    }

    init(from decoder: inout ScaleDecoder) throws {
        gasPrice = try decoder.decode()
        depositPerItem = try decoder.decode()
        depositPerByte = try decoder.decode()
    }

    /// The engine schedule for these prices (no existential deposit when storage is free, as on the dev cluster).
    var schedule: Schedule {
        var schedule = Schedule()
        schedule.depositPerItem = depositPerItem
        schedule.depositPerByte = depositPerByte
        schedule.feePerRefTime = gasPrice
        if depositPerItem == 0 && depositPerByte == 0 { schedule.existentialDeposit = 0 }
        return schedule
    }
}
