import PhalanxPrimitives

/// The result of applying one extrinsic that was valid to include.
public struct ApplyOutcome: Sendable {
    /// The dispatch result: fees and nonce are kept even when it failed.
    public var result: Result<ScaleUnit, DispatchError>
    /// The declared dispatch info.
    public var info: DispatchInfo
    /// The fee charged (tip included).
    public var fee: UInt128
}

/// Executes blocks (FRAME's `Executive`): initialize, apply extrinsics one by one, finalize;
/// and validates transactions for the pool. Pure: state in, state out; time comes from the
/// timestamp inherent, never from a clock.
public struct Executive: Sendable {
    /// The runtime executed.
    public let runtime: RuntimeDefinition
    /// The chain's genesis hash (part of every signature).
    public let genesisHash: H256

    /// Block weight limit: 2 s of reference time; proof size unbounded on a solo chain.
    public static let maxBlockWeight = Weight(refTime: 2_000_000_000_000, proofSize: .max)
    /// Block length limit: 5 MiB.
    public static let maxBlockLength = 5 * 1024 * 1024

    /// An executive for `runtime` on the chain with `genesisHash`.
    public init(runtime: RuntimeDefinition, genesisHash: H256) {
        self.runtime = runtime
        self.genesisHash = genesisHash
    }

    // MARK: - Blocks

    /// Starts block `number` on top of `parentHash`: System bookkeeping, then every pallet's `onInitialize`.
    public func initializeBlock(state: StateOverlay, number: UInt32, parentHash: H256, digest: Digest) -> RuntimeContext {
        var context = RuntimeContext(runtime: runtime, state: state, blockNumber: number, phase: .initialization)
        System.initialize(&context, parentHash: parentHash, digest: digest)
        var weight = Weight.zero
        for entry in runtime.pallets { weight = weight + entry.pallet.onInitialize(&context) }
        System.blockWeight.set(weight, in: &context.state)
        return context
    }

    /// Applies the extrinsic at position `index` of the block. A `TransactionValidityError` means it
    /// must not be in the block, and the state is unchanged; otherwise its effects (fees, nonce,
    /// events, and the call's changes if it succeeded) are in `context`.
    /// `signatureVerified` lets a caller that already checked the signature against this same state
    /// (the pool, or a parallel pre-check of a block) skip repeating it; everything else is checked.
    public func applyExtrinsic(
        _ extrinsic: UncheckedExtrinsic, index: UInt32, context: inout RuntimeContext, signatureVerified: Bool = false
    ) -> Result<ApplyOutcome, TransactionValidityError> {
        context.phase = .applyExtrinsic(index)
        let info = extrinsic.call.call.info
        let length = extrinsic.encoded.count
        let used = System.blockWeight.value(context.state) ?? .zero
        let total = used + TransactionPayment.extrinsicBaseWeight + info.weight
        guard info.dispatchClass == .mandatory || total.fits(in: Self.maxBlockWeight) else {
            return .failure(.invalid(.exhaustsResources))
        }

        guard let signature = extrinsic.signature else {
            return applyInherent(extrinsic, info: info, totalWeight: total, context: &context)
        }
        guard info.dispatchClass != .mandatory else { return .failure(.invalid(.mandatoryValidation)) }

        let who: AccountId32
        do {
            let check = try signatureCheck(extrinsic, signature: signature, state: context.state, blockNumber: context.blockNumber)
            guard signatureVerified || check.verify() else { throw TransactionValidityError.invalid(.badProof) }
            who = check.signer
        } catch let error as TransactionValidityError {
            return .failure(error)
        } catch {
            return .failure(.unknown("\(error)"))
        }
        let accountNonce = System.accountInfo(who, in: context.state).nonce
        if signature.extra.nonce < accountNonce { return .failure(.invalid(.stale)) }
        if signature.extra.nonce > accountNonce { return .failure(.invalid(.future)) }

        let fee = TransactionPayment.feeDetails(length: length, info: info, tip: signature.extra.tip).total
        do {
            try context.transactional { context in
                System.incrementNonce(who, in: &context.state)
                try TransactionPayment.withdrawFee(who, fee: fee, context: &context)
            }
        } catch let error as TransactionValidityError {
            return .failure(error)
        } catch {
            return .failure(.invalid(.payment))
        }

        let result: Result<ScaleUnit, DispatchError>
        do {
            try context.transactional { context in try extrinsic.call.call.dispatch(origin: .signed(who), context: &context) }
            result = .success(ScaleUnit())
        } catch {
            result = .failure(context.dispatchError(from: error))
        }
        TransactionPayment.depositFee(fee, context: &context)
        context.deposit(TransactionPayment.Event.transactionFeePaid(who: who, actualFee: fee, tip: signature.extra.tip))
        recordOutcome(result, info: info, totalWeight: total, context: &context)
        return .success(ApplyOutcome(result: result, info: info, fee: fee))
    }

