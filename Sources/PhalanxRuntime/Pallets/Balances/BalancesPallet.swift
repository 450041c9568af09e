import PhalanxPrimitives

/// # Balances
///
/// The native token, PHA (12 decimals): free and reserved balances kept in `System.Account`,
/// the existential deposit, total issuance, locks (which freeze part of the free balance) and
/// named reserves (held by other pallets such as staking and governance).
///
/// ## Terms
/// - *Existential deposit* (ED): the minimum balance an account must hold to exist. An account
///   whose total balance falls below it is reaped and the remainder ("dust") is burned.
/// - *Keep-alive*: a transfer that refuses to reap the sender.
///
/// ## Calls
/// - `transfer_allow_death(dest, value)`, `transfer_keep_alive(dest, value)`, `transfer_all(dest, keep_alive)`
/// - `force_transfer(source, dest, value)`, `force_set_balance(who, new_free)`: root only.
/// - `burn(value, keep_alive)`: destroy one's own tokens.
///
/// ## Genesis
/// Endowed accounts and their free balances; total issuance is their sum.
public enum Balances: Pallet {
    public static let name = "Balances"
    public static let moduleName = "pallet_balances"
    public static let docs = ["The native token: balances, transfers, existential deposit, locks and reserves."]

    /// 1 PHA in the smallest unit (12 decimals).
    public static let dollars: UInt128 = 1_000_000_000_000
    /// The existential deposit: 0.01 PHA, as Phala.
    public static let existentialDeposit: UInt128 = dollars / 100
    /// Maximum number of locks per account.
    public static let maxLocks: UInt32 = 50
    /// Maximum number of named reserves per account.
    public static let maxReserves: UInt32 = 50

    public static var constants: [PalletConstant] {
        [
            PalletConstant("ExistentialDeposit", existentialDeposit, docs: ["The minimum amount required to keep an account open."]),
            PalletConstant("MaxLocks", maxLocks, docs: ["The maximum number of locks that should exist on an account."]),
            PalletConstant("MaxReserves", maxReserves, docs: ["The maximum number of named reserves that can exist on an account."]),
        ]
    }

    public static var storageItems: [any StorageItem] { [totalIssuance, inactiveIssuance, locks, reserves] }

    // MARK: - Interface for other pallets

    /// The account's balances.
    public static func account(_ who: AccountId32, in state: StateOverlay) -> AccountData {
        System.accountInfo(who, in: state).data
    }

    /// Moves `amount` from `source` to `dest`; with `keepAlive` the source may not be reaped.
    public static func transfer(
        from source: AccountId32, to dest: AccountId32, amount: UInt128, keepAlive: Bool, context: inout RuntimeContext
    ) throws {
        guard amount > 0, source != dest else { return }
        var sourceInfo = System.accountInfo(source, in: context.state)
        guard sourceInfo.data.free >= amount else { throw Error.insufficientBalance }
        let remaining = sourceInfo.data.free - amount
        guard remaining >= sourceInfo.data.frozen else { throw Error.liquidityRestrictions }
        let reap = remaining + sourceInfo.data.reserved < existentialDeposit
        if reap {
            guard !keepAlive else { throw Error.expendability }
            guard sourceInfo.consumers == 0 else { throw Error.expendability }
        }
        var destInfo = System.accountInfo(dest, in: context.state)
        let (newDestFree, overflow) = destInfo.data.free.addingReportingOverflow(amount)
        guard !overflow else { throw DispatchError.arithmetic(.overflow) }
        let destIsNew = destInfo.providers == 0
        guard !destIsNew || newDestFree >= existentialDeposit else { throw Error.existentialDeposit }

        sourceInfo.data.free = remaining
        destInfo.data.free = newDestFree
        if destIsNew { destInfo.providers = 1 }
        System.account.set(dest, destInfo, in: &context.state)
        if destIsNew {
            context.deposit(System.Event.newAccount(account: dest))
            context.deposit(Event.endowed(account: dest, freeBalance: newDestFree))
        }
        context.deposit(Event.transfer(from: source, to: dest, amount: amount))
        if reap {
            reapAccount(source, info: sourceInfo, context: &context)
        } else {
            System.account.set(source, sourceInfo, in: &context.state)
        }
    }

