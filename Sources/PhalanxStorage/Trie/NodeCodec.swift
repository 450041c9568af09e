import PhalanxPrimitives

/// Byte-level pieces of the node codec shared by ``TrieNode`` and the in-memory trie.
enum NodeCodec {
    /// Node kinds by header prefix and the number of length bits each has (§1.4).
    enum Kind {
        case leaf, branchNoValue, branchWithValue, hashedLeaf, hashedBranch

        var prefix: UInt8 {
            switch self {
            case .leaf: 0x40
            case .branchNoValue: 0x80
            case .branchWithValue: 0xc0
            case .hashedLeaf: 0x20
            case .hashedBranch: 0x10
            }
        }

        var lengthMask: Int {
            switch self {
            case .leaf, .branchNoValue, .branchWithValue: 63
            case .hashedLeaf: 31
            case .hashedBranch: 15
            }
        }
    }

    /// Appends the header byte(s) of a node of the given shape.
    static func appendHeader(leaf: Bool, value: NodeValue?, nibbleCount: Int, to out: inout [UInt8]) {
        let kind: Kind
        switch (leaf, value) {
        case (true, .hashed?): kind = .hashedLeaf
        case (true, _): kind = .leaf
        case (false, nil): kind = .branchNoValue
        case (false, .inline?): kind = .branchWithValue
        case (false, .hashed?): kind = .hashedBranch
        }
        appendHeader(kind: kind, nibbleCount: nibbleCount, to: &out)
    }

    /// Appends a header with the length-extension rule: `M`, then `0xff`s, then a final byte < 255.
    static func appendHeader(kind: Kind, nibbleCount: Int, to out: inout [UInt8]) {
        let mask = kind.lengthMask
        if nibbleCount < mask {
            out.append(kind.prefix | UInt8(nibbleCount))
            return
        }
        out.append(kind.prefix | UInt8(mask))
        var rest = nibbleCount - mask
        while rest >= 255 {
            out.append(0xff)
            rest -= 255
        }
        out.append(UInt8(rest))
    }

    /// Appends the little-endian 16-bit children bitmap.
    static func appendBitmap(_ present: [Bool], to out: inout [UInt8]) {
        var bitmap: UInt16 = 0
        for (index, isPresent) in present.enumerated() where isPresent { bitmap |= 1 << UInt16(index) }
        out.append(UInt8(bitmap & 0xff))
        out.append(UInt8(bitmap >> 8))
    }

    /// Appends a value: `compact(len) ‖ bytes` inline, or the raw 32-byte hash.
    static func appendValue(_ value: NodeValue, to out: inout [UInt8]) {
        switch value {
        case .inline(let bytes):
            appendCompactBytes(bytes, to: &out)
        case .hashed(let hash):
            out.append(contentsOf: hash)
        }
    }

    /// Appends a child reference with its compact length.
    static func appendChild(_ reference: [UInt8], to out: inout [UInt8]) {
        appendCompactBytes(reference, to: &out)
    }

    /// Appends `compact(len) ‖ bytes`.
    static func appendCompactBytes(_ bytes: [UInt8], to out: inout [UInt8]) {
        var encoder = ScaleEncoder()
        encoder.encodeCompact(UInt64(bytes.count))
        out.append(contentsOf: encoder.bytes)
        out.append(contentsOf: bytes)
    }

