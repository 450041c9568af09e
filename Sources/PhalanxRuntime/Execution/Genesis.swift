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

    /// This spec with an embedded dev worker `pubkey` (`node --dev`): registered, gatekeeper, cluster 1; its
    /// operator account is endowed like the dev accounts.
    public func withDevWorker(pubkey: [UInt8], operator: String) -> ChainSpec {
        var spec = self
        spec.genesis.devWorker = DevWorkerGenesis(pubkey: pubkey.prefixedHex, operator: `operator`, clusterOwner: "//Alice")
        spec.genesis.balances.append([`operator`, String(UInt128(1) << 60)])
        return spec
    }

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
    /// An embedded dev worker registered at genesis as gatekeeper and sole worker of cluster 1 (`node --dev`).
    public var devWorker: DevWorkerGenesis? = nil

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
        if let devWorker { try devWorker.build(context: &context) }
        PhalaMq.queueGenesisMessages(&context)
        // Genesis events are not kept: block 0 has no extrinsics.
        _ = context.drainEvents()
        return context.state
    }
}

/// The embedded worker of a dev chain, set up at genesis as if governance had registered it: a worker
/// with dev attestation, the first gatekeeper (its launch message is queued for block 1) and the only
/// worker of cluster 1 (public, owned by `clusterOwner`, no deposits or gas price).
public struct DevWorkerGenesis: Codable, Sendable, Equatable {
    /// The worker's identity (= ECDH) public key, 0x-hex.
    public var pubkey: String
    /// The account paying for the worker's messages (as in `balances`).
    public var `operator`: String
    /// The cluster owner (as in `balances`).
    public var clusterOwner: String

    /// A dev worker.
    public init(pubkey: String, operator: String, clusterOwner: String) {
        self.pubkey = pubkey
        self.operator = `operator`
        self.clusterOwner = clusterOwner
    }

    func build(context: inout RuntimeContext) throws {
        guard let bytes = [UInt8](hex: pubkey), let key = Sr25519Public(bytes: bytes) else {
            throw GenesisError.badDevWorker(pubkey)
        }
        let owner = try GenesisConfig.account(clusterOwner)
        PhalaRegistry.upsertWorker(
            pubkey: key, ecdhPubkey: key, runtimeVersion: 1, operator: try GenesisConfig.account(`operator`), provider: .dev,
            confidenceLevel: 128, features: [1, 1], context: &context)
        try PhalaRegistry.registerGatekeeper(key, context: &context)
        try PhalaPhatContracts.addCluster(
            owner: owner, permission: .public, workers: [key], deposit: 0, gasPrice: 0, depositPerItem: 0, depositPerByte: 0,
            treasury: owner, context: &context)
    }
}

/// Errors in a chain specification.
public enum GenesisError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A balances entry is not `[account, amount]`.
    case badBalanceEntry(String)
    /// The dev worker's public key is not 32 bytes of hex.
    case badDevWorker(String)

    public var description: String {
        switch self {
        case .badBalanceEntry(let entry): "The genesis balance entry [\(entry)] must be [account, decimal amount]."
        case .badDevWorker(let key): "The dev worker public key \(key) must be 32 bytes of 0x-hex."
        }
    }
}
