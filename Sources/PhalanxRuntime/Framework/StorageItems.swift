import PhalanxPrimitives

/// What metadata V14 says about one storage item (`StorageEntryMetadata`).
public struct StorageEntryMetadata: Sendable {
    /// Whether absent values read as `None` or as the default.
    public enum Modifier: UInt8, Sendable {
        /// Absent reads as `None`.
        case optional = 0
        /// Absent reads as the default bytes.
        case `default` = 1
    }

    /// How the entry is keyed.
    public enum Kind: Sendable {
        /// A single value.
        case plain(value: TypeRef)
        /// A map: hashers for each key part, the key type (a tuple for several parts) and the value type.
        case map(hashers: [StorageHasher], key: TypeRef, value: TypeRef)
    }

    /// Entry name, e.g. `Account`.
    public var name: String
    /// Optional or default.
    public var modifier: Modifier
    /// Plain or map.
    public var kind: Kind
    /// SCALE bytes of the default value (empty-ish for optional entries).
    public var defaultValue: [UInt8]
    /// Documentation lines.
    public var docs: [String]
}

/// A storage item declared by a pallet, able to describe itself for metadata.
public protocol StorageItem: Sendable {
    /// The item's metadata entry.
    var metadata: StorageEntryMetadata { get }
}

/// The 32-byte prefix of a pallet's storage item: twox128(pallet) ++ twox128(item).
public func storagePrefix(pallet: String, item: String) -> [UInt8] {
    twox_128(Array(pallet.utf8)) + twox_128(Array(item.utf8))
}

/// A single value in storage (FRAME `StorageValue`).
public struct StorageValue<Value: ScaleCodable & TypeInfo & Sendable>: StorageItem {
    /// The full storage key.
    public let key: [UInt8]
    /// The value returned when nothing is stored; `nil` makes the entry `Optional` in metadata.
    public let defaultValue: Value?
    private let name: String
    private let docs: [String]

    /// Declares the value `item` of `pallet`.
    public init(pallet: String, item: String, default defaultValue: Value? = nil, docs: [String] = []) {
        key = storagePrefix(pallet: pallet, item: item)
        self.defaultValue = defaultValue
        name = item
        self.docs = docs
    }

    /// The stored value, or `nil` if absent (or undecodable, which only corruption can cause).
    public func get(_ state: StateOverlay) -> Value? {
        state.value(at: key).flatMap { try? Value.decode(scale: $0, limits: .unlimited) }
    }

    /// The stored value or the default.
    public func value(_ state: StateOverlay) -> Value? { get(state) ?? defaultValue }

    /// Stores `value`.
    public func set(_ value: Value, in state: inout StateOverlay) { state.set(key, value.scaleEncoded) }

    /// Removes the value.
    public func remove(in state: inout StateOverlay) { state.remove(key) }

    public var metadata: StorageEntryMetadata {
        StorageEntryMetadata(
            name: name, modifier: defaultValue == nil ? .optional : .default, kind: .plain(value: TypeRef(Value.self)),
            defaultValue: defaultValue?.scaleEncoded ?? [0], docs: docs)
    }
}

/// A map in storage (FRAME `StorageMap`): key = prefix ++ hasher(SCALE(key)).
public struct StorageMap<Key: ScaleCodable & TypeInfo & Sendable, Value: ScaleCodable & TypeInfo & Sendable>: StorageItem {
    /// twox128(pallet) ++ twox128(item).
    public let prefix: [UInt8]
    /// How keys are hashed.
    public let hasher: StorageHasher
    /// The value read for absent keys; `nil` makes the entry `Optional` in metadata.
    public let defaultValue: Value?
    private let name: String
    private let docs: [String]

    /// Declares the map `item` of `pallet`.
    public init(
        pallet: String, item: String, hasher: StorageHasher, default defaultValue: Value? = nil, docs: [String] = []
    ) {
        prefix = storagePrefix(pallet: pallet, item: item)
        self.hasher = hasher
        self.defaultValue = defaultValue
        name = item
        self.docs = docs
    }

    /// The full storage key of `key`.
    public func storageKey(_ key: Key) -> [UInt8] { prefix + hasher.hash(key.scaleEncoded) }

    /// The stored value for `key`, or `nil`.
    public func get(_ key: Key, in state: StateOverlay) -> Value? {
        state.value(at: storageKey(key)).flatMap { try? Value.decode(scale: $0, limits: .unlimited) }
    }

    /// The stored value or the default.
    public func value(_ key: Key, in state: StateOverlay) -> Value? { get(key, in: state) ?? defaultValue }

    /// Stores `value` for `key`.
    public func set(_ key: Key, _ value: Value, in state: inout StateOverlay) {
        state.set(storageKey(key), value.scaleEncoded)
    }

    /// Removes `key`.
    public func remove(_ key: Key, in state: inout StateOverlay) { state.remove(storageKey(key)) }

    /// Whether `key` has a stored value.
    public func contains(_ key: Key, in state: StateOverlay) -> Bool { state.contains(storageKey(key)) }

