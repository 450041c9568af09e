import PhalanxPrimitives

extension PhalaBasePool {
    /// The pools by id.
    public static let pools = StorageMap<UInt64, PoolProxy>(
        pallet: name, item: "Pools", hasher: .twox64Concat, docs: ["Mapping from pids to pools (including stake pools and vaults)."])
    /// The number of pools created (the next pid).
    public static let poolCount = StorageValue<UInt64>(
        pallet: name, item: "PoolCount", default: 0, docs: ["The number of total pools."])
    /// Each staker's free (not queued) shares in each pool (Phala keeps them as NFTs).
    public static let stakerShares = StorageDoubleMap<UInt64, AccountId32, UInt128>(
        pallet: name, item: "StakerShares", hasher1: .twox64Concat, hasher2: .blake2_128Concat,
        docs: ["Shares held by each staker in each pool, excluding shares waiting in the withdraw queue."])
    /// Pool contribution whitelists.
    public static let poolContributionWhitelists = StorageMap<UInt64, [AccountId32]>(
        pallet: name, item: "PoolContributionWhitelists", hasher: .twox64Concat,
        docs: ["Mapping from the pid to its contribution whitelist (empty: anyone may contribute)."])
}

/// A pending withdrawal (`WithdrawInfo`; shares instead of a withdrawing NFT).
public struct WithdrawInfo: Hashable, Sendable, ScaleCodable, TypeInfo {
    /// The withdrawing user.
    public var user: AccountId32
    /// When the request was (last) made, in seconds.
    public var startTime: UInt64
    /// The shares still to withdraw.
    public var shares: UInt128

    /// A request.
    public init(user: AccountId32, startTime: UInt64, shares: UInt128) {
        (self.user, self.startTime, self.shares) = (user, startTime, shares)
    }

    public func encode(to encoder: inout ScaleEncoder) { encoder.encodeAll(user, startTime, shares) }
    public init(from decoder: inout ScaleDecoder) throws { (user, startTime, shares) = try decoder.decodeAll(AccountId32.self, UInt64.self, UInt128.self) }
    public static var typeInfo: TypeDescription {
        .init(path: ["phala_pallets", "compute", "base_pool", "pallet", "WithdrawInfo"], .composite([
            FieldDescription("user", AccountId32.self, typeName: "AccountId"), FieldDescription("start_time", UInt64.self, typeName: "u64"),
            FieldDescription("shares", UInt128.self, typeName: "Balance"),
        ]))
    }
}

/// The shared part of stake pools and vaults (`BasePool`).
public struct BasePool: Hashable, Sendable, ScaleCodable, TypeInfo {
    /// The pool id.
    public var pid: UInt64
    /// The owner.
    public var owner: AccountId32
    /// All shares, including queued ones.
    public var totalShares: UInt128
    /// The value of all shares (free stake in the pool account + stake locked for workers).
    public var totalValue: UInt128
    /// Pending withdrawals, oldest first.
    public var withdrawQueue: [WithdrawInfo]
    /// Vaults investing in this pool.
    public var valueSubscribers: [UInt64]
    /// The NFT collection id (kept for compatibility; shares are plain storage here).
    public var cid: UInt32
    /// The account holding the free stake (`bp/`).
    public var poolAccountId: AccountId32

    /// The value of `shares`, rounded down (`shares · total_value / total_shares`).
    public func value(of shares: UInt128) -> UInt128 {
        guard totalShares > 0 else { return 0 }
        return (try? shares.multipliedDivided(by: totalValue, totalShares)) ?? 0
    }

    /// The share price as U64F64 PHA per share unit (`total_value / total_shares`), if defined.
    public var sharePrice: FixedU64F64? {
        guard totalShares > 0 else { return nil }
        return try? FixedU64F64.ratio(totalValue, totalShares)
    }

    public func encode(to encoder: inout ScaleEncoder) {
        encoder.encodeAll(pid, owner, totalShares, totalValue, withdrawQueue, valueSubscribers, cid, poolAccountId)
    }

