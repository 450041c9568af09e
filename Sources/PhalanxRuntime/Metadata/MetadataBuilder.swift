import PhalanxPrimitives

/// Builds `RuntimeMetadataPrefixed` V14 ("meta" ‖ 14 ‖ body) from the pallets' own declarations:
/// calls, storage, events, errors and constants, with a portable type registry. Never a
/// hand-maintained blob.
public enum MetadataBuilder {
    /// The metadata versions produced: V14 (what `state_getMetadata` returns) and V15
    /// (with runtime API descriptions, via `Metadata_metadata_at_version(15)`).
    public static let versions: [UInt32] = [14, 15]
    private static let magic: [UInt8] = [0x6d, 0x65, 0x74, 0x61]  // "meta"

    /// The signed extensions, in the standard order clients assume.
    static let signedExtensions: [(identifier: String, type: TypeRef, additional: TypeRef)] = [
        ("CheckNonZeroSender", unitStruct("frame_system", "extensions", "check_non_zero_sender", "CheckNonZeroSender"), TypeRef(ScaleUnit.self)),
        ("CheckSpecVersion", unitStruct("frame_system", "extensions", "check_spec_version", "CheckSpecVersion"), TypeRef(UInt32.self)),
        ("CheckTxVersion", unitStruct("frame_system", "extensions", "check_tx_version", "CheckTxVersion"), TypeRef(UInt32.self)),
        ("CheckGenesis", unitStruct("frame_system", "extensions", "check_genesis", "CheckGenesis"), TypeRef(H256.self)),
        ("CheckMortality", wrapper(["frame_system", "extensions", "check_mortality", "CheckMortality"], TypeRef(Era.self), "Era"), TypeRef(H256.self)),
        ("CheckNonce", wrapper(["frame_system", "extensions", "check_nonce", "CheckNonce"], TypeRef(Compact<UInt32>.self), "T::Nonce"), TypeRef(ScaleUnit.self)),
        ("CheckWeight", unitStruct("frame_system", "extensions", "check_weight", "CheckWeight"), TypeRef(ScaleUnit.self)),
        ("ChargeTransactionPayment", wrapper(["pallet_transaction_payment", "ChargeTransactionPayment"], TypeRef(Compact<UInt128>.self), "BalanceOf<T>"), TypeRef(ScaleUnit.self)),
    ]

    /// The SCALE bytes of the metadata of `runtime` in `version` (14 or 15), magic-prefixed.
    public static func build(_ runtime: RuntimeDefinition, version: UInt8 = 14) -> [UInt8] {
        precondition(version == 14 || version == 15, "metadata V14 and V15 are supported")
        return RuntimeTypes.$current.withValue(runtime) {
            var registry = TypeRegistry()
            var pallets = ScaleEncoder()
            pallets.encodeLength(runtime.pallets.count)
            for entry in runtime.pallets { encodePallet(entry, version: version, registry: &registry, into: &pallets) }

            var extrinsic = ScaleEncoder()
            if version == 14 {
                extrinsic.encodeCompact(registry.register(uncheckedExtrinsicType))
                extrinsic.encode(UncheckedExtrinsic.version)
            } else {
                extrinsic.encode(UncheckedExtrinsic.version)
                extrinsic.encodeCompact(registry.register(MultiAddress.self))
                extrinsic.encodeCompact(registry.register(RuntimeTypes.runtimeCall))
                extrinsic.encodeCompact(registry.register(MultiSignature.self))
                extrinsic.encodeCompact(registry.register(signedExtraType))
            }
            extrinsic.encodeLength(signedExtensions.count)
            for (identifier, type, additional) in signedExtensions {
                extrinsic.encode(identifier)
                extrinsic.encodeCompact(registry.register(type))
                extrinsic.encodeCompact(registry.register(additional))
            }
            let runtimeType = registry.register(runtimeMarkerType)

            var tail = ScaleEncoder()
            if version == 15 {
                encodeRuntimeAPIs(registry: &registry, into: &tail)
                tail.encodeCompact(registry.register(RuntimeTypes.runtimeCall))
                tail.encodeCompact(registry.register(RuntimeTypes.runtimeEvent))
                tail.encodeCompact(registry.register(RuntimeTypes.runtimeError))
                tail.encodeLength(0)  // custom metadata: none
            }

            var output = ScaleEncoder()
            output.append(magic)
            output.append(version)
            registry.encode(to: &output)
            output.append(pallets.bytes)
            output.append(extrinsic.bytes)
            output.encodeCompact(runtimeType)
            output.append(tail.bytes)
            return output.bytes
        }
    }

