import PhalanxPrimitives
import PhalanxStorage
import PropertyBased
import Testing

/// §1.11: the strict decoder rejects every malformed node with a typed error and never traps.
@Suite struct DecoderTests {
    @Test func rejectsEverySpecCase() {
        let cases: [(String, TrieNodeError)] = [
            ("", .empty),
            ("01", .invalidHeader(0x01)), ("02", .invalidHeader(0x02)), ("0f", .invalidHeader(0x0f)),
            ("0000", .trailingBytes(count: 1)),
            ("431314" + "04ff", .invalidPadding),  // odd partial key with padding nibble 1
            ("80" + "0000", .zeroChildrenBitmap),
            ("80" + "0100" + "84" + String(repeating: "00", count: 33), .invalidChildReference(length: 33)),
            ("80" + "0100" + "00", .invalidChildReference(length: 0)),
            ("42aa" + "08bb", .truncated),  // value says 2 bytes, 1 present
            ("20" + String(repeating: "11", count: 31), .truncated),  // hashed value too short
            ("80" + "0100" + "14" + "430314", .truncated),  // child truncated
            ("42aa04bb" + "00", .trailingBytes(count: 1)),
            ("7f", .truncated),  // length extension missing
            ("4", .empty),
            ("42a", .empty),
            ("42aa0100", .invalidValueLength),  // non-canonical compact
        ]
        for (hex, expected) in cases {
            guard let input = [UInt8](hex: hex) else {
                #expect(hex.count % 2 == 1)
                continue
            }
            #expect(throws: expected, "\(hex)") { try TrieNode.decode(input) }
        }
    }

    @Test func acceptsBothValueFormsInOneTrie() throws {
        // A 40-byte inline value (an untouched V0 entry) is legal beside hashed ones.
        let node = TrieNode.leaf(partialKey: [1, 2], value: .inline(.init(repeating: 9, count: 40)))
        #expect(try TrieNode.decode(node.encoded()) == node)
        #expect(try TrieNode.decode(bytes("00")) == .empty)
    }

    @Test func hugePartialKeyLengthDoesNotAllocate() {
        // Length extension claiming far more nibbles than bytes present.
        let input = [UInt8(0x7f)] + [UInt8](repeating: 0xff, count: 64) + [0x00]
        #expect(throws: TrieNodeError.truncated) { try TrieNode.decode(input) }
    }

    @Test func randomBytesNeverCrash() async {
        await propertyCheck(count: 2000, input: Gen.uint8().array(of: 0...80)) { input in
            if let node = try? TrieNode.decode(input) {
                // Whatever decodes re-encodes to the same bytes (the encoding is canonical).
                #expect(node.encoded() == input)
            }
        }
    }

    @Test func mutatedValidNodesNeverCrash() async {
        var children = [ChildReference?](repeating: nil, count: 16)
        children[2] = .inline(bytes("42aa04bb"))
        children[9] = .hash(.init(repeating: 3, count: 32))
        let seed = TrieNode.branch(
            partialKey: [1, 2, 3], value: .hashed(.init(repeating: 1, count: 32)), children: children
        ).encoded()
        await propertyCheck(
            count: 2000, input: Gen.int(in: 0...(seed.count - 1)), Gen.uint8(), Gen.int(in: 0...seed.count)
        ) { index, byte, cut in
            var mutated = seed
            mutated[index] = byte
            if let node = try? TrieNode.decode(Array(mutated.prefix(cut))) {
                #expect(node.encoded() == Array(mutated.prefix(cut)))
            }
        }
    }
}
