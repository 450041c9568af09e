import PhalanxPrimitives

/// # PhalaPhatContracts
///
/// Phat Contract clusters and contracts on chain (Phala's `pallets/phala/src/phat.rs`): the chain
/// orders code uploads, instantiations and (usually encrypted) commands; the cluster's workers
/// execute them. Everything reaches the workers through `PhalaMq.OutboundMessages`.
///
/// ## Terms
/// - *Cluster*: a set of workers sharing a cluster key; id = `H256::from_low_u64_be(++ClusterCounter)`;
///   its account (for deposits) = `blake2_256("cluster:" ‖ cluster_id)`.
/// - *Contract id*: `blake2_256(deployer ‖ code_hash ‖ cluster_id ‖ salt)`; code hash = `blake2_256(wasm)`.
/// - *Command payload*: `SCALE(Payload::Plain(InkCommand) | Payload::Encrypted(EncryptedData))`; an
///   encrypted one is stored and forwarded only as ciphertext.
///
/// ## Calls (Phala's indices)
/// - `add_cluster` (0): governance.
/// - `cluster_upload_resource` (1), `transfer_to_cluster` (2), `push_contract_message` (3),
///   `instantiate_contract` (4): signed (deploying calls check the cluster permission).
/// - `add_worker_to_cluster` (8), `remove_worker_from_cluster` (9): the cluster owner or governance.
///
/// ## Messages handled (through `PhalaMq`)
/// - `^phala/registry/contract` from the contract's Cluster origin: `PubkeyAvailable` fills
///   `Contracts`, `ClusterContracts` and `PhalaRegistry.ContractKeys`.
/// - `phala/cluster/worker/report` from a cluster worker: deployment reports.
/// - `^phalanx/cluster/checkpoint` from a cluster worker (Phalanx): `ClusterCheckpoint{cluster,
///   block_number, state_hash}`, stored per worker so diverging workers are visible on chain.
public enum PhalaPhatContracts: Pallet {
    public static let name = "PhalaPhatContracts"
    public static let moduleName = "phala_pallets_phat"
    public static let docs = ["Phat Contract clusters, code uploads, instantiation and contract commands."]

    /// Maximum ink! code size: 2 MiB.
    public static let inkCodeSizeLimit = 2 * 1024 * 1024
    /// Maximum SideVM code size: 8 MiB.
    public static let sidevmCodeSizeLimit = 8 * 1024 * 1024
    /// Instantiation data and salt limit.
    public static let maxInstantiateData = 64 * 1024

    public static var constants: [PalletConstant] {
        [
            PalletConstant("InkCodeSizeLimit", UInt32(inkCodeSizeLimit), docs: ["The maximum size of ink! code in bytes."]),
            PalletConstant("SidevmCodeSizeLimit", UInt32(sidevmCodeSizeLimit), docs: ["The maximum size of SideVM code in bytes."]),
        ]
    }

    public static var storageItems: [any StorageItem] {
        [
            contracts, clusterCounter, clusters, clusterContracts, clusterWorkers, clusterByWorkers, clusterResources, instantiating,
            clusterCheckpoints,
        ]
    }

    // MARK: - Formulas

    /// The cluster id for counter value `n`: `H256::from_low_u64_be(n)`.
    public static func clusterId(_ n: UInt64) -> H256 {
        H256(unchecked: [UInt8](repeating: 0, count: 24) + (0..<8).map { UInt8(truncatingIfNeeded: n >> (8 * (7 - $0))) })
    }

    /// The account holding a cluster's deposits: `blake2_256("cluster:" ‖ cluster_id)`.
    public static func clusterAccount(_ cluster: H256) -> AccountId32 {
        AccountId32(bytes: blake2_256(Array("cluster:".utf8) + cluster.bytes))!
    }

    /// A contract id: `blake2_256(deployer ‖ code_hash ‖ cluster_id ‖ salt)`.
    public static func contractId(deployer: AccountId32, codeHash: H256, cluster: H256, salt: [UInt8]) -> H256 {
        H256(unchecked: blake2_256(deployer.bytes + codeHash.bytes + cluster.bytes + salt))
    }

    // MARK: - Calls

