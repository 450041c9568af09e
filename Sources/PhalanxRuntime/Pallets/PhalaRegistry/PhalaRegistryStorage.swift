import PhalanxPrimitives

extension PhalaRegistry {
    /// Registered workers by identity key.
    public static let workers = StorageMap<Sr25519Public, WorkerInfoV2>(
        pallet: name, item: "Workers", hasher: .twox64Concat, docs: ["Registered workers, by identity public key."])
    /// The block at which each worker was first registered.
    public static let workerAddedAt = StorageMap<Sr25519Public, UInt32>(
        pallet: name, item: "WorkerAddedAt", hasher: .twox64Concat, docs: ["The block at which a worker was first registered."])
    /// The gatekeepers, in registration order.
    public static let gatekeeper = StorageValue<[Sr25519Public]>(
        pallet: name, item: "Gatekeeper", default: [], docs: ["The registered gatekeepers, in registration order."])
    /// The gatekeepers' master public key, once published.
    public static let gatekeeperMasterPubkey = StorageValue<Sr25519Public>(
        pallet: name, item: "GatekeeperMasterPubkey", docs: ["The current master public key, published by the first gatekeeper."])
    /// When the master public key was first published.
    public static let gatekeeperLaunchedAt = StorageValue<BlockAndTime>(
        pallet: name, item: "GatekeeperLaunchedAt", docs: ["The block and time (seconds) at which the gatekeeper launched."])
    /// The number of master key rotations requested.
    public static let rotationCounter = StorageValue<UInt64>(
        pallet: name, item: "RotationCounter", default: 0, docs: ["The number of master key rotations requested so far."])
    /// The rotation in progress, if any.
    public static let masterKeyRotationLock = StorageValue<UInt64>(
        pallet: name, item: "MasterKeyRotationLock", docs: ["The id of the master key rotation in progress, if any."])
    /// Contract public keys (ECDH), by contract id.
    public static let contractKeys = StorageMap<H256, Sr25519Public>(
        pallet: name, item: "ContractKeys", hasher: .twox64Concat, docs: ["Contract public keys, by contract id."])
    /// Cluster public keys, by cluster id.
    public static let clusterKeys = StorageMap<H256, Sr25519Public>(
        pallet: name, item: "ClusterKeys", hasher: .twox64Concat, docs: ["Cluster public keys, by cluster id."])
    /// Allowed pRuntime measurements (68-byte entries).
    public static let pruntimeAllowList = StorageValue<[[UInt8]]>(
        pallet: name, item: "PRuntimeAllowList", default: [],
        docs: ["Allowed pRuntime measurements: mr_enclave(32) ‖ isv_prod_id(2) ‖ isv_svn(2) ‖ mr_signer(32)."])
    /// When each allowed measurement was added.
    public static let pruntimeAddedAt = StorageMap<[UInt8], UInt32>(
        pallet: name, item: "PRuntimeAddedAt", hasher: .twox64Concat, docs: ["The block at which an allowed measurement was added."])
    /// Worker endpoints.
    public static let endpoints = StorageMap<Sr25519Public, [String]>(
        pallet: name, item: "Endpoints", hasher: .twox64Concat, docs: ["Endpoints published by workers."])
    /// The attestation policy applied by `register_worker_v2`.
    public static let attestationPolicy = StorageValue<RegistryAttestationPolicy>(
        pallet: name, item: "AttestationPolicy", default: .standard(allowDev: false),
        docs: ["The attestation policy register_worker_v2 applies (Phalanx); dev attestation only if genesis allowed it."])
}
