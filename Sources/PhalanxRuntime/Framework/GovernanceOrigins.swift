import PhalanxPrimitives

/// The collective bodies whose decisions are origins (`Origin.collective(body:…)`).
public enum CollectiveBody {
    /// The council (`pallet_collective::<Instance1>`).
    public static let council = "Council"
    /// The technical committee (`pallet_collective::<Instance2>`).
    public static let technicalCommittee = "TechnicalCommittee"
}

/// Which origins may make a privileged call (FRAME's `EnsureOrigin` combinators: `EnsureRoot`,
/// `EnsureProportionAtLeast`, `EnsureProportionMoreThan`, `EitherOfDiverse`). Every privileged call
/// of every pallet checks its origin through one of these values, so the README's table of origins
/// is this file's named requirements.
public indirect enum OriginRequirement: Sendable, Hashable, CustomStringConvertible {
    /// Root only.
    case root
    /// A motion of `body` with `ayes * d >= n * members` (at least n/d of the members).
    case atLeast(body: String, n: UInt32, d: UInt32)
    /// A motion of `body` with `ayes * d > n * members` (more than n/d of the members).
    case moreThan(body: String, n: UInt32, d: UInt32)
    /// Any one of the requirements.
    case anyOf([OriginRequirement])

    /// Whether `origin` satisfies the requirement.
    public func allows(_ origin: Origin) -> Bool {
        switch (self, origin) {
        case (.root, .root): return true
        case (.atLeast(let body, let n, let d), .collective(let b, let ayes, let members)):
            return body == b && members > 0 && UInt64(ayes) * UInt64(d) >= UInt64(n) * UInt64(members)
        case (.moreThan(let body, let n, let d), .collective(let b, let ayes, let members)):
            return body == b && members > 0 && UInt64(ayes) * UInt64(d) > UInt64(n) * UInt64(members)
        case (.anyOf(let options), _): return options.contains { $0.allows(origin) }
        default: return false
        }
    }

    /// Succeeds if `origin` satisfies the requirement, else throws `DispatchError.badOrigin`.
    public func ensure(_ origin: Origin) throws {
        guard allows(origin) else { throw DispatchError.badOrigin }
    }

    public var description: String {
        switch self {
        case .root: "Root"
        case .atLeast(let body, let n, let d): n == d ? "all of \(body)" : "≥\(n)/\(d) \(body)"
        case .moreThan(let body, let n, let d): ">\(n)/\(d) \(body)"
        case .anyOf(let options): options.map(\.description).joined(separator: " or ")
        }
    }

    /// Root or a council motion with `requirement`.
    static func rootOr(_ requirement: OriginRequirement) -> OriginRequirement { .anyOf([.root, requirement]) }

    /// Phala's `EnsureRootOrHalfCouncil`: Root or more than half of the council. The admin origin of
    /// registry governance, tokenomic updates and other Phala-specific parameters.
    public static let governance = rootOr(.moreThan(body: CollectiveBody.council, n: 1, d: 2))
    /// Democracy `external_propose`: Root or at least half of the council.
    public static let externalOrigin = rootOr(.atLeast(body: CollectiveBody.council, n: 1, d: 2))
    /// Democracy `external_propose_majority`: Root or at least 3/4 of the council.
    public static let externalMajorityOrigin = rootOr(.atLeast(body: CollectiveBody.council, n: 3, d: 4))
    /// Democracy `external_propose_default`: Root or the whole council.
    public static let externalDefaultOrigin = rootOr(.atLeast(body: CollectiveBody.council, n: 1, d: 1))
    /// Democracy `fast_track`: Root or at least 2/3 of the technical committee.
    public static let fastTrackOrigin = rootOr(.atLeast(body: CollectiveBody.technicalCommittee, n: 2, d: 3))
    /// Democracy instant `fast_track` (voting period below `FastTrackVotingPeriod`): Root or the whole technical committee.
    public static let instantOrigin = rootOr(.atLeast(body: CollectiveBody.technicalCommittee, n: 1, d: 1))
    /// Democracy `emergency_cancel`: Root or at least 2/3 of the council.
    public static let cancellationOrigin = rootOr(.atLeast(body: CollectiveBody.council, n: 2, d: 3))
    /// Democracy `cancel_proposal`: Root or the whole technical committee.
    public static let cancelProposalOrigin = rootOr(.atLeast(body: CollectiveBody.technicalCommittee, n: 1, d: 1))
    /// Democracy `blacklist` and `cancel_referendum`: Root.
    public static let blacklistOrigin = OriginRequirement.root
    /// Treasury `approve_proposal`: Root or at least 3/5 of the council.
    public static let treasuryApproveOrigin = rootOr(.atLeast(body: CollectiveBody.council, n: 3, d: 5))
    /// Treasury `reject_proposal`, `remove_approval` and `spend_local`: Root or more than half of the council.
    public static let treasuryRejectOrigin = rootOr(.moreThan(body: CollectiveBody.council, n: 1, d: 2))
}