    static func ensureClusterOwnerOrGovernance(_ origin: Origin, _ cluster: ClusterInfo) throws {
        if case .signed(let who) = origin {
            guard who == cluster.owner else { throw Error.clusterPermissionDenied }
            return
        }
        try PhalaGovernance.ensureGovernance(origin)
    }

    static func identities(_ workers: [Sr25519Public], in state: StateOverlay) throws -> [WorkerIdentity] {
        try workers.map { worker in
            guard let identity = PhalaRegistry.identity(of: worker, in: state) else { throw Error.workerNotFound }
            return identity
        }
    }

    /// `ClusterEvent::DeployCluster{…}` for the gatekeeper.
    static func pushDeployCluster(
        owner: AccountId32, cluster: H256, workers: [WorkerIdentity], deposit: UInt128, info: ClusterInfo, treasury: AccountId32,
        context: inout RuntimeContext
    ) {
        var encoder = ScaleEncoder()
        encoder.encodeVariant(index: 0)
        encoder.encode(owner)
        encoder.encode(cluster)
        encoder.encode(workers)
        encoder.encode(deposit)
        encoder.encode(info.gasPrice)
        encoder.encode(info.depositPerItem)
        encoder.encode(info.depositPerByte)
        encoder.encode(treasury)
        PhalaMq.pushPalletMessage(from: name, topic: PhalaTopic.clusterEvent, payload: encoder.bytes, context: &context)
    }

    static func addCluster(
        owner: AccountId32, permission: ClusterPermission, workers: [Sr25519Public], deposit: UInt128, gasPrice: UInt128,
        depositPerItem: UInt128, depositPerByte: UInt128, treasury: AccountId32, context: inout RuntimeContext
    ) throws {
        guard !workers.isEmpty else { throw Error.noWorkerSpecified }
        guard Set(workers).count == workers.count else { throw Error.workerAlreadyInCluster }
        let identities = try identities(workers, in: context.state)
        for worker in workers where clusterByWorkers.contains(worker, in: context.state) { throw Error.workerAlreadyInCluster }
        let counter = (clusterCounter.value(context.state) ?? 0) + 1
        clusterCounter.set(counter, in: &context.state)
        let cluster = clusterId(counter)
        let systemContract = contractId(deployer: owner, codeHash: .zero, cluster: cluster, salt: [])
        let info = ClusterInfo(
            owner: owner, permission: permission, systemContract: systemContract, gasPrice: gasPrice, depositPerItem: depositPerItem,
            depositPerByte: depositPerByte)
        clusters.set(cluster, info, in: &context.state)
        clusterWorkers.set(cluster, workers, in: &context.state)
        for worker in workers { clusterByWorkers.set(worker, cluster, in: &context.state) }
        if deposit > 0 {
            try Balances.transfer(from: owner, to: clusterAccount(cluster), amount: deposit, keepAlive: true, context: &context)
        }
        pushDeployCluster(owner: owner, cluster: cluster, workers: identities, deposit: deposit, info: info, treasury: treasury, context: &context)
        context.deposit(Event.clusterCreated(cluster: cluster, systemContract: systemContract))
    }

    static func addWorker(_ worker: Sr25519Public, to cluster: H256, origin: Origin, context: inout RuntimeContext) throws {
        guard let info = clusters.get(cluster, in: context.state) else { throw Error.clusterNotFound }
        try ensureClusterOwnerOrGovernance(origin, info)
        let identity = try identities([worker], in: context.state)
        guard !clusterByWorkers.contains(worker, in: context.state) else { throw Error.workerAlreadyInCluster }
        var members = clusterWorkers.value(cluster, in: context.state) ?? []
        members.append(worker)
        clusterWorkers.set(cluster, members, in: &context.state)
        clusterByWorkers.set(worker, cluster, in: &context.state)
        pushDeployCluster(
            owner: info.owner, cluster: cluster, workers: identity, deposit: 0, info: info, treasury: info.owner, context: &context)
        context.deposit(Event.workerAddedToCluster(worker: worker, cluster: cluster))
    }

