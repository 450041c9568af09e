import PhalanxPrimitives

extension System {
    /// System's calls.
    public enum Call: PalletCall {
        public typealias Owner = System
        /// Makes a remark.
        case remark(remark: [UInt8])
        /// Sets raw storage items (root).
        case setStorage(items: [KeyValue])
        /// Removes raw storage keys (root).
        case killStorage(keys: [[UInt8]])
        /// Removes every key under a prefix (root).
        case killPrefix(prefix: [UInt8], subkeys: UInt32)
        /// Makes a remark and emits `Remarked`.
        case remarkWithEvent(remark: [UInt8])

        public static var variants: [VariantDescription] {
            [
                VariantDescription("remark", index: 0, fields: [FieldDescription("remark", [UInt8].self, typeName: "Vec<u8>")],
                                   docs: ["Make some on-chain remark."]),
                VariantDescription("set_storage", index: 4, fields: [FieldDescription("items", [KeyValue].self, typeName: "Vec<KeyValue>")],
                                   docs: ["Set some items of storage (root only)."]),
                VariantDescription("kill_storage", index: 5, fields: [FieldDescription("keys", [[UInt8]].self, typeName: "Vec<Key>")],
                                   docs: ["Kill some items from storage (root only)."]),
                VariantDescription("kill_prefix", index: 6, fields: [
                    FieldDescription("prefix", [UInt8].self, typeName: "Key"), FieldDescription("subkeys", UInt32.self, typeName: "u32"),
                ], docs: ["Kill all storage items with a key that starts with the given prefix (root only)."]),
                VariantDescription("remark_with_event", index: 7, fields: [FieldDescription("remark", [UInt8].self, typeName: "Vec<u8>")],
                                   docs: ["Make some on-chain remark and emit an event."]),
            ]
        }

        public var info: DispatchInfo {
            switch self {
            case .remark(let remark): DispatchInfo(weight: SystemWeights.remark(bytes: remark.count))
            case .remarkWithEvent(let remark): DispatchInfo(weight: SystemWeights.remarkWithEvent(bytes: remark.count))
            case .setStorage(let items): DispatchInfo(weight: SystemWeights.storageEdit(items: items.count), class: .operational)
            case .killStorage(let keys): DispatchInfo(weight: SystemWeights.storageEdit(items: keys.count), class: .operational)
            case .killPrefix(_, let subkeys): DispatchInfo(weight: SystemWeights.storageEdit(items: Int(subkeys)), class: .operational)
            }
        }

        public func dispatch(origin: Origin, context: inout RuntimeContext) throws {
            switch self {
            case .remark:
                _ = try origin.ensureSigned()
            case .remarkWithEvent(let remark):
                let sender = try origin.ensureSigned()
                context.deposit(Event.remarked(sender: sender, hash: H256(unchecked: blake2_256(remark))))
            case .setStorage(let items):
                try origin.ensureRoot()
                for item in items { context.state.set(item.key, item.value) }
            case .killStorage(let keys):
                try origin.ensureRoot()
                for key in keys { context.state.remove(key) }
            case .killPrefix(let prefix, _):
                try origin.ensureRoot()
                context.state.removePrefix(prefix)
            }
        }

        public func encode(to encoder: inout ScaleEncoder) {
            switch self {
            case .remark(let remark):
                encoder.encodeVariant(index: 0)
                encoder.encode(remark)
            case .setStorage(let items):
                encoder.encodeVariant(index: 4)
                encoder.encode(items)
            case .killStorage(let keys):
                encoder.encodeVariant(index: 5)
                encoder.encode(keys)
            case .killPrefix(let prefix, let subkeys):
                encoder.encodeVariant(index: 6)
                encoder.encode(prefix)
                encoder.encode(subkeys)
            case .remarkWithEvent(let remark):
                encoder.encodeVariant(index: 7)
                encoder.encode(remark)
            }
        }

        public init(from decoder: inout ScaleDecoder) throws {
            switch try decoder.readVariantIndex() {
            case 0: self = .remark(remark: try decoder.decode())
            case 4: self = .setStorage(items: try decoder.decode())
            case 5: self = .killStorage(keys: try decoder.decode())
            case 6: self = .killPrefix(prefix: try decoder.decode(), subkeys: try decoder.decode())
            case 7: self = .remarkWithEvent(remark: try decoder.decode())
            case let index: throw ScaleError.invalidVariantIndex(type: "System.Call", index: index)
            }
        }
    }
}

/// A raw storage key and value (`set_storage`'s item).
public struct KeyValue: Hashable, Sendable, ScaleCodable, TypeInfo {
    /// The key.
    public var key: [UInt8]
    /// The value.
    public var value: [UInt8]

    public func encode(to encoder: inout ScaleEncoder) {
        encoder.encode(key)
        encoder.encode(value)
    }

    public init(from decoder: inout ScaleDecoder) throws {
        key = try decoder.decode()
        value = try decoder.decode()
    }

    public static var typeInfo: TypeDescription {
        .init(.tuple([TypeRef([UInt8].self), TypeRef([UInt8].self)]))
    }
}