    /// Takes `amount` out of circulation from `who` (fees): the account must keep at least the
    /// existential deposit, or be emptied exactly.
    public static func withdraw(_ who: AccountId32, amount: UInt128, context: inout RuntimeContext) throws {
        guard amount > 0 else { return }
        var info = System.accountInfo(who, in: context.state)
        guard info.data.free >= amount else { throw Error.insufficientBalance }
        let remaining = info.data.free - amount
        guard remaining >= info.data.frozen else { throw Error.liquidityRestrictions }
        info.data.free = remaining
        reduceIssuance(by: amount, in: &context.state)
        context.deposit(Event.withdraw(who: who, amount: amount))
        if remaining + info.data.reserved < existentialDeposit && info.consumers == 0 {
            reapAccount(who, info: info, context: &context)
        } else {
            System.account.set(who, info, in: &context.state)
        }
    }

    /// Whether `who` can pay `amount` without going below the existential deposit or its locks.
    public static func canWithdraw(_ who: AccountId32, amount: UInt128, in state: StateOverlay) -> Bool {
        let data = account(who, in: state)
        guard data.free >= amount else { return false }
        return data.free - amount >= data.frozen
    }

    /// Mints `amount` into `who` (genesis, rewards); creates the account if needed.
    public static func deposit(_ who: AccountId32, amount: UInt128, context: inout RuntimeContext) throws {
        guard amount > 0 else { return }
        var info = System.accountInfo(who, in: context.state)
        let (free, overflow) = info.data.free.addingReportingOverflow(amount)
        guard !overflow else { throw DispatchError.arithmetic(.overflow) }
        let isNew = info.providers == 0
        guard !isNew || free >= existentialDeposit else { throw Error.existentialDeposit }
        info.data.free = free
        if isNew { info.providers = 1 }
        System.account.set(who, info, in: &context.state)
        increaseIssuance(by: amount, in: &context.state)
        if isNew {
            context.deposit(System.Event.newAccount(account: who))
            context.deposit(Event.endowed(account: who, freeBalance: free))
        }
        context.deposit(Event.deposit(who: who, amount: amount))
    }

    /// Moves `amount` from free to reserved under `id` (deposits, stakes).
    public static func reserve(_ who: AccountId32, id: [UInt8], amount: UInt128, context: inout RuntimeContext) throws {
        guard amount > 0 else { return }
        var info = System.accountInfo(who, in: context.state)
        guard info.data.free >= amount, info.data.free - amount >= info.data.frozen else { throw Error.insufficientBalance }
        var named = reserves.value(who, in: context.state) ?? []
        if let index = named.firstIndex(where: { $0.id == id }) {
            named[index].amount += amount
        } else {
            guard named.count < maxReserves else { throw Error.tooManyReserves }
            named.append(ReserveData(id: id, amount: amount))
            named.sort { $0.id.lexicographicallyPrecedes($1.id) }
        }
        info.data.free -= amount
        info.data.reserved += amount
        System.account.set(who, info, in: &context.state)
        reserves.set(who, named, in: &context.state)
        context.deposit(Event.reserved(who: who, amount: amount))
    }

    /// Moves up to `amount` reserved under `id` back to free; returns the amount moved.
    @discardableResult
    public static func unreserve(_ who: AccountId32, id: [UInt8], amount: UInt128, context: inout RuntimeContext) -> UInt128 {
        var named = reserves.value(who, in: context.state) ?? []
        guard let index = named.firstIndex(where: { $0.id == id }) else { return 0 }
        let moved = min(amount, named[index].amount)
        named[index].amount -= moved
        if named[index].amount == 0 { named.remove(at: index) }
        var info = System.accountInfo(who, in: context.state)
        info.data.reserved -= moved
        info.data.free += moved
        System.account.set(who, info, in: &context.state)
        if named.isEmpty { reserves.remove(who, in: &context.state) } else { reserves.set(who, named, in: &context.state) }
        if moved > 0 { context.deposit(Event.unreserved(who: who, amount: moved)) }
        return moved
    }

    /// Moves up to `amount` reserved under `id` from `who` to the free balance of `beneficiary`
    /// (slashing a deposit to the treasury); returns the amount moved. Issuance is unchanged.
    @discardableResult
    public static func repatriateReserved(
        _ who: AccountId32, id: [UInt8], amount: UInt128, to beneficiary: AccountId32, context: inout RuntimeContext
    ) -> UInt128 {
        let moved = unreserve(who, id: id, amount: amount, context: &context)
        guard moved > 0, who != beneficiary else { return moved }
        var source = System.accountInfo(who, in: context.state)
        source.data.free -= min(moved, source.data.free)
        System.account.set(who, source, in: &context.state)
        reduceIssuance(by: moved, in: &context.state)
        context.deposit(Event.slashed(who: who, amount: moved))
        do {
            try deposit(beneficiary, amount: moved, context: &context)
        } catch {
            // The beneficiary cannot receive it (a new account below the existential deposit): burned.
        }
        return moved
    }

