import PhalanxPrimitives

extension Collective {
    /// The collectives' events, with Substrate's indices.
    public enum Event: PalletEvent {
        public typealias Owner = Collective<I>
        /// A motion has been proposed by a member.
        case proposed(account: AccountId32, proposalIndex: UInt32, proposalHash: H256, threshold: UInt32)
        /// A member has voted on a motion.
        case voted(account: AccountId32, proposalHash: H256, voted: Bool, yes: UInt32, no: UInt32)
        /// A motion was approved by the required threshold.
        case approved(proposalHash: H256)
        /// A motion was not approved by the required threshold.
        case disapproved(proposalHash: H256)
        /// A motion was executed; the result of its dispatch.
        case executed(proposalHash: H256, result: Result<ScaleUnit, DispatchError>)
        /// A single member did some action; the result of its dispatch.
        case memberExecuted(proposalHash: H256, result: Result<ScaleUnit, DispatchError>)
        /// A motion was closed with these ayes and nays.
        case closed(proposalHash: H256, yes: UInt32, no: UInt32)

        public static var variants: [VariantDescription] {
            let account = FieldDescription("account", AccountId32.self, typeName: "T::AccountId")
            let hash = FieldDescription("proposal_hash", H256.self, typeName: "T::Hash")
            let yes = FieldDescription("yes", UInt32.self, typeName: "MemberCount")
            let no = FieldDescription("no", UInt32.self, typeName: "MemberCount")
            let result = FieldDescription("result", Result<ScaleUnit, DispatchError>.self, typeName: "DispatchResult")
            return [
                VariantDescription("Proposed", index: 0, fields: [
                    account, FieldDescription("proposal_index", UInt32.self, typeName: "ProposalIndex"), hash,
                    FieldDescription("threshold", UInt32.self, typeName: "MemberCount"),
                ], docs: ["A motion (given hash) has been proposed (by given account) with a threshold (given `MemberCount`)."]),
                VariantDescription("Voted", index: 1, fields: [account, hash, FieldDescription("voted", Bool.self, typeName: "bool"), yes, no],
                                   docs: ["A motion (given hash) has been voted on by given account, leaving a tally (yes votes and no votes given respectively as `MemberCount`)."]),
                VariantDescription("Approved", index: 2, fields: [hash], docs: ["A motion was approved by the required threshold."]),
                VariantDescription("Disapproved", index: 3, fields: [hash], docs: ["A motion was not approved by the required threshold."]),
                VariantDescription("Executed", index: 4, fields: [hash, result], docs: ["A motion was executed; result will be `Ok` if it returned without error."]),
                VariantDescription("MemberExecuted", index: 5, fields: [hash, result], docs: ["A single member did some action; result will be `Ok` if it returned without error."]),
                VariantDescription("Closed", index: 6, fields: [hash, yes, no], docs: ["A proposal was closed because its threshold was reached or after its duration was up."]),
            ]
        }

        public func encode(to encoder: inout ScaleEncoder) {
            switch self {
            case .proposed(let account, let index, let hash, let threshold):
                encoder.encodeVariant(index: 0)
                encoder.encodeAll(account, index, hash, threshold)
            case .voted(let account, let hash, let voted, let yes, let no):
                encoder.encodeVariant(index: 1)
                encoder.encodeAll(account, hash, voted, yes, no)
            case .approved(let hash):
                encoder.encodeVariant(index: 2)
                encoder.encode(hash)
            case .disapproved(let hash):
                encoder.encodeVariant(index: 3)
                encoder.encode(hash)
            case .executed(let hash, let result):
                encoder.encodeVariant(index: 4)
                encoder.encodeAll(hash, result)
            case .memberExecuted(let hash, let result):
                encoder.encodeVariant(index: 5)
                encoder.encodeAll(hash, result)
            case .closed(let hash, let yes, let no):
                encoder.encodeVariant(index: 6)
                encoder.encodeAll(hash, yes, no)
            }
        }

        public init(from decoder: inout ScaleDecoder) throws {
            switch try decoder.readVariantIndex() {
            case 0: self = .proposed(account: try decoder.decode(), proposalIndex: try decoder.decode(), proposalHash: try decoder.decode(), threshold: try decoder.decode())
            case 1: self = .voted(account: try decoder.decode(), proposalHash: try decoder.decode(), voted: try decoder.decode(), yes: try decoder.decode(), no: try decoder.decode())
            case 2: self = .approved(proposalHash: try decoder.decode())
            case 3: self = .disapproved(proposalHash: try decoder.decode())
            case 4: self = .executed(proposalHash: try decoder.decode(), result: try decoder.decode())
            case 5: self = .memberExecuted(proposalHash: try decoder.decode(), result: try decoder.decode())
            case 6: self = .closed(proposalHash: try decoder.decode(), yes: try decoder.decode(), no: try decoder.decode())
            case let index: throw ScaleError.invalidVariantIndex(type: "\(I.name).Event", index: index)
            }
        }
    }
}
