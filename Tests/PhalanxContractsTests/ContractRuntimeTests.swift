import PhalanxContracts
import PhalanxPrimitives
import Testing

@Suite struct FlipperTests {
    @Test func deployFlipAndGet() throws {
        let (cluster, backend) = Fixture.cluster()
        let code = try SampleContracts.assemble(SampleContracts.flipperWAT)
        let address = try Fixture.deploy(cluster, code, input: SampleContracts.newSelector + [0x01])
        #expect(
            address
                == cluster.contractAddress(
                    deployer: Fixture.alice, codeHash: ContractCluster.codeHash(code), salt: []))
        #expect(backend.code(ContractCluster.codeHash(code)) == code)
        #expect(cluster.storage(contract: address, key: [0, 0, 0, 0]) == [0x01])

        let get = cluster.call(origin: Fixture.bob, dest: address, input: SampleContracts.getSelector, mode: .query)
        #expect(get.result.successValue == ExecReturnValue(flags: [], data: [0x00, 0x01]))

        let flip = cluster.call(origin: Fixture.bob, dest: address, input: SampleContracts.flipSelector)
        #expect(flip.result.successValue == ExecReturnValue(flags: [], data: [0x00]))
        #expect(flip.debugText == "flipped")
        #expect(flip.gasConsumed.refTime > 0)
        #expect(flip.gasConsumed.proofSize > 0)
        #expect(cluster.storage(contract: address, key: [0, 0, 0, 0]) == [0x00])

        let after = cluster.call(origin: Fixture.bob, dest: address, input: SampleContracts.getSelector)
        #expect(after.result.successValue?.data == [0x00, 0x00])
    }

    @Test func queryDoesNotCommit() throws {
        let (cluster, _) = Fixture.cluster()
        let code = try SampleContracts.assemble(SampleContracts.flipperWAT)
        let address = try Fixture.deploy(cluster, code, input: SampleContracts.newSelector + [0x00])
        let flip = cluster.call(
            origin: Fixture.bob, dest: address, input: SampleContracts.flipSelector, mode: .query)
        #expect(flip.result.successValue?.data == [0x00])
        #expect(cluster.storage(contract: address, key: [0, 0, 0, 0]) == [0x00])
    }

    @Test func unknownSelectorRevertsWithLangError() throws {
        let (cluster, _) = Fixture.cluster()
        let address = try Fixture.deploy(
            cluster, try SampleContracts.assemble(SampleContracts.flipperWAT), input: SampleContracts.newSelector + [1])
        let result = cluster.call(origin: Fixture.alice, dest: address, input: [1, 2, 3, 4])
        #expect(result.result.successValue == ExecReturnValue(flags: .revert, data: [0x01, 0x01]))
    }

    @Test func paymentToNonPayableTraps() throws {
        let (cluster, backend) = Fixture.cluster()
        let address = try Fixture.deploy(
            cluster, try SampleContracts.assemble(SampleContracts.flipperWAT), input: SampleContracts.newSelector + [1])
        let before = backend.balance(Fixture.alice)
        let result = cluster.call(origin: Fixture.alice, dest: address, value: 5, input: SampleContracts.getSelector)
        #expect(result.result.failureValue?.contractError == .contractTrapped)
        #expect(backend.balance(Fixture.alice) == before)
        #expect(backend.balance(address) == 0)
    }

    @Test func gasIsDeterministicAndLimited() throws {
        let (cluster, _) = Fixture.cluster()
        let address = try Fixture.deploy(
            cluster, try SampleContracts.assemble(SampleContracts.flipperWAT), input: SampleContracts.newSelector + [1])
        let first = cluster.call(origin: Fixture.bob, dest: address, input: SampleContracts.getSelector, mode: .query)
        let second = cluster.call(origin: Fixture.bob, dest: address, input: SampleContracts.getSelector, mode: .query)
        #expect(first.gasConsumed == second.gasConsumed)
        #expect(first.gasRequired.refTime >= first.gasConsumed.refTime)
        // Exactly the required gas succeeds; less fails with OutOfGas.
        let exact = cluster.call(
            origin: Fixture.bob, dest: address, gasLimit: first.gasRequired, input: SampleContracts.getSelector)
        #expect(exact.result.successValue?.data == [0x00, 0x01])
        let short = cluster.call(
            origin: Fixture.bob, dest: address,
            gasLimit: Weight(refTime: first.gasRequired.refTime / 2, proofSize: first.gasRequired.proofSize),
            input: SampleContracts.getSelector)
        #expect(short.result.failureValue?.contractError == .outOfGas)
    }

    @Test func storageDepositIsCharged() throws {
        let (cluster, backend) = Fixture.cluster()
        let before = backend.balance(Fixture.alice)
        let result = cluster.instantiate(
            origin: Fixture.alice, code: .upload(try SampleContracts.assemble(SampleContracts.flipperWAT)),
            input: SampleContracts.newSelector + [1])
        // One item of 4 key bytes + 1 value byte: 100 per item + 1 per byte.
        #expect(result.storageDeposit == .charge(105))
        #expect(backend.balance(Fixture.alice) == before - 105)
        let limited = cluster.instantiate(
            origin: Fixture.alice, storageDepositLimit: 10,
            code: .upload(try SampleContracts.assemble(SampleContracts.flipperWAT)),
            input: SampleContracts.newSelector + [1], salt: [1])
        #expect(limited.result.failureValue?.contractError == .storageDepositLimitExhausted)
    }

    @Test func duplicateInstantiationFails() throws {
        let (cluster, _) = Fixture.cluster()
        let code = try SampleContracts.assemble(SampleContracts.flipperWAT)
        _ = try Fixture.deploy(cluster, code, input: SampleContracts.newSelector + [1])
        let again = cluster.instantiate(
            origin: Fixture.alice, code: .existing(ContractCluster.codeHash(code)),
            input: SampleContracts.newSelector + [1])
        #expect(again.result.failureValue?.contractError == .duplicateContract)
        let otherSalt = cluster.instantiate(
            origin: Fixture.alice, code: .existing(ContractCluster.codeHash(code)),
            input: SampleContracts.newSelector + [1], salt: [9])
        #expect(otherSalt.result.successValue != nil)
    }
}

