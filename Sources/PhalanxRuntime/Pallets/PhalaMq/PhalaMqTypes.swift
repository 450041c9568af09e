import PhalanxPrimitives

/// A 32-byte sr25519 public key (`sp_core::sr25519::Public`): worker identity and ECDH keys,
/// the gatekeeper master key, cluster and contract keys.
public struct Sr25519Public: Hashable, Comparable, Sendable, ScaleCodable, TypeInfo, CustomStringConvertible {
    /// The 32 bytes.
    public let bytes: [UInt8]

    /// Wraps exactly 32 bytes; `nil` otherwise.
    public init?(bytes: [UInt8]) {
        guard bytes.count == 32 else { return nil }
        self.bytes = bytes
    }

    /// Wraps bytes known to be 32 long.
    public init(unchecked bytes: [UInt8]) {
        precondition(bytes.count == 32, "an sr25519 public key has 32 bytes")
        self.bytes = bytes
    }

    /// `0x`-prefixed lowercase hex.
    public var description: String { bytes.prefixedHex }

    public static func < (lhs: Sr25519Public, rhs: Sr25519Public) -> Bool { lhs.bytes.lexicographicallyPrecedes(rhs.bytes) }

    public func encode(to encoder: inout ScaleEncoder) { encoder.append(bytes) }
    public init(from decoder: inout ScaleDecoder) throws { bytes = try decoder.readBytes(32) }
    public static var scaleMinimumEncodedSize: Int { 32 }

    public static var typeInfo: TypeDescription {
        .init(path: ["sp_core", "sr25519", "Public"], .composite([FieldDescription(nil, Bytes32.self, typeName: "[u8; 32]")]))
    }
}

/// Who sent a message (`phala_mq::MessageOrigin`), with Phala's SCALE indices.
public enum MessageOrigin: Hashable, Sendable, ScaleCodable, TypeInfo {
    /// A pallet, by name (e.g. `PhalaRegistry`).
    case pallet([UInt8])
    /// A contract, by id.
    case contract(H256)
    /// A worker, by identity key.
    case worker(Sr25519Public)
    /// An account (signed extrinsic), as a 32-byte hash.
    case accountId(H256)
    /// An XCM location (unused on a solo chain).
    case multiLocation([UInt8])
    /// The gatekeepers' shared channel, signed with the master key.
    case gatekeeper
    /// A cluster, by id, signed with the cluster key.
    case cluster(H256)
    /// Reserved: the domain-separation prefix of non-MQ signed content (0xff).
    case reserved

    /// Whether the origin is an off-chain (TEE) sender whose messages come through `sync_offchain_message`.
    public var isOffchain: Bool {
        switch self {
        case .contract, .worker, .gatekeeper, .cluster: true
        default: false
        }
    }

    public func encode(to encoder: inout ScaleEncoder) {
        switch self {
        case .pallet(let name): encoder.encodeVariant(index: 0); encoder.encode(name)
        case .contract(let id): encoder.encodeVariant(index: 1); encoder.encode(id)
        case .worker(let key): encoder.encodeVariant(index: 2); encoder.encode(key)
        case .accountId(let id): encoder.encodeVariant(index: 3); encoder.encode(id)
        case .multiLocation(let raw): encoder.encodeVariant(index: 4); encoder.encode(raw)
        case .gatekeeper: encoder.encodeVariant(index: 5)
        case .cluster(let id): encoder.encodeVariant(index: 6); encoder.encode(id)
        case .reserved: encoder.encodeVariant(index: 255)
        }
    }

    public init(from decoder: inout ScaleDecoder) throws {
        switch try decoder.readVariantIndex() {
        case 0: self = .pallet(try decoder.decodeBoundedBytes(max: PhalaMq.maxOriginNameLength))
        case 1: self = .contract(try decoder.decode())
        case 2: self = .worker(try decoder.decode())
        case 3: self = .accountId(try decoder.decode())
        case 4: self = .multiLocation(try decoder.decodeBoundedBytes(max: PhalaMq.maxOriginNameLength))
        case 5: self = .gatekeeper
        case 6: self = .cluster(try decoder.decode())
        case 255: self = .reserved
        case let index: throw ScaleError.invalidVariantIndex(type: "MessageOrigin", index: index)
        }
    }

