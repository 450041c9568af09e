import Foundation
import PhalanxContracts
import PhalanxPrimitives
import Synchronization

/// The worker's ``PinkHost``: HTTP through ``HTTPEgress`` under each contract's ``EgressPolicy``, the local cache,
/// the contract log store, the OS clock and random source, and the worker identity.
///
/// Thread-safe: contracts call it from the execution thread while the query service reads logs and sets policies.
public final class WorkerPinkHost: PinkHost, Sendable {
    /// Settings of the host.
    public struct Configuration: Sendable {
        /// Whether contracts may reach loopback and private-network addresses.
        public var allowPrivateHTTP = false
        /// Extra PEM certificates to trust for HTTPS (tests use a self-signed one).
        public var trustedCertificates: [String] = []
        /// Cache bytes per contract (Phala shares 20 MiB among contracts by weight; here each gets this much).
        public var cacheQuotaPerContract = 1 << 20
        /// Log lines kept per contract.
        public var logCapacity = 1_000

        /// Defaults: public destinations only, 1 MiB of cache and 1,000 log lines per contract.
        public init() {}
    }

    public let workerPublicKey: [UInt8]
    public var sgxQuote: SgxQuote? { nil }  // no enclave: Phalanx workers attest with dev or DCAP evidence at registration
    private let egress: HTTPEgress
    private let cache: Mutex<LocalCache>
    private let logs: Mutex<ContractLogStore>
    private let policies = Mutex<[AccountId32: EgressPolicy]>([:])

    /// A host for the worker whose identity public key is `workerPublicKey`.
    public init(workerPublicKey: [UInt8], configuration: Configuration = Configuration()) throws {
        self.workerPublicKey = workerPublicKey
        egress = try HTTPEgress(
            allowPrivateDestinations: configuration.allowPrivateHTTP, trustedCertificates: configuration.trustedCertificates)
        cache = Mutex(LocalCache(quotaPerContract: configuration.cacheQuotaPerContract))
        logs = Mutex(ContractLogStore(capacity: configuration.logCapacity))
    }

    // MARK: PinkHost

    public func http(_ requests: [HttpRequest], timeout: Duration, contract: AccountId32)
        -> Result<[Result<HttpResponse, HttpRequestError>], HttpRequestError>
    {
        egress.run(requests, timeout: timeout, contract: contract, policy: policy(of: contract))
    }

    public func cacheGet(contract: AccountId32, key: [UInt8]) -> [UInt8]? {
        let now = unixSeconds()
        return cache.withLock { $0.get(contract, key, now: now) }
    }

    public func cacheSet(contract: AccountId32, key: [UInt8], value: [UInt8]) -> Bool {
        let now = unixSeconds()
        return cache.withLock { $0.set(contract, key, value, ttl: PinkLimits.defaultCacheTTLSeconds, now: now) }
    }

    public func cacheSetExpiration(contract: AccountId32, key: [UInt8], seconds: UInt64) {
        let now = unixSeconds()
        cache.withLock { $0.setExpiration(contract, key, seconds: seconds, now: now) }
    }

    public func cacheRemove(contract: AccountId32, key: [UInt8]) -> [UInt8]? {
        let now = unixSeconds()
        return cache.withLock { $0.remove(contract, key, now: now) }
    }

    public func log(contract: AccountId32, level: PinkLogLevel, message: String) {
        let now = unixMilliseconds()
        logs.withLock { $0.append(contract, level: level, message: message, now: now) }
    }

    public func randomBytes(_ count: Int) -> [UInt8] { SystemRandom.bytes(count) }

    public func unixMilliseconds() -> UInt64 { UInt64(max(0, Date().timeIntervalSince1970 * 1000)) }

    // MARK: Worker API

    /// Log lines of `contract` after sequence `after` (at most `limit`).
    public func logs(of contract: AccountId32, after: UInt64 = 0, limit: Int = 1_000) -> [ContractLogRecord] {
        logs.withLock { $0.records(contract, after: after, limit: limit) }
    }

    /// The egress policy of `contract` (open by default).
    public func policy(of contract: AccountId32) -> EgressPolicy { policies.withLock { $0[contract] ?? .open } }

    /// Replaces `contract`'s egress policy.
    public func setPolicy(_ policy: EgressPolicy, for contract: AccountId32) { policies.withLock { $0[contract] = policy } }

    /// All policies set, for sealing with the worker state.
    var allPolicies: [AccountId32: EgressPolicy] { policies.withLock { $0 } }

    /// Restores sealed policies.
    func restorePolicies(_ restored: [AccountId32: EgressPolicy]) { policies.withLock { $0 = restored } }

    private func unixSeconds() -> UInt64 { unixMilliseconds() / 1000 }
}
