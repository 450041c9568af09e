import PhalanxPrimitives

/// The runtime APIs clients reach through `state_call` (`<Api>_<method>`, SCALE in, SCALE out).
public struct RuntimeAPI: Sendable {
    /// The APIs advertised in `RuntimeVersion.apis`, with their versions.
    public static let supported: [(name: String, version: UInt32)] = [
        ("Core", 4), ("Metadata", 2), ("BlockBuilder", 6), ("TaggedTransactionQueue", 3),
        ("AccountNonceApi", 1), ("TransactionPaymentApi", 4),
    ]

    /// Errors from a runtime API call.
    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        /// No such method.
        case unknownMethod(String)
        /// The input could not be decoded.
        case badInput(String)

        public var description: String {
            switch self {
            case .unknownMethod(let method): "Exported method \(method) is not found"
            case .badInput(let reason): "The call's input could not be decoded: \(reason)"
            }
        }
    }

    /// The executive whose runtime answers.
    public let executive: Executive
    /// The V14 metadata bytes (what `state_getMetadata` returns), built once.
    public let metadata: [UInt8]
    /// The V15 metadata bytes (with runtime API descriptions), built once.
    public let metadataV15: [UInt8]

    /// Runtime APIs over `executive`.
    public init(executive: Executive) {
        self.executive = executive
        self.metadata = MetadataBuilder.build(executive.runtime, version: 14)
        self.metadataV15 = MetadataBuilder.build(executive.runtime, version: 15)
    }

    /// The runtime version, SCALE-encoded as `sp_version::RuntimeVersion`.
    public static func encode(_ version: RuntimeVersion) -> [UInt8] {
        var encoder = ScaleEncoder()
        encoder.encode(version.specName)
        encoder.encode(version.implName)
        encoder.encodeAll(version.authoringVersion, version.specVersion, version.implVersion)
        encoder.encodeLength(version.apis.count)
        for api in version.apis {
            encoder.append(api.id)
            encoder.encode(api.version)
        }
        encoder.encode(version.transactionVersion)
        encoder.encode(version.stateVersion)
        return encoder.bytes
    }

    /// Runs `method` with SCALE `input` against `state` (a block's post-state).
    public func call(_ method: String, input: [UInt8], state: any StateReader) throws -> [UInt8] {
        let overlay = StateOverlay(base: state)
        do {
            switch method {
            case "Core_version":
                return Self.encode(executive.runtime.version)
            case "Metadata_metadata":
                var encoder = ScaleEncoder()
                encoder.encode(metadata)
                return encoder.bytes
            case "Metadata_metadata_versions":
                return MetadataBuilder.versions.scaleEncoded
            case "Metadata_metadata_at_version":
                switch try UInt32.decode(scale: input) {
                case 14: return Optional(metadata).scaleEncoded
                case 15: return Optional(metadataV15).scaleEncoded
                default: return Optional<[UInt8]>.none.scaleEncoded
                }
            case "AccountNonceApi_account_nonce":
                let who = try AccountId32.decode(scale: input)
                return System.accountInfo(who, in: overlay).nonce.scaleEncoded
            case "TransactionPaymentApi_query_info", "TransactionPaymentApi_query_fee_details":
                guard input.count >= 4 else { throw Failure.badInput("expected an extrinsic and its u32 length") }
                let extrinsic = try UncheckedExtrinsic(encoded: Array(input.dropLast(4)), runtime: executive.runtime)
                let length = try UInt32.decode(scale: Array(input.suffix(4)))
                let info = extrinsic.call.call.info
                let details = TransactionPayment.feeDetails(length: Int(length), info: info, tip: 0)
                var encoder = ScaleEncoder()
                if method == "TransactionPaymentApi_query_info" {
                    encoder.encode(info.weight + TransactionPayment.extrinsicBaseWeight)
                    encoder.encode(info.dispatchClass)
                    encoder.encode(details.inclusionFee)
                } else {
                    encoder.encode(UInt8(1))
                    encoder.encodeAll(details.baseFee, details.lengthFee, details.adjustedWeightFee)
                    encoder.encode(extrinsic.signature?.extra.tip ?? 0)
                }
                return encoder.bytes
            default:
                throw Failure.unknownMethod(method)
            }
        } catch let error as ScaleError {
            throw Failure.badInput(error.description)
        }
    }
}

// MARK: - Descriptions for metadata V15

/// A runtime API as metadata V15 describes it.
public struct RuntimeAPIDescription: Sendable {
    /// A method: name, named inputs, output type, docs.
    public struct Method: Sendable {
        /// Method name, e.g. `account_nonce`.
        public var name: String
        /// Named inputs.
        public var inputs: [(name: String, type: TypeRef)]
        /// The output type.
        public var output: TypeRef
        /// Documentation lines.
        public var docs: [String]
    }