    public static var typeInfo: TypeDescription {
        .init(
            path: ["phala_mq", "types", "MessageOrigin"],
            .variant([
                VariantDescription("Pallet", index: 0, fields: [FieldDescription(nil, [UInt8].self, typeName: "Vec<u8>")]),
                VariantDescription("Contract", index: 1, fields: [FieldDescription(nil, H256.self, typeName: "H256")]),
                VariantDescription("Worker", index: 2, fields: [FieldDescription(nil, Sr25519Public.self, typeName: "sr25519::Public")]),
                VariantDescription("AccountId", index: 3, fields: [FieldDescription(nil, H256.self, typeName: "H256")]),
                VariantDescription("MultiLocation", index: 4, fields: [FieldDescription(nil, [UInt8].self, typeName: "Vec<u8>")]),
                VariantDescription("Gatekeeper", index: 5),
                VariantDescription("Cluster", index: 6, fields: [FieldDescription(nil, H256.self, typeName: "H256")]),
                VariantDescription("Reserved", index: 255),
            ]))
    }
}

/// A message on the queue (`phala_mq::Message`): sender, destination topic and SCALE payload.
public struct MqMessage: Hashable, Sendable, ScaleCodable, TypeInfo {
    /// The sender.
    public var sender: MessageOrigin
    /// The destination topic (a path such as `phala/system/event`; a leading `^` means on-chain only).
    public var destination: [UInt8]
    /// The SCALE-encoded payload (ciphertext for encrypted contract commands).
    public var payload: [UInt8]

    /// A message from `sender` to `destination`.
    public init(sender: MessageOrigin, destination: [UInt8], payload: [UInt8]) {
        self.sender = sender
        self.destination = destination
        self.payload = payload
    }

    public func encode(to encoder: inout ScaleEncoder) {
        encoder.encode(sender)
        encoder.encode(destination)
        encoder.encode(payload)
    }

    public init(from decoder: inout ScaleDecoder) throws {
        sender = try decoder.decode()
        destination = try decoder.decodeBoundedBytes(max: PhalaMq.maxTopicLength)
        payload = try decoder.decodeBoundedBytes(max: PhalaMq.maxPayloadLength)
    }

    public static var typeInfo: TypeDescription {
        .init(
            path: ["phala_mq", "types", "Message"],
            .composite([
                FieldDescription("sender", MessageOrigin.self, typeName: "MessageOrigin"),
                FieldDescription("destination", [UInt8].self, typeName: "Topic"),
                FieldDescription("payload", [UInt8].self, typeName: "Vec<u8>"),
            ]))
    }
}

/// A message signed by its off-chain sender (`phala_mq::SignedMessage`).
public struct SignedMessage: Hashable, Sendable, ScaleCodable, TypeInfo {
    /// The message.
    public var message: MqMessage
    /// The sender's sequence number (0, 1, 2, … per sender).
    public var sequence: UInt64
    /// sr25519 signature (64 bytes) over `SCALE(message) ‖ SCALE(sequence)`, not domain-wrapped (as Phala).
    public var signature: [UInt8]

    /// A signed message.
    public init(message: MqMessage, sequence: UInt64, signature: [UInt8]) {
        self.message = message
        self.sequence = sequence
        self.signature = signature
    }

    /// The bytes the sender signs.
    public var signedBytes: [UInt8] { message.scaleEncoded + sequence.scaleEncoded }

    public func encode(to encoder: inout ScaleEncoder) {
        encoder.encode(message)
        encoder.encode(sequence)
        encoder.encode(signature)
    }

    public init(from decoder: inout ScaleDecoder) throws {
        message = try decoder.decode()
        sequence = try decoder.decode()
        signature = try decoder.decodeBoundedBytes(max: 64)
    }

    public static var typeInfo: TypeDescription {
        .init(
            path: ["phala_mq", "types", "SignedMessage"],
            .composite([
                FieldDescription("message", MqMessage.self, typeName: "Message"),
                FieldDescription("sequence", UInt64.self, typeName: "u64"),
                FieldDescription("signature", [UInt8].self, typeName: "Vec<u8>"),
            ]))
    }
}

