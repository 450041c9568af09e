import PhalanxPrimitives

/// A pallet: a namespace of calls, storage, events, errors, constants and hooks (FRAME's pallet).
/// Pallets hold no state of their own; everything lives in storage reached through the context.
public protocol Pallet: SendableMetatype {
    /// The pallet's calls (`NoCalls` if it has none).
    associatedtype Call: PalletCall = NoCalls
    /// The pallet's events (`NoEvents` if it has none).
    associatedtype Event: PalletEvent = NoEvents
    /// The pallet's errors (`NoErrors` if it has none).
    associatedtype Error: PalletError = NoErrors

    /// The pallet's name as clients see it (e.g. `Balances`); also its storage prefix.
    static var name: String { get }
    /// The Rust crate whose paths the pallet's types use in metadata (e.g. `pallet_balances`).
    static var moduleName: String { get }
    /// Documentation lines shown in metadata-driven tools.
    static var docs: [String] { get }
    /// The pallet's storage items, in declaration order.
    static var storageItems: [any StorageItem] { get }
    /// The pallet's constants, in declaration order.
    static var constants: [PalletConstant] { get }
    /// Runs at the start of every block; returns the weight used.
    static func onInitialize(_ context: inout RuntimeContext) -> Weight
    /// Runs at the end of every block.
    static func onFinalize(_ context: inout RuntimeContext)
}

extension Pallet {
    public static var docs: [String] { [] }
    public static var storageItems: [any StorageItem] { [] }
    public static var constants: [PalletConstant] { [] }
    public static func onInitialize(_ context: inout RuntimeContext) -> Weight { .zero }
    public static func onFinalize(_ context: inout RuntimeContext) {}

    /// Decodes one of this pallet's calls.
    static func decodeCall(from decoder: inout ScaleDecoder) throws -> any PalletCall {
        try Call(from: &decoder)
    }

    /// Decodes one of this pallet's events.
    static func decodeEvent(from decoder: inout ScaleDecoder) throws -> any PalletEvent {
        try Event(from: &decoder)
    }
}

/// A pallet constant for metadata: name, type, SCALE value, docs.
public struct PalletConstant: Sendable {
    /// Constant name, e.g. `ExistentialDeposit`.
    public var name: String
    /// Its type.
    public var type: TypeRef
    /// Its SCALE-encoded value.
    public var value: [UInt8]
    /// Documentation lines.
    public var docs: [String]

    /// Declares a constant from a value.
    public init<T: ScaleEncodable & TypeInfo>(_ name: String, _ value: T, docs: [String] = []) {
        self.name = name
        self.type = TypeRef(T.self)
        self.value = value.scaleEncoded
        self.docs = docs
    }
}

/// A pallet's call enum: decodable from the wire, described for metadata, weighed and dispatched.
public protocol PalletCall: ScaleCodable, Sendable {
    /// The pallet the call belongs to.
    associatedtype Owner: Pallet
    /// The call variants with their argument names and types, in index order.
    static var variants: [VariantDescription] { get }
    /// Weight, class and fee rule of this call (known before dispatch).
    var info: DispatchInfo { get }
    /// Executes the call. Throws a `DispatchError` or one of the owner pallet's errors.
    func dispatch(origin: Origin, context: inout RuntimeContext) throws
}

/// A pallet's event enum.
public protocol PalletEvent: ScaleCodable, Sendable {
    /// The pallet the event belongs to.
    associatedtype Owner: Pallet
    /// The event variants with their field names and types, in index order.
    static var variants: [VariantDescription] { get }
}

/// A pallet's error enum: the raw value is the error index clients resolve through metadata.
public protocol PalletError: Error, RawRepresentable, CaseIterable, Sendable where RawValue == UInt8 {
    /// The pallet the error belongs to.
    associatedtype Owner: Pallet
    /// The error's name as clients see it (e.g. `InsufficientBalance`).
    var name: String { get }
    /// One-sentence documentation.
    var docs: String { get }
}

/// The call enum of a pallet without calls.
public enum NoCalls: PalletCall {
    public typealias Owner = NoPallet
    public static var variants: [VariantDescription] { [] }
    public var info: DispatchInfo { switch self {} }
    public func dispatch(origin: Origin, context: inout RuntimeContext) throws { switch self {} }
    public func encode(to encoder: inout ScaleEncoder) { switch self {} }
    public init(from decoder: inout ScaleDecoder) throws {
        throw ScaleError.invalidVariantIndex(type: "Call", index: try decoder.readVariantIndex())
    }
}

/// The event enum of a pallet without events.
public enum NoEvents: PalletEvent {
    public typealias Owner = NoPallet
    public static var variants: [VariantDescription] { [] }
    public func encode(to encoder: inout ScaleEncoder) { switch self {} }
    public init(from decoder: inout ScaleDecoder) throws {
        throw ScaleError.invalidVariantIndex(type: "Event", index: try decoder.readVariantIndex())
    }
}

/// The error enum of a pallet without errors.
public enum NoErrors: PalletError {
    public typealias Owner = NoPallet
    public init?(rawValue: UInt8) { nil }
    public var rawValue: UInt8 { switch self {} }
    public static var allCases: [NoErrors] { [] }
    public var name: String { switch self {} }
    public var docs: String { switch self {} }
}

/// Placeholder owner of the `No…` types.
public enum NoPallet: Pallet {
    public static var name: String { "" }
    public static var moduleName: String { "" }
}
