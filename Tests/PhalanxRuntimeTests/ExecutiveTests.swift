import PhalanxPrimitives
import PhalanxRuntime
import Testing

/// Block execution: fees, nonces, events, failures rolled back, invalid transactions excluded.
@Suite struct ExecutiveTests {
    @Test func transferChargesFeeAndEmitsEventsInOrder() throws {
        var chain = try RuntimeHarness()
        let aliceBefore = chain.account(RuntimeHarness.alice)
        let bobBefore = chain.account(RuntimeHarness.bob)
        let issuanceBefore = chain.totalIssuance
        let potBefore = System.accountInfo(Treasury.account, in: StateOverlay(base: chain.state)).data.free
        let amount = Balances.dollars
        let transfer = chain.sign(Balances.Call.transferKeepAlive(dest: .id(RuntimeHarness.bob.accountId), value: amount), by: RuntimeHarness.alice)
        let (outcomes, _) = try chain.block([transfer])
        let outcome = try outcomes[0].get()
        #expect(throws: Never.self) { try outcome.result.get() }
        #expect(outcome.fee > 0)

        let aliceAfter = chain.account(RuntimeHarness.alice)
        #expect(aliceAfter.nonce == aliceBefore.nonce + 1)
        #expect(aliceAfter.data.free == aliceBefore.data.free - amount - outcome.fee)
        #expect(chain.account(RuntimeHarness.bob).data.free == bobBefore.data.free + amount)
        // Fees are paid into the treasury pot, so issuance is unchanged.
        #expect(chain.totalIssuance == issuanceBefore)
        #expect(System.accountInfo(Treasury.account, in: StateOverlay(base: chain.state)).data.free == potBefore + outcome.fee)
    }

    @Test func failedDispatchKeepsFeeAndNonceButRollsBackTheCall() throws {
        var chain = try RuntimeHarness()
        let before = chain.account(RuntimeHarness.alice)
        let tooMuch = chain.sign(
            Balances.Call.transferKeepAlive(dest: .id(RuntimeHarness.bob.accountId), value: before.data.free * 2), by: RuntimeHarness.alice)
        let (outcomes, _) = try chain.block([tooMuch])
        let outcome = try outcomes[0].get()
        guard case .failure(let error) = outcome.result else { Issue.record("expected failure"); return }
        #expect(error == .module(index: 2, error: Balances.Error.insufficientBalance.rawValue))
        let after = chain.account(RuntimeHarness.alice)
        #expect(after.nonce == before.nonce + 1)
        #expect(after.data.free == before.data.free - outcome.fee)
    }