    /// All entries, in storage-key order (reversible hashers only).
    public func entries(in state: StateOverlay) -> [(Key, Value)] {
        guard let skip = hasher.reversiblePrefixLength else { return [] }
        return state.keys(withPrefix: prefix).compactMap { storageKey in
            let encodedKey = Array(storageKey[(prefix.count + skip)...])
            guard let key = try? Key.decode(scale: encodedKey, limits: .unlimited),
                let raw = state.value(at: storageKey), let value = try? Value.decode(scale: raw, limits: .unlimited)
            else { return nil }
            return (key, value)
        }
    }

    public var metadata: StorageEntryMetadata {
        StorageEntryMetadata(
            name: name, modifier: defaultValue == nil ? .optional : .default,
            kind: .map(hashers: [hasher], key: TypeRef(Key.self), value: TypeRef(Value.self)),
            defaultValue: defaultValue?.scaleEncoded ?? [0], docs: docs)
    }
}

/// A map with two keys (FRAME `StorageDoubleMap`): prefix ++ hasher1(SCALE(k1)) ++ hasher2(SCALE(k2)).
public struct StorageDoubleMap<
    Key1: ScaleCodable & TypeInfo & Sendable, Key2: ScaleCodable & TypeInfo & Sendable, Value: ScaleCodable & TypeInfo & Sendable
>: StorageItem {
    /// twox128(pallet) ++ twox128(item).
    public let prefix: [UInt8]
    /// How the first key is hashed.
    public let hasher1: StorageHasher
    /// How the second key is hashed.
    public let hasher2: StorageHasher
    /// The value read for absent keys; `nil` makes the entry `Optional` in metadata.
    public let defaultValue: Value?
    private let name: String
    private let docs: [String]

    /// Declares the double map `item` of `pallet`.
    public init(
        pallet: String, item: String, hasher1: StorageHasher, hasher2: StorageHasher, default defaultValue: Value? = nil,
        docs: [String] = []
    ) {
        prefix = storagePrefix(pallet: pallet, item: item)
        self.hasher1 = hasher1
        self.hasher2 = hasher2
        self.defaultValue = defaultValue
        name = item
        self.docs = docs
    }

    /// The storage key prefix of every entry under `key1`.
    public func prefix(_ key1: Key1) -> [UInt8] { prefix + hasher1.hash(key1.scaleEncoded) }

    /// The full storage key of (`key1`, `key2`).
    public func storageKey(_ key1: Key1, _ key2: Key2) -> [UInt8] { prefix(key1) + hasher2.hash(key2.scaleEncoded) }

    /// The stored value, or `nil`.
    public func get(_ key1: Key1, _ key2: Key2, in state: StateOverlay) -> Value? {
        state.value(at: storageKey(key1, key2)).flatMap { try? Value.decode(scale: $0, limits: .unlimited) }
    }

    /// The stored value or the default.
    public func value(_ key1: Key1, _ key2: Key2, in state: StateOverlay) -> Value? { get(key1, key2, in: state) ?? defaultValue }

    /// Stores `value`.
    public func set(_ key1: Key1, _ key2: Key2, _ value: Value, in state: inout StateOverlay) {
        state.set(storageKey(key1, key2), value.scaleEncoded)
    }

    /// Removes an entry.
    public func remove(_ key1: Key1, _ key2: Key2, in state: inout StateOverlay) { state.remove(storageKey(key1, key2)) }

    /// Whether an entry exists.
    public func contains(_ key1: Key1, _ key2: Key2, in state: StateOverlay) -> Bool { state.contains(storageKey(key1, key2)) }

    /// All (key2, value) entries under `key1`, in storage-key order (reversible second hasher only).
    public func entries(_ key1: Key1, in state: StateOverlay) -> [(Key2, Value)] {
        guard let skip = hasher2.reversiblePrefixLength else { return [] }
        let base = prefix(key1)
        return state.keys(withPrefix: base).compactMap { storageKey in
            guard let key2 = try? Key2.decode(scale: Array(storageKey[(base.count + skip)...]), limits: .unlimited),
                let raw = state.value(at: storageKey), let value = try? Value.decode(scale: raw, limits: .unlimited)
            else { return nil }
            return (key2, value)
        }
    }

    /// Removes every entry under `key1`.
    public func removePrefix(_ key1: Key1, in state: inout StateOverlay) { state.removePrefix(prefix(key1)) }

    public var metadata: StorageEntryMetadata {
        StorageEntryMetadata(
            name: name, modifier: defaultValue == nil ? .optional : .default,
            kind: .map(hashers: [hasher1, hasher2], key: TypeRef(marker: KeyPairMarker<Key1, Key2>.self) {
                TypeDescription(.tuple([TypeRef(Key1.self), TypeRef(Key2.self)]))
            }, value: TypeRef(Value.self)),
            defaultValue: defaultValue?.scaleEncoded ?? [0], docs: docs)
    }
}

/// Identity of the `(K1, K2)` tuple type of a double map's key in metadata.
private enum KeyPairMarker<K1, K2> {}
