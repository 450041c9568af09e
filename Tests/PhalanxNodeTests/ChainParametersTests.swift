import PhalanxNode
import PhalanxPrimitives
import PhalanxRuntime
import PhalanxStorage
import Testing

/// The chain spec's governance profile is what blocks execute with and what metadata reports:
/// `dev` launches a referendum after 10 blocks, `local` (Phala's 7 days) does not.
@Suite struct ChainParametersTests {
    static let alice = try! KeyPair(uri: "//Alice")

    static func referendaAfterTwelveBlocks(spec: ChainSpec) async throws -> UInt32 {
        let chain = try Chain(spec: spec, database: InMemoryDatabase(), authority: alice)
        let runtime = chain.runtime
        let context = SigningContext(
            specVersion: runtime.version.specVersion, transactionVersion: runtime.version.transactionVersion,
            genesisHash: chain.genesisHash, eraBlockHash: chain.genesisHash)
        let propose = UncheckedExtrinsic(
            call: RuntimeCall(Democracy.Call.propose(proposal: H256(unchecked: blake2_256([1])), value: 10 * Balances.dollars), in: runtime),
            signer: alice, extra: SignedExtra(nonce: 0), context: context)
        let first = try await chain.author(transactions: [propose], timestamp: 1_000, signaturesVerified: false)
        #expect(first.included.count == 1)
        for block in 2...12 { _ = try await chain.author(transactions: [], timestamp: UInt64(block) * 1_000) }
        let state = StateOverlay(base: TrieState(trie: await chain.snapshot().trie))
        return Democracy.referendumCount.value(state) ?? 0
    }

    @Test func blocksExecuteWithTheChainsGovernanceProfile() async throws {
        #expect(ChainSpec.development.governance == .dev)
        #expect(ChainSpec.local.governance == .local)
        #expect(try await Self.referendaAfterTwelveBlocks(spec: .development) == 1)
        #expect(try await Self.referendaAfterTwelveBlocks(spec: .local) == 0)
    }

    @Test func metadataConstantsFollowTheProfile() throws {
        let dev = try Chain(spec: .development, database: InMemoryDatabase(), authority: nil)
        let local = try Chain(spec: .local, database: InMemoryDatabase(), authority: nil)
        // LaunchPeriod as a SCALE constant value: compact length 4, then u32 LE (7 days × 7,200 blocks = 50,400).
        let localLaunch: [UInt8] = [0x10] + UInt32(7 * 7_200).scaleEncoded
        #expect(contains(local.api.metadata, localLaunch))
        #expect(!contains(dev.api.metadata, localLaunch))
    }

    private func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard haystack.count >= needle.count else { return false }
        return (0...(haystack.count - needle.count)).contains { Array(haystack[$0..<($0 + needle.count)]) == needle }
    }
}
