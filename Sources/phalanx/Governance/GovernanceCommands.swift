import ArgumentParser
import Foundation
import PhalanxClient
import PhalanxPrimitives
import PhalanxRuntime

/// Democracy's vote type, named before the `Vote` subcommand shadows it.
private typealias DemocracyVote = Vote

/// Connection and signer options of the governance commands.
struct NodeOptions: ParsableArguments {
    @Option(help: "The node's JSON-RPC endpoint (http:// or ws://).") var url = "http://127.0.0.1:9944"
    @Option(help: "The signer's secret URI (e.g. //Alice or a mnemonic).") var suri = "//Alice"

    /// A client for these options.
    func client() throws -> NodeClient { try NodeClient(url: url, suri: suri) }
}

/// Parses an amount in the smallest unit (1 PHA = 10^12).
private func parseAmount(_ text: String) throws -> UInt128 {
    guard let value = UInt128(text) else { throw ValidationError("'\(text)' is not a whole amount in planck (1 PHA = 10^12).") }
    return value
}

/// Parses an account (SS58 of any prefix, 0x-hex, or a dev URI such as //Bob).
private func parseAccount(_ text: String) throws -> AccountId32 {
    if text.hasPrefix("/") { return try KeyPair(uri: text).accountId }
    guard let account = try? AccountId32(parsing: text) else { throw ValidationError("'\(text)' is not an account.") }
    return account
}

/// Parses a hex-encoded runtime call (as `substrate.compose_call(...).data` prints it).
private func parseRuntimeCall(_ text: String) throws -> RuntimeCall {
    guard let bytes = [UInt8](hex: text) else { throw ValidationError("The call must be 0x-hex.") }
    var decoder = ScaleDecoder(bytes)
    do {
        let call = try RuntimeCall(from: &decoder, runtime: PhalanxRuntime.definition)
        try decoder.finish()
        return call
    } catch {
        throw ValidationError("The call does not decode with this runtime: \(error).")
    }
}

private func parseHash(_ text: String) throws -> H256 {
    guard let hash = H256(hex: text) else { throw ValidationError("'\(text)' is not a 32-byte 0x-hex hash.") }
    return hash
}

