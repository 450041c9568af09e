/// A bounded, strict little-endian reader over untrusted bytes: every read is range-checked and throws, never traps.
struct ByteReader {
    /// The bytes being read.
    let bytes: [UInt8]
    /// Current position.
    private(set) var offset: Int
    /// End of the readable range (exclusive).
    let end: Int

    /// Reads `bytes[start..<end]`.
    init(_ bytes: [UInt8], start: Int = 0, end: Int? = nil) {
        self.bytes = bytes
        self.offset = start
        self.end = min(end ?? bytes.count, bytes.count)
    }

    /// Bytes left to read.
    var remaining: Int { end - offset }

    /// Reads `count` bytes, naming `field` in the error.
    mutating func read(_ count: Int, _ field: String) throws(AttestationError) -> [UInt8] {
        guard count >= 0, count <= remaining else {
            throw AttestationError(.quoteFormat, "truncated \(field): need \(count) bytes, \(max(remaining, 0)) left")
        }
        let out = Array(bytes[offset..<offset + count])
        offset += count
        return out
    }

    /// Reads a little-endian u16.
    mutating func u16(_ field: String) throws(AttestationError) -> UInt16 {
        let b = try read(2, field)
        return UInt16(b[0]) | UInt16(b[1]) << 8
    }

    /// Reads a little-endian u32.
    mutating func u32(_ field: String) throws(AttestationError) -> UInt32 {
        let b = try read(4, field)
        return UInt32(b[0]) | UInt32(b[1]) << 8 | UInt32(b[2]) << 16 | UInt32(b[3]) << 24
    }

    /// Returns a reader over the next `count` bytes and advances past them.
    mutating func sub(_ count: Int, _ field: String) throws(AttestationError) -> ByteReader {
        guard count >= 0, count <= remaining else {
            throw AttestationError(.quoteFormat, "truncated \(field): need \(count) bytes, \(max(remaining, 0)) left")
        }
        let reader = ByteReader(bytes, start: offset, end: offset + count)
        offset += count
        return reader
    }

    /// Throws unless every byte was consumed.
    func expectEnd(_ what: String) throws(AttestationError) {
        guard remaining == 0 else {
            throw AttestationError(.quoteFormat, "\(remaining) unexpected trailing bytes after \(what)")
        }
    }
}

/// Little-endian decoding helpers for fixed-offset fields of already length-checked buffers.
extension Array where Element == UInt8 {
    /// Little-endian u16 at `offset` (caller guarantees bounds).
    func le16(at offset: Int) -> UInt16 { UInt16(self[offset]) | UInt16(self[offset + 1]) << 8 }
    /// Little-endian u32 at `offset` (caller guarantees bounds).
    func le32(at offset: Int) -> UInt32 {
        UInt32(self[offset]) | UInt32(self[offset + 1]) << 8 | UInt32(self[offset + 2]) << 16
            | UInt32(self[offset + 3]) << 24
    }
    /// Little-endian u64 at `offset` (caller guarantees bounds).
    func le64(at offset: Int) -> UInt64 {
        var value: UInt64 = 0
        for i in (0..<8).reversed() { value = value << 8 | UInt64(self[offset + i]) }
        return value
    }
}
