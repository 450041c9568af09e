/// A Substrate secret URI: `[phrase | 0xSEED][//hard | /soft]*[///password]`.
/// No phrase means the dev phrase, so `//Alice` is `<dev phrase>//Alice`.
public struct SecretURI: Sendable, Equatable {
    /// The well-known development phrase behind `//Alice`, `//Bob`, …
    public static let devPhrase = "bottom drive obey lake curtain smoke basket hold race lonely fit walk"

    /// The phrase or `0x` hex seed (the dev phrase when the URI had none).
    public let phrase: String
    /// The derivation path, in order.
    public let junctions: [DeriveJunction]
    /// The `///password`, if any (an empty password counts as none).
    public let password: String?

    /// Parses a secret URI with Substrate's grammar (`^([a-zA-Z0-9 ]+)?((//?[^/]+)*)(///(.*))?$`).
    public init(_ uri: String) throws {
        let chars = Array(uri)
        var i = 0
        while i < chars.count, chars[i].isASCII, chars[i].isLetter || chars[i].isNumber || chars[i] == " " { i += 1 }
        let phraseText = String(chars[0..<i])
        var junctions = [DeriveJunction]()
        var password: String? = nil
        while i < chars.count {
            guard chars[i] == "/" else { throw KeyError.invalidSecretURI("unexpected character '\(chars[i])'") }
            if i + 2 < chars.count, chars[i + 1] == "/", chars[i + 2] == "/" {
                let text = String(chars[(i + 3)...])
                guard !text.contains("\n") else { throw KeyError.invalidSecretURI("the password contains a newline") }
                password = text.isEmpty ? nil : text
                break
            }
            let hard = i + 1 < chars.count && chars[i + 1] == "/"
            var j = i + (hard ? 2 : 1)
            let start = j
            while j < chars.count, chars[j] != "/" { j += 1 }
            guard j > start else { throw KeyError.invalidSecretURI("empty derivation junction") }
            junctions.append(DeriveJunction(String(chars[start..<j]), hard: hard))
            i = j
        }
        let trimmed = phraseText.trimmingSpaces
        self.phrase = trimmed.isEmpty ? SecretURI.devPhrase : phraseText
        self.junctions = junctions
        self.password = password
    }

    /// The 32-byte root seed: a `0x` hex seed as is (password ignored), else the mnemonic's mini secret.
    public func rootSeed() throws -> [UInt8] {
        if phrase.hasPrefix("0x") {
            guard let seed = [UInt8](hex: phrase), seed.count == 32 else {
                throw KeyError.invalidSecretURI("a hex seed must be 0x followed by exactly 32 bytes")
            }
            return seed
        }
        return try Mnemonic(phrase: phrase).miniSecret(password: password ?? "")
    }
}

extension String {
    fileprivate var trimmingSpaces: Substring {
        let start = firstIndex { $0 != " " } ?? endIndex
        let end = lastIndex { $0 != " " }.map { index(after: $0) } ?? start
        return self[start..<max(start, end)]
    }
}

/// One step of a derivation path and its 32-byte chain code (Substrate's `DeriveJunction`).
public struct DeriveJunction: Sendable, Equatable {
    /// Hard (`//`) junctions need the secret; soft (`/`) ones can be followed from a public key (sr25519 only).
    public let isHard: Bool
    /// The 32-byte chain code.
    public let chainCode: [UInt8]

    /// Builds a junction from its path text: a Rust-`u64`-parsable number encodes as u64 LE, anything
    /// else as a SCALE string; encodings longer than 32 bytes are blake2_256-hashed, shorter ones zero-padded.
    public init(_ text: String, hard: Bool) {
        let encoded = DeriveJunction.parseRustU64(text).map(\.scaleEncoded) ?? text.scaleEncoded
        self.isHard = hard
        self.chainCode =
            encoded.count > 32 ? blake2_256(encoded) : encoded + [UInt8](repeating: 0, count: 32 - encoded.count)
    }

    /// Rust's `u64::from_str`: ASCII digits with an optional leading `+`, no overflow.
    private static func parseRustU64(_ text: String) -> UInt64? {
        var digits = Substring(text)
        if digits.hasPrefix("+") { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return UInt64(digits)
    }
}
