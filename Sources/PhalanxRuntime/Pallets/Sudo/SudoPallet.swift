import PhalanxPrimitives

/// # Sudo
///
/// A single key that may dispatch any call as root. Present only in development and local chain
/// specs (key //Alice); production networks use governance instead.
///
/// ## Calls
/// - `sudo(call)`, `sudo_unchecked_weight(call, weight)`, `sudo_as(who, call)`: dispatch as root / as `who`.
/// - `set_key(new)`, `remove_key()`.
public enum Sudo: Pallet {
    public static let name = "Sudo"
    public static let moduleName = "pallet_sudo"
    public static let docs = ["A superuser key for development chains."]

    public static var storageItems: [any StorageItem] { [key] }

    /// The sudo key.
    public static let key = StorageValue<AccountId32>(pallet: name, item: "Key", docs: ["The `AccountId` of the sudo key."])

    static func ensureSudo(_ origin: Origin, in state: StateOverlay) throws {
        let who = try origin.ensureSigned()
        guard let sudoKey = key.get(state), sudoKey == who else { throw Error.requireSudo }
    }

    /// Dispatches `call` as `origin`, reporting the result instead of failing.
    static func dispatchInner(_ call: RuntimeCall, as origin: Origin, context: inout RuntimeContext) -> Result<ScaleUnit, DispatchError> {
        do {
            try context.transactional { context in try call.call.dispatch(origin: origin, context: &context) }
            return .success(ScaleUnit())
        } catch {
            return .failure(context.dispatchError(from: error))
        }
    }
}

extension Sudo {
    /// Sudo's calls.
    public enum Call: PalletCall {
        public typealias Owner = Sudo
        /// Dispatch `call` as root.
        case sudo(call: RuntimeCall)
        /// Dispatch `call` as root with a given weight.
        case sudoUncheckedWeight(call: RuntimeCall, weight: Weight)
        /// Change the sudo key.
        case setKey(new: MultiAddress)
        /// Dispatch `call` as a signed origin of `who`.
        case sudoAs(who: MultiAddress, call: RuntimeCall)
        /// Remove the sudo key permanently.
        case removeKey

        public static var variants: [VariantDescription] {
            let call = FieldDescription(reference: RuntimeTypes.runtimeCall, name: "call", typeName: "Box<<T as Config>::RuntimeCall>")
            return [
                VariantDescription("sudo", index: 0, fields: [call], docs: ["Authenticates the sudo key and dispatches a function call with `Root` origin."]),
                VariantDescription("sudo_unchecked_weight", index: 1, fields: [call, FieldDescription("weight", Weight.self, typeName: "Weight")],
                                   docs: ["Same as `sudo`, with a caller-given weight."]),
                VariantDescription("set_key", index: 2, fields: [FieldDescription("new", MultiAddress.self, typeName: "AccountIdLookupOf<T>")],
                                   docs: ["Authenticates the current sudo key and sets the given AccountId as the new sudo key."]),
                VariantDescription("sudo_as", index: 3, fields: [FieldDescription("who", MultiAddress.self, typeName: "AccountIdLookupOf<T>"), call],
                                   docs: ["Dispatches a function call with a `Signed` origin from a given account."]),
                VariantDescription("remove_key", index: 4, docs: ["Permanently removes the sudo key."]),
            ]
        }

        public var info: DispatchInfo {
            switch self {
            case .sudo(let call), .sudoAs(_, let call):
                let inner = call.call.info
                return DispatchInfo(weight: inner.weight + Weight(refTime: 10_000_000), class: inner.dispatchClass)
            case .sudoUncheckedWeight(_, let weight): return DispatchInfo(weight: weight)
            case .setKey, .removeKey: return DispatchInfo(weight: Weight(refTime: 10_000_000, proofSize: 1_517))
            }
        }

        public func dispatch(origin: Origin, context: inout RuntimeContext) throws {
            try Sudo.ensureSudo(origin, in: context.state)
            switch self {
            case .sudo(let call), .sudoUncheckedWeight(let call, _):
                let result = Sudo.dispatchInner(call, as: .root, context: &context)
                context.deposit(Event.sudid(sudoResult: result))
            case .sudoAs(let who, let call):
                let result = Sudo.dispatchInner(call, as: .signed(try who.lookup()), context: &context)
                context.deposit(Event.sudoAsDone(sudoResult: result))
            case .setKey(let new):
                let newKey = try new.lookup()
                let old = Sudo.key.get(context.state)
                Sudo.key.set(newKey, in: &context.state)
                context.deposit(Event.keyChanged(old: old, new: newKey))
            case .removeKey:
                Sudo.key.remove(in: &context.state)
                context.deposit(Event.keyRemoved)
            }
        }

