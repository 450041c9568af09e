import PhalanxPrimitives

/// # System
///
/// The base of every runtime: accounts (nonce, reference counts, balances data), the current
/// block's number, parent hash and digest, recent block hashes, and the events of the current
/// block. Other pallets use it to deposit events and to create and reap accounts.
///
/// ## Calls
/// - `remark(remark)`: make an on-chain remark (no effect but the fee).
/// - `set_storage(items)`, `kill_storage(keys)`, `kill_prefix(prefix, subkeys)`: root-only raw storage edits.
/// - `remark_with_event(remark)`: a remark that emits `Remarked` with the remark's hash.
///
/// ## Assumptions
/// The executive calls `initialize` at block start and `finalize` at block end; nothing else
/// writes the block-level items.
public enum System: Pallet {
    public static let name = "System"
    public static let moduleName = "frame_system"
    public static let docs = ["The base pallet: accounts, block bookkeeping and events."]

    /// Number of recent block hashes kept in `BlockHash` (Substrate's `BlockHashCount`).
    public static let blockHashCount: UInt32 = 2400
    /// The SS58 prefix clients display addresses with: Phala's 30.
    public static let ss58Prefix: UInt16 = 30

    public static var constants: [PalletConstant] {
        [
            PalletConstant("BlockHashCount", blockHashCount, docs: ["Maximum number of block number to block hash mappings to keep (oldest pruned first)."]),
            PalletConstant("SS58Prefix", ss58Prefix, docs: ["The designated SS58 prefix of this chain."]),
        ]
    }

    public static var storageItems: [any StorageItem] {
        [account, extrinsicCount, blockWeight, blockHash, extrinsicData, number, parentHash, digest, events, eventCount]
    }

    /// Starts a block: records its number, parent hash and digest, and clears last block's events.
    public static func initialize(_ context: inout RuntimeContext, parentHash: H256, digest: Digest) {
        number.set(context.blockNumber, in: &context.state)
        self.parentHash.set(parentHash, in: &context.state)
        self.digest.set(digest, in: &context.state)
        if context.blockNumber > 0 {
            blockHash.set(context.blockNumber - 1, parentHash, in: &context.state)
        }
        // The genesis hash (block 0) is never pruned, as in Substrate: workers and tools check it.
        if context.blockNumber > blockHashCount + 1 {
            blockHash.remove(context.blockNumber - blockHashCount - 1, in: &context.state)
        }
        events.remove(in: &context.state)
        eventCount.remove(in: &context.state)
        extrinsicCount.remove(in: &context.state)
        blockWeight.remove(in: &context.state)
    }

    /// Ends a block: stores the block's events where clients read them.
    static func storeEvents(_ records: [EventRecord], in state: inout StateOverlay) {
        var encoder = ScaleEncoder()
        encoder.encode(records)
        state.set(events.key, encoder.bytes)
        eventCount.set(UInt32(records.count), in: &state)
    }

    /// The account's info, or a fresh (zero) one.
    public static func accountInfo(_ who: AccountId32, in state: StateOverlay) -> AccountInfo {
        account.get(who, in: state) ?? AccountInfo()
    }

    /// Increments the account's nonce (CheckNonce, after validation).
    public static func incrementNonce(_ who: AccountId32, in state: inout StateOverlay) {
        var info = accountInfo(who, in: state)
        info.nonce &+= 1
        account.set(who, info, in: &state)
    }
}
