import PhalanxPrimitives

/// # PhalaMq
///
/// The message queue between the chain and the TEE workers (Phala's `pallets/phala/src/mq.rs`).
/// Pallets and accounts push messages into `OutboundMessages`, which workers read from each block
/// (with storage proofs); workers, gatekeepers, clusters and contracts send signed messages back
/// with `sync_offchain_message`, which the queue checks and routes to the pallets.
///
/// ## Terms
/// - *Origin*: the sender of a message (`MessageOrigin`). Off-chain origins are Worker, Gatekeeper,
///   Cluster and Contract; each signs with its registered key (worker identity key, master key,
///   `PhalaRegistry.ClusterKeys`, `PhalaRegistry.ContractKeys`).
/// - *Sequence*: per-origin counter; the chain accepts exactly `OffchainIngress[origin]` next.
/// - *Topic*: the destination path; a leading `^` keeps the message on chain (not forwarded).
///
/// ## Calls
/// - `sync_offchain_message(signed_message)` (0): any signed account relays a signed off-chain message.
/// - `push_message(destination, payload)` (1): sender = `AccountId(signer)`.
/// - `force_push_pallet_message(destination, payload)` (2): governance; sender `Pallet("ForcePushed")`.
///
/// ## Pool rule
/// `PhalaMq.poolValidity` (called by the executive's transaction validation) rejects stale
/// sequences and tags each message `("PhalaMqOffchainMessages", sender, seq)`, requiring the tag of
/// `seq − 1` so out-of-order messages wait in the pool.
///
/// ## Hooks
/// `OutboundMessages` is cleared at the start of every block.
public enum PhalaMq: Pallet {
    public static let name = "PhalaMq"
    public static let moduleName = "phala_pallets_mq"
    public static let docs = ["The message queue between the chain and the TEE workers."]

    /// Maximum topic length in bytes.
    public static let maxTopicLength = 256
    /// Maximum message payload in bytes: the largest resource upload (SideVM, 8 MiB) plus its envelope, so
    /// every message a pallet pushes decodes back from `OutboundMessages` (blocks are smaller anyway).
    public static let maxPayloadLength = 8 * 1024 * 1024 + 4096
    /// Maximum length of a pallet-name or location origin.
    public static let maxOriginNameLength = 256
    /// The pool tag prefix of off-chain messages.
    public static let tagPrefix = "PhalaMqOffchainMessages"

    public static var storageItems: [any StorageItem] { [offchainIngress, outboundMessages, queuedOutboundMessage] }

    /// Clears the previous block's outbound messages, then releases messages queued at genesis.
    public static func onInitialize(_ context: inout RuntimeContext) -> Weight {
        outboundMessages.remove(in: &context.state)
        if let queued = queuedOutboundMessage.get(context.state) {
            outboundMessages.set(queued, in: &context.state)
            queuedOutboundMessage.remove(in: &context.state)
        }
        return PhalaMqWeights.onInitialize
    }

    /// Moves the messages pushed while building genesis to `QueuedOutboundMessage`, so that workers see
    /// them in block 1 (Phala's genesis queue).
    public static func queueGenesisMessages(_ context: inout RuntimeContext) {
        guard let messages = outboundMessages.get(context.state), !messages.isEmpty else { return }
        queuedOutboundMessage.set(messages, in: &context.state)
        outboundMessages.remove(in: &context.state)
    }

    // MARK: - Interface for other pallets

    /// Appends a message to `OutboundMessages` (unless its topic is on-chain only).
    public static func push(_ message: MqMessage, context: inout RuntimeContext) {
        guard !PhalaTopic.isOnChainOnly(message.destination) else { return }
        var messages = outboundMessages.value(context.state) ?? []
        messages.append(message)
        outboundMessages.set(messages, in: &context.state)
    }

    /// Pushes the SCALE bytes `payload` from pallet `pallet` to `topic`.
    public static func pushPalletMessage(from pallet: String, topic: [UInt8], payload: [UInt8], context: inout RuntimeContext) {
        push(MqMessage(sender: .pallet(Array(pallet.utf8)), destination: topic, payload: payload), context: &context)
    }

    /// The next sequence number the chain accepts from `sender`.
    public static func expectedSequence(of sender: MessageOrigin, in state: StateOverlay) -> UInt64 {
        offchainIngress.value(sender, in: state) ?? 0
    }

    /// The key that must have signed a message from `origin`, if it is registered.
    public static func signingKey(of origin: MessageOrigin, in state: StateOverlay) -> Sr25519Public? {
        switch origin {
        case .worker(let key): PhalaRegistry.workers.contains(key, in: state) ? key : nil
        case .gatekeeper: PhalaRegistry.gatekeeperMasterPubkey.get(state)
        case .cluster(let id): PhalaRegistry.clusterKeys.get(id, in: state)
        case .contract(let id): PhalaRegistry.contractKeys.get(id, in: state)
        default: nil
        }
    }

