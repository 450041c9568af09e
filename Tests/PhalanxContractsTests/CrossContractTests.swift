import PhalanxContracts
import PhalanxPrimitives
import Testing

/// A proxy contract driven by its input: `op ‖ …`.
/// - op 1: `seal2.call(flags, callee, 0, 0, SENTINEL, value=0, payload)` with `callee(32) ‖ flags(u32) ‖ payload`;
///   returns `code ‖ output`.
/// - op 3: the same through `seal1.call`.
/// - op 2: `seal2.instantiate(code_hash, …, payload, salt)` with `code_hash(32) ‖ salt(4) ‖ payload`;
///   returns `code ‖ address(32) ‖ output`.
/// - op 4: returns "hi". op 5: writes storage key "x" then reverts with `2a`. op 6: writes "x" then traps.
/// - op 7: returns 1 if key "x" is set, else 0. op 8: writes "x" and returns.
/// - op 9: `delegate_call(flags, code_hash, payload)` with `code_hash(32) ‖ flags(u32) ‖ payload`; returns `code ‖ output`.
/// - op 10: `seal2.call` with an explicit ref_time limit: `callee(32) ‖ flags(u32) ‖ ref_time(u64) ‖ payload`.
/// - op 11: loops forever. op 12: returns `caller_is_origin ‖ caller(32) ‖ address(32)`.
/// `deploy` echoes its input.
let proxyWAT = """
    (module
      (import "seal0" "input" (func $input (param i32 i32)))
      (import "seal0" "seal_return" (func $return (param i32 i32 i32)))
      (import "seal2" "call" (func $call2 (param i32 i32 i64 i64 i32 i32 i32 i32 i32 i32) (result i32)))
      (import "seal1" "call" (func $call1 (param i32 i32 i64 i32 i32 i32 i32 i32) (result i32)))
      (import "seal2" "instantiate"
        (func $instantiate (param i32 i64 i64 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32) (result i32)))
      (import "seal1" "contains_storage" (func $contains (param i32 i32) (result i32)))
      (import "seal2" "set_storage" (func $set (param i32 i32 i32 i32) (result i32)))
      (import "seal0" "delegate_call" (func $delegate (param i32 i32 i32 i32 i32 i32) (result i32)))
      (import "seal0" "caller_is_origin" (func $is_origin (result i32)))
      (import "seal0" "caller" (func $caller (param i32 i32)))
      (import "seal0" "address" (func $address (param i32 i32)))
      (import "env" "memory" (memory 2 16))
      (func $read_input (result i32)
        (i32.store (i32.const 64) (i32.const 2048))
        (call $input (i32.const 128) (i32.const 64))
        (i32.load (i32.const 64)))
      (func $output_length (param $code i32) (result i32)
        (if (result i32) (i32.or (i32.eqz (local.get $code)) (i32.eq (local.get $code) (i32.const 2)))
          (then (i32.load (i32.const 68))) (else (i32.const 0))))
      (func (export "deploy") (local $len i32)
        (local.set $len (call $read_input))
        (call $return (i32.const 0) (i32.const 128) (local.get $len)))
      (func (export "call") (local $len i32) (local $op i32) (local $code i32)
        (local.set $len (call $read_input))
        (local.set $op (i32.load8_u (i32.const 128)))
        (i32.store8 (i32.const 20) (i32.const 0x78))
        (if (i32.eq (local.get $op) (i32.const 1))
          (then
            (i32.store (i32.const 68) (i32.const 8000))
            (local.set $code (call $call2 (i32.load (i32.const 161)) (i32.const 129) (i64.const 0) (i64.const 0)
              (i32.const -1) (i32.const 3000) (i32.const 165) (i32.sub (local.get $len) (i32.const 37))
              (i32.const 4097) (i32.const 68)))
            (i32.store8 (i32.const 4096) (local.get $code))
            (call $return (i32.const 0) (i32.const 4096)
              (i32.add (i32.const 1) (call $output_length (local.get $code))))))
        (if (i32.eq (local.get $op) (i32.const 3))
          (then
            (i32.store (i32.const 68) (i32.const 8000))
            (local.set $code (call $call1 (i32.load (i32.const 161)) (i32.const 129) (i64.const 0)
              (i32.const 3000) (i32.const 165) (i32.sub (local.get $len) (i32.const 37))
              (i32.const 4097) (i32.const 68)))
            (i32.store8 (i32.const 4096) (local.get $code))
            (call $return (i32.const 0) (i32.const 4096)
              (i32.add (i32.const 1) (call $output_length (local.get $code))))))
        (if (i32.eq (local.get $op) (i32.const 2))
          (then
            (i32.store (i32.const 68) (i32.const 8000))
            (i32.store (i32.const 72) (i32.const 32))
            (local.set $code (call $instantiate (i32.const 129) (i64.const 0) (i64.const 0) (i32.const -1)
              (i32.const 3000) (i32.const 165) (i32.sub (local.get $len) (i32.const 37))
              (i32.const 4097) (i32.const 72) (i32.const 4129) (i32.const 68) (i32.const 161) (i32.const 4)))
            (i32.store8 (i32.const 4096) (local.get $code))
            (call $return (i32.const 0) (i32.const 4096)
              (i32.add (i32.const 33) (call $output_length (local.get $code))))))
        (if (i32.eq (local.get $op) (i32.const 4))
          (then
            (i32.store16 (i32.const 4096) (i32.const 0x6968))
            (call $return (i32.const 0) (i32.const 4096) (i32.const 2))))
        (if (i32.eq (local.get $op) (i32.const 5))
          (then
            (drop (call $set (i32.const 20) (i32.const 1) (i32.const 20) (i32.const 1)))
            (i32.store8 (i32.const 4096) (i32.const 0x2a))
            (call $return (i32.const 1) (i32.const 4096) (i32.const 1))))
        (if (i32.eq (local.get $op) (i32.const 6))
          (then
            (drop (call $set (i32.const 20) (i32.const 1) (i32.const 20) (i32.const 1)))
            (unreachable)))
        (if (i32.eq (local.get $op) (i32.const 7))
          (then
            (i32.store8 (i32.const 4096)
              (i32.ne (call $contains (i32.const 20) (i32.const 1)) (i32.const -1)))
            (call $return (i32.const 0) (i32.const 4096) (i32.const 1))))
        (if (i32.eq (local.get $op) (i32.const 8))
          (then
            (drop (call $set (i32.const 20) (i32.const 1) (i32.const 20) (i32.const 1)))
            (call $return (i32.const 0) (i32.const 4096) (i32.const 0))))
        (if (i32.eq (local.get $op) (i32.const 9))
          (then
            (i32.store (i32.const 68) (i32.const 8000))
            (local.set $code (call $delegate (i32.load (i32.const 161)) (i32.const 129)
              (i32.const 165) (i32.sub (local.get $len) (i32.const 37)) (i32.const 4097) (i32.const 68)))
            (i32.store8 (i32.const 4096) (local.get $code))
            (call $return (i32.const 0) (i32.const 4096)
              (i32.add (i32.const 1) (call $output_length (local.get $code))))))
        (if (i32.eq (local.get $op) (i32.const 10))
          (then
            (i32.store (i32.const 68) (i32.const 8000))
            (local.set $code (call $call2 (i32.load (i32.const 161)) (i32.const 129) (i64.load (i32.const 165))
              (i64.const 0) (i32.const -1) (i32.const 3000) (i32.const 173) (i32.sub (local.get $len) (i32.const 45))
              (i32.const 4097) (i32.const 68)))
            (i32.store8 (i32.const 4096) (local.get $code))
            (call $return (i32.const 0) (i32.const 4096)
              (i32.add (i32.const 1) (call $output_length (local.get $code))))))
        (if (i32.eq (local.get $op) (i32.const 11))
          (then (loop $forever (br $forever))))
        (if (i32.eq (local.get $op) (i32.const 12))
          (then
            (i32.store8 (i32.const 4096) (call $is_origin))
            (i32.store (i32.const 68) (i32.const 32))
            (call $caller (i32.const 4097) (i32.const 68))
            (i32.store (i32.const 68) (i32.const 32))
            (call $address (i32.const 4129) (i32.const 68))
            (call $return (i32.const 0) (i32.const 4096) (i32.const 65))))
        (unreachable)))
    """

