/// A 32-byte account identifier (Substrate `AccountId32`), shown as an SS58 address.
public struct AccountId32: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The raw 32 bytes.
    public let bytes: [UInt8]

    /// Wraps exactly 32 bytes; `nil` otherwise.
    public init?(bytes: [UInt8]) {
        guard bytes.count == 32 else { return nil }
        self.bytes = bytes
    }

    /// Wraps bytes known to be 32 long.
    init(unchecked bytes: [UInt8]) {
        precondition(bytes.count == 32, "AccountId32 needs 32 bytes")
        self.bytes = bytes
    }

    /// The account of a public key: the key itself, or blake2_256 of a 33-byte ECDSA key.
    public init(publicKey: [UInt8], scheme: CryptoScheme) {
        self.bytes = scheme == .ecdsa ? blake2_256(publicKey) : publicKey
    }

    /// Parses an SS58 address of any prefix, or 0x-hex of 32 bytes.
    public init(parsing text: String) throws {
        if text.hasPrefix("0x") {
            guard let raw = [UInt8](hex: text), raw.count == 32 else {
                throw KeyError.invalidAddress("hex account ids are 32 bytes")
            }
            self.bytes = raw
            return
        }
        let (_, payload) = try SS58.decode(text)
        guard payload.count == 32 else { throw KeyError.invalidAddress("not a 32-byte account id") }
        self.bytes = payload
    }

    /// The SS58 address under `prefix` (Phala's 30 by default).
    public func ss58(prefix: UInt16 = SS58.phalaPrefix) -> String { SS58.encode(bytes, prefix: prefix) }

    public var description: String { ss58() }

    public static func < (lhs: AccountId32, rhs: AccountId32) -> Bool {
        lhs.bytes.lexicographicallyPrecedes(rhs.bytes)
    }
}
