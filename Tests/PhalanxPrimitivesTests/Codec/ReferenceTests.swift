import Foundation
import PhalanxPrimitives
import PhalanxTestSupport
import Testing

/// Deterministic SplitMix64, so reference batches are reproducible.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// One value checked against py-scalecodec: its scalecodec type, its JSON form, and its Swift codec.
struct ReferenceCase {
    var type: String
    var json: String
    var swiftBytes: [UInt8]
    var decodesBack: ([UInt8]) throws -> Bool
    var label: String
}

func referenceCase<T: ScaleCodable & Equatable>(_ type: String, _ json: String, _ value: T) -> ReferenceCase {
    ReferenceCase(
        type: type, json: json, swiftBytes: value.scaleEncoded,
        decodesBack: { try T.decode(scale: $0) == value }, label: "\(type) \(json)")
}

/// JSON text of a string value.
func jsonString(_ text: String) -> String {
    (try? String(decoding: JSONEncoder().encode(text), as: UTF8.self)) ?? "null"
}

/// Cross-checks the Swift codec against the independent Python `scalecodec` library, in one batch per type family.
@Suite(.serialized) struct ReferenceTests {
    static let script = """
        import sys, json
        from scalecodec.base import RuntimeConfiguration
        from scalecodec.type_registry import load_type_registry_preset
        rc = RuntimeConfiguration()
        rc.update_type_registry(load_type_registry_preset("legacy"))
        rc.update_type_registry({"types": {
            "ResultU32U8": {"type": "enum", "type_mapping": [["Ok", "u32"], ["Err", "u8"]]}}})
        out = []
        for case in json.load(sys.stdin):
            t, v = case["type"], json.loads(case["value"])
            # Rust's BTreeMap/BTreeSet iterate in key order; scalecodec keeps the order it is given.
            if t.startswith("BTreeMap<"): v = sorted((tuple(p) for p in v), key=lambda p: p[0])
            if t.startswith("BTreeSet<"): v = sorted(v)
            out.append(rc.create_scale_object(t).encode(v).to_hex()[2:])
        print(json.dumps(out))
        """

    /// Encodes every case with scalecodec; checks equal bytes and that Swift decodes scalecodec's bytes back.
    func check(_ cases: [ReferenceCase]) throws {
        let input = cases.map { ["type": $0.type, "value": $0.json] }
        let reference = try PythonReference.json(Self.script, input: input, as: [String].self)
        try #require(reference.count == cases.count)
        for (item, hex) in zip(cases, reference) {
            #expect(item.swiftBytes.hex == hex, "\(item.label)")
            let decoded = try #require([UInt8](hex: hex))
            #expect(try item.decodesBack(decoded), "\(item.label)")
        }
    }

    func integers<T: FixedWidthInteger & ScaleCodable>(
        _ type: T.Type, _ name: String, _ rng: inout SplitMix64
    ) -> [ReferenceCase] {
        var values: [T] = [.min, .max, 0, 1, .max - 1, .min + 1]
        if T.isSigned { values.append(-1) }
        for _ in 0..<20 {
            var value = T.random(in: .min ... .max, using: &rng)
            value >>= Int.random(in: 0..<T.bitWidth, using: &rng)
            values.append(value)
        }
        return values.map { referenceCase(name, "\($0)", $0) }
    }

    func compacts<T: UnsignedInteger & FixedWidthInteger>(
        _ type: T.Type, _ name: String, _ rng: inout SplitMix64
    ) -> [ReferenceCase] {
        var values: [T] = [0, 1, .max, .max - 1]
        for bits in [6, 8, 14, 16, 30, 32, 40, 48, 56, 64, 72, 96, 120, 128] where bits <= T.bitWidth {
            let edge: T = bits == T.bitWidth ? .max : (1 << bits) - 1
            values += [edge, edge - 1, edge / 2]
            if edge < .max { values.append(edge + 1) }
        }
        for _ in 0..<20 {
            values.append(T.random(in: .min ... .max, using: &rng) >> Int.random(in: 0..<T.bitWidth, using: &rng))
        }
        return values.map { referenceCase("Compact<\(name)>", "\($0)", Compact($0)) }
    }

    @Test func fixedWidthIntegers() throws {
        var rng = SplitMix64(state: 1)
        var cases = integers(UInt8.self, "u8", &rng) + integers(UInt16.self, "u16", &rng)
        cases += integers(UInt32.self, "u32", &rng) + integers(UInt64.self, "u64", &rng)
        cases += integers(UInt128.self, "u128", &rng) + integers(Int8.self, "i8", &rng)
        cases += integers(Int16.self, "i16", &rng) + integers(Int32.self, "i32", &rng)
        cases += integers(Int64.self, "i64", &rng) + integers(Int128.self, "i128", &rng)
        try check(cases)
    }