    /// Checks and ingests a signed off-chain message: origin, topic, sequence, signature; then routes it.
    static func ingest(_ signed: SignedMessage, context: inout RuntimeContext) throws {
        let sender = signed.message.sender
        guard sender.isOffchain else { throw Error.badSender }
        guard PhalaTopic.isValid(signed.message.destination) else { throw Error.badDestination }
        let expected = expectedSequence(of: sender, in: context.state)
        guard signed.sequence == expected else { throw Error.badSequence }
        guard let key = signingKey(of: sender, in: context.state) else { throw Error.unknownSender }
        guard Sr25519.verify(signature: signed.signature, message: signed.signedBytes, publicKey: key.bytes) else {
            throw Error.badSignature
        }
        offchainIngress.set(sender, expected + 1, in: &context.state)
        try route(signed.message, context: &context)
        push(signed.message, context: &context)
    }

    /// Delivers an ingested message to the pallet that handles its topic.
    static func route(_ message: MqMessage, context: inout RuntimeContext) throws {
        switch message.destination {
        case PhalaTopic.registryEvent: try PhalaRegistry.onRegistryMessage(message, context: &context)
        case PhalaTopic.registryGatekeeperEvent: try PhalaRegistry.onGatekeeperMessage(message, context: &context)
        case PhalaTopic.registryCluster: try PhalaRegistry.onClusterRegistryMessage(message, context: &context)
        case PhalaTopic.registryContract: try PhalaPhatContracts.onContractRegistryMessage(message, context: &context)
        case PhalaTopic.clusterWorkerReport: try PhalaPhatContracts.onWorkerClusterReport(message, context: &context)
        case PhalaTopic.clusterCheckpoint: try PhalaPhatContracts.onClusterCheckpoint(message, context: &context)
        case PhalaTopic.miningReport: try PhalaComputation.onWorkingReport(message, context: &context)
        default: break
        }
    }

    /// The pool rule for `sync_offchain_message` (Phala's `CheckMqSequence`): stale sequences are
    /// rejected; the message provides `(prefix, sender, seq)` and requires `(prefix, sender, seq − 1)`
    /// when it is ahead, so it waits in the pool. Other calls: no extra tags.
    public static func poolValidity(of call: any PalletCall, in state: StateOverlay)
        -> Result<(requires: [[UInt8]], provides: [[UInt8]]), TransactionValidityError>
    {
        guard let call = call as? Call, case .syncOffchainMessage(let signed) = call else { return .success(([], [])) }
        let sender = signed.message.sender
        let expected = expectedSequence(of: sender, in: state)
        if signed.sequence < expected { return .failure(.invalid(.stale)) }
        let requires = signed.sequence > expected ? [tag(sender, signed.sequence - 1)] : []
        return .success((requires, [tag(sender, signed.sequence)]))
    }

    /// The pool tag of `sender`'s message `sequence`: `SCALE(("PhalaMqOffchainMessages", sender, sequence))`.
    public static func tag(_ sender: MessageOrigin, _ sequence: UInt64) -> [UInt8] {
        Array(tagPrefix.utf8).scaleEncoded + sender.scaleEncoded + sequence.scaleEncoded
    }
}

extension PhalaMq {
    /// The next expected sequence of each off-chain sender.
    public static let offchainIngress = StorageMap<MessageOrigin, UInt64>(
        pallet: name, item: "OffchainIngress", hasher: .blake2_128Concat,
        docs: ["The next expected sequence number of each off-chain sender."])
    /// Messages pushed in this block, for workers; cleared at the start of each block.
    public static let outboundMessages = StorageValue<[MqMessage]>(
        pallet: name, item: "OutboundMessages", default: [],
        docs: ["Messages pushed in this block for the workers; cleared in every on_initialize."])
    /// Messages pushed at genesis, released into `OutboundMessages` by block 1.
    public static let queuedOutboundMessage = StorageValue<[MqMessage]>(
        pallet: name, item: "QueuedOutboundMessage",
        docs: ["Messages pushed at genesis, released to the workers in the first block."])

    /// PhalaMq's calls, with Phala's call indices.
    public enum Call: PalletCall {
        public typealias Owner = PhalaMq
        /// Relay a signed message from an off-chain sender.
        case syncOffchainMessage(signedMessage: SignedMessage)
        /// Push a message from the signing account.
        case pushMessage(destination: [UInt8], payload: [UInt8])
        /// Governance: push a message from `Pallet("ForcePushed")`.
        case forcePushPalletMessage(destination: [UInt8], payload: [UInt8])

        public static var variants: [VariantDescription] {
            let destination = FieldDescription("destination", [UInt8].self, typeName: "Vec<u8>")
            let payload = FieldDescription("payload", [UInt8].self, typeName: "Vec<u8>")
            return [
                VariantDescription("sync_offchain_message", index: 0, fields: [
                    FieldDescription("signed_message", SignedMessage.self, typeName: "SignedMessage"),
                ], docs: ["Syncs an unverified off-chain message to the message queue."]),
                VariantDescription("push_message", index: 1, fields: [destination, payload],
                                   docs: ["Pushes a message from the signing account to a topic."]),
                VariantDescription("force_push_pallet_message", index: 2, fields: [destination, payload],
                                   docs: ["Pushes a message as the `ForcePushed` pallet (governance only)."]),
            ]
        }

