import PhalanxPrimitives
import Testing

/// The secret-URI grammar and junction chain codes (keys-and-signatures.md §3, §9.4).
@Suite struct SecretURITests {
    @Test func parsesPhrasePathAndPassword() throws {
        let uri = try SecretURI("hello world/s//h///pass")
        #expect(uri.phrase == "hello world")
        #expect(uri.junctions.map(\.isHard) == [false, true])
        #expect(uri.junctions[0] == DeriveJunction("s", hard: false))
        #expect(uri.password == "pass")

        let numeric = try SecretURI("hello world//1/DOT///password")
        #expect(numeric.junctions == [DeriveJunction("1", hard: true), DeriveJunction("DOT", hard: false)])
        #expect(numeric.password == "password")
    }

    @Test func defaultsToTheDevPhrase() throws {
        let alice = try SecretURI("//Alice")
        #expect(alice.phrase == SecretURI.devPhrase)
        #expect(alice.junctions == [DeriveJunction("Alice", hard: true)])
        #expect(alice.password == nil)
        #expect(try SecretURI("////////").password == "/////")
        #expect(try SecretURI("//Alice///").password == nil)
    }

    @Test(arguments: ["//", "//Alice//", "hello-world", "//a\u{0}///x\ny", "phrase!"])
    func rejectsMalformedURIs(uri: String) {
        #expect(throws: KeyError.self) { _ = try SecretURI(uri).rootSeed() }
    }

    @Test func hexSeedsIgnoreThePassword() throws {
        let seed = "0x" + String(repeating: "ab", count: 32)
        #expect(try SecretURI(seed + "///secret").rootSeed() == [UInt8](repeating: 0xab, count: 32))
        #expect(throws: KeyError.self) { try SecretURI("0xabcd").rootSeed() }
    }

    @Test(arguments: [
        ("Alice", false, "14416c6963650000000000000000000000000000000000000000000000000000"),
        ("stash", false, "1473746173680000000000000000000000000000000000000000000000000000"),
        ("0", false, "0000000000000000000000000000000000000000000000000000000000000000"),
        ("1", true, "0100000000000000000000000000000000000000000000000000000000000000"),
        ("42", false, "2a00000000000000000000000000000000000000000000000000000000000000"),
        ("0123456789012345678901234567890123456789", false, "31502b57ec13c086b6b26cc0226da87e946e8b4461e7729b9d8e7887eea47863"),
        ("+5", false, "0500000000000000000000000000000000000000000000000000000000000000"),
        ("-5", false, "082d350000000000000000000000000000000000000000000000000000000000"),
    ])
    func chainCodes(text: String, hard: Bool, chainCode: String) {
        let junction = DeriveJunction(text, hard: hard)
        #expect(junction.chainCode.hex == chainCode)
        #expect(junction.isHard == hard)
    }
}
