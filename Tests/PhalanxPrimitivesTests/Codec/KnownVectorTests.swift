import PhalanxPrimitives
import Testing

/// Vectors from the SCALE specification (docs.substrate.io "SCALE codec", Polkadot spec appendix B)
/// and from parity-scale-codec's own tests.
@Suite struct KnownVectorTests {
    @Test func fixedWidthIntegers() {
        expectVector(Int8(69), "45")
        expectVector(UInt16(42), "2a00")
        expectVector(UInt32(16_777_215), "ffffff00")
        expectVector(UInt64(0x0102_0304_0506_0708), "0807060504030201")
        expectVector(Int16(-2), "feff")
        expectVector(Int32.min, "00000080")
        expectVector(Int64(-1), "ffffffffffffffff")
        expectVector(UInt128.max, String(repeating: "ff", count: 16))
        expectVector(Int128.min, String(repeating: "00", count: 15) + "80")
        expectVector(UInt128(1) << 64, "0000000000000000" + "0100000000000000")
    }

    @Test func compactModes() {
        expectVector(Compact(UInt32(0)), "00")
        expectVector(Compact(UInt32(1)), "04")
        expectVector(Compact(UInt32(42)), "a8")
        expectVector(Compact(UInt32(63)), "fc")
        expectVector(Compact(UInt32(64)), "0101")
        expectVector(Compact(UInt32(69)), "1501")
        expectVector(Compact(UInt32(16383)), "fdff")
        expectVector(Compact(UInt32(16384)), "02000100")
        expectVector(Compact(UInt32((1 << 30) - 1)), "feffffff")
        expectVector(Compact(UInt32(1 << 30)), "0300000040")
        expectVector(Compact(UInt32.max), "03ffffffff")
        expectVector(Compact(UInt64(1) << 32), "070000000001")
        expectVector(Compact(UInt64(100_000_000_000_000)), "0b00407a10f35a")
        expectVector(Compact(UInt64.max), "13ffffffffffffffff")
        expectVector(Compact(UInt128.max), "33" + String(repeating: "ff", count: 16))
        expectVector(Compact(UInt8.max), "fd03")
        expectVector(Compact(UInt16.max), "feff0300")
    }

    @Test func encoderAndDecoderCompactMethodsAgreeWithWrapper() throws {
        var encoder = ScaleEncoder()
        encoder.encodeCompact(UInt64(16384))
        encoder.encodeCompact(UInt8(1))
        #expect(encoder.bytes.hex == "0200010004")
        var decoder = ScaleDecoder(encoder.bytes)
        #expect(try decoder.decodeCompact(UInt64.self) == 16384)
        #expect(try decoder.decodeCompact(UInt8.self) == 1)
        try decoder.finish()
    }

    @Test func boolAndOptions() {
        expectVector(false, "00")
        expectVector(true, "01")
        expectVector(UInt32?.none, "00")
        expectVector(UInt32?.some(5), "0105000000")
        // Rust `Option<bool>` is the generic Option (parity-scale-codec has no specialisation)…
        expectVector(Bool?.none, "00")
        expectVector(Bool?.some(true), "0101")
        expectVector(Bool?.some(false), "0100")
        // …and the one-byte form of the spec is Rust's `OptionBool`.
        expectVector(OptionBool(nil), "00")
        expectVector(OptionBool(true), "01")
        expectVector(OptionBool(false), "02")
        expectVector(UInt8??.some(.none), "0100")
    }

    @Test func results() {
        expectVector(Result<UInt8, ErrorFlag>.success(42), "002a")
        expectVector(Result<UInt8, ErrorFlag>.failure(ErrorFlag(false)), "0100")
        expectVector(Result<ScaleUnit, ErrorCode>.success(ScaleUnit()), "00")
    }

    @Test func vectorsStringsAndFixedArrays() {
        expectVector([UInt16]([4, 8, 15, 16, 23, 42]), "18040008000f00100017002a00")
        expectVector([UInt8](), "00")
        expectVector([UInt8](repeating: 7, count: 64), "0101" + String(repeating: "07", count: 64))
        expectVector("", "00")
        expectVector("Hello", "1448656c6c6f")
        expectVector("é😀", "18c3a9f09f9880")
        expectVector(Fixed4([1, 2, 3, 4]), "01020304")
        expectVector([[UInt8]]([[1], []]), "08040100")
        var encoder = ScaleEncoder()
        encoder.encodeFixed([UInt16(1), 2])
        #expect(encoder.bytes.hex == "01000200")
    }

    @Test func tuplesConcatenate() throws {
        expectVector(Pair(1, 2), "0102000000")
        var encoder = ScaleEncoder()
        encoder.encodeAll(Compact(UInt32(3)), false, "a")
        #expect(encoder.bytes.hex == "0c000461")
        var decoder = ScaleDecoder(encoder.bytes)
        let (count, flag, text) = try decoder.decodeAll(Compact<UInt32>.self, Bool.self, String.self)
        #expect(count == Compact(3) && flag == false && text == "a")
        try decoder.finish()
    }

    @Test func mapsAndSetsAreSortedByKey() {
        let map: [UInt32: UInt64] = [3: 4, 1: 2]
        let flags: [String: Bool] = ["b": true, "a": false]
        expectVector(map, "08" + "01000000" + "0200000000000000" + "03000000" + "0400000000000000")
        expectVector(Set<UInt16>([300, 1, 2]), "0c" + "0100" + "0200" + "2c01")
        expectVector(flags, "08" + "046100" + "046201")
    }

    @Test func enumsWithExplicitIndices() {
        expectVector(TestCall.transfer(dest: 1, amount: Compact(69)), "00" + "01000000" + "1501")
        expectVector(TestCall.remark([0xaa]), "05" + "04aa")
        expectVector(TestCall.noop, "09")
    }

    @Test func errorsHaveStableCodesAndDescriptions() {
        let all: [ScaleError] = [
            .unexpectedEnd(needed: 2, available: 1), .trailingBytes(count: 1), .nonCanonicalCompact,
            .compactOutOfRange, .invalidBool(2), .invalidOptionTag(3), .invalidResultTag(2), .invalidUTF8,
            .invalidVariantIndex(type: "T", index: 7), .lengthLimitExceeded(length: 5, limit: 4),
            .unsortedMapKeys, .unsortedSetElements, .invalidValue(type: "T", reason: "bad"),
        ]
        #expect(all.map(\.code) == Array(1...13))
        for error in all {
            #expect(error.description.hasPrefix("SCALE ") && error.description.hasSuffix("."))
        }
        #expect(ScaleError.invalidBool(2).description == "SCALE bool byte is 0x02, expected 0x00 or 0x01.")
    }
}
