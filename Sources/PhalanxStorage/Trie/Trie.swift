import PhalanxPrimitives

/// An incrementally updatable base-16 Merkle-Patricia trie (Substrate layout, no extension nodes).
///
/// Nodes are immutable and shared: an update copies only the path it touches, so a `Trie` value is a cheap
/// snapshot. Nodes not yet needed stay in the ``NodeSource`` and are loaded on demand. Encodings and hashes are
/// computed lazily and cached, so a root after thousands of writes re-hashes only the dirty paths.
public struct Trie: Sendable {
    /// The layout used for values written through this trie.
    public var version: StateVersion
    let source: (any NodeSource)?
    var root: Node?
    /// Hashes of stored node occurrences dropped since the last commit.
    var retired: [[UInt8]] = []

    /// An empty trie, optionally backed by a node source for later commits.
    public init(version: StateVersion = .v1, source: (any NodeSource)? = nil) {
        self.version = version
        self.source = source
        self.root = nil
    }

    /// Opens the trie whose root hash is `root`, loading nodes from `source` on demand.
    public init(root: [UInt8], source: any NodeSource, version: StateVersion = .v1) throws(TrieError) {
        self.version = version
        self.source = source
        if root == TrieRoot.empty {
            self.root = nil
        } else {
            self.root = try Self.load(root, from: source)
        }
    }

    /// Whether the trie holds no entries.
    public var isEmpty: Bool { root == nil }

    /// The state root: blake2_256 of the root node's encoding (always hashed), ``TrieRoot/empty`` when empty.
    public func rootHash() -> [UInt8] {
        guard let root else { return TrieRoot.empty }
        return root.hash
    }

    // MARK: Reads

    /// The value stored under `key`, or `nil`.
    public func get(_ key: [UInt8]) throws(TrieError) -> [UInt8]? {
        let nibbles = Nibbles.from(key)
        var offset = 0
        var current = root
        while let node = current {
            let pk = node.partialKey
            guard nibbles.count - offset >= pk.count, nibbles[offset..<offset + pk.count].elementsEqual(pk) else {
                return nil
            }
            offset += pk.count
            if offset == nibbles.count {
                guard let value = node.value else { return nil }
                return try loadValue(value)
            }
            guard let child = node.children?[Int(nibbles[offset])] else { return nil }
            offset += 1
            current = try resolve(child)
        }
        return nil
    }

    // MARK: Writes

    /// Inserts or replaces the value under `key`.
    public mutating func insert(_ key: [UInt8], _ value: [UInt8]) throws(TrieError) {
        let newRoot = try inserting(root, Nibbles.from(key), 0, StoredValue(value, version: version))
        root = newRoot
    }

    /// Removes `key`; removing an absent key changes nothing.
    public mutating func remove(_ key: [UInt8]) throws(TrieError) {
        guard let current = root else { return }
        if case .replaced(let newRoot) = try removing(current, Nibbles.from(key), 0) { root = newRoot }
    }

    /// Applies every change of `changes` in key order (`nil` removes).
    public mutating func apply(_ changes: StorageChangeset) throws(TrieError) {
        for (key, value) in changes.sorted {
            if let value { try insert(key, value) } else { try remove(key) }
        }
    }

    /// Computes the root and returns what to persist: new nodes (with value nodes) and the stored nodes they replace.
    /// Afterwards the trie's nodes count as stored; if persisting fails, reopen the trie from the last stored root.
    public mutating func commit() throws(TrieError) -> TrieCommit {
        var inserted = [StoredNode]()
        guard let current = root else {
            let removed = retired
            retired = []
            return TrieCommit(root: TrieRoot.empty, inserted: [], removed: removed)
        }
        let clean = try persist(current, isRoot: true, into: &inserted)
        root = clean
        let removed = retired
        retired = []
        return TrieCommit(root: clean.hash, inserted: inserted, removed: removed)
    }

    // MARK: Internals

    static func load(_ hash: [UInt8], from source: any NodeSource) throws(TrieError) -> Node {
        let bytes: [UInt8]?
        do {
            bytes = try source.node(hash)
        } catch let error as TrieError {
            throw error
        } catch {
            throw .sourceFailed("\(error)")
        }
        guard let bytes else { throw .missingNode(hash: hash) }
        let decoded: Node?
        do throws(TrieNodeError) {
            decoded = try Node.from(TrieNode.decode(bytes), storedHash: hash, encoding: bytes)
        } catch {
            throw .invalidNode(hash: hash, reason: error)
        }
        // A stored `00` (the empty node) is never referenced by hash: the empty root is handled by the caller.
        guard let decoded else { throw .invalidNode(hash: hash, reason: .invalidHeader(0)) }
        return decoded
    }

    func resolve(_ child: Child) throws(TrieError) -> Node {
        switch child {
        case .node(let node): return node
        case .stored(let hash):
            guard let source else { throw .missingNode(hash: hash) }
            return try Self.load(hash, from: source)
        }
    }

