import PhalanxPrimitives

/// The I/O behind Phala's pink chain extension: everything that is not a pure function of the call.
///
/// The worker implements it with real HTTP, its local cache, the contract log store and the OS clock; the sandbox uses
/// the same implementation. ``PinkExtension`` calls it only in query mode (transaction mode is deterministic and never
/// reaches the host, except for logs and deferred cache writes). Calls are synchronous: contracts run on a thread of
/// their own, outside Swift's cooperative pool, so blocking on network I/O here is allowed.
public protocol PinkHost: AnyObject {
    /// Runs up to ``PinkLimits/maxBatchRequests`` requests concurrently for `contract`, each bounded by `timeout`.
    ///
    /// A request that never reached a server answers ``HttpResponse/unreachable(_:)`` (523); invalid input, policy refusals
    /// and response limits are per-request errors. The whole batch fails with `.timeout` only when it overruns
    /// `timeout` plus ``PinkLimits/batchGraceMilliseconds``.
    func http(_ requests: [HttpRequest], timeout: Duration, contract: AccountId32)
        -> Result<[Result<HttpResponse, HttpRequestError>], HttpRequestError>
    /// The cached value of `key` for `contract`, if present and not expired.
    func cacheGet(contract: AccountId32, key: [UInt8]) -> [UInt8]?
    /// Stores `value` with the default TTL; false when the contract's quota cannot hold it.
    func cacheSet(contract: AccountId32, key: [UInt8], value: [UInt8]) -> Bool
    /// Sets the TTL of `key` to `seconds` from now; 0 removes the key.
    func cacheSetExpiration(contract: AccountId32, key: [UInt8], seconds: UInt64)
    /// Removes `key`, returning its value.
    func cacheRemove(contract: AccountId32, key: [UInt8]) -> [UInt8]?
    /// Records a log line of `contract` (function 10 and ink!'s `debug_message`).
    func log(contract: AccountId32, level: PinkLogLevel, message: String)
    /// `count` bytes from the OS's secure random source.
    func randomBytes(_ count: Int) -> [UInt8]
    /// Milliseconds since the Unix epoch from the OS clock (untrusted).
    func unixMilliseconds() -> UInt64
    /// The worker's identity (sr25519) public key.
    var workerPublicKey: [UInt8] { get }
    /// The worker's SGX quote over its public key, when it runs in an enclave.
    var sgxQuote: SgxQuote? { get }
}

extension PinkHost {
    /// Applies a deferred transaction-mode cache write.
    public func apply(_ operation: PinkCacheOperation, contract: AccountId32) {
        switch operation {
        case .set(let key, let value): _ = cacheSet(contract: contract, key: key, value: value)
        case .setExpiration(let key, let expiration): cacheSetExpiration(contract: contract, key: key, seconds: expiration)
        case .remove(let key): _ = cacheRemove(contract: contract, key: key)
        }
    }
}
