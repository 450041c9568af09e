import Foundation
import PhalanxPrimitives
import PhalanxRuntime
import PhalanxStorage

/// Errors of the chain service, each one sentence with a stable code.
public enum ChainError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The database failed.
    case storage(String)
    /// The requested block is unknown (or its state was pruned).
    case unknownBlock(String)
    /// The database holds a different chain than the chain spec describes.
    case genesisMismatch(stored: String, expected: String)
    /// A block failed verification.
    case invalidBlock(BlockError)

    /// Stable machine-readable code.
    public var code: Int {
        switch self {
        case .storage: 4001
        case .unknownBlock: 4002
        case .genesisMismatch: 4003
        case .invalidBlock: 4004
        }
    }

    public var description: String {
        switch self {
        case .storage(let reason): "The chain database failed: \(reason)."
        case .unknownBlock(let what): "Block \(what) is unknown or its state has been pruned."
        case .genesisMismatch(let stored, let expected):
            "The database holds the chain with genesis \(stored), not \(expected) from the chain spec."
        case .invalidBlock(let error): error.description
        }
    }
}

/// A block as the node hands it around: decoded header, encoded extrinsics, hash.
public struct ChainBlock: Sendable {
    /// The block hash.
    public let hash: H256
    /// The header.
    public let header: Header
    /// The extrinsics, each length-prefixed.
    public let extrinsics: [[UInt8]]
}

/// The outcome of authoring a block.
public struct AuthoredBlock: Sendable {
    /// The block.
    public let block: ChainBlock
    /// The transactions included, by hash, with their outcome.
    public let included: [H256]
    /// Transactions that turned out invalid and were left out.
    public let rejected: [(H256, TransactionValidityError)]
}

