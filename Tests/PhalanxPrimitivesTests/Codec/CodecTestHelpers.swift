import PhalanxPrimitives
import Testing

/// Parses test hex, recording an issue (and yielding no bytes) on malformed literals.
func bytes(_ hex: String, sourceLocation: SourceLocation = #_sourceLocation) -> [UInt8] {
    guard let value = [UInt8](hex: hex) else {
        Issue.record("bad hex literal \(hex)", sourceLocation: sourceLocation)
        return []
    }
    return value
}

/// Checks that `value` encodes to `hex` and that `hex` decodes strictly back to `value`.
func expectVector<T: ScaleCodable & Equatable>(
    _ value: T, _ hex: String, sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(value.scaleEncoded.hex == hex, "encoding \(value)", sourceLocation: sourceLocation)
    do {
        let decoded = try T.decode(scale: bytes(hex))
        #expect(decoded == value, "decoding \(hex)", sourceLocation: sourceLocation)
    } catch {
        Issue.record("decoding \(hex) as \(T.self) failed: \(error)", sourceLocation: sourceLocation)
    }
}

/// Checks that decoding `hex` as `T` fails with exactly `error`.
func expectFailure<T: ScaleDecodable>(
    _ type: T.Type, _ hex: String, _ error: ScaleError,
    limits: ScaleDecoder.Limits = .default, sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(throws: error, "decoding \(hex) as \(T.self)", sourceLocation: sourceLocation) {
        _ = try T.decode(scale: bytes(hex), limits: limits)
    }
}

/// A test enum with explicit, non-contiguous variant indices (like `#[codec(index = …)]`).
enum TestCall: ScaleCodable, Equatable {
    case transfer(dest: UInt32, amount: Compact<UInt128>)
    case remark([UInt8])
    case noop

    func encode(to encoder: inout ScaleEncoder) {
        switch self {
        case .transfer(let dest, let amount):
            encoder.encodeVariant(index: 0)
            encoder.encodeAll(dest, amount)
        case .remark(let data):
            encoder.encodeVariant(index: 5)
            encoder.encode(data)
        case .noop:
            encoder.encodeVariant(index: 9)
        }
    }

    init(from decoder: inout ScaleDecoder) throws {
        switch try decoder.readVariantIndex() {
        case 0:
            let (dest, amount) = try decoder.decodeAll(UInt32.self, Compact<UInt128>.self)
            self = .transfer(dest: dest, amount: amount)
        case 5: self = .remark(try decoder.decode())
        case 9: self = .noop
        case let index: throw ScaleError.invalidVariantIndex(type: "TestCall", index: index)
        }
    }

    static var scaleMinimumEncodedSize: Int { 1 }
}

/// A two-field struct standing for a Rust tuple `(u8, u32)`.
struct Pair: ScaleCodable, Equatable {
    var first: UInt8
    var second: UInt32

    init(_ first: UInt8, _ second: UInt32) {
        self.first = first
        self.second = second
    }

    func encode(to encoder: inout ScaleEncoder) {
        encoder.encodeAll(first, second)
    }

    init(from decoder: inout ScaleDecoder) throws {
        (first, second) = try decoder.decodeAll(UInt8.self, UInt32.self)
    }
}

/// A fixed `[u8; 4]`, encoded without a length prefix.
struct Fixed4: ScaleCodable, Equatable {
    var bytes: [UInt8]

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func encode(to encoder: inout ScaleEncoder) { encoder.encodeFixed(bytes) }

    init(from decoder: inout ScaleDecoder) throws { bytes = try decoder.decodeFixed(UInt8.self, count: 4) }

    static var scaleMinimumEncodedSize: Int { 4 }
}

/// A failure payload standing for a Rust `u8` in `Result<_, u8>` (Swift requires `Failure: Error`).
struct ErrorCode: Error, ScaleCodable, Equatable {
    var value: UInt8

    init(_ value: UInt8) { self.value = value }

    func encode(to encoder: inout ScaleEncoder) { encoder.encode(value) }

    init(from decoder: inout ScaleDecoder) throws { value = try decoder.decode() }

    static var scaleMinimumEncodedSize: Int { 1 }
}

/// A failure payload standing for a Rust `bool`.
struct ErrorFlag: Error, ScaleCodable, Equatable {
    var value: Bool

    init(_ value: Bool) { self.value = value }

    func encode(to encoder: inout ScaleEncoder) { encoder.encode(value) }

    init(from decoder: inout ScaleDecoder) throws { value = try decoder.decode() }
}