    /// A pool.
    public init(
        pid: UInt64, owner: AccountId32, totalShares: UInt128, totalValue: UInt128, withdrawQueue: [WithdrawInfo],
        valueSubscribers: [UInt64], cid: UInt32, poolAccountId: AccountId32
    ) {
        (self.pid, self.owner, self.totalShares, self.totalValue) = (pid, owner, totalShares, totalValue)
        (self.withdrawQueue, self.valueSubscribers, self.cid, self.poolAccountId) = (withdrawQueue, valueSubscribers, cid, poolAccountId)
    }

    public init(from decoder: inout ScaleDecoder) throws {
        (pid, owner, totalShares, totalValue, withdrawQueue, valueSubscribers, cid, poolAccountId) = try decoder.decodeAll(
            UInt64.self, AccountId32.self, UInt128.self, UInt128.self, [WithdrawInfo].self, [UInt64].self, UInt32.self, AccountId32.self)
    }

    public static var typeInfo: TypeDescription {
        .init(path: ["phala_pallets", "compute", "base_pool", "pallet", "BasePool"], .composite([
            FieldDescription("pid", UInt64.self, typeName: "u64"), FieldDescription("owner", AccountId32.self, typeName: "AccountId"),
            FieldDescription("total_shares", UInt128.self, typeName: "Balance"), FieldDescription("total_value", UInt128.self, typeName: "Balance"),
            FieldDescription("withdraw_queue", [WithdrawInfo].self, typeName: "VecDeque<WithdrawInfo<AccountId>>"),
            FieldDescription("value_subscribers", [UInt64].self, typeName: "BoundedVec<u64>"),
            FieldDescription("cid", UInt32.self, typeName: "CollectionId"), FieldDescription("pool_account_id", AccountId32.self, typeName: "AccountId"),
        ]))
    }
}

/// A stake pool (`StakePool`).
public struct StakePool: Hashable, Sendable, ScaleCodable, TypeInfo {
    /// The shared pool state.
    public var basepool: BasePool
    /// The owner's commission on rewards.
    public var payoutCommission: Permill?
    /// The maximum total value.
    public var cap: UInt128?
    /// Bound workers.
    public var workers: [WorkerPublicKey]
    /// Workers cooling down.
    public var cdWorkers: [WorkerPublicKey]
    /// The account holding stake locked for computing (`sl/`).
    public var lockAccount: AccountId32
    /// The account collecting the owner's commission (`so/`).
    public var ownerRewardAccount: AccountId32

    /// A stake pool.
    public init(
        basepool: BasePool, payoutCommission: Permill?, cap: UInt128?, workers: [WorkerPublicKey], cdWorkers: [WorkerPublicKey],
        lockAccount: AccountId32, ownerRewardAccount: AccountId32
    ) {
        (self.basepool, self.payoutCommission, self.cap, self.workers, self.cdWorkers) = (basepool, payoutCommission, cap, workers, cdWorkers)
        (self.lockAccount, self.ownerRewardAccount) = (lockAccount, ownerRewardAccount)
    }

    public func encode(to encoder: inout ScaleEncoder) {
        encoder.encodeAll(basepool, payoutCommission, cap, workers, cdWorkers, lockAccount, ownerRewardAccount)
    }

    public init(from decoder: inout ScaleDecoder) throws {
        (basepool, payoutCommission, cap, workers, cdWorkers, lockAccount, ownerRewardAccount) = try decoder.decodeAll(
            BasePool.self, Permill?.self, UInt128?.self, [WorkerPublicKey].self, [WorkerPublicKey].self, AccountId32.self, AccountId32.self)
    }

