import PhalanxPrimitives

extension System {
    /// System's events.
    public enum Event: PalletEvent {
        public typealias Owner = System
        /// An extrinsic completed successfully.
        case extrinsicSuccess(dispatchInfo: DispatchInfo)
        /// An extrinsic failed.
        case extrinsicFailed(dispatchError: DispatchError, dispatchInfo: DispatchInfo)
        /// `:code` was updated.
        case codeUpdated
        /// A new account was created.
        case newAccount(account: AccountId32)
        /// An account was reaped.
        case killedAccount(account: AccountId32)
        /// On-chain remark happened.
        case remarked(sender: AccountId32, hash: H256)

        public static var variants: [VariantDescription] {
            [
                VariantDescription("ExtrinsicSuccess", index: 0, fields: [FieldDescription("dispatch_info", DispatchInfo.self, typeName: "DispatchInfo")],
                                   docs: ["An extrinsic completed successfully."]),
                VariantDescription("ExtrinsicFailed", index: 1, fields: [
                    FieldDescription("dispatch_error", DispatchError.self, typeName: "DispatchError"),
                    FieldDescription("dispatch_info", DispatchInfo.self, typeName: "DispatchInfo"),
                ], docs: ["An extrinsic failed."]),
                VariantDescription("CodeUpdated", index: 2, docs: ["`:code` was updated."]),
                VariantDescription("NewAccount", index: 3, fields: [FieldDescription("account", AccountId32.self, typeName: "T::AccountId")],
                                   docs: ["A new account was created."]),
                VariantDescription("KilledAccount", index: 4, fields: [FieldDescription("account", AccountId32.self, typeName: "T::AccountId")],
                                   docs: ["An account was reaped."]),
                VariantDescription("Remarked", index: 5, fields: [
                    FieldDescription("sender", AccountId32.self, typeName: "T::AccountId"), FieldDescription("hash", H256.self, typeName: "T::Hash"),
                ], docs: ["On on-chain remark happened."]),
            ]
        }

        public func encode(to encoder: inout ScaleEncoder) {
            switch self {
            case .extrinsicSuccess(let info):
                encoder.encodeVariant(index: 0)
                encoder.encode(info)
            case .extrinsicFailed(let error, let info):
                encoder.encodeVariant(index: 1)
                encoder.encode(error)
                encoder.encode(info)
            case .codeUpdated: encoder.encodeVariant(index: 2)
            case .newAccount(let account):
                encoder.encodeVariant(index: 3)
                encoder.encode(account)
            case .killedAccount(let account):
                encoder.encodeVariant(index: 4)
                encoder.encode(account)
            case .remarked(let sender, let hash):
                encoder.encodeVariant(index: 5)
                encoder.encode(sender)
                encoder.encode(hash)
            }
        }

        public init(from decoder: inout ScaleDecoder) throws {
            switch try decoder.readVariantIndex() {
            case 0: self = .extrinsicSuccess(dispatchInfo: try decoder.decode())
            case 1: self = .extrinsicFailed(dispatchError: try decoder.decode(), dispatchInfo: try decoder.decode())
            case 2: self = .codeUpdated
            case 3: self = .newAccount(account: try decoder.decode())
            case 4: self = .killedAccount(account: try decoder.decode())
            case 5: self = .remarked(sender: try decoder.decode(), hash: try decoder.decode())
            case let index: throw ScaleError.invalidVariantIndex(type: "System.Event", index: index)
            }
        }
    }
}
