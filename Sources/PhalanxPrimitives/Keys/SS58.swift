/// SS58 addresses (Substrate's `Ss58Codec`): base58(prefix ‖ payload ‖ blake2_512("SS58PRE" ‖ prefix ‖ payload)[0..2]).
/// Any 14-bit network prefix is accepted on input; Phalanx prints Phala's prefix 30 by default.
public enum SS58 {
    /// Phala Network's registered prefix, the default for Phalanx output.
    public static let phalaPrefix: UInt16 = 30
    /// The generic Substrate prefix (addresses starting with 5).
    public static let substratePrefix: UInt16 = 42

    /// Encodes a 32-byte account id (or a 33-byte ECDSA public key) under `prefix` (0…16383).
    public static func encode(_ payload: [UInt8], prefix: UInt16 = phalaPrefix) -> String {
        let ident = prefix & 0x3FFF
        var body: [UInt8]
        if ident < 64 {
            body = [UInt8(ident)]
        } else {
            body = [
                0x40 | UInt8((ident & 0x00FC) >> 2),
                UInt8(ident >> 8) | UInt8((ident & 0x0003) << 6),
            ]
        }
        body += payload
        body += checksum(body)
        return Base58.encode(body)
    }

    /// Decodes an address into its prefix and payload; the payload must be 32 or 33 bytes.
    public static func decode(_ address: String) throws -> (prefix: UInt16, payload: [UInt8]) {
        guard let data = Base58.decode(address) else { throw KeyError.invalidAddress("not base58") }
        guard data.count >= 2 else { throw KeyError.invalidAddress("too short") }
        let prefix: UInt16
        let prefixLength: Int
        switch data[0] {
        case 0..<64:
            prefix = UInt16(data[0])
            prefixLength = 1
        case 64..<128:
            let lower = UInt16(((data[0] << 2) | (data[1] >> 6)) & 0xFF)
            let upper = UInt16(data[1] & 0x3F)
            prefix = lower | (upper << 8)
            prefixLength = 2
        default:
            throw KeyError.invalidAddress("invalid prefix byte")
        }
        let payloadLength = data.count - prefixLength - 2
        guard payloadLength == 32 || payloadLength == 33 else {
            throw KeyError.invalidAddress("wrong length")
        }
        guard prefix != 46 && prefix != 47 else { throw KeyError.invalidAddress("reserved prefix \(prefix)") }
        let body = Array(data[..<(data.count - 2)])
        guard checksum(body) == Array(data[(data.count - 2)...]) else {
            throw KeyError.invalidAddress("bad checksum")
        }
        return (prefix, Array(body[prefixLength...]))
    }

    private static func checksum(_ body: [UInt8]) -> [UInt8] {
        Array(blake2_512(Array("SS58PRE".utf8) + body)[0..<2])
    }
}

/// Base58 with the Bitcoin alphabet, as SS58 uses it.
public enum Base58 {
    private static let alphabet = Array("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".utf8)
    private static let indexes: [Int8] = {
        var table = [Int8](repeating: -1, count: 128)
        for (i, c) in alphabet.enumerated() { table[Int(c)] = Int8(i) }
        return table
    }()

    /// Encodes bytes; each leading zero byte becomes a leading `1`.
    public static func encode(_ bytes: [UInt8]) -> String {
        let zeros = bytes.prefix { $0 == 0 }.count
        var digits = [UInt8]()  // base-58 digits, little-endian
        digits.reserveCapacity(bytes.count * 138 / 100 + 1)
        for byte in bytes[zeros...] {
            var carry = Int(byte)
            for i in digits.indices {
                carry += Int(digits[i]) << 8
                digits[i] = UInt8(carry % 58)
                carry /= 58
            }
            while carry > 0 {
                digits.append(UInt8(carry % 58))
                carry /= 58
            }
        }
        let text = [UInt8](repeating: alphabet[0], count: zeros) + digits.reversed().map { alphabet[Int($0)] }
        return String(decoding: text, as: UTF8.self)
    }

    /// Decodes base58 text; `nil` on a character outside the alphabet. Input is bounded to 128 characters.
    public static func decode(_ text: String) -> [UInt8]? {
        let chars = Array(text.utf8)
        guard chars.count <= 128 else { return nil }
        let ones = chars.prefix { $0 == alphabet[0] }.count
        var bytes = [UInt8]()  // little-endian
        for c in chars[ones...] {
            guard c < 128, indexes[Int(c)] >= 0 else { return nil }
            var carry = Int(indexes[Int(c)])
            for i in bytes.indices {
                carry += Int(bytes[i]) * 58
                bytes[i] = UInt8(carry & 0xFF)
                carry >>= 8
            }
            while carry > 0 {
                bytes.append(UInt8(carry & 0xFF))
                carry >>= 8
            }
        }
        return [UInt8](repeating: 0, count: ones) + bytes.reversed()
    }
}
