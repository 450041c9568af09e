import PhalanxPrimitives

extension PhalaPhatContracts {
    /// PhalaPhatContracts' calls, with Phala's call indices.
    public enum Call: PalletCall {
        public typealias Owner = PhalaPhatContracts
        /// Governance: create a cluster on some registered workers.
        case addCluster(
            owner: AccountId32, permission: ClusterPermission, deployWorkers: [Sr25519Public], deposit: UInt128, gasPrice: UInt128,
            depositPerItem: UInt128, depositPerByte: UInt128, treasuryAccount: AccountId32)
        /// Upload code or a SideVM program to a cluster.
        case clusterUploadResource(clusterId: H256, resourceType: ResourceType, resourceData: [UInt8])
        /// Deposit PHA into a cluster for an account.
        case transferToCluster(amount: UInt128, clusterId: H256, destAccount: AccountId32)
        /// Send a (usually encrypted) command to a contract.
        case pushContractMessage(contractId: H256, payload: [UInt8], deposit: UInt128)
        /// Instantiate uploaded code in a cluster.
        case instantiateContract(
            codeIndex: CodeIndex, data: [UInt8], salt: [UInt8], clusterId: H256, transfer: UInt128, gasLimit: UInt64,
            storageDepositLimit: UInt128?, deposit: UInt128)
        /// The cluster owner (or governance) adds a registered worker to the cluster.
        case addWorkerToCluster(workerPubkey: Sr25519Public, clusterId: H256)
        /// The cluster owner (or governance) removes a worker from the cluster.
        case removeWorkerFromCluster(workerPubkey: Sr25519Public, clusterId: H256)

        public static var variants: [VariantDescription] {
            let balance = { (name: String) in FieldDescription(name, UInt128.self, typeName: "BalanceOf<T>") }
            let cluster = FieldDescription("cluster_id", H256.self, typeName: "ContractClusterId")
            let worker = FieldDescription("worker_pubkey", Sr25519Public.self, typeName: "WorkerPublicKey")
            let bytes = { (name: String) in FieldDescription(name, [UInt8].self, typeName: "Vec<u8>") }
            return [
                VariantDescription("add_cluster", index: 0, fields: [
                    FieldDescription("owner", AccountId32.self, typeName: "T::AccountId"),
                    FieldDescription("permission", ClusterPermission.self, typeName: "ClusterPermission<T::AccountId>"),
                    FieldDescription("deploy_workers", [Sr25519Public].self, typeName: "Vec<WorkerPublicKey>"),
                    balance("deposit"), balance("gas_price"), balance("deposit_per_item"), balance("deposit_per_byte"),
                    FieldDescription("treasury_account", AccountId32.self, typeName: "T::AccountId"),
                ], docs: ["Creates a cluster on registered workers (governance only)."]),
                VariantDescription("cluster_upload_resource", index: 1, fields: [
                    cluster, FieldDescription("resource_type", ResourceType.self, typeName: "ResourceType"), bytes("resource_data"),
                ], docs: ["Uploads ink! code (at most 2 MiB) or a SideVM program to a cluster."]),
                VariantDescription("transfer_to_cluster", index: 2, fields: [
                    balance("amount"), cluster, FieldDescription("dest_account", AccountId32.self, typeName: "T::AccountId"),
                ], docs: ["Transfers PHA into a cluster for an account."]),
                VariantDescription("push_contract_message", index: 3, fields: [
                    FieldDescription("contract_id", H256.self, typeName: "ContractId"), bytes("payload"), balance("deposit"),
                ], docs: ["Sends a command (SCALE Payload::Plain or Payload::Encrypted) to a contract."]),
                VariantDescription("instantiate_contract", index: 4, fields: [
                    FieldDescription("code_index", CodeIndex.self, typeName: "CodeIndex<CodeHash<T>>"), bytes("data"), bytes("salt"), cluster,
                    balance("transfer"), FieldDescription("gas_limit", UInt64.self, typeName: "u64"),
                    FieldDescription("storage_deposit_limit", UInt128?.self, typeName: "Option<BalanceOf<T>>"), balance("deposit"),
                ], docs: ["Instantiates uploaded code; contract id = blake2_256(deployer ‖ code_hash ‖ cluster_id ‖ salt)."]),
                VariantDescription("add_worker_to_cluster", index: 8, fields: [worker, cluster],
                                   docs: ["Adds a registered worker to a cluster (cluster owner or governance)."]),
                VariantDescription("remove_worker_from_cluster", index: 9, fields: [worker, cluster],
                                   docs: ["Removes a worker from a cluster (cluster owner or governance)."]),
            ]
        }

