import PhalanxPrimitives
import PhalanxRuntime
import Testing

/// PhalaPhatContracts: clusters, membership, code upload limit, instantiation, contract keys, commands.
@Suite struct PhalaPhatContractsTests {
    typealias K = PhalaKit
    static let alice = RuntimeHarness.alice
    static let bob = RuntimeHarness.bob

    @Test func clusterCreationAndWorkerMembership() throws {
        var chain = try RuntimeHarness()
        let cluster = try K.launchCluster(&chain)
        let state = K.state(chain)
        #expect(cluster == H256(hex: "0x0000000000000000000000000000000000000000000000000000000000000001"))
        #expect(PhalaPhatContracts.clusterCounter.value(state) == 1)
        let info = try #require(PhalaPhatContracts.clusters.get(cluster, in: state))
        #expect(info.owner == Self.alice.accountId)
        #expect(PhalaPhatContracts.clusterWorkers.value(cluster, in: state) == [K.key(K.worker1)])
        #expect(PhalaPhatContracts.clusterByWorkers.get(K.key(K.worker1), in: state) == cluster)
        #expect(PhalaRegistry.clusterKeys.get(cluster, in: state) == K.key(K.clusterKey))
        #expect(Balances.account(PhalaPhatContracts.clusterAccount(cluster), in: state).free == Balances.dollars)
        #expect(PhalaPhatContracts.clusterAccount(cluster).bytes == blake2_256(Array("cluster:".utf8) + cluster.bytes))

        // Bob (not the owner) cannot add workers; Alice (the owner) can; one cluster per worker.
        let add = PhalaPhatContracts.Call.addWorkerToCluster(workerPubkey: K.key(K.worker2), clusterId: cluster)
        let results = try K.apply(&chain, [chain.sign(add, by: Self.bob), chain.sign(add, by: Self.alice)])
        #expect(results.map(\.failure) == [K.error(PhalaPhatContracts.Error.clusterPermissionDenied, K.phatIndex), nil])
        #expect(PhalaPhatContracts.clusterWorkers.value(cluster, in: K.state(chain)) == [K.key(K.worker1), K.key(K.worker2)])
        #expect(K.dispatch(add, chain: &chain) == K.error(PhalaPhatContracts.Error.workerAlreadyInCluster, K.phatIndex))
        // The gatekeeper is told to deploy the cluster to the new worker (ClusterEvent::DeployCluster).
        #expect(PhalaMq.outboundMessages.value(K.state(chain))?.contains { $0.destination == PhalaTopic.clusterEvent } == true)

        // Unregistered workers cannot join.
        let stranger = try KeyPair(uri: "//Stranger")
        #expect(K.dispatch(PhalaPhatContracts.Call.addWorkerToCluster(workerPubkey: K.key(stranger), clusterId: cluster), chain: &chain)
                == K.error(PhalaPhatContracts.Error.workerNotFound, K.phatIndex))