    private func applyInherent(
        _ extrinsic: UncheckedExtrinsic, info: DispatchInfo, totalWeight: Weight, context: inout RuntimeContext
    ) -> Result<ApplyOutcome, TransactionValidityError> {
        guard info.dispatchClass == .mandatory else { return .failure(.invalid(.call)) }
        do {
            try context.transactional { context in try extrinsic.call.call.dispatch(origin: .none, context: &context) }
        } catch {
            return .failure(.invalid(.badMandatory))
        }
        recordOutcome(.success(ScaleUnit()), info: info, totalWeight: totalWeight, context: &context)
        return .success(ApplyOutcome(result: .success(ScaleUnit()), info: info, fee: 0))
    }

    private func recordOutcome(
        _ result: Result<ScaleUnit, DispatchError>, info: DispatchInfo, totalWeight: Weight, context: inout RuntimeContext
    ) {
        var reported = info
        reported.weight = info.weight + TransactionPayment.extrinsicBaseWeight
        switch result {
        case .success: context.deposit(System.Event.extrinsicSuccess(dispatchInfo: reported))
        case .failure(let error): context.deposit(System.Event.extrinsicFailed(dispatchError: error, dispatchInfo: reported))
        }
        System.blockWeight.set(totalWeight, in: &context.state)
        System.extrinsicCount.set((System.extrinsicCount.get(context.state) ?? 0) + 1, in: &context.state)
    }

    /// Ends the block: every pallet's `onFinalize`, then the events are stored in `System.Events`.
    /// Throws if the block lacks its mandatory timestamp inherent.
    public func finalizeBlock(context: inout RuntimeContext) throws -> StateOverlay {
        guard Timestamp.wasSet(in: context.state) else { throw BlockError.missingTimestamp }
        context.phase = .finalization
        for entry in runtime.pallets { entry.pallet.onFinalize(&context) }
        System.storeEvents(context.drainEvents(), in: &context.state)
        return context.state
    }

    // MARK: - Transaction validation

    /// Validates a transaction for the pool against the best block's post-state, as if it were
    /// included in the next block (Substrate's `TaggedTransactionQueue_validate_transaction`).
    public func validateTransaction(
        _ extrinsic: UncheckedExtrinsic, bestState: any StateReader, bestHash: H256, bestNumber: UInt32
    ) -> Result<ValidTransaction, TransactionValidityError> {
        guard let signature = extrinsic.signature else { return .failure(.invalid(.call)) }
        let info = extrinsic.call.call.info
        guard info.dispatchClass != .mandatory else { return .failure(.invalid(.mandatoryValidation)) }
        guard extrinsic.encoded.count <= Self.maxBlockLength,
            (TransactionPayment.extrinsicBaseWeight + info.weight).fits(in: Self.maxBlockWeight)
        else { return .failure(.invalid(.exhaustsResources)) }

        var context = RuntimeContext(runtime: runtime, state: StateOverlay(base: bestState), blockNumber: bestNumber + 1)
        System.initialize(&context, parentHash: bestHash, digest: Digest())
        let who: AccountId32
        do {
            let check = try signatureCheck(extrinsic, signature: signature, state: context.state, blockNumber: context.blockNumber)
            guard check.verify() else { throw TransactionValidityError.invalid(.badProof) }
            who = check.signer
        } catch let error as TransactionValidityError {
            return .failure(error)
        } catch {
            return .failure(.unknown("\(error)"))
        }
        let accountNonce = System.accountInfo(who, in: context.state).nonce
        let nonce = signature.extra.nonce
        if nonce < accountNonce { return .failure(.invalid(.stale)) }
        let fee = TransactionPayment.feeDetails(length: extrinsic.encoded.count, info: info, tip: signature.extra.tip).total
        if nonce == accountNonce && !Balances.canWithdraw(who, amount: fee, in: context.state) {
            return .failure(.invalid(.payment))
        }
        let longevity = signature.extra.era.death(current: UInt64(context.blockNumber)) &- UInt64(context.blockNumber)
        // Pallet pool rules: PhalaMq's per-sender message sequences.
        let mq: (requires: [[UInt8]], provides: [[UInt8]])
        switch PhalaMq.poolValidity(of: extrinsic.call.call, in: context.state) {
        case .success(let tags): mq = tags
        case .failure(let error): return .failure(error)
        }
        return .success(
            ValidTransaction(
                priority: UInt64(clamping: signature.extra.tip),
                requires: (nonce > accountNonce ? [Self.tag(who, nonce - 1)] : []) + mq.requires,
                provides: [Self.tag(who, nonce)] + mq.provides,
                longevity: longevity))
    }