/// The chain: database, runtime, the best block and its state. Blocks are authored on top of the
/// best block and committed in one database transaction each; finality is immediate (dev/local).
public actor Chain {
    /// The runtime.
    public nonisolated let runtime = PhalanxRuntime.definition
    /// The chain spec it was started with.
    public nonisolated let spec: ChainSpec
    /// The genesis hash.
    public nonisolated let genesisHash: H256
    /// Block execution.
    public nonisolated let executive: Executive
    /// Runtime APIs for `state_call`.
    public nonisolated let api: RuntimeAPI
    /// The block author's key (sealing); `nil` on a non-authoring node.
    let authority: KeyPair?
    private let database: any ChainDatabase
    private var bestTrie: Trie
    /// The best (and finalized) block.
    public private(set) var best: ChainBlock

    /// Opens (or creates) the chain in `database`, building genesis from `spec` if it is empty.
    public init(spec: ChainSpec, database: any ChainDatabase, authority: KeyPair?) throws {
        self.spec = spec
        self.database = database
        self.authority = authority
        let runtime = PhalanxRuntime.definition
        do {
            if let head = try database.head() {
                guard let genesis = try database.hash(ofNumber: 0), let headerBytes = try database.header(of: head.hash) else {
                    throw ChainError.storage("the head block's header is missing")
                }
                let expected = try spec.withParameters { try Self.genesisBlock(spec: spec, database: database) }.hash
                guard genesis == expected.bytes else {
                    throw ChainError.genesisMismatch(stored: genesis.prefixedHex, expected: expected.description)
                }
                genesisHash = expected
                let header = try Header.decode(scale: headerBytes)
                let body = try database.body(of: head.hash) ?? [0]
                best = ChainBlock(hash: H256(unchecked: head.hash), header: header, extrinsics: try Self.decodeBody(body))
                bestTrie = try database.state(at: head.hash)
            } else {
                let (block, commit) = try spec.withParameters { try Self.genesisBlock(spec: spec, database: database) }.buildCommit()
                try database.importBlock(
                    BlockRecord(hash: block.hash.bytes, number: 0, parentHash: H256.zero.bytes, header: block.header.scaleEncoded, body: [0]),
                    commit: commit, metadata: ["chainSpec": Array(try JSONEncoder().encode(spec))])
                genesisHash = block.hash
                best = block
                bestTrie = try database.state(at: block.hash.bytes)
            }
        } catch let error as ChainError {
            throw error
        } catch {
            throw ChainError.storage("\(error)")
        }
        executive = Executive(runtime: runtime, genesisHash: genesisHash)
        let executive = self.executive
        // The metadata's constants must be the ones this chain runs with.
        api = spec.withParameters { RuntimeAPI(executive: executive) }
    }

    /// Genesis state and header from the chain spec.
    private struct Genesis {
        let trie: Trie
        let header: Header
        var hash: H256 { header.hash }

        func buildCommit() throws -> (ChainBlock, TrieCommit) {
            var trie = trie
            let commit = try trie.commit()
            return (ChainBlock(hash: header.hash, header: header, extrinsics: []), commit)
        }
    }

    private static func genesisBlock(spec: ChainSpec, database: any ChainDatabase) throws -> Genesis {
        let state = try spec.genesis.build(runtime: PhalanxRuntime.definition)
        var trie = Trie(version: database.stateVersion, source: database)
        try trie.apply(state.changeset)
        let header = Header(
            parentHash: .zero, number: 0, stateRoot: H256(unchecked: trie.rootHash()),
            extrinsicsRoot: H256(unchecked: TrieRoot.extrinsicsRoot(of: [])), digest: Digest())
        return Genesis(trie: trie, header: header)
    }

    private static func decodeBody(_ body: [UInt8]) throws -> [[UInt8]] {
        var decoder = ScaleDecoder(body)
        let extrinsics = try Block.decodeBody(from: &decoder)
        try decoder.finish()
        return extrinsics
    }

    private static func encodeBody(_ extrinsics: [[UInt8]]) -> [UInt8] {
        var encoder = ScaleEncoder()
        Block.encodeBody(extrinsics, to: &encoder)
        return encoder.bytes
    }

    // MARK: - Reading

    /// The state trie at `hash` (the best block when `nil`).
    public func trie(at hash: H256?) throws -> Trie {
        guard let hash, hash != best.hash else { return bestTrie }
        do {
            return try database.state(at: hash.bytes)
        } catch {
            throw ChainError.unknownBlock(hash.description)
        }
    }

    /// The block with `hash`, if known.
    public func block(_ hash: H256) throws -> ChainBlock? {
        if hash == best.hash { return best }
        do {
            guard let headerBytes = try database.header(of: hash.bytes) else { return nil }
            let body = try database.body(of: hash.bytes) ?? [0]
            return ChainBlock(hash: hash, header: try Header.decode(scale: headerBytes), extrinsics: try Self.decodeBody(body))
        } catch {
            throw ChainError.storage("\(error)")
        }
    }

    /// The hash of the canonical block at `number`.
    public func hash(ofNumber number: UInt32) throws -> H256? {
        if number == best.header.number { return best.hash }
        do {
            return try database.hash(ofNumber: number).map(H256.init(unchecked:))
        } catch {
            throw ChainError.storage("\(error)")
        }
    }

    /// The best block's hash, number and state, for validation outside the actor.
    public func snapshot() -> (hash: H256, number: UInt32, trie: Trie) {
        (best.hash, best.header.number, bestTrie)
    }

    // MARK: - Authoring

    /// Builds, seals and commits a block on top of the best block with the timestamp inherent and
    /// as many of `transactions` as are valid, in order.
    /// The transactions come from the pool, which verified their signatures against this state, so
    /// they are not verified twice (`signaturesVerified: false` forces it).
    public func author(transactions: [UncheckedExtrinsic], timestamp: UInt64, signaturesVerified: Bool = true) throws -> AuthoredBlock {
        try spec.withParameters {
            try authorWithParameters(transactions: transactions, timestamp: timestamp, signaturesVerified: signaturesVerified)
        }
    }

    private func authorWithParameters(transactions: [UncheckedExtrinsic], timestamp: UInt64, signaturesVerified: Bool) throws
        -> AuthoredBlock
    {
        guard let authority else { throw ChainError.invalidBlock(.badSeal) }
        let number = best.header.number + 1
        let slot = timestamp / 1_000
        var context = executive.initializeBlock(
            state: StateOverlay(base: TrieState(trie: bestTrie)), number: number, parentHash: best.hash,
            digest: Digest(logs: [BlockSeal.preRuntime(slot: slot)]))
        let previousTime = Timestamp.current(in: context.state)
        let inherent = UncheckedExtrinsic(unsigned: RuntimeCall(Timestamp.Call.set(now: max(timestamp, previousTime)), in: runtime))
        guard case .success = executive.applyExtrinsic(inherent, index: 0, context: &context) else {
            throw ChainError.invalidBlock(.missingTimestamp)
        }
        var extrinsics = [inherent.encoded]
        var included = [H256]()
        var rejected = [(H256, TransactionValidityError)]()
        var length = inherent.encoded.count
        for transaction in transactions {
            guard length + transaction.encoded.count <= Executive.maxBlockLength else { break }
            switch executive.applyExtrinsic(
                transaction, index: UInt32(extrinsics.count), context: &context, signatureVerified: signaturesVerified)
            {
            case .success:
                extrinsics.append(transaction.encoded)
                included.append(transaction.hash)
                length += transaction.encoded.count
            case .failure(.invalid(.exhaustsResources)):
                break
            case .failure(let error):
                rejected.append((transaction.hash, error))
            }
        }
        let (trie, commit) = try finalize(&context, on: bestTrie)
        let unsealed = Header(
            parentHash: best.hash, number: number, stateRoot: H256(unchecked: commit.root),
            extrinsicsRoot: H256(unchecked: TrieRoot.extrinsicsRoot(of: extrinsics)),
            digest: Digest(logs: [BlockSeal.preRuntime(slot: slot)]))
        let header = BlockSeal.seal(unsealed, authority: authority)
        let block = ChainBlock(hash: header.hash, header: header, extrinsics: extrinsics)
        do {
            try database.importBlock(
                BlockRecord(
                    hash: block.hash.bytes, number: number, parentHash: best.hash.bytes, header: header.scaleEncoded,
                    body: Self.encodeBody(extrinsics)),
                commit: commit, metadata: [:])
        } catch {
            throw ChainError.storage("\(error)")
        }
        best = block
        bestTrie = trie
        return AuthoredBlock(block: block, included: included, rejected: rejected)
    }

    /// Finalizes the block in `context` and applies its changes to `parent`: the new state and what to store.
    private func finalize(_ context: inout RuntimeContext, on parent: Trie) throws -> (Trie, TrieCommit) {
        let post: StateOverlay
        do {
            post = try executive.finalizeBlock(context: &context)
        } catch let error as BlockError {
            throw ChainError.invalidBlock(error)
        }
        var trie = parent
        do {
            try trie.apply(post.changeset)
            return (trie, try trie.commit())
        } catch {
            throw ChainError.storage("\(error)")
        }
    }

    // MARK: - Import

    /// Imports a block produced elsewhere (another node, or a benchmark's author): checks the seal
    /// against `authority`, verifies every signature (in parallel across cores), re-executes it,
    /// and requires the header's extrinsics and state roots to match before committing.
    public func importBlock(_ block: Block, authority: [UInt8]) async throws {
        try await spec.withParameters { try await importWithParameters(block, authority: authority) }
    }

    private func importWithParameters(_ block: Block, authority: [UInt8]) async throws {
        let header = block.header
        guard header.parentHash == best.hash, header.number == best.header.number + 1 else {
            throw ChainError.invalidBlock(.unknownParent)
        }
        guard BlockSeal.verify(header, authority: authority) else { throw ChainError.invalidBlock(.badSeal) }
        guard H256(unchecked: TrieRoot.extrinsicsRoot(of: block.extrinsics)) == header.extrinsicsRoot else {
            throw ChainError.invalidBlock(.extrinsicsRootMismatch)
        }
        var preDigest = header.digest
        preDigest.logs.removeLast()
        let parentTrie = bestTrie
        var context = executive.initializeBlock(
            state: StateOverlay(base: TrieState(trie: parentTrie)), number: header.number, parentHash: header.parentHash, digest: preDigest)
        var decoded = [UncheckedExtrinsic]()
        var checks = [Executive.SignatureCheck?]()
        for (index, bytes) in block.extrinsics.enumerated() {
            let extrinsic: UncheckedExtrinsic
            do {
                extrinsic = try UncheckedExtrinsic(encoded: bytes, runtime: runtime)
            } catch {
                throw ChainError.invalidBlock(.invalidExtrinsic(index: index, reason: "\(error)"))
            }
            decoded.append(extrinsic)
            guard let signature = extrinsic.signature else {
                checks.append(nil)
                continue
            }
            do {
                checks.append(try executive.signatureCheck(extrinsic, signature: signature, state: context.state, blockNumber: header.number))
            } catch {
                throw ChainError.invalidBlock(.invalidExtrinsic(index: index, reason: "\(error)"))
            }
        }
        if let bad = await Self.verifyInParallel(checks) {
            throw ChainError.invalidBlock(.invalidExtrinsic(index: bad, reason: InvalidTransaction.badProof.message))
        }
        guard best.hash == header.parentHash else { throw ChainError.invalidBlock(.unknownParent) }
        for (index, extrinsic) in decoded.enumerated() {
            if case .failure(let error) = executive.applyExtrinsic(extrinsic, index: UInt32(index), context: &context, signatureVerified: true) {
                throw ChainError.invalidBlock(.invalidExtrinsic(index: index, reason: error.description))
            }
        }
        let (trie, commit) = try finalize(&context, on: parentTrie)
        guard commit.root == header.stateRoot.bytes else { throw ChainError.invalidBlock(.stateRootMismatch) }
        do {
            try database.importBlock(
                BlockRecord(
                    hash: header.hash.bytes, number: header.number, parentHash: header.parentHash.bytes,
                    header: header.scaleEncoded, body: Self.encodeBody(block.extrinsics)),
                commit: commit, metadata: [:])
        } catch {
            throw ChainError.storage("\(error)")
        }
        best = ChainBlock(hash: header.hash, header: header, extrinsics: block.extrinsics)
        bestTrie = trie
    }

    /// Verifies signatures on all cores; returns the index of the first invalid one, if any.
    static func verifyInParallel(_ checks: [Executive.SignatureCheck?]) async -> Int? {
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let chunk = max(1, (checks.count + workers - 1) / workers)
        return await withTaskGroup(of: Int?.self) { group in
            for start in stride(from: 0, to: checks.count, by: chunk) {
                group.addTask {
                    for index in start..<min(start + chunk, checks.count) {
                        if let check = checks[index], !check.verify() { return index }
                    }
                    return nil
                }
            }
            var firstBad: Int? = nil
            for await result in group {
                if let result { firstBad = min(firstBad ?? result, result) }
            }
            return firstBad
        }
    }
}
