import PhalanxPrimitives

/// # PhalaComputation
///
/// Worker computing sessions and the V/P economics that pay them (Phala's `computation.rs` plus
/// the gatekeeper's `tokenomic` module, which Phalanx settles on chain).
///
/// ## Terms
/// - *Session*: an account (`spm/` sub-account of a pool) bound 1:1 to a worker; it holds the
///   computing state and the stake.
/// - *P*: the worker's benchmark score (`initial_score`). *V*: its accumulated value; *Ve*: V at start,
///   `Ve = ((re − 1)·conf + 1)·(stake + rig_k·p + rig_b)` (PHA, U64F64).
/// - *Min stake*: `k·√p`. *Share*: `√(V² + (2·p·conf)²)`; each settlement pays
///   `share / Σshare · budget_per_block · blocks` of which `treasury_ratio` goes to the treasury.
/// - *Heartbeat*: a worker's sign of life (the `heartbeat` call until workers send it through
///   the message queue). Silent longer than `heartbeat_window` blocks ⇒ *Unresponsive*: each block
///   `V −= V·slash_rate` and nothing is paid until it heartbeats again.
/// - *Challenge*: each block stores `HeartbeatChallenge{seed, online_target}` (seed = parent hash,
///   target = Phala's `pow_target` for the online worker count); a worker is challenged when
///   `blake2_256(pubkey) XOR seed ≤ online_target`, about 2 per worker-hour. Workers answer
///   challenges with heartbeats; on chain, only the heartbeat window decides responsiveness.
///
/// ## Calls
/// - `set_cool_down_expiration(period)`, `update_tokenomic(new_params)`, `set_heartbeat_paused(paused)`: root
///   (the governance origin once the governance pallets land).
/// - `force_register_worker(worker, operator, initial_score, confidence_level)`: root; the seam
///   `PhalaRegistry` replaces by writing `Workers` through `registerWorker`.
/// - `heartbeat(worker)`: signed by the worker's operator.
///
/// Sessions are bound, started, stopped and reclaimed by `PhalaStakePoolv2` through the
/// interface below (`bind`, `startComputing`, `stopComputing`, `reclaim`).
///
/// ## Genesis
/// Tokenomic parameters default to Phala's (`TokenomicParams.phalaDefaults`); cool-down 7 days.
///
/// Rewards are minted (Phala withdraws them from a pre-funded subsidy account; Phalanx mints, the
/// one documented path that creates tokens).
public enum PhalaComputation: Pallet {
    public static let name = "PhalaComputation"
    public static let moduleName = "phala_pallets::compute::computation"
    public static let docs = ["Worker computing sessions, heartbeats and the V/P reward economics."]

    /// The minimum benchmark score to start computing (`MinInitP`).
    public static let minInitP: UInt32 = 50
    /// The treasury pot receiving the treasury share of each settlement.
    public static var treasuryAccount: AccountId32 { Treasury.account }

    public static var constants: [PalletConstant] {
        [PalletConstant("MinInitP", minInitP, docs: ["The minimum P a worker needs to start computing."])]
    }

    public static var storageItems: [any StorageItem] {
        [tokenomicParameters, workers, sessions, sessionBindings, workerBindings, stakes, coolDownPeriod, onlineWorkers,
         nextSessionId, heartbeatPaused, heartbeatChallenge]
    }

    // MARK: - Registry seam

    /// Records a worker: called by `PhalaRegistry` for every (re-)registration, and by `force_register_worker`.
    public static func registerWorker(_ worker: WorkerPublicKey, info: WorkerInfo, context: inout RuntimeContext) {
        workers.set(worker, info, in: &context.state)
        context.deposit(Event.workerRegistered(worker: worker, operator_: info.operator_))
    }

    /// Records a registered worker's benchmark score (`PhalaRegistry`'s `BenchReport`), which `bind` requires.
    public static func setInitialScore(_ worker: WorkerPublicKey, score: UInt32, context: inout RuntimeContext) {
        guard var info = workers.get(worker, in: context.state) else { return }
        info.initialScore = score
        workers.set(worker, info, in: &context.state)
    }

    // MARK: - Interface for the stake pools

    /// The current time in seconds (from `Timestamp`).
    static func nowSeconds(_ state: StateOverlay) -> UInt64 { Timestamp.current(in: state) / 1000 }