        public func encode(to encoder: inout ScaleEncoder) {
            switch self {
            case .sudo(let call):
                encoder.encodeVariant(index: 0)
                encoder.encode(call)
            case .sudoUncheckedWeight(let call, let weight):
                encoder.encodeVariant(index: 1)
                encoder.encode(call)
                encoder.encode(weight)
            case .setKey(let new):
                encoder.encodeVariant(index: 2)
                encoder.encode(new)
            case .sudoAs(let who, let call):
                encoder.encodeVariant(index: 3)
                encoder.encode(who)
                encoder.encode(call)
            case .removeKey: encoder.encodeVariant(index: 4)
            }
        }

        public init(from decoder: inout ScaleDecoder) throws {
            switch try decoder.readVariantIndex() {
            case 0: self = .sudo(call: try RuntimeCall(nestedFrom: &decoder))
            case 1: self = .sudoUncheckedWeight(call: try RuntimeCall(nestedFrom: &decoder), weight: try decoder.decode())
            case 2: self = .setKey(new: try decoder.decode())
            case 3: self = .sudoAs(who: try decoder.decode(), call: try RuntimeCall(nestedFrom: &decoder))
            case 4: self = .removeKey
            case let index: throw ScaleError.invalidVariantIndex(type: "Sudo.Call", index: index)
            }
        }
    }

    /// Sudo's events.
    public enum Event: PalletEvent {
        public typealias Owner = Sudo
        /// A sudo call just took place.
        case sudid(sudoResult: Result<ScaleUnit, DispatchError>)
        /// The sudo key has been updated.
        case keyChanged(old: AccountId32?, new: AccountId32)
        /// The key was permanently removed.
        case keyRemoved
        /// A `sudo_as` call just took place.
        case sudoAsDone(sudoResult: Result<ScaleUnit, DispatchError>)

        public static var variants: [VariantDescription] {
            let result = FieldDescription("sudo_result", Result<ScaleUnit, DispatchError>.self, typeName: "DispatchResult")
            return [
                VariantDescription("Sudid", index: 0, fields: [result], docs: ["A sudo call just took place."]),
                VariantDescription("KeyChanged", index: 1, fields: [
                    FieldDescription("old", AccountId32?.self, typeName: "Option<T::AccountId>"),
                    FieldDescription("new", AccountId32.self, typeName: "T::AccountId"),
                ], docs: ["The sudo key has been updated."]),
                VariantDescription("KeyRemoved", index: 2, docs: ["The key was permanently removed."]),
                VariantDescription("SudoAsDone", index: 3, fields: [result], docs: ["A [sudo_as](Pallet::sudo_as) call just took place."]),
            ]
        }

        public func encode(to encoder: inout ScaleEncoder) {
            switch self {
            case .sudid(let result):
                encoder.encodeVariant(index: 0)
                encoder.encode(result)
            case .keyChanged(let old, let new):
                encoder.encodeVariant(index: 1)
                encoder.encode(old)
                encoder.encode(new)
            case .keyRemoved: encoder.encodeVariant(index: 2)
            case .sudoAsDone(let result):
                encoder.encodeVariant(index: 3)
                encoder.encode(result)
            }
        }

        public init(from decoder: inout ScaleDecoder) throws {
            switch try decoder.readVariantIndex() {
            case 0: self = .sudid(sudoResult: try decoder.decode())
            case 1: self = .keyChanged(old: try decoder.decode(), new: try decoder.decode())
            case 2: self = .keyRemoved
            case 3: self = .sudoAsDone(sudoResult: try decoder.decode())
            case let index: throw ScaleError.invalidVariantIndex(type: "Sudo.Event", index: index)
            }
        }
    }

    /// Sudo's errors.
    public enum Error: UInt8, PalletError {
        public typealias Owner = Sudo
        /// Sender must be the Sudo account.
        case requireSudo = 0

        public var name: String { "RequireSudo" }
        public var docs: String { "Sender must be the Sudo account." }
    }
}