        public var info: DispatchInfo {
            switch self {
            case .addCluster: DispatchInfo(weight: PhalaPhatContractsWeights.addCluster, class: .operational)
            case .clusterUploadResource(_, _, let data): DispatchInfo(weight: PhalaPhatContractsWeights.upload(data.count))
            case .transferToCluster: DispatchInfo(weight: PhalaPhatContractsWeights.transfer)
            case .pushContractMessage(_, let payload, _): DispatchInfo(weight: PhalaPhatContractsWeights.pushMessage(payload.count))
            case .instantiateContract(_, let data, let salt, _, _, _, _, _):
                DispatchInfo(weight: PhalaPhatContractsWeights.instantiate(data.count + salt.count))
            case .addWorkerToCluster, .removeWorkerFromCluster: DispatchInfo(weight: PhalaPhatContractsWeights.membership)
            }
        }

        public func dispatch(origin: Origin, context: inout RuntimeContext) throws {
            switch self {
            case .addCluster(let owner, let permission, let workers, let deposit, let gasPrice, let perItem, let perByte, let treasury):
                try PhalaGovernance.ensureGovernance(origin)
                try PhalaPhatContracts.addCluster(
                    owner: owner, permission: permission, workers: workers, deposit: deposit, gasPrice: gasPrice, depositPerItem: perItem,
                    depositPerByte: perByte, treasury: treasury, context: &context)
            case .clusterUploadResource(let cluster, let type, let data):
                let who = try origin.ensureSigned()
                try PhalaPhatContracts.uploadResource(who, cluster: cluster, type: type, data: data, context: &context)
            case .transferToCluster(let amount, let cluster, let dest):
                let who = try origin.ensureSigned()
                guard PhalaPhatContracts.clusters.contains(cluster, in: context.state) else { throw Error.clusterNotFound }
                try PhalaPhatContracts.deposit(from: who, cluster: cluster, dest: dest, amount: amount, context: &context)
            case .pushContractMessage(let contract, let payload, let deposit):
                let who = try origin.ensureSigned()
                try PhalaPhatContracts.pushContractMessage(who, contract: contract, payload: payload, deposit: deposit, context: &context)
            case .instantiateContract(let code, let data, let salt, let cluster, let transfer, let gasLimit, let limit, let deposit):
                let who = try origin.ensureSigned()
                _ = try PhalaPhatContracts.instantiate(
                    who, code: code, data: data, salt: salt, cluster: cluster, transfer: transfer, gasLimit: gasLimit,
                    storageDepositLimit: limit, deposit: deposit, context: &context)
            case .addWorkerToCluster(let worker, let cluster):
                try PhalaPhatContracts.addWorker(worker, to: cluster, origin: origin, context: &context)
            case .removeWorkerFromCluster(let worker, let cluster):
                try PhalaPhatContracts.removeWorker(worker, from: cluster, origin: origin, context: &context)
            }
        }

        public func encode(to encoder: inout ScaleEncoder) {
            switch self {
            case .addCluster(let owner, let permission, let workers, let deposit, let gasPrice, let perItem, let perByte, let treasury):
                encoder.encodeVariant(index: 0)
                encoder.encode(owner)
                encoder.encode(permission)
                encoder.encode(workers)
                encoder.encode(deposit)
                encoder.encode(gasPrice)
                encoder.encode(perItem)
                encoder.encode(perByte)
                encoder.encode(treasury)
            case .clusterUploadResource(let cluster, let type, let data):
                encoder.encodeVariant(index: 1)
                encoder.encode(cluster)
                encoder.encode(type)
                encoder.encode(data)
            case .transferToCluster(let amount, let cluster, let dest):
                encoder.encodeVariant(index: 2)
                encoder.encode(amount)
                encoder.encode(cluster)
                encoder.encode(dest)
            case .pushContractMessage(let contract, let payload, let deposit):
                encoder.encodeVariant(index: 3)
                encoder.encode(contract)
                encoder.encode(payload)
                encoder.encode(deposit)
            case .instantiateContract(let code, let data, let salt, let cluster, let transfer, let gasLimit, let limit, let deposit):
                encoder.encodeVariant(index: 4)
                encoder.encode(code)
                encoder.encode(data)
                encoder.encode(salt)
                encoder.encode(cluster)
                encoder.encode(transfer)
                encoder.encode(gasLimit)
                encoder.encode(limit)
                encoder.encode(deposit)
            case .addWorkerToCluster(let worker, let cluster):
                encoder.encodeVariant(index: 8)
                encoder.encode(worker)
                encoder.encode(cluster)
            case .removeWorkerFromCluster(let worker, let cluster):
                encoder.encodeVariant(index: 9)
                encoder.encode(worker)
                encoder.encode(cluster)
            }
        }

