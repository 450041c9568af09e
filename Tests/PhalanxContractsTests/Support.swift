import PhalanxContracts
import PhalanxPrimitives
import WAT
import WasmParser

/// Accounts and helpers shared by the contract tests.
enum Fixture {
    static let alice = AccountId32(bytes: [UInt8](repeating: 0xA1, count: 32))!
    static let bob = AccountId32(bytes: [UInt8](repeating: 0xB0, count: 32))!
    static let charlie = AccountId32(bytes: [UInt8](repeating: 0xC4, count: 32))!

    /// A cluster whose dev accounts hold 10^18 each.
    static func cluster(schedule: Schedule = Schedule()) -> (ContractCluster, InMemoryStateBackend) {
        let backend = InMemoryStateBackend()
        for account in [alice, bob, charlie] { backend.setBalance(account, 1_000_000_000_000_000_000) }
        return (
            ContractCluster(
                clusterId: H256(unchecked: [UInt8](repeating: 7, count: 32)), schedule: schedule,
                backend: backend), backend
        )
    }

    static func wasm(_ wat: String, features: WasmFeatureSet = []) throws -> [UInt8] {
        try wat2wasm(wat, features: features)
    }

    static func u128(_ value: UInt128) -> [UInt8] { value.scaleEncoded }

    /// Deploys and returns the address, requiring success.
    static func deploy(
        _ cluster: ContractCluster, _ code: [UInt8], input: [UInt8], salt: [UInt8] = [], origin: AccountId32 = alice
    ) throws -> AccountId32 {
        let result = cluster.instantiate(origin: origin, code: .upload(code), input: input, salt: salt)
        guard case .success(let value) = result.result, !value.result.didRevert else {
            throw FixtureError.deployFailed("\(result.result)")
        }
        return value.accountId
    }

    /// A module importing nothing but memory, with the given body for `call` (and an empty `deploy`).
    static func minimal(imports: String = "", call: String, extra: String = "", memory: String = "(memory 1 16)")
        -> String
    {
        """
        (module
          \(imports)
          (import "env" "memory" \(memory))
          \(extra)
          (func (export "deploy"))
          (func (export "call") \(call)))
        """
    }
}

enum FixtureError: Error {
    case deployFailed(String)
}

extension Result {
    var successValue: Success? {
        if case .success(let value) = self { return value }
        return nil
    }

    var failureValue: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
