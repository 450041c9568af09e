/// Phalanx's confidential envelope, version 1 (ARCHITECTURE.md §5): ECDH on ristretto255 between an
/// ephemeral sr25519 key and the recipient's sr25519 (= ECDH) public key, HKDF-SHA256 with
/// salt = ephemeral public ‖ recipient public and info = the purpose, then AES-256-GCM with a random
/// 12-byte IV and associated data binding version, purpose and target (a contract or query id).
/// Stronger than Phala's raw-ECDH-as-key: the key is bound to both public keys and the purpose.
public struct Envelope: Hashable, Sendable, ScaleCodable {
    /// The format version this type writes and reads.
    public static let currentVersion: UInt8 = 1

    /// The format version.
    public let version: UInt8
    /// The sender's ephemeral public key.
    public let ephemeralPublicKey: [UInt8]
    /// The AES-GCM nonce.
    public let iv: [UInt8]
    /// Ciphertext ‖ 16-byte tag.
    public let ciphertext: [UInt8]

    /// Why an envelope could not be sealed or opened.
    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        /// The envelope's version is not supported.
        case unsupportedVersion(UInt8)
        /// A public key is not a valid (non-identity) ristretto point.
        case invalidPublicKey
        /// Decryption failed: wrong key, purpose or target, or the data was tampered with.
        case authenticationFailed

        public var description: String {
            switch self {
            case .unsupportedVersion(let version): "The envelope version \(version) is not supported."
            case .invalidPublicKey: "The public key is not a valid sr25519 (ristretto255) key."
            case .authenticationFailed: "The envelope does not decrypt: wrong key, purpose or target, or tampered data."
            }
        }
    }

    /// Encrypts `plaintext` to `recipient` for `purpose` (e.g. "phalanx/query") and `target`.
    /// `ephemeralSeed` and `iv` are drawn from the system CSPRNG unless given (tests).
    public static func seal(
        _ plaintext: [UInt8], to recipient: [UInt8], purpose: String, target: [UInt8],
        ephemeralSeed: [UInt8]? = nil, iv: [UInt8]? = nil
    ) throws(Failure) -> Envelope {
        let ephemeral = Sr25519.KeyPair(miniSecret: ephemeralSeed ?? SystemRandom.bytes(32))
        let shared: [UInt8]
        do {
            shared = try ephemeral.agree(with: recipient)
        } catch {
            throw .invalidPublicKey
        }
        let nonce = iv ?? SystemRandom.bytes(AES256GCM.nonceLength)
        let key = derivedKey(shared: shared, ephemeral: ephemeral.publicKey, recipient: recipient, purpose: purpose)
        let sealed: [UInt8]
        do {
            sealed = try AES256GCM.seal(
                plaintext, key: key, nonce: nonce, associatedData: associatedData(currentVersion, purpose, target))
        } catch {
            throw .authenticationFailed
        }
        return Envelope(version: currentVersion, ephemeralPublicKey: ephemeral.publicKey, iv: nonce, ciphertext: sealed)
    }

    /// Decrypts with the recipient's key pair; purpose and target must match the sender's.
    public func open(with recipient: Sr25519.KeyPair, purpose: String, target: [UInt8]) throws(Failure) -> [UInt8] {
        guard version == Self.currentVersion else { throw .unsupportedVersion(version) }
        let shared: [UInt8]
        do {
            shared = try recipient.agree(with: ephemeralPublicKey)
        } catch {
            throw .invalidPublicKey
        }
        let key = Self.derivedKey(shared: shared, ephemeral: ephemeralPublicKey, recipient: recipient.publicKey, purpose: purpose)
        do {
            return try AES256GCM.open(
                ciphertext, key: key, nonce: iv, associatedData: Self.associatedData(version, purpose, target))
        } catch {
            throw .authenticationFailed
        }
    }

    private init(version: UInt8, ephemeralPublicKey: [UInt8], iv: [UInt8], ciphertext: [UInt8]) {
        self.version = version
        self.ephemeralPublicKey = ephemeralPublicKey
        self.iv = iv
        self.ciphertext = ciphertext
    }

    private static func derivedKey(shared: [UInt8], ephemeral: [UInt8], recipient: [UInt8], purpose: String) -> [UInt8] {
        HKDFSHA256.derive(inputKey: shared, salt: ephemeral + recipient, info: Array(purpose.utf8), length: 32)
    }

    private static func associatedData(_ version: UInt8, _ purpose: String, _ target: [UInt8]) -> [UInt8] {
        var encoder = ScaleEncoder()
        encoder.encode(version)
        encoder.encode(purpose)
        encoder.encode(target)
        return encoder.bytes
    }

    public func encode(to encoder: inout ScaleEncoder) {
        encoder.encode(version)
        encoder.append(ephemeralPublicKey)
        encoder.append(iv)
        encoder.encode(ciphertext)
    }

    public init(from decoder: inout ScaleDecoder) throws {
        version = try decoder.decode()
        ephemeralPublicKey = try decoder.readBytes(32)
        iv = try decoder.readBytes(AES256GCM.nonceLength)
        ciphertext = try decoder.decode()
        guard ciphertext.count >= AES256GCM.tagLength else {
            throw ScaleError.invalidValue(type: "Envelope", reason: "the ciphertext is shorter than its tag")
        }
    }
}
