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
    /// The metadata bytes, built once.
    public let metadata: [UInt8]

    /// Runtime APIs over `executive`.
    public init(executive: Executive) {
        self.executive = executive
        self.metadata = MetadataBuilder.build(executive.runtime)
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
                return [UInt32(MetadataBuilder.version)].scaleEncoded
            case "Metadata_metadata_at_version":
                let requested = try UInt32.decode(scale: input)
                return (requested == UInt32(MetadataBuilder.version) ? metadata : nil).scaleEncoded
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
