import Foundation
import Logging
import PhalanxPrimitives
import PhalanxRuntime
import Synchronization

/// When the author produces blocks.
public enum SealingMode: Sendable, Equatable {
    /// A block as soon as transactions are ready, batching whatever the pool holds (`--dev` default).
    case instant
    /// A block every interval, empty or not (`--block-time SECS`).
    case interval(Duration)
}

/// Broadcasts new best (and, with instant finality, finalized) blocks to subscribers.
public final class HeadBroadcast: Sendable {
    private let subscribers = Mutex<[UInt64: AsyncStream<ChainBlock>.Continuation]>([:])
    private let nextID = Atomic<UInt64>(0)

    /// An empty broadcast.
    public init() {}

    /// A stream of the blocks produced from now on (the newest 64 kept if the reader lags).
    public func subscribe() -> AsyncStream<ChainBlock> {
        let id = nextID.add(1, ordering: .relaxed).oldValue
        let (stream, continuation) = AsyncStream.makeStream(of: ChainBlock.self, bufferingPolicy: .bufferingNewest(64))
        continuation.onTermination = { [weak self] _ in self?.subscribers.withLock { _ = $0.removeValue(forKey: id) } }
        subscribers.withLock { $0[id] = continuation }
        return stream
    }

    /// Sends `block` to every subscriber.
    public func publish(_ block: ChainBlock) {
        for continuation in subscribers.withLock({ Array($0.values) }) { continuation.yield(block) }
    }
}

/// Produces blocks: takes ready transactions from the pool, has the chain author and commit a
/// block, then tells the pool and the head subscribers. Runs until cancelled.
public struct BlockAuthor: Sendable {
    /// The chain.
    public let chain: Chain
    /// The pool.
    public let pool: PoolService
    /// Where new heads are announced.
    public let heads: HeadBroadcast
    /// Instant or interval sealing.
    public let mode: SealingMode
    /// Metrics to update.
    public let metrics: NodeMetrics
    let logger: Logger
    /// Most transactions per block (bounded also by weight and length).
    public static let maxTransactionsPerBlock = 20_000

    /// An author.
    public init(chain: Chain, pool: PoolService, heads: HeadBroadcast, mode: SealingMode, metrics: NodeMetrics, logger: Logger) {
        self.chain = chain
        self.pool = pool
        self.heads = heads
        self.mode = mode
        self.metrics = metrics
        self.logger = logger
    }

    /// Runs the sealing loop until the task is cancelled.
    public func run() async {
        switch mode {
        case .instant:
            // Messages queued at genesis (the dev worker's launch) reach the workers in block 1, which an
            // instant-sealing chain would otherwise only author with the first transaction.
            if await hasQueuedGenesisMessages() { await produceBlock() }
            for await _ in pool.readyEvents {
                await produceWhileReady()
                if Task.isCancelled { return }
            }
        case .interval(let interval):
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                if Task.isCancelled { return }
                await produceBlock()
            }
        }
    }

    private func hasQueuedGenesisMessages() async -> Bool {
        let best = await chain.snapshot()
        guard best.number == 0 else { return false }
        return PhalaMq.queuedOutboundMessage.get(StateOverlay(base: TrieState(trie: best.trie))) != nil
    }

    private func produceWhileReady() async {
        while !Task.isCancelled {
            let produced = await produceBlock(requireTransactions: true)
            if !produced { return }
        }
    }

    /// Authors one block; with `requireTransactions`, only if some are ready. Returns whether a block was made.
    @discardableResult
    public func produceBlock(requireTransactions: Bool = false) async -> Bool {
        let transactions = await pool.ready(limit: Self.maxTransactionsPerBlock, maxBytes: Executive.maxBlockLength)
        if requireTransactions && transactions.isEmpty { return false }
        let now = UInt64(Date().timeIntervalSince1970 * 1000)
        do {
            let authored = try await chain.author(transactions: transactions, timestamp: now)
            await pool.blockAuthored(authored)
            heads.publish(authored.block)
            metrics.blockProduced(number: authored.block.header.number, transactions: authored.included.count, poolSize: await pool.count)
            logger.info(
                "Prepared block",
                metadata: [
                    "number": "\(authored.block.header.number)", "hash": "\(authored.block.hash)",
                    "extrinsics": "\(authored.included.count)", "rejected": "\(authored.rejected.count)",
                ])
            return !authored.included.isEmpty || !authored.rejected.isEmpty
        } catch {
            logger.error("Block authoring failed", metadata: ["error": "\(error)"])
            return false
        }
    }
}
