import PhalanxContracts
import PhalanxPrimitives
import PhalanxRuntime
import Testing

@testable import PhalanxWorker

/// The client half of the query channel against the worker half, byte for byte.
@Suite struct QueryProtocolTests {
    let worker = Sr25519.KeyPair(miniSecret: [UInt8](repeating: 4, count: 32))
    let caller = try! KeyPair(uri: "//Bob")
    let contract = H256(unchecked: [UInt8](repeating: 7, count: 32))

    func answer(_ prepared: QueryProtocol.PreparedQuery, result: Result<[UInt8], QueryProtocol.QueryError>, signer: Sr25519.KeyPair? = nil,
                nonce: [UInt8]? = nil) throws -> [String: Any] {
        let envelope = try Envelope.decode(scale: [UInt8](hex: prepared.body["envelope"]!)!)
        let plain = try envelope.open(with: worker, purpose: WorkerMessage.Purpose.query, target: contract.bytes)
        let query = try QueryProtocol.InkQuery.decode(scale: plain)
        let sealed = try Envelope.seal(
            QueryProtocol.responsePlaintext(nonce: nonce ?? query.nonce, result: result), to: envelope.ephemeralPublicKey,
            purpose: WorkerMessage.Purpose.queryResponse, target: query.nonce).scaleEncoded
        let signature = (signer ?? worker).sign(QueryProtocol.responseSigningBytes(envelope: sealed, blockNumber: 9))
        return ["envelope": sealed.prefixedHex, "blockNumber": 9, "signature": signature.prefixedHex]
    }

    @Test func aSealedSignedQueryIsAnsweredAndOpened() throws {
        let prepared = try QueryProtocol.prepare(QueryProtocol.InkQuery(contract: contract, payload: [1, 2, 3]), workerKey: worker.publicKey, caller: caller)
        let envelope = [UInt8](hex: prepared.body["envelope"]!)!
        #expect(Sr25519.verify(signature: [UInt8](hex: prepared.body["signature"]!)!, message: envelope, publicKey: caller.publicKey))
        let response = try answer(prepared, result: .success([42]))
        #expect(try QueryProtocol.openResponse(response, prepared: prepared, workerKey: worker.publicKey) == .success([42]))
        let failed = try answer(prepared, result: .failure(.timeout))
        #expect(try QueryProtocol.openResponse(failed, prepared: prepared, workerKey: worker.publicKey) == .failure(.timeout))
    }

    @Test func responsesFromOtherKeysOrForOtherQueriesAreRefused() throws {
        let prepared = try QueryProtocol.prepare(QueryProtocol.InkQuery(contract: contract, payload: []), workerKey: worker.publicKey, caller: caller)
        let impostor = Sr25519.KeyPair(miniSecret: [UInt8](repeating: 5, count: 32))
        let forged = try answer(prepared, result: .success([1]), signer: impostor)
        #expect(throws: QueryFailure.self) { try QueryProtocol.openResponse(forged, prepared: prepared, workerKey: worker.publicKey) }
        let mixedUp = try answer(prepared, result: .success([1]), nonce: [UInt8](repeating: 0, count: 32))
        #expect(throws: QueryFailure.self) { try QueryProtocol.openResponse(mixedUp, prepared: prepared, workerKey: worker.publicKey) }
        // A query sealed for one contract does not open as a query for another (the id is associated data).
        let envelope = try Envelope.decode(scale: [UInt8](hex: prepared.body["envelope"]!)!)
        #expect(throws: Envelope.Failure.self) { try envelope.open(with: worker, purpose: WorkerMessage.Purpose.query, target: H256.zero.bytes) }
    }

    @Test func replayGuardRemembersNonces() {
        let guardian = ReplayGuard()
        #expect(guardian.insert([1]) && !guardian.insert([1]) && guardian.insert([2]))
    }
}