    /// Binds `session` to `worker`; both must be unbound and the worker registered with a benchmark.
    public static func bind(session: AccountId32, worker: WorkerPublicKey, context: inout RuntimeContext) throws {
        guard let info = workers.get(worker, in: context.state) else { throw Error.workerNotRegistered }
        guard info.initialScore != nil else { throw Error.benchmarkMissing }
        guard !sessionBindings.contains(session, in: context.state) else { throw Error.duplicateBoundSession }
        guard !workerBindings.contains(worker, in: context.state) else { throw Error.duplicateBoundWorker }
        if let existing = sessions.get(session, in: context.state), existing.state != .ready { throw Error.workerNotReady }
        sessionBindings.set(session, worker, in: &context.state)
        workerBindings.set(worker, session, in: &context.state)
        if !sessions.contains(session, in: context.state) { sessions.set(session, .ready, in: &context.state) }
        context.deposit(Event.sessionBound(session: session, worker: worker))
    }

    /// Unbinds a ready session from its worker.
    public static func unbind(session: AccountId32, context: inout RuntimeContext) throws {
        guard let worker = sessionBindings.get(session, in: context.state) else { throw Error.sessionNotBound }
        guard (sessions.get(session, in: context.state) ?? .ready).state == .ready else { throw Error.workerNotReady }
        sessionBindings.remove(session, in: &context.state)
        workerBindings.remove(worker, in: &context.state)
        context.deposit(Event.sessionUnbound(session: session, worker: worker))
    }

    /// The confidence score of a confidence level for Ve (`1` for 1–3, 0.8 for 4, 0.7 for 5, else 1).
    static func startConfidence(_ level: UInt8) -> FixedU64F64 {
        switch level {
        case 4: (try? .ratio(8, 10)) ?? .one
        case 5: (try? .ratio(7, 10)) ?? .one
        default: .one
        }
    }

    /// The confidence score in shares (`1` for 1–3 and 128, 0.8 for 4, 0.7 for 5, else 0).
    static func shareConfidence(_ level: UInt8) -> FixedU64F64 {
        switch level {
        case 1, 2, 3, 128: .one
        case 4: (try? .ratio(8, 10)) ?? .zero
        case 5: (try? .ratio(7, 10)) ?? .zero
        default: .zero
        }
    }

    /// `min_stake = k·√p`, in planck.
    public static func minimumStake(p: UInt32, params: TokenomicParams) throws -> UInt128 {
        try params.k.multiplied(by: FixedU64F64(UInt64(p)).squareRoot()).toBalance()
    }

    /// `Ve = ((re − 1)·conf + 1)·(stake + rig_k·p + rig_b)`, in PHA.
    public static func initialV(stake: UInt128, p: UInt32, confidenceLevel: UInt8, params: TokenomicParams) throws -> FixedU64F64 {
        let factor = try params.re.subtracting(.one).multiplied(by: startConfidence(confidenceLevel)).adding(.one)
        let base = try FixedU64F64.fromBalance(stake).adding(params.rigK.multiplied(by: FixedU64F64(UInt64(p)))).adding(params.rigB)
        return try factor.multiplied(by: base)
    }

    /// Starts computing with `stake` (already moved to the pool's lock account by the caller).
    public static func startComputing(session: AccountId32, stake: UInt128, context: inout RuntimeContext) throws {
        guard let worker = sessionBindings.get(session, in: context.state) else { throw Error.sessionNotBound }
        guard let info = workers.get(worker, in: context.state) else { throw Error.workerNotRegistered }
        guard let p = info.initialScore else { throw Error.benchmarkMissing }
        var session_ = sessions.get(session, in: context.state) ?? .ready
        guard session_.state == .ready else { throw Error.workerNotReady }
        guard (stakes.get(session, in: context.state) ?? 0) == 0 else { throw Error.internalErrorCannotStartWithExistingStake }
        guard p >= minInitP else { throw Error.benchmarkTooLow }
        let params = tokenomicParameters.value(context.state) ?? .phalaDefaults
        guard stake >= (try minimumStake(p: p, params: params)) else { throw Error.insufficientStake }
        let ve = try initialV(stake: stake, p: p, confidenceLevel: info.confidenceLevel, params: params)
        guard ve <= params.vMax else { throw Error.tooMuchStake }
        let id = nextSessionId.value(context.state) ?? 0
        nextSessionId.set(id &+ 1, in: &context.state)
        session_ = SessionInfo(
            state: .workerIdle, ve: ve, v: ve, vUpdatedAt: UInt64(context.blockNumber), pInit: p, pInstant: p, coolDownStart: 0,
            totalReward: session_.totalReward, vDeductible: .zero, lastHeartbeat: context.blockNumber, heartbeatPending: false,
            sessionId: id, confidenceLevel: info.confidenceLevel)
        sessions.set(session, session_, in: &context.state)
        stakes.set(session, stake, in: &context.state)
        onlineWorkers.set((onlineWorkers.value(context.state) ?? 0) &+ 1, in: &context.state)
        context.deposit(Event.workerStarted(session: session, initV: ve.bits, initP: p))
        // WorkerEvent::Started{session_id, init_v, init_p}: the worker starts answering heartbeat challenges.
        pushWorkerEvent(worker, [3] + id.scaleEncoded + ve.bits.scaleEncoded + p.scaleEncoded, context: &context)
    }

