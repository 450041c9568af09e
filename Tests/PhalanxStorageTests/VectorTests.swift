import PhalanxPrimitives
import PhalanxStorage
import Testing

/// The byte-exact vectors of `shared/reference/trie-and-state-root.md` §6.
@Suite struct NodeEncodingVectorTests {
    @Test func smallRootNodes() throws {
        #expect(TrieNode.empty.encoded() == [0])
        #expect(TrieNode.leaf(partialKey: [0xa, 0xa], value: .inline([0xbb])).encoded() == bytes("42aa04bb"))
        var children = [ChildReference?](repeating: nil, count: 16)
        children[1] = .inline(bytes("4303140" + "4ff"))
        children[4] = .inline(bytes("4308190" + "4fe"))
        let branch = TrieNode.branch(partialKey: [], value: nil, children: children)
        #expect(branch.encoded() == bytes("80120014430314" + "04ff14430819" + "04fe"))
        #expect(try TrieNode.decode(branch.encoded()) == branch)
    }

    /// (nibbles, leaf, branch, branch+value, hashed leaf, hashed branch) from the §1.4 table.
    static let headers: [(Int, String, String, String, String, String)] = [
        (0, "40", "80", "c0", "20", "10"), (14, "4e", "8e", "ce", "2e", "1e"), (15, "4f", "8f", "cf", "2f", "1f00"),
        (16, "50", "90", "d0", "30", "1f01"), (31, "5f", "9f", "df", "3f00", "1f10"),
        (62, "7e", "be", "fe", "3f1f", "1f2f"),
        (63, "7f00", "bf00", "ff00", "3f20", "1f30"), (64, "7f01", "bf01", "ff01", "3f21", "1f31"),
        (317, "7ffe", "bffe", "fffe", "3fff1f", "1fff2f"), (318, "7fff00", "bfff00", "ffff00", "3fff20", "1fff30"),
        (573, "7fffff00", "bfffff00", "ffffff00", "3fffff20", "1fffff30"),
    ]

    @Test(arguments: headers)
    func headerTable(_ row: (Int, String, String, String, String, String)) throws {
        let (count, leaf, branch, branchValue, hashedLeaf, hashedBranch) = row
        let key = [UInt8](repeating: 0x5, count: count)
        let packed = Nibbles.packPartialKey(key)
        var children = [ChildReference?](repeating: nil, count: 16)
        children[3] = .inline(bytes("4000"))
        let hash = [UInt8](repeating: 7, count: 32)
        let cases: [(TrieNode, String)] = [
            (.leaf(partialKey: key, value: .inline([])), leaf),
            (.branch(partialKey: key, value: nil, children: children), branch),
            (.branch(partialKey: key, value: .inline([]), children: children), branchValue),
            (.leaf(partialKey: key, value: .hashed(hash)), hashedLeaf),
            (.branch(partialKey: key, value: .hashed(hash), children: children), hashedBranch),
        ]
        for (node, header) in cases {
            let encoded = node.encoded()
            #expect(
                Array(encoded.prefix(header.count / 2 + packed.count)) == bytes(header) + packed, "\(count) \(header)")
            #expect(try TrieNode.decode(encoded) == node)
        }
    }

    @Test func kagomeHeaders() {
        let cases: [(TrieNode, String)] = [
            (.leaf(partialKey: .init(repeating: 1, count: 64), value: .inline([])), "7f01"),
            (.leaf(partialKey: .init(repeating: 1, count: 318), value: .inline([])), "7fff00"),
            (.leaf(partialKey: .init(repeating: 1, count: 573), value: .inline([])), "7fffff00"),
        ]
        for (node, header) in cases { #expect(node.encoded().prefix(header.count / 2) == bytes(header)[...]) }
    }

    @Test func nibblesAndPacking() {
        #expect(Nibbles.from(bytes("aaff01c2")) == [0xa, 0xa, 0xf, 0xf, 0x0, 0x1, 0xc, 0x2])
        #expect(Nibbles.packPartialKey([0xa, 0xa, 0xf, 0xf, 0x0, 0x1, 0xc]) == bytes("0aaff01c"))
        #expect(Nibbles.packPartialKey([3, 1, 4]) == bytes("0314"))
        #expect(Nibbles.toBytes([0xa, 0xb]) == [0xab])
        #expect(Nibbles.toBytes([0xa]) == nil)
    }

    @Test func childReferenceBoundary() {
        #expect(ChildReference(encodedChild: bytes("01030307")) == .inline(bytes("01030307")))
        #expect(ChildReference(encodedChild: [0]) == .inline([0]))
        let exactly32 = [UInt8](repeating: 0x40, count: 32)
        #expect(ChildReference(encodedChild: exactly32) == .hash(blake2_256(exactly32)))
        #expect(ChildReference(encodedChild: Array(exactly32.prefix(31))) == .inline(Array(exactly32.prefix(31))))
    }
}

