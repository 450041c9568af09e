import Crypto
import Foundation
import _CryptoExtras

/// An English BIP39 mnemonic, and Substrate's way of turning it into a seed
/// (substrate-bip39: PBKDF2 over the *entropy*, not the sentence).
public struct Mnemonic: Sendable, Equatable {
    /// The entropy the words encode: 16, 20, 24, 28 or 32 bytes.
    public let entropy: [UInt8]

    /// Word counts BIP39 allows.
    public static let validWordCounts: Set<Int> = [12, 15, 18, 21, 24]

    /// Wraps entropy of a valid length.
    public init(entropy: [UInt8]) throws {
        guard [16, 20, 24, 28, 32].contains(entropy.count) else {
            throw KeyError.invalidMnemonic("entropy must be 16, 20, 24, 28 or 32 bytes")
        }
        self.entropy = entropy
    }

    /// A fresh random mnemonic of 12, 15, 18, 21 or 24 words.
    public static func generate(words: Int = 12) throws -> Mnemonic {
        guard validWordCounts.contains(words) else {
            throw KeyError.invalidMnemonic("word count must be 12, 15, 18, 21 or 24")
        }
        return try Mnemonic(entropy: SystemRandom.bytes(words * 4 / 3))
    }

    /// Parses a phrase: NFKD-normalised, whitespace-separated lowercase English words with a valid checksum.
    public init(phrase: String) throws {
        let words = phrase.decomposedStringWithCompatibilityMapping.split(whereSeparator: \.isWhitespace)
        guard Mnemonic.validWordCounts.contains(words.count) else {
            throw KeyError.invalidMnemonic("expected 12, 15, 18, 21 or 24 words, got \(words.count)")
        }
        var bits = [Bool]()
        bits.reserveCapacity(words.count * 11)
        for word in words {
            guard let index = BIP39Wordlist.indexOf[word] else {
                throw KeyError.invalidMnemonic("'\(word)' is not in the English word list")
            }
            for bit in (0..<11).reversed() { bits.append(index >> bit & 1 == 1) }
        }
        let entropyBits = words.count * 32 / 3
        var entropy = [UInt8](repeating: 0, count: entropyBits / 8)
        for i in 0..<entropyBits where bits[i] { entropy[i / 8] |= 0x80 >> UInt8(i % 8) }
        let expected = Mnemonic.checksumBits(entropy)
        guard Array(bits[entropyBits...]) == expected else { throw KeyError.invalidMnemonic("checksum mismatch") }
        self.entropy = entropy
    }

    /// The words of this mnemonic, separated by single spaces.
    public var phrase: String {
        var bits = [Bool]()
        for byte in entropy { for bit in (0..<8).reversed() { bits.append(byte >> UInt8(bit) & 1 == 1) } }
        bits += Mnemonic.checksumBits(entropy)
        var words = [Substring]()
        for start in stride(from: 0, to: bits.count, by: 11) {
            let index = bits[start..<start + 11].reduce(0) { $0 << 1 | ($1 ? 1 : 0) }
            words.append(BIP39Wordlist.english[index])
        }
        return words.joined(separator: " ")
    }

    /// substrate-bip39's 64-byte seed: PBKDF2-HMAC-SHA512(entropy, "mnemonic" ‖ password, 2048).
    /// The password is used as raw UTF-8 (no NFKD), as substrate-bip39 does.
    public func substrateSeed(password: String = "") -> [UInt8] {
        let salt = Array("mnemonic".utf8) + Array(password.utf8)
        // 2048 rounds is BIP39's fixed parameter, below swift-crypto's modern minimum, hence "unchecked".
        let key = try? KDF.Insecure.PBKDF2.deriveKey(
            from: entropy, salt: salt, using: .sha512, outputByteCount: 64, unsafeUncheckedRounds: 2048)
        return key?.withUnsafeBytes { Array($0) } ?? []
    }

    /// The 32-byte mini secret for all three schemes: the first half of `substrateSeed`.
    public func miniSecret(password: String = "") -> [UInt8] { Array(substrateSeed(password: password).prefix(32)) }

    private static func checksumBits(_ entropy: [UInt8]) -> [Bool] {
        let hash = sha2_256(entropy)
        return (0..<(entropy.count / 4)).map { i in hash[i / 8] & (0x80 >> UInt8(i % 8)) != 0 }
    }
}