/// `phalanx gov …`: Democracy — proposals, seconds, conviction votes, delegation, unlocking.
struct GovCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gov", abstract: "Democracy: propose, second, vote with conviction, delegate, unlock, list (JSON output).",
        subcommands: [Propose.self, Second.self, Vote.self, Delegate.self, Unlock.self, Referenda.self, Proposals.self])

    struct Propose: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Note the call's preimage and propose it with a deposit.")
        @Argument(help: "The call, SCALE hex (e.g. from substrate-interface compose_call).") var call: String
        @Option(help: "Deposit in planck (at least the minimum deposit, 10 PHA).") var value: String = "10000000000000"
        @OptionGroup var node: NodeOptions
        func run() async throws {
            let runtimeCall = try parseRuntimeCall(call)
            let client = try node.client()
            let encoded = runtimeCall.scaleEncoded
            let hash = H256(unchecked: blake2_256(encoded))
            try await client.submit(Preimage.Call.notePreimage(bytes: encoded))
            let extrinsic = try await client.submit(Democracy.Call.propose(proposal: hash, value: try parseAmount(value)))
            try NodeClient.printJSON(["proposalHash": hash.description, "extrinsic": extrinsic])
        }
    }

    struct Second: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Second a public proposal.")
        @Argument(help: "The proposal index.") var proposal: UInt32
        @OptionGroup var node: NodeOptions
        func run() async throws {
            try NodeClient.printJSON(["extrinsic": try await node.client().submit(Democracy.Call.second(proposal: proposal))])
        }
    }

    struct Vote: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Vote on a referendum with a conviction (0 = 0.1x … 6 = 6x).")
        @Argument(help: "The referendum index.") var referendum: UInt32
        @Argument(help: "aye or nay.") var choice: String
        @Option(help: "Balance to vote with, in planck.") var balance: String
        @Option(help: "Conviction 0…6 (locks 0, 1, 2, 4, 8, 16, 32 periods).") var conviction: UInt8 = 0
        @OptionGroup var node: NodeOptions
        func run() async throws {
            guard ["aye", "nay"].contains(choice) else { throw ValidationError("Vote aye or nay.") }
            guard let level = Conviction(rawValue: conviction) else { throw ValidationError("The conviction must be 0…6.") }
            let vote = AccountVote.standard(vote: DemocracyVote(aye: choice == "aye", conviction: level), balance: try parseAmount(balance))
            try NodeClient.printJSON(["extrinsic": try await node.client().submit(Democracy.Call.vote(refIndex: referendum, vote: vote))])
        }
    }

    struct Delegate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delegate voting power to an account.")
        @Argument(help: "The delegate (SS58, 0x-hex or //Name).") var to: String
        @Option(help: "Balance in planck.") var balance: String
        @Option(help: "Conviction 0…6.") var conviction: UInt8 = 0
        @OptionGroup var node: NodeOptions
        func run() async throws {
            guard let level = Conviction(rawValue: conviction) else { throw ValidationError("The conviction must be 0…6.") }
            let call = Democracy.Call.delegate(to: .id(try parseAccount(to)), conviction: level, balance: try parseAmount(balance))
            try NodeClient.printJSON(["extrinsic": try await node.client().submit(call)])
        }
    }

    struct Unlock: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove expired vote locks of an account (default: the signer).")
        @Argument(help: "The account to unlock.") var target: String?
        @OptionGroup var node: NodeOptions
        func run() async throws {
            let client = try node.client()
            let who = try target.map(parseAccount) ?? client.signer.accountId
            try NodeClient.printJSON(["extrinsic": try await client.submit(Democracy.Call.unlock(target: .id(who)))])
        }
    }

    struct Referenda: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List referenda with their status and tally.")
        @OptionGroup var node: NodeOptions
        func run() async throws {
            let client = try node.client()
            let count = try await client.storage(Democracy.referendumCount.key, as: UInt32.self) ?? 0
            var list = [[String: Any]]()
            for index in 0..<count {
                guard let info = try await client.storage(Democracy.referendumInfoOf.storageKey(index), as: ReferendumInfo.self) else { continue }
                switch info {
                case .ongoing(let status):
                    list.append([
                        "index": index, "status": "ongoing", "end": status.end, "proposal": status.proposal.description,
                        "threshold": "\(status.threshold)", "delay": status.delay,
                        "tally": ["ayes": String(status.tally.ayes), "nays": String(status.tally.nays), "turnout": String(status.tally.turnout)],
                    ])
                case .finished(let approved, let end):
                    list.append(["index": index, "status": approved ? "approved" : "rejected", "end": end])
                }
            }
            try NodeClient.printJSON(list)
        }
    }

    struct Proposals: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List public proposals.")
        @OptionGroup var node: NodeOptions
        func run() async throws {
            let props = try await node.client().storage(Democracy.publicProps.key, as: [PublicProposal].self) ?? []
            try NodeClient.printJSON(props.map { ["index": $0.index, "proposal": $0.proposal.description, "proposer": $0.proposer.ss58()] })
        }
    }
}

