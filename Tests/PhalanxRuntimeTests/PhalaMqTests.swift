import PhalanxPrimitives
import PhalanxRuntime
import Testing

/// PhalaMq: per-sender sequences, signatures by registered keys, the pool rule, outbound clearing.
@Suite struct PhalaMqTests {
    typealias K = PhalaKit

    @Test func sequencesInOrderAcceptedReplayAndGapsRefused() throws {
        var chain = try RuntimeHarness()
        _ = try K.registerDev(K.worker1, chain: &chain).get()
        let sender = MessageOrigin.worker(K.key(K.worker1))
        let topic = Array("phala/test/topic".utf8)
        let m0 = K.signed(sender, topic, [0xAA], seq: 0, by: K.worker1)
        let m1 = K.signed(sender, topic, [0xBB], seq: 1, by: K.worker1)
        let results = try K.sync([m0, m1], chain: &chain)
        #expect(results.allSatisfy { $0.failure == nil })
        #expect(PhalaMq.expectedSequence(of: sender, in: K.state(chain)) == 2)
        #expect(PhalaMq.outboundMessages.value(K.state(chain)) == [m0.message, m1.message])

        // Replay of 1 and a gap (3 while 2 is expected): refused, nothing changes.
        let replay = K.signed(sender, topic, [0xBB], seq: 1, by: K.worker1)
        let gap = K.signed(sender, topic, [0xCC], seq: 3, by: K.worker1)
        let refused = try K.sync([replay, gap], chain: &chain)
        #expect(refused.map(\.failure) == [K.error(PhalaMq.Error.badSequence, K.mqIndex), K.error(PhalaMq.Error.badSequence, K.mqIndex)])
        #expect(PhalaMq.expectedSequence(of: sender, in: K.state(chain)) == 2)
        // Outbound messages are cleared at the start of each block.
        #expect(PhalaMq.outboundMessages.value(K.state(chain)) == [])
    }

