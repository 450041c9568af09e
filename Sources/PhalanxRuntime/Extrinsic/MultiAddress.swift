import PhalanxPrimitives

/// A transaction's sender or a call's target (`sp_runtime::multiaddress::MultiAddress`).
/// Phalanx accounts are AccountId32, so only `id` resolves; other forms fail lookup.
public enum MultiAddress: Hashable, Sendable, ScaleCodable, TypeInfo {
    /// An AccountId32.
    case id(AccountId32)
    /// An account index (not supported by Phalanx).
    case index(UInt32)
    /// Raw bytes.
    case raw([UInt8])
    /// A 32-byte address.
    case address32([UInt8])
    /// A 20-byte (Ethereum-style) address.
    case address20([UInt8])

    /// The account this address names, or `DispatchError.cannotLookup`.
    public func lookup() throws -> AccountId32 {
        switch self {
        case .id(let account): return account
        case .address32(let bytes): if let account = AccountId32(bytes: bytes) { return account }
        default: break
        }
        throw DispatchError.cannotLookup
    }

    public func encode(to encoder: inout ScaleEncoder) {
        switch self {
        case .id(let account):
            encoder.encodeVariant(index: 0)
            encoder.encode(account)
        case .index(let index):
            encoder.encodeVariant(index: 1)
            encoder.encodeCompact(index)
        case .raw(let bytes):
            encoder.encodeVariant(index: 2)
            encoder.encode(bytes)
        case .address32(let bytes):
            encoder.encodeVariant(index: 3)
            encoder.append(bytes)
        case .address20(let bytes):
            encoder.encodeVariant(index: 4)
            encoder.append(bytes)
        }
    }

    public init(from decoder: inout ScaleDecoder) throws {
        switch try decoder.readVariantIndex() {
        case 0: self = .id(try decoder.decode())
        case 1: self = .index(try decoder.decodeCompact(UInt32.self))
        case 2: self = .raw(try decoder.decode())
        case 3: self = .address32(try decoder.readBytes(32))
        case 4: self = .address20(try decoder.readBytes(20))
        case let index: throw ScaleError.invalidVariantIndex(type: "MultiAddress", index: index)
        }
    }

    public static var typeInfo: TypeDescription {
        .init(
            path: ["sp_runtime", "multiaddress", "MultiAddress"],
            parameters: [("AccountId", TypeRef(AccountId32.self)), ("AccountIndex", TypeRef(ScaleUnit.self))],
            .variant([
                VariantDescription("Id", index: 0, fields: [FieldDescription(nil, AccountId32.self, typeName: "AccountId")]),
                VariantDescription("Index", index: 1, fields: [FieldDescription(nil, Compact<UInt32>.self, typeName: "AccountIndex")]),
                VariantDescription("Raw", index: 2, fields: [FieldDescription(nil, [UInt8].self, typeName: "Vec<u8>")]),
                VariantDescription("Address32", index: 3, fields: [FieldDescription(nil, Bytes32.self, typeName: "[u8; 32]")]),
                VariantDescription("Address20", index: 4, fields: [FieldDescription(nil, Bytes20.self, typeName: "[u8; 20]")]),
            ]))
    }
}

/// Marker for the `[u8; 20]` array type in metadata.
public enum Bytes20: TypeInfo {
    public static var typeInfo: TypeDescription { .init(.array(length: 20, TypeRef(UInt8.self))) }
}

/// A signature of any supported scheme (`sp_runtime::MultiSignature`): Ed25519 = 0, Sr25519 = 1, Ecdsa = 2.
public struct MultiSignature: Hashable, Sendable, ScaleCodable, TypeInfo {
    /// The scheme.
    public let scheme: CryptoScheme
    /// 64 bytes (ed25519, sr25519) or 65 (ECDSA).
    public let bytes: [UInt8]

    /// Wraps a signature of `scheme`.
    public init(scheme: CryptoScheme, bytes: [UInt8]) {
        self.scheme = scheme
        self.bytes = bytes
    }

    /// Verifies over `message` for the account `signer` (ECDSA: recovered key hashed to the account).
    public func verify(message: [UInt8], signer: AccountId32) -> Bool {
        switch scheme {
        case .ed25519: return Ed25519.verify(signature: bytes, message: message, publicKey: signer.bytes)
        case .sr25519: return Sr25519.verify(signature: bytes, message: message, publicKey: signer.bytes)
        case .ecdsa:
            guard let recovered = Ecdsa.recover(signature: bytes, digest: blake2_256(message)) else { return false }
            return blake2_256(recovered) == signer.bytes
        }
    }

    public func encode(to encoder: inout ScaleEncoder) {
        encoder.encodeVariant(index: scheme.rawValue)
        encoder.append(bytes)
    }

    public init(from decoder: inout ScaleDecoder) throws {
        let index = try decoder.readVariantIndex()
        guard let scheme = CryptoScheme(rawValue: index) else {
            throw ScaleError.invalidVariantIndex(type: "MultiSignature", index: index)
        }
        self.scheme = scheme
        self.bytes = try decoder.readBytes(scheme == .ecdsa ? 65 : 64)
    }

    public static var typeInfo: TypeDescription {
        .init(
            path: ["sp_runtime", "MultiSignature"],
            .variant([
                VariantDescription("Ed25519", index: 0, fields: [FieldDescription(nil, Bytes64.self, typeName: "ed25519::Signature")]),
                VariantDescription("Sr25519", index: 1, fields: [FieldDescription(nil, Bytes64.self, typeName: "sr25519::Signature")]),
                VariantDescription("Ecdsa", index: 2, fields: [FieldDescription(nil, Bytes65.self, typeName: "ecdsa::Signature")]),
            ]))
    }
}