    @Test func invalidTransactionsAreExcluded() throws {
        var chain = try RuntimeHarness()
        let call = Balances.Call.transferAllowDeath(dest: .id(RuntimeHarness.bob.accountId), value: 1_000)
        let stale = chain.sign(call, by: RuntimeHarness.alice, nonce: 0)
        _ = try chain.block([stale])
        let before = chain.account(RuntimeHarness.alice)

        let replay = chain.sign(call, by: RuntimeHarness.alice, nonce: 0)
        let future = chain.sign(call, by: RuntimeHarness.alice, nonce: 5)
        var forged = chain.sign(call, by: RuntimeHarness.alice)
        forged = UncheckedExtrinsic(call: forged.call, signature: ExtrinsicSignature(
            address: .id(RuntimeHarness.bob.accountId), signature: forged.signature!.signature, extra: forged.signature!.extra))
        let poor = chain.sign(call, by: try KeyPair(uri: "//Nobody"))
        let (outcomes, _) = try chain.block([replay, future, forged, poor])
        #expect(outcomes.map { result -> TransactionValidityError? in
            if case .failure(let error) = result { return error } else { return nil }
        } == [.invalid(.stale), .invalid(.future), .invalid(.badProof), .invalid(.payment)])
        #expect(chain.account(RuntimeHarness.alice) == before)
    }

    @Test func poolValidationReportsTagsAndReasons() throws {
        let chain = try RuntimeHarness()
        let call = Balances.Call.transferAllowDeath(dest: .id(RuntimeHarness.bob.accountId), value: 1_000)
        let executive = chain.executive
        let ready = try executive.validateTransaction(chain.sign(call, by: RuntimeHarness.alice, tip: 7), bestState: chain.state, bestHash: chain.bestHash, bestNumber: 0).get()
        #expect(ready.requires.isEmpty)
        #expect(ready.provides == [Executive.tag(RuntimeHarness.alice.accountId, 0)])
        #expect(ready.priority == 7)
        let future = try executive.validateTransaction(chain.sign(call, by: RuntimeHarness.alice, nonce: 3), bestState: chain.state, bestHash: chain.bestHash, bestNumber: 0).get()
        #expect(future.requires == [Executive.tag(RuntimeHarness.alice.accountId, 2)])
        let inherent = UncheckedExtrinsic(unsigned: RuntimeCall(Timestamp.Call.set(now: 1), in: chain.runtime))
        #expect(throws: TransactionValidityError.invalid(.call)) {
            try executive.validateTransaction(inherent, bestState: chain.state, bestHash: chain.bestHash, bestNumber: 0).get()
        }
    }

    @Test func mortalTransactionsNeedAKnownBirthBlock() throws {
        var chain = try RuntimeHarness()
        for _ in 0..<3 { _ = try chain.block([]) }
        let call = System.Call.remark(remark: [1, 2, 3])
        let mortal = chain.sign(call, by: RuntimeHarness.alice, era: .mortal(period: 64, phase: 3))
        let (outcomes, _) = try chain.block([mortal])
        #expect(throws: Never.self) { try outcomes[0].get() }
        let wrongPhase = chain.sign(call, by: RuntimeHarness.alice, era: .mortal(period: 4, phase: 0))
        var tampered = wrongPhase
        tampered = UncheckedExtrinsic(call: tampered.call, signature: ExtrinsicSignature(
            address: wrongPhase.signature!.address, signature: wrongPhase.signature!.signature,
            extra: SignedExtra(era: .mortal(period: 4, phase: 1), nonce: wrongPhase.signature!.extra.nonce)))
        let (second, _) = try chain.block([tampered])
        #expect(throws: TransactionValidityError.self) { try second[0].get() }
    }

    @Test func blocksWithoutTimestampAreRejected() throws {
        let chain = try RuntimeHarness()
        var context = chain.executive.initializeBlock(state: StateOverlay(base: chain.state), number: 1, parentHash: chain.genesisHash, digest: Digest())
        #expect(throws: BlockError.missingTimestamp) { try chain.executive.finalizeBlock(context: &context) }
    }

    @Test func sudoDispatchesAsRootAndOthersCannot() throws {
        var chain = try RuntimeHarness()
        let target = try KeyPair(uri: "//Sudoed")
        let inner = RuntimeCall(Balances.Call.forceSetBalance(who: .id(target.accountId), newFree: 5 * Balances.dollars), in: chain.runtime)
        let bySudo = chain.sign(Sudo.Call.sudo(call: inner), by: RuntimeHarness.alice)
        let byBob = chain.sign(Sudo.Call.sudo(call: inner), by: RuntimeHarness.bob)
        let (outcomes, _) = try chain.block([bySudo, byBob])
        #expect(throws: Never.self) { try outcomes[0].get().result.get() }
        #expect(try outcomes[1].get().result == .failure(.module(index: 4, error: 0)))
        #expect(chain.account(target).data.free == 5 * Balances.dollars)
    }

    @Test func deeplyNestedCallsAreRejectedNotOverflowed() throws {
        let chain = try RuntimeHarness()
        var call = RuntimeCall(System.Call.remark(remark: []), in: chain.runtime)
        for _ in 0..<20 { call = RuntimeCall(Sudo.Call.sudo(call: call), in: chain.runtime) }
        var decoder = ScaleDecoder(call.scaleEncoded)
        #expect(throws: ScaleError.self) { try RuntimeCall(from: &decoder, runtime: chain.runtime) }
        // A bomb of nested sudo prefixes with no end never crashes either.
        var bomb = ScaleDecoder([UInt8](repeating: 4, count: 200_000).enumerated().map { $0.offset % 2 == 0 ? 4 : 0 })
        #expect(throws: ScaleError.self) { try RuntimeCall(from: &bomb, runtime: chain.runtime) }
    }
}