    @Test func badSignaturesAndUnknownSendersRefused() throws {
        var chain = try RuntimeHarness()
        _ = try K.registerDev(K.worker1, chain: &chain).get()
        let topic = Array("phala/test/topic".utf8)
        // Signed by another key.
        let forged = K.signed(.worker(K.key(K.worker1)), topic, [1], seq: 0, by: K.worker2)
        // A valid signature, then one byte of the payload changed.
        var tampered = K.signed(.worker(K.key(K.worker1)), topic, [1], seq: 0, by: K.worker1)
        tampered.message.payload = [2]
        // An unregistered worker, a cluster and contract without keys, the gatekeeper before launch.
        let unregistered = K.signed(.worker(K.key(K.worker2)), topic, [1], seq: 0, by: K.worker2)
        let cluster = K.signed(.cluster(PhalaPhatContracts.clusterId(1)), topic, [1], seq: 0, by: K.clusterKey)
        let gatekeeper = K.signed(.gatekeeper, topic, [1], seq: 0, by: K.master)
        // On-chain senders cannot use sync_offchain_message; bad topics are refused.
        let account = K.signed(.accountId(H256(unchecked: RuntimeHarness.bob.publicKey)), topic, [1], seq: 0, by: RuntimeHarness.bob)
        let badTopic = K.signed(.worker(K.key(K.worker1)), Array("/bad".utf8), [1], seq: 0, by: K.worker1)
        let results = try K.sync([forged, tampered, unregistered, cluster, gatekeeper, account, badTopic], chain: &chain)
        #expect(results.map(\.failure) == [
            K.error(PhalaMq.Error.badSignature, K.mqIndex), K.error(PhalaMq.Error.badSignature, K.mqIndex),
            K.error(PhalaMq.Error.unknownSender, K.mqIndex), K.error(PhalaMq.Error.unknownSender, K.mqIndex),
            K.error(PhalaMq.Error.unknownSender, K.mqIndex), K.error(PhalaMq.Error.badSender, K.mqIndex),
            K.error(PhalaMq.Error.badDestination, K.mqIndex),
        ])
        #expect(PhalaMq.expectedSequence(of: .worker(K.key(K.worker1)), in: K.state(chain)) == 0)
        #expect(PhalaMq.outboundMessages.value(K.state(chain)) == [])
    }

    @Test func poolRejectsStaleAndHoldsBackFutureSequences() throws {
        var chain = try RuntimeHarness()
        _ = try K.registerDev(K.worker1, chain: &chain).get()
        let sender = MessageOrigin.worker(K.key(K.worker1))
        let topic = Array("phala/test/topic".utf8)
        _ = try K.sync([K.signed(sender, topic, [0], seq: 0, by: K.worker1)], chain: &chain)[0].get()
        func validate(_ seq: UInt64) -> Result<ValidTransaction, TransactionValidityError> {
            let xt = chain.sign(PhalaMq.Call.syncOffchainMessage(signedMessage: K.signed(sender, topic, [1], seq: seq, by: K.worker1)),
                                by: RuntimeHarness.charlie)
            return chain.executive.validateTransaction(xt, bestState: chain.state, bestHash: chain.bestHash, bestNumber: chain.number)
        }
        #expect(validate(0).failure == .invalid(.stale))
        let next = try validate(1).get()
        #expect(next.provides.contains(PhalaMq.tag(sender, 1)))
        #expect(!next.requires.contains(PhalaMq.tag(sender, 0)))
        let ahead = try validate(3).get()
        #expect(ahead.requires.contains(PhalaMq.tag(sender, 2)))
        #expect(ahead.provides.contains(PhalaMq.tag(sender, 3)))
        #expect(PhalaMq.tag(sender, 3) == Array("PhalaMqOffchainMessages".utf8).scaleEncoded + sender.scaleEncoded + UInt64(3).scaleEncoded)
    }

    @Test func pushMessageFromAccountsAndGovernance() throws {
        var chain = try RuntimeHarness()
        let topic = Array("phala/custom".utf8)
        let results = try K.apply(&chain, [chain.sign(PhalaMq.Call.pushMessage(destination: topic, payload: [9]), by: RuntimeHarness.bob)])
        #expect(results[0].failure == nil)
        #expect(PhalaMq.outboundMessages.value(K.state(chain)) == [
            MqMessage(sender: .accountId(H256(unchecked: RuntimeHarness.bob.publicKey)), destination: topic, payload: [9])
        ])
        // On-chain-only topics are not forwarded.
        _ = try K.apply(&chain, [chain.sign(PhalaMq.Call.pushMessage(destination: Array("^phala/x".utf8), payload: [9]), by: RuntimeHarness.bob)])
        #expect(PhalaMq.outboundMessages.value(K.state(chain)) == [])
        #expect(K.dispatch(PhalaMq.Call.forcePushPalletMessage(destination: topic, payload: [1]),
                           origin: .signed(RuntimeHarness.bob.accountId), chain: &chain) == .badOrigin)
        #expect(K.dispatch(PhalaMq.Call.forcePushPalletMessage(destination: topic, payload: [1]), chain: &chain) == nil)
    }

    /// Deterministic pseudo-random bytes and truncations never crash the Phala call decoders.
    @Test func randomBytesNeverCrashTheDecoders() throws {
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt8 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: seed >> 33)
        }
        let quote = try K.fixture("phala/dcap_quote")
        let valid = PhalaRegistry.Call.registerWorkerV2(
            pruntimeInfo: K.info(K.worker1), attestation: .sgxDcap(quote: quote, collateral: try K.fixture("phala/dcap_quote_collateral")))
            .scaleEncoded
        for round in 0..<400 {
            let length = Int(next()) % 200
            var bytes = (0..<length).map { _ in next() }
            if let first = bytes.first { bytes[0] = [0, 1, 3, 4, 7, 8, 9, 16][Int(first) % 8] }
            _ = try? PhalaMq.Call.decode(scale: bytes)
            _ = try? PhalaRegistry.Call.decode(scale: bytes)
            _ = try? PhalaPhatContracts.Call.decode(scale: bytes)
            _ = try? ContractCommandPayload.decode(scale: bytes)
            var mutated = valid
            mutated[Int(next()) % mutated.count] ^= next() | 1
            _ = try? PhalaRegistry.Call.decode(scale: Array(mutated.prefix(mutated.count - round)))
        }
        #expect(try PhalaRegistry.Call.decode(scale: valid).scaleEncoded == valid)
    }

    @Test func malformedSignedMessagesDoNotDecode() throws {
        let message = K.signed(.worker(K.key(K.worker1)), Array("phala/t".utf8), [1, 2, 3], seq: 7, by: K.worker1)
        let call = PhalaMq.Call.syncOffchainMessage(signedMessage: message)
        let encoded = call.scaleEncoded
        #expect(try PhalaMq.Call.decode(scale: encoded).scaleEncoded == encoded)
        for cut in [1, 10, encoded.count - 1] {
            #expect(throws: (any Error).self) { try PhalaMq.Call.decode(scale: Array(encoded.prefix(cut))) }
        }
        // A payload length far beyond the input is refused before allocating.
        var huge = [UInt8(0), 2] + K.key(K.worker1).scaleEncoded + Array("phala/t".utf8).scaleEncoded
        huge += [0xff, 0xff, 0xff, 0x7f]
        #expect(throws: (any Error).self) { try PhalaMq.Call.decode(scale: huge) }
    }
}
