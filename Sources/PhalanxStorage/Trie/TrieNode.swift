import PhalanxPrimitives

/// A stored value as it appears in a node: inline bytes, or the blake2_256 hash of a separate value node (V1).
public enum NodeValue: Equatable, Sendable {
    /// The value bytes, written as `compact(len) ‖ bytes`.
    case inline([UInt8])
    /// The 32-byte hash of the value, written raw; the value lives in a value node.
    case hashed([UInt8])
}

/// How a branch refers to a child: the child's encoding when shorter than 32 bytes, else its hash (§1.8).
public enum ChildReference: Equatable, Sendable {
    /// The 32-byte blake2_256 of the child's encoding.
    case hash([UInt8])
    /// The child's own encoding (fewer than 32 bytes).
    case inline([UInt8])

    /// The reference for a child with the given encoding.
    public init(encodedChild: [UInt8]) {
        self = encodedChild.count < 32 ? .inline(encodedChild) : .hash(blake2_256(encodedChild))
    }

    /// The reference bytes (without the compact length prefix).
    public var bytes: [UInt8] {
        switch self {
        case .hash(let bytes), .inline(let bytes): bytes
        }
    }
}

/// One decoded trie node (§1.3). Partial keys are nibble arrays.
public enum TrieNode: Equatable, Sendable {
    /// The empty trie's root, encoded `00`.
    case empty
    /// A leaf: a partial key and a value.
    case leaf(partialKey: [UInt8], value: NodeValue)
    /// A branch: a partial key, an optional value, and exactly 16 child slots (at least one filled).
    case branch(partialKey: [UInt8], value: NodeValue?, children: [ChildReference?])

    /// The node's partial key in nibbles (empty for ``empty``).
    public var partialKey: [UInt8] {
        switch self {
        case .empty: []
        case .leaf(let key, _), .branch(let key, _, _): key
        }
    }

    /// The node's value, if any.
    public var value: NodeValue? {
        switch self {
        case .empty: nil
        case .leaf(_, let value): value
        case .branch(_, let value, _): value
        }
    }

    /// The child reference at `nibble`, if any.
    public func child(at nibble: UInt8) -> ChildReference? {
        if case .branch(_, _, let children) = self { return children[Int(nibble)] }
        return nil
    }

    /// The node's encoding (§1.3): header, partial key, bitmap, value, children.
    public func encoded() -> [UInt8] {
        switch self {
        case .empty:
            return [0]
        case .leaf(let key, let value):
            var out = [UInt8]()
            NodeCodec.appendHeader(leaf: true, value: value, nibbleCount: key.count, to: &out)
            Nibbles.appendPartialKey(key, to: &out)
            NodeCodec.appendValue(value, to: &out)
            return out
        case .branch(let key, let value, let children):
            var out = [UInt8]()
            NodeCodec.appendHeader(leaf: false, value: value, nibbleCount: key.count, to: &out)
            Nibbles.appendPartialKey(key, to: &out)
            NodeCodec.appendBitmap(children.map { $0 != nil }, to: &out)
            if let value { NodeCodec.appendValue(value, to: &out) }
            for child in children {
                if let child { NodeCodec.appendChild(child.bytes, to: &out) }
            }
            return out
        }
    }

    /// Strictly decodes a node, rejecting everything §1.11 lists; never traps on any input.
    public static func decode(_ bytes: [UInt8]) throws(TrieNodeError) -> TrieNode {
        try NodeCodec.decode(bytes)
    }
}
