import PhalanxPrimitives

extension Balances {
    /// The total units issued in the system.
    public static let totalIssuance = StorageValue<UInt128>(
        pallet: name, item: "TotalIssuance", default: 0, docs: ["The total units issued in the system."])
    /// The total units of outstanding deactivated balance.
    public static let inactiveIssuance = StorageValue<UInt128>(
        pallet: name, item: "InactiveIssuance", default: 0, docs: ["The total units of outstanding deactivated balance in the system."])
    /// Locks on an account's free balance.
    public static let locks = StorageMap<AccountId32, [BalanceLock]>(
        pallet: name, item: "Locks", hasher: .blake2_128Concat, default: [],
        docs: ["Any liquidity locks on some account balances."])
    /// Named reserves on an account's balance.
    public static let reserves = StorageMap<AccountId32, [ReserveData]>(
        pallet: name, item: "Reserves", hasher: .blake2_128Concat, default: [],
        docs: ["Named reserves on some account balances."])
}

/// Which operations a lock restricts (`pallet_balances::Reasons`).
public enum LockReasons: UInt8, Sendable, ScaleCodable, TypeInfo {
    /// Paying fees.
    case fee = 0
    /// Everything but fees.
    case misc = 1
    /// Everything.
    case all = 2

    public func encode(to encoder: inout ScaleEncoder) { encoder.encodeVariant(index: rawValue) }

    public init(from decoder: inout ScaleDecoder) throws {
        let index = try decoder.readVariantIndex()
        guard let value = LockReasons(rawValue: index) else { throw ScaleError.invalidVariantIndex(type: "Reasons", index: index) }
        self = value
    }

    public static var typeInfo: TypeDescription {
        .init(path: ["pallet_balances", "types", "Reasons"],
              .variant([VariantDescription("Fee", index: 0), VariantDescription("Misc", index: 1), VariantDescription("All", index: 2)]))
    }
}

/// A lock freezing part of an account's free balance (`pallet_balances::BalanceLock`).
public struct BalanceLock: Hashable, Sendable, ScaleCodable, TypeInfo {
    /// 8-byte lock identifier (e.g. `democrac`, `phala/sp`).
    public var id: [UInt8]
    /// The frozen amount.
    public var amount: UInt128
    /// What it restricts.
    public var reasons: LockReasons

    public func encode(to encoder: inout ScaleEncoder) {
        encoder.append(Array((id + [UInt8](repeating: 0, count: 8)).prefix(8)))
        encoder.encode(amount)
        encoder.encode(reasons)
    }

    public init(id: [UInt8], amount: UInt128, reasons: LockReasons) {
        self.id = Array((id + [UInt8](repeating: 0, count: 8)).prefix(8))
        self.amount = amount
        self.reasons = reasons
    }

    public init(from decoder: inout ScaleDecoder) throws {
        id = try decoder.readBytes(8)
        amount = try decoder.decode()
        reasons = try decoder.decode()
    }

    public static var typeInfo: TypeDescription {
        .init(path: ["pallet_balances", "types", "BalanceLock"], parameters: [("Balance", TypeRef(UInt128.self))],
              .composite([
                FieldDescription("id", Bytes8.self, typeName: "LockIdentifier"),
                FieldDescription("amount", UInt128.self, typeName: "Balance"),
                FieldDescription("reasons", LockReasons.self, typeName: "Reasons"),
              ]))
    }
}

/// A named reserve (`pallet_balances::ReserveData`).
public struct ReserveData: Hashable, Sendable, ScaleCodable, TypeInfo {
    /// 8-byte reserve identifier.
    public var id: [UInt8]
    /// The reserved amount.
    public var amount: UInt128

    public init(id: [UInt8], amount: UInt128) {
        self.id = Array((id + [UInt8](repeating: 0, count: 8)).prefix(8))
        self.amount = amount
    }

    public func encode(to encoder: inout ScaleEncoder) {
        encoder.append(id)
        encoder.encode(amount)
    }

    public init(from decoder: inout ScaleDecoder) throws {
        id = try decoder.readBytes(8)
        amount = try decoder.decode()
    }

    public static var typeInfo: TypeDescription {
        .init(path: ["pallet_balances", "types", "ReserveData"], parameters: [("ReserveIdentifier", TypeRef(Bytes8.self)), ("Balance", TypeRef(UInt128.self))],
              .composite([FieldDescription("id", Bytes8.self, typeName: "ReserveIdentifier"), FieldDescription("amount", UInt128.self, typeName: "Balance")]))
    }
}
