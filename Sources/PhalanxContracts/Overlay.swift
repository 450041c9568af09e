import PhalanxPrimitives

/// A contract storage slot: the contract and its raw key.
struct StorageSlot: Hashable {
    var contract: AccountId32
    var key: [UInt8]
}

/// Uncommitted state of one top-level execution, layered over the backend, with a journal so that nested frames can
/// roll back to a checkpoint (on trap or REVERT) in time proportional to what they changed.
final class StateOverlay: ClusterStateReader {
    private enum Prior<Value> {
        case absent
        case present(Value)
    }

    private enum JournalEntry {
        case storage(StorageSlot, Prior<[UInt8]?>)
        case contract(AccountId32, Prior<ContractInfo?>)
        case balance(AccountId32, Prior<UInt128>)
        case code(H256)
        case wiped(AccountId32)
    }

    let backend: ContractStateBackend
    private var storage: [StorageSlot: [UInt8]?] = [:]
    private var contracts: [AccountId32: ContractInfo?] = [:]
    private var balances: [AccountId32: UInt128] = [:]
    private var codes: [H256: [UInt8]] = [:]
    private var wiped: Set<AccountId32> = []
    private var journal: [JournalEntry] = []

    init(backend: ContractStateBackend) {
        self.backend = backend
    }

    /// A point to roll back to.
    var checkpoint: Int { journal.count }

    /// Undoes every change made after `checkpoint`.
    func rollback(to checkpoint: Int) {
        while journal.count > checkpoint {
            switch journal.removeLast() {
            case .storage(let slot, .absent): storage[slot] = nil
            case .storage(let slot, .present(let value)): storage[slot] = .some(value)
            case .contract(let account, .absent): contracts[account] = nil
            case .contract(let account, .present(let value)): contracts[account] = .some(value)
            case .balance(let account, .absent): balances[account] = nil
            case .balance(let account, .present(let value)): balances[account] = value
            case .code(let hash): codes[hash] = nil
            case .wiped(let account): wiped.remove(account)
            }
        }
    }

    // MARK: Storage

    func storageValue(_ slot: StorageSlot) -> [UInt8]? {
        if let value = storage[slot] { return value }
        if wiped.contains(slot.contract) { return nil }
        return backend.storage(slot.contract, key: slot.key)
    }

    /// Writes (or with `nil` removes) a value, keeping the contract's item and byte counts; returns the previous value.
    @discardableResult
    func setStorage(_ slot: StorageSlot, _ value: [UInt8]?) -> [UInt8]? {
        let previous = storageValue(slot)
        if previous == nil && value == nil { return nil }
        if let prior = storage[slot] {
            journal.append(.storage(slot, .present(prior)))
        } else {
            journal.append(.storage(slot, .absent))
        }
        storage[slot] = .some(value)
        if var info = contract(slot.contract) {
            let keyLength = UInt64(slot.key.count)
            switch (previous, value) {
            case (nil, let new?):
                info.storageItems += 1
                info.storageBytes += keyLength + UInt64(new.count)
            case (let old?, nil):
                info.storageItems -= 1
                info.storageBytes -= keyLength + UInt64(old.count)
            case (let old?, let new?):
                info.storageBytes = info.storageBytes - UInt64(old.count) + UInt64(new.count)
            case (nil, nil):
                break
            }
            setContract(slot.contract, info)
        }
        return previous
    }

    // MARK: Contracts and code

    func contract(_ account: AccountId32) -> ContractInfo? {
        if let info = contracts[account] { return info }
        return backend.contract(account)
    }

    func setContract(_ account: AccountId32, _ info: ContractInfo?) {
        if let prior = contracts[account] {
            journal.append(.contract(account, .present(prior)))
        } else {
            journal.append(.contract(account, .absent))
        }
        contracts[account] = .some(info)
    }

    /// Removes a contract and all its storage.
    func removeContract(_ account: AccountId32) {
        for slot in storage.keys where slot.contract == account {
            journal.append(.storage(slot, .present(storage[slot]!)))
            storage[slot] = .some(nil)
        }
        if !wiped.contains(account) {
            wiped.insert(account)
            journal.append(.wiped(account))
        }
        setContract(account, nil)
    }

    func code(_ hash: H256) -> [UInt8]? {
        codes[hash] ?? backend.code(hash)
    }

    func codeExists(_ hash: H256) -> Bool { code(hash) != nil }

    func storeCode(_ hash: H256, _ code: [UInt8]) {
        guard self.code(hash) == nil else { return }
        codes[hash] = code
        journal.append(.code(hash))
    }

    // MARK: Balances

    func balance(_ account: AccountId32) -> UInt128 {
        balances[account] ?? backend.balance(account)
    }

    func setBalance(_ account: AccountId32, _ value: UInt128) {
        if let prior = balances[account] {
            journal.append(.balance(account, .present(prior)))
        } else {
            journal.append(.balance(account, .absent))
        }
        balances[account] = value
    }

    /// Moves `value` keeping the sender at or above `existentialDeposit` unless it empties completely
    /// (`allowDeath`). Returns false, changing nothing, when the sender cannot afford it.
    func transfer(from: AccountId32, to: AccountId32, value: UInt128, existentialDeposit: UInt128, allowDeath: Bool)
        -> Bool
    {
        if value == 0 { return true }
        let fromBalance = balance(from)
        guard fromBalance >= value else { return false }
        let remaining = fromBalance - value
        if !allowDeath && remaining < existentialDeposit { return false }
        if from == to { return true }
        let toBalance = balance(to)
        guard toBalance <= UInt128.max - value else { return false }
        setBalance(from, remaining)
        setBalance(to, toBalance + value)
        return true
    }

    // MARK: Commit

    /// Contracts whose record changed, sorted by address.
    var changedContracts: [(AccountId32, ContractInfo?)] {
        contracts.map { ($0.key, $0.value) }.sorted { $0.0 < $1.0 }
    }

    /// All changes, sorted so that applying them is deterministic.
    func changes() -> StateChanges {
        var changes = StateChanges()
        changes.codes = codes.map { ($0.key, $0.value) }.sorted { $0.hash < $1.hash }
        changes.contracts = changedContracts.map { (account: $0.0, info: $0.1) }
        changes.storage = storage.compactMap { slot, value in
            // Writes to a contract removed in this execution are dropped with it.
            if wiped.contains(slot.contract) && contract(slot.contract) == nil { return nil }
            return (contract: slot.contract, key: slot.key, value: value)
        }.sorted { lhs, rhs in
            lhs.contract != rhs.contract
                ? lhs.contract < rhs.contract : lhs.key.lexicographicallyPrecedes(rhs.key)
        }
        changes.balances = balances.map { ($0.key, $0.value) }.sorted { $0.account < $1.account }
        return changes
    }
}