    @Test func compactsAcrossAllModeBoundaries() throws {
        var rng = SplitMix64(state: 2)
        var cases = compacts(UInt8.self, "u8", &rng) + compacts(UInt16.self, "u16", &rng)
        cases += compacts(UInt32.self, "u32", &rng) + compacts(UInt64.self, "u64", &rng)
        cases += compacts(UInt128.self, "u128", &rng)
        try check(cases)
    }

    @Test func boolsAndOptions() throws {
        var rng = SplitMix64(state: 3)
        var cases = [referenceCase("bool", "true", true), referenceCase("bool", "false", false)]
        cases += [
            referenceCase("Option<bool>", "null", Bool?.none),
            referenceCase("Option<bool>", "true", Bool?.some(true)),
            referenceCase("Option<bool>", "false", Bool?.some(false)),
            referenceCase("Option<u32>", "null", UInt32?.none),
            referenceCase("Option<u32>", "0", UInt32?.some(0)),
        ]
        for _ in 0..<10 {
            let value = UInt32.random(in: 0 ... .max, using: &rng)
            cases.append(referenceCase("Option<u32>", "\(value)", UInt32?.some(value)))
        }
        try check(cases)
    }

    @Test func vectorsStringsAndFixedArrays() throws {
        var rng = SplitMix64(state: 4)
        var cases: [ReferenceCase] = []
        for length in [0, 1, 63, 64, 65, 70] + (0..<10).map({ _ in Int.random(in: 0...300, using: &rng) }) {
            let values = (0..<length).map { _ in UInt16.random(in: 0 ... .max, using: &rng) }
            cases.append(referenceCase("Vec<u16>", "\(values)", values))
            let bytes = (0..<length).map { _ in UInt8.random(in: 0 ... .max, using: &rng) }
            cases.append(referenceCase("Vec<u8>", "\(bytes)", bytes))
        }
        var strings = ["", "a", "Hello", "é😀", "漢字かな", String(repeating: "x", count: 64), String(repeating: "ü", count: 40)]
        for _ in 0..<10 {
            let scalars = (0..<Int.random(in: 0...80, using: &rng)).compactMap { _ in
                Unicode.Scalar(UInt32.random(in: 0...0x10FFFF, using: &rng))
            }
            strings.append(String(String.UnicodeScalarView(scalars)))
        }
        cases += strings.map { referenceCase("String", jsonString($0), $0) }
        for _ in 0..<10 {
            let fixed = (0..<4).map { _ in UInt8.random(in: 0 ... .max, using: &rng) }
            cases.append(referenceCase("[u8; 4]", "\(fixed)", Fixed4(fixed)))
        }
        try check(cases)
    }

    @Test func tuplesMapsSetsAndResults() throws {
        var rng = SplitMix64(state: 5)
        var cases: [ReferenceCase] = []
        for _ in 0..<10 {
            let pair = Pair(UInt8.random(in: 0 ... .max, using: &rng), UInt32.random(in: 0 ... .max, using: &rng))
            cases.append(referenceCase("(u8, u32)", "[\(pair.first), \(pair.second)]", pair))
        }
        for length in [0, 1, 2, 5, 64, 70] {
            var map: [UInt32: UInt64] = [:]
            for _ in 0..<length { map[UInt32.random(in: 0...1000, using: &rng)] = UInt64.random(in: 0 ... .max, using: &rng) }
            let pairs = map.map { "[\($0.key), \($0.value)]" }.joined(separator: ", ")
            cases.append(referenceCase("BTreeMap<u32, u64>", "[\(pairs)]", map))
            let set = Set(map.keys)
            cases.append(referenceCase("BTreeSet<u32>", "\(Array(set))", set))
        }
        for _ in 0..<5 {
            let ok = UInt32.random(in: 0 ... .max, using: &rng), err = UInt8.random(in: 0 ... .max, using: &rng)
            cases.append(referenceCase("ResultU32U8", #"{"Ok": \#(ok)}"#, Result<UInt32, ErrorCode>.success(ok)))
            cases.append(referenceCase("ResultU32U8", #"{"Err": \#(err)}"#, Result<UInt32, ErrorCode>.failure(ErrorCode(err))))
        }
        try check(cases)
    }
}