func callOp(_ callee: AccountId32, flags: UInt32 = 0, _ payload: [UInt8], op: UInt8 = 1) -> [UInt8] {
    [op] + callee.bytes + flags.scaleEncoded + payload
}

@Suite struct CrossContractTests {
    let cluster: ContractCluster
    let backend: InMemoryStateBackend
    let proxyCode: [UInt8]
    let first: AccountId32
    let second: AccountId32

    init() throws {
        (cluster, backend) = Fixture.cluster()
        proxyCode = try Fixture.wasm(proxyWAT)
        first = try Fixture.deploy(cluster, proxyCode, input: [], salt: [1])
        second = try Fixture.deploy(cluster, proxyCode, input: [], salt: [2])
    }

    func run(_ dest: AccountId32, _ input: [UInt8]) -> ContractExecResult {
        cluster.call(origin: Fixture.alice, dest: dest, input: input)
    }

    @Test func callsAnotherContract() throws {
        let v2 = run(first, callOp(second, [4]))
        #expect(v2.result.successValue?.data == [0, 0x68, 0x69])
        let v1 = run(first, callOp(second, [4], op: 3))
        #expect(v1.result.successValue?.data == [0, 0x68, 0x69])
    }

    @Test func callsFlipperAcrossContracts() throws {
        let flipperCode = try SampleContracts.assemble(SampleContracts.flipperWAT)
        let flipper = try Fixture.deploy(cluster, flipperCode, input: SampleContracts.newSelector + [0])
        #expect(run(first, callOp(flipper, SampleContracts.flipSelector)).result.successValue?.data == [0, 0])
        #expect(run(first, callOp(flipper, SampleContracts.getSelector)).result.successValue?.data == [0, 0, 1])
    }

