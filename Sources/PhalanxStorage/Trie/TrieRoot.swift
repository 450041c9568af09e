import PhalanxPrimitives

/// Closed-form roots of key/value sets (spec §1.12) and ordered tries (§3).
public enum TrieRoot {
    /// `blake2_256(00)`: the root of the empty trie, and the extrinsics root of an empty block.
    public static let empty: [UInt8] = blake2_256([0])

    /// The state root of `entries` written under `version`; duplicate keys keep the last value.
    public static func root(of entries: [([UInt8], [UInt8])], version: StateVersion) -> [UInt8] {
        var latest = [[UInt8]: [UInt8]]()
        for (key, value) in entries { latest[key] = value }
        let sorted = latest.map { (Nibbles.from($0.key), $0.value) }.sorted { $0.0.lexicographicallyPrecedes($1.0) }
        guard !sorted.isEmpty else { return empty }
        return blake2_256(encodeNode(sorted[...], depth: 0, version: version))
    }

    /// The root of a key/value map written under `version`.
    public static func root(of entries: [[UInt8]: [UInt8]], version: StateVersion) -> [UInt8] {
        root(of: entries.map { ($0.key, $0.value) }, version: version)
    }

    /// The ordered-trie root of `values` (keys are `compact(index)`); extrinsics roots use ``StateVersion/v0``.
    public static func orderedRoot(of values: [[UInt8]], version: StateVersion = .v0) -> [UInt8] {
        root(of: values.enumerated().map { (compactKey($0.offset), $0.element) }, version: version)
    }

    /// The extrinsics root of a block: an ordered V0 trie of each extrinsic's full encoding (§3).
    public static func extrinsicsRoot(of extrinsics: [[UInt8]]) -> [UInt8] {
        orderedRoot(of: extrinsics, version: .v0)
    }

    /// `compact(index)` as bytes: the key of entry `index` in an ordered trie.
    public static func compactKey(_ index: Int) -> [UInt8] {
        var encoder = ScaleEncoder()
        encoder.encodeCompact(UInt64(index))
        return encoder.bytes
    }

    /// Encodes the node at `depth` holding the sorted, non-empty `entries` (keys as nibbles).
    private static func encodeNode(_ entries: ArraySlice<([UInt8], [UInt8])>, depth: Int, version: StateVersion)
        -> [UInt8]
    {
        let first = entries[entries.startIndex].0
        let last = entries[entries.endIndex - 1].0
        let prefixLength = Nibbles.commonPrefixLength(first[depth...], last[depth...])
        let end = depth + prefixLength
        let partialKey = first[depth..<end]
        var rest = entries
        var value: NodeValue? = nil
        if first.count == end {
            let raw = entries[entries.startIndex].1
            value = version.hashesValue(ofLength: raw.count) ? .hashed(blake2_256(raw)) : .inline(raw)
            rest = entries.dropFirst()
        }
        if rest.isEmpty, let value {
            return TrieNode.leaf(partialKey: Array(partialKey), value: value).encoded()
        }
        var children = [ChildReference?](repeating: nil, count: 16)
        var start = rest.startIndex
        while start < rest.endIndex {
            let nibble = rest[start].0[end]
            var stop = start + 1
            while stop < rest.endIndex && rest[stop].0[end] == nibble { stop += 1 }
            children[Int(nibble)] = ChildReference(
                encodedChild: encodeNode(rest[start..<stop], depth: end + 1, version: version))
            start = stop
        }
        return TrieNode.branch(partialKey: Array(partialKey), value: value, children: children).encoded()
    }
}
