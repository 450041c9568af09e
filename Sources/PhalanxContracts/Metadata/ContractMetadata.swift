import PhalanxPrimitives

/// Why metadata could not be read.
public struct MetadataError: Error, Hashable, Sendable, CustomStringConvertible {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { "invalid contract metadata: \(reason)" }
}

/// A field of a composite type or enum variant (scale-info).
public struct TypeField: Hashable, Sendable {
    public var name: String?
    public var type: UInt32
    public var typeName: String?
}

/// An enum variant (scale-info).
public struct TypeVariant: Hashable, Sendable {
    public var name: String
    public var index: UInt8
    public var fields: [TypeField]
}

/// A scale-info type definition (`PortableRegistry` entry).
public indirect enum TypeDefinition: Hashable, Sendable {
    case primitive(String)
    case composite([TypeField])
    case variant([TypeVariant])
    case sequence(UInt32)
    case array(length: Int, type: UInt32)
    case tuple([UInt32])
    case compact(UInt32)
    case bitSequence
}

/// A registry entry: path (e.g. `["ink_primitives", "types", "AccountId"]`) and definition.
public struct TypeInfo: Hashable, Sendable {
    public var path: [String]
    public var definition: TypeDefinition
}

/// An argument of a constructor or message.
public struct ArgumentSpec: Hashable, Sendable {
    public var label: String
    public var type: UInt32
}

/// A constructor or message.
public struct MessageSpec: Hashable, Sendable {
    public var label: String
    public var selector: [UInt8]
    public var arguments: [ArgumentSpec]
    /// The return type (`Result<T, LangError>` for ink! ≥ 4), if declared.
    public var returnType: UInt32?
    public var payable: Bool
    public var mutates: Bool
}

/// An event argument.
public struct EventArgumentSpec: Hashable, Sendable {
    public var label: String
    public var type: UInt32
    public var indexed: Bool
}

/// An event.
public struct EventSpec: Hashable, Sendable {
    public var label: String
    public var arguments: [EventArgumentSpec]
    /// ink! 5 signature topic (topic[0]); nil for ink! 4 or anonymous events.
    public var signatureTopic: [UInt8]?
}

/// ink! 4 (`"version": "4"`) and ink! 5 (`"version": 5`) contract metadata, from a `.contract` bundle or `.json` file.
public struct ContractMetadata: Sendable {
    /// 4 or 5.
    public var version: Int
    public var contractName: String?
    /// `source.hash` (= blake2_256 of the code).
    public var codeHash: H256?
    /// `source.wasm` of a `.contract` bundle.
    public var wasm: [UInt8]?
    public var constructors: [MessageSpec]
    public var messages: [MessageSpec]
    public var events: [EventSpec]
    public var types: [UInt32: TypeInfo]

    /// Parses metadata JSON text.
    public init(json text: String) throws {
        try self.init(json: try JSONValue.parse(text))
    }

    public init(json: JSONValue) throws(MetadataError) {
        switch json["version"] {
        case .string("4"): version = 4
        case .number("5"): version = 5
        case .some(let other):
            throw MetadataError("unsupported metadata version \(other) (ink! 4 and 5 are supported)")
        case nil:
            throw MetadataError("no \"version\": ink! 3 and older metadata is not supported")
        }
        contractName = json["contract"]?["name"]?.stringValue
        if let hash = json["source"]?["hash"]?.stringValue {
            guard let parsed = H256(hex: hash) else { throw MetadataError("source.hash is not a 32-byte hex string") }
            codeHash = parsed
        }
        if let wasmHex = json["source"]?["wasm"]?.stringValue {
            guard let bytes = [UInt8](hex: wasmHex.hasPrefix("0x") ? String(wasmHex.dropFirst(2)) : wasmHex) else {
                throw MetadataError("source.wasm is not hex")
            }
            wasm = bytes
        }
        guard let spec = json["spec"] else { throw MetadataError("missing spec") }
        constructors = try (spec["constructors"]?.arrayValue ?? []).map { value throws(MetadataError) in
            try Self.message(value)
        }
        messages = try (spec["messages"]?.arrayValue ?? []).map { value throws(MetadataError) in
            try Self.message(value)
        }
        events = try (spec["events"]?.arrayValue ?? []).map { value throws(MetadataError) in try Self.event(value) }
        var types: [UInt32: TypeInfo] = [:]
        for entry in json["types"]?.arrayValue ?? [] {
            guard let id = Self.index(entry["id"]), let type = entry["type"], let definition = type["def"] else {
                throw MetadataError("malformed type entry")
            }
            let path = (type["path"]?.arrayValue ?? []).compactMap(\.stringValue)
            types[id] = TypeInfo(path: path, definition: try Self.definition(definition))
        }
        self.types = types
    }

