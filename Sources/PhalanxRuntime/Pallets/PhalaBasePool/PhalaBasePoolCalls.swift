import PhalanxPrimitives

extension PhalaBasePool {
    /// The maximum whitelist length.
    public static let maxWhitelistLength = 100

    /// PhalaBasePool's calls.
    public enum Call: PalletCall {
        public typealias Owner = PhalaBasePool
        /// Owner: adds a staker to the pool's contribution whitelist (creating it).
        case addStakerToWhitelist(pid: UInt64, staker: AccountId32)
        /// Owner: removes a staker from the whitelist (an empty whitelist is deleted).
        case removeStakerFromWhitelist(pid: UInt64, staker: AccountId32)

        public static var variants: [VariantDescription] {
            let fields = [FieldDescription("pid", UInt64.self, typeName: "u64"), FieldDescription("staker", AccountId32.self, typeName: "T::AccountId")]
            return [
                VariantDescription("add_staker_to_whitelist", index: 0, fields: fields, docs: ["Adds a staker accountid to contribution whitelist."]),
                VariantDescription("remove_staker_from_whitelist", index: 2, fields: fields, docs: ["Removes a staker accountid from contribution whitelist."]),
            ]
        }

        public var info: DispatchInfo {
            switch self {
            case .addStakerToWhitelist: DispatchInfo(weight: PhalaBasePoolWeights.addStakerToWhitelist)
            case .removeStakerFromWhitelist: DispatchInfo(weight: PhalaBasePoolWeights.removeStakerFromWhitelist)
            }
        }

        public func dispatch(origin: Origin, context: inout RuntimeContext) throws {
            let who = try origin.ensureSigned()
            switch self {
            case .addStakerToWhitelist(let pid, let staker):
                let pool = try basePool(pid, in: context.state)
                guard pool.owner == who else { throw Error.unauthorizedPoolOwner }
                var list = poolContributionWhitelists.get(pid, in: context.state) ?? []
                guard !list.contains(staker) else { throw Error.alreadyInContributeWhitelist }
                guard list.count < maxWhitelistLength else { throw Error.exceedWhitelistMaxLen }
                list.append(staker)
                poolContributionWhitelists.set(pid, list, in: &context.state)
                context.deposit(Event.poolWhitelistStakerAdded(pid: pid, staker: staker))
            case .removeStakerFromWhitelist(let pid, let staker):
                let pool = try basePool(pid, in: context.state)
                guard pool.owner == who else { throw Error.unauthorizedPoolOwner }
                var list = poolContributionWhitelists.get(pid, in: context.state) ?? []
                guard let index = list.firstIndex(of: staker) else { throw Error.notInContributeWhitelist }
                list.remove(at: index)
                if list.isEmpty { poolContributionWhitelists.remove(pid, in: &context.state) } else { poolContributionWhitelists.set(pid, list, in: &context.state) }
                context.deposit(Event.poolWhitelistStakerRemoved(pid: pid, staker: staker))
            }
        }

        public func encode(to encoder: inout ScaleEncoder) {
            switch self {
            case .addStakerToWhitelist(let pid, let s): encoder.encodeVariant(index: 0); encoder.encodeAll(pid, s)
            case .removeStakerFromWhitelist(let pid, let s): encoder.encodeVariant(index: 2); encoder.encodeAll(pid, s)
            }
        }

        public init(from decoder: inout ScaleDecoder) throws {
            switch try decoder.readVariantIndex() {
            case 0: self = .addStakerToWhitelist(pid: try decoder.decode(), staker: try decoder.decode())
            case 2: self = .removeStakerFromWhitelist(pid: try decoder.decode(), staker: try decoder.decode())
            case let index: throw ScaleError.invalidVariantIndex(type: "PhalaBasePool.Call", index: index)
            }
        }
    }
}