@Suite struct Erc20Tests {
    static func deployToken(_ cluster: ContractCluster, supply: UInt128 = 1_000) throws -> AccountId32 {
        try Fixture.deploy(
            cluster, try SampleContracts.assemble(SampleContracts.erc20WAT),
            input: SampleContracts.newSelector + Fixture.u128(supply))
    }

    static func balance(_ cluster: ContractCluster, _ token: AccountId32, _ owner: AccountId32) -> [UInt8]? {
        cluster.call(
            origin: Fixture.alice, dest: token, input: SampleContracts.balanceOfSelector + owner.bytes, mode: .query
        ).result.successValue?.data
    }

    @Test func transferMovesBalanceAndEmitsEvent() throws {
        let (cluster, _) = Fixture.cluster()
        let token = try Self.deployToken(cluster)
        #expect(Self.balance(cluster, token, Fixture.alice) == [0] + Fixture.u128(1_000))
        let total = cluster.call(
            origin: Fixture.bob, dest: token, input: SampleContracts.totalSupplySelector, mode: .query)
        #expect(total.result.successValue?.data == [0] + Fixture.u128(1_000))

        let result = cluster.call(
            origin: Fixture.alice, dest: token,
            input: SampleContracts.transferSelector + Fixture.bob.bytes + Fixture.u128(250))
        #expect(result.result.successValue == ExecReturnValue(flags: [], data: [0, 0]))
        #expect(result.events.count == 1)
        let event = try #require(result.events.first)
        #expect(event.contract == token)
        #expect(event.topics.map(\.bytes) == [SampleContracts.transferTopic, Fixture.alice.bytes, Fixture.bob.bytes])
        #expect(event.data == Fixture.alice.bytes + Fixture.bob.bytes + Fixture.u128(250))
        #expect(Self.balance(cluster, token, Fixture.alice) == [0] + Fixture.u128(750))
        #expect(Self.balance(cluster, token, Fixture.bob) == [0] + Fixture.u128(250))
        // The mapping key is prefix ‖ account, as ink! lays it out.
        #expect(
            cluster.storage(contract: token, key: SampleContracts.balancesPrefix + Fixture.bob.bytes)
                == Fixture.u128(250))
    }

    @Test func insufficientBalanceRevertsWithoutStateChange() throws {
        let (cluster, backend) = Fixture.cluster()
        let token = try Self.deployToken(cluster)
        let balanceBefore = backend.balance(Fixture.bob)
        let result = cluster.call(
            origin: Fixture.bob, dest: token,
            input: SampleContracts.transferSelector + Fixture.charlie.bytes + Fixture.u128(1))
        // Ok(Err(InsufficientBalance)) with REVERT; the recipient credit written before the check is rolled back.
        #expect(result.result.successValue == ExecReturnValue(flags: .revert, data: [0, 1, 0]))
        #expect(result.events.isEmpty)
        #expect(result.storageDeposit == .charge(0))
        #expect(cluster.storage(contract: token, key: SampleContracts.balancesPrefix + Fixture.charlie.bytes) == nil)
        #expect(Self.balance(cluster, token, Fixture.charlie) == [0] + Fixture.u128(0))
        #expect(backend.balance(Fixture.bob) == balanceBefore)
    }

    @Test func malformedInputReverts() throws {
        let (cluster, _) = Fixture.cluster()
        let token = try Self.deployToken(cluster)
        let result = cluster.call(
            origin: Fixture.alice, dest: token, input: SampleContracts.transferSelector + [1, 2, 3])
        #expect(result.result.successValue == ExecReturnValue(flags: .revert, data: [1, 1]))
    }

    @Test func callingMissingContractFails() {
        let (cluster, _) = Fixture.cluster()
        let result = cluster.call(origin: Fixture.alice, dest: Fixture.charlie, input: [])
        #expect(result.result.failureValue?.contractError == .contractNotFound)
    }
}
