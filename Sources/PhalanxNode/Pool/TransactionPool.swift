import HeapModule
import PhalanxPrimitives
import PhalanxRuntime

/// Why the pool refused a transaction; codes are Substrate's author RPC error codes.
public enum PoolError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The runtime says it is invalid now (bad signature, stale nonce, cannot pay, …). Code 1010.
    case invalid(TransactionValidityError)
    /// The same transaction is already in the pool. Code 1013.
    case alreadyImported
    /// A transaction with the same sender and nonce has a higher or equal tip. Code 1014.
    case tooLowPriority(existingTip: UInt128)
    /// The pool is full and the transaction does not outrank anything in it. Code 1016.
    case immediatelyDropped
    /// The bytes are not a well-formed extrinsic. Code 1001.
    case badFormat(String)

    /// The JSON-RPC error code Substrate uses for this.
    public var code: Int {
        switch self {
        case .badFormat: 1001
        case .invalid: 1010
        case .alreadyImported: 1013
        case .tooLowPriority: 1014
        case .immediatelyDropped: 1016
        }
    }

    /// Substrate's short message.
    public var message: String {
        switch self {
        case .badFormat: "Extrinsic has invalid format"
        case .invalid: "Invalid Transaction"
        case .alreadyImported: "Transaction Already Imported"
        case .tooLowPriority: "Priority is too low"
        case .immediatelyDropped: "Immediately Dropped"
        }
    }

    /// The detail shown as the error's data.
    public var detail: String {
        switch self {
        case .badFormat(let reason): "The extrinsic could not be decoded: \(reason)"
        case .invalid(let error): error.description
        case .alreadyImported: "The transaction is already in the pool"
        case .tooLowPriority(let tip): "A transaction with the same sender and nonce and a tip of \(tip) is already in the pool"
        case .immediatelyDropped: "The transaction pool is full"
        }
    }

    public var description: String { "\(message): \(detail)" }
}

/// A transaction waiting in the pool.
public struct PoolTransaction: Sendable {
    /// blake2_256 of the encoding.
    public let hash: H256
    /// The decoded extrinsic.
    public let extrinsic: UncheckedExtrinsic
    /// The sender.
    public let sender: AccountId32
    /// The sender's nonce it uses.
    public let nonce: UInt32
    /// Priority (the tip).
    public let priority: UInt64
    /// Tags it needs besides its sender's previous nonce (pallet pool rules, e.g. PhalaMq's previous sequence).
    public let extraRequires: [[UInt8]]
    /// Tags it provides.
    public let provides: [[UInt8]]
    /// Arrival order, for fairness among equal priorities.
    let arrival: UInt64

    /// Encoded size.
    public var size: Int { extrinsic.encoded.count }
}

/// The transaction pool (pure state; the node wraps it in an actor). Per sender, transactions
/// with consecutive nonces starting at the on-chain nonce are *ready*; later ones wait as
/// *future* until the gap fills. A same-nonce transaction with a higher tip replaces the old one.
/// Tags a pallet requires beyond the nonce (PhalaMq: the sender origin's previous message sequence)
/// hold a transaction — and its sender's later ones — out of blocks until a transaction providing the
/// tag is in the block being built or in an earlier block.
public struct TransactionPool: Sendable {
    /// Limits on what the pool holds.
    public struct Limits: Sendable {
        /// Maximum number of transactions.
        public var count: Int
        /// Maximum total encoded bytes.
        public var bytes: Int
        /// Default: 8,192 transactions, 20 MiB.
        public static let `default` = Limits(count: 8_192, bytes: 20 * 1024 * 1024)

        /// Custom limits.
        public init(count: Int, bytes: Int) {
            self.count = count
            self.bytes = bytes
        }
    }

    /// How a transaction left the pool or changed state, for watchers.
    public enum Change: Sendable, Equatable {
        /// Now ready for the next block.
        case ready(H256)
        /// Waiting for an earlier nonce.
        case future(H256)
        /// Replaced by another transaction (its hash).
        case usurped(H256, by: H256)
        /// Dropped for lack of room.
        case dropped(H256)
        /// No longer valid (its nonce was used by another transaction).
        case invalid(H256)
    }

