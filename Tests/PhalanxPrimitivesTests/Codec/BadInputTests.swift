import PhalanxPrimitives
import Testing

/// Malformed and hostile input: every case must throw the specific ``ScaleError``, never crash.
@Suite struct BadInputTests {
    @Test func trailingAndTruncatedInput() {
        expectFailure(UInt32.self, "0100000000", .trailingBytes(count: 1))
        expectFailure(Bool.self, "0100", .trailingBytes(count: 1))
        expectFailure(UInt32.self, "010000", .unexpectedEnd(needed: 4, available: 3))
        expectFailure(UInt128.self, "", .unexpectedEnd(needed: 16, available: 0))
        expectFailure(Compact<UInt32>.self, "", .unexpectedEnd(needed: 1, available: 0))
        expectFailure(Compact<UInt32>.self, "01", .unexpectedEnd(needed: 1, available: 0))
        expectFailure(Compact<UInt32>.self, "020001", .unexpectedEnd(needed: 3, available: 2))
        expectFailure(Compact<UInt64>.self, "07000000", .unexpectedEnd(needed: 5, available: 3))
        expectFailure(String.self, "1448656c6c", .unexpectedEnd(needed: 5, available: 4))
        expectFailure(UInt32?.self, "01", .unexpectedEnd(needed: 4, available: 0))
        expectFailure(Fixed4.self, "010203", .unexpectedEnd(needed: 4, available: 3))
    }

    @Test func decoderStateAfterPartialReads() throws {
        var decoder = ScaleDecoder(bytes("2a00ff"))
        #expect(try decoder.decode(UInt16.self) == 42)
        #expect(decoder.remaining == 1 && decoder.position == 2)
        #expect(throws: ScaleError.trailingBytes(count: 1)) { try decoder.finish() }
        #expect(try decoder.readBytes(1) == [0xff])
        #expect(throws: ScaleError.unexpectedEnd(needed: 1, available: 0)) { try decoder.readByte() }
        #expect(throws: ScaleError.unexpectedEnd(needed: -1, available: 0)) { try decoder.readBytes(-1) }
        try decoder.finish()
    }

    @Test func nonCanonicalCompactInEveryMode() {
        // Two-byte mode holding values that fit one byte.
        expectFailure(Compact<UInt32>.self, "0100", .nonCanonicalCompact)
        expectFailure(Compact<UInt32>.self, "fd00", .nonCanonicalCompact)
        // Four-byte mode holding values that fit two bytes.
        expectFailure(Compact<UInt32>.self, "02000000", .nonCanonicalCompact)
        expectFailure(Compact<UInt32>.self, "feff0000", .nonCanonicalCompact)
        // Big-integer mode with 4 bytes holding a value below 2^30.
        expectFailure(Compact<UInt32>.self, "03ffffff3f", .nonCanonicalCompact)
        expectFailure(Compact<UInt64>.self, "0300000001", .nonCanonicalCompact)
        // Big-integer mode whose top byte is zero (a shorter length would do).
        expectFailure(Compact<UInt64>.self, "07ffffffff00", .nonCanonicalCompact)
        expectFailure(Compact<UInt128>.self, "33" + String(repeating: "ff", count: 15) + "00", .nonCanonicalCompact)
        // The same rules apply to collection lengths.
        expectFailure([UInt8].self, "0100", .nonCanonicalCompact)
    }

    @Test func compactTooLargeForTargetType() {
        expectFailure(Compact<UInt8>.self, "0104", .compactOutOfRange)  // 256
        expectFailure(Compact<UInt8>.self, "02000100", .compactOutOfRange)
        expectFailure(Compact<UInt16>.self, "02000400", .compactOutOfRange)  // 65536
        expectFailure(Compact<UInt16>.self, "0300000040", .compactOutOfRange)
        expectFailure(Compact<UInt32>.self, "070000000001", .compactOutOfRange)  // 2^32
        expectFailure(Compact<UInt64>.self, "17" + "000000000000000001", .compactOutOfRange)  // 2^64
        expectFailure(Compact<UInt128>.self, "37" + String(repeating: "ff", count: 17), .compactOutOfRange)
        expectFailure(Compact<UInt128>.self, "ff", .compactOutOfRange)  // 67-byte length, no payload
        // Lengths are Compact<u32>, as in Rust.
        expectFailure([UInt8].self, "070000000001", .compactOutOfRange)
    }

