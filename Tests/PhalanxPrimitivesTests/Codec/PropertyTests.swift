import PhalanxPrimitives
import PropertyBased
import Testing

/// Checks `decode(encode(value)) == value` with a strict decode.
func expectRoundTrip<T: ScaleCodable & Equatable>(_ value: T, sourceLocation: SourceLocation = #_sourceLocation) {
    let encoded = value.scaleEncoded
    do {
        let decoded = try T.decode(scale: encoded)
        #expect(decoded == value, "round trip of \(value)", sourceLocation: sourceLocation)
    } catch {
        Issue.record("decoding the encoding of \(value) failed: \(error)", sourceLocation: sourceLocation)
    }
}

/// Feeds `bytes` to `T`'s strict decoder: it must either throw a ``ScaleError`` or decode a value whose
/// encoding is exactly `bytes` (decoding accepts only canonical encodings).
func expectCanonicalOrScaleError<T: ScaleCodable>(
    _ type: T.Type, _ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation
) {
    do {
        let value = try T.decode(scale: bytes)
        #expect(value.scaleEncoded == bytes, "\(T.self) from \(bytes.hex)", sourceLocation: sourceLocation)
    } catch is ScaleError {
    } catch {
        Issue.record("\(T.self) threw a non-SCALE error \(error)", sourceLocation: sourceLocation)
    }
}

/// Runs every decoder of the module (and the test types) over `bytes`.
func fuzzAllDecoders(_ bytes: [UInt8]) {
    expectCanonicalOrScaleError(UInt8.self, bytes)
    expectCanonicalOrScaleError(UInt16.self, bytes)
    expectCanonicalOrScaleError(UInt32.self, bytes)
    expectCanonicalOrScaleError(UInt64.self, bytes)
    expectCanonicalOrScaleError(UInt128.self, bytes)
    expectCanonicalOrScaleError(Int8.self, bytes)
    expectCanonicalOrScaleError(Int16.self, bytes)
    expectCanonicalOrScaleError(Int32.self, bytes)
    expectCanonicalOrScaleError(Int64.self, bytes)
    expectCanonicalOrScaleError(Int128.self, bytes)
    expectCanonicalOrScaleError(Bool.self, bytes)
    expectCanonicalOrScaleError(Compact<UInt8>.self, bytes)
    expectCanonicalOrScaleError(Compact<UInt16>.self, bytes)
    expectCanonicalOrScaleError(Compact<UInt32>.self, bytes)
    expectCanonicalOrScaleError(Compact<UInt64>.self, bytes)
    expectCanonicalOrScaleError(Compact<UInt128>.self, bytes)
    expectCanonicalOrScaleError(UInt32?.self, bytes)
    expectCanonicalOrScaleError(Bool?.self, bytes)
    expectCanonicalOrScaleError(OptionBool.self, bytes)
    expectCanonicalOrScaleError(Result<UInt32, ErrorCode>.self, bytes)
    expectCanonicalOrScaleError([UInt8].self, bytes)
    expectCanonicalOrScaleError([UInt16].self, bytes)
    expectCanonicalOrScaleError([[UInt8]].self, bytes)
    expectCanonicalOrScaleError([Compact<UInt32>].self, bytes)
    expectCanonicalOrScaleError([Bool?].self, bytes)
    expectCanonicalOrScaleError(String.self, bytes)
    expectCanonicalOrScaleError([String].self, bytes)
    expectCanonicalOrScaleError([UInt32: UInt64].self, bytes)
    expectCanonicalOrScaleError([UInt8: Bool].self, bytes)
    expectCanonicalOrScaleError(Set<UInt8>.self, bytes)
    expectCanonicalOrScaleError(Set<UInt32>.self, bytes)
    expectCanonicalOrScaleError(Pair.self, bytes)
    expectCanonicalOrScaleError(Fixed4.self, bytes)
    expectCanonicalOrScaleError(TestCall.self, bytes)
    expectCanonicalOrScaleError(ScaleUnit.self, bytes)
}

/// A generator of any Unicode scalar (surrogate code points become U+FFFD).
let unicodeCharacter = Gen<UInt32>.value(in: 0...0x10FFFF).map { Character(Unicode.Scalar($0) ?? "\u{FFFD}") }

@Suite struct PropertyTests {
    @Test func integersRoundTrip() async {
        await propertyCheck(count: 200, input: Gen.uint8(), Gen.uint16(), Gen.uint32(), Gen.uint64()) { a, b, c, d in
            expectRoundTrip(a)
            expectRoundTrip(b)
            expectRoundTrip(c)
            expectRoundTrip(d)
        }
        await propertyCheck(count: 200, input: Gen.int8(), Gen.int16(), Gen.int32(), Gen.int64()) { a, b, c, d in
            expectRoundTrip(a)
            expectRoundTrip(b)
            expectRoundTrip(c)
            expectRoundTrip(d)
        }
        await propertyCheck(count: 200, input: Gen.uint128(), Gen.int128()) { a, b in
            expectRoundTrip(a)
            expectRoundTrip(b)
            #expect(a.scaleEncoded.count == 16 && b.scaleEncoded.count == 16)
        }
    }

