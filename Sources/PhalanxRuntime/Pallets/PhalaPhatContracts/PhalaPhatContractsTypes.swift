import PhalanxPrimitives

/// Who may deploy to a cluster (`ClusterPermission`).
public enum ClusterPermission: Hashable, Sendable, ScaleCodable, TypeInfo {
    /// Anyone.
    case `public`
    /// Only this account.
    case onlyOwner(AccountId32)

    /// Whether `who` may upload code to and instantiate contracts in the cluster.
    public func allows(_ who: AccountId32) -> Bool {
        switch self {
        case .public: true
        case .onlyOwner(let owner): owner == who
        }
    }

    public func encode(to encoder: inout ScaleEncoder) {
        switch self {
        case .public: encoder.encodeVariant(index: 0)
        case .onlyOwner(let owner): encoder.encodeVariant(index: 1); encoder.encode(owner)
        }
    }

    public init(from decoder: inout ScaleDecoder) throws {
        switch try decoder.readVariantIndex() {
        case 0: self = .public
        case 1: self = .onlyOwner(try decoder.decode())
        case let index: throw ScaleError.invalidVariantIndex(type: "ClusterPermission", index: index)
        }
    }

    public static var typeInfo: TypeDescription {
        .init(path: ["phala_types", "contract", "ClusterPermission"], parameters: [("AccountId", TypeRef(AccountId32.self))], .variant([
            VariantDescription("Public", index: 0),
            VariantDescription("OnlyOwner", index: 1, fields: [FieldDescription(nil, AccountId32.self, typeName: "AccountId")]),
        ]))
    }
}

/// A cluster (`ClusterInfo`).
public struct ClusterInfo: Hashable, Sendable, ScaleCodable, TypeInfo {
    /// The owner (may add and remove workers).
    public var owner: AccountId32
    /// Who may deploy.
    public var permission: ClusterPermission
    /// The cluster's system contract id.
    public var systemContract: H256
    /// Gas price inside the cluster.
    public var gasPrice: UInt128
    /// Storage deposit per item.
    public var depositPerItem: UInt128
    /// Storage deposit per byte.
    public var depositPerByte: UInt128

    public func encode(to encoder: inout ScaleEncoder) {
        encoder.encode(owner)
        encoder.encode(permission)
        encoder.encode(systemContract)
        encoder.encode(gasPrice)
        encoder.encode(depositPerItem)
        encoder.encode(depositPerByte)
    }

    /// A cluster record.
    public init(
        owner: AccountId32, permission: ClusterPermission, systemContract: H256, gasPrice: UInt128, depositPerItem: UInt128,
        depositPerByte: UInt128
    ) {
        self.owner = owner
        self.permission = permission
        self.systemContract = systemContract
        self.gasPrice = gasPrice
        self.depositPerItem = depositPerItem
        self.depositPerByte = depositPerByte
    }

    public init(from decoder: inout ScaleDecoder) throws {
        owner = try decoder.decode()
        permission = try decoder.decode()
        systemContract = try decoder.decode()
        gasPrice = try decoder.decode()
        depositPerItem = try decoder.decode()
        depositPerByte = try decoder.decode()
    }

    public static var typeInfo: TypeDescription {
        .init(path: ["phala_types", "contract", "ClusterInfo"], parameters: [("AccountId", TypeRef(AccountId32.self))], .composite([
            FieldDescription("owner", AccountId32.self, typeName: "AccountId"),
            FieldDescription("permission", ClusterPermission.self, typeName: "ClusterPermission<AccountId>"),
            FieldDescription("system_contract", H256.self, typeName: "ContractId"),
            FieldDescription("gas_price", UInt128.self, typeName: "Balance"),
            FieldDescription("deposit_per_item", UInt128.self, typeName: "Balance"),
            FieldDescription("deposit_per_byte", UInt128.self, typeName: "Balance"),
        ]))
    }
}

/// A contract's deployer and cluster (`BasicContractInfo`).
public struct BasicContractInfo: Hashable, Sendable, ScaleCodable, TypeInfo {
    /// Who instantiated it.
    public var deployer: AccountId32
    /// Its cluster.
    public var cluster: H256

    /// Contract info.
    public init(deployer: AccountId32, cluster: H256) {
        self.deployer = deployer
        self.cluster = cluster
    }

    public func encode(to encoder: inout ScaleEncoder) {
        encoder.encode(deployer)
        encoder.encode(cluster)
    }

    public init(from decoder: inout ScaleDecoder) throws {
        deployer = try decoder.decode()
        cluster = try decoder.decode()
    }

    public static var typeInfo: TypeDescription {
        .init(path: ["phala_pallets", "phat", "BasicContractInfo"], .composite([
            FieldDescription("deployer", AccountId32.self, typeName: "AccountId"),
            FieldDescription("cluster", H256.self, typeName: "ContractClusterId"),
        ]))
    }
}

/// The kind of a cluster resource (`ResourceType`).
public enum ResourceType: UInt8, Hashable, Sendable, ScaleCodable, TypeInfo {
    /// ink! (Wasm) contract code, ≤ 2 MiB.
    case inkCode = 0
    /// SideVM program, ≤ 8 MiB.
    case sidevmCode = 1
    /// ink! code allowed only in queries (indeterministic), ≤ 2 MiB.
    case indeterministicInkCode = 2

    /// The size limit for this kind.
    public var sizeLimit: Int {
        self == .sidevmCode ? PhalaPhatContracts.sidevmCodeSizeLimit : PhalaPhatContracts.inkCodeSizeLimit
    }

