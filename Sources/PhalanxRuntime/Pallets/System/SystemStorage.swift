import PhalanxPrimitives

extension System {
    /// The full account information for a particular account ID.
    public static let account = StorageMap<AccountId32, AccountInfo>(
        pallet: name, item: "Account", hasher: .blake2_128Concat, default: AccountInfo(),
        docs: ["The full account information for a particular account ID."])
    /// Total extrinsics count for the current block.
    public static let extrinsicCount = StorageValue<UInt32>(
        pallet: name, item: "ExtrinsicCount", docs: ["Total extrinsics count for the current block."])
    /// The weight used so far in the current block.
    public static let blockWeight = StorageValue<Weight>(
        pallet: name, item: "BlockWeight", default: .zero, docs: ["The current weight for the block."])
    /// Map of block numbers to block hashes.
    public static let blockHash = StorageMap<UInt32, H256>(
        pallet: name, item: "BlockHash", hasher: .twox64Concat, default: .zero, docs: ["Map of block numbers to block hashes."])
    /// Extrinsics data for the current block (unused by Phalanx; declared for tooling).
    public static let extrinsicData = StorageMap<UInt32, [UInt8]>(
        pallet: name, item: "ExtrinsicData", hasher: .twox64Concat, default: [], docs: ["Extrinsics data for the current block (maps an extrinsic's index to its data)."])
    /// The current block number being processed.
    public static let number = StorageValue<UInt32>(
        pallet: name, item: "Number", default: 0, docs: ["The current block number being processed. Set by `execute_block`."])
    /// Hash of the previous block.
    public static let parentHash = StorageValue<H256>(
        pallet: name, item: "ParentHash", default: .zero, docs: ["Hash of the previous block."])
    /// Digest of the current block.
    public static let digest = StorageValue<Digest>(
        pallet: name, item: "Digest", default: Digest(), docs: ["Digest of the current block, also part of the block header."])
    /// Events deposited for the current block.
    public static let events = StorageValue<EventRecordList>(
        pallet: name, item: "Events", default: EventRecordList(),
        docs: ["Events deposited for the current block.", "", "NOTE: cleared at the start of each block; never read on chain."])
    /// The number of events in `Events`.
    public static let eventCount = StorageValue<UInt32>(
        pallet: name, item: "EventCount", default: 0, docs: ["The number of events in the `Events<T>` list."])
}

/// An account's nonce, reference counts and balances (`frame_system::AccountInfo`).
public struct AccountInfo: Hashable, Sendable, ScaleCodable, TypeInfo {
    /// Number of transactions this account has sent.
    public var nonce: UInt32 = 0
    /// Modules depending on this account existing.
    public var consumers: UInt32 = 0
    /// Modules allowing this account to exist (balances: 1 while above the existential deposit).
    public var providers: UInt32 = 0
    /// Modules allowing this account to exist for their own purposes only.
    public var sufficients: UInt32 = 0
    /// The account's balances.
    public var data = AccountData()

    /// A fresh account.
    public init() {}

    public func encode(to encoder: inout ScaleEncoder) {
        encoder.encodeAll(nonce, consumers, providers, sufficients)
        encoder.encode(data)
    }

    public init(from decoder: inout ScaleDecoder) throws {
        (nonce, consumers, providers, sufficients) = try decoder.decodeAll(UInt32.self, UInt32.self, UInt32.self, UInt32.self)
        data = try decoder.decode()
    }

    public static var typeInfo: TypeDescription {
        .init(
            path: ["frame_system", "AccountInfo"],
            parameters: [("Nonce", TypeRef(UInt32.self)), ("AccountData", TypeRef(AccountData.self))],
            .composite([
                FieldDescription("nonce", UInt32.self, typeName: "Nonce"),
                FieldDescription("consumers", UInt32.self, typeName: "RefCount"),
                FieldDescription("providers", UInt32.self, typeName: "RefCount"),
                FieldDescription("sufficients", UInt32.self, typeName: "RefCount"),
                FieldDescription("data", AccountData.self, typeName: "AccountData"),
            ]))
    }
}

/// An account's balances (`pallet_balances::types::AccountData`).
public struct AccountData: Hashable, Sendable, ScaleCodable, TypeInfo {
    /// Spendable balance (part of it may be frozen).
    public var free: UInt128 = 0
    /// Balance held by pallets (deposits, stakes); slashable, not spendable.
    public var reserved: UInt128 = 0
    /// The part of `free` that locks keep from being spent.
    public var frozen: UInt128 = 0
    /// Extra flags (bit 127 marks the new reference-count logic, as Substrate).
    public var flags: UInt128 = 1 << 127

    /// An empty balance.
    public init() {}

    /// Free balance above the frozen amount.
    public var spendable: UInt128 { free > frozen ? free - frozen : 0 }

    public func encode(to encoder: inout ScaleEncoder) { encoder.encodeAll(free, reserved, frozen, flags) }

    public init(from decoder: inout ScaleDecoder) throws {
        (free, reserved, frozen, flags) = try decoder.decodeAll(UInt128.self, UInt128.self, UInt128.self, UInt128.self)
    }

    public static var typeInfo: TypeDescription {
        .init(
            path: ["pallet_balances", "types", "AccountData"], parameters: [("Balance", TypeRef(UInt128.self))],
            .composite([
                FieldDescription("free", UInt128.self, typeName: "Balance"),
                FieldDescription("reserved", UInt128.self, typeName: "Balance"),
                FieldDescription("frozen", UInt128.self, typeName: "Balance"),
                FieldDescription("flags", UInt128.self, typeName: "ExtraFlags"),
            ]))
    }
}

/// `Vec<EventRecord>` as stored; its metadata type is built from the runtime's event enum.
public struct EventRecordList: Sendable, ScaleCodable, TypeInfo {
    /// The raw encoding (the runtime writes it; tools decode it through metadata).
    public var encoded: [UInt8] = [0]

    /// An empty list.
    public init() {}

    public func encode(to encoder: inout ScaleEncoder) { encoder.append(encoded) }

    public init(from decoder: inout ScaleDecoder) throws {
        encoded = try decoder.readBytes(decoder.remaining)
    }

    public static var typeInfo: TypeDescription { .init(.sequence(RuntimeTypes.eventRecord)) }
}
