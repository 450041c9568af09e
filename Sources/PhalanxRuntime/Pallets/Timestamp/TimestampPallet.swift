import PhalanxPrimitives

/// # Timestamp
///
/// The block time, set once per block by the `set` inherent that the block author supplies
/// (unsigned, first in the block). The runtime never reads a clock: time enters only here.
///
/// ## Calls
/// - `set(now)`: inherent; `now` must be at least `MinimumPeriod` after the previous block's time.
public enum Timestamp: Pallet {
    public static let name = "Timestamp"
    public static let moduleName = "pallet_timestamp"
    public static let docs = ["The block time, set by an inherent in every block."]

    /// Minimum milliseconds between two blocks' timestamps (0: dev chains seal instantly).
    public static let minimumPeriod: UInt64 = 0

    public static var constants: [PalletConstant] {
        [PalletConstant("MinimumPeriod", minimumPeriod, docs: ["The minimum period between blocks."])]
    }

    public static var storageItems: [any StorageItem] { [now, didUpdate] }

    /// The current block's time, in milliseconds since the Unix epoch.
    public static func current(in state: StateOverlay) -> UInt64 { now.value(state) ?? 0 }

    public static func onFinalize(_ context: inout RuntimeContext) {
        didUpdate.remove(in: &context.state)
    }

    /// Whether the `set` inherent ran in this block.
    static func wasSet(in state: StateOverlay) -> Bool { didUpdate.get(state) ?? false }
}

extension Timestamp {
    /// Current time for the current block.
    public static let now = StorageValue<UInt64>(pallet: name, item: "Now", default: 0, docs: ["The current time for the current block."])
    /// Whether the timestamp has been updated in this block.
    public static let didUpdate = StorageValue<Bool>(
        pallet: name, item: "DidUpdate", default: false, docs: ["Whether the timestamp has been updated in this block."])

    /// Timestamp's calls.
    public enum Call: PalletCall {
        public typealias Owner = Timestamp
        /// Sets the block time (inherent).
        case set(now: UInt64)

        public static var variants: [VariantDescription] {
            [VariantDescription("set", index: 0, fields: [FieldDescription("now", Compact<UInt64>.self, typeName: "T::Moment")],
                                docs: ["Set the current time (inherent, once per block)."])]
        }

        public var info: DispatchInfo { DispatchInfo(weight: Weight(refTime: 10_000_000, proofSize: 1_493), class: .mandatory, paysFee: .no) }

        public func dispatch(origin: Origin, context: inout RuntimeContext) throws {
            guard case .set(let value) = self else { return }
            try origin.ensureNone()
            guard !wasSet(in: context.state) else { throw Error.alreadySet }
            let previous = current(in: context.state)
            guard previous == 0 || value >= previous + minimumPeriod else { throw Error.tooEarly }
            now.set(value, in: &context.state)
            didUpdate.set(true, in: &context.state)
        }

        public func encode(to encoder: inout ScaleEncoder) {
            guard case .set(let value) = self else { return }
            encoder.encodeVariant(index: 0)
            encoder.encodeCompact(value)
        }

        public init(from decoder: inout ScaleDecoder) throws {
            let index = try decoder.readVariantIndex()
            guard index == 0 else { throw ScaleError.invalidVariantIndex(type: "Timestamp.Call", index: index) }
            self = .set(now: try decoder.decodeCompact(UInt64.self))
        }
    }

    /// Timestamp's errors.
    public enum Error: UInt8, PalletError {
        public typealias Owner = Timestamp
        /// The timestamp was already set in this block.
        case alreadySet = 0
        /// The timestamp is less than `MinimumPeriod` after the previous one.
        case tooEarly

        public var name: String { self == .alreadySet ? "AlreadySet" : "TooEarly" }
        public var docs: String {
            self == .alreadySet ? "Timestamp must be updated only once in the block." : "Timestamp must increment by at least `MinimumPeriod`."
        }
    }
}