    /// The constructor with this label.
    public func constructor(_ label: String) -> MessageSpec? { constructors.first { $0.label == label } }
    /// The message with this label.
    public func message(_ label: String) -> MessageSpec? { messages.first { $0.label == label } }
    /// The message with this selector.
    public func message(selector: [UInt8]) -> MessageSpec? { messages.first { $0.selector == selector } }

    private static func hexBytes(_ value: JSONValue?, _ what: String) throws(MetadataError) -> [UInt8] {
        guard let text = value?.stringValue, text.hasPrefix("0x"), let bytes = [UInt8](hex: String(text.dropFirst(2)))
        else { throw MetadataError("\(what) is not 0x-hex") }
        return bytes
    }

    /// A type id or length: a JSON integer in 0…UInt32.max.
    private static func index(_ value: JSONValue?) -> UInt32? {
        guard let number = value?.intValue, number >= 0, number <= Int(UInt32.max) else { return nil }
        return UInt32(number)
    }

    private static func typeId(_ value: JSONValue?) -> UInt32? { index(value?["type"]) }

    private static func message(_ json: JSONValue) throws(MetadataError) -> MessageSpec {
        guard let label = json["label"]?.stringValue else { throw MetadataError("message without label") }
        let selector = try hexBytes(json["selector"], "selector of \(label)")
        guard selector.count == 4 else { throw MetadataError("selector of \(label) is not 4 bytes") }
        var arguments: [ArgumentSpec] = []
        for argument in json["args"]?.arrayValue ?? [] {
            guard let name = argument["label"]?.stringValue, let type = typeId(argument["type"]) else {
                throw MetadataError("malformed argument of \(label)")
            }
            arguments.append(ArgumentSpec(label: name, type: type))
        }
        return MessageSpec(
            label: label, selector: selector, arguments: arguments, returnType: typeId(json["returnType"]),
            payable: json["payable"]?.boolValue ?? false, mutates: json["mutates"]?.boolValue ?? false)
    }

    private static func event(_ json: JSONValue) throws(MetadataError) -> EventSpec {
        guard let label = json["label"]?.stringValue else { throw MetadataError("event without label") }
        var arguments: [EventArgumentSpec] = []
        for argument in json["args"]?.arrayValue ?? [] {
            guard let name = argument["label"]?.stringValue, let type = typeId(argument["type"]) else {
                throw MetadataError("malformed argument of event \(label)")
            }
            arguments.append(
                EventArgumentSpec(label: name, type: type, indexed: argument["indexed"]?.boolValue ?? false))
        }
        var topic: [UInt8]?
        if let value = json["signature_topic"], value != .null { topic = try hexBytes(value, "signature_topic") }
        return EventSpec(label: label, arguments: arguments, signatureTopic: topic)
    }

    private static func fields(_ json: JSONValue?) throws(MetadataError) -> [TypeField] {
        var fields: [TypeField] = []
        for field in json?.arrayValue ?? [] {
            guard let type = index(field["type"]) else { throw MetadataError("field without type") }
            fields.append(
                TypeField(name: field["name"]?.stringValue, type: type, typeName: field["typeName"]?.stringValue))
        }
        return fields
    }

    private static func definition(_ json: JSONValue) throws(MetadataError) -> TypeDefinition {
        if let primitive = json["primitive"]?.stringValue { return .primitive(primitive) }
        if let composite = json["composite"] { return .composite(try fields(composite["fields"])) }
        if let variant = json["variant"] {
            var variants: [TypeVariant] = []
            for entry in variant["variants"]?.arrayValue ?? [] {
                guard let name = entry["name"]?.stringValue, let index = entry["index"]?.intValue,
                    (0...255).contains(index)
                else { throw MetadataError("malformed variant") }
                variants.append(TypeVariant(name: name, index: UInt8(index), fields: try fields(entry["fields"])))
            }
            return .variant(variants)
        }
        if let sequence = index(json["sequence"]?["type"]) { return .sequence(sequence) }
        if let array = json["array"], let length = index(array["len"]), length <= 1 << 20,
            let type = index(array["type"])
        {
            return .array(length: Int(length), type: type)
        }
        if let tuple = json["tuple"]?.arrayValue {
            let elements = tuple.compactMap { index($0) }
            guard elements.count == tuple.count else { throw MetadataError("malformed tuple") }
            return .tuple(elements)
        }
        if let compact = index(json["compact"]?["type"]) { return .compact(compact) }
        if json["bitSequence"] != nil { return .bitSequence }
        throw MetadataError("unknown type definition \(json)")
    }
}