    @Test func invalidTags() {
        expectFailure(Bool.self, "02", .invalidBool(2))
        expectFailure(Bool.self, "ff", .invalidBool(0xff))
        expectFailure(UInt32?.self, "03", .invalidOptionTag(3))
        expectFailure(Bool?.self, "0102", .invalidBool(2))
        expectFailure(OptionBool.self, "03", .invalidOptionTag(3))
        expectFailure(Result<UInt32, ErrorCode>.self, "02", .invalidResultTag(2))
        expectFailure(TestCall.self, "01", .invalidVariantIndex(type: "TestCall", index: 1))
        expectFailure(TestCall.self, "ff", .invalidVariantIndex(type: "TestCall", index: 255))
    }

    @Test func invalidUTF8IsRejected() {
        expectFailure(String.self, "04ff", .invalidUTF8)
        expectFailure(String.self, "08c328", .invalidUTF8)  // truncated two-byte sequence
        expectFailure(String.self, "0ceda080", .invalidUTF8)  // encoded UTF-16 surrogate
        expectFailure(String.self, "08c0af", .invalidUTF8)  // overlong encoding
    }

    @Test func lengthLimitIsEnforced() {
        let limits = ScaleDecoder.Limits(maxCollectionLength: 3)
        expectFailure([UInt8].self, "10" + "01020304", .lengthLimitExceeded(length: 4, limit: 3), limits: limits)
        expectFailure(String.self, "10" + "61616161", .lengthLimitExceeded(length: 4, limit: 3), limits: limits)
        expectFailure(
            Set<UInt8>.self, "10" + "01020304", .lengthLimitExceeded(length: 4, limit: 3), limits: limits)
        expectFailure(
            [UInt8: UInt8].self, "10" + "0102030405060708", .lengthLimitExceeded(length: 4, limit: 3),
            limits: limits)
        #expect(throws: Never.self) { try [UInt8].decode(scale: bytes("0c010203"), limits: limits) }
        expectFailure([UInt8].self, "feffffff", .lengthLimitExceeded(length: (1 << 30) - 1, limit: 1 << 25))
    }

    @Test func hugeDeclaredLengthFailsFastWithoutAllocating() {
        // 4 bytes claiming 2^30 - 1 elements: rejected against the remaining input, before any allocation.
        expectFailure([UInt8].self, "feffffff", .unexpectedEnd(needed: (1 << 30) - 1, available: 0), limits: .unlimited)
        expectFailure([UInt64].self, "feffffff", .unexpectedEnd(needed: 8 * ((1 << 30) - 1), available: 0), limits: .unlimited)
        expectFailure([UInt32].self, "0300000080" + "01000000", .unexpectedEnd(needed: 4 << 31, available: 4), limits: .unlimited)
        expectFailure(String.self, "03ffffffff61", .unexpectedEnd(needed: Int(UInt32.max), available: 1), limits: .unlimited)
        expectFailure([[UInt8]].self, "feffffff00", .unexpectedEnd(needed: (1 << 30) - 1, available: 1), limits: .unlimited)
        expectFailure([UInt16: Bool].self, "feffffff", .unexpectedEnd(needed: 3 * ((1 << 30) - 1), available: 0), limits: .unlimited)
        // A user type without a declared minimum size still fails at the end of the input.
        expectFailure([ErrorFlag].self, "feffffff0001", .unexpectedEnd(needed: 1, available: 0), limits: .unlimited)
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for _ in 0..<1000 { _ = try? [UInt8].decode(scale: bytes("03ffffffff"), limits: .unlimited) }
        }
        #expect(elapsed < .seconds(1))
    }

    @Test func mapKeysAndSetElementsMustBeStrictlyAscending() {
        let ok: [UInt32: UInt8] = [1: 0x0a, 2: 0x0b]
        expectVector(ok, "08" + "010000000a" + "020000000b")
        expectFailure([UInt32: UInt8].self, "08" + "020000000b" + "010000000a", .unsortedMapKeys)
        expectFailure([UInt32: UInt8].self, "08" + "010000000a" + "010000000b", .unsortedMapKeys)
        expectFailure(Set<UInt8>.self, "08" + "0201", .unsortedSetElements)
        expectFailure(Set<UInt8>.self, "08" + "0101", .unsortedSetElements)
    }
}