@Suite struct RootVectorTests {
    typealias Entries = [([UInt8], [UInt8])]

    static func check(_ entries: Entries, _ version: StateVersion, _ expected: String) throws {
        #expect(TrieRoot.root(of: entries, version: version).hex == expected)
        var trie = Trie(version: version)
        for (key, value) in entries { try trie.insert(key, value) }
        #expect(trie.rootHash().hex == expected)
    }

    @Test func smallSets() throws {
        try Self.check([], .v0, "03170a2e7597b7b7e3d84c05391d139a62b157e78786d8c082f29dcf4c111314")
        try Self.check([], .v1, "03170a2e7597b7b7e3d84c05391d139a62b157e78786d8c082f29dcf4c111314")
        try Self.check([([0xaa], [0xbb])], .v1, "7139093dc8fdc285c49416f80974ef722e770117d1626dcc7390406ba745b133")
        try Self.check(
            [(ascii("foo"), ascii("bar")), (ascii("foobar"), ascii("baz"))], .v0,
            "a61820b5fba9b01aee10b5bbd84aea80b8230318c5e8ca14b9a4940c76e09815")
        for version in StateVersion.allCases {
            try Self.check(
                [
                    (ascii("bar"), ascii("foo")), (ascii("barfoo"), ascii("hello")),
                    (ascii("anotheritem"), ascii("anothervalue")),
                ],
                version, "441807c345ca7adf88bd21ab1b3cbadb15616abb89167eb9fe285dd5cecd04c8")
            let dogs: Entries = [
                (ascii("doe"), ascii("reindeer")), (ascii("dog"), ascii("puppy")),
                (ascii("dogglesworth"), ascii("cat")),
            ]
            try Self.check(dogs, version, "39245109cef3758c2eed2ccba8d9b370a917850af3824bc8348d505df2c298fa")
            try Self.check(
                dogs + [(ascii(":code"), [])], version,
                "ed4d8c799d996add422395a6abd7545491d40bd838d738afafa1b8a4de625489")
        }
        try Self.check(
            [(ascii("a"), ascii("one")), (ascii("b"), ascii("two")), (ascii("c"), ascii("three"))], .v0,
            "eaa57e0e1a41d5a49db5954f95140a4e7c9a4373f7d29c0d667c9978ab4dadcb")
        let gossamer: Entries = [
            (ascii("key1"), ascii("value1")), (ascii("key2"), ascii("value2")),
            (ascii("key3"), ascii("verylargevaluewithmorethan32byteslength")),
        ]
        try Self.check(gossamer, .v0, "71052d48704658a8435fb9cbc7ef69c75dad2f64001cb30bfa010f7d609e2657")
        try Self.check(gossamer, .v1, "6a4a732757263bf2bc4e03a341e3f8ea635f78996ec06a6a965d5097a2911c29")
    }

    @Test func twoDisjointKeysRootNode() throws {
        let node = bytes("80120014430314" + "04ff14430819" + "04fe")
        try Self.check([(bytes("4819"), [0xfe]), (bytes("1314"), [0xff])], .v0, blake2_256(node).hex)
    }

