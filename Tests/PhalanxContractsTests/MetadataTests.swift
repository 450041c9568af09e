import Foundation
import PhalanxContracts
import PhalanxPrimitives
import PhalanxTestSupport
import Testing

/// The shared flipper bundle with extra types.
let sampleMetadata = SampleContractBundles.flipperMetadata

@Suite struct MetadataTests {
    let metadata: ContractMetadata
    let codec: ContractValueCodec

    init() throws {
        metadata = try ContractMetadata(json: sampleMetadata)
        codec = ContractValueCodec(metadata: metadata) {
            $0 == "f" ? AccountId32(bytes: [UInt8](repeating: 0xF0, count: 32)) : nil
        }
    }

    func roundTrip(_ json: String, type: UInt32, bytes: [UInt8], output: String? = nil) throws {
        let value = try JSONValue.parse(json)
        #expect(try codec.encode(value, type: type) == bytes, "\(json)")
        #expect(try codec.decode(bytes, type: type).description == (output ?? json), "\(json)")
    }

    @Test func parsesBundle() throws {
        #expect(metadata.version == 5)
        #expect(metadata.contractName == "flipper")
        #expect(metadata.wasm == [0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0])
        #expect(metadata.constructor("new")?.selector == [0x9b, 0xae, 0x9d, 0x5e])
        #expect(metadata.message("get")?.returnType == 4)
        #expect(metadata.message(selector: [0x63, 0x3a, 0xa5, 0x51])?.label == "flip")
        #expect(metadata.events.first?.signatureTopic == SampleContracts.transferTopic)
        #expect(metadata.types.count == 20)
    }

    @Test func acceptsVersion4AndRejectsOthers() throws {
        let v4 = sampleMetadata.replacingOccurrences(of: "\"version\": 5", with: "\"version\": \"4\"")
        #expect(try ContractMetadata(json: v4).version == 4)
        let v6 = sampleMetadata.replacingOccurrences(of: "\"version\": 5", with: "\"version\": 6")
        #expect(throws: MetadataError.self) { try ContractMetadata(json: v6) }
        #expect(throws: MetadataError.self) { try ContractMetadata(json: "{\"V3\": {}}") }
        #expect(throws: JSONParseError.self) { try ContractMetadata(json: "{\"version\": 5") }
    }

    @Test func encodesCallsAndDecodesReturns() throws {
        let new = try #require(metadata.constructor("new"))
        #expect(try codec.encodeCall(new, arguments: [.bool(true)]) == SampleContracts.newSelector + [1])
        let get = try #require(metadata.message("get"))
        #expect(try codec.decodeReturn(get, data: [0, 1]).description == #"{"Ok":true}"#)
        #expect(try codec.decodeReturn(get, data: [1, 1]).description == #"{"Err":"CouldNotReadInput"}"#)
        let flip = try #require(metadata.message("flip"))
        #expect(try codec.decodeReturn(flip, data: [0]).description == #"{"Ok":null}"#)
        #expect(throws: ContractValueError.self) { try codec.decodeReturn(get, data: [0, 1, 9]) }
        #expect(throws: ContractValueError.self) { try codec.decodeReturn(get, data: [0, 2]) }

        let transfer = try #require(metadata.message("transfer"))
        let bob = try KeyPair(uri: "//Bob").accountId
        let call = try codec.encodeCall(
            transfer,
            arguments: [.string("bob"), .string("340282366920938463463374607431768211455"), .string("0x0102")])
        #expect(call == SampleContracts.transferSelector + bob.bytes + [UInt8](repeating: 0xFF, count: 16) + [8, 1, 2])
        #expect(throws: ContractValueError.self) { try codec.encodeCall(transfer, arguments: [.string("bob")]) }
    }

    @Test func accounts() throws {
        let alice = try KeyPair(uri: "//Alice").accountId
        let ss58 = alice.ss58(prefix: 30)
        try roundTrip("\"\(ss58)\"", type: 5, bytes: alice.bytes)
        #expect(try codec.encode(.string("alice"), type: 5) == alice.bytes)
        #expect(try codec.encode(.string(alice.ss58(prefix: 42)), type: 5) == alice.bytes)
        #expect(try codec.encode(.string(alice.bytes.prefixedHex), type: 5) == alice.bytes)
        #expect(try codec.encode(.string("f"), type: 5) == [UInt8](repeating: 0xF0, count: 32))
        #expect(throws: ContractValueError.self) { try codec.encode(.string("nobody"), type: 5) }
    }