        public init(from decoder: inout ScaleDecoder) throws {
            switch try decoder.readVariantIndex() {
            case 0:
                let owner = try decoder.decode(AccountId32.self)
                let permission = try decoder.decode(ClusterPermission.self)
                let count = try decoder.decodeLength(minimumElementSize: 32)
                guard count <= 1024 else { throw ScaleError.lengthLimitExceeded(length: count, limit: 1024) }
                self = .addCluster(
                    owner: owner, permission: permission, deployWorkers: try decoder.decodeFixed(Sr25519Public.self, count: count),
                    deposit: try decoder.decode(), gasPrice: try decoder.decode(), depositPerItem: try decoder.decode(),
                    depositPerByte: try decoder.decode(), treasuryAccount: try decoder.decode())
            case 1:
                let cluster = try decoder.decode(H256.self)
                let type = try decoder.decode(ResourceType.self)
                // Bounded by the largest resource kind; the per-kind limit is checked at dispatch (CodeTooLarge).
                self = .clusterUploadResource(
                    clusterId: cluster, resourceType: type,
                    resourceData: try decoder.decodeBoundedBytes(max: PhalaPhatContracts.sidevmCodeSizeLimit))
            case 2: self = .transferToCluster(amount: try decoder.decode(), clusterId: try decoder.decode(), destAccount: try decoder.decode())
            case 3:
                self = .pushContractMessage(
                    contractId: try decoder.decode(), payload: try decoder.decodeBoundedBytes(max: PhalaMq.maxPayloadLength),
                    deposit: try decoder.decode())
            case 4:
                self = .instantiateContract(
                    codeIndex: try decoder.decode(), data: try decoder.decodeBoundedBytes(max: PhalaPhatContracts.maxInstantiateData),
                    salt: try decoder.decodeBoundedBytes(max: PhalaPhatContracts.maxInstantiateData), clusterId: try decoder.decode(),
                    transfer: try decoder.decode(), gasLimit: try decoder.decode(), storageDepositLimit: try decoder.decode(),
                    deposit: try decoder.decode())
            case 8: self = .addWorkerToCluster(workerPubkey: try decoder.decode(), clusterId: try decoder.decode())
            case 9: self = .removeWorkerFromCluster(workerPubkey: try decoder.decode(), clusterId: try decoder.decode())
            case let index: throw ScaleError.invalidVariantIndex(type: "PhalaPhatContracts.Call", index: index)
            }
        }
    }

    /// PhalaPhatContracts' events.
    public enum Event: PalletEvent {
        public typealias Owner = PhalaPhatContracts
        /// A cluster was created.
        case clusterCreated(cluster: H256, systemContract: H256)
        /// A worker reported the cluster deployed.
        case clusterDeployed(cluster: H256, pubkey: Sr25519Public, worker: Sr25519Public)
        /// A worker reported the cluster deployment failed.
        case clusterDeploymentFailed(cluster: H256, worker: Sr25519Public)
        /// A contract instantiation was requested.
        case instantiating(contract: H256, cluster: H256, deployer: AccountId32)
        /// A contract's public key is on chain.
        case contractPubkeyAvailable(contract: H256, cluster: H256, pubkey: Sr25519Public)
        /// A contract was instantiated.
        case instantiated(contract: H256, cluster: H256, deployer: AccountId32)
        /// PHA was deposited into a cluster for an account.
        case transfered(cluster: H256, account: AccountId32, amount: UInt128)
        /// A worker joined a cluster.
        case workerAddedToCluster(worker: Sr25519Public, cluster: H256)
        /// A worker left a cluster.
        case workerRemovedFromCluster(worker: Sr25519Public, cluster: H256)
        /// A resource was uploaded to a cluster.
        case resourceUploaded(cluster: H256, resourceType: ResourceType, hash: H256, size: UInt32)
        /// A worker reported its cluster state checkpoint.
        case clusterCheckpoint(cluster: H256, worker: Sr25519Public, blockNumber: UInt32, stateHash: H256)

