import PhalanxPrimitives

/// # Preimage
///
/// Stores the bytes of calls ("preimages") by their blake2-256 hash, so governance can refer to a
/// call by hash (a democracy proposal) and fetch it only when it is enacted.
///
/// ## Terms
/// - *Preimage*: the SCALE bytes of a `RuntimeCall`; its hash is `blake2_256(bytes)`.
/// - *Deposit*: `base + bytes · per-byte`, reserved from a signed noter and returned on unnote.
///   Root notes for free.
///
/// ## Calls
/// - `note_preimage(bytes)`: signed (with deposit) or Root.
/// - `unnote_preimage(hash)`: the noter (deposit returned) or Root.
public enum Preimage: Pallet {
    public static let name = "Preimage"
    public static let moduleName = "pallet_preimage"
    public static let docs = ["Call preimages stored by hash for governance."]

    /// Largest preimage accepted: 4 MiB, as Substrate.
    public static let maxSize: UInt32 = 4 * 1024 * 1024
    /// Reserve identifier of preimage deposits.
    static let reserveId = Array("preimage".utf8)

    public static var storageItems: [any StorageItem] { [statusFor, preimageFor] }

    /// Who noted a preimage, its deposit and length.
    public static let statusFor = StorageMap<H256, PreimageStatus>(
        pallet: name, item: "StatusFor", hasher: .identity, docs: ["The request status of a given hash."])
    /// The preimage bytes by hash.
    public static let preimageFor = StorageMap<H256, [UInt8]>(
        pallet: name, item: "PreimageFor", hasher: .identity, docs: ["The preimages, by hash."])

    /// The preimage of `hash`, if noted.
    public static func fetch(_ hash: H256, in state: StateOverlay) -> [UInt8]? { preimageFor.get(hash, in: state) }

    /// Notes `bytes` (used by the call and by tests); returns the hash.
    @discardableResult
    static func note(_ bytes: [UInt8], by depositor: AccountId32?, context: inout RuntimeContext) throws -> H256 {
        guard bytes.count <= Int(maxSize) else { throw Error.tooBig }
        let hash = H256(unchecked: blake2_256(bytes))
        guard !preimageFor.contains(hash, in: context.state) else { throw Error.alreadyNoted }
        var deposit: UInt128 = 0
        if let depositor {
            deposit = GovernanceConfig.active.preimageBaseDeposit + UInt128(bytes.count) * GovernanceConfig.active.preimageByteDeposit
            try Balances.reserve(depositor, id: reserveId, amount: deposit, context: &context)
        }
        statusFor.set(hash, PreimageStatus(depositor: depositor, deposit: deposit, len: UInt32(bytes.count)), in: &context.state)
        preimageFor.set(hash, bytes, in: &context.state)
        context.deposit(Event.noted(hash: hash))
        return hash
    }
}

/// Who noted a preimage and what they deposited (a simplified `pallet_preimage::RequestStatus`).
public struct PreimageStatus: Hashable, Sendable, ScaleCodable, TypeInfo {
    /// The signed account that paid the deposit; `nil` when Root noted it.
    public var depositor: AccountId32?
    /// The reserved deposit.
    public var deposit: UInt128
    /// The preimage's length in bytes.
    public var len: UInt32

    public func encode(to encoder: inout ScaleEncoder) { encoder.encodeAll(depositor, deposit, len) }

    /// A status.
    public init(depositor: AccountId32?, deposit: UInt128, len: UInt32) {
        self.depositor = depositor
        self.deposit = deposit
        self.len = len
    }

    public init(from decoder: inout ScaleDecoder) throws {
        (depositor, deposit, len) = try decoder.decodeAll(AccountId32?.self, UInt128.self, UInt32.self)
    }

    public static var typeInfo: TypeDescription {
        .init(path: ["pallet_preimage", "PreimageStatus"], .composite([
            FieldDescription("depositor", AccountId32?.self, typeName: "Option<AccountId>"),
            FieldDescription("deposit", UInt128.self, typeName: "Balance"),
            FieldDescription("len", UInt32.self, typeName: "u32"),
        ]))
    }
}

extension Preimage {
    /// Preimage's calls.
    public enum Call: PalletCall {
        public typealias Owner = Preimage
        /// Store a preimage; signed origins reserve a deposit.
        case notePreimage(bytes: [UInt8])
        /// Remove a preimage and return its deposit.
        case unnotePreimage(hash: H256)

