import ArgumentParser
import PhalanxPrimitives

/// The `phalanx` command line: node, worker and client commands.
@main
struct Phalanx: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "phalanx",
        abstract: "Phalanx: a confidential-computing blockchain implementing the Phala Network design.",
        subcommands: [
            NodeCommand.self, WorkerCommand.self, ClusterCommand.self, KeyCommand.self, ContractCommand.self, PoolCommand.self, GovCommand.self, CouncilCommand.self,
            TreasuryCommand.self, AttestationCommand.self, BenchCommand.self,
        ])
}
