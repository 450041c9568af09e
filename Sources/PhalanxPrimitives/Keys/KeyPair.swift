/// The three signature schemes of Substrate's `MultiSignature`, with their wire indices.
public enum CryptoScheme: UInt8, Sendable, CaseIterable, CustomStringConvertible {
    /// Ed25519 (`MultiSignature::Ed25519`).
    case ed25519 = 0
    /// Schnorrkel/Ristretto sr25519 (`MultiSignature::Sr25519`), Substrate's default.
    case sr25519 = 1
    /// ECDSA over secp256k1 (`MultiSignature::Ecdsa`).
    case ecdsa = 2

    /// Parses a scheme name as given on the command line.
    public init?(name: String) {
        switch name.lowercased() {
        case "sr25519": self = .sr25519
        case "ed25519": self = .ed25519
        case "ecdsa", "secp256k1": self = .ecdsa
        default: return nil
        }
    }

    public var description: String {
        switch self {
        case .ed25519: "ed25519"
        case .sr25519: "sr25519"
        case .ecdsa: "ecdsa"
        }
    }

    /// Length of a public key of this scheme.
    public var publicKeyLength: Int { self == .ecdsa ? Ecdsa.publicKeyLength : 32 }
}

/// A key pair of any scheme, built from a secret URI the way Substrate's `Pair::from_string` does.
public struct KeyPair: Sendable {
    /// The scheme-specific key material.
    public enum Material: Sendable {
        /// An sr25519 pair.
        case sr25519(Sr25519.KeyPair)
        /// An ed25519 pair.
        case ed25519(Ed25519.KeyPair)
        /// An ECDSA secp256k1 pair.
        case ecdsa(Ecdsa.KeyPair)
    }

    /// The key material.
    public let material: Material
    /// The 32-byte seed (mini secret) this pair expands from; `nil` after an sr25519 soft junction,
    /// which derives the secret scalar directly and leaves no seed behind.
    public let seed: [UInt8]?

    /// Builds the pair for `uri` (e.g. `//Alice`, a mnemonic with path and `///password`, or a 0x seed).
    public init(uri: String, scheme: CryptoScheme = .sr25519) throws {
        try self.init(uri: try SecretURI(uri), scheme: scheme)
    }

    /// Builds the pair for a parsed secret URI.
    public init(uri: SecretURI, scheme: CryptoScheme) throws {
        let root = try uri.rootSeed()
        var seed: [UInt8]? = root
        switch scheme {
        case .sr25519:
            var pair = Sr25519.KeyPair(miniSecret: root)
            for junction in uri.junctions {
                if junction.isHard {
                    let mini = pair.deriveHardMiniSecret(chainCode: junction.chainCode)
                    pair = Sr25519.KeyPair(miniSecret: mini)
                    seed = mini
                } else {
                    pair = pair.deriveSoft(chainCode: junction.chainCode)
                    seed = nil
                }
            }
            self.material = .sr25519(pair)
        case .ed25519:
            var pair = try Ed25519.KeyPair(seed: root)
            for junction in uri.junctions {
                guard junction.isHard else { throw KeyError.softJunctionNotSupported(scheme: "ed25519") }
                pair = try pair.deriveHard(chainCode: junction.chainCode)
            }
            seed = pair.seed
            self.material = .ed25519(pair)
        case .ecdsa:
            var pair = try Ecdsa.KeyPair(seed: root)
            for junction in uri.junctions {
                guard junction.isHard else { throw KeyError.softJunctionNotSupported(scheme: "ecdsa") }
                pair = try pair.deriveHard(chainCode: junction.chainCode)
            }
            seed = pair.seed
            self.material = .ecdsa(pair)
        }
        self.seed = seed
    }

    /// Wraps existing key material (no seed known).
    public init(_ material: Material) {
        self.material = material
        switch material {
        case .sr25519: self.seed = nil
        case .ed25519(let pair): self.seed = pair.seed
        case .ecdsa(let pair): self.seed = pair.seed
        }
    }

    /// The scheme of this pair.
    public var scheme: CryptoScheme {
        switch material {
        case .sr25519: .sr25519
        case .ed25519: .ed25519
        case .ecdsa: .ecdsa
        }
    }

    /// The public key (32 bytes, or 33 for ECDSA).
    public var publicKey: [UInt8] {
        switch material {
        case .sr25519(let pair): pair.publicKey
        case .ed25519(let pair): pair.publicKey
        case .ecdsa(let pair): pair.publicKey
        }
    }

    /// The AccountId32: the public key, or blake2_256 of it for ECDSA (`MultiSigner::into_account`).
    public var accountId: AccountId32 { AccountId32(publicKey: publicKey, scheme: scheme) }

    /// What `subkey` prints as "Secret seed": the seed when known, else the 64-byte sr25519 secret.
    public var secretSeed: [UInt8] {
        if let seed { return seed }
        if case .sr25519(let pair) = material { return pair.secret.bytes }
        return []
    }

    /// Signs `message` with this scheme's Substrate rules.
    public func sign(_ message: [UInt8]) -> [UInt8] {
        switch material {
        case .sr25519(let pair): pair.sign(message)
        case .ed25519(let pair): pair.sign(message)
        case .ecdsa(let pair): pair.sign(message)
        }
    }

    /// Verifies a signature of `scheme` over `message` by `publicKey`.
    public static func verify(
        signature: [UInt8], message: [UInt8], publicKey: [UInt8], scheme: CryptoScheme
    ) -> Bool {
        switch scheme {
        case .sr25519: Sr25519.verify(signature: signature, message: message, publicKey: publicKey)
        case .ed25519: Ed25519.verify(signature: signature, message: message, publicKey: publicKey)
        case .ecdsa: Ecdsa.verify(signature: signature, message: message, publicKey: publicKey)
        }
    }
}