    public static var typeInfo: TypeDescription {
        .init(path: ["phala_pallets", "compute", "stake_pool_v2", "pallet", "StakePool"], .composite([
            FieldDescription("basepool", BasePool.self, typeName: "BasePool"),
            FieldDescription("payout_commission", Permill?.self, typeName: "Option<Permill>"),
            FieldDescription("cap", UInt128?.self, typeName: "Option<Balance>"),
            FieldDescription("workers", [WorkerPublicKey].self, typeName: "VecDeque<WorkerPublicKey>"),
            FieldDescription("cd_workers", [WorkerPublicKey].self, typeName: "VecDeque<WorkerPublicKey>"),
            FieldDescription("lock_account", AccountId32.self, typeName: "AccountId"),
            FieldDescription("owner_reward_account", AccountId32.self, typeName: "AccountId"),
        ]))
    }
}

/// A vault: a pool of pools (`Vault`).
public struct Vault: Hashable, Sendable, ScaleCodable, TypeInfo {
    /// The shared pool state (its value includes the value of its shares in stake pools).
    public var basepool: BasePool
    /// The share price at the last owner-fee checkpoint (U64F64 bits, PHA per share).
    public var lastSharePriceCheckpoint: UInt128
    /// The owner's fee on price gains.
    public var commission: Permill?
    /// Shares minted to the owner as fees, not yet claimed.
    public var ownerShares: UInt128
    /// The stake pools the vault has invested in.
    public var investPools: [UInt64]

    /// A vault.
    public init(basepool: BasePool, lastSharePriceCheckpoint: UInt128, commission: Permill?, ownerShares: UInt128, investPools: [UInt64]) {
        (self.basepool, self.lastSharePriceCheckpoint, self.commission) = (basepool, lastSharePriceCheckpoint, commission)
        (self.ownerShares, self.investPools) = (ownerShares, investPools)
    }

    public func encode(to encoder: inout ScaleEncoder) { encoder.encodeAll(basepool, lastSharePriceCheckpoint, commission, ownerShares, investPools) }
    public init(from decoder: inout ScaleDecoder) throws {
        (basepool, lastSharePriceCheckpoint, commission, ownerShares, investPools) = try decoder.decodeAll(
            BasePool.self, UInt128.self, Permill?.self, UInt128.self, [UInt64].self)
    }
    public static var typeInfo: TypeDescription {
        .init(path: ["phala_pallets", "compute", "vault", "pallet", "Vault"], .composite([
            FieldDescription("basepool", BasePool.self, typeName: "BasePool"),
            FieldDescription("last_share_price_checkpoint", UInt128.self, typeName: "Balance"),
            FieldDescription("commission", Permill?.self, typeName: "Option<Permill>"),
            FieldDescription("owner_shares", UInt128.self, typeName: "Balance"),
            FieldDescription("invest_pools", [UInt64].self, typeName: "VecDeque<u64>"),
        ]))
    }
}

/// A pool of any kind (`PoolProxy`).
public enum PoolProxy: Hashable, Sendable, ScaleCodable, TypeInfo {
    /// A stake pool.
    case stakePool(StakePool)
    /// A vault.
    case vault(Vault)

    public func encode(to encoder: inout ScaleEncoder) {
        switch self {
        case .stakePool(let pool): encoder.encodeVariant(index: 0); encoder.encode(pool)
        case .vault(let vault): encoder.encodeVariant(index: 1); encoder.encode(vault)
        }
    }

    public init(from decoder: inout ScaleDecoder) throws {
        switch try decoder.readVariantIndex() {
        case 0: self = .stakePool(try decoder.decode())
        case 1: self = .vault(try decoder.decode())
        case let index: throw ScaleError.invalidVariantIndex(type: "PoolProxy", index: index)
        }
    }

    public static var typeInfo: TypeDescription {
        .init(path: ["phala_pallets", "compute", "pool_proxy", "PoolProxy"], .variant([
            VariantDescription("StakePool", index: 0, fields: [FieldDescription(nil, StakePool.self, typeName: "StakePool")]),
            VariantDescription("Vault", index: 1, fields: [FieldDescription(nil, Vault.self, typeName: "Vault")]),
        ]))
    }
}