    @Test func thresholdBoundary() throws {
        let key = ascii("key")
        try Self.check([(key, ramp(32))], .v0, "57f7a8093b42c000a7ff8300f8203feec4334913aedc73d119f85684082f3d31")
        try Self.check([(key, ramp(32))], .v1, "57f7a8093b42c000a7ff8300f8203feec4334913aedc73d119f85684082f3d31")
        try Self.check([(key, ramp(33))], .v0, "9896e7d38e1e8ce92caa010c20ab60a290e224efb8eba1fa53dede72c180ede7")
        try Self.check([(key, ramp(33))], .v1, "09f4d1b670e2eb4d55ef512ca28126620ef66dc2f02cf64de1961b6f24d8907b")
        #expect(
            blake2_256(bytes("266b6579b7634fe13c7aca3914ee896e22cfabc9da5b4f13e72a2ccbecb6d44bbda95bcc")).hex
                == "09f4d1b670e2eb4d55ef512ca28126620ef66dc2f02cf64de1961b6f24d8907b")
        let branchy: Entries = [(ascii("ab"), .init(repeating: 2, count: 33)), (ascii("abc"), [3])]
        try Self.check(branchy, .v0, "e480beb7a76c80b676730e55f5015a2ecff6feb63b3fff08e66fc2bb274b7e98")
        try Self.check(branchy, .v1, "370729fed0c8957bed0530388aafd408aa48299148bbc1417e446c38faa03be0")
        try Self.check([(ramp(32), [1])], .v0, "a13446cc6c3f36f619da17125a92eecdc4fddf3edc3590e13c8e42ab1636288d")
        try Self.check([(ramp(32), [1])], .v1, "a13446cc6c3f36f619da17125a92eecdc4fddf3edc3590e13c8e42ab1636288d")
        try Self.check(
            [(ramp(32), .init(repeating: 0xff, count: 40))], .v1,
            "462896bd5cb34335f1e855173679982912e5be704f206371d1ec7cfda480b206")
        try Self.check([(ascii("k"), [])], .v0, "c75ced9359a5030ce2df64cf252c001ed91375f46090b3ddd103d30d92ab7118")
        try Self.check([(ascii("k"), [])], .v1, "c75ced9359a5030ce2df64cf252c001ed91375f46090b3ddd103d30d92ab7118")
    }

    @Test func orderedTries() {
        #expect(TrieRoot.orderedRoot(of: []).hex == "03170a2e7597b7b7e3d84c05391d139a62b157e78786d8c082f29dcf4c111314")
        let cases: [([String], String)] = [
            (["zero", "one", "two"], "9243f4bb6fa633dce97247652479ed7e2e2995a5ea641fd9d1e1a046f7601da6"),
            (["budgetary management"], "c66a6345c58b3ec0ce9c0a1497553e4078f3d990063ac3e3058db06db358148a"),
            (["Integrated", "portal"], "ea64d09f9740275ef7faaa3cee5a6a45fc8fe655cf049addbcefa7ba2ba6032d"),
            (
                ["budgetary management", "pricing structure"],
                "a340fba4541947a516c3ae686cf0f3155b1d69f9146e4096c54bc8b45db718f1"
            ),
            (["even-keeled", "Future-proofed"], "5147323d593b7bb01fe8ea3e9d5a4bba0497c7f47b5daa121f4a6d791164d60b"),
        ]
        for (values, root) in cases { #expect(TrieRoot.orderedRoot(of: values.map(ascii)).hex == root) }
        #expect(
            TrieRoot.extrinsicsRoot(of: [bytes("280403000b5095a0517201"), bytes("1004140000")]).hex
                == "9a87f6af64ef97aff2d31bebfdd59f8fe2ef6019278b634b2515a38f1c4c2420")
        #expect(
            TrieRoot.extrinsicsRoot(of: [bytes("280402000b90110eb36e01"), bytes("1004140000")]).hex
                == "a35fb7f7616f5c979d48222b3d2fa7cb2331ef73954726714d91ca945cc34fd8")
        #expect(
            TrieRoot.extrinsicsRoot(of: [bytes("0403000b5095a0517201"), bytes("04140000")]).hex
                != "9a87f6af64ef97aff2d31bebfdd59f8fe2ef6019278b634b2515a38f1c4c2420")
        #expect(TrieRoot.compactKey(64) == bytes("0101") && TrieRoot.compactKey(128) == bytes("0102"))
    }

    @Test func orderedTrieBeyondSixtyFourEntries() throws {
        // Keys `01 01` (index 64) sort before `04` (index 1): the incremental trie must agree with the closed form.
        let values = (0..<130).map { ascii("extrinsic-\($0)") }
        var trie = Trie(version: .v0)
        for (index, value) in values.enumerated().reversed() { try trie.insert(TrieRoot.compactKey(index), value) }
        #expect(trie.rootHash() == TrieRoot.orderedRoot(of: values))
    }
}
