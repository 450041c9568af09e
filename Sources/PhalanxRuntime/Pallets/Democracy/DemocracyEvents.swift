import PhalanxPrimitives

extension Democracy {
    /// Democracy's events, with Substrate's indices.
    public enum Event: PalletEvent {
        public typealias Owner = Democracy
        /// A motion has been proposed by a public account.
        case proposed(proposalIndex: UInt32, deposit: UInt128)
        /// A public proposal has been tabled for referendum vote.
        case tabled(proposalIndex: UInt32, deposit: UInt128)
        /// An external proposal has been tabled.
        case externalTabled
        /// A referendum has begun.
        case started(refIndex: UInt32, threshold: VoteThreshold)
        /// A proposal has been approved by referendum.
        case passed(refIndex: UInt32)
        /// A proposal has been rejected by referendum.
        case notPassed(refIndex: UInt32)
        /// A referendum has been cancelled.
        case cancelled(refIndex: UInt32)
        /// An account has delegated their vote to another account.
        case delegated(who: AccountId32, target: AccountId32)
        /// An account has cancelled a previous delegation operation.
        case undelegated(account: AccountId32)
        /// An external proposal has been vetoed.
        case vetoed(who: AccountId32, proposalHash: H256, until: UInt32)
        /// A proposal has been blacklisted permanently.
        case blacklisted(proposalHash: H256)
        /// An account has voted in a referendum.
        case voted(voter: AccountId32, refIndex: UInt32, vote: AccountVote)
        /// An account has seconded a proposal.
        case seconded(seconder: AccountId32, propIndex: UInt32)
        /// A proposal got canceled.
        case proposalCanceled(propIndex: UInt32)

        public static var variants: [VariantDescription] {
            let proposalIndex = FieldDescription("proposal_index", UInt32.self, typeName: "PropIndex")
            let deposit = FieldDescription("deposit", UInt128.self, typeName: "BalanceOf<T>")
            let refIndex = FieldDescription("ref_index", UInt32.self, typeName: "ReferendumIndex")
            let hash = FieldDescription("proposal_hash", H256.self, typeName: "T::Hash")
            return [
                VariantDescription("Proposed", index: 0, fields: [proposalIndex, deposit], docs: ["A motion has been proposed by a public account."]),
                VariantDescription("Tabled", index: 1, fields: [proposalIndex, deposit], docs: ["A public proposal has been tabled for referendum vote."]),
                VariantDescription("ExternalTabled", index: 2, docs: ["An external proposal has been tabled."]),
                VariantDescription("Started", index: 3, fields: [refIndex, FieldDescription("threshold", VoteThreshold.self, typeName: "VoteThreshold")],
                                   docs: ["A referendum has begun."]),
                VariantDescription("Passed", index: 4, fields: [refIndex], docs: ["A proposal has been approved by referendum."]),
                VariantDescription("NotPassed", index: 5, fields: [refIndex], docs: ["A proposal has been rejected by referendum."]),
                VariantDescription("Cancelled", index: 6, fields: [refIndex], docs: ["A referendum has been cancelled."]),
                VariantDescription("Delegated", index: 7, fields: [
                    FieldDescription("who", AccountId32.self, typeName: "T::AccountId"), FieldDescription("target", AccountId32.self, typeName: "T::AccountId"),
                ], docs: ["An account has delegated their vote to another account."]),
                VariantDescription("Undelegated", index: 8, fields: [FieldDescription("account", AccountId32.self, typeName: "T::AccountId")],
                                   docs: ["An account has cancelled a previous delegation operation."]),
                VariantDescription("Vetoed", index: 9, fields: [
                    FieldDescription("who", AccountId32.self, typeName: "T::AccountId"), hash,
                    FieldDescription("until", UInt32.self, typeName: "BlockNumberFor<T>"),
                ], docs: ["An external proposal has been vetoed."]),
                VariantDescription("Blacklisted", index: 10, fields: [hash], docs: ["A proposal_hash has been blacklisted permanently."]),
                VariantDescription("Voted", index: 11, fields: [
                    FieldDescription("voter", AccountId32.self, typeName: "T::AccountId"), refIndex,
                    FieldDescription("vote", AccountVote.self, typeName: "AccountVote<BalanceOf<T>>"),
                ], docs: ["An account has voted in a referendum"]),
                VariantDescription("Seconded", index: 12, fields: [
                    FieldDescription("seconder", AccountId32.self, typeName: "T::AccountId"), FieldDescription("prop_index", UInt32.self, typeName: "PropIndex"),
                ], docs: ["An account has seconded a proposal"]),
                VariantDescription("ProposalCanceled", index: 13, fields: [FieldDescription("prop_index", UInt32.self, typeName: "PropIndex")],
                                   docs: ["A proposal got canceled."]),
            ]
        }