    static func removeWorker(_ worker: Sr25519Public, from cluster: H256, origin: Origin, context: inout RuntimeContext) throws {
        guard let info = clusters.get(cluster, in: context.state) else { throw Error.clusterNotFound }
        try ensureClusterOwnerOrGovernance(origin, info)
        var members = clusterWorkers.value(cluster, in: context.state) ?? []
        guard let index = members.firstIndex(of: worker) else { throw Error.workerNotInCluster }
        members.remove(at: index)
        clusterWorkers.set(cluster, members, in: &context.state)
        clusterByWorkers.remove(worker, in: &context.state)
        // ClusterOperation::RemoveWorker{cluster_id, worker}.
        PhalaMq.pushPalletMessage(
            from: name, topic: PhalaTopic.clusterKey, payload: [4] + cluster.scaleEncoded + worker.scaleEncoded, context: &context)
        context.deposit(Event.workerRemovedFromCluster(worker: worker, cluster: cluster))
    }

    static func uploadResource(
        _ who: AccountId32, cluster: H256, type: ResourceType, data: [UInt8], context: inout RuntimeContext
    ) throws {
        guard let info = clusters.get(cluster, in: context.state) else { throw Error.clusterNotFound }
        guard info.permission.allows(who) else { throw Error.clusterPermissionDenied }
        guard data.count <= type.sizeLimit else { throw Error.codeTooLarge }
        let hash = H256(unchecked: blake2_256(data))
        clusterResources.set(cluster, hash, type, in: &context.state)
        // ClusterOperation::UploadResource{origin, cluster_id, resource_type, resource_data}.
        PhalaMq.pushPalletMessage(
            from: name, topic: PhalaTopic.clusterKey,
            payload: [2] + who.scaleEncoded + cluster.scaleEncoded + type.scaleEncoded + data.scaleEncoded, context: &context)
        context.deposit(Event.resourceUploaded(cluster: cluster, resourceType: type, hash: hash, size: UInt32(data.count)))
    }

    /// Moves `amount` from `who` to the cluster account and tells the workers to credit `dest` inside the cluster.
    static func deposit(from who: AccountId32, cluster: H256, dest: AccountId32, amount: UInt128, context: inout RuntimeContext) throws {
        guard amount > 0 else { return }
        try Balances.transfer(from: who, to: clusterAccount(cluster), amount: amount, keepAlive: true, context: &context)
        // ClusterOperation::Deposit{cluster_id, account, amount}.
        PhalaMq.pushPalletMessage(
            from: name, topic: PhalaTopic.clusterKey, payload: [3] + cluster.scaleEncoded + dest.scaleEncoded + amount.scaleEncoded,
            context: &context)
        context.deposit(Event.transfered(cluster: cluster, account: dest, amount: amount))
    }

    static func instantiate(
        _ who: AccountId32, code: CodeIndex, data: [UInt8], salt: [UInt8], cluster: H256, transfer: UInt128, gasLimit: UInt64,
        storageDepositLimit: UInt128?, deposit amount: UInt128, context: inout RuntimeContext
    ) throws -> H256 {
        guard let info = clusters.get(cluster, in: context.state) else { throw Error.clusterNotFound }
        guard info.permission.allows(who) else { throw Error.clusterPermissionDenied }
        guard clusterResources.contains(cluster, code.hash, in: context.state) else { throw Error.codeNotFound }
        let contract = contractId(deployer: who, codeHash: code.hash, cluster: cluster, salt: salt)
        guard !contracts.contains(contract, in: context.state), !instantiating.contains(contract, in: context.state) else {
            throw Error.duplicatedContract
        }
        try deposit(from: who, cluster: cluster, dest: who, amount: amount, context: &context)
        instantiating.set(contract, BasicContractInfo(deployer: who, cluster: cluster), in: &context.state)
        // ContractOperation::InstantiateCode{contract_info: ContractInfo{deployer, code_index, salt, cluster_id,
        // instantiate_data}, transfer, gas_limit, storage_deposit_limit}.
        var encoder = ScaleEncoder()
        encoder.encodeVariant(index: 0)
        encoder.encode(H256(unchecked: who.bytes))
        encoder.encode(code)
        encoder.encode(salt)
        encoder.encode(cluster)
        encoder.encode(data)
        encoder.encode(transfer)
        encoder.encode(gasLimit)
        encoder.encode(storageDepositLimit)
        PhalaMq.pushPalletMessage(from: name, topic: PhalaTopic.contractOperation, payload: encoder.bytes, context: &context)
        context.deposit(Event.instantiating(contract: contract, cluster: cluster, deployer: who))
        return contract
    }

