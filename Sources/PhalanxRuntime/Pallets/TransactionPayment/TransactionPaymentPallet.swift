import PhalanxPrimitives

/// # TransactionPayment
///
/// Fees: `base fee + length fee + weight fee` (times 5 for operational calls' priority) plus the
/// sender's tip. The fee is withdrawn before dispatch (an account that cannot pay never gets
/// its call dispatched) and reported by `TransactionFeePaid`. After dispatch the fee, tip included, is paid into the
/// treasury pot (`Treasury.feeSharePercent`, 100% as Phala; any remainder is burned), so total
/// issuance only falls by the burned part.
public enum TransactionPayment: Pallet {
    public static let name = "TransactionPayment"
    public static let moduleName = "pallet_transaction_payment"
    public static let docs = ["Transaction fees: length and weight fees plus tips."]

    /// Priority boost of operational transactions over normal ones.
    public static let operationalFeeMultiplier: UInt8 = 5
    /// Fee per encoded byte: 1 µPHA.
    public static let transactionByteFee: UInt128 = 1_000_000
    /// Weight (reference picoseconds) per fee unit: 1,000 ps = 1 unit.
    public static let weightPerFeeUnit: UInt64 = 1_000
    /// Weight of every extrinsic before its call (signature check, nonce, fee withdrawal).
    public static let extrinsicBaseWeight = Weight(refTime: 125_000_000, proofSize: 0)

    public static var constants: [PalletConstant] {
        [PalletConstant("OperationalFeeMultiplier", operationalFeeMultiplier,
                        docs: ["A fee multiplier for `Operational` extrinsics to compute \"virtual tip\" to boost their priority."])]
    }

    public static var storageItems: [any StorageItem] { [nextFeeMultiplier, storageVersion] }

    /// The fee parts for an extrinsic of `length` bytes dispatching with `info`.
    public static func feeDetails(length: Int, info: DispatchInfo, tip: UInt128 = 0) -> FeeDetails {
        guard info.paysFee == .yes else { return FeeDetails(baseFee: 0, lengthFee: 0, adjustedWeightFee: 0, tip: tip) }
        return FeeDetails(
            baseFee: weightToFee(extrinsicBaseWeight),
            lengthFee: UInt128(length) * transactionByteFee,
            adjustedWeightFee: weightToFee(info.weight),
            tip: tip)
    }

    /// The fee for `weight` (ref time only; proof size is free on a solo chain).
    public static func weightToFee(_ weight: Weight) -> UInt128 { UInt128(weight.refTime / weightPerFeeUnit) }

    /// Withdraws the fee from `who` before dispatch; throws `InvalidTransaction.payment` if it cannot pay.
    static func withdrawFee(_ who: AccountId32, fee: UInt128, context: inout RuntimeContext) throws {
        do {
            try Balances.withdraw(who, amount: fee, context: &context)
        } catch {
            throw TransactionValidityError.invalid(.payment)
        }
    }

    /// Pays the fee withdrawn before dispatch into the treasury, after dispatch (as Substrate's
    /// `OnUnbalanced` in `correct_and_deposit_fee`, hence the events' order).
    static func depositFee(_ fee: UInt128, context: inout RuntimeContext) {
        Treasury.receiveFees(fee, context: &context)
    }
}

extension TransactionPayment {
    /// The fee multiplier for the next block (a FixedU128 with 18 decimals; 1.0 on Phalanx).
    public static let nextFeeMultiplier = StorageValue<UInt128>(
        pallet: name, item: "NextFeeMultiplier", default: 1_000_000_000_000_000_000, docs: ["The fee multiplier for the next block."])
    /// The pallet's storage version.
    public static let storageVersion = StorageValue<UInt8>(pallet: name, item: "StorageVersion", default: 0, docs: ["Storage version of the pallet."])

    /// TransactionPayment's events.
    public enum Event: PalletEvent {
        public typealias Owner = TransactionPayment
        /// A transaction fee `actual_fee`, of which `tip` was added to the minimum inclusion fee, was paid by `who`.
        case transactionFeePaid(who: AccountId32, actualFee: UInt128, tip: UInt128)

        public static var variants: [VariantDescription] {
            [VariantDescription("TransactionFeePaid", index: 0, fields: [
                FieldDescription("who", AccountId32.self, typeName: "T::AccountId"),
                FieldDescription("actual_fee", UInt128.self, typeName: "BalanceOf<T>"),
                FieldDescription("tip", UInt128.self, typeName: "BalanceOf<T>"),
            ], docs: ["A transaction fee `actual_fee`, of which `tip` was added to the minimum inclusion fee, has been paid by `who`."])]
        }

        public func encode(to encoder: inout ScaleEncoder) {
            guard case .transactionFeePaid(let who, let fee, let tip) = self else { return }
            encoder.encodeVariant(index: 0)
            encoder.encodeAll(who, fee, tip)
        }

        public init(from decoder: inout ScaleDecoder) throws {
            let index = try decoder.readVariantIndex()
            guard index == 0 else { throw ScaleError.invalidVariantIndex(type: "TransactionPayment.Event", index: index) }
            let (who, fee, tip) = try decoder.decodeAll(AccountId32.self, UInt128.self, UInt128.self)
            self = .transactionFeePaid(who: who, actualFee: fee, tip: tip)
        }
    }
}

/// The parts of a fee (`pallet_transaction_payment::FeeDetails`).
public struct FeeDetails: Hashable, Sendable {
    /// Per-extrinsic base fee.
    public var baseFee: UInt128
    /// Fee for the encoded length.
    public var lengthFee: UInt128
    /// Fee for the call's weight.
    public var adjustedWeightFee: UInt128
    /// The sender's tip.
    public var tip: UInt128

    /// The inclusion fee (everything but the tip).
    public var inclusionFee: UInt128 { baseFee + lengthFee + adjustedWeightFee }
    /// Everything the sender pays.
    public var total: UInt128 { inclusionFee + tip }
}