    /// `SystemEvent::WorkerEvent{pubkey, event}` on `phala/system/event`.
    static func pushWorkerEvent(_ worker: WorkerPublicKey, _ event: [UInt8], context: inout RuntimeContext) {
        PhalaMq.pushPalletMessage(from: name, topic: PhalaTopic.systemEvent, payload: [0] + worker.bytes + event, context: &context)
    }

    /// `WorkingReportEvent` on `phala/mining/report` from a worker: `Heartbeat` (0) or `HeartbeatV2` (1) answering a
    /// challenge of an earlier block for the worker's current session counts as its heartbeat.
    static func onWorkingReport(_ message: MqMessage, context: inout RuntimeContext) throws {
        guard case .worker(let pubkey) = message.sender else { throw Error.invalidReport }
        var decoder = ScaleDecoder(message.payload)
        let variant = try? decoder.readVariantIndex()
        guard variant == 0 || variant == 1,
            let (sessionId, challengeBlock, _, _) = try? decoder.decodeAll(UInt32.self, UInt32.self, UInt64.self, UInt64.self)
        else { throw Error.invalidReport }
        if variant == 1 { guard (try? decoder.decodeAll(UInt32.self, UInt32.self)) != nil else { throw Error.invalidReport } }
        guard (try? decoder.finish()) != nil, challengeBlock <= context.blockNumber else { throw Error.invalidReport }
        let worker = H256(unchecked: pubkey.bytes)
        guard let session = workerBindings.get(worker, in: context.state),
            let info = sessions.get(session, in: context.state), info.sessionId == sessionId
        else { throw Error.invalidReport }
        try heartbeat(worker: worker, context: &context)
    }

    /// Stops computing: the session cools down from now.
    public static func stopComputing(session: AccountId32, context: inout RuntimeContext) throws {
        guard sessionBindings.contains(session, in: context.state) else { throw Error.sessionNotBound }
        guard var info = sessions.get(session, in: context.state), info.state.isComputing else { throw Error.workerNotComputing }
        info.state = .workerCoolingDown
        info.coolDownStart = nowSeconds(context.state)
        info.heartbeatPending = false
        sessions.set(session, info, in: &context.state)
        let online = onlineWorkers.value(context.state) ?? 0
        onlineWorkers.set(online > 0 ? online - 1 : 0, in: &context.state)
        context.deposit(Event.workerStopped(session: session))
        if let worker = sessionBindings.get(session, in: context.state) { pushWorkerEvent(worker, [4], context: &context) }
    }

    /// Ends the cool-down: returns `(original stake, slashed)` and makes the session ready again.
    /// Stake slashing at reclaim is disabled, as in Phala (`calc_final_stake` returns `(stake, 0)`);
    /// pool slashes reduce `Stakes` directly (see `PhalaStakePoolv2.slash_pool`).
    public static func reclaim(
        session: AccountId32, checkCoolDown: Bool = true, context: inout RuntimeContext
    ) throws -> (stake: UInt128, slashed: UInt128) {
        guard var info = sessions.get(session, in: context.state) else { throw Error.sessionNotFound }
        guard info.state == .workerCoolingDown else { throw Error.workerNotCoolingDown }
        let period = coolDownPeriod.value(context.state) ?? 604_800
        let now = nowSeconds(context.state)
        if checkCoolDown {
            guard now >= info.coolDownStart, now - info.coolDownStart >= period else { throw Error.coolDownNotReady }
        }
        let stake = stakes.get(session, in: context.state) ?? 0
        stakes.remove(session, in: &context.state)
        info.state = .ready
        info.coolDownStart = 0
        sessions.set(session, info, in: &context.state)
        context.deposit(Event.workerReclaimed(session: session, originalStake: stake, slashed: 0))
        return (stake, 0)
    }

    /// Records a heartbeat of `worker`; an unresponsive session recovers (no payout for the gap).
    public static func heartbeat(worker: WorkerPublicKey, context: inout RuntimeContext) throws {
        guard let session = workerBindings.get(worker, in: context.state) else { throw Error.workerNotBound }
        guard var info = sessions.get(session, in: context.state), info.state.isComputing else { throw Error.workerNotComputing }
        info.lastHeartbeat = context.blockNumber
        if info.state == .workerUnresponsive {
            info.state = .workerIdle
            info.vUpdatedAt = UInt64(context.blockNumber)
            info.heartbeatPending = false
            context.deposit(Event.workerExitUnresponsive(session: session))
        } else {
            info.heartbeatPending = true
        }
        sessions.set(session, info, in: &context.state)
    }

    // MARK: - V/P economics (per block)