    func loadValue(_ value: StoredValue) throws(TrieError) -> [UInt8] {
        switch value {
        case .inline(let bytes), .hashed(_, let bytes?): return bytes
        case .hashed(let hash, nil):
            guard let source else { throw .missingNode(hash: hash) }
            let bytes: [UInt8]?
            do {
                bytes = try source.node(hash)
            } catch let error as TrieError {
                throw error
            } catch {
                throw .sourceFailed("\(error)")
            }
            guard let bytes else { throw .missingNode(hash: hash) }
            return bytes
        }
    }

    /// Records that a stored node occurrence (and its value node) is no longer part of the state.
    private mutating func retire(_ node: Node) {
        guard let hash = node.storedHash else { return }
        retired.append(hash)
        if case .hashed(let valueHash, _)? = node.value { retired.append(valueHash) }
    }

    private mutating func inserting(_ node: Node?, _ key: [UInt8], _ offset: Int, _ value: StoredValue)
        throws(TrieError) -> Node
    {
        guard let node else { return Node(partialKey: Array(key[offset...]), value: value, children: nil) }
        let pk = node.partialKey
        let common = Nibbles.commonPrefixLength(pk[...], key[offset...])
        let end = offset + common
        if common == pk.count {
            if end == key.count {
                if let existing = node.value, existing.encodesSame(as: value) { return node }
                retire(node)
                return Node(partialKey: pk, value: value, children: node.children)
            }
            let index = Int(key[end])
            let existing: Node? = try node.children?[index].map { (child) throws(TrieError) in try resolve(child) }
            let updated = try inserting(existing, key, end + 1, value)
            if updated === existing { return node }
            retire(node)
            var children = node.children ?? [Child?](repeating: nil, count: 16)
            children[index] = .node(updated)
            return Node(partialKey: pk, value: node.value, children: children)
        }
        retire(node)
        let moved = Node(partialKey: Array(pk[(common + 1)...]), value: node.value, children: node.children)
        var children = [Child?](repeating: nil, count: 16)
        children[Int(pk[common])] = .node(moved)
        if end == key.count {
            return Node(partialKey: Array(pk[..<common]), value: value, children: children)
        }
        children[Int(key[end])] = .node(Node(partialKey: Array(key[(end + 1)...]), value: value, children: nil))
        return Node(partialKey: Array(pk[..<common]), value: nil, children: children)
    }

    private enum Removal {
        case unchanged
        case replaced(Node?)
    }

    private mutating func removing(_ node: Node, _ key: [UInt8], _ offset: Int) throws(TrieError) -> Removal {
        let pk = node.partialKey
        guard key.count - offset >= pk.count, key[offset..<offset + pk.count].elementsEqual(pk) else {
            return .unchanged
        }
        let end = offset + pk.count
        if end == key.count {
            guard node.value != nil else { return .unchanged }
            retire(node)
            guard let children = node.children else { return .replaced(nil) }
            return .replaced(try normalized(pk, nil, children))
        }
        guard let children = node.children, let child = children[Int(key[end])] else { return .unchanged }
        let resolved = try resolve(child)
        guard case .replaced(let updated) = try removing(resolved, key, end + 1) else { return .unchanged }
        retire(node)
        var newChildren = children
        newChildren[Int(key[end])] = updated.map { .node($0) }
        return .replaced(try normalized(pk, node.value, newChildren))
    }

    /// Restores the trie invariants for a changed branch: no children → leaf (or nothing); one child and no value → merge.
    private mutating func normalized(_ pk: [UInt8], _ value: StoredValue?, _ children: [Child?]) throws(TrieError)
        -> Node?
    {
        var present = [Int]()
        for index in 0..<16 where children[index] != nil { present.append(index) }
        if present.isEmpty { return value.map { Node(partialKey: pk, value: $0, children: nil) } }
        if present.count == 1, value == nil, let only = children[present[0]] {
            let child = try resolve(only)
            retire(child)
            return Node(
                partialKey: pk + [UInt8(present[0])] + child.partialKey, value: child.value, children: child.children)
        }
        return Node(partialKey: pk, value: value, children: children)
    }

    /// Rebuilds the dirty part of the tree as stored nodes, appending each new occurrence to `inserted`.
    private func persist(_ node: Node, isRoot: Bool, into inserted: inout [StoredNode]) throws(TrieError) -> Node {
        if node.storedHash != nil { return node }
        var children = node.children
        if let current = node.children {
            for index in 0..<16 {
                if case .node(let child)? = current[index] {
                    children?[index] = .node(try persist(child, isRoot: false, into: &inserted))
                }
            }
        }
        // Persisting children does not change their Merkle values, so the (usually cached) encoding stays valid.
        let encoding = node.encoding
        guard isRoot || encoding.count >= 32 else {
            return Node(partialKey: node.partialKey, value: node.value, children: children, encoding: encoding)
        }
        let hash = node.hash
        inserted.append(StoredNode(hash: hash, data: encoding))
        if let value = node.value, case .hashed(let valueHash, _) = value {
            inserted.append(StoredNode(hash: valueHash, data: try loadValue(value)))
        }
        return Node(
            partialKey: node.partialKey, value: node.value, children: children, storedHash: hash, encoding: encoding)
    }
}

extension Trie: StorageReader, StorageWriter {
    /// Same as ``insert(_:_:)``.
    public mutating func set(_ key: [UInt8], _ value: [UInt8]) throws(TrieError) { try insert(key, value) }
}