    /// API name, e.g. `AccountNonceApi`.
    public var name: String
    /// Its methods.
    public var methods: [Method]
    /// Documentation lines.
    public var docs: [String]
}

extension RuntimeAPI {
    /// The APIs `call` implements, described for metadata V15 (clients encode inputs and decode
    /// outputs with these types).
    public static var descriptions: [RuntimeAPIDescription] {
        let extrinsic = MetadataBuilder.uncheckedExtrinsicType
        return [
            RuntimeAPIDescription(name: "Core", methods: [
                .init(name: "version", inputs: [], output: TypeRef(RuntimeVersionInfo.self), docs: ["Returns the version of the runtime."]),
            ], docs: ["The `Core` runtime api that every Substrate runtime needs to implement."]),
            RuntimeAPIDescription(name: "Metadata", methods: [
                .init(name: "metadata", inputs: [], output: TypeRef([UInt8].self), docs: ["Returns the metadata of a runtime."]),
                .init(name: "metadata_at_version", inputs: [("version", TypeRef(UInt32.self))], output: TypeRef([UInt8]?.self),
                      docs: ["Returns the metadata at a given version."]),
                .init(name: "metadata_versions", inputs: [], output: TypeRef([UInt32].self),
                      docs: ["Returns the supported metadata versions."]),
            ], docs: ["The `Metadata` api trait that returns metadata for the runtime."]),
            RuntimeAPIDescription(name: "AccountNonceApi", methods: [
                .init(name: "account_nonce", inputs: [("account", TypeRef(AccountId32.self))], output: TypeRef(UInt32.self),
                      docs: ["Get current account nonce of given `AccountId`."]),
            ], docs: ["The API to query account nonce."]),
            RuntimeAPIDescription(name: "TransactionPaymentApi", methods: [
                .init(name: "query_info", inputs: [("uxt", extrinsic), ("len", TypeRef(UInt32.self))],
                      output: TypeRef(RuntimeDispatchInfo.self), docs: []),
                .init(name: "query_fee_details", inputs: [("uxt", extrinsic), ("len", TypeRef(UInt32.self))],
                      output: TypeRef(FeeDetailsInfo.self), docs: []),
            ], docs: []),
        ]
    }
}

/// `sp_version::RuntimeVersion`, described for metadata (the value is encoded by `RuntimeAPI.encode`).
enum RuntimeVersionInfo: TypeInfo {
    static var typeInfo: TypeDescription {
        .init(path: ["sp_version", "RuntimeVersion"], .composite([
            FieldDescription("spec_name", String.self, typeName: "RuntimeString"),
            FieldDescription("impl_name", String.self, typeName: "RuntimeString"),
            FieldDescription("authoring_version", UInt32.self, typeName: "u32"),
            FieldDescription("spec_version", UInt32.self, typeName: "u32"),
            FieldDescription("impl_version", UInt32.self, typeName: "u32"),
            FieldDescription("apis", [ApiEntry].self, typeName: "ApisVec"),
            FieldDescription("transaction_version", UInt32.self, typeName: "u32"),
            FieldDescription("state_version", UInt8.self, typeName: "u8"),
        ]))
    }

    enum ApiEntry: TypeInfo {
        static var typeInfo: TypeDescription { .init(.tuple([TypeRef(Bytes8.self), TypeRef(UInt32.self)])) }
    }
}

/// `pallet_transaction_payment::RuntimeDispatchInfo`, described for metadata.
enum RuntimeDispatchInfo: TypeInfo {
    static var typeInfo: TypeDescription {
        .init(path: ["pallet_transaction_payment", "types", "RuntimeDispatchInfo"], .composite([
            FieldDescription("weight", Weight.self, typeName: "Weight"),
            FieldDescription("class", DispatchClass.self, typeName: "DispatchClass"),
            FieldDescription("partial_fee", UInt128.self, typeName: "Balance"),
        ]))
    }
}

/// `pallet_transaction_payment::FeeDetails`, described for metadata.
enum FeeDetailsInfo: TypeInfo {
    static var typeInfo: TypeDescription {
        .init(path: ["pallet_transaction_payment", "types", "FeeDetails"], .composite([
            FieldDescription("inclusion_fee", InclusionFee?.self, typeName: "Option<InclusionFee<Balance>>"),
            FieldDescription("tip", UInt128.self, typeName: "Balance"),
        ]))
    }

    enum InclusionFee: TypeInfo {
        static var typeInfo: TypeDescription {
            .init(path: ["pallet_transaction_payment", "types", "InclusionFee"], .composite([
                FieldDescription("base_fee", UInt128.self, typeName: "Balance"),
                FieldDescription("len_fee", UInt128.self, typeName: "Balance"),
                FieldDescription("adjusted_weight_fee", UInt128.self, typeName: "Balance"),
            ]))
        }
    }
}