    @Test func compactsRoundTripWithMinimalLength() async {
        await propertyCheck(count: 500, input: Gen.uint128(), Gen.int(in: 0...127)) { raw, shift in
            let value = raw >> shift
            expectRoundTrip(Compact(value))
            let significantBytes = (128 - value.leadingZeroBitCount + 7) / 8
            let expectedLength =
                value < 1 << 6 ? 1 : value < 1 << 14 ? 2 : value < 1 << 30 ? 4 : 1 + significantBytes
            #expect(Compact(value).scaleEncoded.count == expectedLength)
            if let narrow = UInt64(exactly: value) {
                #expect(Compact(narrow).scaleEncoded == Compact(value).scaleEncoded)
                expectRoundTrip(Compact(narrow))
            } else {
                #expect(throws: ScaleError.compactOutOfRange) {
                    try Compact<UInt64>.decode(scale: Compact(value).scaleEncoded)
                }
            }
            if let narrow = UInt32(exactly: value) { expectRoundTrip(Compact(narrow)) }
            if let narrow = UInt16(exactly: value) { expectRoundTrip(Compact(narrow)) }
            if let narrow = UInt8(exactly: value) { expectRoundTrip(Compact(narrow)) }
        }
    }

    @Test func optionsAndResultsRoundTrip() async {
        await propertyCheck(count: 200, input: Gen.uint32().optional, Gen.bool.optional, Gen.uint8()) {
            number, flag, code in
            expectRoundTrip(number)
            expectRoundTrip(flag)
            expectRoundTrip(OptionBool(flag))
            expectRoundTrip(UInt32??.some(number))
            let result: Result<UInt32, ErrorCode> = number.map { .success($0) } ?? .failure(ErrorCode(code))
            expectRoundTrip(result)
        }
    }

    @Test func collectionsRoundTrip() async {
        await propertyCheck(count: 200, input: Gen.uint16().array(of: 0...100), Gen.uint8().array(of: 0...300)) {
            words, bytes in
            expectRoundTrip(words)
            expectRoundTrip(bytes)
            expectRoundTrip(Fixed4(Array((bytes + [0, 0, 0, 0]).prefix(4))))
            expectRoundTrip([words, []])
        }
        await propertyCheck(
            count: 200, input: zip(Gen.uint32(), Gen.uint64()).dictionary(ofAtMost: 0...70),
            Gen.uint32().set(ofAtMost: 0...70)
        ) { map, set in
            expectRoundTrip(map)
            expectRoundTrip(set)
        }
    }

    @Test func stringsRoundTrip() async {
        await propertyCheck(count: 300, input: unicodeCharacter.string(of: 0...80)) { text in
            expectRoundTrip(text)
            expectRoundTrip([text, text])
            #expect(text.scaleEncoded.suffix(text.utf8.count) == ArraySlice(text.utf8))
        }
    }

    @Test func tuplesAndEnumsRoundTrip() async {
        await propertyCheck(count: 200, input: Gen.uint8(), Gen.uint32(), Gen.uint128(), Gen.int(in: 0...2)) {
            small, word, amount, variant in
            expectRoundTrip(Pair(small, word))
            let call: TestCall =
                switch variant {
                case 0: .transfer(dest: word, amount: Compact(amount))
                case 1: .remark([small])
                default: .noop
                }
            expectRoundTrip(call)
        }
    }

    @Test func randomBytesNeverCrashAnyDecoder() async {
        await propertyCheck(count: 300, input: Gen.uint8().array(of: 0...40)) { bytes in
            fuzzAllDecoders(bytes)
        }
    }

    @Test func structuredRandomBytesNeverCrashAnyDecoder() async {
        // Bytes drawn from tags, small lengths and compact prefixes so that many inputs decode.
        let alphabet: [UInt8] = [0, 1, 2, 3, 4, 5, 8, 0x0c, 0x61, 0xc3, 0xa9, 0xfc, 0xfd, 0xfe, 0xff]
        let byte = Gen.int(in: 0...(alphabet.count - 1)).map { alphabet[$0] }
        await propertyCheck(count: 500, input: byte.array(of: 0...16)) { bytes in
            fuzzAllDecoders(bytes)
        }
    }

    @Test func mutatedEncodingsNeverCrash() async {
        await propertyCheck(
            count: 300, input: Gen.uint16().array(of: 0...20), Gen.int(in: 0...200), Gen.uint8(), Gen.int(in: 0...2)
        ) { words, position, byte, mode in
            var map: [UInt32: UInt64] = [:]
            for (index, word) in words.enumerated() { map[UInt32(word)] = UInt64(index) }
            var encoded = map.scaleEncoded
            switch mode {
            case 0 where !encoded.isEmpty: encoded[position % encoded.count] = byte
            case 1: encoded = Array(encoded.prefix(position % (encoded.count + 1)))
            default: encoded.append(byte)
            }
            fuzzAllDecoders(encoded)
        }
    }
}
