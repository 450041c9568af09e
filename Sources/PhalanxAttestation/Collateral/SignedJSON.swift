import PhalanxPrimitives

/// An Intel-signed JSON object (TCB info or QE identity): the exact bytes as served and the raw r‖s signature.
public struct SignedJSON: Sendable, Equatable {
    /// The exact bytes of the inner JSON object (`tcbInfo` / `enclaveIdentity`), never re-serialized.
    public let body: [UInt8]
    /// The ECDSA-P256 signature r‖s (64 bytes).
    public let signature: [UInt8]

    /// Wraps an already separated body and signature (64 raw bytes, or 128 hex characters).
    public init(body: [UInt8], signature: [UInt8]) throws {
        self.body = body
        if signature.count == 64 {
            self.signature = signature
        } else if signature.count == 128, let raw = [UInt8](hex: String(decoding: signature, as: UTF8.self)) {
            self.signature = raw
        } else {
            throw Failure("collateral signature must be 64 bytes or 128 hex characters")
        }
    }

    /// Splits an envelope `{"<key>":{…},"signature":"<hex>"}` into the raw inner bytes and the signature.
    public init(envelope: [UInt8], key: String) throws {
        let members = try JSONScanner.topLevelMembers(envelope)
        guard let bodyRange = members[key] else { throw Failure("collateral JSON has no '\(key)' member") }
        guard envelope[bodyRange.lowerBound] == UInt8(ascii: "{") else { throw Failure("'\(key)' is not an object") }
        guard let sigRange = members["signature"], sigRange.count == 130,
            let sig = [UInt8](hex: String(decoding: envelope[(sigRange.lowerBound + 1)..<(sigRange.upperBound - 1)], as: UTF8.self))
        else { throw Failure("collateral JSON has no 64-byte hex 'signature'") }
        try self.init(body: Array(envelope[bodyRange]), signature: sig)
    }
}

/// Finds the byte spans of a JSON object's top-level members without re-serializing anything.
enum JSONScanner {
    /// Maps each top-level member name (unescaped names only) to the byte range of its value.
    static func topLevelMembers(_ b: [UInt8]) throws -> [String: Range<Int>] {
        var i = 0
        func skipSpace() { while i < b.count, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 } }
        func expect(_ c: UInt8) throws {
            skipSpace()
            guard i < b.count, b[i] == c else { throw Failure("malformed JSON at byte \(i)") }
            i += 1
        }
        func skipString() throws {
            guard i < b.count, b[i] == UInt8(ascii: "\"") else { throw Failure("malformed JSON string at byte \(i)") }
            i += 1
            while i < b.count {
                if b[i] == UInt8(ascii: "\\") { i += 2; continue }
                if b[i] == UInt8(ascii: "\"") { i += 1; return }
                i += 1
            }
            throw Failure("unterminated JSON string")
        }
        func skipValue() throws {
            skipSpace()
            guard i < b.count else { throw Failure("truncated JSON") }
            switch b[i] {
            case UInt8(ascii: "\""): try skipString()
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                var depth = 0
                while i < b.count {
                    switch b[i] {
                    case UInt8(ascii: "\""): try skipString(); continue
                    case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                    case UInt8(ascii: "}"), UInt8(ascii: "]"):
                        depth -= 1
                        if depth == 0 { i += 1; return }
                    default: break
                    }
                    i += 1
                }
                throw Failure("unbalanced JSON")
            default:
                while i < b.count, b[i] != UInt8(ascii: ","), b[i] != UInt8(ascii: "}"), b[i] != 0x20, b[i] != 0x0A,
                    b[i] != 0x0D, b[i] != 0x09
                {
                    i += 1
                }
            }
        }
        var members: [String: Range<Int>] = [:]
        try expect(UInt8(ascii: "{"))
        skipSpace()
        if i < b.count, b[i] == UInt8(ascii: "}") { return members }
        while true {
            skipSpace()
            let nameStart = i
            try skipString()
            let name = String(decoding: b[(nameStart + 1)..<(i - 1)], as: UTF8.self)
            try expect(UInt8(ascii: ":"))
            skipSpace()
            let valueStart = i
            try skipValue()
            guard members[name] == nil else { throw Failure("duplicate JSON member '\(name)'") }
            members[name] = valueStart..<i
            skipSpace()
            guard i < b.count else { throw Failure("truncated JSON") }
            if b[i] == UInt8(ascii: ",") { i += 1; continue }
            if b[i] == UInt8(ascii: "}") { break }
            throw Failure("malformed JSON at byte \(i)")
        }
        return members
    }
}