    @Test func calleeRevertIsRolledBackButDataReturned() {
        let result = run(first, callOp(second, [5]))
        #expect(result.result.successValue?.data == [2, 0x2a])
        #expect(run(second, [7]).result.successValue?.data == [0])
    }

    @Test func calleeTrapIsReportedAndRolledBack() {
        let result = run(first, callOp(second, [6]))
        #expect(result.result.successValue?.data == [1])
        #expect(run(second, [7]).result.successValue?.data == [0])
        // The callee's successful write is kept.
        #expect(run(first, callOp(second, [8])).result.successValue?.data == [0])
        #expect(run(second, [7]).result.successValue?.data == [1])
    }

    @Test func callingNonContractReturnsNotCallable() {
        #expect(run(first, callOp(Fixture.bob, [4])).result.successValue?.data == [8])
    }

    @Test func reentrancyDeniedByDefault() {
        // first → second → first: second traps with ReentranceDenied, first sees CalleeTrapped.
        let denied = run(first, callOp(second, callOp(first, [4])))
        #expect(denied.result.successValue?.data == [1])
        // With ALLOW_REENTRY on the outer call, the re-entry succeeds.
        let allowed = run(first, callOp(second, flags: CallFlags.allowReentry.rawValue, callOp(first, [4])))
        #expect(allowed.result.successValue?.data == [0, 0, 0x68, 0x69])
        // A self-call without the flag traps the caller itself.
        let selfCall = run(first, callOp(first, [4]))
        #expect(selfCall.result.failureValue?.contractError == .reentranceDenied)
    }

    @Test func callDepthIsLimited() {
        func nested(_ depth: Int) -> [UInt8] {
            var payload: [UInt8] = [4]
            for _ in 0..<depth { payload = callOp(first, flags: CallFlags.allowReentry.rawValue, payload) }
            return payload
        }
        // 5 nested frames below the outermost are allowed.
        let ok = run(first, nested(5))
        #expect(ok.result.successValue?.data == [0, 0, 0, 0, 0, 0x68, 0x69])
        // A 6th traps the 5th frame's caller, which the outer frames see as CalleeTrapped.
        let tooDeep = run(first, nested(6))
        #expect(tooDeep.result.successValue?.data == [0, 0, 0, 0, 1])
    }

    @Test func readOnlyCallDeniesStateChanges() {
        let readOnly = CallFlags.readOnly.rawValue
        #expect(run(first, callOp(second, flags: readOnly, [8])).result.successValue?.data == [1])
        #expect(run(second, [7]).result.successValue?.data == [0])
        #expect(run(first, callOp(second, flags: readOnly, [4])).result.successValue?.data == [0, 0x68, 0x69])
    }

    @Test func tailCallReturnsCalleeResult() {
        let result = run(first, callOp(second, flags: CallFlags.tailCall.rawValue, [4]))
        #expect(result.result.successValue?.data == [0x68, 0x69])
    }

