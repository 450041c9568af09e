import DequeModule
import Foundation
import Hummingbird
import Logging
import PhalanxContracts
import PhalanxPrimitives
import PhalanxRuntime
import ServiceLifecycle
import Synchronization

/// The worker's HTTP API (default `127.0.0.1:8000`): `GET /info` and `POST /query` (see ``QueryProtocol``).
///
/// A query is verified (caller signature), opened (worker ECDH key), checked against replays (nonce), run in
/// query mode on the current state (changes discarded) within the concurrency limit and the timeout, and
/// answered sealed to the caller and signed by the worker. Errors are JSON `{"error": {"code", "message"}}`.
public struct QueryService: Service {
    let worker: Worker
    let logger: Logger
    let bound = BoundPort()
    private let replay = ReplayGuard()
    private let inflight = InflightCounter()

    /// The query service of `worker`.
    public init(worker: Worker, logger: Logger) {
        self.worker = worker
        self.logger = logger
    }

    /// The port actually bound, once listening.
    public func boundPort() async -> Int? { await bound.wait() }

    public func run() async throws {
        let router = Router()
        let service = self
        router.get("/info") { _, _ -> Response in
            service.json(.ok, service.info())
        }
        router.post("/query") { request, _ -> Response in
            let body = try await request.body.collect(upTo: 2 << 20)
            return await service.query(Array(buffer: body))
        }
        router.post("/logs") { request, _ -> Response in
            let body = try await request.body.collect(upTo: 64 << 10)
            return await service.contractLogs(Array(buffer: body))
        }
        router.post("/egress-policy") { request, _ -> Response in
            let body = try await request.body.collect(upTo: 64 << 10)
            return await service.egressPolicy(Array(buffer: body))
        }
        let app = Application(
            router: router,
            configuration: .init(address: .hostname(worker.configuration.queryHost, port: worker.configuration.queryPort), serverName: nil),
            onServerRunning: { [bound] channel in bound.fulfill(channel.localAddress?.port) },
            logger: logger)
        defer { bound.fulfill(nil) }
        try await app.run()
    }

    func info() -> [String: Any] {
        let status = worker.currentStatus
        return [
            "publicKey": worker.publicKey.prefixedHex, "ecdhPublicKey": worker.publicKey.prefixedHex,
            "syncedHeight": Int(status.syncedNumber), "syncedHash": status.syncedHash.description,
            "genesisHash": status.genesisHash.description, "cluster": status.cluster.map { $0.description } ?? NSNull(),
            "isGatekeeper": status.isGatekeeper, "contracts": status.contracts.map(\.description),
            "pendingMessages": status.pendingMessages,
        ]
    }