        public static var variants: [VariantDescription] {
            let cluster = FieldDescription("cluster", H256.self, typeName: "ContractClusterId")
            let contract = FieldDescription("contract", H256.self, typeName: "ContractId")
            let key = { (name: String) in FieldDescription(name, Sr25519Public.self, typeName: "sr25519::Public") }
            let deployer = FieldDescription("deployer", AccountId32.self, typeName: "T::AccountId")
            return [
                VariantDescription("ClusterCreated", index: 0, fields: [cluster, FieldDescription("system_contract", H256.self, typeName: "ContractId")],
                                   docs: ["A cluster was created."]),
                VariantDescription("ClusterDeployed", index: 1, fields: [cluster, key("pubkey"), key("worker")],
                                   docs: ["A worker reported the cluster deployed."]),
                VariantDescription("ClusterDeploymentFailed", index: 2, fields: [cluster, key("worker")],
                                   docs: ["A worker reported the cluster deployment failed."]),
                VariantDescription("Instantiating", index: 3, fields: [contract, cluster, deployer], docs: ["A contract instantiation was requested."]),
                VariantDescription("ContractPubkeyAvailable", index: 4, fields: [contract, cluster, key("pubkey")],
                                   docs: ["A contract's public key is on chain."]),
                VariantDescription("Instantiated", index: 5, fields: [contract, cluster, deployer], docs: ["A contract was instantiated."]),
                VariantDescription("Transfered", index: 6, fields: [
                    cluster, FieldDescription("account", AccountId32.self, typeName: "T::AccountId"),
                    FieldDescription("amount", UInt128.self, typeName: "BalanceOf<T>"),
                ], docs: ["PHA was deposited into a cluster for an account."]),
                VariantDescription("WorkerAddedToCluster", index: 7, fields: [key("worker"), cluster], docs: ["A worker joined a cluster."]),
                VariantDescription("WorkerRemovedFromCluster", index: 8, fields: [key("worker"), cluster], docs: ["A worker left a cluster."]),
                VariantDescription("ResourceUploaded", index: 9, fields: [
                    cluster, FieldDescription("resource_type", ResourceType.self, typeName: "ResourceType"),
                    FieldDescription("hash", H256.self, typeName: "H256"), FieldDescription("size", UInt32.self, typeName: "u32"),
                ], docs: ["A resource was uploaded to a cluster."]),
                VariantDescription("ClusterCheckpoint", index: 10, fields: [
                    cluster, key("worker"), FieldDescription("block_number", UInt32.self, typeName: "BlockNumber"),
                    FieldDescription("state_hash", H256.self, typeName: "H256"),
                ], docs: ["A worker reported its cluster state checkpoint."]),
            ]
        }

        public func encode(to encoder: inout ScaleEncoder) {
            switch self {
            case .clusterCreated(let c, let s): encoder.encodeVariant(index: 0); encoder.encode(c); encoder.encode(s)
            case .clusterDeployed(let c, let k, let w): encoder.encodeVariant(index: 1); encoder.encode(c); encoder.encode(k); encoder.encode(w)
            case .clusterDeploymentFailed(let c, let w): encoder.encodeVariant(index: 2); encoder.encode(c); encoder.encode(w)
            case .instantiating(let x, let c, let d): encoder.encodeVariant(index: 3); encoder.encode(x); encoder.encode(c); encoder.encode(d)
            case .contractPubkeyAvailable(let x, let c, let k): encoder.encodeVariant(index: 4); encoder.encode(x); encoder.encode(c); encoder.encode(k)
            case .instantiated(let x, let c, let d): encoder.encodeVariant(index: 5); encoder.encode(x); encoder.encode(c); encoder.encode(d)
            case .transfered(let c, let a, let v): encoder.encodeVariant(index: 6); encoder.encode(c); encoder.encode(a); encoder.encode(v)
            case .workerAddedToCluster(let w, let c): encoder.encodeVariant(index: 7); encoder.encode(w); encoder.encode(c)
            case .workerRemovedFromCluster(let w, let c): encoder.encodeVariant(index: 8); encoder.encode(w); encoder.encode(c)
            case .resourceUploaded(let c, let t, let h, let s):
                encoder.encodeVariant(index: 9); encoder.encode(c); encoder.encode(t); encoder.encode(h); encoder.encode(s)
            case .clusterCheckpoint(let c, let w, let n, let h):
                encoder.encodeVariant(index: 10); encoder.encode(c); encoder.encode(w); encoder.encode(n); encoder.encode(h)
            }
        }

