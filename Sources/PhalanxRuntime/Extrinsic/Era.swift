import PhalanxPrimitives

/// A transaction's validity window (`sp_runtime::generic::Era`): immortal, or mortal for `period`
/// blocks starting at the block whose number ≡ `phase` (mod `period`).
public enum Era: Hashable, Sendable, ScaleCodable, TypeInfo {
    /// Valid forever (signed against the genesis hash).
    case immortal
    /// Valid for `period` blocks (a power of two in 4…65536) from its birth block.
    case mortal(period: UInt64, phase: UInt64)

    /// The first block the transaction is valid in, given the current block number.
    public func birth(current: UInt64) -> UInt64 {
        switch self {
        case .immortal: return 0
        case .mortal(let period, let phase): return (max(current, phase) - phase) / period * period + phase
        }
    }

    /// The first block it is no longer valid in.
    public func death(current: UInt64) -> UInt64 {
        switch self {
        case .immortal: return .max
        case .mortal(let period, _): return birth(current: current) + period
        }
    }

    public func encode(to encoder: inout ScaleEncoder) {
        switch self {
        case .immortal: encoder.append(0)
        case .mortal(let period, let phase):
            let quantizeFactor = max(period >> 12, 1)
            let low = UInt16(min(15, max(1, period.trailingZeroBitCount - 1)))
            let encoded = low | UInt16((phase / quantizeFactor) << 4)
            encoder.encode(encoded)
        }
    }

    public init(from decoder: inout ScaleDecoder) throws {
        let first = try decoder.readByte()
        if first == 0 {
            self = .immortal
            return
        }
        let encoded = UInt64(first) | UInt64(try decoder.readByte()) << 8
        let period = UInt64(2) << (encoded % (1 << 4))
        let quantizeFactor = max(period >> 12, 1)
        let phase = (encoded >> 4) * quantizeFactor
        guard period >= 4, phase < period else {
            throw ScaleError.invalidValue(type: "Era", reason: "phase \(phase) is not below period \(period)")
        }
        self = .mortal(period: period, phase: phase)
    }

    public static var typeInfo: TypeDescription {
        var variants = [VariantDescription("Immortal", index: 0)]
        for index in 1...255 {
            variants.append(VariantDescription("Mortal\(index)", index: UInt8(index), fields: [FieldDescription(nil, UInt8.self, typeName: "u8")]))
        }
        return .init(path: ["sp_runtime", "generic", "era", "Era"], .variant(variants))
    }
}
