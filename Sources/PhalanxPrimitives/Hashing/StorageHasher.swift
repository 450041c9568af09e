/// The hashers a storage map may use for its keys, as in FRAME's metadata (`StorageHasher`).
/// The raw value is the variant index in metadata V14.
public enum StorageHasher: UInt8, Sendable, CaseIterable {
    /// blake2_128 — not reversible.
    case blake2_128 = 0
    /// blake2_256 — not reversible.
    case blake2_256 = 1
    /// blake2_128(key) ++ key — reversible; the default for user-controlled keys.
    case blake2_128Concat = 2
    /// twox_128 — not reversible, not safe for user-controlled keys.
    case twox128 = 3
    /// twox_256 — not reversible.
    case twox256 = 4
    /// twox_64(key) ++ key — reversible, for keys users cannot choose.
    case twox64Concat = 5
    /// The key itself.
    case identity = 6

    /// Hashes an encoded key with this hasher.
    public func hash(_ key: [UInt8]) -> [UInt8] {
        switch self {
        case .blake2_128: PhalanxPrimitives.blake2_128(key)
        case .blake2_256: PhalanxPrimitives.blake2_256(key)
        case .blake2_128Concat: PhalanxPrimitives.blake2_128(key) + key
        case .twox128: twox_128(key)
        case .twox256: twox_256(key)
        case .twox64Concat: twox_64(key) + key
        case .identity: key
        }
    }

    /// For reversible hashers, the number of hash bytes before the raw key; `nil` otherwise.
    public var reversiblePrefixLength: Int? {
        switch self {
        case .blake2_128Concat: 16
        case .twox64Concat: 8
        case .identity: 0
        default: nil
        }
    }
}

/// `blake2_128_concat`: blake2_128(key) ++ key.
public func blake2_128_concat(_ key: [UInt8]) -> [UInt8] { StorageHasher.blake2_128Concat.hash(key) }
/// `twox_64_concat`: twox_64(key) ++ key.
public func twox_64_concat(_ key: [UInt8]) -> [UInt8] { StorageHasher.twox64Concat.hash(key) }
