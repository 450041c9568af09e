import PhalanxPrimitives

extension PhalaVault {
    /// PhalaVault's events.
    public enum Event: PalletEvent {
        public typealias Owner = PhalaVault
        /// A vault is created.
        case vaultCreated(pid: UInt64, cid: UInt32, poolAccountId: AccountId32)
        /// The commission of a vault is updated (parts per million).
        case vaultCommissionSet(pid: UInt64, commission: UInt32)
        /// Owner shares were claimed by the vault owner.
        case ownerSharesClaimed(pid: UInt64, user: AccountId32, shares: UInt128)
        /// Owner fee shares were minted at a new price checkpoint (U64F64 bits).
        case ownerSharesGained(pid: UInt64, shares: UInt128, checkoutPrice: UInt128)
        /// Someone contributed to a vault.
        case contribution(pid: UInt64, user: AccountId32, amount: UInt128, shares: UInt128)
        /// The vault withdrew from all its pools and is locked.
        case forceShutdown(pid: UInt64)

        public static var variants: [VariantDescription] {
            let pid = FieldDescription("pid", UInt64.self, typeName: "u64")
            let user = FieldDescription("user", AccountId32.self, typeName: "T::AccountId")
            let shares = FieldDescription("shares", UInt128.self, typeName: "BalanceOf<T>")
            return [
                VariantDescription("VaultCreated", index: 0, fields: [
                    pid, FieldDescription("cid", UInt32.self, typeName: "CollectionId"),
                    FieldDescription("pool_account_id", AccountId32.self, typeName: "T::AccountId"),
                ], docs: ["A vault is created."]),
                VariantDescription("VaultCommissionSet", index: 1, fields: [pid, FieldDescription("commission", UInt32.self, typeName: "u32")],
                                   docs: ["The commission of a vault is updated."]),
                VariantDescription("OwnerSharesClaimed", index: 2, fields: [pid, user, shares], docs: ["Owner shares is claimed by pool owner."]),
                VariantDescription("OwnerSharesGained", index: 3, fields: [pid, shares, FieldDescription("checkout_price", UInt128.self, typeName: "BalanceOf<T>")],
                                   docs: ["Additional owner shares are mint into the pool."]),
                VariantDescription("Contribution", index: 4, fields: [pid, user, FieldDescription("amount", UInt128.self, typeName: "BalanceOf<T>"), shares],
                                   docs: ["Someone contributed to a vault."]),
                VariantDescription("ForceShutdown", index: 5, fields: [pid], docs: ["The vault withdrew from all its pools and is locked."]),
            ]
        }

        public func encode(to encoder: inout ScaleEncoder) {
            switch self {
            case .vaultCreated(let p, let c, let a): encoder.encodeVariant(index: 0); encoder.encodeAll(p, c, a)
            case .vaultCommissionSet(let p, let c): encoder.encodeVariant(index: 1); encoder.encodeAll(p, c)
            case .ownerSharesClaimed(let p, let u, let s): encoder.encodeVariant(index: 2); encoder.encodeAll(p, u, s)
            case .ownerSharesGained(let p, let s, let c): encoder.encodeVariant(index: 3); encoder.encodeAll(p, s, c)
            case .contribution(let p, let u, let a, let s): encoder.encodeVariant(index: 4); encoder.encodeAll(p, u, a, s)
            case .forceShutdown(let p): encoder.encodeVariant(index: 5); encoder.encode(p)
            }
        }

        public init(from decoder: inout ScaleDecoder) throws {
            switch try decoder.readVariantIndex() {
            case 0: self = .vaultCreated(pid: try decoder.decode(), cid: try decoder.decode(), poolAccountId: try decoder.decode())
            case 1: self = .vaultCommissionSet(pid: try decoder.decode(), commission: try decoder.decode())
            case 2: self = .ownerSharesClaimed(pid: try decoder.decode(), user: try decoder.decode(), shares: try decoder.decode())
            case 3: self = .ownerSharesGained(pid: try decoder.decode(), shares: try decoder.decode(), checkoutPrice: try decoder.decode())
            case 4: self = .contribution(pid: try decoder.decode(), user: try decoder.decode(), amount: try decoder.decode(), shares: try decoder.decode())
            case 5: self = .forceShutdown(pid: try decoder.decode())
            case let index: throw ScaleError.invalidVariantIndex(type: "PhalaVault.Event", index: index)
            }
        }
    }
}
