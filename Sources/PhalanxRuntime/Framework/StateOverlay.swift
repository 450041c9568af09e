import PhalanxPrimitives

/// Read access to a committed state (a block's post-state), as the runtime needs it.
public protocol StateReader: Sendable {
    /// The value stored at `key`, if any.
    func value(at key: [UInt8]) -> [UInt8]?
    /// The smallest stored key strictly greater than `key` (lexicographic byte order), if any.
    func nextKey(after key: [UInt8]) -> [UInt8]?
}

/// An empty state (genesis building, tests).
public struct EmptyState: StateReader {
    /// The empty state.
    public init() {}
    public func value(at key: [UInt8]) -> [UInt8]? { nil }
    public func nextKey(after key: [UInt8]) -> [UInt8]? { nil }
}

/// Pending changes on top of a committed state, with nested transactional layers so a failed
/// dispatch can be rolled back without touching what came before (FRAME's `#[transactional]`).
public struct StateOverlay: Sendable {
    /// The committed state underneath.
    public let base: any StateReader
    /// Changes made and committed at the outermost level: `nil` values are deletions.
    private var committed: [[UInt8]: [UInt8]?] = [:]
    /// Open transactional layers, innermost last.
    private var layers: [[[UInt8]: [UInt8]?]] = []

    /// An overlay with no changes over `base`.
    public init(base: any StateReader) {
        self.base = base
    }

    /// The current value at `key`, seeing uncommitted layers.
    public func value(at key: [UInt8]) -> [UInt8]? {
        for layer in layers.reversed() {
            if let change = layer[key] { return change }
        }
        if let change = committed[key] { return change }
        return base.value(at: key)
    }

    /// Whether a value exists at `key`.
    public func contains(_ key: [UInt8]) -> Bool { value(at: key) != nil }

    /// Stores `value` at `key`.
    public mutating func set(_ key: [UInt8], _ value: [UInt8]) { write(key, value) }

    /// Deletes `key`.
    public mutating func remove(_ key: [UInt8]) { write(key, nil) }

    private mutating func write(_ key: [UInt8], _ value: [UInt8]?) {
        if layers.isEmpty {
            committed[key] = .some(value)
        } else {
            layers[layers.count - 1][key] = .some(value)
        }
    }

    /// Opens a transactional layer.
    public mutating func beginTransaction() { layers.append([:]) }

    /// Merges the innermost layer into the one below it.
    public mutating func commitTransaction() {
        guard let top = layers.popLast() else { return }
        for (key, value) in top { write(key, value) }
    }

    /// Discards the innermost layer.
    public mutating func rollbackTransaction() { _ = layers.popLast() }

    /// Runs `body` in a transactional layer: committed if it returns, rolled back if it throws.
    public mutating func transactional<T, E: Error>(_ body: (inout StateOverlay) throws(E) -> T) throws(E) -> T {
        beginTransaction()
        do {
            let result = try body(&self)
            commitTransaction()
            return result
        } catch {
            rollbackTransaction()
            throw error
        }
    }

    /// The smallest key strictly greater than `key` in the overlaid view.
    public func nextKey(after key: [UInt8]) -> [UInt8]? {
        var candidate = key
        while true {
            let fromBase = base.nextKey(after: candidate)
            let fromOverlay = overlayKeys(after: candidate)
            let next: [UInt8]?
            switch (fromBase, fromOverlay) {
            case (nil, nil): return nil
            case (let b?, nil): next = b
            case (nil, let o?): next = o
            case (let b?, let o?): next = b.lexicographicallyPrecedes(o) ? b : o
            }
            guard let found = next else { return nil }
            if value(at: found) != nil { return found }
            candidate = found  // deleted in the overlay: keep looking
        }
    }

    private func overlayKeys(after key: [UInt8]) -> [UInt8]? {
        var best: [UInt8]? = nil
        func consider(_ candidate: [UInt8]) {
            guard key.lexicographicallyPrecedes(candidate) else { return }
            if let current = best, !candidate.lexicographicallyPrecedes(current) { return }
            best = candidate
        }
        for candidate in committed.keys { consider(candidate) }
        for layer in layers { for candidate in layer.keys { consider(candidate) } }
        return best
    }

    /// All keys starting with `prefix`, in order.
    public func keys(withPrefix prefix: [UInt8]) -> [[UInt8]] {
        var result = [[UInt8]]()
        var cursor = prefix
        if contains(prefix) { result.append(prefix) }
        while let next = nextKey(after: cursor), next.starts(with: prefix) {
            result.append(next)
            cursor = next
        }
        return result
    }

    /// Deletes every key starting with `prefix`.
    public mutating func removePrefix(_ prefix: [UInt8]) {
        for key in keys(withPrefix: prefix) { remove(key) }
    }

    /// The committed changes, sorted by key (deterministic), for writing a block's state.
    /// Open layers must have been closed.
    public var changes: [(key: [UInt8], value: [UInt8]?)] {
        committed.map { (key: $0.key, value: $0.value) }.sorted { $0.key.lexicographicallyPrecedes($1.key) }
    }
}
