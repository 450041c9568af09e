import PhalanxPrimitives
import Synchronization

/// A value held by an in-memory node: inline bytes, or a hashed (V1) value whose bytes may not be loaded yet.
enum StoredValue: Sendable {
    /// Written inline in the node.
    case inline([UInt8])
    /// Written as its hash; `bytes` is `nil` until loaded from the node source.
    case hashed(hash: [UInt8], bytes: [UInt8]?)

    /// The value as it appears in the node encoding.
    var nodeValue: NodeValue {
        switch self {
        case .inline(let bytes): .inline(bytes)
        case .hashed(let hash, _): .hashed(hash)
        }
    }

    /// Whether two values encode identically.
    func encodesSame(as other: StoredValue) -> Bool {
        switch (self, other) {
        case (.inline(let a), .inline(let b)): a == b
        case (.hashed(let a, _), .hashed(let b, _)): a == b
        default: false
        }
    }

    /// The value for `bytes` written under `version`.
    init(_ bytes: [UInt8], version: StateVersion) {
        self =
            version.hashesValue(ofLength: bytes.count) ? .hashed(hash: blake2_256(bytes), bytes: bytes) : .inline(bytes)
    }
}

/// A child slot of an in-memory branch: a node in memory, or a hash still in the node source.
enum Child: Sendable {
    /// A node held in memory.
    case node(Node)
    /// A node known only by its hash; loaded on demand.
    case stored([UInt8])
}

/// An immutable in-memory trie node. Mutations copy the path (so older roots stay valid);
/// the encoding and Merkle value are computed once, lazily, and cached.
final class Node: Sendable {
    /// The partial key, in nibbles.
    let partialKey: [UInt8]
    /// The node's value, if any (always present on a leaf).
    let value: StoredValue?
    /// 16 child slots for a branch; `nil` for a leaf.
    let children: [Child?]?
    /// Set when the node is persisted in the node source under this hash.
    let storedHash: [UInt8]?
    private let cache: Mutex<(encoding: [UInt8], merkle: [UInt8])?>

    init(
        partialKey: [UInt8], value: StoredValue?, children: [Child?]?, storedHash: [UInt8]? = nil,
        encoding: [UInt8]? = nil
    ) {
        self.partialKey = partialKey
        self.value = value
        self.children = children
        self.storedHash = storedHash
        if let encoding {
            cache = Mutex((encoding, storedHash ?? (encoding.count < 32 ? encoding : blake2_256(encoding))))
        } else {
            cache = Mutex(nil)
        }
    }

    /// Builds the in-memory form of a decoded node; inline children are decoded too.
    static func from(_ decoded: TrieNode, storedHash: [UInt8]?, encoding: [UInt8]) throws(TrieNodeError) -> Node? {
        let value: StoredValue? =
            switch decoded.value {
            case .inline(let bytes)?: .inline(bytes)
            case .hashed(let hash)?: .hashed(hash: hash, bytes: nil)
            case nil: nil
            }
        switch decoded {
        case .empty:
            return nil
        case .leaf(let key, _):
            return Node(partialKey: key, value: value, children: nil, storedHash: storedHash, encoding: encoding)
        case .branch(let key, _, let references):
            var children = [Child?](repeating: nil, count: 16)
            for (index, reference) in references.enumerated() {
                switch reference {
                case .hash(let hash)?:
                    children[index] = .stored(hash)
                case .inline(let bytes)?:
                    let child = try TrieNode.decode(bytes)
                    guard let node = try Node.from(child, storedHash: nil, encoding: bytes) else {
                        throw .invalidChildReference(length: bytes.count)
                    }
                    children[index] = .node(node)
                case nil:
                    break
                }
            }
            return Node(partialKey: key, value: value, children: children, storedHash: storedHash, encoding: encoding)
        }
    }

    /// The node's encoding (§1.3).
    var encoding: [UInt8] { cached.encoding }

    /// The Merkle value: the encoding when shorter than 32 bytes, else its blake2_256.
    var merkleValue: [UInt8] { cached.merkle }

    /// The hash under which this node is (or would be) stored: blake2_256 of the encoding, whatever its length.
    var hash: [UInt8] {
        if let storedHash { return storedHash }
        let encoding = cached
        return encoding.encoding.count >= 32 ? encoding.merkle : blake2_256(encoding.encoding)
    }

    private var cached: (encoding: [UInt8], merkle: [UInt8]) {
        if let hit = cache.withLock({ $0 }) { return hit }
        let encoding = encode()
        let entry = (encoding, storedHash ?? (encoding.count < 32 ? encoding : blake2_256(encoding)))
        cache.withLock { $0 = entry }
        return entry
    }

    private func encode() -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(children == nil ? partialKey.count / 2 + 40 : partialKey.count / 2 + 16 * 33 + 40)
        NodeCodec.appendHeader(leaf: children == nil, value: value?.nodeValue, nibbleCount: partialKey.count, to: &out)
        Nibbles.appendPartialKey(partialKey, to: &out)
        if let children {
            NodeCodec.appendBitmap(children.map { $0 != nil }, to: &out)
            if let value { NodeCodec.appendValue(value.nodeValue, to: &out) }
            for child in children {
                switch child {
                case .node(let node)?: NodeCodec.appendChild(node.merkleValue, to: &out)
                case .stored(let hash)?: NodeCodec.appendChild(hash, to: &out)
                case nil: break
                }
            }
        } else if let value {
            NodeCodec.appendValue(value.nodeValue, to: &out)
        }
        return out
    }
}
