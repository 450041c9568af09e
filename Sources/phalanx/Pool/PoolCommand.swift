import ArgumentParser
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import PhalanxClient
import PhalanxPrimitives
import PhalanxRuntime

/// `phalanx pool …`: stake pools over a node's JSON-RPC, with JSON output.
struct PoolCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pool", abstract: "Stake pools: create, inspect, contribute, withdraw and manage workers (JSON output).",
        subcommands: [Create.self, Info.self, List.self, Contribute.self, Withdraw.self, AddWorker.self, Start.self, Stop.self, Claim.self,
                      SetCommission.self, SetCap.self])

    /// Connection and signer options shared by the subcommands.
    struct Options: ParsableArguments {
        @Option(help: "The node's HTTP JSON-RPC endpoint.") var url = "http://127.0.0.1:9944"
        @Option(help: "The signer's secret URI (e.g. //Alice or a mnemonic).") var suri = "//Alice"
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a pool owned by the signer.")
        @OptionGroup var options: Options
        func run() async throws {
            let client = try PoolClient(options)
            let pid = try await client.storage(PhalaBasePool.poolCount.key, as: UInt64.self) ?? 0
            try await client.submit(PhalaStakePoolv2.Call.create, pid: pid)
        }
    }

    struct Info: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a pool.")
        @OptionGroup var options: Options
        @Argument(help: "The pool id.") var pid: UInt64
        func run() async throws { try PoolClient.print(try await PoolClient(options).pool(pid)) }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List all pools.")
        @OptionGroup var options: Options
        func run() async throws {
            let client = try PoolClient(options)
            let count = try await client.storage(PhalaBasePool.poolCount.key, as: UInt64.self) ?? 0
            var pools: [[String: Any]] = []
            for pid in 0..<count { pools.append(try await client.pool(pid)) }
            try PoolClient.print(["pools": pools])
        }
    }

    struct Contribute: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Contribute PHA (planck) to a pool.")
        @OptionGroup var options: Options
        @Argument(help: "The pool id.") var pid: UInt64
        @Argument(help: "The amount in planck (1 PHA = 10^12).") var amount: String
        func run() async throws {
            try await PoolClient(options).submit(PhalaStakePoolv2.Call.contribute(pid: pid, amount: try parseAmount(amount), asVault: nil), pid: pid)
        }
    }

    struct Withdraw: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Withdraw shares from a pool (queued if stake is locked).")
        @OptionGroup var options: Options
        @Argument(help: "The pool id.") var pid: UInt64
        @Argument(help: "The shares to withdraw.") var shares: String
        func run() async throws {
            try await PoolClient(options).submit(PhalaStakePoolv2.Call.withdraw(pid: pid, shares: try parseAmount(shares), asVault: nil), pid: pid)
        }
    }

    struct AddWorker: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add-worker", abstract: "Bind a worker the signer operates to the pool.")
        @OptionGroup var options: Options
        @Argument(help: "The pool id.") var pid: UInt64
        @Argument(help: "The worker public key, 0x-hex.") var worker: String
        func run() async throws {
            try await PoolClient(options).submit(PhalaStakePoolv2.Call.addWorker(pid: pid, pubkey: try parseWorker(worker)), pid: pid)
        }
    }

    struct Start: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Start computing on a worker with some of the pool's free stake.")
        @OptionGroup var options: Options
        @Argument(help: "The pool id.") var pid: UInt64
        @Argument(help: "The worker public key, 0x-hex.") var worker: String
        @Argument(help: "The stake in planck.") var stake: String
        func run() async throws {
            try await PoolClient(options).submit(
                PhalaStakePoolv2.Call.startComputing(pid: pid, worker: try parseWorker(worker), stake: try parseAmount(stake)), pid: pid)
        }
    }

    struct Stop: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Stop computing on a worker (its stake cools down).")
        @OptionGroup var options: Options
        @Argument(help: "The pool id.") var pid: UInt64
        @Argument(help: "The worker public key, 0x-hex.") var worker: String
        func run() async throws {
            try await PoolClient(options).submit(PhalaStakePoolv2.Call.stopComputing(pid: pid, worker: try parseWorker(worker)), pid: pid)
        }
    }

    struct Claim: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Claim the owner's commission to an account.")
        @OptionGroup var options: Options
        @Argument(help: "The pool id.") var pid: UInt64
        @Argument(help: "The target account (SS58 or 0x-hex).") var target: String
        func run() async throws {
            try await PoolClient(options).submit(PhalaStakePoolv2.Call.claimOwnerRewards(pid: pid, target: try AccountId32(parsing: target)), pid: pid)
        }
    }

    struct SetCommission: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "set-commission", abstract: "Set the commission in parts per million.")
        @OptionGroup var options: Options
        @Argument(help: "The pool id.") var pid: UInt64
        @Argument(help: "Parts per million (0…1000000).") var permill: UInt32
        func run() async throws {
            guard let ratio = Permill(parts: permill) else { throw ValidationError("The commission must be at most 1000000 parts per million.") }
            try await PoolClient(options).submit(PhalaStakePoolv2.Call.setPayoutPref(pid: pid, payoutCommission: ratio), pid: pid)
        }
    }

    struct SetCap: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "set-cap", abstract: "Set the pool's cap in planck.")
        @OptionGroup var options: Options
        @Argument(help: "The pool id.") var pid: UInt64
        @Argument(help: "The cap in planck.") var cap: String
        func run() async throws {
            try await PoolClient(options).submit(PhalaStakePoolv2.Call.setCap(pid: pid, cap: try parseAmount(cap)), pid: pid)
        }
    }
}

