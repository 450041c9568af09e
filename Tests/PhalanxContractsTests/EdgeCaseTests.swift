import PhalanxContracts
import PhalanxPrimitives
import Testing
import WasmParser

@Suite struct CodeValidationTests {
    func rejection(_ wat: String, features: WasmFeatureSet = []) throws -> CodeRejection? {
        let (cluster, _) = Fixture.cluster()
        let code = try Fixture.wasm(wat, features: features)
        do {
            try cluster.uploadCode(code)
            return nil
        } catch {
            return error
        }
    }

    @Test func acceptsMinimalContract() throws {
        #expect(try rejection(Fixture.minimal(call: "")) == nil)
    }

    @Test func rejectsFloatInstruction() throws {
        let wat = Fixture.minimal(call: "(drop (i32.trunc_f32_s (f32.add (f32.const 1) (f32.const 2))))")
        #expect(try rejection(wat)?.error == .codeRejected)
        let floatLocal = Fixture.minimal(call: "(local f64)")
        #expect(try rejection(floatLocal)?.error == .codeRejected)
        let floatParameter = Fixture.minimal(call: "", extra: "(func $f (param f32))")
        #expect(try rejection(floatParameter)?.error == .codeRejected)
    }

    @Test func rejectsSimd() throws {
        let wat = Fixture.minimal(call: "(drop (v128.const i64x2 0 0))")
        #expect(try rejection(wat, features: [.simd])?.error == .codeRejected)
    }

    @Test func rejectsBadExportsAndImports() throws {
        let missingCall = """
            (module (import "env" "memory" (memory 1 16)) (func (export "deploy")))
            """
        #expect(try rejection(missingCall)?.reason.contains("call") == true)
        let extraExport = Fixture.minimal(call: "", extra: "(func (export \"other\"))")
        #expect(try rejection(extraExport)?.error == .codeRejected)
        let exportedMemory = """
            (module (import "env" "memory" (memory 1 16)) (export "memory" (memory 0))
              (func (export "deploy")) (func (export "call")))
            """
        #expect(try rejection(exportedMemory)?.error == .codeRejected)
        let noMemory = """
            (module (func (export "deploy")) (func (export "call")))
            """
        #expect(try rejection(noMemory)?.error == .codeRejected)
        let internalMemory = """
            (module (memory 1) (func (export "deploy")) (func (export "call")))
            """
        #expect(try rejection(internalMemory)?.error == .codeRejected)
        let tooMuchMemory = Fixture.minimal(call: "", memory: "(memory 1 17)")
        #expect(try rejection(tooMuchMemory)?.error == .codeRejected)
        let unknownImport = Fixture.minimal(imports: "(import \"seal0\" \"nope\" (func))", call: "")
        #expect(try rejection(unknownImport)?.error == .codeRejected)
        let wrongSignature = Fixture.minimal(imports: "(import \"seal0\" \"input\" (func (param i32)))", call: "")
        #expect(try rejection(wrongSignature)?.error == .codeRejected)
        let chainExtensionWithoutExtension = Fixture.minimal(
            imports: "(import \"seal0\" \"call_chain_extension\" (func (param i32 i32 i32 i32 i32) (result i32)))",
            call: "")
        #expect(try rejection(chainExtensionWithoutExtension)?.error == .codeRejected)
        let wrongExportType = """
            (module (import "env" "memory" (memory 1 16)) (func (export "deploy") (param i32)) (func (export "call")))
            """
        #expect(try rejection(wrongExportType)?.error == .codeRejected)
    }

    @Test func rejectsInvalidBodyEagerly() throws {
        // Type error inside a function that is never called: found at upload, not at call time.
        let wat = Fixture.minimal(call: "", extra: "(func $bad (result i32) (i64.const 1))")
        let (cluster, _) = Fixture.cluster()
        let bytes = try? Fixture.wasm(wat)
        if let bytes {
            #expect(throws: CodeRejection.self) { try cluster.uploadCode(bytes) }
        }
    }

