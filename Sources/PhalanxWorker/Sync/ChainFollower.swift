import PhalanxClient
import PhalanxPrimitives
import PhalanxRuntime
import PhalanxStorage

/// Errors of chain synchronisation, each one sentence.
public struct SyncError: Error, CustomStringConvertible {
    /// The sentence.
    public let description: String
    init(_ description: String) { self.description = description }
}

/// A finalized block as the worker consumes it: verified header fields plus the proven messages.
struct VerifiedBlock {
    var block: ProcessedBlock
    var messages: [MqMessage]
}

/// A light client over the node's JSON-RPC: it trusts only the genesis hash and the authority key, and
/// checks every block it consumes — the header hashes to the block hash, links to its parent, carries the
/// authority's seal — and reads `PhalaMq.OutboundMessages` and `Timestamp.Now` through a storage proof
/// against the header's state root. A lying node can withhold blocks but not forge or alter messages.
struct ChainFollower: Sendable {
    /// The node.
    let client: NodeClient
    /// The sealing authority's sr25519 public key.
    let authority: [UInt8]

    /// The genesis block hash.
    func genesisHash() async throws -> H256 {
        guard let text = try await client.call("chain_getBlockHash", [0]) as? String, let hash = H256(hex: text) else {
            throw SyncError("The node did not return its genesis hash.")
        }
        return hash
    }

    /// The number of the latest finalized block.
    func finalizedNumber() async throws -> UInt32 {
        guard let hashText = try await client.call("chain_getFinalizedHead", []) as? String else {
            throw SyncError("The node did not return its finalized head.")
        }
        return try await header(hashText).number
    }

    /// Fetches and verifies block `number`, whose parent must be `parent`.
    func block(_ number: UInt32, parent: H256) async throws -> VerifiedBlock {
        guard let hashText = try await client.call("chain_getBlockHash", [Int(number)]) as? String, let hash = H256(hex: hashText) else {
            throw SyncError("The node has no block \(number).")
        }
        let header = try await header(hashText)
        guard header.hash == hash else { throw SyncError("Block \(number)'s header does not hash to \(hash).") }
        guard header.number == number, header.parentHash == parent else {
            throw SyncError("Block \(number) does not extend the block the worker processed before it.")
        }
        guard BlockSeal.verify(header, authority: authority) else {
            throw SyncError("Block \(number) is not sealed by the chain's authority.")
        }
        let keys = [PhalaMq.outboundMessages.key, Timestamp.now.key]
        guard let result = try await client.call("state_getReadProof", [keys.map(\.prefixedHex), hashText]) as? [String: Any],
            let nodes = result["proof"] as? [String]
        else { throw SyncError("The node did not return a storage proof for block \(number).") }
        let proof = try StorageProof(nodes: nodes.map { text in
            guard let bytes = [UInt8](hex: text) else { throw SyncError("The storage proof of block \(number) is not hex.") }
            return bytes
        })
        let root = header.stateRoot.bytes
        let messages: [MqMessage]
        let timestamp: UInt64
        do {
            messages = try proof.read(keys[0], root: root).map { try [MqMessage].decode(scale: $0) } ?? []
            timestamp = try proof.read(keys[1], root: root).map { try UInt64.decode(scale: $0) } ?? 0
        } catch {
            throw SyncError("The storage proof of block \(number) does not verify against its state root: \(error).")
        }
        return VerifiedBlock(block: ProcessedBlock(number: number, hash: hash, timestamp: timestamp), messages: messages)
    }

    /// A storage value at block `hash` (used for registry lookups and sequence numbers; not consensus-critical).
    func storage<T: ScaleDecodable>(_ key: [UInt8], at hash: H256? = nil, as type: T.Type) async throws -> T? {
        let params: [Any] = hash.map { [key.prefixedHex, $0.description] } ?? [key.prefixedHex]
        guard let text = try await client.call("state_getStorage", params) as? String else { return nil }
        guard let bytes = [UInt8](hex: text) else { throw SyncError("The node sent a malformed storage value.") }
        return try T.decode(scale: bytes, limits: .unlimited)
    }

    private func header(_ hashText: String) async throws -> Header {
        guard let json = try await client.call("chain_getHeader", [hashText]) as? [String: Any],
            let parent = (json["parentHash"] as? String).flatMap(H256.init(hex:)),
            let numberText = json["number"] as? String, let number = UInt32(numberText.dropFirst(2), radix: 16),
            let stateRoot = (json["stateRoot"] as? String).flatMap(H256.init(hex:)),
            let extrinsicsRoot = (json["extrinsicsRoot"] as? String).flatMap(H256.init(hex:)),
            let logs = (json["digest"] as? [String: Any])?["logs"] as? [String]
        else { throw SyncError("The node sent a malformed header for \(hashText).") }
        let items = try logs.map { text -> DigestItem in
            guard let bytes = [UInt8](hex: text) else { throw SyncError("A digest item of \(hashText) is not hex.") }
            return try DigestItem.decode(scale: bytes)
        }
        return Header(parentHash: parent, number: number, stateRoot: stateRoot, extrinsicsRoot: extrinsicsRoot, digest: Digest(logs: items))
    }
}
