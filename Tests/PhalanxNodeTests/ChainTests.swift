import PhalanxNode
import PhalanxPrimitives
import PhalanxRuntime
import PhalanxStorage
import Testing

/// Authoring on one chain and importing on another: seals, roots and signatures are checked.
@Suite struct ChainTests {
    static let alice = try! KeyPair(uri: "//Alice")
    static let bob = try! KeyPair(uri: "//Bob")

    static func transfer(on chain: Chain, nonce: UInt32) -> UncheckedExtrinsic {
        let runtime = chain.runtime
        let call = RuntimeCall(Balances.Call.transferKeepAlive(dest: .id(bob.accountId), value: Balances.dollars), in: runtime)
        let context = SigningContext(
            specVersion: runtime.version.specVersion, transactionVersion: runtime.version.transactionVersion,
            genesisHash: chain.genesisHash, eraBlockHash: chain.genesisHash)
        return UncheckedExtrinsic(call: call, signer: alice, extra: SignedExtra(nonce: nonce), context: context)
    }

    @Test func aBlockAuthoredOnOneNodeImportsOnAnother() async throws {
        let author = try Chain(spec: .development, database: InMemoryDatabase(), authority: Self.alice)
        let importer = try Chain(spec: .development, database: InMemoryDatabase(), authority: nil)
        #expect(author.genesisHash == importer.genesisHash)
        let authored = try await author.author(
            transactions: [Self.transfer(on: author, nonce: 0), Self.transfer(on: author, nonce: 1)], timestamp: 1_000, signaturesVerified: false)
        #expect(authored.included.count == 2)
        let block = Block(header: authored.block.header, extrinsics: authored.block.extrinsics)
        try await importer.importBlock(block, authority: Self.alice.publicKey)
        #expect(await importer.snapshot().hash == authored.block.hash)
        #expect(await importer.snapshot().trie.rootHash() == authored.block.header.stateRoot.bytes)
    }

    @Test func tamperedBlocksAreRejected() async throws {
        let author = try Chain(spec: .development, database: InMemoryDatabase(), authority: Self.alice)
        let importer = try Chain(spec: .development, database: InMemoryDatabase(), authority: nil)
        let authored = try await author.author(transactions: [Self.transfer(on: author, nonce: 0)], timestamp: 1_000)
        let good = Block(header: authored.block.header, extrinsics: authored.block.extrinsics)

        var wrongRoot = good
        wrongRoot.header.stateRoot = H256(unchecked: blake2_256([9]))
        wrongRoot.header = BlockSeal.seal(Self.unsealed(wrongRoot.header), authority: Self.alice)
        await #expect(throws: ChainError.invalidBlock(.stateRootMismatch)) { try await importer.importBlock(wrongRoot, authority: Self.alice.publicKey) }

        let forgedSeal = Block(header: BlockSeal.seal(Self.unsealed(good.header), authority: Self.bob), extrinsics: good.extrinsics)
        await #expect(throws: ChainError.invalidBlock(.badSeal)) { try await importer.importBlock(forgedSeal, authority: Self.alice.publicKey) }

        // A flipped signature byte, with the extrinsics root and seal recomputed so only the signature is wrong.
        var badSignature = good
        var bytes = badSignature.extrinsics[1]
        bytes[50] ^= 1  // compact length (2) + version (1) + address (33) + scheme (1) precede the signature
        badSignature.extrinsics[1] = bytes
        var header = Self.unsealed(good.header)
        header.extrinsicsRoot = H256(unchecked: TrieRoot.extrinsicsRoot(of: badSignature.extrinsics))
        badSignature.header = BlockSeal.seal(header, authority: Self.alice)
        await #expect(throws: ChainError.invalidBlock(.invalidExtrinsic(index: 1, reason: InvalidTransaction.badProof.message))) {
            try await importer.importBlock(badSignature, authority: Self.alice.publicKey)
        }

        // Nothing was half-applied: the good block still imports.
        try await importer.importBlock(good, authority: Self.alice.publicKey)
        #expect(await importer.snapshot().number == 1)
    }

    static func unsealed(_ header: Header) -> Header {
        var header = header
        header.digest.logs.removeLast()
        return header
    }
}
