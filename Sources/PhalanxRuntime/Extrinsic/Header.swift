import PhalanxPrimitives

/// A header digest item (`sp_runtime::generic::DigestItem`).
public enum DigestItem: Hashable, Sendable, ScaleCodable, TypeInfo {
    /// Consensus data before the runtime runs (e.g. the authoring slot).
    case preRuntime(engine: [UInt8], data: [UInt8])
    /// A consensus message.
    case consensus(engine: [UInt8], data: [UInt8])
    /// The block author's seal; always last, excluded from the pre-seal hash.
    case seal(engine: [UInt8], data: [UInt8])
    /// Anything else.
    case other([UInt8])
    /// The runtime code or heap pages changed.
    case runtimeEnvironmentUpdated

    public func encode(to encoder: inout ScaleEncoder) {
        switch self {
        case .other(let data):
            encoder.encodeVariant(index: 0)
            encoder.encode(data)
        case .consensus(let engine, let data):
            encoder.encodeVariant(index: 4)
            encoder.append(engine)
            encoder.encode(data)
        case .seal(let engine, let data):
            encoder.encodeVariant(index: 5)
            encoder.append(engine)
            encoder.encode(data)
        case .preRuntime(let engine, let data):
            encoder.encodeVariant(index: 6)
            encoder.append(engine)
            encoder.encode(data)
        case .runtimeEnvironmentUpdated: encoder.encodeVariant(index: 8)
        }
    }

    public init(from decoder: inout ScaleDecoder) throws {
        switch try decoder.readVariantIndex() {
        case 0: self = .other(try decoder.decode())
        case 4: self = .consensus(engine: try decoder.readBytes(4), data: try decoder.decode())
        case 5: self = .seal(engine: try decoder.readBytes(4), data: try decoder.decode())
        case 6: self = .preRuntime(engine: try decoder.readBytes(4), data: try decoder.decode())
        case 8: self = .runtimeEnvironmentUpdated
        case let index: throw ScaleError.invalidVariantIndex(type: "DigestItem", index: index)
        }
    }

    public static var typeInfo: TypeDescription {
        let engineAndData = [FieldDescription(nil, Bytes4.self, typeName: "ConsensusEngineId"), FieldDescription(nil, [UInt8].self, typeName: "Vec<u8>")]
        return .init(
            path: ["sp_runtime", "generic", "digest", "DigestItem"],
            .variant([
                VariantDescription("PreRuntime", index: 6, fields: engineAndData),
                VariantDescription("Consensus", index: 4, fields: engineAndData),
                VariantDescription("Seal", index: 5, fields: engineAndData),
                VariantDescription("Other", index: 0, fields: [FieldDescription(nil, [UInt8].self, typeName: "Vec<u8>")]),
                VariantDescription("RuntimeEnvironmentUpdated", index: 8),
            ]))
    }
}

/// A header's digest: its log items (`sp_runtime::generic::Digest`).
public struct Digest: Hashable, Sendable, ScaleCodable, TypeInfo {
    /// The items, in order.
    public var logs: [DigestItem]

    /// A digest of `logs`.
    public init(logs: [DigestItem] = []) { self.logs = logs }

    public func encode(to encoder: inout ScaleEncoder) { encoder.encode(logs) }
    public init(from decoder: inout ScaleDecoder) throws { logs = try decoder.decode() }

    public static var typeInfo: TypeDescription {
        .init(path: ["sp_runtime", "generic", "digest", "Digest"], .composite([FieldDescription("logs", [DigestItem].self, typeName: "Vec<DigestItem>")]))
    }
}

/// A block header; its hash is blake2_256 of its SCALE encoding (seal included).
public struct Header: Hashable, Sendable, ScaleCodable {
    /// The parent block's hash.
    public var parentHash: H256
    /// The block number.
    public var number: UInt32
    /// The state trie root after the block.
    public var stateRoot: H256
    /// The ordered trie root of the block's extrinsics.
    public var extrinsicsRoot: H256
    /// Consensus logs.
    public var digest: Digest

    /// A header.
    public init(parentHash: H256, number: UInt32, stateRoot: H256, extrinsicsRoot: H256, digest: Digest) {
        self.parentHash = parentHash
        self.number = number
        self.stateRoot = stateRoot
        self.extrinsicsRoot = extrinsicsRoot
        self.digest = digest
    }

    /// The block hash.
    public var hash: H256 { H256(unchecked: blake2_256(scaleEncoded)) }

    public func encode(to encoder: inout ScaleEncoder) {
        encoder.encode(parentHash)
        encoder.encodeCompact(number)
        encoder.encode(stateRoot)
        encoder.encode(extrinsicsRoot)
        encoder.encode(digest)
    }

    public init(from decoder: inout ScaleDecoder) throws {
        parentHash = try decoder.decode()
        number = try decoder.decodeCompact(UInt32.self)
        stateRoot = try decoder.decode()
        extrinsicsRoot = try decoder.decode()
        digest = try decoder.decode()
    }
}

/// A block: header and the encoded extrinsics (each length-prefixed).
public struct Block: Hashable, Sendable, ScaleCodable {
    /// The header.
    public var header: Header
    /// The extrinsics, each in its full length-prefixed encoding.
    public var extrinsics: [[UInt8]]

    /// A block.
    public init(header: Header, extrinsics: [[UInt8]]) {
        self.header = header
        self.extrinsics = extrinsics
    }

    public func encode(to encoder: inout ScaleEncoder) {
        encoder.encode(header)
        Self.encodeBody(extrinsics, to: &encoder)
    }

    public init(from decoder: inout ScaleDecoder) throws {
        header = try decoder.decode()
        extrinsics = try Self.decodeBody(from: &decoder)
    }

    /// Encodes a block body: the count, then each extrinsic's own length-prefixed encoding.
    public static func encodeBody(_ extrinsics: [[UInt8]], to encoder: inout ScaleEncoder) {
        encoder.encodeLength(extrinsics.count)
        for extrinsic in extrinsics { encoder.append(extrinsic) }
    }

    /// Decodes a block body into the extrinsics' full (length-prefixed) encodings.
    public static func decodeBody(from decoder: inout ScaleDecoder) throws -> [[UInt8]] {
        let count = try decoder.decodeLength(minimumElementSize: 2)
        var extrinsics = [[UInt8]]()
        for _ in 0..<count {
            let start = decoder.position
            let length = try decoder.decodeCompact(UInt32.self)
            _ = try decoder.readBytes(Int(length))
            extrinsics.append(Array(decoder.input[start..<decoder.position]))
        }
        return extrinsics
    }
}

extension H256: TypeInfo {
    public static var typeInfo: TypeDescription {
        .init(path: ["primitive_types", "H256"], .composite([FieldDescription(nil, Bytes32.self, typeName: "[u8; 32]")]))
    }
}
