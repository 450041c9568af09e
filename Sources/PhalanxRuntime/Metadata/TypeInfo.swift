import PhalanxPrimitives

/// A type that can describe itself for metadata V14's portable type registry (scale-info's `TypeInfo`).
public protocol TypeInfo: SendableMetatype {
    /// The type's shape, referring to other types by their Swift metatype.
    static var typeInfo: TypeDescription { get }
}

/// A reference to another type inside a description, resolved to a registry id when metadata is built.
public struct TypeRef: Sendable {
    /// Identity for de-duplication: the Swift type, plus a key for computed types sharing a marker.
    let identity: TypeIdentity
    let describe: @Sendable () -> TypeDescription

    struct TypeIdentity: Hashable, Sendable {
        let type: ObjectIdentifier
        let key: String
    }

    /// Refers to `type`.
    public init<T: TypeInfo>(_ type: T.Type) {
        identity = TypeIdentity(type: ObjectIdentifier(type), key: "")
        describe = { T.typeInfo }
    }

    /// Refers to a type whose description is computed (e.g. from the runtime's pallet list);
    /// `marker` gives it a stable identity.
    init(marker: Any.Type, key: String = "", describe: @escaping @Sendable () -> TypeDescription) {
        identity = TypeIdentity(type: ObjectIdentifier(marker), key: key)
        self.describe = describe
    }
}

/// A named (or unnamed) field of a composite type or enum variant.
public struct FieldDescription: Sendable {
    /// The field name; `nil` for tuple-like fields.
    public var name: String?
    /// The field's type.
    public var type: TypeRef
    /// The Rust type name shown to clients (e.g. `T::Balance`, `AccountIdLookupOf<T>`).
    public var typeName: String?
    /// Documentation lines.
    public var docs: [String]

    /// Describes a field.
    public init<T: TypeInfo>(_ name: String?, _ type: T.Type, typeName: String? = nil, docs: [String] = []) {
        self.name = name
        self.type = TypeRef(type)
        self.typeName = typeName
        self.docs = docs
    }
}

/// One variant of an enum type.
public struct VariantDescription: Sendable {
    /// Variant name as clients see it (e.g. `transfer_keep_alive`, `Transfer`).
    public var name: String
    /// The SCALE index byte.
    public var index: UInt8
    /// The variant's fields.
    public var fields: [FieldDescription]
    /// Documentation lines.
    public var docs: [String]

    /// Describes a variant.
    public init(_ name: String, index: UInt8, fields: [FieldDescription] = [], docs: [String] = []) {
        self.name = name
        self.index = index
        self.fields = fields
        self.docs = docs
    }
}

/// Primitive kinds of metadata V14 (`TypeDefPrimitive`), with their wire indices.
public enum PrimitiveKind: UInt8, Sendable {
    case bool = 0, char, str, u8, u16, u32, u64, u128, u256, i8, i16, i32, i64, i128, i256
}

/// The shape of a type (`TypeDef`), plus its path, generic parameters and docs.
public struct TypeDescription: Sendable {
    /// The shapes metadata V14 knows.
    public indirect enum Definition: Sendable {
        /// A struct.
        case composite([FieldDescription])
        /// An enum.
        case variant([VariantDescription])
        /// `Vec<T>`.
        case sequence(TypeRef)
        /// `[T; N]`.
        case array(length: UInt32, TypeRef)
        /// `(A, B, …)`; the empty tuple is `()`.
        case tuple([TypeRef])
        /// A primitive.
        case primitive(PrimitiveKind)
        /// `Compact<T>`.
        case compact(TypeRef)
    }

    /// The Rust path that clients bind special decoders to (e.g. `sp_core::crypto::AccountId32`).
    public var path: [String]
    /// Generic parameters: name and (optionally) type.
    public var parameters: [(name: String, type: TypeRef?)]
    /// The shape.
    public var definition: Definition
    /// Documentation lines.
    public var docs: [String]

    /// Describes a type.
    public init(
        path: [String] = [], parameters: [(name: String, type: TypeRef?)] = [], _ definition: Definition,
        docs: [String] = []
    ) {
        self.path = path
        self.parameters = parameters
        self.definition = definition
        self.docs = docs
    }
}

