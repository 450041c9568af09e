import PhalanxPrimitives
import PhalanxStorage
import PropertyBased
import Testing

/// A random key/value set with short keys drawn from a small alphabet, so tries get deep shared prefixes,
/// and value lengths straddling the V1 threshold.
func randomEntries(seed: UInt64, count: Int) -> [([UInt8], [UInt8])] {
    var rng = SplitMix(state: seed)
    return (0..<count).map { _ in
        let keyLength = Int.random(in: 0...5, using: &rng)
        let key = (0..<keyLength).map { _ in [0x00, 0x01, 0x10, 0x11, 0xff][Int.random(in: 0...4, using: &rng)] }
        let valueLength = [0, 1, 31, 32, 33, 40][Int.random(in: 0...5, using: &rng)]
        return (key.map { UInt8($0) }, rng.bytes(valueLength))
    }
}

/// Deduplicates keys, keeping the last value.
func latest(_ entries: [([UInt8], [UInt8])]) -> [[UInt8]: [UInt8]] {
    var map = [[UInt8]: [UInt8]]()
    for (key, value) in entries { map[key] = value }
    return map
}

@Suite struct TriePropertyTests {
    static let seeds = Gen.uint64()
    static let sizes = Gen.int(in: 0...60)

    @Test func incrementalMatchesClosedFormInAnyOrder() async throws {
        await propertyCheck(count: 200, input: Self.seeds, Self.sizes, Gen.bool) { seed, size, useV1 in
            let version: StateVersion = useV1 ? .v1 : .v0
            let entries = randomEntries(seed: seed, count: size)
            let expected = TrieRoot.root(of: entries, version: version)
            var forward = Trie(version: version)
            for (key, value) in entries { try forward.insert(key, value) }
            #expect(forward.rootHash() == expected)
            var shuffled = Trie(version: version)
            var rng = SplitMix(state: seed ^ 0xabcdef)
            for (key, value) in latest(entries).sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }).shuffled(
                using: &rng)
            {
                try shuffled.insert(key, value)
            }
            #expect(shuffled.rootHash() == expected)
        }
    }

    @Test func insertThenRemoveRestoresRoot() async throws {
        await propertyCheck(count: 200, input: Self.seeds, Self.sizes) { seed, size in
            let base = latest(randomEntries(seed: seed, count: size))
            var trie = Trie(version: .v1)
            for (key, value) in base { try trie.insert(key, value) }
            let before = trie.rootHash()
            let extra = randomEntries(seed: seed &+ 1, count: 10).filter { base[$0.0] == nil }
            for (key, value) in extra { try trie.insert(key, value) }
            for (key, _) in extra.reversed() { try trie.remove(key) }
            #expect(trie.rootHash() == before)
            // Removing every key leaves the empty trie.
            for key in base.keys { try trie.remove(key) }
            #expect(trie.rootHash() == TrieRoot.empty && trie.isEmpty)
        }
    }

    @Test func readsAndPagedKeysMatchASortedModel() async throws {
        await propertyCheck(count: 150, input: Self.seeds, Self.sizes, Gen.int(in: 1...7)) { seed, size, page in
            let model = latest(randomEntries(seed: seed, count: size))
            var trie = Trie(version: .v1)
            for (key, value) in model { try trie.insert(key, value) }
            let sortedKeys = model.keys.sorted { $0.lexicographicallyPrecedes($1) }
            for key in sortedKeys { #expect(try trie.get(key) == model[key]) }
            #expect(try trie.get([0x12, 0x34]) == nil)
            // Page through everything.
            var collected = [[UInt8]]()
            var cursor: [UInt8]? = nil
            while true {
                let batch = try trie.keys(prefix: [], after: cursor, limit: page)
                collected += batch
                guard batch.count == page, let last = batch.last else { break }
                cursor = last
            }
            #expect(collected == sortedKeys)
            for prefix in [[UInt8](), [0x01], [0x10, 0x11], [0xff]] {
                #expect(
                    try trie.keys(prefix: prefix, after: nil, limit: .max)
                        == sortedKeys.filter { $0.starts(with: prefix) })
            }
            for probe in [[UInt8](), [0x00], [0x01, 0x10], [0x11, 0xff, 0xff], [0xff, 0xff, 0xff, 0xff, 0xff, 0xff]] {
                #expect(try trie.nextKey(after: probe) == sortedKeys.first { probe.lexicographicallyPrecedes($0) })
            }
        }
    }

    @Test func proofsVerifyAndTamperedProofsFail() async throws {
        await propertyCheck(count: 150, input: Self.seeds, Gen.int(in: 1...60)) { seed, size in
            let model = latest(randomEntries(seed: seed, count: size))
            var trie = Trie(version: .v1)
            for (key, value) in model { try trie.insert(key, value) }
            let root = trie.rootHash()
            var rng = SplitMix(state: seed)
            let present = Array(model.keys.sorted { $0.lexicographicallyPrecedes($1) }.prefix(3))
            let absent = [[0x42, 0x42], [0x00, 0x00, 0x00, 0x00, 0x00, 0x00], rng.bytes(3)].filter { model[$0] == nil }
            let keys = present + absent
            let nodes = try trie.readProof(keys: keys)
            #expect(nodes == nodes.sorted { $0.lexicographicallyPrecedes($1) })
            let proof = try StorageProof(nodes: nodes)
            for key in keys { #expect(try proof.read(key, root: root) == model[key]) }
            // Flip one byte of one node: the proof must no longer verify every key.
            let victim = Int.random(in: 0..<nodes.count, using: &rng)
            var tampered = nodes
            let position = Int.random(in: 0..<tampered[victim].count, using: &rng)
            tampered[victim][position] ^= 0x01
            // Every node of a produced proof lies on some key's path, so at least one key no longer verifies.
            let bad = try StorageProof(nodes: tampered)
            #expect(!keys.allSatisfy { bad.verify($0, expected: model[$0], root: root) })
            // Tampering the root node breaks every read.
            if blake2_256(nodes[victim]) == root {
                #expect(keys.allSatisfy { !bad.verify($0, expected: model[$0], root: root) })
            }
            // Dropping the root node makes every read incomplete.
            let withoutRoot = try StorageProof(nodes: nodes.filter { blake2_256($0) != root })
            for key in keys {
                #expect(throws: ProofError.incomplete(missing: root)) { try withoutRoot.read(key, root: root) }
            }
        }
    }
}