    /// The limits in force.
    public let limits: Limits
    private var byHash: [H256: PoolTransaction] = [:]
    private var bySender: [AccountId32: [UInt32: H256]] = [:]
    /// The on-chain nonce of each sender with transactions in the pool.
    private var chainNonce: [AccountId32: UInt32] = [:]
    private var totalBytes = 0
    private var arrivals: UInt64 = 0
    /// Tags provided by transactions already in blocks that pool transactions still require.
    private var providedOnChain: Set<[UInt8]> = []

    /// An empty pool.
    public init(limits: Limits = .default) { self.limits = limits }

    /// Number of transactions held.
    public var count: Int { byHash.count }

    /// Whether `hash` is in the pool.
    public func contains(_ hash: H256) -> Bool { byHash[hash] != nil }

    /// All transactions, ready ones first (in block order), then future ones.
    public var all: [PoolTransaction] {
        let ready = readyTransactions()
        let readySet = Set(ready.map(\.hash))
        return ready + byHash.values.filter { !readySet.contains($0.hash) }.sorted { $0.arrival < $1.arrival }
    }

    /// Adds a transaction the runtime has validated; `accountNonce` is the sender's on-chain nonce.
    /// Returns the changes (its own ready/future status first).
    public mutating func insert(_ extrinsic: UncheckedExtrinsic, validity: ValidTransaction, accountNonce: UInt32) throws(PoolError) -> [Change] {
        guard let signature = extrinsic.signature, let sender = try? signature.address.lookup() else {
            throw .invalid(.invalid(.call))
        }
        let hash = extrinsic.hash
        guard byHash[hash] == nil else { throw .alreadyImported }
        let nonce = signature.extra.nonce
        var changes = [Change]()
        if let existingHash = bySender[sender]?[nonce], let existing = byHash[existingHash] {
            guard validity.priority > existing.priority else { throw .tooLowPriority(existingTip: UInt128(existing.priority)) }
            remove(existingHash)
            changes.append(.usurped(existingHash, by: hash))
        }
        arrivals += 1
        let nonceTag = nonce > 0 ? Executive.tag(sender, nonce - 1) : nil
        let entry = PoolTransaction(
            hash: hash, extrinsic: extrinsic, sender: sender, nonce: nonce, priority: validity.priority,
            extraRequires: validity.requires.filter { $0 != nonceTag }, provides: validity.provides, arrival: arrivals)
        // When full, make room only by dropping something worth less: a future transaction with no
        // higher priority, or any transaction with strictly lower priority.
        while byHash.count + 1 > limits.count || totalBytes + entry.size > limits.bytes {
            guard let victim = leastValuable(), victim.priority < entry.priority || (victim.isFuture && victim.priority <= entry.priority)
            else { throw .immediatelyDropped }
            remove(victim.entry.hash)
            changes.append(.dropped(victim.entry.hash))
        }
        chainNonce[sender] = accountNonce
        byHash[hash] = entry
        bySender[sender, default: [:]][nonce] = hash
        totalBytes += entry.size
        let status: Change = isReady(entry, accountNonce: accountNonce) ? .ready(hash) : .future(hash)
        changes.insert(status, at: 0)
        // Filling a gap promotes the sender's later transactions.
        if case .ready = status {
            var next = nonce + 1
            while let promoted = bySender[sender]?[next] {
                changes.append(.ready(promoted))
                next += 1
            }
        }
        return changes
    }

    private func isReady(_ entry: PoolTransaction, accountNonce: UInt32) -> Bool {
        guard entry.nonce >= accountNonce else { return false }
        var expected = accountNonce
        while expected < entry.nonce {
            guard bySender[entry.sender]?[expected] != nil else { return false }
            expected += 1
        }
        return true
    }

    /// The transaction to drop first when full: future before ready, then lowest priority, then newest.
    private func leastValuable() -> (entry: PoolTransaction, isFuture: Bool, priority: UInt64)? {
        var best: (entry: PoolTransaction, isFuture: Bool, priority: UInt64)? = nil
        for entry in byHash.values {
            let isFuture = chainNonce[entry.sender].map { !readyNonces(of: entry.sender, from: $0).contains(entry.nonce) } ?? true
            let candidate = (entry: entry, isFuture: isFuture, priority: entry.priority)
            guard let current = best else {
                best = candidate
                continue
            }
            if (candidate.isFuture && !current.isFuture)
                || (candidate.isFuture == current.isFuture
                    && (candidate.priority, UInt64.max - candidate.entry.arrival) < (current.priority, UInt64.max - current.entry.arrival))
            {
                best = candidate
            }
        }
        return best
    }