    /// The pool tag of `who`'s transaction with `nonce`: account ‖ nonce (LE).
    public static func tag(_ who: AccountId32, _ nonce: UInt32) -> [UInt8] { who.bytes + nonce.scaleEncoded }

    /// A signature to verify: signer, signed bytes and signature. Separate from the other checks so
    /// callers can verify many in parallel (verification is pure and the costliest step).
    public struct SignatureCheck: Sendable {
        /// The account that must have signed.
        public let signer: AccountId32
        /// The bytes signed.
        public let message: [UInt8]
        /// The signature.
        public let signature: MultiSignature

        /// Whether the signature verifies.
        public func verify() -> Bool { signature.verify(message: message, signer: signer) }
    }

    /// Checks the signer and era of a signed extrinsic against `state` (block `blockNumber` being
    /// built) and returns what must be verified; throws a validity error otherwise.
    public func signatureCheck(
        _ extrinsic: UncheckedExtrinsic, signature: ExtrinsicSignature, state: StateOverlay, blockNumber: UInt32
    ) throws -> SignatureCheck {
        guard let who = try? signature.address.lookup() else { throw TransactionValidityError.unknown("the signer's address cannot be looked up") }
        guard who.bytes.contains(where: { $0 != 0 }) else { throw TransactionValidityError.invalid(.badSigner) }
        let eraHash: H256
        switch signature.extra.era {
        case .immortal:
            eraHash = genesisHash
        case .mortal:
            let current = UInt64(blockNumber)
            let birth = signature.extra.era.birth(current: current)
            guard signature.extra.era.death(current: current) > current, birth < current else {
                throw TransactionValidityError.invalid(.ancientBirthBlock)
            }
            guard let hash = birth == 0 ? genesisHash : System.blockHash.get(UInt32(birth), in: state), hash != .zero else {
                throw TransactionValidityError.invalid(.ancientBirthBlock)
            }
            eraHash = hash
        }
        let context = SigningContext(
            specVersion: runtime.version.specVersion, transactionVersion: runtime.version.transactionVersion,
            genesisHash: genesisHash, eraBlockHash: eraHash)
        let payload = SigningPayload(call: extrinsic.call, extra: signature.extra, context: context)
        return SignatureCheck(signer: who, message: payload.bytesToSign, signature: signature.signature)
    }
}

/// Why a block cannot be built or imported.
public enum BlockError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The block has no `Timestamp.set` inherent.
    case missingTimestamp
    /// An extrinsic in an imported block is not valid.
    case invalidExtrinsic(index: Int, reason: String)
    /// The computed state root differs from the header's.
    case stateRootMismatch
    /// The computed extrinsics root differs from the header's.
    case extrinsicsRootMismatch
    /// The seal is missing or does not verify against the authority.
    case badSeal
    /// The parent block is unknown.
    case unknownParent

    public var description: String {
        switch self {
        case .missingTimestamp: "The block has no timestamp inherent."
        case .invalidExtrinsic(let index, let reason): "Extrinsic \(index) of the block is invalid: \(reason)."
        case .stateRootMismatch: "The block's state root does not match the state it produces."
        case .extrinsicsRootMismatch: "The block's extrinsics root does not match its extrinsics."
        case .badSeal: "The block's seal is missing or not signed by the authority."
        case .unknownParent: "The block's parent is unknown."
        }
    }
}
