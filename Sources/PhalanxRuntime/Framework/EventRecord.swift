import PhalanxPrimitives

/// When in the block an event happened (`frame_system::Phase`).
public enum Phase: Hashable, Sendable, ScaleCodable, TypeInfo {
    /// While applying the extrinsic at this index.
    case applyExtrinsic(UInt32)
    /// In `onFinalize`.
    case finalization
    /// In `onInitialize`.
    case initialization

    public func encode(to encoder: inout ScaleEncoder) {
        switch self {
        case .applyExtrinsic(let index):
            encoder.encodeVariant(index: 0)
            encoder.encode(index)
        case .finalization: encoder.encodeVariant(index: 1)
        case .initialization: encoder.encodeVariant(index: 2)
        }
    }

    public init(from decoder: inout ScaleDecoder) throws {
        switch try decoder.readVariantIndex() {
        case 0: self = .applyExtrinsic(try decoder.decode())
        case 1: self = .finalization
        case 2: self = .initialization
        case let index: throw ScaleError.invalidVariantIndex(type: "Phase", index: index)
        }
    }

    public static var typeInfo: TypeDescription {
        .init(
            path: ["frame_system", "Phase"],
            .variant([
                VariantDescription("ApplyExtrinsic", index: 0, fields: [FieldDescription(nil, UInt32.self, typeName: "u32")]),
                VariantDescription("Finalization", index: 1), VariantDescription("Initialization", index: 2),
            ]))
    }
}

/// An event of any pallet: the pallet's index then its event (`RuntimeEvent`).
public struct RuntimeEvent: Sendable, ScaleEncodable {
    /// The emitting pallet's index.
    public let palletIndex: UInt8
    /// The pallet's event.
    public let event: any PalletEvent

    /// Wraps a pallet event.
    public init(palletIndex: UInt8, event: any PalletEvent) {
        self.palletIndex = palletIndex
        self.event = event
    }

    public func encode(to encoder: inout ScaleEncoder) {
        encoder.encode(palletIndex)
        event.encode(to: &encoder)
    }

    /// The pallet name and event variant name, e.g. `("Balances", "Transfer")`.
    public func name(in runtime: RuntimeDefinition) -> (pallet: String, variant: String)? {
        guard let pallet = runtime.pallet(at: palletIndex) else { return nil }
        let index = event.scaleEncoded.first ?? 0
        guard let variant = type(of: event).variants.first(where: { $0.index == index }) else { return nil }
        return (pallet.name, variant.name)
    }
}

/// An event with its phase and topics (`frame_system::EventRecord`), as stored in `System.Events`.
public struct EventRecord: Sendable, ScaleEncodable {
    /// When it happened.
    public let phase: Phase
    /// What happened.
    public let event: RuntimeEvent
    /// Indexing topics.
    public let topics: [H256]

    /// Records an event.
    public init(phase: Phase, event: RuntimeEvent, topics: [H256] = []) {
        self.phase = phase
        self.event = event
        self.topics = topics
    }

    public func encode(to encoder: inout ScaleEncoder) {
        encoder.encode(phase)
        encoder.encode(event)
        encoder.encode(topics)
    }
}
