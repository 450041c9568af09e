/// Nibble (4-bit) views of storage keys: the trie is radix-16, high nibble first (spec §1.1).
public enum Nibbles {
    /// The nibbles of `key`, high nibble of each byte first: `aa ff` → `a a f f`.
    public static func from(_ key: [UInt8]) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(key.count * 2)
        for byte in key {
            out.append(byte >> 4)
            out.append(byte & 0x0f)
        }
        return out
    }

    /// Packs an even number of nibbles back into bytes; `nil` when the count is odd.
    public static func toBytes(_ nibbles: some Collection<UInt8>) -> [UInt8]? {
        guard nibbles.count % 2 == 0 else { return nil }
        var out = [UInt8]()
        out.reserveCapacity(nibbles.count / 2)
        var high: UInt8? = nil
        for nibble in nibbles {
            if let h = high {
                out.append(h << 4 | nibble)
                high = nil
            } else {
                high = nibble
            }
        }
        return out
    }

    /// Packs a partial key: pairs high nibble first, an odd count padded with a zero nibble at the front (§1.5).
    public static func packPartialKey(_ nibbles: some Collection<UInt8>) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity((nibbles.count + 1) / 2)
        appendPartialKey(nibbles, to: &out)
        return out
    }

    /// Appends the packed partial key (see ``packPartialKey(_:)``) to `out`.
    static func appendPartialKey(_ nibbles: some Collection<UInt8>, to out: inout [UInt8]) {
        var iterator = nibbles.makeIterator()
        if nibbles.count % 2 == 1, let first = iterator.next() { out.append(first) }
        while let high = iterator.next(), let low = iterator.next() {
            out.append(high << 4 | low)
        }
    }

    /// The length of the longest common prefix of two nibble sequences.
    static func commonPrefixLength(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) -> Int {
        var i = a.startIndex
        var j = b.startIndex
        while i < a.endIndex, j < b.endIndex, a[i] == b[j] {
            i += 1
            j += 1
        }
        return i - a.startIndex
    }
}