    /// Removes `hash` (if present).
    @discardableResult
    public mutating func remove(_ hash: H256) -> PoolTransaction? {
        guard let entry = byHash.removeValue(forKey: hash) else { return nil }
        bySender[entry.sender]?[entry.nonce] = nil
        if bySender[entry.sender]?.isEmpty == true {
            bySender[entry.sender] = nil
            chainNonce[entry.sender] = nil
        }
        totalBytes -= entry.size
        return entry
    }

    /// Ready transactions in the order a block should include them: per sender in nonce order,
    /// across senders by priority then arrival. At most `limit` transactions and `maxBytes` bytes.
    public func readyTransactions(limit: Int = .max, maxBytes: Int = .max) -> [PoolTransaction] {
        var heads = Heap<ReadyHead>()
        for (sender, nonces) in bySender {
            guard let start = chainNonce[sender], let hash = nonces[start], let entry = byHash[hash] else { continue }
            heads.insert(ReadyHead(entry: entry))
        }
        var result = [PoolTransaction]()
        var bytes = 0
        var provided = providedOnChain
        var heldBack = [ReadyHead]()
        while result.count < limit, let head = heads.popMax() {
            let entry = head.entry
            guard entry.extraRequires.allSatisfy(provided.contains) else {
                heldBack.append(head)
                continue
            }
            if bytes + entry.size > maxBytes { break }
            result.append(entry)
            bytes += entry.size
            provided.formUnion(entry.provides)
            // A transaction held back for a tag this one provides may go now.
            for waiting in heldBack where waiting.entry.extraRequires.allSatisfy(provided.contains) { heads.insert(waiting) }
            heldBack.removeAll { $0.entry.extraRequires.allSatisfy(provided.contains) }
            if let nextHash = bySender[entry.sender]?[entry.nonce + 1], let next = byHash[nextHash] {
                heads.insert(ReadyHead(entry: next))
            }
        }
        return result
    }

    /// The next transaction of a sender, ordered for block inclusion.
    private struct ReadyHead: Comparable {
        let entry: PoolTransaction
        static func < (a: ReadyHead, b: ReadyHead) -> Bool {
            a.entry.priority != b.entry.priority ? a.entry.priority < b.entry.priority : a.entry.arrival > b.entry.arrival
        }
        static func == (a: ReadyHead, b: ReadyHead) -> Bool { a.entry.hash == b.entry.hash }
    }

    /// The sender's nonces that are ready given the on-chain nonce: a run without gaps from it.
    private func readyNonces(of sender: AccountId32, from nonce: UInt32) -> [UInt32] {
        var result = [UInt32]()
        var next = nonce
        while bySender[sender]?[next] != nil {
            result.append(next)
            next += 1
        }
        return result
    }

    /// After a block: drops the included transactions and those whose nonce is now used, given
    /// each sender's new on-chain nonce. Returns the changes for watchers (promotions to ready).
    public mutating func blockImported(included: Set<H256>, nonceOf: (AccountId32) -> UInt32) -> [Change] {
        var changes = [Change]()
        for hash in included {
            if let entry = remove(hash) { providedOnChain.formUnion(entry.provides) }
        }
        for sender in Array(bySender.keys) {
            let nonce = nonceOf(sender)
            let previous = chainNonce[sender] ?? nonce
            let wasReady = Set(readyNonces(of: sender, from: previous))
            for (txNonce, hash) in bySender[sender] ?? [:] where txNonce < nonce {
                remove(hash)
                changes.append(.invalid(hash))
            }
            guard bySender[sender] != nil else { continue }
            chainNonce[sender] = nonce
            for txNonce in readyNonces(of: sender, from: nonce) where !wasReady.contains(txNonce) {
                if let hash = bySender[sender]?[txNonce] { changes.append(.ready(hash)) }
            }
        }
        let stillRequired = Set(byHash.values.flatMap(\.extraRequires))
        providedOnChain = providedOnChain.intersection(stillRequired)
        return changes
    }
}