        let remove = PhalaPhatContracts.Call.removeWorkerFromCluster(workerPubkey: K.key(K.worker2), clusterId: cluster)
        #expect(K.dispatch(remove, origin: .signed(Self.bob.accountId), chain: &chain)
                == K.error(PhalaPhatContracts.Error.clusterPermissionDenied, K.phatIndex))
        #expect(K.dispatch(remove, origin: .signed(Self.alice.accountId), chain: &chain) == nil)
        #expect(PhalaPhatContracts.clusterWorkers.value(cluster, in: K.state(chain)) == [K.key(K.worker1)])
        #expect(PhalaPhatContracts.clusterByWorkers.get(K.key(K.worker2), in: K.state(chain)) == nil)
        #expect(K.dispatch(remove, chain: &chain) == K.error(PhalaPhatContracts.Error.workerNotInCluster, K.phatIndex))
    }

    @Test func addClusterIsGovernanceOnly() throws {
        var chain = try RuntimeHarness()
        _ = try K.registerDev(K.worker1, chain: &chain).get()
        let add = PhalaPhatContracts.Call.addCluster(
            owner: Self.bob.accountId, permission: .public, deployWorkers: [K.key(K.worker1)], deposit: 0, gasPrice: 0,
            depositPerItem: 0, depositPerByte: 0, treasuryAccount: Self.bob.accountId)
        let result = try K.apply(&chain, [chain.sign(add, by: Self.bob)])[0]
        #expect(result.failure == .badOrigin)
        #expect(PhalaPhatContracts.clusterCounter.value(K.state(chain)) == 0)
        #expect(PhalaPhatContracts.clusters.entries(in: K.state(chain)).isEmpty)
    }

    @Test func codeUploadSizeLimit() throws {
        var chain = try RuntimeHarness()
        let cluster = try K.launchCluster(&chain)
        let bob = Origin.signed(Self.bob.accountId)
        let limit = PhalaPhatContracts.inkCodeSizeLimit
        #expect(limit == 2 * 1024 * 1024)
        let tooLarge = [UInt8](repeating: 0x61, count: limit + 1)
        #expect(K.dispatch(PhalaPhatContracts.Call.clusterUploadResource(clusterId: cluster, resourceType: .inkCode, resourceData: tooLarge),
                           origin: bob, chain: &chain) == K.error(PhalaPhatContracts.Error.codeTooLarge, K.phatIndex))
        let exact = [UInt8](repeating: 0x62, count: limit)
        #expect(K.dispatch(PhalaPhatContracts.Call.clusterUploadResource(clusterId: cluster, resourceType: .inkCode, resourceData: exact),
                           origin: bob, chain: &chain) == nil)
        #expect(PhalaPhatContracts.clusterResources.get(cluster, H256(unchecked: blake2_256(exact)), in: K.state(chain)) == .inkCode)
        // ClusterOperation::UploadResource reaches the workers and decodes back from OutboundMessages.
        let upload = try #require(PhalaMq.outboundMessages.value(K.state(chain))?.last)
        #expect(upload.destination == PhalaTopic.clusterKey)
        #expect(Array(upload.payload.prefix(33)) == [2] + Self.bob.publicKey)
        #expect(Array(upload.payload.suffix(limit)) == exact)
        #expect(K.dispatch(PhalaPhatContracts.Call.clusterUploadResource(
            clusterId: PhalaPhatContracts.clusterId(9), resourceType: .inkCode, resourceData: [1]), origin: bob, chain: &chain)
                == K.error(PhalaPhatContracts.Error.clusterNotFound, K.phatIndex))
    }

    /// Upload, instantiate (id formula), cluster-signed public key → contract registry, then commands.
    @Test func instantiationContractKeysAndEncryptedCommands() throws {
        var chain = try RuntimeHarness()
        let cluster = try K.launchCluster(&chain)
        let code = Array("\0asm fake flipper code".utf8)
        let codeHash = H256(unchecked: blake2_256(code))
        let salt: [UInt8] = [1, 2, 3]
        let instantiate = PhalaPhatContracts.Call.instantiateContract(
            codeIndex: .wasmCode(codeHash), data: [0xed, 0x4b, 0x9d, 0x1b], salt: salt, clusterId: cluster, transfer: 0,
            gasLimit: 1_000_000, storageDepositLimit: nil, deposit: Balances.dollars)
        // Not uploaded yet.
        #expect(try K.apply(&chain, [chain.sign(instantiate, by: Self.bob)])[0].failure
                == K.error(PhalaPhatContracts.Error.codeNotFound, K.phatIndex))
        let upload = PhalaPhatContracts.Call.clusterUploadResource(clusterId: cluster, resourceType: .inkCode, resourceData: code)
        let results = try K.apply(&chain, [
            chain.sign(upload, by: Self.bob), chain.sign(instantiate, by: Self.bob, nonce: chain.account(Self.bob).nonce + 1),
        ])
        #expect(results.map(\.failure) == [nil, nil])
        let contract = H256(unchecked: blake2_256(Self.bob.publicKey + codeHash.bytes + cluster.bytes + salt))
        #expect(PhalaPhatContracts.contractId(deployer: Self.bob.accountId, codeHash: codeHash, cluster: cluster, salt: salt) == contract)
        #expect(PhalaPhatContracts.instantiating.get(contract, in: K.state(chain)) == BasicContractInfo(deployer: Self.bob.accountId, cluster: cluster))
        #expect(PhalaMq.outboundMessages.value(K.state(chain))?.contains { $0.destination == PhalaTopic.contractOperation } == true)
        #expect(try K.apply(&chain, [chain.sign(instantiate, by: Self.bob)])[0].failure
                == K.error(PhalaPhatContracts.Error.duplicatedContract, K.phatIndex))

        // Commands to a contract whose key is not on chain yet are refused.
        let plain = ContractCommandPayload.plain(nonce: [], message: [0x63, 0x3a, 0xa5, 0x51], transfer: 0, gasLimit: 1_000, storageDepositLimit: nil)
        #expect(K.dispatch(PhalaPhatContracts.Call.pushContractMessage(contractId: contract, payload: plain.scaleEncoded, deposit: 0),
                           origin: .signed(Self.bob.accountId), chain: &chain) == K.error(PhalaPhatContracts.Error.contractNotFound, K.phatIndex))

        // Another origin cannot publish the contract key; the cluster (signed with the cluster key) can.
        let keyPayload = [0] + contract.bytes + K.contractKey.publicKey + Self.bob.publicKey
        let fromWorker = K.signed(.worker(K.key(K.worker1)), PhalaTopic.registryContract, keyPayload, seq: 1, by: K.worker1)
        let fromCluster = K.signed(.cluster(cluster), PhalaTopic.registryContract, keyPayload, seq: 0, by: K.clusterKey)
        let synced = try K.sync([fromWorker, fromCluster], chain: &chain)
        #expect(synced.map(\.failure) == [K.error(PhalaPhatContracts.Error.invalidSender, K.phatIndex), nil])
        let state = K.state(chain)
        #expect(PhalaRegistry.contractKeys.get(contract, in: state) == K.key(K.contractKey))
        #expect(PhalaPhatContracts.contracts.get(contract, in: state) == BasicContractInfo(deployer: Self.bob.accountId, cluster: cluster))
        #expect(PhalaPhatContracts.clusterContracts.value(cluster, in: state) == [contract])
        #expect(PhalaPhatContracts.instantiating.get(contract, in: state) == nil)

        // An encrypted command: only ciphertext reaches the chain, and nothing in state contains the plaintext.
        let marker = Array("CONFIDENTIAL-MARKER-7f3a9c".utf8)
        let aesKey = blake2_256(Array("shared secret".utf8))
        let iv = [UInt8](repeating: 5, count: 12)
        let ciphertext = try AES256GCM.seal(marker, key: aesKey, nonce: iv)
        let encrypted = ContractCommandPayload.encrypted(iv: iv, pubkey: K.worker2.publicKey, data: ciphertext).scaleEncoded
        let push = PhalaPhatContracts.Call.pushContractMessage(contractId: contract, payload: encrypted, deposit: 0)
        let (outcomes, events) = try chain.block([chain.sign(push, by: Self.bob)])
        #expect(try outcomes[0].get().result.failure == nil)
        let outbound = try #require(PhalaMq.outboundMessages.value(K.state(chain)))
        #expect(outbound == [MqMessage(
            sender: .accountId(H256(unchecked: Self.bob.publicKey)), destination: PhalaTopic.contractCommand(contract), payload: encrypted)])
        #expect(PhalaTopic.contractCommand(contract) == Array("phala/contract/\(contract.bytes.hex)/command".utf8))
        #expect(!contains(events, marker))
        #expect(!chain.state.values.contains { contains($0.key, marker) || contains($0.value, marker) })
        #expect(chain.state.values.values.contains { contains($0, ciphertext) })

        // Payloads that are neither Plain nor Encrypted are refused.
        #expect(K.dispatch(PhalaPhatContracts.Call.pushContractMessage(contractId: contract, payload: marker, deposit: 0),
                           origin: .signed(Self.bob.accountId), chain: &chain) == K.error(PhalaPhatContracts.Error.invalidPayload, K.phatIndex))
        #expect(K.dispatch(PhalaPhatContracts.Call.pushContractMessage(contractId: contract, payload: plain.scaleEncoded, deposit: 0),
                           origin: .signed(Self.bob.accountId), chain: &chain) == nil)
    }

    @Test func transferToClusterAndDeploymentReports() throws {
        var chain = try RuntimeHarness()
        let cluster = try K.launchCluster(&chain)
        let before = Balances.account(PhalaPhatContracts.clusterAccount(cluster), in: K.state(chain)).free
        let transfer = PhalaPhatContracts.Call.transferToCluster(amount: 5 * Balances.dollars, clusterId: cluster, destAccount: Self.bob.accountId)
        #expect(try K.apply(&chain, [chain.sign(transfer, by: Self.bob)])[0].failure == nil)
        #expect(Balances.account(PhalaPhatContracts.clusterAccount(cluster), in: K.state(chain)).free == before + 5 * Balances.dollars)
        let deposit = MqMessage(
            sender: .pallet(Array("PhalaPhatContracts".utf8)), destination: PhalaTopic.clusterKey,
            payload: [3] + cluster.bytes + Self.bob.publicKey + (5 * Balances.dollars).scaleEncoded)
        #expect(PhalaMq.outboundMessages.value(K.state(chain)) == [deposit])

        // A member worker reports the deployment; a non-member cannot.
        let report = [0] + cluster.bytes + K.clusterKey.publicKey
        let good = K.signed(.worker(K.key(K.worker1)), PhalaTopic.clusterWorkerReport, report, seq: 1, by: K.worker1)
        let bad = K.signed(.worker(K.key(K.worker2)), PhalaTopic.clusterWorkerReport, report, seq: 0, by: K.worker2)
        #expect(try K.sync([good, bad], chain: &chain).map(\.failure)
                == [nil, K.error(PhalaPhatContracts.Error.workerNotInCluster, K.phatIndex)])
    }

    @Test func workersPublishClusterStateCheckpoints() throws {
        var chain = try RuntimeHarness()
        let cluster = try K.launchCluster(&chain)
        _ = K.dispatch(PhalaPhatContracts.Call.addWorkerToCluster(workerPubkey: K.key(K.worker2), clusterId: cluster), chain: &chain)
        let hash = H256(unchecked: blake2_256([1]))
        let one = ClusterCheckpoint(cluster: cluster, blockNumber: 5, stateHash: hash)
        let other = ClusterCheckpoint(cluster: cluster, blockNumber: 5, stateHash: H256(unchecked: blake2_256([2])))
        let results = try K.sync([
            K.signed(.worker(K.key(K.worker1)), PhalaTopic.clusterCheckpoint, one.scaleEncoded, seq: 1, by: K.worker1),
            K.signed(.worker(K.key(K.worker2)), PhalaTopic.clusterCheckpoint, other.scaleEncoded, seq: 0, by: K.worker2),
            K.signed(.worker(K.key(K.worker1)), PhalaTopic.clusterCheckpoint, one.scaleEncoded, seq: 2, by: K.worker1),
        ], chain: &chain)
        #expect(results.map(\.failure) == [nil, nil, K.error(PhalaPhatContracts.Error.staleCheckpoint, K.phatIndex)])
        // Diverging workers are visible on chain.
        let stored = PhalaPhatContracts.clusterCheckpoints.entries(cluster, in: K.state(chain))
        #expect(stored.count == 2)
        #expect(PhalaPhatContracts.clusterCheckpoints.get(cluster, K.key(K.worker1), in: K.state(chain)) == one)
        #expect(PhalaPhatContracts.clusterCheckpoints.get(cluster, K.key(K.worker2), in: K.state(chain)) == other)
        // On-chain only: not forwarded to workers.
        #expect(PhalaMq.outboundMessages.value(K.state(chain)) == [])
    }

    private func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard haystack.count >= needle.count else { return false }
        return (0...(haystack.count - needle.count)).contains { Array(haystack[$0..<($0 + needle.count)]) == needle }
    }
}
