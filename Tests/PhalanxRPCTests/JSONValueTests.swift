import PhalanxRPC
import Testing

@Suite struct JSONValueTests {
    @Test func integersStayExact() throws {
        let v = try JSONValue(parsing: "[9223372036854775807,-9223372036854775808,18446744073709551615,1.5,1e3,0]")
        #expect(v == [.int(Int64.max), .int(Int64.min), .uint(UInt64.max), .double(1.5), .double(1000), .int(0)])
        #expect(v.serialized() == "[9223372036854775807,-9223372036854775808,18446744073709551615,1.5,1000,0]")
    }

    @Test func stringsRoundTripWithEscapes() throws {
        let text = #"{"a":"line\nbreak \"q\" \\ \u00e9 \ud83d\ude00 \u0001"}"#
        let v = try JSONValue(parsing: text)
        #expect(v["a"] == .string("line\nbreak \"q\" \\ é 😀 \u{1}"))
        #expect(try JSONValue(parsing: v.serialized()) == v)
    }

    @Test(arguments: [
        "", "{", "[1,]", "{\"a\"}", "tru", "01", "1.", "-", "\"\\x\"", "\"\\ud800\"", "[1] 2", "\"\u{1}\"",
        "{\"a\":1,}", "NaN", "'a'",
    ])
    func rejectsMalformed(_ text: String) {
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: text) }
    }

    @Test func rejectsDeepNestingAndInvalidUTF8() {
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: String(repeating: "[", count: 100_000)) }
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: [0x22, 0xFF, 0xFE, 0x22] as [UInt8]) }
        #expect(throws: Never.self) { try JSONValue(parsing: String(repeating: "[", count: 100) + String(repeating: "]", count: 100)) }
    }

    @Test func randomBytesNeverCrashTheParser() throws {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("{}[],:\"\\0123456789.eE+-truefalsnl \u{0}".utf8) + [0xC3, 0xFF]
        for _ in 0..<20_000 {
            let length = Int(generator.next() % 40)
            let bytes = (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            if let value = try? JSONValue(parsing: bytes) {
                #expect(try JSONValue(parsing: value.serialized()).serialized() == value.serialized())
            }
        }
    }

    @Test func codableBridgeKeepsIntegers() throws {
        struct Sample: Codable, Equatable { var n: UInt64; var s: String }
        let value = try JSONValue(encoding: Sample(n: UInt64.max, s: "x"))
        #expect(value == ["n": .uint(UInt64.max), "s": "x"])
        #expect(try value.decode(Sample.self) == Sample(n: UInt64.max, s: "x"))
    }

    @Test func paramsReportMismatchesAsInvalidParams() throws {
        let params = RPCParams([.string("0x0102"), .int(5), .null, .string("zz")])
        #expect(try params.bytes(0) == [1, 2])
        #expect(try params.integer(1, as: UInt8.self) == 5)
        #expect(try params.optionalBytes(2) == nil)
        #expect(try params.optionalString(9) == nil)
        for attempt in [{ _ = try params.string(1, "hash") }, { _ = try params.bytes(3) }, { _ = try params.integer(3, as: Int.self) }, { _ = try params.bytes(0, length: 32) }, { try params.expect(atMost: 2) }] {
            do {
                try attempt()
                Issue.record("expected -32602")
            } catch let error as RPCError {
                #expect(error.code == -32602)
                #expect(error.data?.stringValue?.hasSuffix(".") == true)
            }
        }
        do {
            _ = try params.string(1, "hash")
        } catch {
            #expect(error.data == "Parameter 1 (hash) must be a string, got a number.")
        }
        let named = RPCParams(["hash": "0xff"])
        #expect(try named.bytes(0, "hash") == [0xFF])
    }
}
