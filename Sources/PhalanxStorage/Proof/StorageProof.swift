import PhalanxPrimitives

/// Why a storage proof could not answer; each case has a stable numeric ``code``.
public enum ProofError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The proof lacks a node (or value node) on the key's path: neither presence nor absence is proven.
    case incomplete(missing: [UInt8])
    /// A node on the path does not decode.
    case invalidNode(TrieNodeError)
    /// The same entry appears twice.
    case duplicateEntry
    /// The SCALE `Vec<Vec<u8>>` wrapper is malformed.
    case malformedEncoding

    /// Stable machine-readable code.
    public var code: Int {
        switch self {
        case .incomplete: 1
        case .invalidNode: 2
        case .duplicateEntry: 3
        case .malformedEncoding: 4
        }
    }

    /// One clear sentence.
    public var description: String {
        switch self {
        case .incomplete(let hash): "storage proof is incomplete: node 0x\(hash.hex) is missing"
        case .invalidNode(let reason): "storage proof holds an invalid node: \(reason)"
        case .duplicateEntry: "storage proof holds a duplicate entry"
        case .malformedEncoding: "storage proof encoding is malformed"
        }
    }
}

/// A set of trie nodes (and value nodes), as returned by `state_getReadProof`, checked against a trusted root (§5.2).
public struct StorageProof: Sendable {
    /// The proof entries, opaque blobs keyed by their blake2_256.
    public let nodes: [[UInt8]]
    private let byHash: [[UInt8]: [UInt8]]

    /// Indexes `nodes` by hash; duplicates are rejected.
    public init(nodes: [[UInt8]]) throws(ProofError) {
        var byHash = [[UInt8]: [UInt8]]()
        for node in nodes {
            guard byHash.updateValue(node, forKey: blake2_256(node)) == nil else { throw .duplicateEntry }
        }
        self.nodes = nodes
        self.byHash = byHash
    }

    /// Decodes the SCALE `Vec<Vec<u8>>` form used by the light-client protocol.
    public init(scaleEncoded bytes: [UInt8]) throws(ProofError) {
        var decoder = ScaleDecoder(bytes)
        let nodes: [[UInt8]]
        do {
            nodes = try decoder.decode([[UInt8]].self)
            try decoder.finish()
        } catch {
            throw .malformedEncoding
        }
        try self.init(nodes: nodes)
    }

    /// The SCALE `Vec<Vec<u8>>` encoding of ``nodes``.
    public var scaleEncoded: [UInt8] {
        var encoder = ScaleEncoder()
        encoder.encode(nodes)
        return encoder.bytes
    }

    /// The value of `key` under `root`: the bytes when present, `nil` when proven absent; throws when the proof cannot tell.
    public func read(_ key: [UInt8], root: [UInt8]) throws(ProofError) -> [UInt8]? {
        let nibbles = Nibbles.from(key)
        guard let rootBytes = byHash[root] else { throw .incomplete(missing: root) }
        var node = try decode(rootBytes)
        var offset = 0
        while true {
            let pk = node.partialKey
            guard nibbles.count - offset >= pk.count, nibbles[offset..<offset + pk.count].elementsEqual(pk) else {
                return nil
            }
            offset += pk.count
            if offset == nibbles.count {
                switch node.value {
                case .inline(let bytes)?: return bytes
                case .hashed(let hash)?:
                    guard let bytes = byHash[hash] else { throw .incomplete(missing: hash) }
                    return bytes
                case nil: return nil
                }
            }
            guard let child = node.child(at: nibbles[offset]) else { return nil }
            offset += 1
            switch child {
            case .inline(let bytes):
                node = try decode(bytes)
            case .hash(let hash):
                guard let bytes = byHash[hash] else { throw .incomplete(missing: hash) }
                node = try decode(bytes)
            }
        }
    }

    /// Checks that `key` holds `expected` (`nil`: proven absent) under `root`.
    public func verify(_ key: [UInt8], expected: [UInt8]?, root: [UInt8]) -> Bool {
        do {
            return try read(key, root: root) == expected
        } catch {
            return false
        }
    }

    private func decode(_ bytes: [UInt8]) throws(ProofError) -> TrieNode {
        do {
            return try TrieNode.decode(bytes)
        } catch {
            throw .invalidNode(error)
        }
    }
}