// MARK: - Standard conformances

extension Bool: TypeInfo { public static var typeInfo: TypeDescription { .init(.primitive(.bool)) } }
extension UInt8: TypeInfo { public static var typeInfo: TypeDescription { .init(.primitive(.u8)) } }
extension UInt16: TypeInfo { public static var typeInfo: TypeDescription { .init(.primitive(.u16)) } }
extension UInt32: TypeInfo { public static var typeInfo: TypeDescription { .init(.primitive(.u32)) } }
extension UInt64: TypeInfo { public static var typeInfo: TypeDescription { .init(.primitive(.u64)) } }
extension UInt128: TypeInfo { public static var typeInfo: TypeDescription { .init(.primitive(.u128)) } }
extension Int8: TypeInfo { public static var typeInfo: TypeDescription { .init(.primitive(.i8)) } }
extension Int16: TypeInfo { public static var typeInfo: TypeDescription { .init(.primitive(.i16)) } }
extension Int32: TypeInfo { public static var typeInfo: TypeDescription { .init(.primitive(.i32)) } }
extension Int64: TypeInfo { public static var typeInfo: TypeDescription { .init(.primitive(.i64)) } }
extension Int128: TypeInfo { public static var typeInfo: TypeDescription { .init(.primitive(.i128)) } }
extension String: TypeInfo { public static var typeInfo: TypeDescription { .init(.primitive(.str)) } }

extension ScaleUnit: TypeInfo { public static var typeInfo: TypeDescription { .init(.tuple([])) } }

extension Array: TypeInfo where Element: TypeInfo {
    public static var typeInfo: TypeDescription { .init(.sequence(TypeRef(Element.self))) }
}

extension Optional: TypeInfo where Wrapped: TypeInfo {
    public static var typeInfo: TypeDescription {
        .init(
            path: ["Option"], parameters: [("T", TypeRef(Wrapped.self))],
            .variant([
                VariantDescription("None", index: 0),
                VariantDescription("Some", index: 1, fields: [FieldDescription(nil, Wrapped.self)]),
            ]))
    }
}

extension Result: TypeInfo where Success: TypeInfo, Failure: TypeInfo {
    public static var typeInfo: TypeDescription {
        .init(
            path: ["Result"], parameters: [("T", TypeRef(Success.self)), ("E", TypeRef(Failure.self))],
            .variant([
                VariantDescription("Ok", index: 0, fields: [FieldDescription(nil, Success.self)]),
                VariantDescription("Err", index: 1, fields: [FieldDescription(nil, Failure.self)]),
            ]))
    }
}

extension Compact: TypeInfo where T: TypeInfo {
    public static var typeInfo: TypeDescription { .init(.compact(TypeRef(T.self))) }
}

extension AccountId32: TypeInfo {
    public static var typeInfo: TypeDescription {
        .init(
            path: ["sp_core", "crypto", "AccountId32"],
            .composite([FieldDescription(nil, Bytes32.self, typeName: "[u8; 32]")]))
    }
}

/// Marker for the `[u8; 32]` array type in metadata.
public enum Bytes32: TypeInfo {
    public static var typeInfo: TypeDescription { .init(.array(length: 32, TypeRef(UInt8.self))) }
}

/// Marker for the `[u8; 4]` array type in metadata.
public enum Bytes4: TypeInfo {
    public static var typeInfo: TypeDescription { .init(.array(length: 4, TypeRef(UInt8.self))) }
}

/// Marker for the `[u8; 64]` array type in metadata.
public enum Bytes64: TypeInfo {
    public static var typeInfo: TypeDescription { .init(.array(length: 64, TypeRef(UInt8.self))) }
}

/// Marker for the `[u8; 65]` array type in metadata.
public enum Bytes65: TypeInfo {
    public static var typeInfo: TypeDescription { .init(.array(length: 65, TypeRef(UInt8.self))) }
}

/// Marker for the `[u8; 8]` array type in metadata.
public enum Bytes8: TypeInfo {
    public static var typeInfo: TypeDescription { .init(.array(length: 8, TypeRef(UInt8.self))) }
}