    static func pushContractMessage(
        _ who: AccountId32, contract: H256, payload: [UInt8], deposit amount: UInt128, context: inout RuntimeContext
    ) throws {
        guard let info = contracts.get(contract, in: context.state) else { throw Error.contractNotFound }
        guard (try? ContractCommandPayload.decode(scale: payload)) != nil else { throw Error.invalidPayload }
        try deposit(from: who, cluster: info.cluster, dest: who, amount: amount, context: &context)
        // The payload is forwarded as given: ciphertext stays ciphertext. No event repeats it.
        PhalaMq.push(
            MqMessage(sender: .accountId(H256(unchecked: who.bytes)), destination: PhalaTopic.contractCommand(contract), payload: payload),
            context: &context)
    }

    // MARK: - Messages

    /// `^phala/registry/contract` (`ContractRegistryEvent::PubkeyAvailable{contract, pubkey, deployer}`) from a Cluster origin.
    static func onContractRegistryMessage(_ message: MqMessage, context: inout RuntimeContext) throws {
        guard case .cluster(let cluster) = message.sender, clusters.contains(cluster, in: context.state) else {
            throw Error.invalidSender
        }
        var decoder = ScaleDecoder(message.payload)
        guard (try? decoder.readVariantIndex()) == 0, let contract = try? decoder.decode(H256.self),
            let key = try? decoder.decode(Sr25519Public.self), let deployer = try? decoder.decode(H256.self),
            (try? decoder.finish()) != nil
        else { throw Error.invalidMessage }
        if let pending = instantiating.get(contract, in: context.state), pending.cluster != cluster { throw Error.invalidSender }
        if let known = contracts.get(contract, in: context.state), known.cluster != cluster { throw Error.invalidSender }
        let deployerAccount = AccountId32(bytes: deployer.bytes)!
        instantiating.remove(contract, in: &context.state)
        PhalaRegistry.contractKeys.set(contract, key, in: &context.state)
        let isNew = !contracts.contains(contract, in: context.state)
        contracts.set(contract, BasicContractInfo(deployer: deployerAccount, cluster: cluster), in: &context.state)
        if isNew {
            var list = clusterContracts.value(cluster, in: context.state) ?? []
            list.append(contract)
            clusterContracts.set(cluster, list, in: &context.state)
        }
        context.deposit(Event.contractPubkeyAvailable(contract: contract, cluster: cluster, pubkey: key))
        if isNew { context.deposit(Event.instantiated(contract: contract, cluster: cluster, deployer: deployerAccount)) }
    }

    /// `^phalanx/cluster/checkpoint` (`ClusterCheckpoint`) from a worker of the cluster, signed by its identity key.
    static func onClusterCheckpoint(_ message: MqMessage, context: inout RuntimeContext) throws {
        guard case .worker(let worker) = message.sender else { throw Error.invalidSender }
        guard let checkpoint = try? ClusterCheckpoint.decode(scale: message.payload) else { throw Error.invalidMessage }
        guard clusterByWorkers.get(worker, in: context.state) == checkpoint.cluster else { throw Error.workerNotInCluster }
        if let previous = clusterCheckpoints.get(checkpoint.cluster, worker, in: context.state),
            previous.blockNumber >= checkpoint.blockNumber
        {
            throw Error.staleCheckpoint
        }
        clusterCheckpoints.set(checkpoint.cluster, worker, checkpoint, in: &context.state)
        context.deposit(Event.clusterCheckpoint(
            cluster: checkpoint.cluster, worker: worker, blockNumber: checkpoint.blockNumber, stateHash: checkpoint.stateHash))
    }

