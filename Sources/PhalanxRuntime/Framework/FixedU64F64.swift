import PhalanxPrimitives

/// An unsigned 64.64 fixed-point number (`fixed::types::U64F64` as Phala uses it): `bits / 2⁶⁴`.
/// Deterministic integer arithmetic only; every operation rounds toward zero (floor) and reports
/// overflow and division by zero as `DispatchError.arithmetic` instead of trapping.
public struct FixedU64F64: Hashable, Comparable, Sendable, ScaleCodable, TypeInfo, CustomStringConvertible {
    /// The raw value: the number times 2⁶⁴ (what Phala stores as "bits").
    public var bits: UInt128

    /// The number of fractional bits.
    public static let fractionalBits = 64
    /// Zero.
    public static let zero = FixedU64F64(bits: 0)
    /// One.
    public static let one = FixedU64F64(bits: 1 << 64)
    /// The largest representable value.
    public static let max = FixedU64F64(bits: .max)
    /// 1 PHA in planck, the scale of Phala's balance ↔ fixed conversion (`utils/balance_convert.rs`).
    public static let balanceUnit: UInt128 = 1_000_000_000_000

    /// A value from its raw bits.
    public init(bits: UInt128) { self.bits = bits }

    /// The integer `value`.
    public init(_ value: UInt64) { bits = UInt128(value) << 64 }

    /// `numerator / denominator`, rounded down; throws on division by zero or overflow.
    public static func ratio(_ numerator: UInt128, _ denominator: UInt128) throws -> FixedU64F64 {
        guard denominator != 0 else { throw DispatchError.arithmetic(.divisionByZero) }
        let high = numerator >> 64
        let low = numerator << 64
        guard high < denominator else { throw DispatchError.arithmetic(.overflow) }
        return FixedU64F64(bits: denominator.dividingFullWidth((high, low)).quotient)
    }

    /// The integer part.
    public var integerPart: UInt64 { UInt64(truncatingIfNeeded: bits >> 64) }
    /// The fractional part's bits.
    public var fractionalBitsValue: UInt64 { UInt64(truncatingIfNeeded: bits) }

    /// Checked sum.
    public func adding(_ other: FixedU64F64) throws -> FixedU64F64 {
        let (sum, overflow) = bits.addingReportingOverflow(other.bits)
        guard !overflow else { throw DispatchError.arithmetic(.overflow) }
        return FixedU64F64(bits: sum)
    }

    /// Checked difference (throws `underflow` if `other > self`).
    public func subtracting(_ other: FixedU64F64) throws -> FixedU64F64 {
        guard bits >= other.bits else { throw DispatchError.arithmetic(.underflow) }
        return FixedU64F64(bits: bits - other.bits)
    }

    /// Difference clamped at zero.
    public func saturatingSubtracting(_ other: FixedU64F64) -> FixedU64F64 {
        FixedU64F64(bits: bits >= other.bits ? bits - other.bits : 0)
    }

    /// Checked product, rounded down.
    public func multiplied(by other: FixedU64F64) throws -> FixedU64F64 {
        let (high, low) = bits.multipliedFullWidth(by: other.bits)
        guard high >> 64 == 0 else { throw DispatchError.arithmetic(.overflow) }
        return FixedU64F64(bits: (high << 64) | (low >> 64))
    }

    /// Checked quotient, rounded down.
    public func divided(by other: FixedU64F64) throws -> FixedU64F64 {
        guard other.bits != 0 else { throw DispatchError.arithmetic(.divisionByZero) }
        let high = bits >> 64
        let low = bits << 64
        guard high < other.bits else { throw DispatchError.arithmetic(.overflow) }
        return FixedU64F64(bits: other.bits.dividingFullWidth((high, low)).quotient)
    }

    /// The square root, rounded down (exact: the largest `r` with `r² ≤ self` at 2⁻⁶⁴ resolution).
    public func squareRoot() -> FixedU64F64 {
        // sqrt(bits / 2^64) * 2^64 = sqrt(bits * 2^64): an integer square root of a 192-bit value.
        let target = (high: bits >> 64, low: bits << 64)
        var root: UInt128 = 0
        for bit in stride(from: 96, through: 0, by: -1) {
            let candidate = root | (UInt128(1) << UInt128(bit))
            let square = candidate.multipliedFullWidth(by: candidate)
            if square.high < target.high || (square.high == target.high && square.low <= target.low) { root = candidate }
        }
        return FixedU64F64(bits: root)
    }

