/// Errors from building or using keys, secret URIs, mnemonics and addresses.
/// Each case has a stable numeric code and a one-sentence description.
public enum KeyError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A seed or secret had the wrong length.
    case invalidSeedLength(expected: Int, actual: Int)
    /// A secret key is not valid for its curve (zero, out of range or non-canonical).
    case invalidSecretKey
    /// A public key does not decode as a point of its curve.
    case invalidPublicKey
    /// A signature has the wrong length or format.
    case invalidSignature
    /// The secret URI does not follow `phrase//hard/soft///password`.
    case invalidSecretURI(String)
    /// The derivation path holds a soft junction, which this scheme cannot follow.
    case softJunctionNotSupported(scheme: String)
    /// The phrase is not a valid English BIP39 mnemonic.
    case invalidMnemonic(String)
    /// An SS58 address could not be decoded.
    case invalidAddress(String)

    /// Stable machine-readable code.
    public var code: Int {
        switch self {
        case .invalidSeedLength: 1001
        case .invalidSecretKey: 1002
        case .invalidPublicKey: 1003
        case .invalidSignature: 1004
        case .invalidSecretURI: 1005
        case .softJunctionNotSupported: 1006
        case .invalidMnemonic: 1007
        case .invalidAddress: 1008
        }
    }

    public var description: String {
        switch self {
        case .invalidSeedLength(let expected, let actual): "The seed must be \(expected) bytes, got \(actual)."
        case .invalidSecretKey: "The secret key is not valid for this curve."
        case .invalidPublicKey: "The public key is not a valid point of this curve."
        case .invalidSignature: "The signature is malformed."
        case .invalidSecretURI(let why): "The secret URI is invalid: \(why)."
        case .softJunctionNotSupported(let scheme): "\(scheme) keys support only hard (//) derivation, not soft (/)."
        case .invalidMnemonic(let why): "The mnemonic is invalid: \(why)."
        case .invalidAddress(let why): "The address is invalid: \(why)."
        }
    }
}