extension ScaleDecoder {
    /// Reads a `Vec<u8>` of at most `max` bytes (bounded decoding of untrusted input).
    public mutating func decodeBoundedBytes(max: Int) throws -> [UInt8] {
        let length = try decodeLength(minimumElementSize: 1)
        guard length <= max else { throw ScaleError.lengthLimitExceeded(length: length, limit: max) }
        return try readBytes(length)
    }
}

/// Topics of Phala's message catalogue used by the chain-side pallets (`../reference/phala.md` §e).
public enum PhalaTopic {
    /// Worker lifecycle events for workers (`SystemEvent`).
    public static let systemEvent = Array("phala/system/event".utf8)
    /// Worker → computation pallet: heartbeats (`WorkingReportEvent`).
    public static let miningReport = Array("phala/mining/report".utf8)
    /// Worker → registry (`RegistryEvent`), on-chain only.
    public static let registryEvent = Array("^phala/registry/event".utf8)
    /// Gatekeeper → registry (`GatekeeperRegistryEvent`), on-chain only.
    public static let registryGatekeeperEvent = Array("^phala/registry/gk_event".utf8)
    /// Gatekeeper launch and master-key rotation (`GatekeeperLaunch`).
    public static let gatekeeperLaunch = Array("phala/gatekeeper/launch".utf8)
    /// Gatekeeper set changes (`GatekeeperChange`).
    public static let gatekeeperChange = Array("phala/gatekeeper/change".utf8)
    /// Cluster deployment requests for the gatekeeper (`ClusterEvent`).
    public static let clusterEvent = Array("phala/cluster/event".utf8)
    /// Cluster operations for cluster workers (`ClusterOperation`).
    public static let clusterKey = Array("phala/cluster/key".utf8)
    /// Gatekeeper → gatekeeper: master key history for a new gatekeeper (`KeyDistribution`).
    public static let gatekeeperKey = Array("phala/gatekeeper/key".utf8)
    /// Worker → chain reports about cluster deployment (`WorkerClusterReport`).
    public static let clusterWorkerReport = Array("phala/cluster/worker/report".utf8)
    /// Contract instantiation requests (`ContractOperation`).
    public static let contractOperation = Array("phala/contract/op".utf8)
    /// Gatekeeper → registry: cluster public keys (`ClusterRegistryEvent`), on-chain only.
    public static let registryCluster = Array("^phala/registry/cluster".utf8)
    /// Cluster → registry: contract public keys (`ContractRegistryEvent`), on-chain only.
    public static let registryContract = Array("^phala/registry/contract".utf8)

    /// Worker → chain: signed cluster state checkpoints (Phalanx), on-chain only.
    public static let clusterCheckpoint = Array("^phalanx/cluster/checkpoint".utf8)

    /// The command topic of a contract: `phala/contract/<lowercase hex id>/command`.
    public static func contractCommand(_ contract: H256) -> [UInt8] {
        Array("phala/contract/\(contract.bytes.hex)/command".utf8)
    }

    /// The contract a command topic addresses (inverse of ``contractCommand(_:)``); `nil` for other topics.
    public static func commandContract(_ topic: [UInt8]) -> H256? {
        let prefix = Array("phala/contract/".utf8), suffix = Array("/command".utf8)
        guard topic.count == prefix.count + 64 + suffix.count, topic.starts(with: prefix), topic.suffix(suffix.count).elementsEqual(suffix),
            let bytes = [UInt8](hex: String(decoding: topic[prefix.count..<(prefix.count + 64)], as: UTF8.self))
        else { return nil }
        return H256(unchecked: bytes)
    }

    /// Whether a topic is valid: non-empty and not starting with a reserved punctuation character.
    public static func isValid(_ topic: [UInt8]) -> Bool {
        guard let first = topic.first else { return false }
        return !Array("~!@#$%&*_+-=|<>?,./;:'".utf8).contains(first)
    }

    /// Whether a topic is on-chain only (leading `^`): not forwarded to workers.
    public static func isOnChainOnly(_ topic: [UInt8]) -> Bool { topic.first == UInt8(ascii: "^") }
}
