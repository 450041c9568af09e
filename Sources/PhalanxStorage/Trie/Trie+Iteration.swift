extension Trie {
    /// Up to `limit` keys with `prefix`, ascending, strictly after `startKey` when given.
    public func keys(prefix: [UInt8], after startKey: [UInt8]?, limit: Int) throws(TrieError) -> [[UInt8]] {
        guard let root, limit > 0 else { return [] }
        var walk = KeyWalk(prefix: Nibbles.from(prefix), start: startKey.map(Nibbles.from), limit: limit)
        try walk.visit(root, path: [], bounded: startKey != nil, trie: self)
        return walk.found
    }

    /// Every (key, value) pair in ascending key order; loads the whole trie.
    public func entries() throws(TrieError) -> [([UInt8], [UInt8])] {
        var out = [([UInt8], [UInt8])]()
        for key in try keys(prefix: [], after: nil, limit: .max) {
            if let value = try get(key) { out.append((key, value)) }
        }
        return out
    }
}

/// A depth-first walk in nibble order that skips subtrees outside the prefix or before the start key.
private struct KeyWalk {
    let prefix: [UInt8]
    let start: [UInt8]?
    let limit: Int
    var found: [[UInt8]] = []

    mutating func visit(_ node: Node, path: [UInt8], bounded: Bool, trie: Trie) throws(TrieError) {
        guard found.count < limit else { return }
        let full = path + node.partialKey
        let shared = min(full.count, prefix.count)
        guard full[..<shared].elementsEqual(prefix[..<shared]) else { return }
        var bounded = bounded
        if bounded, let start {
            let common = min(full.count, start.count)
            if full[..<common].lexicographicallyPrecedes(start[..<common]) { return }
            if start[..<common].lexicographicallyPrecedes(full[..<common]) || full.count > start.count {
                bounded = false
            }
        }
        if node.value != nil, !bounded, full.count >= prefix.count, let key = Nibbles.toBytes(full) {
            found.append(key)
        }
        guard let children = node.children else { return }
        for index in 0..<16 {
            guard found.count < limit else { return }
            guard let child = children[index] else { continue }
            try visit(try trie.resolve(child), path: full + [UInt8(index)], bounded: bounded, trie: trie)
        }
    }
}
