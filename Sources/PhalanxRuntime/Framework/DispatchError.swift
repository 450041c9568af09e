import PhalanxPrimitives

/// Why a dispatch failed (`sp_runtime::DispatchError`), with Substrate's variant indices so
/// clients decode it: a pallet's own errors are `module(ModuleError)`.
public enum DispatchError: Error, Hashable, Sendable, ScaleCodable, TypeInfo {
    /// Some other error.
    case other
    /// Failed to look up an account or similar.
    case cannotLookup
    /// The origin is not allowed to make this call.
    case badOrigin
    /// A pallet's error: pallet index and the error's variant index.
    case module(ModuleError)
    /// The account still has consumers and cannot be removed.
    case consumerRemaining
    /// The account has no providers.
    case noProviders
    /// Too many consumers on the account.
    case tooManyConsumers
    /// A token-level error.
    case token(TokenError)
    /// Arithmetic overflow, underflow or division by zero.
    case arithmetic(ArithmeticError)
    /// A transactional layer limit was hit.
    case transactional
    /// Resources are exhausted.
    case exhausted
    /// State is corrupt.
    case corruption
    /// Temporarily unavailable.
    case unavailable
    /// The root origin is not allowed.
    case rootNotAllowed

    /// A pallet error from its pallet index and error index.
    public static func module(index: UInt8, error: UInt8) -> DispatchError {
        .module(ModuleError(index: index, error: error))
    }

    public func encode(to encoder: inout ScaleEncoder) {
        switch self {
        case .other: encoder.encodeVariant(index: 0)
        case .cannotLookup: encoder.encodeVariant(index: 1)
        case .badOrigin: encoder.encodeVariant(index: 2)
        case .module(let error):
            encoder.encodeVariant(index: 3)
            encoder.encode(error)
        case .consumerRemaining: encoder.encodeVariant(index: 4)
        case .noProviders: encoder.encodeVariant(index: 5)
        case .tooManyConsumers: encoder.encodeVariant(index: 6)
        case .token(let error):
            encoder.encodeVariant(index: 7)
            encoder.encodeVariant(index: error.rawValue)
        case .arithmetic(let error):
            encoder.encodeVariant(index: 8)
            encoder.encodeVariant(index: error.rawValue)
        case .transactional:
            encoder.encodeVariant(index: 9)
            encoder.encodeVariant(index: 0)  // TransactionalError::LimitReached
        case .exhausted: encoder.encodeVariant(index: 10)
        case .corruption: encoder.encodeVariant(index: 11)
        case .unavailable: encoder.encodeVariant(index: 12)
        case .rootNotAllowed: encoder.encodeVariant(index: 13)
        }
    }

    public init(from decoder: inout ScaleDecoder) throws {
        let index = try decoder.readVariantIndex()
        switch index {
        case 0: self = .other
        case 1: self = .cannotLookup
        case 2: self = .badOrigin
        case 3: self = .module(try decoder.decode())
        case 4: self = .consumerRemaining
        case 5: self = .noProviders
        case 6: self = .tooManyConsumers
        case 7:
            let inner = try decoder.readVariantIndex()
            guard let error = TokenError(rawValue: inner) else { throw ScaleError.invalidVariantIndex(type: "TokenError", index: inner) }
            self = .token(error)
        case 8:
            let inner = try decoder.readVariantIndex()
            guard let error = ArithmeticError(rawValue: inner) else {
                throw ScaleError.invalidVariantIndex(type: "ArithmeticError", index: inner)
            }
            self = .arithmetic(error)
        case 9:
            let inner = try decoder.readVariantIndex()
            guard inner <= 1 else { throw ScaleError.invalidVariantIndex(type: "TransactionalError", index: inner) }
            self = .transactional
        case 10: self = .exhausted
        case 11: self = .corruption
        case 12: self = .unavailable
        case 13: self = .rootNotAllowed
        default: throw ScaleError.invalidVariantIndex(type: "DispatchError", index: index)
        }
    }

    public static var typeInfo: TypeDescription {
        .init(
            path: ["sp_runtime", "DispatchError"],
            .variant([
                VariantDescription("Other", index: 0), VariantDescription("CannotLookup", index: 1),
                VariantDescription("BadOrigin", index: 2),
                VariantDescription("Module", index: 3, fields: [FieldDescription(nil, ModuleError.self, typeName: "ModuleError")]),
                VariantDescription("ConsumerRemaining", index: 4), VariantDescription("NoProviders", index: 5),
                VariantDescription("TooManyConsumers", index: 6),
                VariantDescription("Token", index: 7, fields: [FieldDescription(nil, TokenError.self, typeName: "TokenError")]),
                VariantDescription("Arithmetic", index: 8, fields: [FieldDescription(nil, ArithmeticError.self, typeName: "ArithmeticError")]),
                VariantDescription("Transactional", index: 9, fields: [FieldDescription(nil, TransactionalError.self, typeName: "TransactionalError")]),
                VariantDescription("Exhausted", index: 10), VariantDescription("Corruption", index: 11),
                VariantDescription("Unavailable", index: 12), VariantDescription("RootNotAllowed", index: 13),
            ]))
    }
}

/// A pallet error: the pallet's index and the error's index (in `[u8; 4]`, as Substrate).
public struct ModuleError: Hashable, Sendable, ScaleCodable, TypeInfo {
    /// The pallet index.
    public var index: UInt8
    /// The error variant index within the pallet.
    public var error: UInt8

    /// A module error.
    public init(index: UInt8, error: UInt8) {
        self.index = index
        self.error = error
    }

    public func encode(to encoder: inout ScaleEncoder) { encoder.append([index, error, 0, 0, 0]) }

    public init(from decoder: inout ScaleDecoder) throws {
        let raw = try decoder.readBytes(5)
        index = raw[0]
        error = raw[1]
    }

    public static var typeInfo: TypeDescription {
        .init(
            path: ["sp_runtime", "ModuleError"],
            .composite([FieldDescription("index", UInt8.self, typeName: "u8"), FieldDescription("error", Bytes4.self, typeName: "[u8; 4]")]))
    }
}

/// Token-level failures (`sp_runtime::TokenError`).
public enum TokenError: UInt8, Sendable, TypeInfo {
    case fundsUnavailable = 0, onlyProvider, belowMinimum, cannotCreate, unknownAsset, frozen, unsupported, cannotCreateHold,
        notExpendable, blocked

    public static var typeInfo: TypeDescription {
        let names = ["FundsUnavailable", "OnlyProvider", "BelowMinimum", "CannotCreate", "UnknownAsset", "Frozen", "Unsupported",
                     "CannotCreateHold", "NotExpendable", "Blocked"]
        return .init(path: ["sp_runtime", "TokenError"], .variant(names.enumerated().map { VariantDescription($1, index: UInt8($0)) }))
    }
}

/// Arithmetic failures (`sp_arithmetic::ArithmeticError`).
public enum ArithmeticError: UInt8, Sendable, TypeInfo {
    case underflow = 0, overflow, divisionByZero

    public static var typeInfo: TypeDescription {
        .init(
            path: ["sp_arithmetic", "ArithmeticError"],
            .variant([VariantDescription("Underflow", index: 0), VariantDescription("Overflow", index: 1), VariantDescription("DivisionByZero", index: 2)]))
    }
}

/// Transactional-layer failures (`sp_runtime::TransactionalError`), described for metadata only.
public enum TransactionalError: TypeInfo {
    public static var typeInfo: TypeDescription {
        .init(path: ["sp_runtime", "TransactionalError"], .variant([VariantDescription("LimitReached", index: 0), VariantDescription("NoLayer", index: 1)]))
    }
}