    @Test func invalidCallFlagsTrap() {
        let result = run(first, callOp(second, flags: 0x20, [4]))
        #expect(result.result.failureValue?.contractError == .invalidCallFlags)
    }

    @Test func delegateCallRunsCodeInCallersContext() throws {
        let hash = ContractCluster.codeHash(proxyCode)
        // Delegated op 8 writes "x" into the *caller's* storage.
        let result = run(first, [9] + hash.bytes + UInt32(0).scaleEncoded + [8])
        #expect(result.result.successValue?.data == [0])
        #expect(run(first, [7]).result.successValue?.data == [1])
        #expect(run(second, [7]).result.successValue?.data == [0])
        // Caller and address are the delegating frame's.
        let context = run(first, [9] + hash.bytes + UInt32(0).scaleEncoded + [12])
        #expect(context.result.successValue?.data == [0, 1] + Fixture.alice.bytes + first.bytes)
        // Unknown code: CodeNotFound (7). ALLOW_REENTRY is not allowed for delegate calls.
        #expect(
            run(first, [9] + [UInt8](repeating: 3, count: 32) + UInt32(0).scaleEncoded + [4])
                .result.successValue?.data == [7])
        #expect(
            run(first, [9] + hash.bytes + CallFlags.allowReentry.rawValue.scaleEncoded + [4])
                .result.failureValue?.contractError == .invalidCallFlags)
    }

    @Test func nestedGasLimitBoundsTheCallee() {
        let limit = Weight(refTime: 5_000_000_000, proofSize: 1 << 20)
        // The callee loops forever under a 100M ref_time limit: it runs out, the caller continues with code 1.
        let bounded = cluster.call(
            origin: Fixture.alice, dest: first, gasLimit: limit,
            input: [10] + second.bytes + UInt32(0).scaleEncoded + UInt64(100_000_000).scaleEncoded + [11])
        #expect(bounded.result.successValue?.data == [1])
        #expect(bounded.gasConsumed.refTime < limit.refTime)
        // Without a nested limit (0 = all remaining) the callee burns everything and the caller then runs out too.
        let unbounded = cluster.call(
            origin: Fixture.alice, dest: first, gasLimit: limit,
            input: [10] + second.bytes + UInt32(0).scaleEncoded + UInt64(0).scaleEncoded + [11])
        #expect(unbounded.result.failureValue?.contractError == .outOfGas)
        #expect(unbounded.gasConsumed.refTime == limit.refTime)
    }

    @Test func callerAndOrigin() {
        // Called directly: the caller is the origin.
        #expect(run(first, [12]).result.successValue?.data == [1] + Fixture.alice.bytes + first.bytes)
        // Called by another contract: it is not.
        #expect(run(first, callOp(second, [12])).result.successValue?.data == [0, 0] + first.bytes + second.bytes)
    }

    @Test func instantiatesFromContract() throws {
        let flipperCode = try SampleContracts.assemble(SampleContracts.flipperWAT)
        let flipperHash = try cluster.uploadCode(flipperCode)
        let salt: [UInt8] = [9, 9, 9, 9]
        let result = run(first, [2] + flipperHash.bytes + salt + SampleContracts.newSelector + [1])
        let expected = cluster.contractAddress(deployer: first, codeHash: flipperHash, salt: salt)
        #expect(result.result.successValue?.data == [0] + expected.bytes + [0])
        #expect(cluster.storage(contract: expected, key: [0, 0, 0, 0]) == [1])
        // Same salt again: DuplicateContract traps the caller.
        let again = run(first, [2] + flipperHash.bytes + salt + SampleContracts.newSelector + [1])
        #expect(again.result.failureValue?.contractError == .duplicateContract)
        // Unknown code hash: CodeNotFound (7).
        let missing = run(first, [2] + [UInt8](repeating: 1, count: 32) + salt + [])
        #expect(missing.result.successValue?.data.first == 7)
        // A reverting constructor: code 2, output copied, no contract created.
        let reverted = run(first, [2] + flipperHash.bytes + [1, 1, 1, 1] + [0, 0, 0, 0])
        #expect(reverted.result.successValue?.data.first == 2)
        let notCreated = cluster.contractAddress(deployer: first, codeHash: flipperHash, salt: [1, 1, 1, 1])
        #expect(backend.contract(notCreated) == nil)
    }
}