/// `phalanx council …`: the Council collective.
struct CouncilCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "council", abstract: "Council motions: propose, vote, close, members (JSON output).",
        subcommands: [Propose.self, Vote.self, Close.self, Members.self])

    struct Propose: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Propose a motion: the call runs with the council's origin once approved.")
        @Argument(help: "The call, SCALE hex.") var call: String
        @Option(help: "Approvals needed.") var threshold: UInt32
        @OptionGroup var node: NodeOptions
        func run() async throws {
            let runtimeCall = try parseRuntimeCall(call)
            let length = UInt32(runtimeCall.scaleEncoded.count)
            let hash = H256(unchecked: blake2_256(runtimeCall.scaleEncoded))
            let extrinsic = try await node.client().submit(
                Council.Call.propose(threshold: threshold, proposal: runtimeCall, lengthBound: length))
            try NodeClient.printJSON(["motionHash": hash.description, "lengthBound": length, "extrinsic": extrinsic])
        }
    }

    struct Vote: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Vote on a motion.")
        @Argument(help: "The motion hash.") var motion: String
        @Argument(help: "The motion index.") var index: UInt32
        @Argument(help: "aye or nay.") var choice: String
        @OptionGroup var node: NodeOptions
        func run() async throws {
            guard ["aye", "nay"].contains(choice) else { throw ValidationError("Vote aye or nay.") }
            let call = Council.Call.vote(proposal: try parseHash(motion), index: index, approve: choice == "aye")
            try NodeClient.printJSON(["extrinsic": try await node.client().submit(call)])
        }
    }

    struct Close: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Close a motion (executes it if approved).")
        @Argument(help: "The motion hash.") var motion: String
        @Argument(help: "The motion index.") var index: UInt32
        @Option(help: "Weight bound (ref time).") var weightBound: UInt64 = 10_000_000_000
        @Option(help: "Length bound of the call.") var lengthBound: UInt32 = 10_000
        @OptionGroup var node: NodeOptions
        func run() async throws {
            let call = Council.Call.close(
                proposalHash: try parseHash(motion), index: index, proposalWeightBound: Weight(refTime: weightBound, proofSize: 1 << 20),
                lengthBound: lengthBound)
            try NodeClient.printJSON(["extrinsic": try await node.client().submit(call)])
        }
    }

    struct Members: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List council members and open motions.")
        @OptionGroup var node: NodeOptions
        func run() async throws {
            let client = try node.client()
            let members = try await client.storage(Council.members.key, as: [AccountId32].self) ?? []
            let motions = try await client.storage(Council.proposals.key, as: [H256].self) ?? []
            var open = [[String: Any]]()
            for hash in motions {
                guard let votes = try await client.storage(Council.voting.storageKey(hash), as: MotionVotes.self) else { continue }
                open.append([
                    "hash": hash.description, "index": votes.index, "threshold": votes.threshold, "end": votes.end,
                    "ayes": votes.ayes.map { $0.ss58() }, "nays": votes.nays.map { $0.ss58() },
                ])
            }
            try NodeClient.printJSON(["members": members.map { $0.ss58() }, "motions": open])
        }
    }
}

/// `phalanx treasury …`: spend proposals and the pot.
struct TreasuryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "treasury", abstract: "Treasury: propose a spend, list proposals, show the pot (JSON output).",
        subcommands: [ProposeSpend.self, Proposals.self, Pot.self])

    struct ProposeSpend: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Propose a spend (bond: 5% of the value, at least 1 PHA).")
        @Argument(help: "Value in planck.") var value: String
        @Argument(help: "Beneficiary (SS58, 0x-hex or //Name).") var beneficiary: String
        @OptionGroup var node: NodeOptions
        func run() async throws {
            let client = try node.client()
            let index = try await client.storage(Treasury.proposalCount.key, as: UInt32.self) ?? 0
            let extrinsic = try await client.submit(Treasury.Call.proposeSpend(value: try parseAmount(value), beneficiary: .id(try parseAccount(beneficiary))))
            try NodeClient.printJSON(["proposalIndex": index, "extrinsic": extrinsic])
        }
    }

    struct Proposals: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List spend proposals and which are approved.")
        @OptionGroup var node: NodeOptions
        func run() async throws {
            let client = try node.client()
            let count = try await client.storage(Treasury.proposalCount.key, as: UInt32.self) ?? 0
            let approved = Set(try await client.storage(Treasury.approvals.key, as: [UInt32].self) ?? [])
            var list = [[String: Any]]()
            for index in 0..<count {
                guard let proposal = try await client.storage(Treasury.proposals.storageKey(index), as: TreasuryProposal.self) else { continue }
                list.append([
                    "index": index, "proposer": proposal.proposer.ss58(), "value": String(proposal.value),
                    "beneficiary": proposal.beneficiary.ss58(), "bond": String(proposal.bond), "approved": approved.contains(index),
                ])
            }
            try NodeClient.printJSON(list)
        }
    }

    struct Pot: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The treasury pot's account and free balance.")
        @OptionGroup var node: NodeOptions
        func run() async throws {
            let info = try await node.client().storage(System.account.storageKey(Treasury.account), as: AccountInfo.self) ?? AccountInfo()
            try NodeClient.printJSON(["account": Treasury.account.ss58(), "free": String(info.data.free)])
        }
    }
}