extension Origin: ScaleCodable, TypeInfo {
    public func encode(to encoder: inout ScaleEncoder) {
        switch self {
        case .root: encoder.encodeVariant(index: 0)
        case .signed(let who):
            encoder.encodeVariant(index: 1)
            encoder.encode(who)
        case .none: encoder.encodeVariant(index: 2)
        case .collective(let body, let ayes, let members):
            encoder.encodeVariant(index: 3)
            encoder.encodeAll(Array(body.utf8), ayes, members)
        }
    }

    public init(from decoder: inout ScaleDecoder) throws {
        switch try decoder.readVariantIndex() {
        case 0: self = .root
        case 1: self = .signed(try decoder.decode())
        case 2: self = .none
        case 3:
            let (body, ayes, members) = try decoder.decodeAll([UInt8].self, UInt32.self, UInt32.self)
            self = .collective(body: String(decoding: body, as: UTF8.self), ayes: ayes, members: members)
        case let index: throw ScaleError.invalidVariantIndex(type: "OriginCaller", index: index)
        }
    }

    public static var typeInfo: TypeDescription {
        .init(
            path: ["phalanx_runtime", "OriginCaller"],
            .variant([
                VariantDescription("Root", index: 0),
                VariantDescription("Signed", index: 1, fields: [FieldDescription(nil, AccountId32.self, typeName: "AccountId")]),
                VariantDescription("None", index: 2),
                VariantDescription("Collective", index: 3, fields: [
                    FieldDescription("body", String.self, typeName: "Vec<u8>"),
                    FieldDescription("ayes", UInt32.self, typeName: "MemberCount"),
                    FieldDescription("members", UInt32.self, typeName: "MemberCount"),
                ]),
            ]))
    }
}

/// An encoded `RuntimeCall` kept in storage (a collective's motion, a scheduled task): the call's
/// bytes, decoded against the runtime when dispatched, so storage never needs the runtime to decode.
/// In metadata it is the `RuntimeCall` itself (a single-field wrapper encodes as its field).
public struct EncodedCall: Hashable, Sendable, ScaleCodable, TypeInfo {
    /// The call's SCALE bytes (pallet index first).
    public var bytes: [UInt8]

    /// Wraps already encoded call bytes.
    public init(bytes: [UInt8]) { self.bytes = bytes }

    /// Encodes `call`.
    public init(_ call: RuntimeCall) { bytes = call.scaleEncoded }

    /// The blake2-256 hash of the call (motion and preimage hashes).
    public var hash: H256 { H256(unchecked: blake2_256(bytes)) }

    /// Decodes the call against `runtime`.
    public func decode(in runtime: RuntimeDefinition) throws -> RuntimeCall {
        var decoder = ScaleDecoder(bytes)
        let call = try RuntimeCall(from: &decoder, runtime: runtime)
        try decoder.finish()
        return call
    }

    public func encode(to encoder: inout ScaleEncoder) { encoder.append(bytes) }

    /// Takes every remaining byte: an `EncodedCall` is only ever a whole storage value.
    public init(from decoder: inout ScaleDecoder) throws { bytes = try decoder.readBytes(decoder.remaining) }

    public static var typeInfo: TypeDescription {
        .init(path: ["phalanx_runtime", "EncodedCall"], .composite([FieldDescription(reference: RuntimeTypes.runtimeCall, typeName: "RuntimeCall")]))
    }
}

/// Dispatches `call` with `origin` in its own transactional layer and reports the result instead of
/// failing (how collectives, the scheduler and sudo run nested calls).
func dispatchNested(_ call: RuntimeCall, as origin: Origin, context: inout RuntimeContext) -> Result<ScaleUnit, DispatchError> {
    do {
        try context.transactional { context in try call.call.dispatch(origin: origin, context: &context) }
        return .success(ScaleUnit())
    } catch {
        return .failure(context.dispatchError(from: error))
    }
}

/// Integer square root (`IntegerSquareRoot`), exact floor, no floating point.
func integerSquareRoot(_ value: UInt128) -> UInt128 {
    guard value > 1 else { return value }
    var x = value
    var y = (x + 1) / 2
    while y < x {
        x = y
        y = (x + value / x) / 2
    }
    return x
}

/// Whether n1/d1 < n2/d2 without overflow (Substrate's `compare_rationals`, continued fractions).
/// A zero denominator counts as an infinite ratio.
func compareRationals(_ n1: UInt128, _ d1: UInt128, _ n2: UInt128, _ d2: UInt128) -> Bool {
    var (n1, d1, n2, d2) = (n1, d1, n2, d2)
    for _ in 0..<256 {
        if d1 == 0 { return false }
        if d2 == 0 { return true }
        let q1 = n1 / d1, q2 = n2 / d2
        if q1 < q2 { return true }
        if q2 < q1 { return false }
        let r1 = n1 % d1, r2 = n2 % d2
        if r2 == 0 { return false }
        if r1 == 0 { return true }
        (n1, n2, d1, d2) = (d2, d1, r2, r1)
    }
    return false
}
