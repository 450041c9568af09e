import ArgumentParser
import Foundation
import PhalanxStorage

extension BenchCommand {
    /// `phalanx bench storage`: state-root and SQLite-commit cost of one large block.
    struct Storage: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "State-root and SQLite-commit cost of one block of random writes onto a large state.")

        @Option(help: "Entries in the base (genesis) state.") var baseEntries: Int = 100_000
        @Option(help: "Random writes in the measured block.") var blockWrites: Int = 10_000
        @Option(help: "Directory for the temporary SQLite file (removed afterwards); default: the system temporary directory.")
        var directory: String?

        func run() throws {
            guard baseEntries > 0, blockWrites > 0 else {
                throw fail(InputError.missingInput("--base-entries and --block-writes must be positive"))
            }
            let folder = directory.map { URL(fileURLWithPath: $0) } ?? FileManager.default.temporaryDirectory
            do {
                print(try StorageBenchmark.run(baseEntries: baseEntries, blockWrites: blockWrites, directory: folder))
            } catch {
                throw fail(error)
            }
        }
    }
}
