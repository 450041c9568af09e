import PhalanxPrimitives

/// The worker-local cache behind pink functions 6–9: per-contract key/value entries with a time-to-live and a byte
/// quota per contract (size = Σ key + value, as Phala). When a write would exceed the quota, the entries closest to
/// expiry are evicted first; a single entry larger than the quota is refused (`StorageQuotaExceeded`).
///
/// The cache is memory only: it never reaches disk, so cached secrets vanish with the process.
struct LocalCache {
    private struct Entry {
        var value: [UInt8]
        var expiresAt: UInt64  // seconds since the epoch
    }

    /// Bytes each contract may hold.
    let quotaPerContract: Int
    private var entries: [AccountId32: [[UInt8]: Entry]] = [:]
    private var sizes: [AccountId32: Int] = [:]

    init(quotaPerContract: Int) { self.quotaPerContract = quotaPerContract }

    /// The live value of `key`.
    mutating func get(_ contract: AccountId32, _ key: [UInt8], now: UInt64) -> [UInt8]? {
        guard let entry = entries[contract]?[key] else { return nil }
        guard entry.expiresAt > now else {
            remove(contract, key)
            return nil
        }
        return entry.value
    }

    /// Stores `value` for `ttl` seconds; false when it cannot fit in the contract's quota.
    mutating func set(_ contract: AccountId32, _ key: [UInt8], _ value: [UInt8], ttl: UInt64, now: UInt64) -> Bool {
        let size = key.count + value.count
        guard size <= quotaPerContract else { return false }
        remove(contract, key)
        purgeExpired(contract, now: now)
        while sizes[contract, default: 0] + size > quotaPerContract, let victim = soonestExpiring(contract) {
            remove(contract, victim)
        }
        entries[contract, default: [:]][key] = Entry(value: value, expiresAt: now &+ ttl)
        sizes[contract, default: 0] += size
        return true
    }

    /// Sets the TTL of `key` to `seconds` from now; 0 removes it.
    mutating func setExpiration(_ contract: AccountId32, _ key: [UInt8], seconds: UInt64, now: UInt64) {
        guard seconds > 0 else {
            remove(contract, key)
            return
        }
        entries[contract]?[key]?.expiresAt = now &+ seconds
    }

    /// Removes `key`, returning its live value.
    @discardableResult
    mutating func remove(_ contract: AccountId32, _ key: [UInt8], now: UInt64 = 0) -> [UInt8]? {
        guard let entry = entries[contract]?.removeValue(forKey: key) else { return nil }
        sizes[contract, default: 0] -= key.count + entry.value.count
        return entry.expiresAt > now ? entry.value : nil
    }

    /// Bytes `contract` holds.
    func size(of contract: AccountId32) -> Int { sizes[contract, default: 0] }

    private mutating func purgeExpired(_ contract: AccountId32, now: UInt64) {
        for (key, entry) in entries[contract] ?? [:] where entry.expiresAt <= now { remove(contract, key) }
    }

    private func soonestExpiring(_ contract: AccountId32) -> [UInt8]? {
        entries[contract]?.min { $0.value.expiresAt < $1.value.expiresAt }?.key
    }
}
