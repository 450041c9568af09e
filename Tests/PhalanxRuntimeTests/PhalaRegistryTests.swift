import Foundation
import PhalanxAttestation
import PhalanxPrimitives
import PhalanxRuntime
import Testing

/// PhalaRegistry: attested registration (dev, IAS, DCAP), allow-list, gatekeepers, master key, origins.
@Suite struct PhalaRegistryTests {
    typealias K = PhalaKit

    @Test func devAttestationAcceptedWhenGenesisAllowsIt() throws {
        var chain = try RuntimeHarness()
        #expect(PhalaRegistry.attestationPolicy.value(K.state(chain))?.allowDev == true)
        let result = try K.registerDev(K.worker1, chain: &chain)
        #expect(throws: Never.self) { try result.get() }
        let worker = try #require(PhalaRegistry.workers.get(K.key(K.worker1), in: K.state(chain)))
        #expect(worker.attestationProvider == .dev)
        #expect(worker.confidenceLevel == 128)
        #expect(worker.ecdhPubkey == K.key(K.worker1))
        #expect(worker.lastUpdated == chain.time / 1_000)
        #expect(PhalaRegistry.workerAddedAt.get(K.key(K.worker1), in: K.state(chain)) == chain.number)
        // The worker lifecycle event for workers: SystemEvent::WorkerEvent{pubkey, Registered(WorkerInfo{128})}.
        let outbound = PhalaMq.outboundMessages.value(K.state(chain)) ?? []
        #expect(outbound.contains(MqMessage(
            sender: .pallet(Array("PhalaRegistry".utf8)), destination: PhalaTopic.systemEvent,
            payload: [0] + K.worker1.publicKey + [0, 128])))
    }

    @Test func registrationBenchmarkSetsTheScoreStakingNeeds() throws {
        var chain = try RuntimeHarness()
        let operatorAccount = RuntimeHarness.bob.accountId
        _ = try K.registerDev(K.worker1, chain: &chain, info: K.info(K.worker1, operator: operatorAccount)).get()
        let worker = H256(unchecked: K.worker1.publicKey)
        // The computation pallet knows the worker through the registry seam, without a score yet.
        let registered = try #require(PhalaComputation.workers.get(worker, in: K.state(chain)))
        #expect(registered.operator_ == operatorAccount && registered.confidenceLevel == 128 && registered.initialScore == nil)
        // The registry asked the worker to benchmark itself: WorkerEvent::BenchStart{duration: 8}.
        let outbound = PhalaMq.outboundMessages.value(K.state(chain)) ?? []
        #expect(outbound.contains { $0.destination == PhalaTopic.systemEvent && $0.payload == [0] + K.worker1.publicKey + [1, 8, 0, 0, 0] })
        // BenchReport{start_time, iterations}: 500 iterations over the 2 s before the next block → 500 · 6 / 2 = 1500.
        let start = chain.time + 6_000 - 2_000
        let report = K.signed(.worker(K.key(K.worker1)), PhalaTopic.registryEvent, [0] + start.scaleEncoded + UInt64(500).scaleEncoded, seq: 0, by: K.worker1)
        _ = try K.sync([report], chain: &chain)[0].get()
        #expect(PhalaRegistry.workers.get(K.key(K.worker1), in: K.state(chain))?.initialScore == 1_500)
        #expect(PhalaComputation.workers.get(worker, in: K.state(chain))?.initialScore == 1_500)
        let scored = PhalaMq.outboundMessages.value(K.state(chain)) ?? []
        #expect(scored.contains { $0.payload == [0] + K.worker1.publicKey + [2] + UInt32(1_500).scaleEncoded })
        // Scores are capped at 6000; a report starting in the future, or from an unknown worker, is refused.
        let huge = K.signed(.worker(K.key(K.worker1)), PhalaTopic.registryEvent, [0] + UInt64(0).scaleEncoded + UInt64.max.scaleEncoded, seq: 1, by: K.worker1)
        _ = try K.sync([huge], chain: &chain)[0].get()
        #expect(PhalaRegistry.workers.get(K.key(K.worker1), in: K.state(chain))?.initialScore == 6_000)
        let future = K.signed(.worker(K.key(K.worker1)), PhalaTopic.registryEvent, [0] + UInt64.max.scaleEncoded + UInt64(1).scaleEncoded, seq: 2, by: K.worker1)
        #expect(try K.sync([future], chain: &chain)[0].failure == K.error(PhalaRegistry.Error.invalidBenchReport, K.registryIndex))
        let stranger = K.signed(.worker(K.key(K.worker2)), PhalaTopic.registryEvent, [0] + start.scaleEncoded + UInt64(1).scaleEncoded, seq: 0, by: K.worker2)
        #expect(try K.sync([stranger], chain: &chain)[0].failure != nil)  // not a registered worker: the queue refuses it
        #expect(PhalaComputation.workers.get(H256(unchecked: K.worker2.publicKey), in: K.state(chain)) == nil)
    }

    @Test func computingWorkersHeartbeatThroughTheMessageQueue() throws {
        var chain = try RuntimeHarness()
        let bob = RuntimeHarness.bob
        _ = try K.registerDev(K.worker1, chain: &chain, info: K.info(K.worker1, operator: bob.accountId)).get()
        let report = K.signed(
            .worker(K.key(K.worker1)), PhalaTopic.registryEvent, [0] + (chain.time + 4_000).scaleEncoded + UInt64(2_000).scaleEncoded,
            seq: 0, by: K.worker1)
        _ = try K.sync([report], chain: &chain)[0].get()
        let worker = H256(unchecked: K.worker1.publicKey)
        let pid = PhalaBasePool.poolCount.value(K.state(chain)) ?? 0
        let nonce = chain.account(bob).nonce
        let pha: UInt128 = 1_000_000_000_000
        let calls: [PhalaStakePoolv2.Call] = [
            .create, .addWorker(pid: pid, pubkey: worker), .contribute(pid: pid, amount: 10_000 * pha, asVault: nil),
            .startComputing(pid: pid, worker: worker, stake: 10_000 * pha),
        ]
        for (offset, call) in calls.enumerated() {
            _ = try K.apply(&chain, [chain.sign(call, by: bob, nonce: nonce + UInt32(offset))])[0].get()
        }
        // WorkerEvent::Started{session_id, …} went to the worker, and each block now carries a HeartbeatChallenge.
        let session = try #require(PhalaComputation.workerBindings.get(worker, in: K.state(chain)))
        let info = try #require(PhalaComputation.sessions.get(session, in: K.state(chain)))
        let started = PhalaMq.outboundMessages.value(K.state(chain)) ?? []
        #expect(started.contains { $0.payload.starts(with: [0] + K.worker1.publicKey + [3] + info.sessionId.scaleEncoded) })
        _ = try K.apply(&chain, [])
        let challenge = PhalaMq.outboundMessages.value(K.state(chain))?.first { $0.destination == PhalaTopic.systemEvent && $0.payload.first == 1 }
        #expect(challenge?.payload == [1] + (PhalaComputation.heartbeatChallenge.value(K.state(chain))?.scaleEncoded ?? []))
        // HeartbeatV2{session_id, challenge_block, challenge_time, iterations, n_clusters, n_contracts} from the worker.
        func heartbeat(_ sessionId: UInt32, seq: UInt64) -> SignedMessage {
            K.signed(
                .worker(K.key(K.worker1)), PhalaTopic.miningReport,
                [1] + sessionId.scaleEncoded + chain.number.scaleEncoded + chain.time.scaleEncoded + UInt64(0).scaleEncoded
                    + UInt32(0).scaleEncoded + UInt32(0).scaleEncoded, seq: seq, by: K.worker1)
        }
        _ = try K.sync([heartbeat(info.sessionId, seq: 1)], chain: &chain)[0].get()
        let beat = try #require(PhalaComputation.sessions.get(session, in: K.state(chain)))
        #expect(beat.lastHeartbeat == chain.number)  // settled by this block's onFinalize
        #expect(try K.sync([heartbeat(info.sessionId &+ 1, seq: 2)], chain: &chain)[0].failure
                == K.error(PhalaComputation.Error.invalidReport, 20))
    }

    @Test func devAttestationRefusedWhenGenesisForbidsIt() throws {
        var chain = try RuntimeHarness()
        // Rebuild the genesis with dev attestation disallowed; the registry stores the flag.
        let strict = try GenesisConfig.devAccounts(sudo: "//Alice", allowDevAttestation: false).build(runtime: K.runtime)
        chain.state.apply(strict.changes)
        #expect(PhalaRegistry.attestationPolicy.value(K.state(chain))?.allowDev == false)
        let result = try K.registerDev(K.worker1, chain: &chain)
        #expect(result.failure == K.error(PhalaRegistry.Error.devAttestationNotAllowed, K.registryIndex))
        #expect(!PhalaRegistry.workers.contains(K.key(K.worker1), in: K.state(chain)))
    }

    @Test func devAttestationMustBindTheRegistrationInfo() throws {
        var chain = try RuntimeHarness()
        let other = K.info(K.worker1, operator: RuntimeHarness.charlie.accountId)
        // REPORTDATA binds different info (another operator): refused.
        let result = try K.registerDev(K.worker1, chain: &chain, reportData: other.reportDataHash + [UInt8](repeating: 0, count: 32))
        #expect(result.failure == K.error(PhalaRegistry.Error.invalidUserDataHash, K.registryIndex))
        // A statement for another worker key, even with matching REPORTDATA: refused.
        let info = K.info(K.worker2)
        let statement = try K.devStatement(
            worker: K.worker1.publicKey, reportData: info.reportDataHash + [UInt8](repeating: 0, count: 32),
            issuedAt: chain.time / 1_000)
        #expect(K.dispatch(PhalaRegistry.Call.registerWorkerV2(pruntimeInfo: info, attestation: .dev(statement: statement)),
                           origin: .signed(RuntimeHarness.bob.accountId), chain: &chain)
                == K.error(PhalaRegistry.Error.invalidUserDataHash, K.registryIndex))
        // No attestation at all: refused.
        #expect(K.dispatch(PhalaRegistry.Call.registerWorkerV2(pruntimeInfo: info, attestation: nil),
                           origin: .signed(RuntimeHarness.bob.accountId), chain: &chain)
                == K.error(PhalaRegistry.Error.noneAttestationDisabled, K.registryIndex))
        #expect(PhalaRegistry.workers.entries(in: K.state(chain)).isEmpty)
    }

    /// The Phala 2021 IAS report against an on-chain policy at the report's time.
    @Test func iasFixtureAgainstThePolicy() throws {
        let report = try IASReport(phalaJSON: try K.fixture("phala/ias_attestation_pallet_2021.json"))
        let evidence = AttestationReportEvidence.sgxIas(raReport: report.body, signature: report.signature, rawSigningCert: report.signingCertificate)
        let measurement = [UInt8](hex: "518422fa769d2d55982015a0e0417c6a8521fdfc7308f5ec18aaa1b6924bd0f300000000815f42f11cf64430c30bab7816ba596a1da0130c3b028b673133a66cf9a3e0e6")!
        try checkFixture(evidence: evidence, measurement: measurement, unixTime: 1_631_469_980 + 60, provider: .ias, level: 2)
    }

    /// The Phala DCAP sample quote with its collateral, at 2023-11-21T12:00:00Z.
    @Test func dcapFixtureAgainstThePolicy() throws {
        let quote = try K.fixture("phala/dcap_quote")
        let collateral = try K.fixture("phala/dcap_quote_collateral")
        let evidence = AttestationReportEvidence.sgxDcap(quote: quote, collateral: collateral)
        let time: UInt64 = 1_700_568_000
        let verified = try #require(AttestationVerifier.verify(
            .dcap(quote: quote, collateral: try DCAPCollateral(phalaSCALE: collateral)), policy: .default, unixTime: time).report)
        try checkFixture(evidence: evidence, measurement: AllowedEnclave.entry(of: verified), unixTime: time, provider: .dcap, level: 4)
        // The evidence survives the extrinsic wire format (bounded decoders included).
        let chain = try RuntimeHarness()
        let xt = chain.sign(PhalaRegistry.Call.registerWorkerV2(pruntimeInfo: K.info(K.worker1), attestation: evidence), by: RuntimeHarness.bob)
        let decoded = try UncheckedExtrinsic(encoded: xt.encoded, runtime: K.runtime)
        #expect(decoded.call.scaleEncoded == xt.call.scaleEncoded)
    }

    /// Accepted at the fixture's time when allow-listed and REPORTDATA is the given hash; refused when the
    /// measurement is not allow-listed, when REPORTDATA does not bind the registration info, and when stale.
    private func checkFixture(
        evidence: AttestationReportEvidence, measurement: [UInt8], unixTime: UInt64, provider: WorkerAttestationProvider, level: UInt8
    ) throws {
        var chain = try RuntimeHarness()
        chain.time = unixTime * 1_000 - 6_000
        _ = try chain.block([])
        #expect(Timestamp.current(in: K.state(chain)) == unixTime * 1_000)
        let bob = Origin.signed(RuntimeHarness.bob.accountId)
        let register = PhalaRegistry.Call.registerWorkerV2(pruntimeInfo: K.info(K.worker1), attestation: evidence)

        // Not allow-listed.
        #expect(K.dispatch(register, origin: bob, chain: &chain) == K.error(PhalaRegistry.Error.pruntimeRejected, K.registryIndex))
        #expect(K.dispatch(PhalaRegistry.Call.addPruntime(pruntimeHash: measurement), chain: &chain) == nil)
        #expect(PhalaRegistry.pruntimeAllowList.value(K.state(chain)) == [measurement])

        // Allow-listed, but REPORTDATA was not made from this registration info.
        #expect(K.dispatch(register, origin: bob, chain: &chain) == K.error(PhalaRegistry.Error.invalidUserDataHash, K.registryIndex))
        #expect(!PhalaRegistry.workers.contains(K.key(K.worker1), in: K.state(chain)))

        // The same verification accepts it when the expected hash is what the enclave bound (Phala's own fixture check).
        let parsed = try #require(try evidenceOf(evidence))
        let verified = AttestationVerifier.verify(parsed, policy: AttestationPolicy(allowedTCBStatuses: TCBStatus.allCases), unixTime: unixTime)
        let reportData = try #require(verified.report).reportData
        let report = try PhalaRegistry.verifyAttestation(
            evidence, userDataHash: Array(reportData.prefix(32)), workerKey: K.key(K.worker1), in: K.state(chain))
        #expect(WorkerAttestationProvider(rawValue: provider == .ias ? 1 : 2) == provider)
        #expect(report.provider == (provider == .ias ? AttestationProvider.ias : .dcap))
        #expect(report.confidenceLevel == level)

        // Removing the measurement refuses it again.
        #expect(K.dispatch(PhalaRegistry.Call.removePruntime(pruntimeHash: measurement), chain: &chain) == nil)
        #expect(throws: PhalaRegistry.Error.pruntimeRejected) {
            try PhalaRegistry.verifyAttestation(evidence, userDataHash: Array(reportData.prefix(32)), workerKey: K.key(K.worker1), in: K.state(chain))
        }
    }

    private func evidenceOf(_ evidence: AttestationReportEvidence) throws -> AttestationEvidence? {
        switch evidence {
        case .sgxIas(let body, let signature, let cert): .ias(IASReport(body: body, signature: signature, signingCertificate: cert))
        case .sgxDcap(let quote, let collateral): .dcap(quote: quote, collateral: try DCAPCollateral(phalaSCALE: collateral ?? []))
        case .dev(let statement): .dev(try DevAttestation(bytes: statement))
        }
    }

    @Test func iasFixtureRefusedWhenStale() throws {
        var chain = try RuntimeHarness()
        chain.time = (1_631_469_980 + 3 * 3600) * 1_000
        _ = try chain.block([])
        let report = try IASReport(phalaJSON: try K.fixture("phala/ias_attestation_pallet_2021.json"))
        let evidence = AttestationReportEvidence.sgxIas(raReport: report.body, signature: report.signature, rawSigningCert: report.signingCertificate)
        #expect(throws: PhalaRegistry.Error.outdatedReport) {
            try PhalaRegistry.verifyAttestation(evidence, userDataHash: [], workerKey: K.key(K.worker1), in: K.state(chain))
        }
    }

    @Test func gatekeeperRegistrationMasterKeyAndRotation() throws {
        var chain = try RuntimeHarness()
        // Only registered workers can become gatekeepers.
        #expect(K.dispatch(PhalaRegistry.Call.registerGatekeeper(gatekeeper: K.key(K.worker1)), chain: &chain)
                == K.error(PhalaRegistry.Error.workerNotFound, K.registryIndex))
        _ = try K.registerDev(K.worker1, chain: &chain).get()
        #expect(K.dispatch(PhalaRegistry.Call.registerGatekeeper(gatekeeper: K.key(K.worker1)), chain: &chain) == nil)
        #expect(PhalaRegistry.gatekeeper.value(K.state(chain)) == [K.key(K.worker1)])
        // GatekeeperLaunch::FirstGatekeeper{pubkey, ecdh_pubkey} for the workers.
        let launch = MqMessage(
            sender: .pallet(Array("PhalaRegistry".utf8)), destination: PhalaTopic.gatekeeperLaunch,
            payload: [0] + K.worker1.publicKey + K.worker1.publicKey)
        #expect(PhalaMq.outboundMessages.value(K.state(chain))?.contains(launch) == true)
        #expect(K.dispatch(PhalaRegistry.Call.unregisterGatekeeper(gatekeeper: K.key(K.worker1)), chain: &chain)
                == K.error(PhalaRegistry.Error.cannotRemoveLastGatekeeper, K.registryIndex))

        // A non-gatekeeper worker cannot announce a master key.
        _ = try K.registerDev(K.worker2, chain: &chain).get()
        let forged = K.signed(.worker(K.key(K.worker2)), PhalaTopic.registryEvent, [1] + K.master.publicKey, seq: 0, by: K.worker2)
        #expect(try K.sync([forged], chain: &chain)[0].failure == K.error(PhalaRegistry.Error.invalidSender, K.registryIndex))
        #expect(PhalaRegistry.gatekeeperMasterPubkey.get(K.state(chain)) == nil)

        // The gatekeeper's signed message sets the master public key.
        let announce = K.signed(.worker(K.key(K.worker1)), PhalaTopic.registryEvent, [1] + K.master.publicKey, seq: 0, by: K.worker1)
        _ = try K.sync([announce], chain: &chain)[0].get()
        #expect(PhalaRegistry.gatekeeperMasterPubkey.get(K.state(chain)) == K.key(K.master))
        #expect(PhalaRegistry.gatekeeperLaunchedAt.get(K.state(chain))?.block == chain.number)

        // Second gatekeeper, then removal of one.
        #expect(K.dispatch(PhalaRegistry.Call.registerGatekeeper(gatekeeper: K.key(K.worker2)), chain: &chain) == nil)
        #expect(K.dispatch(PhalaRegistry.Call.unregisterGatekeeper(gatekeeper: K.key(K.worker2)), chain: &chain) == nil)
        #expect(PhalaRegistry.gatekeeper.value(K.state(chain)) == [K.key(K.worker1)])

        // Rotation: governance starts it; the Gatekeeper origin (old master key) completes it.
        #expect(K.dispatch(PhalaRegistry.Call.rotateMasterKey, chain: &chain) == nil)
        #expect(PhalaRegistry.masterKeyRotationLock.get(K.state(chain)) == 1)
        #expect(K.dispatch(PhalaRegistry.Call.rotateMasterKey, chain: &chain) == K.error(PhalaRegistry.Error.masterKeyInRotation, K.registryIndex))
        let wrongSigner = K.signed(.gatekeeper, PhalaTopic.registryGatekeeperEvent, [0] + UInt64(1).scaleEncoded + K.master2.publicKey, seq: 0, by: K.master2)
        #expect(try K.sync([wrongSigner], chain: &chain)[0].failure == K.error(PhalaMq.Error.badSignature, K.mqIndex))
        let rotated = K.signed(.gatekeeper, PhalaTopic.registryGatekeeperEvent, [0] + UInt64(1).scaleEncoded + K.master2.publicKey, seq: 0, by: K.master)
        _ = try K.sync([rotated], chain: &chain)[0].get()
        #expect(PhalaRegistry.gatekeeperMasterPubkey.get(K.state(chain)) == K.key(K.master2))
        #expect(PhalaRegistry.masterKeyRotationLock.get(K.state(chain)) == nil)
        #expect(PhalaRegistry.rotationCounter.value(K.state(chain)) == 1)
    }

    @Test func signedAccountCannotCallGovernanceCalls() throws {
        var chain = try RuntimeHarness()
        _ = try K.registerDev(K.worker1, chain: &chain).get()
        let measurement = [UInt8](repeating: 1, count: 68)
        let calls: [PhalaRegistry.Call] = [
            .addPruntime(pruntimeHash: measurement), .registerGatekeeper(gatekeeper: K.key(K.worker1)), .rotateMasterKey,
            .forceRegisterWorker(pubkey: K.key(K.worker2), ecdhPubkey: K.key(K.worker2), operator: nil),
            .setAttestationPolicy(policy: .standard(allowDev: false)),
        ]
        let before = chain.state.values.filter { $0.key.starts(with: twox_128(Array("PhalaRegistry".utf8))) }
        let results = try PhalaKit.apply(&chain, calls.enumerated().map { offset, call in
            chain.sign(call, by: RuntimeHarness.bob, nonce: chain.account(RuntimeHarness.bob).nonce + UInt32(offset))
        })
        #expect(results.map(\.failure) == Array(repeating: DispatchError.badOrigin, count: calls.count))
        let after = chain.state.values.filter { $0.key.starts(with: twox_128(Array("PhalaRegistry".utf8))) }
        #expect(before == after)
        // Root may.
        #expect(K.dispatch(PhalaRegistry.Call.addPruntime(pruntimeHash: measurement), chain: &chain) == nil)
        #expect(K.dispatch(PhalaRegistry.Call.addPruntime(pruntimeHash: [1, 2]), chain: &chain)
                == K.error(PhalaRegistry.Error.invalidMeasurement, K.registryIndex))
    }

    @Test func workerEndpointsSignedByTheWorker() throws {
        var chain = try RuntimeHarness()
        _ = try K.registerDev(K.worker1, chain: &chain).get()
        let payload = WorkerEndpointPayload(pubkey: K.key(K.worker1), endpoints: ["http://127.0.0.1:8000"], signingTime: chain.time / 1_000 - 1)
        let bob = Origin.signed(RuntimeHarness.bob.accountId)
        #expect(K.dispatch(PhalaRegistry.Call.updateWorkerEndpoint(endpointPayload: payload, signature: K.worker2.sign(payload.signedBytes)),
                           origin: bob, chain: &chain) == K.error(PhalaRegistry.Error.invalidEndpointSignature, K.registryIndex))
        #expect(K.dispatch(PhalaRegistry.Call.updateWorkerEndpoint(endpointPayload: payload, signature: K.worker1.sign(payload.signedBytes)),
                           origin: bob, chain: &chain) == nil)
        #expect(PhalaRegistry.endpoints.get(K.key(K.worker1), in: K.state(chain)) == ["http://127.0.0.1:8000"])
    }
}

extension Result {
    /// The failure, if any.
    var failure: Failure? { if case .failure(let error) = self { error } else { nil } }
}
