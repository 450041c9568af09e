import Crypto

/// AES-256-GCM authenticated encryption (swift-crypto), used by the confidential envelopes.
public enum AES256GCM {
    /// Length of the key, the nonce (IV) and the authentication tag.
    public static let keyLength = 32, nonceLength = 12, tagLength = 16

    /// Errors from sealing or opening.
    public enum Failure: Error, Equatable, Sendable {
        /// The key or nonce had the wrong length.
        case invalidParameters
        /// The ciphertext, tag or associated data do not authenticate under this key.
        case authenticationFailed
    }

    /// Encrypts `plaintext`, returning ciphertext ‖ 16-byte tag.
    public static func seal(
        _ plaintext: [UInt8], key: [UInt8], nonce: [UInt8], associatedData: [UInt8] = []
    ) throws -> [UInt8] {
        guard key.count == keyLength, let gcmNonce = try? AES.GCM.Nonce(data: nonce), nonce.count == nonceLength else {
            throw Failure.invalidParameters
        }
        let box = try AES.GCM.seal(
            plaintext, using: SymmetricKey(data: key), nonce: gcmNonce, authenticating: associatedData)
        return Array(box.ciphertext) + Array(box.tag)
    }

    /// Decrypts ciphertext ‖ tag; throws `authenticationFailed` on any tampering.
    public static func open(
        _ sealed: [UInt8], key: [UInt8], nonce: [UInt8], associatedData: [UInt8] = []
    ) throws -> [UInt8] {
        guard key.count == keyLength, nonce.count == nonceLength, sealed.count >= tagLength,
            let gcmNonce = try? AES.GCM.Nonce(data: nonce)
        else { throw Failure.invalidParameters }
        do {
            let box = try AES.GCM.SealedBox(
                nonce: gcmNonce, ciphertext: sealed.dropLast(tagLength), tag: sealed.suffix(tagLength))
            return Array(try AES.GCM.open(box, using: SymmetricKey(data: key), authenticating: associatedData))
        } catch {
            throw Failure.authenticationFailed
        }
    }
}

/// HKDF-SHA256 (RFC 5869, swift-crypto).
public enum HKDFSHA256 {
    /// Derives `length` bytes from input keying material, salt and info.
    public static func derive(inputKey: [UInt8], salt: [UInt8], info: [UInt8], length: Int) -> [UInt8] {
        let key = HKDF<SHA256>.deriveKey(
            inputKeyMaterial: SymmetricKey(data: inputKey), salt: salt, info: info, outputByteCount: length)
        return key.withUnsafeBytes { Array($0) }
    }
}