    /// `√(V² + (2·p·conf)²)`.
    static func share(_ info: SessionInfo) throws -> FixedU64F64 {
        let pPart = try FixedU64F64(2 * UInt64(info.pInstant)).multiplied(by: shareConfidence(info.confidenceLevel))
        return try info.v.multiplied(by: info.v).adding(pPart.multiplied(by: pPart)).squareRoot()
    }

    /// Reserves the weight of this block's `onFinalize` V/P pass (one settlement per computing worker).
    public static func onInitialize(_ context: inout RuntimeContext) -> Weight {
        let online = UInt64(onlineWorkers.value(context.state) ?? 0)
        let perWorker = PhalaComputationWeights.settlePerWorker
        return Weight(
            refTime: PhalaComputationWeights.challenge.refTime &+ online &* perWorker.refTime,
            proofSize: PhalaComputationWeights.challenge.proofSize &+ online &* perWorker.proofSize)
    }

    public static func onFinalize(_ context: inout RuntimeContext) {
        guard !(heartbeatPaused.value(context.state) ?? false) else { return }
        issueChallenge(&context)
        let params = tokenomicParameters.value(context.state) ?? .phalaDefaults
        let now = context.blockNumber
        // Storage-key order: deterministic.
        var computing = sessions.entries(in: context.state).filter { $0.1.state.isComputing }
        for index in computing.indices where computing[index].1.state == .workerIdle && !computing[index].1.heartbeatPending {
            let last = computing[index].1.lastHeartbeat
            if now > last, now - last > params.heartbeatWindow {
                computing[index].1.state = .workerUnresponsive
                computing[index].1.vDeductible = .zero
                context.deposit(Event.workerEnterUnresponsive(session: computing[index].0))
            }
        }
        var sumShare = FixedU64F64.zero
        for (_, info) in computing where info.state == .workerIdle {
            sumShare = (try? sumShare.adding((try? share(info)) ?? .zero)) ?? sumShare
        }
        for (session, original) in computing {
            var info = original
            do {
                // Work on a copy so a failed settlement leaves the session as it was.
                var updated = original
                try context.transactional { context in
                    try step(session: session, info: &updated, sumShare: sumShare, params: params, context: &context)
                }
                info = updated
            } catch {
                context.deposit(Event.internalErrorWorkerSettleFailed(session: session))
            }
            info.heartbeatPending = false
            sessions.set(session, info, in: &context.state)
        }
    }

    /// One block of one session's V/P state machine.
    static func step(
        session: AccountId32, info: inout SessionInfo, sumShare: FixedU64F64, params: TokenomicParams, context: inout RuntimeContext
    ) throws {
        let now = UInt64(context.blockNumber)
        if info.state == .workerUnresponsive {
            info.v = info.v.saturatingSubtracting(try info.v.multiplied(by: params.slashRate))
            info.vDeductible = .zero
            return
        }
        if info.heartbeatPending {
            let share = try share(info)
            guard sumShare > .zero, info.vDeductible > .zero, now > info.vUpdatedAt, share > .zero else { return }
            let blocks = FixedU64F64(now - info.vUpdatedAt)
            let budget = try share.divided(by: sumShare).multiplied(by: params.budgetPerBlock).multiplied(by: blocks)
            let payoutRatio = FixedU64F64.one.saturatingSubtracting(params.treasuryRatio)
            let payout = try budget.multiplied(by: payoutRatio)
            let treasury = try budget.multiplied(by: params.treasuryRatio)
            info.v = info.v.saturatingSubtracting(FixedU64F64.minimum(info.vDeductible, payout))
            info.vDeductible = .zero
            info.vUpdatedAt = now
            let payoutBalance = try payout.toBalance()
            let treasuryBalance = try treasury.toBalance()
            let paid = try PhalaStakePoolv2.onReward(session: session, amount: payoutBalance, context: &context)
            try PhalaFunds.mint(treasuryAccount, amount: treasuryBalance, context: &context)
            if paid { info.totalReward = info.totalReward.addingReportingOverflow(payoutBalance).overflow ? .max : info.totalReward + payoutBalance }
            context.deposit(Event.sessionSettled(session: session, vBits: info.v.bits, payoutBits: payout.bits))
            return
        }
        let costIdle = try params.costK.multiplied(by: FixedU64F64(UInt64(info.pInit))).adding(params.costB)
        let perf = info.pInit == 0 ? FixedU64F64.one : try FixedU64F64.ratio(UInt128(info.pInstant), UInt128(info.pInit))
        let delta = try perf.multiplied(by: params.rho.saturatingSubtracting(.one).multiplied(by: info.v).adding(costIdle))
        info.v = FixedU64F64.minimum(try info.v.adding(delta), params.vMax)
        info.vDeductible = try info.vDeductible.adding(delta)
    }
}
