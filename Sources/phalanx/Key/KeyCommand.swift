import ArgumentParser
import Foundation
import PhalanxPrimitives

/// `phalanx key`: key utilities in the manner of Substrate's `subkey`.
struct KeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key",
        abstract: "Generate, inspect, sign and verify with sr25519, ed25519 and ECDSA keys.",
        subcommands: [Generate.self, Inspect.self, Sign.self, Verify.self])
}

/// Options shared by the key subcommands.
struct SchemeOptions: ParsableArguments {
    @Option(help: "Signature scheme: sr25519, ed25519 or ecdsa.")
    var scheme: String = "sr25519"

    /// The parsed scheme, or a validation error naming the bad value.
    func parsed() throws -> CryptoScheme {
        guard let scheme = CryptoScheme(name: scheme) else {
            throw ValidationError("Unknown scheme '\(scheme)': use sr25519, ed25519 or ecdsa.")
        }
        return scheme
    }
}

/// How key details are printed.
enum OutputType: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// Prints a key the way `subkey inspect` does (text or JSON).
func printKey(
    _ pair: KeyPair, uriText: String, phrase: String?, prefix: UInt16, output: OutputType
) {
    let accountId = pair.accountId
    let publicSS58 = SS58.encode(pair.publicKey, prefix: prefix)
    if output == .json {
        var object: [String: Any] = [
            "scheme": pair.scheme.description,
            "networkPrefix": Int(prefix),
            "secretSeed": pair.secretSeed.prefixedHex,
            "publicKey": pair.publicKey.prefixedHex,
            "accountId": accountId.bytes.prefixedHex,
            "ss58PublicKey": publicSS58,
            "ss58Address": accountId.ss58(prefix: prefix),
        ]
        if let phrase { object["secretPhrase"] = phrase } else { object["secretUri"] = uriText }
        printJSON(object)
        return
    }
    if let phrase {
        print("Secret phrase:       \(phrase)")
    } else {
        print("Secret Key URI `\(uriText)` is account:")
    }
    print("  Network ID:        \(prefix)")
    print("  Crypto scheme:     \(pair.scheme)")
    print("  Secret seed:       \(pair.secretSeed.prefixedHex)")
    print("  Public key (hex):  \(pair.publicKey.prefixedHex)")
    print("  Account ID:        \(accountId.bytes.prefixedHex)")
    print("  Public key (SS58): \(publicSS58)")
    print("  SS58 Address:      \(accountId.ss58(prefix: prefix))")
}

extension KeyCommand {
    /// `phalanx key generate`.
    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Generate a random mnemonic and show its key.")

        @OptionGroup var scheme: SchemeOptions
        @Option(help: "Number of mnemonic words: 12, 15, 18, 21 or 24.") var words: Int = 12
        @Option(help: "SS58 network prefix of the printed addresses (42 generic Substrate, 30 Phala).")
        var networkPrefix: UInt16 = SS58.substratePrefix
        @Option(help: "Output format: text or json.") var outputType: OutputType = .text

        func run() throws {
            do {
                let mnemonic = try Mnemonic.generate(words: words)
                let pair = try KeyPair(uri: mnemonic.phrase, scheme: try scheme.parsed())
                printKey(pair, uriText: mnemonic.phrase, phrase: mnemonic.phrase, prefix: networkPrefix, output: outputType)
            } catch let error as KeyError {
                throw fail(error)
            }
        }
    }

    /// `phalanx key inspect URI`.
    struct Inspect: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the keys and addresses of a secret URI (//Alice, a mnemonic with //hard/soft///password, or a 0x seed).")

        @Argument(help: "The secret URI.") var uri: String
        @OptionGroup var scheme: SchemeOptions
        @Option(help: "SS58 network prefix of the printed addresses (42 generic Substrate, 30 Phala).")
        var networkPrefix: UInt16 = SS58.substratePrefix
        @Option(help: "Output format: text or json.") var outputType: OutputType = .text

        func run() throws {
            do {
                let pair = try KeyPair(uri: uri, scheme: try scheme.parsed())
                printKey(pair, uriText: uri, phrase: nil, prefix: networkPrefix, output: outputType)
            } catch let error as KeyError {
                throw fail(error)
            }
        }
    }

    /// `phalanx key sign`.
    struct Sign: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Sign a message with the key of a secret URI.")

        @Option(help: "The secret URI of the signing key.") var suri: String
        @Option(help: "The message: 0x-hex is taken as bytes, anything else as UTF-8 text.") var message: String
        @Flag(help: "Require the message to be hex.") var hex = false
        @OptionGroup var scheme: SchemeOptions

        func run() throws {
            do {
                let pair = try KeyPair(uri: suri, scheme: try scheme.parsed())
                print(pair.sign(try messageBytes(message, requireHex: hex)).prefixedHex)
            } catch let error as KeyError {
                throw fail(error)
            }
        }
    }

    /// `phalanx key verify SIGNATURE PUBLIC`.
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Verify a signature; exits 0 if valid, 1 if not.")

        @Argument(help: "The signature, 0x-hex.") var signature: String
        @Argument(help: "The signer: 0x-hex public key or SS58 address (for ECDSA, the SS58 of the 33-byte public key).")
        var signer: String
        @Option(help: "The message: 0x-hex is taken as bytes, anything else as UTF-8 text.") var message: String
        @Flag(help: "Require the message to be hex.") var hex = false
        @OptionGroup var scheme: SchemeOptions

        func run() throws {
            let scheme = try scheme.parsed()
            do {
                guard let signatureBytes = [UInt8](hex: signature) else { throw KeyError.invalidSignature }
                let publicKey: [UInt8]
                if signer.hasPrefix("0x") {
                    guard let raw = [UInt8](hex: signer), raw.count == scheme.publicKeyLength else {
                        throw KeyError.invalidPublicKey
                    }
                    publicKey = raw
                } else {
                    publicKey = try SS58.decode(signer).payload
                }
                let valid = KeyPair.verify(
                    signature: signatureBytes, message: try messageBytes(message, requireHex: hex),
                    publicKey: publicKey, scheme: scheme)
                print(valid ? "Signature verifies correctly." : "Signature is invalid.")
                if !valid { throw ExitCode(1) }
            } catch let error as KeyError {
                throw fail(error)
            }
        }
    }
}

/// Message bytes from the command line: `0x…` hex is bytes (or required with `--hex`), else UTF-8.
func messageBytes(_ text: String, requireHex: Bool) throws -> [UInt8] {
    if requireHex || text.hasPrefix("0x") {
        guard let bytes = [UInt8](hex: text) else {
            if requireHex { throw ValidationError("The message is not valid hex.") }
            return Array(text.utf8)
        }
        return bytes
    }
    return Array(text.utf8)
}
