import PhalanxPrimitives

/// Token movements of the staking pallets. Pool-owned accounts (`bp/`, `sl/`, `so/`, the
/// treasury pot) are pallet accounts: they may hold less than the existential deposit and are
/// never reaped, so no dust is burned and staking conserves tokens exactly. Users pay in with a
/// keep-alive `Balances.transfer`.
enum PhalaFunds {
    /// Moves `amount` between accounts without reaping the source; a new destination account is created.
    static func move(from source: AccountId32, to dest: AccountId32, amount: UInt128, context: inout RuntimeContext) throws {
        guard amount > 0, source != dest else { return }
        var sourceInfo = System.accountInfo(source, in: context.state)
        guard sourceInfo.data.free >= amount else { throw Balances.Error.insufficientBalance }
        guard sourceInfo.data.free - amount >= sourceInfo.data.frozen else { throw Balances.Error.liquidityRestrictions }
        var destInfo = System.accountInfo(dest, in: context.state)
        let (newFree, overflow) = destInfo.data.free.addingReportingOverflow(amount)
        guard !overflow else { throw DispatchError.arithmetic(.overflow) }
        sourceInfo.data.free -= amount
        System.account.set(source, sourceInfo, in: &context.state)
        let isNew = destInfo.providers == 0
        destInfo.data.free = newFree
        if isNew { destInfo.providers = 1 }
        System.account.set(dest, destInfo, in: &context.state)
        if isNew { context.deposit(System.Event.newAccount(account: dest)) }
        context.deposit(Balances.Event.transfer(from: source, to: dest, amount: amount))
    }

    /// Mints `amount` into `dest` (rewards), increasing the total issuance.
    static func mint(_ dest: AccountId32, amount: UInt128, context: inout RuntimeContext) throws {
        guard amount > 0 else { return }
        var info = System.accountInfo(dest, in: context.state)
        let (newFree, overflow) = info.data.free.addingReportingOverflow(amount)
        guard !overflow else { throw DispatchError.arithmetic(.overflow) }
        let isNew = info.providers == 0
        info.data.free = newFree
        if isNew { info.providers = 1 }
        System.account.set(dest, info, in: &context.state)
        Balances.increaseIssuance(by: amount, in: &context.state)
        if isNew { context.deposit(System.Event.newAccount(account: dest)) }
        context.deposit(Balances.Event.deposit(who: dest, amount: amount))
    }

    /// The free balance of `who`.
    static func free(_ who: AccountId32, in state: StateOverlay) -> UInt128 { Balances.account(who, in: state).free }

    /// Phala's derived account: `TrailingZeroInput` decode of `prefix ‖ blake2_256(seed)` (first 32 bytes).
    static func derive(prefix: String, seed: [UInt8]) -> AccountId32 {
        let raw = Array(prefix.utf8) + blake2_256(seed)
        guard let account = AccountId32(bytes: Array(raw.prefix(32))) else { preconditionFailure("prefix ‖ 32-byte hash has 32+ bytes") }
        return account
    }
}
