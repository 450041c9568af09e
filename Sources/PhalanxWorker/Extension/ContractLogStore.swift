import DequeModule
import PhalanxContracts
import PhalanxPrimitives

/// One contract log line (pink `log` or ink! `debug_message`).
public struct ContractLogRecord: Sendable, Hashable, Codable {
    /// Increasing per worker, so a follower can ask for what came after the last line it saw.
    public var sequence: UInt64
    /// Wall-clock time the worker recorded it (ms since the epoch).
    public var timestamp: UInt64
    /// `ERROR`, `WARN`, `INFO`, `DEBUG` or `TRACE`.
    public var level: String
    /// The text.
    public var message: String
}

/// Contract logs kept in the worker's memory: a bounded ring buffer per contract, readable only by the contract's
/// deployer (the query service checks a signed request). Logs never reach the worker's own log or disk: they may hold
/// whatever the contract chose to print.
struct ContractLogStore {
    /// Lines kept per contract; the oldest are dropped first.
    let capacity: Int
    /// Longest line kept (longer ones are cut).
    let maxLineBytes = 4096
    private var buffers: [AccountId32: Deque<ContractLogRecord>] = [:]
    private var nextSequence: UInt64 = 1

    init(capacity: Int) { self.capacity = capacity }

    /// Appends a line.
    mutating func append(_ contract: AccountId32, level: PinkLogLevel, message: String, now: UInt64) {
        var text = message
        if text.utf8.count > maxLineBytes { text = String(decoding: text.utf8.prefix(maxLineBytes), as: UTF8.self) }
        var buffer = buffers[contract] ?? []
        buffer.append(ContractLogRecord(sequence: nextSequence, timestamp: now, level: level.name, message: text))
        nextSequence += 1
        if buffer.count > capacity { buffer.removeFirst() }
        buffers[contract] = buffer
    }

    /// Lines of `contract` with a sequence above `after`, oldest first, at most `limit`.
    func records(_ contract: AccountId32, after: UInt64, limit: Int) -> [ContractLogRecord] {
        Array((buffers[contract] ?? []).lazy.filter { $0.sequence > after }.prefix(limit))
    }
}