    @Test func rejectsGarbageAndOversizedCode() {
        let (cluster, _) = Fixture.cluster()
        #expect(throws: CodeRejection.self) { try cluster.uploadCode([0, 1, 2, 3]) }
        #expect(throws: CodeRejection.self) { try cluster.uploadCode([]) }
        var schedule = Schedule()
        schedule.maxCodeLength = 10
        let (small, _) = Fixture.cluster(schedule: schedule)
        let code = (try? Fixture.wasm(Fixture.minimal(call: ""))) ?? []
        do {
            try small.uploadCode(code)
            Issue.record("oversized code accepted")
        } catch {
            #expect(error.error == .codeTooLarge)
        }
        let result = small.instantiate(origin: Fixture.alice, code: .upload(code), input: [])
        #expect(result.result.failureValue?.contractError == .codeTooLarge)
    }
}

@Suite struct ExecutionEdgeCaseTests {
    func deployAndCall(_ wat: String, input: [UInt8] = [], gasLimit: Weight? = nil) throws -> (
        ContractCluster, AccountId32, ContractExecResult
    ) {
        let (cluster, _) = Fixture.cluster()
        let address = try Fixture.deploy(cluster, try Fixture.wasm(wat), input: [])
        let result = cluster.call(origin: Fixture.alice, dest: address, gasLimit: gasLimit, input: input)
        return (cluster, address, result)
    }

    @Test func infiniteLoopRunsOutOfGas() throws {
        let limit = Weight(refTime: 2_000_000_000, proofSize: 1_000_000)
        let (_, _, result) = try deployAndCall(Fixture.minimal(call: "(loop $l (br $l))"), gasLimit: limit)
        #expect(result.result.failureValue?.contractError == .outOfGas)
        #expect(result.gasConsumed.refTime == limit.refTime)
    }

    @Test func memoryGrowBeyondLimitFailsCleanly() throws {
        let returnImport = "(import \"seal0\" \"seal_return\" (func $ret (param i32 i32 i32)))"
        let wat = Fixture.minimal(
            imports: returnImport,
            call: """
                (i32.store (i32.const 0) (memory.grow (i32.const 100)))
                (i32.store (i32.const 4) (memory.grow (i32.const 2)))
                (call $ret (i32.const 0) (i32.const 0) (i32.const 8))
                """,
            memory: "(memory 1 4)")
        let (cluster, address, result) = try deployAndCall(wat)
        // grow(100) past the maximum returns -1; grow(2) succeeds and returns the old size (1).
        #expect(result.result.successValue?.data == [0xFF, 0xFF, 0xFF, 0xFF, 1, 0, 0, 0])
        // The grown instance is not reused: the next call starts from 1 page again.
        let again = cluster.call(origin: Fixture.alice, dest: address, input: [])
        #expect(again.result.successValue?.data == [0xFF, 0xFF, 0xFF, 0xFF, 1, 0, 0, 0])
    }

    @Test func deepRecursionTrapsAndHostSurvives() throws {
        let wat = Fixture.minimal(call: "(call $r)", extra: "(func $r (call $r))")
        let (cluster, address, result) = try deployAndCall(wat)
        #expect(result.result.failureValue?.contractError == .contractTrapped)
        let again = cluster.call(origin: Fixture.alice, dest: address, input: [])
        #expect(again.result.failureValue?.contractError == .contractTrapped)
    }