    /// `self` raised to the integer power `exponent` (square-and-multiply, each step rounded down).
    public func power(_ exponent: UInt32) throws -> FixedU64F64 {
        var result = FixedU64F64.one
        var base = self
        var remaining = exponent
        while remaining > 0 {
            if remaining & 1 == 1 { result = try result.multiplied(by: base) }
            remaining >>= 1
            if remaining > 0 { base = try base.multiplied(by: base) }
        }
        return result
    }

    /// The smaller of two values.
    public static func minimum(_ a: FixedU64F64, _ b: FixedU64F64) -> FixedU64F64 { a < b ? a : b }

    /// A balance in planck as PHA (`to_fixed(b) = b / 10¹²`), rounded down.
    public static func fromBalance(_ balance: UInt128) throws -> FixedU64F64 { try ratio(balance, balanceUnit) }

    /// The value in PHA converted to planck (`from_fixed(v) = v × 10¹²`), rounded down.
    public func toBalance() throws -> UInt128 {
        let (high, low) = bits.multipliedFullWidth(by: FixedU64F64.balanceUnit)
        guard high >> 64 == 0 else { throw DispatchError.arithmetic(.overflow) }
        return (high << 64) | (low >> 64)
    }

    public static func < (lhs: FixedU64F64, rhs: FixedU64F64) -> Bool { lhs.bits < rhs.bits }

    /// Decimal rendering with 18 fractional digits (truncated), for logs and tests.
    public var description: String {
        let scale: UInt128 = 1_000_000_000_000_000_000
        let fraction = (UInt128(fractionalBitsValue) * scale) >> 64
        let digits = String(fraction)
        return "\(integerPart)." + String(repeating: "0", count: 18 - digits.count) + digits
    }

    public func encode(to encoder: inout ScaleEncoder) { encoder.encode(bits) }
    public init(from decoder: inout ScaleDecoder) throws { bits = try decoder.decode() }
    public static var typeInfo: TypeDescription { UInt128.typeInfo }
}

extension UInt128 {
    /// `self × multiplier / divisor` with a 256-bit intermediate, rounded down; throws on
    /// division by zero or a quotient wider than 128 bits.
    public func multipliedDivided(by multiplier: UInt128, _ divisor: UInt128) throws -> UInt128 {
        guard divisor != 0 else { throw DispatchError.arithmetic(.divisionByZero) }
        let product = multipliedFullWidth(by: multiplier)
        guard product.high < divisor else { throw DispatchError.arithmetic(.overflow) }
        return divisor.dividingFullWidth(product).quotient
    }
}

/// Parts per million (`sp_arithmetic::Permill`), e.g. a pool's commission.
public struct Permill: Hashable, Comparable, Sendable, ScaleCodable, TypeInfo {
    /// The parts, 0…1 000 000.
    public let parts: UInt32
    /// 100 %.
    public static let one = Permill(unchecked: 1_000_000)
    /// 0 %.
    public static let zero = Permill(unchecked: 0)

    /// A ratio from its parts; `nil` above 1 000 000.
    public init?(parts: UInt32) {
        guard parts <= 1_000_000 else { return nil }
        self.parts = parts
    }

    init(unchecked parts: UInt32) { self.parts = parts }

    /// `amount × self`, rounded down.
    public func of(_ amount: UInt128) -> UInt128 {
        // amount × parts / 10⁶ ≤ amount, so the quotient always fits.
        (try? amount.multipliedDivided(by: UInt128(parts), 1_000_000)) ?? 0
    }

    public static func < (lhs: Permill, rhs: Permill) -> Bool { lhs.parts < rhs.parts }
    public func encode(to encoder: inout ScaleEncoder) { encoder.encode(parts) }
    public init(from decoder: inout ScaleDecoder) throws {
        let raw: UInt32 = try decoder.decode()
        // Clamp rather than reject, as Substrate's `Permill::decode` does (`from_parts` saturates).
        parts = Swift.min(raw, 1_000_000)
    }
    public static var typeInfo: TypeDescription {
        .init(path: ["sp_arithmetic", "per_things", "Permill"], .composite([FieldDescription(nil, UInt32.self, typeName: "u32")]))
    }
}