    private static func encodeRuntimeAPIs(registry: inout TypeRegistry, into encoder: inout ScaleEncoder) {
        let apis = RuntimeAPI.descriptions
        encoder.encodeLength(apis.count)
        for api in apis {
            encoder.encode(api.name)
            encoder.encodeLength(api.methods.count)
            for method in api.methods {
                encoder.encode(method.name)
                encoder.encodeLength(method.inputs.count)
                for input in method.inputs {
                    encoder.encode(input.name)
                    encoder.encodeCompact(registry.register(input.type))
                }
                encoder.encodeCompact(registry.register(method.output))
                encoder.encode(method.docs)
            }
            encoder.encode(api.docs)
        }
    }

    private static func encodePallet(
        _ entry: RuntimeDefinition.Entry, version: UInt8, registry: inout TypeRegistry, into encoder: inout ScaleEncoder
    ) {
        let pallet = entry.pallet
        encoder.encode(pallet.name)
        let items = pallet.storageItems
        if items.isEmpty {
            encoder.append(0)
        } else {
            encoder.append(1)
            encoder.encode(pallet.name)
            encoder.encodeLength(items.count)
            for item in items { encodeStorageEntry(item.metadata, registry: &registry, into: &encoder) }
        }
        encodeOptionalType(pallet.callVariants.isEmpty ? nil : pallet.callType, registry: &registry, into: &encoder)
        encodeOptionalType(pallet.eventVariants.isEmpty ? nil : pallet.eventType, registry: &registry, into: &encoder)
        encoder.encodeLength(pallet.constants.count)
        for constant in pallet.constants {
            encoder.encode(constant.name)
            encoder.encodeCompact(registry.register(constant.type))
            encoder.encode(constant.value)
            encoder.encode(constant.docs)
        }
        encodeOptionalType(pallet.errorVariants.isEmpty ? nil : pallet.errorType, registry: &registry, into: &encoder)
        encoder.append(entry.index)
        if version == 15 { encoder.encode(pallet.docs) }
    }

    private static func encodeStorageEntry(_ entry: StorageEntryMetadata, registry: inout TypeRegistry, into encoder: inout ScaleEncoder) {
        encoder.encode(entry.name)
        encoder.append(entry.modifier.rawValue)
        switch entry.kind {
        case .plain(let value):
            encoder.append(0)
            encoder.encodeCompact(registry.register(value))
        case .map(let hashers, let key, let value):
            encoder.append(1)
            encoder.encodeLength(hashers.count)
            for hasher in hashers { encoder.append(hasher.rawValue) }
            encoder.encodeCompact(registry.register(key))
            encoder.encodeCompact(registry.register(value))
        }
        encoder.encode(entry.defaultValue)
        encoder.encode(entry.docs)
    }

    private static func encodeOptionalType(_ type: TypeRef?, registry: inout TypeRegistry, into encoder: inout ScaleEncoder) {
        guard let type else {
            encoder.append(0)
            return
        }
        encoder.append(1)
        encoder.encodeCompact(registry.register(type))
    }

    private enum UncheckedExtrinsicMarker {}
    private enum RuntimeMarker {}
    private enum SignedExtraMarker {}

    /// `sp_runtime::generic::unchecked_extrinsic::UncheckedExtrinsic<Address, Call, Signature, Extra>`.
    static let uncheckedExtrinsicType = TypeRef(marker: UncheckedExtrinsicMarker.self) {
        TypeDescription(
            path: ["sp_runtime", "generic", "unchecked_extrinsic", "UncheckedExtrinsic"],
            parameters: [
                ("Address", TypeRef(MultiAddress.self)), ("Call", RuntimeTypes.runtimeCall),
                ("Signature", TypeRef(MultiSignature.self)), ("Extra", signedExtraType),
            ],
            .composite([FieldDescription(nil, [UInt8].self)]))
    }

    /// The tuple of signed extensions.
    static let signedExtraType = TypeRef(marker: SignedExtraMarker.self) {
        TypeDescription(.tuple(signedExtensions.map(\.type)))
    }

    /// The runtime marker type (`phalanx_runtime::Runtime`).
    static let runtimeMarkerType = TypeRef(marker: RuntimeMarker.self) {
        TypeDescription(path: ["phalanx_runtime", "Runtime"], .composite([]))
    }

    private static func unitStruct(_ path: String...) -> TypeRef {
        TypeRef(marker: MarkerBox.self, key: path.joined(separator: "::")) {
            TypeDescription(path: path, parameters: [("T", nil)], .composite([]))
        }
    }

    private static func wrapper(_ path: [String], _ inner: TypeRef, _ typeName: String) -> TypeRef {
        TypeRef(marker: MarkerBox.self, key: path.joined(separator: "::")) {
            TypeDescription(path: path, parameters: [("T", nil)], .composite([FieldDescription(reference: inner, typeName: typeName)]))
        }
    }

    private enum MarkerBox {}
}
