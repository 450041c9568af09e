import Foundation
import PhalanxPrimitives

/// A chain specification: name, id, token properties and genesis configuration
/// (`--chain dev|local|FILE`). JSON files use the same field names.
public struct ChainSpec: Codable, Sendable, Equatable {
    /// Human name, e.g. "Phalanx Development" (also `system_chain`).
    public var name: String
    /// Short id, e.g. "dev".
    public var id: String
    /// Chain type: Development, Local or Live.
    public var chainType: String
    /// Token properties for clients.
    public var properties: Properties
    /// The genesis state.
    public var genesis: GenesisConfig
    /// The governance profile: `dev` (periods of a few blocks) or `local` (Phala's production
    /// periods); absent in a JSON file means `local` unless the chain type is Development.
    public var governanceProfile: String?

    /// The governance periods and deposits this chain runs with.
    public var governance: GovernanceConfig {
        GovernanceConfig.named(governanceProfile ?? (chainType == "Development" ? "dev" : "local")) ?? .local
    }

    /// Runs `body` with this chain's runtime parameters in force (every runtime execution does).
    public func withParameters<T>(_ body: () throws -> T) rethrows -> T {
        try GovernanceConfig.$current.withValue(governance, operation: body)
    }

    /// Runs `body` with this chain's runtime parameters in force (async variant).
    public func withParameters<T>(
        isolation: isolated (any Actor)? = #isolation, _ body: () async throws -> T
    ) async rethrows -> T {
        try await GovernanceConfig.$current.withValue(governance, operation: body, isolation: isolation)
    }

    /// Token properties (`system_properties`).
    public struct Properties: Codable, Sendable, Equatable {
        /// SS58 prefix.
        public var ss58Format: UInt16
        /// Token decimals.
        public var tokenDecimals: UInt8
        /// Token symbol.
        public var tokenSymbol: String
    }

    /// The development chain: //Alice … //Ferdie endowed, //Alice is sudo, dev attestation allowed.
    public static let development = ChainSpec(
        name: "Phalanx Development", id: "dev", chainType: "Development",
        properties: .phala, genesis: .devAccounts(sudo: "//Alice", allowDevAttestation: true), governanceProfile: "dev")

    /// A local testnet: same accounts, for several processes on one machine.
    public static let local = ChainSpec(
        name: "Phalanx Local", id: "local", chainType: "Local",
        properties: .phala, genesis: .devAccounts(sudo: "//Alice", allowDevAttestation: true), governanceProfile: "local")

    /// Loads `dev`, `local`, or a JSON file.
    public static func load(_ name: String) throws -> ChainSpec {
        switch name {
        case "dev": return development
        case "local": return local
        default:
            let data = try Data(contentsOf: URL(fileURLWithPath: name))
            return try JSONDecoder().decode(ChainSpec.self, from: data)
        }
    }
}

extension ChainSpec.Properties {
    /// Phala's token: PHA, 12 decimals, SS58 prefix 30.
    public static let phala = ChainSpec.Properties(ss58Format: 30, tokenDecimals: 12, tokenSymbol: "PHA")
}

/// The genesis state: endowed accounts, sudo key, attestation policy flags.
public struct GenesisConfig: Codable, Sendable, Equatable {
    /// Accounts (SS58, 0x-hex or a dev secret URI such as `//Alice`) and their free balances
    /// (decimal strings in the smallest unit, since they exceed JSON's safe integers).
    public var balances: [[String]]
    /// The sudo key, if the chain has one.
    public var sudo: String?
    /// Whether workers may register with dev (software) attestation.
    public var allowDevAttestation: Bool
    /// The initial council members (accounts as in `balances`); absent means none.
    public var council: [String]? = nil
    /// The initial technical committee members; absent means none.
    public var technicalCommittee: [String]? = nil

    /// The well-known dev accounts, each endowed with 2^60 units (as Substrate's dev chains).
    public static func devAccounts(sudo: String?, allowDevAttestation: Bool) -> GenesisConfig {
        let names = ["Alice", "Bob", "Charlie", "Dave", "Eve", "Ferdie"]
        let endowment = String(UInt128(1) << 60)
        return GenesisConfig(
            balances: names.flatMap { [["//\($0)", endowment], ["//\($0)//stash", endowment]] },
            sudo: sudo, allowDevAttestation: allowDevAttestation,
            council: ["//Alice", "//Bob", "//Charlie"], technicalCommittee: ["//Alice", "//Bob", "//Charlie"])
    }

    /// Resolves an account given as SS58, 0x-hex or a dev secret URI.
    static func account(_ text: String) throws -> AccountId32 {
        if text.hasPrefix("/") { return try KeyPair(uri: text).accountId }
        return try AccountId32(parsing: text)
    }

    /// Builds the genesis state (block 0's post-state changes) on an empty state.
    public func build(runtime: RuntimeDefinition) throws -> StateOverlay {
        var context = RuntimeContext(runtime: runtime, state: StateOverlay(base: EmptyState()), blockNumber: 0)
        System.number.set(0, in: &context.state)
        let endowed = try balances.map { entry -> (AccountId32, UInt128) in
            guard entry.count == 2, let amount = UInt128(entry[1]) else {
                throw GenesisError.badBalanceEntry(entry.joined(separator: ", "))
            }
            return (try Self.account(entry[0]), amount)
        }
        try Balances.buildGenesis(endowed, context: &context)
        if let sudo { Sudo.key.set(try Self.account(sudo), in: &context.state) }
        PhalaRegistry.buildGenesis(allowDevAttestation: allowDevAttestation, context: &context)
        try Treasury.buildGenesis(context: &context)
        try Council.buildGenesis(try (council ?? []).map(Self.account), context: &context)
        try TechnicalCommittee.buildGenesis(try (technicalCommittee ?? []).map(Self.account), context: &context)
        // Genesis events are not kept: block 0 has no extrinsics.
        _ = context.drainEvents()
        return context.state
    }
}

/// Errors in a chain specification.
public enum GenesisError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A balances entry is not `[account, amount]`.
    case badBalanceEntry(String)

    public var description: String {
        switch self {
        case .badBalanceEntry(let entry): "The genesis balance entry [\(entry)] must be [account, decimal amount]."
        }
    }
}