        public func encode(to encoder: inout ScaleEncoder) {
            switch self {
            case .proposed(let index, let deposit):
                encoder.encodeVariant(index: 0)
                encoder.encodeAll(index, deposit)
            case .tabled(let index, let deposit):
                encoder.encodeVariant(index: 1)
                encoder.encodeAll(index, deposit)
            case .externalTabled: encoder.encodeVariant(index: 2)
            case .started(let refIndex, let threshold):
                encoder.encodeVariant(index: 3)
                encoder.encodeAll(refIndex, threshold)
            case .passed(let refIndex):
                encoder.encodeVariant(index: 4)
                encoder.encode(refIndex)
            case .notPassed(let refIndex):
                encoder.encodeVariant(index: 5)
                encoder.encode(refIndex)
            case .cancelled(let refIndex):
                encoder.encodeVariant(index: 6)
                encoder.encode(refIndex)
            case .delegated(let who, let target):
                encoder.encodeVariant(index: 7)
                encoder.encodeAll(who, target)
            case .undelegated(let account):
                encoder.encodeVariant(index: 8)
                encoder.encode(account)
            case .vetoed(let who, let hash, let until):
                encoder.encodeVariant(index: 9)
                encoder.encodeAll(who, hash, until)
            case .blacklisted(let hash):
                encoder.encodeVariant(index: 10)
                encoder.encode(hash)
            case .voted(let voter, let refIndex, let vote):
                encoder.encodeVariant(index: 11)
                encoder.encodeAll(voter, refIndex, vote)
            case .seconded(let seconder, let propIndex):
                encoder.encodeVariant(index: 12)
                encoder.encodeAll(seconder, propIndex)
            case .proposalCanceled(let propIndex):
                encoder.encodeVariant(index: 13)
                encoder.encode(propIndex)
            }
        }

        public init(from decoder: inout ScaleDecoder) throws {
            switch try decoder.readVariantIndex() {
            case 0: self = .proposed(proposalIndex: try decoder.decode(), deposit: try decoder.decode())
            case 1: self = .tabled(proposalIndex: try decoder.decode(), deposit: try decoder.decode())
            case 2: self = .externalTabled
            case 3: self = .started(refIndex: try decoder.decode(), threshold: try decoder.decode())
            case 4: self = .passed(refIndex: try decoder.decode())
            case 5: self = .notPassed(refIndex: try decoder.decode())
            case 6: self = .cancelled(refIndex: try decoder.decode())
            case 7: self = .delegated(who: try decoder.decode(), target: try decoder.decode())
            case 8: self = .undelegated(account: try decoder.decode())
            case 9: self = .vetoed(who: try decoder.decode(), proposalHash: try decoder.decode(), until: try decoder.decode())
            case 10: self = .blacklisted(proposalHash: try decoder.decode())
            case 11: self = .voted(voter: try decoder.decode(), refIndex: try decoder.decode(), vote: try decoder.decode())
            case 12: self = .seconded(seconder: try decoder.decode(), propIndex: try decoder.decode())
            case 13: self = .proposalCanceled(propIndex: try decoder.decode())
            case let index: throw ScaleError.invalidVariantIndex(type: "Democracy.Event", index: index)
            }
        }
    }
}
