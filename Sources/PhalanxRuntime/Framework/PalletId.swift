import PhalanxPrimitives

/// An 8-byte pallet identifier (FRAME's `PalletId`, e.g. `py/trsry`) whose derived accounts hold
/// funds on a pallet's behalf: "modl" ‖ id ‖ SCALE(sub-account), zero-padded to 32 bytes.
public struct PalletId: Hashable, Sendable {
    /// The 8 ASCII bytes.
    public let bytes: [UInt8]

    /// A pallet id from its 8-character name (e.g. `"py/trsry"`).
    public init(_ name: StaticString) {
        let raw = name.withUTF8Buffer { Array($0) }
        precondition(raw.count == 8, "a PalletId has 8 bytes")
        bytes = raw
    }

    /// The pallet's own account (`into_account_truncating`).
    public var account: AccountId32 { subAccount([UInt8]()) }

    /// A sub-account of the pallet for `seed` (`into_sub_account_truncating(seed)`), e.g. a pool id.
    public func subAccount(_ seed: some ScaleEncodable) -> AccountId32 {
        let raw = Array("modl".utf8) + bytes + seed.scaleEncoded
        let padded = Array((raw + [UInt8](repeating: 0, count: 32)).prefix(32))
        return AccountId32(bytes: padded)!
    }
}