    func query(_ body: [UInt8]) async -> Response {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any],
            let contract = (object["contract"] as? String).flatMap(H256.init(hex:)),
            let envelopeBytes = (object["envelope"] as? String).flatMap({ [UInt8](hex: $0) }),
            let signer = (object["signer"] as? String).flatMap({ [UInt8](hex: $0) }), signer.count == 32,
            let signature = (object["signature"] as? String).flatMap({ [UInt8](hex: $0) })
        else { return error(.badRequest, 4001, "The request must be JSON with hex fields contract, envelope, signer and signature.") }
        guard Sr25519.verify(signature: signature, message: envelopeBytes, publicKey: signer) else {
            return error(.unauthorized, 4011, "The query signature does not verify with the signer key.")
        }
        let envelope: Envelope, query: QueryProtocol.InkQuery
        do {
            envelope = try Envelope.decode(scale: envelopeBytes)
            query = try openQuery(envelope, contract: contract)
        } catch {
            return self.error(.badRequest, 4002, "The query does not decrypt for this worker and contract (wrong key, target or tampered ciphertext).")
        }
        guard query.contract == contract else { return error(.badRequest, 4003, "The sealed query names another contract.") }
        guard replay.insert(query.nonce) else { return error(.conflict, 4091, "This query nonce was already used (replay).") }
        guard enter(contract) else { return error(.serviceUnavailable, 5031, "Too many queries to this contract are in flight; retry later.") }
        defer { leave(contract) }
        let origin = AccountId32(bytes: signer)!
        let outcome = await runWithTimeout(contract: contract, origin: origin, query: query)
        let payload: Result<[UInt8], QueryProtocol.QueryError>
        switch outcome {
        case .some(.some(let result)): payload = .success(result)
        case .some(.none): payload = .failure(.noResponse)
        case .none: payload = .failure(.timeout)
        }
        do {
            let (sealed, blockNumber, workerSignature) = try worker.sealResponse(
                QueryProtocol.responsePlaintext(nonce: query.nonce, result: payload), to: envelope.ephemeralPublicKey, nonce: query.nonce)
            return json(.ok, [
                "envelope": sealed.prefixedHex, "blockNumber": Int(blockNumber), "worker": worker.publicKey.prefixedHex,
                "signature": workerSignature.prefixedHex,
            ])
        } catch {
            return self.error(.internalServerError, 5001, "The worker could not seal its response: \(error).")
        }
    }

    /// `POST /logs`: the deployer reads a contract's log lines after `after`, sealed to the deployer's key.
    func contractLogs(_ body: [UInt8]) async -> Response {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else {
            return error(.badRequest, 4001, "The request must be a JSON object.")
        }
        let after = (object["after"] as? NSNumber)?.uint64Value ?? 0
        let checked = await authorize(object, domain: ContractAdminProtocol.logsDomain, body: after.scaleEncoded, allowOwner: false)
        guard case .success(let (contract, signer)) = checked else {
            if case .failure(let box) = checked { return box.response }
            return error(.badRequest, 4001, "Malformed request.")
        }
        let records = worker.pinkHost.logs(of: AccountId32(bytes: contract.bytes)!, after: after)
        let plain = (try? JSONEncoder().encode(["records": records])).map { Array($0) } ?? []
        do {
            let sealed = try Envelope.seal(plain, to: signer, purpose: ContractAdminProtocol.logsPurpose, target: contract.bytes)
            return json(.ok, ["envelope": sealed.scaleEncoded.prefixedHex, "count": records.count])
        } catch {
            return self.error(.badRequest, 4005, "The signer key cannot receive a sealed response.")
        }
    }

    /// `POST /egress-policy`: the deployer (or the cluster owner) sets a contract's HTTP egress policy.
    func egressPolicy(_ body: [UInt8]) async -> Response {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any],
            let policyObject = object["policy"], let policyData = try? JSONSerialization.data(withJSONObject: policyObject),
            let policy = try? JSONDecoder().decode(EgressPolicy.self, from: policyData)
        else {
            return error(.badRequest, 4001, "The request must be JSON with a policy {\"allow\": [..], \"maxRequestsPerMinute\": n}.")
        }
        let checked = await authorize(object, domain: ContractAdminProtocol.egressPolicyDomain, body: policy.scaleEncoded, allowOwner: true)
        guard case .success(let (contract, _)) = checked else {
            if case .failure(let box) = checked { return box.response }
            return error(.badRequest, 4001, "Malformed request.")
        }
        do {
            try await worker.setEgressPolicy(policy, for: contract)
        } catch {
            return self.error(.internalServerError, 5002, "The worker could not store the policy: \(error).")
        }
        return json(.ok, ["contract": contract.description, "allow": policy.allow, "maxRequestsPerMinute": policy.maxRequestsPerMinute.map { Int($0) } ?? NSNull()])
    }

    /// Checks a deployer request: fields, signature, clock skew, and that the signer deployed the contract
    /// (or owns the cluster, when `allowOwner`). Returns the contract and the signer's public key.
    private func authorize(_ object: [String: Any], domain: [UInt8], body: [UInt8], allowOwner: Bool) async
        -> Result<(H256, [UInt8]), ResponseBox>
    {
        guard let contract = (object["contract"] as? String).flatMap(H256.init(hex:)),
            let signer = (object["signer"] as? String).flatMap({ [UInt8](hex: $0) }), signer.count == 32,
            let signature = (object["signature"] as? String).flatMap({ [UInt8](hex: $0) }),
            let timestamp = (object["timestamp"] as? NSNumber)?.uint64Value
        else { return .failure(ResponseBox(error(.badRequest, 4001, "The request needs hex fields contract, signer, signature and a timestamp in ms."))) }
        let message = ContractAdminProtocol.signingBytes(domain: domain, contract: contract, timestamp: timestamp, body: body)
        guard Sr25519.verify(signature: signature, message: message, publicKey: signer) else {
            return .failure(ResponseBox(error(.unauthorized, 4011, "The request signature does not verify with the signer key.")))
        }
        let now = worker.pinkHost.unixMilliseconds()
        guard max(now, timestamp) - min(now, timestamp) <= ContractAdminProtocol.maxClockSkewMilliseconds else {
            return .failure(ResponseBox(error(.unauthorized, 4012, "The request timestamp is more than 5 minutes from the worker's clock.")))
        }
        // A captured request cannot be replayed (e.g. to restore an egress policy its deployer has since replaced).
        guard replay.insert(blake2_256(message)) else {
            return .failure(ResponseBox(error(.conflict, 4092, "This signed request was already used (replay).")))
        }
        let roles = try? await worker.withCore { core in (core.deployer(of: contract), core.clusterOwner) }
        guard let roles, let deployer = roles.0 else {
            return .failure(ResponseBox(error(.notFound, 4041, "This worker does not host that contract.")))
        }
        let account = AccountId32(bytes: signer)!
        guard account == deployer || (allowOwner && account == roles.1) else {
            return .failure(ResponseBox(error(.forbidden, 4031, allowOwner
                ? "Only the contract's deployer or the cluster owner may do this." : "Only the contract's deployer may read its logs.")))
        }
        return .success((contract, signer))
    }

    private func openQuery(_ envelope: Envelope, contract: H256) throws -> QueryProtocol.InkQuery {
        let plain = try worker.openQuery(envelope, contract: contract)
        return try QueryProtocol.InkQuery.decode(scale: plain)
    }

    /// Runs the query; `nil` on timeout, `.some(nil)` when the contract is not hosted here.
    ///
    /// The deadline is checked on the execution thread, before (time spent waiting in its queue) and after running,
    /// instead of racing a timer task per query: execution itself is bounded by gas and its HTTP calls by the same
    /// deadline, and an abandoned query would keep the thread busy anyway.
    private func runWithTimeout(contract: H256, origin: AccountId32, query: QueryProtocol.InkQuery) async -> [UInt8]?? {
        let deadline = ContinuousClock.now + worker.configuration.queryTimeout
        let outcome = try? await worker.withCore { core -> [UInt8]?? in
            guard ContinuousClock.now < deadline else { return nil }
            let result = core.query(contract: contract, origin: origin, input: query.payload, value: query.transfer)
            guard ContinuousClock.now <= deadline else { return nil }
            return .some(result?.scaleEncoded)
        }
        return outcome ?? .some(nil)
    }

    private func enter(_ contract: H256) -> Bool {
        let limit = worker.configuration.maxConcurrentQueriesPerContract
        return inflight.enter(contract, limit: limit)
    }

    private func leave(_ contract: H256) { inflight.leave(contract) }

    func json(_ status: HTTPResponse.Status, _ object: [String: Any]) -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    func error(_ status: HTTPResponse.Status, _ code: Int, _ message: String) -> Response {
        json(status, ["error": ["code": code, "message": message]])
    }
}