    @Test func outOfBoundsPointersTrapInEveryHostFunction() throws {
        let (cluster, _) = Fixture.cluster()
        cluster.register(chainExtension: EchoExtension())
        let noMemoryAccess: Set<String> = [
            "caller_is_origin", "seal_caller_is_origin", "caller_is_root", "call_runtime", "seal_call_runtime",
            "xcm_execute", "xcm_send",
        ]
        var checked = 0
        for function in ContractCluster.hostFunctions where !noMemoryAccess.contains(function.name) {
            let parameters = function.parameters.joined(separator: " ")
            let result = function.hasResult ? "(result i32)" : ""
            let arguments = function.parameters.map { $0 == "i64" ? "(i64.const 0)" : "(i32.const -16)" }
                .joined(separator: " ")
            let call = function.hasResult ? "(drop (call $f \(arguments)))" : "(call $f \(arguments))"
            let wat = Fixture.minimal(
                imports:
                    "(import \"\(function.module)\" \"\(function.name)\" (func $f (param \(parameters)) \(result)))",
                call: call)
            let code = try Fixture.wasm(wat)
            let deployed = cluster.instantiate(
                origin: Fixture.alice, code: .upload(code), input: [],
                salt: Array((function.module + function.name).utf8))
            let address = try #require(deployed.result.successValue?.accountId, "\(function.module).\(function.name)")
            let outcome = cluster.call(origin: Fixture.alice, dest: address, input: [])
            let error = outcome.result.failureValue?.contractError
            #expect(error != nil, "\(function.module).\(function.name) did not trap")
            #expect(error != ContractError.contractNotFound)
            checked += 1
        }
        #expect(checked >= 60)
        // The host is still fine.
        let flipper = try Fixture.deploy(
            cluster, try SampleContracts.assemble(SampleContracts.flipperWAT), input: SampleContracts.newSelector + [1])
        #expect(
            cluster.call(origin: Fixture.alice, dest: flipper, input: SampleContracts.getSelector)
                .result.successValue?.data == [0, 1])
    }

    @Test func outputBufferTooSmallTraps() throws {
        let imports = "(import \"seal0\" \"caller\" (func $caller (param i32 i32)))"
        let wat = Fixture.minimal(
            imports: imports,
            call: "(i32.store (i32.const 0) (i32.const 31)) (call $caller (i32.const 8) (i32.const 0))")
        let (_, _, result) = try deployAndCall(wat)
        #expect(result.result.failureValue?.contractError == .outputBufferTooSmall)
    }

    @Test func hugeStorageValueFailsCleanly() throws {
        let imports = "(import \"seal2\" \"set_storage\" (func $set (param i32 i32 i32 i32) (result i32)))"
        let huge = Fixture.minimal(
            imports: imports, call: "(drop (call $set (i32.const 0) (i32.const 4) (i32.const 0) (i32.const 16385)))")
        let (_, _, result) = try deployAndCall(huge)
        #expect(result.result.failureValue?.contractError == .valueTooLarge)
        let longKey = Fixture.minimal(
            imports: imports, call: "(drop (call $set (i32.const 0) (i32.const 129) (i32.const 0) (i32.const 1)))")
        let (_, _, keyResult) = try deployAndCall(longKey)
        #expect(keyResult.result.failureValue?.contractError == .decodingFailed)
        let maximal = Fixture.minimal(
            imports: imports, call: "(drop (call $set (i32.const 0) (i32.const 128) (i32.const 0) (i32.const 16384)))")
        let (cluster, address, ok) = try deployAndCall(maximal)
        #expect(ok.result.successValue != nil)
        #expect(cluster.storage(contract: address, key: [UInt8](repeating: 0, count: 128))?.count == 16384)
    }

    @Test func chainExtensionDispatchesByFunctionId() throws {
        let (cluster, _) = Fixture.cluster()
        cluster.register(chainExtension: EchoExtension())
        let imports = """
            (import "seal0" "call_chain_extension" (func $ext (param i32 i32 i32 i32 i32) (result i32)))
            (import "seal0" "seal_return" (func $ret (param i32 i32 i32)))
            """
        let wat = Fixture.minimal(
            imports: imports,
            call: """
                (i32.store (i32.const 0) (i32.const 0x00030201))
                (i32.store (i32.const 100) (i32.const 64))
                (i32.store (i32.const 96) (call $ext (i32.const 7) (i32.const 0) (i32.const 3) (i32.const 104) (i32.const 100)))
                (call $ret (i32.const 0) (i32.const 96) (i32.add (i32.const 8) (i32.load (i32.const 100))))
                """)
        let address = try Fixture.deploy(cluster, try Fixture.wasm(wat), input: [])
        let result = cluster.call(origin: Fixture.alice, dest: address, input: [])
        // status = function id 7, output = reversed input.
        #expect(result.result.successValue?.data == [7, 0, 0, 0, 3, 0, 0, 0, 3, 2, 1])
    }

    @Test func terminateRemovesContractAndPaysBeneficiary() throws {
        let (cluster, backend) = Fixture.cluster()
        let imports = "(import \"seal1\" \"terminate\" (func $terminate (param i32)))"
        let wat = Fixture.minimal(
            imports: imports, call: "(call $terminate (i32.const 0))",
            extra:
                "(data (i32.const 0) \"\\b0\\b0\\b0\\b0\\b0\\b0\\b0\\b0\\b0\\b0\\b0\\b0\\b0\\b0\\b0\\b0\\b0\\b0\\b0\\b0\\b0\\b0\\b0\\b0\\b0\\b0\\b0\\b0\\b0\\b0\\b0\\b0\")"
        )
        let deployed = cluster.instantiate(
            origin: Fixture.alice, value: 500, code: .upload(try Fixture.wasm(wat)), input: [])
        let address = try #require(deployed.result.successValue?.accountId)
        #expect(backend.balance(address) == 500)
        let bobBefore = backend.balance(Fixture.bob)
        let result = cluster.call(origin: Fixture.alice, dest: address, input: [])
        #expect(result.result.successValue == ExecReturnValue())
        #expect(backend.contract(address) == nil)
        #expect(backend.balance(Fixture.bob) == bobBefore + 500)
    }
}