    /// `phala/cluster/worker/report` (`WorkerClusterReport`) from a worker of the cluster.
    static func onWorkerClusterReport(_ message: MqMessage, context: inout RuntimeContext) throws {
        guard case .worker(let worker) = message.sender else { throw Error.invalidSender }
        var decoder = ScaleDecoder(message.payload)
        let kind = try? decoder.readVariantIndex()
        guard let cluster = try? decoder.decode(H256.self) else { throw Error.invalidMessage }
        guard clusterByWorkers.get(worker, in: context.state) == cluster else { throw Error.workerNotInCluster }
        switch kind {
        case 0:
            guard let key = try? decoder.decode(Sr25519Public.self), (try? decoder.finish()) != nil else { throw Error.invalidMessage }
            context.deposit(Event.clusterDeployed(cluster: cluster, pubkey: key, worker: worker))
        case 1:
            guard (try? decoder.finish()) != nil else { throw Error.invalidMessage }
            context.deposit(Event.clusterDeploymentFailed(cluster: cluster, worker: worker))
        default:
            throw Error.invalidMessage
        }
    }
}

extension PhalaPhatContracts {
    /// Instantiated contracts (their public key is on chain), by id.
    public static let contracts = StorageMap<H256, BasicContractInfo>(
        pallet: name, item: "Contracts", hasher: .twox64Concat, docs: ["Instantiated contracts, by contract id."])
    /// The number of clusters created.
    public static let clusterCounter = StorageValue<UInt64>(
        pallet: name, item: "ClusterCounter", default: 0, docs: ["The number of clusters created so far."])
    /// Clusters by id.
    public static let clusters = StorageMap<H256, ClusterInfo>(
        pallet: name, item: "Clusters", hasher: .twox64Concat, docs: ["Clusters, by cluster id."])
    /// Contracts of each cluster.
    public static let clusterContracts = StorageMap<H256, [H256]>(
        pallet: name, item: "ClusterContracts", hasher: .twox64Concat, default: [], docs: ["The contracts of each cluster."])
    /// Workers of each cluster.
    public static let clusterWorkers = StorageMap<H256, [Sr25519Public]>(
        pallet: name, item: "ClusterWorkers", hasher: .twox64Concat, default: [], docs: ["The workers of each cluster."])
    /// The cluster of each worker (one cluster per worker).
    public static let clusterByWorkers = StorageMap<Sr25519Public, H256>(
        pallet: name, item: "ClusterByWorkers", hasher: .twox64Concat, docs: ["The cluster each worker belongs to."])
    /// Uploaded resources by cluster and hash (Phalanx: lets clients skip re-uploads and instantiation check the code).
    public static let clusterResources = StorageDoubleMap<H256, H256, ResourceType>(
        pallet: name, item: "ClusterResources", hasher1: .twox64Concat, hasher2: .identity,
        docs: ["Resources uploaded to each cluster, by blake2_256 hash."])
    /// Contracts requested but not yet reported by their cluster (Phalanx).
    public static let instantiating = StorageMap<H256, BasicContractInfo>(
        pallet: name, item: "Instantiating", hasher: .twox64Concat,
        docs: ["Contracts whose instantiation was requested and whose public key is not yet on chain."])
}

extension PhalaPhatContracts {
    /// The latest state checkpoint of each worker of each cluster (Phalanx).
    public static let clusterCheckpoints = StorageDoubleMap<H256, Sr25519Public, ClusterCheckpoint>(
        pallet: name, item: "ClusterCheckpoints", hasher1: .twox64Concat, hasher2: .twox64Concat,
        docs: ["The latest cluster state checkpoint reported by each worker of each cluster."])
}

/// Weights of PhalaPhatContracts' calls: estimates (a few storage reads and writes plus the bytes
/// copied into `OutboundMessages`) pending a `phalanx bench pallets` run.
enum PhalaPhatContractsWeights {
    static let addCluster = Weight(refTime: 120_000_000, proofSize: 10_000)
    static let membership = Weight(refTime: 60_000_000, proofSize: 6_000)
    static func upload(_ bytes: Int) -> Weight { Weight(refTime: 50_000_000 + UInt64(bytes) * 2_000, proofSize: 4_000 + UInt64(bytes)) }
    static let transfer = Weight(refTime: 80_000_000, proofSize: 6_000)
    static func pushMessage(_ bytes: Int) -> Weight { Weight(refTime: 60_000_000 + UInt64(bytes) * 1_000, proofSize: 4_000 + UInt64(bytes)) }
    static func instantiate(_ bytes: Int) -> Weight { Weight(refTime: 90_000_000 + UInt64(bytes) * 1_000, proofSize: 8_000 + UInt64(bytes)) }
}