    /// Strict decoder; see ``TrieNode/decode(_:)``.
    static func decode(_ bytes: [UInt8]) throws(TrieNodeError) -> TrieNode {
        guard let first = bytes.first else { throw .empty }
        if first == 0 {
            guard bytes.count == 1 else { throw .trailingBytes(count: bytes.count - 1) }
            return .empty
        }
        let kind: Kind
        switch first >> 6 {
        case 0b01: kind = .leaf
        case 0b10: kind = .branchNoValue
        case 0b11: kind = .branchWithValue
        default:
            if first & 0xe0 == 0x20 {
                kind = .hashedLeaf
            } else if first & 0xf0 == 0x10 {
                kind = .hashedBranch
            } else {
                throw .invalidHeader(first)
            }
        }
        var reader = ByteReader(bytes: bytes, position: 1)
        var nibbleCount = Int(first) & kind.lengthMask
        if nibbleCount == kind.lengthMask {
            while true {
                let extra = try reader.byte()
                nibbleCount += Int(extra)
                if extra < 255 { break }
                // A partial key can never be longer than the remaining input allows.
                guard nibbleCount <= 2 * bytes.count else { throw .truncated }
            }
        }
        let keyBytes = try reader.take((nibbleCount + 1) / 2)
        var partialKey = [UInt8]()
        partialKey.reserveCapacity(nibbleCount)
        for (index, byte) in keyBytes.enumerated() {
            if index == 0 && nibbleCount % 2 == 1 {
                guard byte >> 4 == 0 else { throw .invalidPadding }
                partialKey.append(byte & 0x0f)
            } else {
                partialKey.append(byte >> 4)
                partialKey.append(byte & 0x0f)
            }
        }
        switch kind {
        case .leaf, .hashedLeaf:
            let value = try readValue(hashed: kind == .hashedLeaf, reader: &reader)
            guard reader.remaining == 0 else { throw .trailingBytes(count: reader.remaining) }
            return .leaf(partialKey: partialKey, value: value)
        case .branchNoValue, .branchWithValue, .hashedBranch:
            let low = try reader.byte()
            let high = try reader.byte()
            let bitmap = UInt16(low) | UInt16(high) << 8
            guard bitmap != 0 else { throw .zeroChildrenBitmap }
            let value: NodeValue? =
                kind == .branchNoValue ? nil : try readValue(hashed: kind == .hashedBranch, reader: &reader)
            var children = [ChildReference?](repeating: nil, count: 16)
            for index in 0..<16 where bitmap & (1 << UInt16(index)) != 0 {
                let length = try reader.compactLength()
                guard length >= 1 && length <= 32 else { throw .invalidChildReference(length: length) }
                let reference = try reader.take(length)
                children[index] = length == 32 ? .hash(reference) : .inline(reference)
            }
            guard reader.remaining == 0 else { throw .trailingBytes(count: reader.remaining) }
            return .branch(partialKey: partialKey, value: value, children: children)
        }
    }

    private static func readValue(hashed: Bool, reader: inout ByteReader) throws(TrieNodeError) -> NodeValue {
        if hashed { return .hashed(try reader.take(32)) }
        let length = try reader.compactLength()
        return .inline(try reader.take(length))
    }
}

/// A bounds-checked cursor over node bytes.
struct ByteReader {
    let bytes: [UInt8]
    var position: Int

    var remaining: Int { bytes.count - position }

    mutating func byte() throws(TrieNodeError) -> UInt8 {
        guard position < bytes.count else { throw .truncated }
        defer { position += 1 }
        return bytes[position]
    }

    mutating func take(_ count: Int) throws(TrieNodeError) -> [UInt8] {
        guard count >= 0, count <= remaining else { throw .truncated }
        defer { position += count }
        return Array(bytes[position..<position + count])
    }

    /// Reads a SCALE compact length, canonical form only, bounded by the input size.
    mutating func compactLength() throws(TrieNodeError) -> Int {
        var decoder = ScaleDecoder(Array(bytes[position..<min(bytes.count, position + 9)]))
        let value: UInt64
        do {
            value = try decoder.decodeCompact(UInt64.self)
        } catch let error as ScaleError {
            if case .unexpectedEnd = error { throw .truncated }
            throw .invalidValueLength
        } catch {
            throw .invalidValueLength
        }
        position += decoder.position
        guard value <= UInt64(remaining) else { throw .truncated }
        return Int(value)
    }
}
