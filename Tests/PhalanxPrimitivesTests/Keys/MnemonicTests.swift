import PhalanxPrimitives
import PhalanxTestSupport
import Testing

/// Substrate's BIP39 variant (keys-and-signatures.md §4, §9.3), cross-checked with the `mnemonic` package.
@Suite struct MnemonicTests {
    @Test(arguments: [
        (SecretURI.devPhrase, "", "1a486a5fbe53639984cb64b070755f7b",
         "fac7959dbfe72f052e5a0c3c8d6530f202b02fd8f9f5ca3580ec8deb7797479e0b9f67282f42d1214e457243b9eb38a0a5ed13de66c01cfb213a6fe73cedef5a"),
        (SecretURI.devPhrase, "password", "1a486a5fbe53639984cb64b070755f7b",
         "7093ab08d7abbb67ff41479a98ef998e4be773901f13668a012f51d207577a88fc678b0f8cd339c84166416e460fd09c177bb2faf23788fe371c38e0446f1cc8"),
        ("actress warm absent crunch limit source marriage grunt enough program short muffin", "", "02dee4029a781fa02213394af57f1b48",
         "2557189cc03e6ef541c474eadf32218bb4e00f7d13ba1a3c4e04caa3e9545d6e8e3d03e5fa4972bb5969d45c6d1f06ac65691d233530e19948ed1e8cf3c21133"),
        ("abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about", "Substrate",
         "00000000000000000000000000000000",
         "44e9d125f037ac1d51f0a7d3649689d422c2af8b1ec8e00d71db4d7bf6d127e33f50c3d5c84fa3e5399c72d6cbbbbc4a49bf76f76d952f479d74655a2ef2d453"),
    ])
    func substrateSeeds(phrase: String, password: String, entropy: String, seed: String) throws {
        let mnemonic = try Mnemonic(phrase: phrase)
        #expect(mnemonic.entropy.hex == entropy)
        #expect(mnemonic.substrateSeed(password: password).hex == seed)
        #expect(mnemonic.phrase == phrase)
    }

    @Test(arguments: [
        "bottom drive obey lake curtain smoke basket hold race lonely fit fit",  // checksum
        "bottom drive obey lake curtain smoke basket hold race lonely fit",  // 11 words
        "bottom drive obey lake curtain smoke basket hold race lonely fit walkk",  // unknown word
        "Bottom drive obey lake curtain smoke basket hold race lonely fit walk",  // case matters
        "",
    ])
    func rejectsInvalidPhrases(phrase: String) {
        #expect(throws: KeyError.self) { try Mnemonic(phrase: phrase) }
    }

    @Test func extraWhitespaceIsAccepted() throws {
        let spaced = SecretURI.devPhrase.replacingOccurrences(of: " ", with: "   ")
        #expect(try Mnemonic(phrase: spaced).entropy.hex == "1a486a5fbe53639984cb64b070755f7b")
    }

    /// Generated phrases of every length agree with the independent `mnemonic` package on entropy ↔ words.
    @Test func crossCheckWithPythonMnemonic() throws {
        let generated = try [12, 15, 18, 21, 24, 12, 24].map { try Mnemonic.generate(words: $0) }
        let script = """
            import sys, json
            from mnemonic import Mnemonic
            m = Mnemonic("english")
            print(json.dumps([m.to_mnemonic(bytes.fromhex(e)) for e in json.load(sys.stdin)]))
            """
        let phrases = try PythonReference.json(script, input: generated.map(\.entropy.hex), as: [String].self)
        for (mnemonic, phrase) in zip(generated, phrases) {
            #expect(mnemonic.phrase == phrase)
            #expect(try Mnemonic(phrase: phrase) == mnemonic)
        }
    }
}
