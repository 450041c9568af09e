import PhalanxPrimitives

/// The signed-extension data carried in a signed extrinsic: era, nonce and tip, in the standard
/// order (CheckMortality, CheckNonce, ChargeTransactionPayment; the others carry no data).
public struct SignedExtra: Hashable, Sendable, ScaleCodable {
    /// Validity window.
    public var era: Era
    /// The sender's nonce.
    public var nonce: UInt32
    /// Extra fee offered for priority.
    public var tip: UInt128

    /// Extension data.
    public init(era: Era = .immortal, nonce: UInt32, tip: UInt128 = 0) {
        self.era = era
        self.nonce = nonce
        self.tip = tip
    }

    public func encode(to encoder: inout ScaleEncoder) {
        encoder.encode(era)
        encoder.encodeCompact(nonce)
        encoder.encodeCompact(tip)
    }

    public init(from decoder: inout ScaleDecoder) throws {
        era = try decoder.decode()
        nonce = try decoder.decodeCompact(UInt32.self)
        tip = try decoder.decodeCompact(UInt128.self)
    }
}

/// The signature part of a signed extrinsic.
public struct ExtrinsicSignature: Hashable, Sendable {
    /// The sender.
    public var address: MultiAddress
    /// The signature over the signing payload.
    public var signature: MultiSignature
    /// Era, nonce, tip.
    public var extra: SignedExtra

    /// A signature part.
    public init(address: MultiAddress, signature: MultiSignature, extra: SignedExtra) {
        self.address = address
        self.signature = signature
        self.extra = extra
    }
}

/// An extrinsic as it travels (`UncheckedExtrinsic`, format v4): compact length, version byte
/// (0x84 signed, 0x04 unsigned), optional signature, then the call.
public struct UncheckedExtrinsic: Sendable {
    /// Extrinsic format version.
    public static let version: UInt8 = 4
    /// Upper bound on an encoded extrinsic (5 MiB, as Substrate's default block length).
    public static let maxEncodedLength = 5 * 1024 * 1024

    /// The signature, or `nil` for an unsigned extrinsic (inherent).
    public var signature: ExtrinsicSignature?
    /// The call.
    public var call: RuntimeCall
    /// The full encoding (length prefix included) it was decoded from or encodes to.
    public let encoded: [UInt8]

    /// The extrinsic hash clients compute: blake2_256 of the full encoding.
    public var hash: H256 { H256(unchecked: blake2_256(encoded)) }

    /// An unsigned extrinsic (inherent) for `call`.
    public init(unsigned call: RuntimeCall) {
        self.signature = nil
        self.call = call
        var body = ScaleEncoder()
        body.append(Self.version)
        body.encode(call)
        self.encoded = Self.lengthPrefixed(body.bytes)
    }

    /// A signed extrinsic for `call`.
    public init(call: RuntimeCall, signature: ExtrinsicSignature) {
        self.signature = signature
        self.call = call
        var body = ScaleEncoder()
        body.append(0x80 | Self.version)
        body.encode(signature.address)
        body.encode(signature.signature)
        body.encode(signature.extra)
        body.encode(call)
        self.encoded = Self.lengthPrefixed(body.bytes)
    }

    /// Signs `call` as `signer` with the payload rules of `SigningPayload`.
    public init(call: RuntimeCall, signer: KeyPair, extra: SignedExtra, context: SigningContext) {
        let payload = SigningPayload(call: call, extra: extra, context: context)
        let signature = MultiSignature(scheme: signer.scheme, bytes: signer.sign(payload.bytesToSign))
        self.init(
            call: call,
            signature: ExtrinsicSignature(address: .id(signer.accountId), signature: signature, extra: extra))
    }

    /// Decodes a length-prefixed extrinsic strictly (no trailing bytes, known version, bounded size).
    public init(encoded bytes: [UInt8], runtime: RuntimeDefinition) throws {
        guard bytes.count <= Self.maxEncodedLength + 5 else {
            throw ScaleError.lengthLimitExceeded(length: bytes.count, limit: Self.maxEncodedLength)
        }
        var decoder = ScaleDecoder(bytes)
        let length = try decoder.decodeCompact(UInt32.self)
        guard Int(length) == decoder.remaining else {
            throw ScaleError.invalidValue(type: "Extrinsic", reason: "the length prefix says \(length) bytes but \(decoder.remaining) follow")
        }
        let versionByte = try decoder.readByte()
        guard versionByte & 0x7f == Self.version else {
            throw ScaleError.invalidValue(type: "Extrinsic", reason: "unsupported extrinsic version \(versionByte & 0x7f)")
        }
        if versionByte & 0x80 != 0 {
            let address = try decoder.decode(MultiAddress.self)
            let signature = try decoder.decode(MultiSignature.self)
            let extra = try decoder.decode(SignedExtra.self)
            self.signature = ExtrinsicSignature(address: address, signature: signature, extra: extra)
        } else {
            self.signature = nil
        }
        self.call = try RuntimeCall(from: &decoder, runtime: runtime)
        try decoder.finish()
        self.encoded = bytes
    }

    private static func lengthPrefixed(_ body: [UInt8]) -> [UInt8] {
        var encoder = ScaleEncoder(reservingCapacity: body.count + 5)
        encoder.encodeCompact(UInt32(body.count))
        encoder.append(body)
        return encoder.bytes
    }
}

/// What every signature commits to besides the call (the signed extensions' "additional signed" data).
public struct SigningContext: Hashable, Sendable {
    /// `CheckSpecVersion`.
    public var specVersion: UInt32
    /// `CheckTxVersion`.
    public var transactionVersion: UInt32
    /// `CheckGenesis`.
    public var genesisHash: H256
    /// `CheckMortality`: the birth block's hash (the genesis hash for immortal transactions).
    public var eraBlockHash: H256

    /// A signing context.
    public init(specVersion: UInt32, transactionVersion: UInt32, genesisHash: H256, eraBlockHash: H256) {
        self.specVersion = specVersion
        self.transactionVersion = transactionVersion
        self.genesisHash = genesisHash
        self.eraBlockHash = eraBlockHash
    }
}

/// The bytes a sender signs: call ‖ extra ‖ spec ‖ tx version ‖ genesis ‖ era block hash,
/// blake2_256-hashed first when longer than 256 bytes (Substrate's rule).
public struct SigningPayload: Sendable {
    /// The unhashed payload.
    public let raw: [UInt8]

    /// Builds the payload.
    public init(call: RuntimeCall, extra: SignedExtra, context: SigningContext) {
        var encoder = ScaleEncoder()
        encoder.encode(call)
        encoder.encode(extra)
        encoder.encode(context.specVersion)
        encoder.encode(context.transactionVersion)
        encoder.encode(context.genesisHash)
        encoder.encode(context.eraBlockHash)
        raw = encoder.bytes
    }

    /// What is actually signed.
    public var bytesToSign: [UInt8] { raw.count > 256 ? blake2_256(raw) : raw }
}
