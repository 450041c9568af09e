import PhalanxPrimitives

/// Metadata descriptions of the types that depend on which pallets a runtime has
/// (`RuntimeCall`, `RuntimeEvent`, `EventRecord`, each pallet's call/event/error enums).
/// They are resolved while `MetadataBuilder` runs, against the runtime it is describing.
public enum RuntimeTypes {
    /// The runtime being described; set by `MetadataBuilder` for the duration of a build.
    @TaskLocal static var current: RuntimeDefinition?

    private enum RuntimeCallMarker {}
    private enum RuntimeEventMarker {}
    private enum EventRecordMarker {}

    /// `<runtime>::RuntimeCall`: one variant per pallet with calls, holding that pallet's `Call`.
    public static let runtimeCall = TypeRef(marker: RuntimeCallMarker.self) {
        let variants = (current?.pallets ?? []).compactMap { entry -> VariantDescription? in
            guard !entry.pallet.callVariants.isEmpty else { return nil }
            return VariantDescription(
                entry.pallet.name, index: entry.index,
                fields: [FieldDescription(reference: entry.pallet.callType, typeName: "self::sp_api_hidden_includes_construct_runtime::hidden_include::dispatch::CallableCallFor<\(entry.pallet.name), Runtime>")])
        }
        return TypeDescription(path: ["phalanx_runtime", "RuntimeCall"], .variant(variants))
    }

    /// `<runtime>::RuntimeEvent`: one variant per pallet with events, holding that pallet's `Event`.
    public static let runtimeEvent = TypeRef(marker: RuntimeEventMarker.self) {
        let variants = (current?.pallets ?? []).compactMap { entry -> VariantDescription? in
            guard !entry.pallet.eventVariants.isEmpty else { return nil }
            return VariantDescription(
                entry.pallet.name, index: entry.index,
                fields: [FieldDescription(reference: entry.pallet.eventType, typeName: "\(entry.pallet.moduleName)::Event<Runtime>")])
        }
        return TypeDescription(path: ["phalanx_runtime", "RuntimeEvent"], .variant(variants))
    }

    private enum RuntimeErrorMarker {}

    /// `<runtime>::RuntimeError`: one variant per pallet with errors, holding that pallet's `Error`.
    public static let runtimeError = TypeRef(marker: RuntimeErrorMarker.self) {
        let variants = (current?.pallets ?? []).compactMap { entry -> VariantDescription? in
            guard !entry.pallet.errorVariants.isEmpty else { return nil }
            return VariantDescription(
                entry.pallet.name, index: entry.index,
                fields: [FieldDescription(reference: entry.pallet.errorType, typeName: "\(entry.pallet.moduleName)::Error<Runtime>")])
        }
        return TypeDescription(path: ["phalanx_runtime", "RuntimeError"], .variant(variants))
    }

    /// `frame_system::EventRecord<RuntimeEvent, H256>`.
    public static let eventRecord = TypeRef(marker: EventRecordMarker.self) {
        TypeDescription(
            path: ["frame_system", "EventRecord"],
            parameters: [("E", runtimeEvent), ("T", TypeRef(H256.self))],
            .composite([
                FieldDescription("phase", Phase.self, typeName: "Phase"),
                FieldDescription(reference: runtimeEvent, name: "event", typeName: "E"),
                FieldDescription("topics", [H256].self, typeName: "Vec<T>"),
            ]))
    }
}

extension FieldDescription {
    /// A field whose type is a computed reference.
    init(reference: TypeRef, name: String? = nil, typeName: String? = nil) {
        self.name = name
        self.type = reference
        self.typeName = typeName
        self.docs = []
    }
}

extension Pallet {
    /// The variants of the pallet's calls.
    static var callVariants: [VariantDescription] { Call.variants }
    /// The variants of the pallet's events.
    static var eventVariants: [VariantDescription] { Event.variants }
    /// The variants of the pallet's errors, with their docs.
    static var errorVariants: [VariantDescription] {
        Error.allCases.map { VariantDescription($0.name, index: $0.rawValue, docs: [$0.docs]) }
    }

    /// `<module>::pallet::Call<T>`.
    static var callType: TypeRef {
        TypeRef(marker: Call.self) {
            TypeDescription(path: [moduleName, "pallet", "Call"], parameters: [("T", nil)], .variant(Call.variants),
                            docs: ["Contains a variant per dispatchable extrinsic that this pallet has."])
        }
    }

    /// `<module>::pallet::Event<T>`.
    static var eventType: TypeRef {
        TypeRef(marker: Event.self) {
            TypeDescription(path: [moduleName, "pallet", "Event"], parameters: [("T", nil)], .variant(Event.variants),
                            docs: ["The `Event` enum of this pallet"])
        }
    }

    /// `<module>::pallet::Error<T>`.
    static var errorType: TypeRef {
        TypeRef(marker: Error.self) {
            TypeDescription(path: [moduleName, "pallet", "Error"], parameters: [("T", nil)], .variant(errorVariants),
                            docs: ["The `Error` enum of this pallet."])
        }
    }
}
