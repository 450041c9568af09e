import PhalanxPrimitives
import PhalanxRuntime
import Synchronization

/// A transaction's journey as `author_submitAndWatchExtrinsic` reports it.
public enum TransactionStatus: Sendable, Equatable {
    /// Waiting for an earlier nonce.
    case future
    /// Ready for the next block.
    case ready
    /// Included in a block.
    case inBlock(H256)
    /// That block is final (immediately, on dev/local chains).
    case finalized(H256)
    /// Replaced by a transaction with a higher tip.
    case usurped(H256)
    /// Removed for lack of room.
    case dropped
    /// No longer valid.
    case invalid

    /// Whether no further status follows.
    public var isFinal: Bool {
        switch self {
        case .finalized, .usurped, .dropped, .invalid: true
        default: false
        }
    }
}

/// The node's transaction pool: validates submissions against the best state (concurrently,
/// outside the actor), holds them, tells watchers what happens to them, and wakes the author.
public actor PoolService {
    /// The chain transactions are validated against.
    public nonisolated let chain: Chain
    private var pool: TransactionPool
    private var watchers: [H256: [AsyncStream<TransactionStatus>.Continuation]] = [:]
    private let readySignal: AsyncStream<Void>.Continuation
    /// Fires whenever transactions become ready; the block author waits on it.
    public nonisolated let readyEvents: AsyncStream<Void>

    /// A pool for `chain`.
    public init(chain: Chain, limits: TransactionPool.Limits = .default) {
        self.chain = chain
        self.pool = TransactionPool(limits: limits)
        (readyEvents, readySignal) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Number of transactions held.
    public var count: Int { pool.count }

    /// The pool's transactions, ready ones first (for `author_pendingExtrinsics`).
    public var pending: [UncheckedExtrinsic] { pool.all.map(\.extrinsic) }

    /// Ready transactions for the next block, in inclusion order.
    public func ready(limit: Int, maxBytes: Int) -> [UncheckedExtrinsic] {
        pool.readyTransactions(limit: limit, maxBytes: maxBytes).map(\.extrinsic)
    }

    /// Decodes and validates `bytes`, then adds it; returns its hash.
    public nonisolated func submit(_ bytes: [UInt8]) async throws(PoolError) -> H256 {
        let (extrinsic, validity, nonce) = try await validate(bytes)
        try await insert(extrinsic, validity: validity, accountNonce: nonce, watcher: nil)
        return extrinsic.hash
    }

    /// Like `submit`, and streams the transaction's status changes (first `ready` or `future`).
    public nonisolated func submitAndWatch(_ bytes: [UInt8]) async throws(PoolError) -> (H256, AsyncStream<TransactionStatus>) {
        let (extrinsic, validity, nonce) = try await validate(bytes)
        let (stream, continuation) = AsyncStream.makeStream(of: TransactionStatus.self)
        try await insert(extrinsic, validity: validity, accountNonce: nonce, watcher: continuation)
        return (extrinsic.hash, stream)
    }

    private nonisolated func validate(_ bytes: [UInt8]) async throws(PoolError) -> (UncheckedExtrinsic, ValidTransaction, UInt32) {
        let extrinsic: UncheckedExtrinsic
        do {
            extrinsic = try UncheckedExtrinsic(encoded: bytes, runtime: chain.runtime)
        } catch {
            throw .badFormat("\(error)")
        }
        let snapshot = await chain.snapshot()
        let state = TrieState(trie: snapshot.trie)
        let validity = chain.spec.withParameters {
            chain.executive.validateTransaction(extrinsic, bestState: state, bestHash: snapshot.hash, bestNumber: snapshot.number)
        }
        switch validity {
        case .success(let validity):
            let sender = (try? extrinsic.signature?.address.lookup()) ?? nil
            let nonce = sender.map { System.accountInfo($0, in: StateOverlay(base: state)).nonce } ?? 0
            return (extrinsic, validity, nonce)
        case .failure(let error):
            throw .invalid(error)
        }
    }

    private func insert(
        _ extrinsic: UncheckedExtrinsic, validity: ValidTransaction, accountNonce: UInt32,
        watcher: AsyncStream<TransactionStatus>.Continuation?
    ) throws(PoolError) {
        let changes = try pool.insert(extrinsic, validity: validity, accountNonce: accountNonce)
        if let watcher { watchers[extrinsic.hash, default: []].append(watcher) }
        apply(changes)
    }

    private func apply(_ changes: [TransactionPool.Change]) {
        var becameReady = false
        for change in changes {
            switch change {
            case .ready(let hash):
                notify(hash, .ready)
                becameReady = true
            case .future(let hash): notify(hash, .future)
            case .usurped(let hash, let by): notify(hash, .usurped(by))
            case .dropped(let hash): notify(hash, .dropped)
            case .invalid(let hash): notify(hash, .invalid)
            }
        }
        if becameReady { readySignal.yield() }
    }

    private func notify(_ hash: H256, _ status: TransactionStatus) {
        guard let list = watchers[hash] else { return }
        for watcher in list {
            watcher.yield(status)
            if status.isFinal { watcher.finish() }
        }
        if status.isFinal { watchers[hash] = nil }
    }

    /// After a block: tells watchers `inBlock` then `finalized` (instant finality), drops what was
    /// included or made stale, and reports transactions the block author found invalid.
    public func blockAuthored(_ authored: AuthoredBlock) async {
        for hash in authored.included {
            notify(hash, .inBlock(authored.block.hash))
            notify(hash, .finalized(authored.block.hash))
        }
        for (hash, _) in authored.rejected {
            pool.remove(hash)
            notify(hash, .invalid)
        }
        let snapshot = await chain.snapshot()
        let state = StateOverlay(base: TrieState(trie: snapshot.trie))
        let changes = pool.blockImported(included: Set(authored.included)) { System.accountInfo($0, in: state).nonce }
        apply(changes)
        if !pool.readyTransactions(limit: 1).isEmpty { readySignal.yield() }
    }

    /// The next nonce of `who` counting its transactions in the pool (`system_accountNextIndex`).
    public func nextNonce(_ who: AccountId32, chainNonce: UInt32) -> UInt32 {
        var nonce = chainNonce
        let mine = Set(pool.all.filter { $0.sender == who }.map(\.nonce))
        while mine.contains(nonce) { nonce += 1 }
        return nonce
    }
}