        public var info: DispatchInfo {
            switch self {
            case .syncOffchainMessage(let signed):
                DispatchInfo(weight: PhalaMqWeights.syncOffchainMessage(signed.message.payload.count),
                             paysFee: signed.message.sender == .gatekeeper ? .no : .yes)
            case .pushMessage(_, let payload): DispatchInfo(weight: PhalaMqWeights.pushMessage(payload.count))
            case .forcePushPalletMessage(_, let payload):
                DispatchInfo(weight: PhalaMqWeights.pushMessage(payload.count), class: .operational)
            }
        }

        public func dispatch(origin: Origin, context: inout RuntimeContext) throws {
            switch self {
            case .syncOffchainMessage(let signed):
                _ = try origin.ensureSigned()
                try PhalaMq.ingest(signed, context: &context)
            case .pushMessage(let destination, let payload):
                let who = try origin.ensureSigned()
                guard PhalaTopic.isValid(destination) else { throw Error.badDestination }
                PhalaMq.push(MqMessage(sender: .accountId(H256(unchecked: who.bytes)), destination: destination, payload: payload),
                             context: &context)
            case .forcePushPalletMessage(let destination, let payload):
                try PhalaGovernance.ensureGovernance(origin)
                guard PhalaTopic.isValid(destination) else { throw Error.badDestination }
                PhalaMq.push(MqMessage(sender: .pallet(Array("ForcePushed".utf8)), destination: destination, payload: payload),
                             context: &context)
            }
        }

        public func encode(to encoder: inout ScaleEncoder) {
            switch self {
            case .syncOffchainMessage(let signed):
                encoder.encodeVariant(index: 0)
                encoder.encode(signed)
            case .pushMessage(let destination, let payload):
                encoder.encodeVariant(index: 1)
                encoder.encode(destination)
                encoder.encode(payload)
            case .forcePushPalletMessage(let destination, let payload):
                encoder.encodeVariant(index: 2)
                encoder.encode(destination)
                encoder.encode(payload)
            }
        }

        public init(from decoder: inout ScaleDecoder) throws {
            switch try decoder.readVariantIndex() {
            case 0: self = .syncOffchainMessage(signedMessage: try decoder.decode())
            case 1:
                self = .pushMessage(
                    destination: try decoder.decodeBoundedBytes(max: PhalaMq.maxTopicLength),
                    payload: try decoder.decodeBoundedBytes(max: PhalaMq.maxPayloadLength))
            case 2:
                self = .forcePushPalletMessage(
                    destination: try decoder.decodeBoundedBytes(max: PhalaMq.maxTopicLength),
                    payload: try decoder.decodeBoundedBytes(max: PhalaMq.maxPayloadLength))
            case let index: throw ScaleError.invalidVariantIndex(type: "PhalaMq.Call", index: index)
            }
        }
    }

    /// PhalaMq's errors (stable indices).
    public enum Error: UInt8, PalletError {
        public typealias Owner = PhalaMq
        /// The sender is not an off-chain origin.
        case badSender = 0
        /// The sequence is not the next expected one (replayed or ahead).
        case badSequence
        /// The destination topic is empty or starts with a reserved character.
        case badDestination
        /// The signature does not verify with the sender's registered key.
        case badSignature
        /// The sender has no registered key (unregistered worker, unknown cluster or contract, no master key).
        case unknownSender
        /// The message payload cannot be decoded as the topic's message type.
        case badPayload

        public var name: String {
            switch self {
            case .badSender: "BadSender"
            case .badSequence: "BadSequence"
            case .badDestination: "BadDestination"
            case .badSignature: "BadSignature"
            case .unknownSender: "UnknownSender"
            case .badPayload: "BadPayload"
            }
        }

        public var docs: String {
            switch self {
            case .badSender: "The sender is not an off-chain origin."
            case .badSequence: "The sequence is not the next expected one (replayed or ahead)."
            case .badDestination: "The destination topic is empty or starts with a reserved character."
            case .badSignature: "The signature does not verify with the sender's registered key."
            case .unknownSender: "The sender has no registered signing key."
            case .badPayload: "The message payload cannot be decoded as the topic's message type."
            }
        }
    }
}

/// Weights of PhalaMq's calls: estimates (one sr25519 verification ≈ 50 µs, two storage reads and
/// writes, plus the payload copied into `OutboundMessages`) pending a `phalanx bench pallets` run.
enum PhalaMqWeights {
    static let onInitialize = Weight(refTime: 5_000_000, proofSize: 0)
    static func syncOffchainMessage(_ payloadBytes: Int) -> Weight {
        Weight(refTime: 80_000_000 + UInt64(payloadBytes) * 1_000, proofSize: 3_500 + UInt64(payloadBytes))
    }
    static func pushMessage(_ payloadBytes: Int) -> Weight {
        Weight(refTime: 15_000_000 + UInt64(payloadBytes) * 1_000, proofSize: 1_500 + UInt64(payloadBytes))
    }
}