extension Worker {
    /// Opens a query envelope with the identity key (purpose `phalanx/query`, target = contract id). Off the actor:
    /// queries are opened and sealed in parallel, not serialised with the sync loop.
    nonisolated func openQuery(_ envelope: Envelope, contract: H256) throws -> [UInt8] {
        try envelope.open(with: identityKey, purpose: WorkerMessage.Purpose.query, target: contract.bytes)
    }

    /// Seals a response to the caller's ephemeral key and signs it; returns (envelope bytes, block, signature).
    nonisolated func sealResponse(_ plaintext: [UInt8], to recipient: [UInt8], nonce: [UInt8]) throws -> ([UInt8], UInt32, [UInt8]) {
        let sealed = try Envelope.seal(plaintext, to: recipient, purpose: WorkerMessage.Purpose.queryResponse, target: nonce).scaleEncoded
        let block = currentStatus.syncedNumber
        return (sealed, block, identityKey.sign(QueryProtocol.responseSigningBytes(envelope: sealed, blockNumber: block)))
    }
}

/// A response carried as an error value (`Result` needs an `Error` failure type).
struct ResponseBox: Error, @unchecked Sendable {
    let response: Response
    init(_ response: Response) { self.response = response }
}

/// Remembers recent query nonces (bounded, oldest forgotten first) so a captured query cannot be replayed.
final class ReplayGuard: Sendable {
    private let state = Mutex<(set: Set<[UInt8]>, order: Deque<[UInt8]>)>(([], []))
    private let capacity = 1_000_000

    /// Records `nonce`; false when it was seen.
    func insert(_ nonce: [UInt8]) -> Bool {
        state.withLock { state in
            guard state.set.insert(nonce).inserted else { return false }
            state.order.append(nonce)
            if state.order.count > capacity {
                state.set.remove(state.order.removeFirst())
            }
            return true
        }
    }
}

/// Queries in flight per contract.
final class InflightCounter: Sendable {
    private let counts = Mutex<[H256: Int]>([:])

    /// Takes a slot for `contract` unless `limit` are taken.
    func enter(_ contract: H256, limit: Int) -> Bool {
        counts.withLock { counts in
            guard counts[contract, default: 0] < limit else { return false }
            counts[contract, default: 0] += 1
            return true
        }
    }

    /// Releases a slot.
    func leave(_ contract: H256) { counts.withLock { $0[contract, default: 1] -= 1 } }
}

/// A port known once a server is listening.
final class BoundPort: Sendable {
    private let state = Mutex<(port: Int??, waiters: [CheckedContinuation<Int?, Never>])>((nil, []))

    func fulfill(_ port: Int?) {
        let waiters = state.withLock { state -> [CheckedContinuation<Int?, Never>] in
            guard state.port == nil else { return [] }
            state.port = .some(port)
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume(returning: port) }
    }

    func wait() async -> Int? {
        await withCheckedContinuation { continuation in
            let ready = state.withLock { state -> Int?? in
                if let port = state.port { return .some(port) }
                state.waiters.append(continuation)
                return nil
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }
}
