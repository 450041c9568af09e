/// Why SCALE decoding failed; every decoder in this module throws only these errors.
public enum ScaleError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The input ended while `needed` more bytes were required and only `available` were left.
    case unexpectedEnd(needed: Int, available: Int)
    /// A strict decode finished with `count` unread bytes.
    case trailingBytes(count: Int)
    /// A compact integer used a longer mode than its value needs (parity-scale-codec rejects these too).
    case nonCanonicalCompact
    /// A compact integer does not fit the target integer type.
    case compactOutOfRange
    /// A `bool` byte other than 0 or 1.
    case invalidBool(UInt8)
    /// An `Option` tag other than 0 or 1 (or 0, 1, 2 for `OptionBool`).
    case invalidOptionTag(UInt8)
    /// A `Result` tag other than 0 (Ok) or 1 (Err).
    case invalidResultTag(UInt8)
    /// A string's bytes are not valid UTF-8.
    case invalidUTF8
    /// An enum variant index that the named type does not define.
    case invalidVariantIndex(type: String, index: UInt8)
    /// A declared collection length above the decoder's `maxCollectionLength`.
    case lengthLimitExceeded(length: Int, limit: Int)
    /// `BTreeMap` keys that are not strictly ascending (unsorted or duplicated).
    case unsortedMapKeys
    /// `BTreeSet` elements that are not strictly ascending (unsorted or duplicated).
    case unsortedSetElements
    /// A user type rejected a decoded value; `type` names it and `reason` says why.
    case invalidValue(type: String, reason: String)

    /// A stable number identifying the case, for logs and RPC error payloads; never reused.
    public var code: Int {
        switch self {
        case .unexpectedEnd: 1
        case .trailingBytes: 2
        case .nonCanonicalCompact: 3
        case .compactOutOfRange: 4
        case .invalidBool: 5
        case .invalidOptionTag: 6
        case .invalidResultTag: 7
        case .invalidUTF8: 8
        case .invalidVariantIndex: 9
        case .lengthLimitExceeded: 10
        case .unsortedMapKeys: 11
        case .unsortedSetElements: 12
        case .invalidValue: 13
        }
    }

    /// A one-sentence explanation of the failure.
    public var description: String {
        switch self {
        case .unexpectedEnd(let needed, let available):
            "SCALE input ended early: \(needed) more bytes needed but only \(available) available."
        case .trailingBytes(let count):
            "SCALE input has \(count) unread trailing bytes."
        case .nonCanonicalCompact:
            "SCALE compact integer is not in its shortest (canonical) encoding."
        case .compactOutOfRange:
            "SCALE compact integer is too large for the target type."
        case .invalidBool(let byte):
            "SCALE bool byte is 0x\([byte].hex), expected 0x00 or 0x01."
        case .invalidOptionTag(let byte):
            "SCALE Option tag is 0x\([byte].hex), which is not a valid variant."
        case .invalidResultTag(let byte):
            "SCALE Result tag is 0x\([byte].hex), expected 0x00 (Ok) or 0x01 (Err)."
        case .invalidUTF8:
            "SCALE string bytes are not valid UTF-8."
        case .invalidVariantIndex(let type, let index):
            "SCALE variant index \(index) is not defined for \(type)."
        case .lengthLimitExceeded(let length, let limit):
            "SCALE collection length \(length) exceeds the limit of \(limit)."
        case .unsortedMapKeys:
            "SCALE BTreeMap keys are not strictly ascending."
        case .unsortedSetElements:
            "SCALE BTreeSet elements are not strictly ascending."
        case .invalidValue(let type, let reason):
            "SCALE value of \(type) is invalid: \(reason)."
        }
    }
}
