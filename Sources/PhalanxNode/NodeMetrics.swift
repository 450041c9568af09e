import Metrics

/// The node's metrics (Prometheus on :9615): declared once, updated by the author and pool.
public struct NodeMetrics: Sendable {
    /// Best block number.
    let bestBlock: Gauge
    /// Finalized block number (equal to best with instant finality).
    let finalizedBlock: Gauge
    /// Transactions waiting in the pool.
    let poolSize: Gauge
    /// Transactions imported in blocks (rate = imported tx/s).
    let importedTransactions: Counter

    /// Registers the metrics with the bootstrapped metrics system.
    public init() {
        bestBlock = Gauge(label: "phalanx_block_height", dimensions: [("status", "best")])
        finalizedBlock = Gauge(label: "phalanx_block_height", dimensions: [("status", "finalized")])
        poolSize = Gauge(label: "phalanx_txpool_size")
        importedTransactions = Counter(label: "phalanx_imported_transactions_total")
    }

    /// Records a produced (and final) block.
    func blockProduced(number: UInt32, transactions: Int, poolSize: Int) {
        bestBlock.record(Int(number))
        finalizedBlock.record(Int(number))
        self.poolSize.record(poolSize)
        importedTransactions.increment(by: transactions)
    }
}
