import PhalanxPrimitives

/// Builds metadata V14's `PortableRegistry`: every type reachable from the pallets' declarations,
/// numbered densely in order of first use, each Swift type registered once (recursion-safe).
public struct TypeRegistry {
    private var ids: [TypeRef.TypeIdentity: UInt32] = [:]
    private var entries: [(path: [String], parameters: [(String, UInt32?)], definition: ResolvedDefinition, docs: [String])] = []

    /// An empty registry.
    public init() {}

    /// The number of registered types.
    public var count: Int { entries.count }

    /// Registers `type` (and everything it refers to) and returns its id.
    @discardableResult
    public mutating func register<T: TypeInfo>(_ type: T.Type) -> UInt32 { register(TypeRef(type)) }

    /// Registers a type reference and returns its id.
    public mutating func register(_ ref: TypeRef) -> UInt32 {
        if let id = ids[ref.identity] { return id }
        let id = UInt32(entries.count)
        ids[ref.identity] = id
        // Reserve the slot first so recursive references resolve to this id.
        entries.append(([], [], .tuple([]), []))
        let description = ref.describe()
        let parameters = description.parameters.map { ($0.name, $0.type.map { register($0) }) }
        let definition = resolve(description.definition)
        entries[Int(id)] = (description.path, parameters, definition, description.docs)
        return id
    }

    private mutating func resolve(_ definition: TypeDescription.Definition) -> ResolvedDefinition {
        switch definition {
        case .composite(let fields): return .composite(fields.map { resolve($0) })
        case .variant(let variants):
            return .variant(variants.map { ResolvedVariant(name: $0.name, fields: $0.fields.map { resolve($0) }, index: $0.index, docs: $0.docs) })
        case .sequence(let element): return .sequence(register(element))
        case .array(let length, let element): return .array(length, register(element))
        case .tuple(let elements): return .tuple(elements.map { register($0) })
        case .primitive(let kind): return .primitive(kind)
        case .compact(let inner): return .compact(register(inner))
        }
    }

    private mutating func resolve(_ field: FieldDescription) -> ResolvedField {
        ResolvedField(name: field.name, type: register(field.type), typeName: field.typeName, docs: field.docs)
    }

    /// SCALE encoding of the registry: `Vec<PortableType>`.
    public func encode(to encoder: inout ScaleEncoder) {
        encoder.encodeLength(entries.count)
        for (id, entry) in entries.enumerated() {
            encoder.encodeCompact(UInt32(id))
            encoder.encode(entry.path)
            encoder.encodeLength(entry.parameters.count)
            for (name, type) in entry.parameters {
                encoder.encode(name)
                encoder.encode(type.map(Compact.init))
            }
            entry.definition.encode(to: &encoder)
            encoder.encode(entry.docs)
        }
    }
}

struct ResolvedField: ScaleEncodable {
    var name: String?
    var type: UInt32
    var typeName: String?
    var docs: [String]

    func encode(to encoder: inout ScaleEncoder) {
        encoder.encode(name)
        encoder.encodeCompact(type)
        encoder.encode(typeName)
        encoder.encode(docs)
    }
}

struct ResolvedVariant: ScaleEncodable {
    var name: String
    var fields: [ResolvedField]
    var index: UInt8
    var docs: [String]

    func encode(to encoder: inout ScaleEncoder) {
        encoder.encode(name)
        encoder.encode(fields)
        encoder.encode(index)
        encoder.encode(docs)
    }
}

enum ResolvedDefinition: ScaleEncodable {
    case composite([ResolvedField])
    case variant([ResolvedVariant])
    case sequence(UInt32)
    case array(UInt32, UInt32)
    case tuple([UInt32])
    case primitive(PrimitiveKind)
    case compact(UInt32)

    func encode(to encoder: inout ScaleEncoder) {
        switch self {
        case .composite(let fields):
            encoder.encodeVariant(index: 0)
            encoder.encode(fields)
        case .variant(let variants):
            encoder.encodeVariant(index: 1)
            encoder.encode(variants)
        case .sequence(let element):
            encoder.encodeVariant(index: 2)
            encoder.encodeCompact(element)
        case .array(let length, let element):
            encoder.encodeVariant(index: 3)
            encoder.encode(length)
            encoder.encodeCompact(element)
        case .tuple(let elements):
            encoder.encodeVariant(index: 4)
            encoder.encode(elements.map(Compact.init))
        case .primitive(let kind):
            encoder.encodeVariant(index: 5)
            encoder.encode(kind.rawValue)
        case .compact(let inner):
            encoder.encodeVariant(index: 6)
            encoder.encodeCompact(inner)
        }
    }
}
