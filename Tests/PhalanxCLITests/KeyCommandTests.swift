import Foundation
import PhalanxPrimitives
import PhalanxTestSupport
import Testing

/// `phalanx key …` driven as a user would, from the built binary; signatures checked with py-sr25519-bindings.
@Suite struct KeyCommandTests {
    @Test func inspectAlice() throws {
        let result = try PhalanxBinary.run(["key", "inspect", "//Alice"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Public key (hex):  0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d"))
        #expect(result.stdout.contains("SS58 Address:      5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY"))
        #expect(result.stdout.contains("Secret seed:       0xe5be9a5092b81bca64be81d212e7f2f9eba183bb7a90954f7b76361f6edb5c0a"))
    }

    @Test func inspectWithPhalaPrefixAsJSON() throws {
        let result = try PhalanxBinary.run(["key", "inspect", "//Alice", "--network-prefix", "30", "--output-type", "json"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["ss58Address"] as? String == "45R2pfjQUW2s9PQRHU48HQKLKHVMaDja7N3wpBtmF28UYDs2")
        #expect(object["publicKey"] as? String == "0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d")
    }

    @Test func inspectEcdsaAndEd25519() throws {
        let ecdsa = try PhalanxBinary.run(["key", "inspect", "//Alice", "--scheme", "ecdsa"])
        #expect(ecdsa.stdout.contains("0x020a1091341fe5664bfa1782d5e04779689068c916b04cb365ec3153755684d9a1"))
        #expect(ecdsa.stdout.contains("5C7C2Z5sWbytvHpuLTvzKunnnRwQxft1jiqrLD5rhucQ5S9X"))
        let ed = try PhalanxBinary.run(["key", "inspect", "//Alice", "--scheme", "ed25519"])
        #expect(ed.stdout.contains("0x88dc3417d5058ec4b4503e0c12ea1a0a89be200fe98922423d4334014fa6b0ee"))
    }

    @Test func generateProducesAUsablePhrase() throws {
        let result = try PhalanxBinary.run(["key", "generate", "--words", "24", "--output-type", "json"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let phrase = try #require(object["secretPhrase"] as? String)
        #expect(phrase.split(separator: " ").count == 24)
        #expect(try KeyPair(uri: phrase).publicKey.prefixedHex == object["publicKey"] as? String)
    }

    /// Phalanx signs, py-sr25519-bindings verifies; py-sr25519-bindings signs, Phalanx verifies.
    @Test func signaturesInteroperateWithPySr25519() throws {
        let signed = try PhalanxBinary.run(["key", "sign", "--suri", "//Alice", "--message", "hello phalanx"])
        #expect(signed.status == 0)
        let signature = signed.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let script = """
            import sys, json, sr25519
            sig, msg, pub, seed = json.load(sys.stdin)
            ok = sr25519.verify(bytes.fromhex(sig[2:]), msg.encode(), bytes.fromhex(pub))
            kp = sr25519.pair_from_seed(bytes.fromhex(seed))
            theirs = sr25519.sign(kp, b"from python")
            print(json.dumps([ok, theirs.hex(), kp[0].hex()]))
            """
        let seed = "e5be9a5092b81bca64be81d212e7f2f9eba183bb7a90954f7b76361f6edb5c0a"  // //Alice mini secret
        let reply = try PythonReference.run(
            script, input: "[\"\(signature)\", \"hello phalanx\", \"d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d\", \"\(seed)\"]")
        let fields = try #require(try JSONSerialization.jsonObject(with: Data(reply.utf8)) as? [Any])
        #expect(fields[0] as? Bool == true)
        let pythonSignature = try #require(fields[1] as? String)
        #expect(fields[2] as? String == "d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d")

        let verified = try PhalanxBinary.run([
            "key", "verify", "0x" + pythonSignature, "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY",
            "--message", "from python",
        ])
        #expect(verified.status == 0)
        let rejected = try PhalanxBinary.run([
            "key", "verify", "0x" + pythonSignature, "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY",
            "--message", "from pythoN",
        ])
        #expect(rejected.status == 1)
    }

    @Test func hexMessagesAndOtherSchemes() throws {
        for scheme in ["ed25519", "ecdsa"] {
            let signed = try PhalanxBinary.run(["key", "sign", "--suri", "//Bob", "--message", "0xdeadbeef", "--scheme", scheme])
            let inspect = try PhalanxBinary.run(["key", "inspect", "//Bob", "--scheme", scheme, "--output-type", "json"])
            let object = try #require(try JSONSerialization.jsonObject(with: Data(inspect.stdout.utf8)) as? [String: Any])
            let publicKey = try #require(object["publicKey"] as? String)
            let signature = signed.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(try PhalanxBinary.run(["key", "verify", signature, publicKey, "--message", "0xdeadbeef", "--scheme", scheme]).status == 0)
            #expect(try PhalanxBinary.run(["key", "verify", signature, publicKey, "--message", "0xdeadbeee", "--scheme", scheme]).status == 1)
        }
    }

    @Test func badInputIsOneClearErrorWithACode() throws {
        let badURI = try PhalanxBinary.run(["key", "inspect", "not a valid phrase"])
        #expect(badURI.status == 2)
        #expect(badURI.stderr.contains("error[1007]"))
        #expect(badURI.stderr.split(separator: "\n").count == 1)
        let badScheme = try PhalanxBinary.run(["key", "inspect", "//Alice", "--scheme", "rsa"])
        #expect(badScheme.status != 0)
        #expect(badScheme.stderr.contains("Unknown scheme"))
        let softEd = try PhalanxBinary.run(["key", "inspect", "//Alice/soft", "--scheme", "ed25519"])
        #expect(softEd.stderr.contains("error[1006]"))
        let badSignature = try PhalanxBinary.run(["key", "verify", "0xzz", "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY", "--message", "x"])
        #expect(badSignature.status == 2)
    }
}