/// Echoes its input reversed, with the function id as status.
final class EchoExtension: ChainExtension {
    func call(
        functionId: UInt16, input: [UInt8], context: ChainExtensionContext, chargeGas: (UInt64) throws -> Void
    ) throws -> ChainExtensionOutcome {
        try chargeGas(1_000)
        return .converging(status: UInt32(functionId), output: input.reversed())
    }
}

@Suite struct ModuleCacheTests {
    @Test func evictedModulesReloadTransparently() throws {
        let (cluster, _) = Fixture.cluster()
        cluster.maxCachedModules = 1
        let flipper = try Fixture.deploy(
            cluster, try SampleContracts.assemble(SampleContracts.flipperWAT), input: SampleContracts.newSelector + [1])
        let token = try Fixture.deploy(
            cluster, try SampleContracts.assemble(SampleContracts.erc20WAT),
            input: SampleContracts.newSelector + Fixture.u128(5))
        for _ in 0..<3 {
            #expect(
                cluster.call(origin: Fixture.alice, dest: flipper, input: SampleContracts.getSelector)
                    .result.successValue?.data == [0, 1])
            #expect(
                cluster.call(origin: Fixture.alice, dest: token, input: SampleContracts.totalSupplySelector)
                    .result.successValue?.data == [0] + Fixture.u128(5))
        }
    }
}

@Suite struct ZeroMemoryTests {
    @Test func zeroPageMemoryWorks() throws {
        let imports = "(import \"seal0\" \"seal_return\" (func $ret (param i32 i32 i32)))"
        let wat = Fixture.minimal(
            imports: imports,
            call: """
                (drop (memory.grow (i32.const 1)))
                (i32.store (i32.const 0) (i32.const 7))
                (call $ret (i32.const 0) (i32.const 0) (i32.const 4))
                """, memory: "(memory 0 16)")
        let (cluster, _) = Fixture.cluster()
        let address = try Fixture.deploy(cluster, try Fixture.wasm(wat), input: [])
        for _ in 0..<2 {
            let result = cluster.call(origin: Fixture.alice, dest: address, input: [])
            #expect(result.result.successValue?.data == [7, 0, 0, 0])
        }
        let outOfBounds = Fixture.minimal(
            imports: imports, call: "(call $ret (i32.const 0) (i32.const 0) (i32.const 1))", memory: "(memory 0 16)")
        let other = try Fixture.deploy(cluster, try Fixture.wasm(outOfBounds), input: [])
        #expect(
            cluster.call(origin: Fixture.alice, dest: other, input: []).result.failureValue?.contractError
                == .outOfBounds)
    }
}
