import PhalanxPrimitives

/// Execution cost: reference time (picoseconds of a reference machine) and proof size (bytes),
/// as `sp_weights::weight_v2::Weight`.
public struct Weight: Hashable, Sendable, ScaleCodable, TypeInfo {
    /// Computation time, in picoseconds on the reference machine.
    public var refTime: UInt64
    /// Bytes of state proof the call may need.
    public var proofSize: UInt64

    /// Zero weight.
    public static let zero = Weight(refTime: 0, proofSize: 0)

    /// A weight of `refTime` and `proofSize`.
    public init(refTime: UInt64, proofSize: UInt64 = 0) {
        self.refTime = refTime
        self.proofSize = proofSize
    }

    /// Component-wise saturating sum.
    public static func + (lhs: Weight, rhs: Weight) -> Weight {
        Weight(
            refTime: lhs.refTime.addingReportingOverflow(rhs.refTime).overflow ? .max : lhs.refTime + rhs.refTime,
            proofSize: lhs.proofSize.addingReportingOverflow(rhs.proofSize).overflow ? .max : lhs.proofSize + rhs.proofSize)
    }

    /// Whether both components fit within `limit`.
    public func fits(in limit: Weight) -> Bool { refTime <= limit.refTime && proofSize <= limit.proofSize }

    public func encode(to encoder: inout ScaleEncoder) {
        encoder.encodeCompact(refTime)
        encoder.encodeCompact(proofSize)
    }

    public init(from decoder: inout ScaleDecoder) throws {
        refTime = try decoder.decodeCompact(UInt64.self)
        proofSize = try decoder.decodeCompact(UInt64.self)
    }

    public static var typeInfo: TypeDescription {
        .init(
            path: ["sp_weights", "weight_v2", "Weight"],
            .composite([
                FieldDescription("ref_time", Compact<UInt64>.self, typeName: "u64"),
                FieldDescription("proof_size", Compact<UInt64>.self, typeName: "u64"),
            ]))
    }
}

/// Which block-space class a call uses (`frame_support::dispatch::DispatchClass`).
public enum DispatchClass: UInt8, Sendable, ScaleCodable, TypeInfo {
    /// Ordinary transactions.
    case normal = 0
    /// Governance and other operational calls that may use reserved space.
    case operational = 1
    /// Inherents and hooks, always included.
    case mandatory = 2

    public func encode(to encoder: inout ScaleEncoder) { encoder.encodeVariant(index: rawValue) }

    public init(from decoder: inout ScaleDecoder) throws {
        let index = try decoder.readVariantIndex()
        guard let value = DispatchClass(rawValue: index) else {
            throw ScaleError.invalidVariantIndex(type: "DispatchClass", index: index)
        }
        self = value
    }

    public static var typeInfo: TypeDescription {
        .init(
            path: ["frame_support", "dispatch", "DispatchClass"],
            .variant([
                VariantDescription("Normal", index: 0), VariantDescription("Operational", index: 1),
                VariantDescription("Mandatory", index: 2),
            ]))
    }
}

/// Whether the sender pays a fee (`frame_support::dispatch::Pays`).
public enum Pays: UInt8, Sendable, ScaleCodable, TypeInfo {
    /// The sender pays.
    case yes = 0
    /// Free.
    case no = 1

    public func encode(to encoder: inout ScaleEncoder) { encoder.encodeVariant(index: rawValue) }

    public init(from decoder: inout ScaleDecoder) throws {
        let index = try decoder.readVariantIndex()
        guard let value = Pays(rawValue: index) else { throw ScaleError.invalidVariantIndex(type: "Pays", index: index) }
        self = value
    }

    public static var typeInfo: TypeDescription {
        .init(path: ["frame_support", "dispatch", "Pays"], .variant([VariantDescription("Yes", index: 0), VariantDescription("No", index: 1)]))
    }
}

/// A call's declared weight, class and fee rule (`frame_support::dispatch::DispatchInfo`).
public struct DispatchInfo: Hashable, Sendable, ScaleCodable, TypeInfo {
    /// The weight charged.
    public var weight: Weight
    /// The block-space class.
    public var dispatchClass: DispatchClass
    /// Whether a fee is paid.
    public var paysFee: Pays

    /// Describes a dispatch.
    public init(weight: Weight, class dispatchClass: DispatchClass = .normal, paysFee: Pays = .yes) {
        self.weight = weight
        self.dispatchClass = dispatchClass
        self.paysFee = paysFee
    }

    public func encode(to encoder: inout ScaleEncoder) {
        encoder.encode(weight)
        encoder.encode(dispatchClass)
        encoder.encode(paysFee)
    }

    public init(from decoder: inout ScaleDecoder) throws {
        weight = try decoder.decode()
        dispatchClass = try decoder.decode()
        paysFee = try decoder.decode()
    }

    public static var typeInfo: TypeDescription {
        .init(
            path: ["frame_support", "dispatch", "DispatchInfo"],
            .composite([
                FieldDescription("weight", Weight.self, typeName: "Weight"),
                FieldDescription("class", DispatchClass.self, typeName: "DispatchClass"),
                FieldDescription("pays_fee", Pays.self, typeName: "Pays"),
            ]))
    }
}
