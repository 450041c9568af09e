extension Trie {
    /// The nodes a verifier needs to check the value or absence of each key against ``rootHash()``:
    /// every hashed node on each lookup path (the root always), plus V1 value nodes read; deduplicated and sorted bytewise.
    public func readProof(keys: [[UInt8]]) throws(TrieError) -> [[UInt8]] {
        guard let root else { return [] }
        var collected = Set<[UInt8]>()
        for key in keys {
            let nibbles = Nibbles.from(key)
            var offset = 0
            var node = root
            collected.insert(node.encoding)
            while true {
                let pk = node.partialKey
                guard nibbles.count - offset >= pk.count, nibbles[offset..<offset + pk.count].elementsEqual(pk) else {
                    break
                }
                offset += pk.count
                if offset == nibbles.count {
                    if let value = node.value, case .hashed = value { collected.insert(try loadValue(value)) }
                    break
                }
                guard let child = node.children?[Int(nibbles[offset])] else { break }
                offset += 1
                node = try resolve(child)
                if node.encoding.count >= 32 { collected.insert(node.encoding) }
            }
        }
        return collected.sorted { $0.lexicographicallyPrecedes($1) }
    }
}
