/// A value with a SCALE encoding, bit-exact with Rust `parity-scale-codec`.
public protocol ScaleEncodable {
    /// Appends the SCALE encoding of `self` to `encoder`.
    func encode(to encoder: inout ScaleEncoder)
}

/// A value decodable from SCALE bytes; implementations throw only ``ScaleError``.
///
/// Enums with explicit indices read the variant byte and switch, rejecting unknown indices:
/// ```swift
/// enum Vote: ScaleCodable {
///     case aye(UInt32), nay
///     func encode(to encoder: inout ScaleEncoder) {
///         switch self {
///         case .aye(let weight): encoder.encodeVariant(index: 0); encoder.encode(weight)
///         case .nay: encoder.encodeVariant(index: 1)
///         }
///     }
///     init(from decoder: inout ScaleDecoder) throws {
///         switch try decoder.readVariantIndex() {
///         case 0: self = .aye(try decoder.decode(UInt32.self))
///         case 1: self = .nay
///         case let index: throw ScaleError.invalidVariantIndex(type: "Vote", index: index)
///         }
///     }
/// }
/// ```
public protocol ScaleDecodable {
    /// Reads a value from `decoder`, throwing ``ScaleError`` on malformed input.
    init(from decoder: inout ScaleDecoder) throws

    /// The fewest bytes any encoding of this type occupies; lets collection decoders reject a declared
    /// length longer than the remaining input before allocating. Defaults to 0 (no assumption).
    static var scaleMinimumEncodedSize: Int { get }
}

extension ScaleDecodable {
    /// Default: no lower bound is known, so collection lengths are checked only against the limit.
    public static var scaleMinimumEncodedSize: Int { 0 }
}

/// A type that is both SCALE-encodable and SCALE-decodable.
public typealias ScaleCodable = ScaleEncodable & ScaleDecodable

extension ScaleEncodable {
    /// The SCALE encoding of `self` as a fresh byte array.
    public var scaleEncoded: [UInt8] {
        var encoder = ScaleEncoder()
        encoder.encode(self)
        return encoder.bytes
    }
}

extension ScaleDecodable {
    /// Decodes exactly one value from `scale`; trailing bytes are an error (``ScaleError/trailingBytes(count:)``).
    public static func decode(scale: [UInt8], limits: ScaleDecoder.Limits = .default) throws -> Self {
        var decoder = ScaleDecoder(scale, limits: limits)
        let value = try Self(from: &decoder)
        try decoder.finish()
        return value
    }
}

/// The unit type `()` of Rust: encodes to no bytes (e.g. for `Result<(), DispatchError>`).
public struct ScaleUnit: ScaleCodable, Hashable, Sendable {
    /// The only value.
    public init() {}
    /// Encodes nothing.
    public func encode(to encoder: inout ScaleEncoder) {}
    /// Decodes nothing.
    public init(from decoder: inout ScaleDecoder) throws {}
}