    /// Sets (or replaces) the lock `id` freezing `amount` of the account's free balance.
    public static func setLock(_ who: AccountId32, id: [UInt8], amount: UInt128, context: inout RuntimeContext) throws {
        var current = locks.value(who, in: context.state) ?? []
        if let index = current.firstIndex(where: { $0.id == id }) {
            current[index].amount = amount
        } else {
            guard current.count < maxLocks else { throw Error.tooManyFreezes }
            current.append(BalanceLock(id: id, amount: amount, reasons: .all))
            current.sort { $0.id.lexicographicallyPrecedes($1.id) }
        }
        applyLocks(who, current, context: &context)
        context.deposit(Event.locked(who: who, amount: amount))
    }

    /// Removes the lock `id`.
    public static func removeLock(_ who: AccountId32, id: [UInt8], context: inout RuntimeContext) {
        var current = locks.value(who, in: context.state) ?? []
        guard let index = current.firstIndex(where: { $0.id == id }) else { return }
        let amount = current.remove(at: index).amount
        applyLocks(who, current, context: &context)
        context.deposit(Event.unlocked(who: who, amount: amount))
    }

    private static func applyLocks(_ who: AccountId32, _ current: [BalanceLock], context: inout RuntimeContext) {
        var info = System.accountInfo(who, in: context.state)
        info.data.frozen = current.map(\.amount).max() ?? 0
        System.account.set(who, info, in: &context.state)
        if current.isEmpty { locks.remove(who, in: &context.state) } else { locks.set(who, current, in: &context.state) }
    }

    /// Deletes an account whose balance fell below the existential deposit, burning the dust.
    private static func reapAccount(_ who: AccountId32, info: AccountInfo, context: inout RuntimeContext) {
        let dust = info.data.free + info.data.reserved
        if dust > 0 {
            reduceIssuance(by: dust, in: &context.state)
            context.deposit(Event.dustLost(account: who, amount: dust))
        }
        // The nonce must survive reaping, or old transactions could be replayed.
        var remaining = AccountInfo()
        remaining.nonce = info.nonce
        if info.nonce == 0 && info.sufficients == 0 {
            System.account.remove(who, in: &context.state)
        } else {
            remaining.sufficients = info.sufficients
            System.account.set(who, remaining, in: &context.state)
        }
        context.deposit(System.Event.killedAccount(account: who))
    }

    static func increaseIssuance(by amount: UInt128, in state: inout StateOverlay) {
        let current = totalIssuance.value(state) ?? 0
        totalIssuance.set(current.addingReportingOverflow(amount).overflow ? .max : current + amount, in: &state)
    }

    static func reduceIssuance(by amount: UInt128, in state: inout StateOverlay) {
        let current = totalIssuance.value(state) ?? 0
        totalIssuance.set(current >= amount ? current - amount : 0, in: &state)
    }

    /// Sets the free balance of `who` exactly (root's `force_set_balance`), adjusting issuance.
    static func setFreeBalance(_ who: AccountId32, to newFree: UInt128, context: inout RuntimeContext) {
        var info = System.accountInfo(who, in: context.state)
        let old = info.data.free
        if newFree >= old { increaseIssuance(by: newFree - old, in: &context.state) } else { reduceIssuance(by: old - newFree, in: &context.state) }
        info.data.free = newFree
        context.deposit(Event.balanceSet(who: who, free: newFree))
        if newFree + info.data.reserved < existentialDeposit {
            if info.providers > 0 || old > 0 { reapAccount(who, info: info, context: &context) }
            return
        }
        if info.providers == 0 {
            info.providers = 1
            context.deposit(System.Event.newAccount(account: who))
            context.deposit(Event.endowed(account: who, freeBalance: newFree))
        }
        System.account.set(who, info, in: &context.state)
    }

    /// Genesis: endows `accounts`.
    public static func buildGenesis(_ accounts: [(AccountId32, UInt128)], context: inout RuntimeContext) throws {
        for (who, amount) in accounts { try deposit(who, amount: amount, context: &context) }
    }
}