private func parseAmount(_ text: String) throws -> UInt128 {
    guard let value = UInt128(text) else { throw ValidationError("'\(text)' is not an amount in planck.") }
    return value
}

private func parseWorker(_ text: String) throws -> WorkerPublicKey {
    guard let bytes = [UInt8](hex: text), let key = H256(bytes: bytes) else { throw ValidationError("'\(text)' is not a 32-byte 0x-hex key.") }
    return key
}

/// The pool commands' client: the shared `NodeClient` plus pool rendering.
struct PoolClient {
    let node: NodeClient

    init(_ options: PoolCommand.Options) throws {
        node = try NodeClient(url: options.url, suri: options.suri)
    }

    func call(_ method: String, _ params: [Any]) async throws -> Any? { try await node.call(method, params) }

    func storage<T: ScaleDecodable>(_ key: [UInt8], as type: T.Type) async throws -> T? { try await node.storage(key, as: type) }

    /// Signs and submits `call`, waits for inclusion, then prints pool `pid`.
    func submit(_ palletCall: some PalletCall, pid: UInt64) async throws {
        let hash = try await node.submit(palletCall)
        var output: [String: Any] = ["extrinsic": hash]
        if let pool = try? await pool(pid) { output["pool"] = pool }
        try Self.print(output)
    }

    /// Pool `pid` as JSON.
    func pool(_ pid: UInt64) async throws -> [String: Any] {
        guard let proxy = try await storage(PhalaBasePool.pools.storageKey(pid), as: PoolProxy.self) else {
            throw ValidationError("Pool \(pid) does not exist.")
        }
        func base(_ pool: BasePool) -> [String: Any] {
            [
                "pid": pool.pid, "owner": pool.owner.ss58(), "totalShares": String(pool.totalShares), "totalValue": String(pool.totalValue),
                "sharePrice": pool.sharePrice?.description ?? NSNull(), "poolAccount": pool.poolAccountId.ss58(),
                "withdrawQueue": pool.withdrawQueue.map { ["user": $0.user.ss58(), "startTime": $0.startTime, "shares": String($0.shares)] },
            ]
        }
        switch proxy {
        case .stakePool(let pool):
            var json = base(pool.basepool)
            json["kind"] = "StakePool"
            json["commission"] = pool.payoutCommission.map { Int($0.parts) } ?? 0
            json["cap"] = pool.cap.map { String($0) } ?? NSNull()
            json["workers"] = pool.workers.map(\.bytes.prefixedHex)
            json["cdWorkers"] = pool.cdWorkers.map(\.bytes.prefixedHex)
            json["lockAccount"] = pool.lockAccount.ss58()
            json["ownerRewardAccount"] = pool.ownerRewardAccount.ss58()
            return json
        case .vault(let vault):
            var json = base(vault.basepool)
            json["kind"] = "Vault"
            json["commission"] = vault.commission.map { Int($0.parts) } ?? 0
            json["ownerShares"] = String(vault.ownerShares)
            json["investPools"] = vault.investPools
            return json
        }
    }

    static func print(_ object: Any) throws { try NodeClient.printJSON(object) }
}