        public static var variants: [VariantDescription] {
            [
                VariantDescription("note_preimage", index: 0, fields: [FieldDescription("bytes", [UInt8].self, typeName: "Vec<u8>")],
                                   docs: ["Register a preimage on-chain."]),
                VariantDescription("unnote_preimage", index: 1, fields: [FieldDescription("hash", H256.self, typeName: "T::Hash")],
                                   docs: ["Clear an unrequested preimage from the runtime storage."]),
            ]
        }

        public var info: DispatchInfo {
            switch self {
            case .notePreimage(let bytes): DispatchInfo(weight: PreimageWeights.notePreimage(bytes: bytes.count))
            case .unnotePreimage: DispatchInfo(weight: PreimageWeights.unnotePreimage)
            }
        }

        public func dispatch(origin: Origin, context: inout RuntimeContext) throws {
            switch self {
            case .notePreimage(let bytes):
                let depositor: AccountId32?
                if case .root = origin { depositor = nil } else { depositor = try origin.ensureSigned() }
                try Preimage.note(bytes, by: depositor, context: &context)
            case .unnotePreimage(let hash):
                guard let status = Preimage.statusFor.get(hash, in: context.state) else { throw Error.notNoted }
                if case .root = origin {
                } else {
                    let who = try origin.ensureSigned()
                    guard status.depositor == who else { throw Error.notAuthorized }
                }
                if let depositor = status.depositor {
                    Balances.unreserve(depositor, id: Preimage.reserveId, amount: status.deposit, context: &context)
                }
                Preimage.statusFor.remove(hash, in: &context.state)
                Preimage.preimageFor.remove(hash, in: &context.state)
                context.deposit(Event.cleared(hash: hash))
            }
        }

        public func encode(to encoder: inout ScaleEncoder) {
            switch self {
            case .notePreimage(let bytes):
                encoder.encodeVariant(index: 0)
                encoder.encode(bytes)
            case .unnotePreimage(let hash):
                encoder.encodeVariant(index: 1)
                encoder.encode(hash)
            }
        }

        public init(from decoder: inout ScaleDecoder) throws {
            switch try decoder.readVariantIndex() {
            case 0: self = .notePreimage(bytes: try decoder.decode())
            case 1: self = .unnotePreimage(hash: try decoder.decode())
            case let index: throw ScaleError.invalidVariantIndex(type: "Preimage.Call", index: index)
            }
        }
    }

    /// Preimage's events.
    public enum Event: PalletEvent {
        public typealias Owner = Preimage
        /// A preimage has been noted.
        case noted(hash: H256)
        /// A preimage has been cleared.
        case cleared(hash: H256)

        public static var variants: [VariantDescription] {
            let hash = FieldDescription("hash", H256.self, typeName: "T::Hash")
            return [
                VariantDescription("Noted", index: 0, fields: [hash], docs: ["A preimage has been noted."]),
                VariantDescription("Cleared", index: 2, fields: [hash], docs: ["A preimage has ben cleared."]),
            ]
        }

        public func encode(to encoder: inout ScaleEncoder) {
            switch self {
            case .noted(let hash):
                encoder.encodeVariant(index: 0)
                encoder.encode(hash)
            case .cleared(let hash):
                encoder.encodeVariant(index: 2)
                encoder.encode(hash)
            }
        }

        public init(from decoder: inout ScaleDecoder) throws {
            switch try decoder.readVariantIndex() {
            case 0: self = .noted(hash: try decoder.decode())
            case 2: self = .cleared(hash: try decoder.decode())
            case let index: throw ScaleError.invalidVariantIndex(type: "Preimage.Event", index: index)
            }
        }
    }

    /// Preimage's errors, in Substrate's order.
    public enum Error: UInt8, PalletError {
        public typealias Owner = Preimage
        /// Preimage is too large to store on-chain.
        case tooBig = 0
        /// Preimage has already been noted on-chain.
        case alreadyNoted
        /// The user is not authorized to perform this action.
        case notAuthorized
        /// The preimage cannot be removed since it has not yet been noted.
        case notNoted

        public var name: String {
            switch self {
            case .tooBig: "TooBig"
            case .alreadyNoted: "AlreadyNoted"
            case .notAuthorized: "NotAuthorized"
            case .notNoted: "NotNoted"
            }
        }

        public var docs: String {
            switch self {
            case .tooBig: "Preimage is too large to store on-chain."
            case .alreadyNoted: "Preimage has already been noted on-chain."
            case .notAuthorized: "The user is not authorized to perform this action."
            case .notNoted: "The preimage cannot be removed since it has not yet been noted."
            }
        }
    }
}