    @Test func conventions() throws {
        try roundTrip("true", type: 0, bytes: [1])
        try roundTrip("255", type: 7, bytes: [255])
        try roundTrip("9007199254740992", type: 8, bytes: UInt128(1 << 53).scaleEncoded)
        try roundTrip("\"9007199254740993\"", type: 8, bytes: UInt128((1 << 53) + 1).scaleEncoded)
        try roundTrip(
            "9007199254740993", type: 8, bytes: UInt128((1 << 53) + 1).scaleEncoded, output: "\"9007199254740993\"")
        try roundTrip("-5", type: 16, bytes: Int64(-5).scaleEncoded)
        try roundTrip("\"0x0102\"", type: 10, bytes: [8, 1, 2])
        try roundTrip(
            "\"0x\(String(repeating: "ab", count: 32))\"", type: 11, bytes: [UInt8](repeating: 0xAB, count: 32))
        try roundTrip("\"héllo\"", type: 12, bytes: "héllo".scaleEncoded)
        try roundTrip("null", type: 9, bytes: [0])
        try roundTrip("\"InsufficientBalance\"", type: 13, bytes: [0])
        try roundTrip(#"{"Custom":"x"}"#, type: 13, bytes: [1, 4, 0x78])
        try roundTrip(#"{"Pair":[1,2]}"#, type: 13, bytes: [2, 1, 2])
        try roundTrip(#"{"Named":{"a":7}}"#, type: 13, bytes: [3, 7])
        try roundTrip(#"{"x":1,"y":-1}"#, type: 14, bytes: UInt32(1).scaleEncoded + Int64(-1).scaleEncoded)
        try roundTrip("1000000", type: 17, bytes: Compact(UInt128(1_000_000)).scaleEncoded)
        try roundTrip("[3,false]", type: 18, bytes: [3, 0])
        try roundTrip("null", type: 2, bytes: [])
        try roundTrip(#"[{"x":2,"y":3}]"#, type: 19, bytes: [4] + UInt32(2).scaleEncoded + Int64(3).scaleEncoded)
        #expect(throws: ContractValueError.self) { try codec.encode(.number("256"), type: 7) }
        #expect(throws: ContractValueError.self) { try codec.encode(.string("Nope"), type: 13) }
        #expect(throws: ContractValueError.self) { try codec.encode(.number("1.5"), type: 8) }
    }

    @Test func jsonParserIsStrict() throws {
        #expect(
            try JSONValue.parse(#" {"a": [1, -2.5e3, "x\u00e9\n"], "b": null} "#).description
                == #"{"a":[1,-2.5e3,"xé\n"],"b":null}"#)
        for bad in ["", "{", "[1,]", "01x", "\"\\q\"", "nul", "1 2", "{\"a\" 1}"] {
            #expect(throws: JSONParseError.self, "\(bad)") { try JSONValue.parse(bad) }
        }
    }
}

@Suite struct MetadataRobustnessTests {
    @Test func malformedMetadataIsRejectedNotFatal() {
        let cases = [
            #"{"version": 5, "spec": {}, "types": [{"id": -1, "type": {"def": {"primitive": "u8"}}}]}"#,
            #"{"version": 5, "spec": {}, "types": [{"id": 0, "type": {"def": {"array": {"len": -5, "type": 0}}}}]}"#,
            #"{"version": 5, "spec": {}, "types": [{"id": 0, "type": {"def": {"sequence": {"type": 99999999999}}}}]}"#,
            #"{"version": 5, "spec": {"messages": [{"label": "x", "selector": "0x01"}]}}"#,
            #"{"version": 5, "spec": {"messages": [{"label": "x", "selector": "0x01020304", "args": [{"label": "a"}]}]}}"#,
            #"{"version": 5}"#,
            #"{"version": 5, "spec": {}, "source": {"hash": "0x12"}}"#,
        ]
        for text in cases {
            #expect(throws: (any Error).self, "\(text)") { try ContractMetadata(json: text) }
        }
    }

    @Test func recursiveTypesAreBounded() throws {
        // A type that contains itself: decoding stops at the depth limit instead of overflowing the stack.
        let text =
            #"{"version": 5, "spec": {}, "types": [{"id": 0, "type": {"def": {"composite": {"fields": [{"type": 0}]}}}}]}"#
        let codec = ContractValueCodec(metadata: try ContractMetadata(json: text))
        #expect(throws: ContractValueError.self) { try codec.decode([1, 2, 3], type: 0) }
        #expect(throws: ContractValueError.self) { try codec.encode(.number("1"), type: 0) }
    }
}

@Suite struct EventDecodingTests {
    @Test func decodesInk5EventBySignatureTopic() throws {
        let metadata = try ContractMetadata(json: sampleMetadata)
        let codec = ContractValueCodec(metadata: metadata)
        let alice = try KeyPair(uri: "//Alice").accountId
        let event = ContractEvent(
            contract: alice, topics: [H256(unchecked: SampleContracts.transferTopic)], data: [1] + alice.bytes)
        let decoded = try #require(try codec.decodeEvent(event, metadata: metadata))
        #expect(decoded.label == "Transfer")
        #expect(decoded.fields.description == #"{"from":"\#(alice.ss58(prefix: 30))"}"#)
        let unknown = ContractEvent(contract: alice, topics: [H256.zero], data: [])
        #expect(try codec.decodeEvent(unknown, metadata: metadata) == nil)
    }

    @Test func decodesInk4EventByIndex() throws {
        let v4 = sampleMetadata.replacingOccurrences(of: "\"version\": 5", with: "\"version\": \"4\"")
        let metadata = try ContractMetadata(json: v4)
        let codec = ContractValueCodec(metadata: metadata)
        let event = ContractEvent(contract: Fixture.alice, topics: [], data: [0, 0])
        let decoded = try #require(try codec.decodeEvent(event, metadata: metadata))
        #expect(decoded.fields.description == #"{"from":null}"#)
        #expect(throws: ContractValueError.self) {
            try codec.decodeEvent(
                ContractEvent(contract: Fixture.alice, topics: [], data: [0, 0, 9]), metadata: metadata)
        }
    }
}
