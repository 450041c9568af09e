import PhalanxPrimitives

/// Versions a client checks (`sp_version::RuntimeVersion`). Bump `specVersion` whenever metadata
/// changes: clients cache metadata per spec version.
public struct RuntimeVersion: Sendable, Hashable {
    /// Runtime identity, e.g. `phalanx`.
    public var specName: String
    /// Implementation name.
    public var implName: String
    /// Authoring version.
    public var authoringVersion: UInt32
    /// The spec version (part of every signed payload).
    public var specVersion: UInt32
    /// The implementation version.
    public var implVersion: UInt32
    /// The transaction version (part of every signed payload).
    public var transactionVersion: UInt32
    /// The state trie version (1: values ≥ 33 bytes hashed).
    public var stateVersion: UInt8
    /// The runtime APIs offered through `state_call`: blake2_64 of the API name, and its version.
    public var apis: [(id: [UInt8], version: UInt32)]

    public static func == (lhs: RuntimeVersion, rhs: RuntimeVersion) -> Bool {
        lhs.specName == rhs.specName && lhs.specVersion == rhs.specVersion && lhs.implVersion == rhs.implVersion
            && lhs.transactionVersion == rhs.transactionVersion
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(specName)
        hasher.combine(specVersion)
    }
}

/// A runtime: its pallets at their indices, its version and its signed extensions.
/// Adding a pallet to Phalanx means adding it to the list in `PhalanxRuntime.definition`.
public struct RuntimeDefinition: Sendable {
    /// A pallet and its index.
    public struct Entry: Sendable {
        /// The pallet's call/event index byte.
        public let index: UInt8
        /// The pallet type.
        public let pallet: any Pallet.Type
    }

    /// The pallets, in index order.
    public let pallets: [Entry]
    /// The runtime version.
    public let version: RuntimeVersion
    private let indexByType: [ObjectIdentifier: UInt8]

    /// Defines a runtime; indices must be unique.
    public init(version: RuntimeVersion, pallets: [(UInt8, any Pallet.Type)]) {
        self.version = version
        self.pallets = pallets.map { Entry(index: $0.0, pallet: $0.1) }.sorted { $0.index < $1.index }
        var byType = [ObjectIdentifier: UInt8]()
        for (index, pallet) in pallets {
            precondition(byType[ObjectIdentifier(pallet)] == nil, "pallet \(pallet.name) listed twice")
            byType[ObjectIdentifier(pallet)] = index
        }
        precondition(Set(pallets.map(\.0)).count == pallets.count, "pallet indices must be unique")
        self.indexByType = byType
    }

    /// The index of pallet `P`, if it is part of this runtime.
    public func index<P: Pallet>(of pallet: P.Type) -> UInt8? { indexByType[ObjectIdentifier(pallet)] }

    /// The pallet at `index`.
    public func pallet(at index: UInt8) -> (any Pallet.Type)? { pallets.first { $0.index == index }?.pallet }

    /// The pallet named `name`.
    public func pallet(named name: String) -> (index: UInt8, pallet: any Pallet.Type)? {
        pallets.first { $0.pallet.name == name }.map { ($0.index, $0.pallet) }
    }
}

/// A call of any pallet: the pallet index, then the pallet's call (`RuntimeCall`).
public struct RuntimeCall: Sendable, ScaleEncodable {
    /// The pallet's index.
    public let palletIndex: UInt8
    /// The pallet's call.
    public let call: any PalletCall

    /// Wraps a pallet call.
    public init(palletIndex: UInt8, call: any PalletCall) {
        self.palletIndex = palletIndex
        self.call = call
    }

    /// Wraps a call of pallet `C.Owner` in `runtime`.
    public init<C: PalletCall>(_ call: C, in runtime: RuntimeDefinition) {
        self.palletIndex = runtime.index(of: C.Owner.self) ?? 0xff
        self.call = call
    }

    /// How deeply calls may nest (`sudo(sudo(…))`); deeper input is rejected, never a stack overflow.
    public static let maxNestingDepth = 8

    /// The runtime and nesting depth of the decode in progress, for calls that contain calls.
    @TaskLocal private static var decoding: (runtime: RuntimeDefinition, depth: Int)?

    /// Decodes a call: the pallet index selects the pallet, which decodes the rest.
    public init(from decoder: inout ScaleDecoder, runtime: RuntimeDefinition) throws {
        let depth = (Self.decoding?.depth ?? 0) + 1
        guard depth <= Self.maxNestingDepth else {
            throw ScaleError.invalidValue(type: "RuntimeCall", reason: "calls nest deeper than \(Self.maxNestingDepth) levels")
        }
        let index = try decoder.decode(UInt8.self)
        guard let pallet = runtime.pallet(at: index) else {
            throw ScaleError.invalidVariantIndex(type: "RuntimeCall", index: index)
        }
        palletIndex = index
        call = try Self.$decoding.withValue((runtime, depth)) { try pallet.decodeCall(from: &decoder) }
    }

    /// Decodes a call nested in another pallet's call (e.g. `Sudo.sudo(call)`), in the runtime
    /// of the enclosing decode.
    public init(nestedFrom decoder: inout ScaleDecoder) throws {
        guard let runtime = Self.decoding?.runtime else {
            throw ScaleError.invalidValue(type: "RuntimeCall", reason: "a nested call can only be decoded inside a runtime call")
        }
        try self.init(from: &decoder, runtime: runtime)
    }

    public func encode(to encoder: inout ScaleEncoder) {
        encoder.encode(palletIndex)
        call.encode(to: &encoder)
    }

    /// The pallet name and call name, e.g. `("Balances", "transfer_keep_alive")`.
    public func name(in runtime: RuntimeDefinition) -> (pallet: String, call: String)? {
        guard let pallet = runtime.pallet(at: palletIndex), let index = call.scaleEncoded.first,
            let variant = type(of: call).variants.first(where: { $0.index == index })
        else { return nil }
        return (pallet.name, variant.name)
    }
}
