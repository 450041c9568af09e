import PhalanxNode
import PhalanxPrimitives
import PhalanxRuntime
import Testing

/// The pool's ordering, replacement, future queue and limits.
@Suite struct TransactionPoolTests {
    static let runtime = PhalanxRuntime.definition
    static let genesis = H256(unchecked: blake2_256([1]))
    static let alice = try! KeyPair(uri: "//Alice")
    static let bob = try! KeyPair(uri: "//Bob")

    static func transfer(_ signer: KeyPair, nonce: UInt32, tip: UInt128 = 0, value: UInt128 = 1) -> UncheckedExtrinsic {
        let call = RuntimeCall(Balances.Call.transferAllowDeath(dest: .id(bob.accountId), value: value), in: runtime)
        let context = SigningContext(specVersion: 1, transactionVersion: 1, genesisHash: genesis, eraBlockHash: genesis)
        return UncheckedExtrinsic(call: call, signer: signer, extra: SignedExtra(nonce: nonce, tip: tip), context: context)
    }

    static func valid(_ tip: UInt64) -> ValidTransaction { ValidTransaction(priority: tip, requires: [], provides: [], longevity: .max) }

    @Test func futureTransactionsWaitForTheGapAndAreThenPromoted() throws {
        var pool = TransactionPool()
        let second = Self.transfer(Self.alice, nonce: 1)
        #expect(try pool.insert(second, validity: Self.valid(0), accountNonce: 0) == [.future(second.hash)])
        #expect(pool.readyTransactions().isEmpty)
        let first = Self.transfer(Self.alice, nonce: 0)
        #expect(try pool.insert(first, validity: Self.valid(0), accountNonce: 0) == [.ready(first.hash), .ready(second.hash)])
        #expect(pool.readyTransactions().map(\.hash) == [first.hash, second.hash])
    }

    @Test func higherTipReplacesSameNonceAndLowerIsRefused() throws {
        var pool = TransactionPool()
        let cheap = Self.transfer(Self.alice, nonce: 0, tip: 1)
        let rich = Self.transfer(Self.alice, nonce: 0, tip: 5)
        _ = try pool.insert(cheap, validity: Self.valid(1), accountNonce: 0)
        let changes = try pool.insert(rich, validity: Self.valid(5), accountNonce: 0)
        #expect(changes.contains(.usurped(cheap.hash, by: rich.hash)))
        #expect(pool.count == 1)
        #expect(throws: PoolError.tooLowPriority(existingTip: 5)) {
            try pool.insert(Self.transfer(Self.alice, nonce: 0, tip: 5, value: 2), validity: Self.valid(5), accountNonce: 0)
        }
        #expect(throws: PoolError.alreadyImported) { try pool.insert(rich, validity: Self.valid(5), accountNonce: 0) }
    }

    @Test func blocksTakeHigherTipsFirstButKeepNonceOrder() throws {
        var pool = TransactionPool()
        let a0 = Self.transfer(Self.alice, nonce: 0, tip: 1)
        let a1 = Self.transfer(Self.alice, nonce: 1, tip: 100)
        let b0 = Self.transfer(Self.bob, nonce: 0, tip: 10)
        for (tx, tip) in [(a0, UInt64(1)), (a1, 100), (b0, 10)] { _ = try pool.insert(tx, validity: Self.valid(tip), accountNonce: 0) }
        #expect(pool.readyTransactions().map(\.hash) == [b0.hash, a0.hash, a1.hash])
        #expect(pool.readyTransactions(limit: 1).map(\.hash) == [b0.hash])
    }

    @Test func importedBlocksRemoveIncludedAndStaleTransactions() throws {
        var pool = TransactionPool()
        let a0 = Self.transfer(Self.alice, nonce: 0)
        let a1 = Self.transfer(Self.alice, nonce: 1)
        let a3 = Self.transfer(Self.alice, nonce: 3)
        for tx in [a0, a1, a3] { _ = try pool.insert(tx, validity: Self.valid(0), accountNonce: 0) }
        // a0 was included; the chain nonce is now 3 because other transactions used 1 and 2.
        let changes = pool.blockImported(included: [a0.hash]) { _ in 3 }
        #expect(changes.contains(.invalid(a1.hash)))
        #expect(changes.contains(.ready(a3.hash)))
        #expect(pool.readyTransactions().map(\.hash) == [a3.hash])
    }

    @Test func fullPoolDropsTheLeastValuableOrRefuses() throws {
        var pool = TransactionPool(limits: .init(count: 2, bytes: 1 << 20))
        let a5 = Self.transfer(Self.alice, nonce: 5, tip: 0)
        let b0 = Self.transfer(Self.bob, nonce: 0, tip: 3)
        _ = try pool.insert(a5, validity: Self.valid(0), accountNonce: 0)
        _ = try pool.insert(b0, validity: Self.valid(3), accountNonce: 0)
        let charlie = try KeyPair(uri: "//Charlie")
        let c0 = Self.transfer(charlie, nonce: 0, tip: 7)
        #expect(try pool.insert(c0, validity: Self.valid(7), accountNonce: 0).contains(.dropped(a5.hash)))
        #expect(pool.count == 2)
        let c9 = Self.transfer(charlie, nonce: 9, tip: 0)
        #expect(throws: PoolError.immediatelyDropped) { try pool.insert(c9, validity: Self.valid(0), accountNonce: 0) }
    }

    @Test func palletTagsHoldTransactionsBackUntilProvided() throws {
        // Two relayers submit one origin's messages out of order: sequence 1 (from Bob) requires the tag of
        // sequence 0 (from Alice). Bob's message waits until Alice's is in the block being built or in a block.
        var pool = TransactionPool()
        let seq0 = Self.transfer(Self.alice, nonce: 0), seq1 = Self.transfer(Self.bob, nonce: 0, tip: 9)
        let tag0: [UInt8] = Array("mq/0".utf8), tag1: [UInt8] = Array("mq/1".utf8)
        _ = try pool.insert(seq1, validity: ValidTransaction(priority: 9, requires: [tag0], provides: [tag1], longevity: .max), accountNonce: 0)
        #expect(pool.readyTransactions().isEmpty)
        _ = try pool.insert(seq0, validity: ValidTransaction(priority: 0, requires: [], provides: [tag0], longevity: .max), accountNonce: 0)
        // Bob tips more, but goes after the transaction providing his tag.
        #expect(pool.readyTransactions().map(\.hash) == [seq0.hash, seq1.hash])
        #expect(pool.readyTransactions(limit: 1).map(\.hash) == [seq0.hash])
        // Once Alice's message is in a block, Bob's is ready on its own.
        _ = pool.blockImported(included: [seq0.hash]) { $0 == Self.alice.accountId ? 1 : 0 }
        #expect(pool.readyTransactions().map(\.hash) == [seq1.hash])
    }
}