        public init(from decoder: inout ScaleDecoder) throws {
            switch try decoder.readVariantIndex() {
            case 0: self = .clusterCreated(cluster: try decoder.decode(), systemContract: try decoder.decode())
            case 1: self = .clusterDeployed(cluster: try decoder.decode(), pubkey: try decoder.decode(), worker: try decoder.decode())
            case 2: self = .clusterDeploymentFailed(cluster: try decoder.decode(), worker: try decoder.decode())
            case 3: self = .instantiating(contract: try decoder.decode(), cluster: try decoder.decode(), deployer: try decoder.decode())
            case 4: self = .contractPubkeyAvailable(contract: try decoder.decode(), cluster: try decoder.decode(), pubkey: try decoder.decode())
            case 5: self = .instantiated(contract: try decoder.decode(), cluster: try decoder.decode(), deployer: try decoder.decode())
            case 6: self = .transfered(cluster: try decoder.decode(), account: try decoder.decode(), amount: try decoder.decode())
            case 7: self = .workerAddedToCluster(worker: try decoder.decode(), cluster: try decoder.decode())
            case 8: self = .workerRemovedFromCluster(worker: try decoder.decode(), cluster: try decoder.decode())
            case 9:
                self = .resourceUploaded(cluster: try decoder.decode(), resourceType: try decoder.decode(), hash: try decoder.decode(), size: try decoder.decode())
            case 10:
                self = .clusterCheckpoint(cluster: try decoder.decode(), worker: try decoder.decode(), blockNumber: try decoder.decode(), stateHash: try decoder.decode())
            case let index: throw ScaleError.invalidVariantIndex(type: "PhalaPhatContracts.Event", index: index)
            }
        }
    }

    /// PhalaPhatContracts' errors (stable indices).
    public enum Error: UInt8, PalletError {
        public typealias Owner = PhalaPhatContracts
        /// The cluster does not exist.
        case clusterNotFound = 0
        /// The origin may not deploy to or manage this cluster.
        case clusterPermissionDenied
        /// A contract with this id exists or is being instantiated.
        case duplicatedContract
        /// The contract does not exist (its public key is not on chain yet).
        case contractNotFound
        /// The resource exceeds its size limit (2 MiB for ink! code).
        case codeTooLarge
        /// The code was not uploaded to this cluster.
        case codeNotFound
        /// A worker is not registered.
        case workerNotFound
        /// A worker already belongs to a cluster.
        case workerAlreadyInCluster
        /// The worker is not in this cluster.
        case workerNotInCluster
        /// The payload is not a SCALE `Payload::Plain` or `Payload::Encrypted`.
        case invalidPayload
        /// The message's sender may not send it.
        case invalidSender
        /// The message payload cannot be decoded.
        case invalidMessage
        /// A cluster needs at least one worker.
        case noWorkerSpecified
        /// A checkpoint must be for a later block than the worker's previous one.
        case staleCheckpoint

        public var name: String {
            switch self {
            case .clusterNotFound: "ClusterNotFound"
            case .clusterPermissionDenied: "ClusterPermissionDenied"
            case .duplicatedContract: "DuplicatedContract"
            case .contractNotFound: "ContractNotFound"
            case .codeTooLarge: "CodeTooLarge"
            case .codeNotFound: "CodeNotFound"
            case .workerNotFound: "WorkerNotFound"
            case .workerAlreadyInCluster: "WorkerAlreadyInCluster"
            case .workerNotInCluster: "WorkerNotInCluster"
            case .invalidPayload: "InvalidPayload"
            case .invalidSender: "InvalidSender"
            case .invalidMessage: "InvalidMessage"
            case .noWorkerSpecified: "NoWorkerSpecified"
            case .staleCheckpoint: "StaleCheckpoint"
            }
        }

        public var docs: String {
            switch self {
            case .clusterNotFound: "The cluster does not exist."
            case .clusterPermissionDenied: "The origin may not deploy to or manage this cluster."
            case .duplicatedContract: "A contract with this id exists or is being instantiated."
            case .contractNotFound: "The contract does not exist (its public key is not on chain yet)."
            case .codeTooLarge: "The resource exceeds its size limit (2 MiB for ink! code)."
            case .codeNotFound: "The code was not uploaded to this cluster."
            case .workerNotFound: "A worker is not registered."
            case .workerAlreadyInCluster: "A worker already belongs to a cluster."
            case .workerNotInCluster: "The worker is not in this cluster."
            case .invalidPayload: "The payload is not a SCALE Payload::Plain or Payload::Encrypted."
            case .invalidSender: "The message's sender may not send it."
            case .invalidMessage: "The message payload cannot be decoded."
            case .noWorkerSpecified: "A cluster needs at least one worker."
            case .staleCheckpoint: "A checkpoint must be for a later block than the worker's previous one."
            }
        }
    }
}