    public func encode(to encoder: inout ScaleEncoder) { encoder.encodeVariant(index: rawValue) }

    public init(from decoder: inout ScaleDecoder) throws {
        let index = try decoder.readVariantIndex()
        guard let value = Self(rawValue: index) else { throw ScaleError.invalidVariantIndex(type: "ResourceType", index: index) }
        self = value
    }

    public static var typeInfo: TypeDescription {
        .init(path: ["phala_types", "contract", "messaging", "ResourceType"], .variant([
            VariantDescription("InkCode", index: 0), VariantDescription("SidevmCode", index: 1),
            VariantDescription("IndeterministicInkCode", index: 2),
        ]))
    }
}

/// Which code to instantiate (`CodeIndex`).
public enum CodeIndex: Hashable, Sendable, ScaleCodable, TypeInfo {
    /// Uploaded Wasm code by hash.
    case wasmCode(H256)

    /// The code hash.
    public var hash: H256 {
        switch self { case .wasmCode(let hash): hash }
    }

    public func encode(to encoder: inout ScaleEncoder) {
        encoder.encodeVariant(index: 0)
        encoder.encode(hash)
    }

    public init(from decoder: inout ScaleDecoder) throws {
        let index = try decoder.readVariantIndex()
        guard index == 0 else { throw ScaleError.invalidVariantIndex(type: "CodeIndex", index: index) }
        self = .wasmCode(try decoder.decode())
    }

    public static var typeInfo: TypeDescription {
        .init(path: ["phala_types", "contract", "CodeIndex"], parameters: [("CodeHash", TypeRef(H256.self))], .variant([
            VariantDescription("WasmCode", index: 0, fields: [FieldDescription(nil, H256.self, typeName: "CodeHash")])
        ]))
    }
}

/// A contract command's payload (`Payload<InkCommand>`), validated on chain and stored only as given:
/// for `Encrypted` that is ciphertext, which the chain cannot read.
public enum ContractCommandPayload: Hashable, Sendable, ScaleCodable {
    /// A plaintext `InkCommand::InkMessage`.
    case plain(nonce: [UInt8], message: [UInt8], transfer: UInt128, gasLimit: UInt64, storageDepositLimit: UInt128?)
    /// `EncryptedData{iv, pubkey, data}`: AES-GCM ciphertext for the contract's ECDH key.
    case encrypted(iv: [UInt8], pubkey: [UInt8], data: [UInt8])

    public func encode(to encoder: inout ScaleEncoder) {
        switch self {
        case .plain(let nonce, let message, let transfer, let gasLimit, let limit):
            encoder.encodeVariant(index: 0)
            encoder.encodeVariant(index: 0)  // InkCommand::InkMessage
            encoder.encode(nonce)
            encoder.encode(message)
            encoder.encode(transfer)
            encoder.encode(gasLimit)
            encoder.encode(limit)
        case .encrypted(let iv, let pubkey, let data):
            encoder.encodeVariant(index: 1)
            encoder.append(iv)
            encoder.append(pubkey)
            encoder.encode(data)
        }
    }

    public init(from decoder: inout ScaleDecoder) throws {
        switch try decoder.readVariantIndex() {
        case 0:
            let command = try decoder.readVariantIndex()
            guard command == 0 else { throw ScaleError.invalidVariantIndex(type: "InkCommand", index: command) }
            self = .plain(
                nonce: try decoder.decodeBoundedBytes(max: 32), message: try decoder.decodeBoundedBytes(max: PhalaMq.maxPayloadLength),
                transfer: try decoder.decode(), gasLimit: try decoder.decode(), storageDepositLimit: try decoder.decode())
        case 1:
            self = .encrypted(
                iv: try decoder.readBytes(12), pubkey: try decoder.readBytes(32),
                data: try decoder.decodeBoundedBytes(max: PhalaMq.maxPayloadLength))
        case let index: throw ScaleError.invalidVariantIndex(type: "Payload", index: index)
        }
    }
}

/// A worker's signed statement of its cluster state after a block (Phalanx): workers executing the
/// same ordered commands report the same hash, so divergence is visible on chain.
public struct ClusterCheckpoint: Hashable, Sendable, ScaleCodable, TypeInfo {
    /// The cluster.
    public var cluster: H256
    /// The last block the worker processed.
    public var blockNumber: UInt32
    /// Hash of the cluster state after that block.
    public var stateHash: H256

    /// A checkpoint.
    public init(cluster: H256, blockNumber: UInt32, stateHash: H256) {
        self.cluster = cluster
        self.blockNumber = blockNumber
        self.stateHash = stateHash
    }

    public func encode(to encoder: inout ScaleEncoder) {
        encoder.encode(cluster)
        encoder.encode(blockNumber)
        encoder.encode(stateHash)
    }

    public init(from decoder: inout ScaleDecoder) throws {
        cluster = try decoder.decode()
        blockNumber = try decoder.decode()
        stateHash = try decoder.decode()
    }

    public static var typeInfo: TypeDescription {
        .init(path: ["phalanx_pallets", "phat", "ClusterCheckpoint"], .composite([
            FieldDescription("cluster", H256.self, typeName: "ContractClusterId"),
            FieldDescription("block_number", UInt32.self, typeName: "BlockNumber"),
            FieldDescription("state_hash", H256.self, typeName: "H256"),
        ]))
    }
}
