import PhalanxPrimitives
import WasmParser
import WasmTypes

/// Why code was rejected at upload (all map to ``ContractError/codeRejected`` or ``ContractError/codeTooLarge``).
public struct CodeRejection: Error, Hashable, Sendable, CustomStringConvertible {
    /// The pallet error the rejection maps to.
    public var error: ContractError
    /// A human-readable reason.
    public var reason: String

    public init(_ error: ContractError = .codeRejected, _ reason: String) {
        self.error = error
        self.reason = reason
    }

    public var description: String { "\(error): \(reason)" }
}

/// A module that passed validation, with what the engine needs to instantiate it.
struct ValidatedModule: Sendable {
    /// The original code.
    var code: [UInt8]
    /// The code with every mutable defined global additionally exported (as `__phx_g<N>`), so pooled instances can be
    /// reset between calls. Contracts never see these exports.
    var instrumentedCode: [UInt8]
    /// Names of the extra global exports.
    var globalExports: [String]
    /// The declared `env.memory` limits (maximum capped by the schedule).
    var memoryMinimum: UInt64
    var memoryMaximum: UInt64
    /// Host functions the module imports, as `module.name`.
    var imports: [String]
}

/// pallet-contracts' code checks (`prepare.rs`, `LoadedModule::new`), applied before WasmKit sees the module:
/// exactly the exports `deploy` and `call` (`() -> ()` or `() -> i32`); exactly one import `env.memory` with a maximum
/// ≤ `maxMemoryPages`; only known host functions with matching signatures; no tables or globals imported, no internal
/// memory; no float types or instructions, no SIMD, bulk-memory, reference-types, multi-value, atomics, exceptions or
/// tail calls (sign-extension is allowed). Function bodies are validated eagerly afterwards by WasmKit.
enum CodeValidator {
    static func validate(
        _ code: [UInt8], schedule: Schedule, hostFunctions: [String: FunctionType], allowChainExtension: Bool
    ) throws(CodeRejection) -> ValidatedModule {
        guard code.count <= schedule.maxCodeLength else {
            throw CodeRejection(.codeTooLarge, "code is \(code.count) bytes, limit \(schedule.maxCodeLength)")
        }
        do {
            return try validateParsed(
                code, schedule: schedule, hostFunctions: hostFunctions, allowChainExtension: allowChainExtension)
        } catch let rejection as CodeRejection {
            throw rejection
        } catch {
            throw CodeRejection(.codeRejected, "malformed module: \(error)")
        }
    }

    private static func checkValueType(_ type: ValueType, _ what: String) throws {
        switch type {
        case .i32, .i64: return
        case .f32, .f64: throw CodeRejection(.codeRejected, "floating-point type in \(what)")
        default: throw CodeRejection(.codeRejected, "unsupported value type \(type) in \(what)")
        }
    }

    private static func validateParsed(
        _ code: [UInt8], schedule: Schedule, hostFunctions: [String: FunctionType], allowChainExtension: Bool
    ) throws -> ValidatedModule {
        var parser = Parser(bytes: code, features: [])
        var types: [FunctionType] = []
        var functionTypeIndices: [UInt32] = []
        var importedFunctionCount: UInt32 = 0
        var memory: Limits?
        var imports: [String] = []
        var exports: [Export] = []
        var mutableGlobals: [UInt32] = []
        var exportSectionSeen = false

        while let payload = try parser.parseNext() {
            switch payload {
            case .header, .customSection, .functionSection, .startSection, .dataSection:
                if case .functionSection(let indices) = payload { functionTypeIndices = indices }
            case .typeSection(let groups):
                for group in groups {
                    for subtype in group.types {
                        guard case .function(let type) = subtype.body, group.types.count == 1 else {
                            throw CodeRejection(.codeRejected, "only function types are allowed")
                        }
                        for parameter in type.parameters { try checkValueType(parameter, "a function type") }
                        for result in type.results { try checkValueType(result, "a function type") }
                        guard type.results.count <= 1 else {
                            throw CodeRejection(.codeRejected, "multi-value functions are not allowed")
                        }
                        types.append(type)
                    }
                }
            case .importSection(let entries):
                for entry in entries {
                    switch entry.descriptor {
                    case .memory(let limits):
                        guard entry.module == "env", entry.name == "memory" else {
                            throw CodeRejection(.codeRejected, "memory must be imported as env.memory")
                        }
                        guard memory == nil else { throw CodeRejection(.codeRejected, "more than one memory import") }
                        guard !limits.isMemory64, !limits.shared else {
                            throw CodeRejection(.codeRejected, "memory64 and shared memory are not allowed")
                        }
                        let maximum = limits.max ?? schedule.maxMemoryPages
                        guard maximum <= schedule.maxMemoryPages else {
                            throw CodeRejection(
                                .codeRejected,
                                "memory maximum \(maximum) pages exceeds the limit \(schedule.maxMemoryPages)")
                        }
                        guard limits.min <= maximum else {
                            throw CodeRejection(.codeRejected, "memory minimum exceeds its maximum")
                        }
                        memory = Limits(min: limits.min, max: maximum)
                    case .function(let typeIndex):
                        let name = "\(entry.module).\(entry.name)"
                        guard let expected = hostFunctions[name] else {
                            throw CodeRejection(.codeRejected, "unknown host function \(name)")
                        }
                        if entry.name.hasSuffix("call_chain_extension") && !allowChainExtension {
                            throw CodeRejection(.codeRejected, "no chain extension is configured")
                        }
                        guard Int(typeIndex) < types.count, types[Int(typeIndex)] == expected else {
                            throw CodeRejection(
                                .codeRejected, "host function \(name) imported with the wrong signature")
                        }
                        imports.append(name)
                        importedFunctionCount += 1
                    case .table:
                        throw CodeRejection(.codeRejected, "importing a table is not allowed")
                    case .global:
                        throw CodeRejection(.codeRejected, "importing a global is not allowed")
                    default:
                        throw CodeRejection(.codeRejected, "unsupported import \(entry.module).\(entry.name)")
                    }
                }
            case .tableSection(let tables):
                for table in tables where table.initializer != nil || table.type.elementType != .funcRef {
                    throw CodeRejection(.codeRejected, "only funcref tables are allowed")
                }
                if tables.count > 1 { throw CodeRejection(.codeRejected, "more than one table") }
            case .memorySection(let memories):
                if !memories.isEmpty { throw CodeRejection(.codeRejected, "internal memory is not allowed") }
            case .globalSection(let globals):
                for (index, global) in globals.enumerated() {
                    try checkValueType(global.type.valueType, "a global")
                    if global.type.mutability == .variable { mutableGlobals.append(UInt32(index)) }
                }
            case .tagSection:
                throw CodeRejection(.codeRejected, "exception handling is not allowed")
            case .exportSection(let entries):
                exportSectionSeen = true
                exports = entries
            case .elementSection(let segments):
                for segment in segments where segment.type != .funcRef {
                    throw CodeRejection(.codeRejected, "only funcref element segments are allowed")
                }
            case .dataCount:
                throw CodeRejection(.codeRejected, "bulk memory is not allowed")
            case .codeSection(let bodies):
                for body in bodies {
                    for local in body.locals { try checkValueType(local, "a local") }
                    var checker = InstructionChecker(types: types)
                    var expression = ExpressionParser(code: body)
                    while let visit = try expression.parse() {
                        try visit(visitor: &checker)
                    }
                }
            }
        }

        guard let memory else { throw CodeRejection(.codeRejected, "the module must import env.memory") }
        guard exportSectionSeen else { throw CodeRejection(.codeRejected, "the module exports nothing") }
        var exported = Set<String>()
        for export in exports {
            guard case .function(let index) = export.descriptor else {
                throw CodeRejection(.codeRejected, "export \(export.name) is not a function")
            }
            guard export.name == "deploy" || export.name == "call" else {
                throw CodeRejection(.codeRejected, "unknown function export \(export.name)")
            }
            guard index >= importedFunctionCount else {
                throw CodeRejection(.codeRejected, "export \(export.name) re-exports an import")
            }
            let defined = Int(index - importedFunctionCount)
            guard defined < functionTypeIndices.count, Int(functionTypeIndices[defined]) < types.count else {
                throw CodeRejection(.codeRejected, "export \(export.name) has no function")
            }
            let type = types[Int(functionTypeIndices[defined])]
            guard type.parameters.isEmpty, type.results.isEmpty || type.results == [.i32] else {
                throw CodeRejection(.codeRejected, "export \(export.name) must have type () -> ()")
            }
            exported.insert(export.name)
        }
        guard exported.contains("deploy") else { throw CodeRejection(.codeRejected, "missing export deploy") }
        guard exported.contains("call") else { throw CodeRejection(.codeRejected, "missing export call") }

        let globalNames = mutableGlobals.map { "__phx_g\($0)" }
        let instrumented = try exportGlobals(code, globals: mutableGlobals, names: globalNames)
        return ValidatedModule(
            code: code, instrumentedCode: instrumented, globalExports: globalNames,
            memoryMinimum: memory.min, memoryMaximum: memory.max ?? schedule.maxMemoryPages, imports: imports)
    }

    /// Rewrites the export section to also export the given globals (indices into the global index space; no globals
    /// are imported, so these are the defined ones).
    private static func exportGlobals(_ code: [UInt8], globals: [UInt32], names: [String]) throws -> [UInt8] {
        if globals.isEmpty { return code }
        var output = Array(code[0..<8])
        var position = 8
        while position < code.count {
            let id = code[position]
            var cursor = position + 1
            let size = try readLEB(code, &cursor)
            let start = cursor
            let end = start + Int(size)
            guard end <= code.count else { throw CodeRejection(.codeRejected, "truncated section") }
            if id == 7 {
                var inner = start
                let count = try readLEB(code, &inner)
                var body: [UInt8] = []
                writeLEB(UInt32(count) + UInt32(globals.count), &body)
                body += code[inner..<end]
                for (index, name) in zip(globals, names) {
                    writeLEB(UInt32(name.utf8.count), &body)
                    body += Array(name.utf8)
                    body.append(0x03)
                    writeLEB(index, &body)
                }
                output.append(7)
                writeLEB(UInt32(body.count), &output)
                output += body
            } else {
                output += code[position..<end]
            }
            position = end
        }
        return output
    }

    private static func readLEB(_ bytes: [UInt8], _ cursor: inout Int) throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard cursor < bytes.count, shift < 35 else { throw CodeRejection(.codeRejected, "bad LEB128") }
            let byte = bytes[cursor]
            cursor += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
        }
    }

    private static func writeLEB(_ value: UInt32, _ output: inout [UInt8]) {
        var value = value
        repeat {
            var byte = UInt8(value & 0x7F)
            value >>= 7
            if value != 0 { byte |= 0x80 }
            output.append(byte)
        } while value != 0
    }
}

/// Allows the integer MVP instruction set plus sign-extension; rejects everything else.
private struct InstructionChecker: AnyInstructionVisitor {
    typealias VisitorError = CodeRejection
    var binaryOffset: Int = 0
    let types: [FunctionType]

    init(types: [FunctionType]) { self.types = types }

    private func reject(_ what: String) -> CodeRejection {
        CodeRejection(.codeRejected, "\(what) at offset \(binaryOffset)")
    }

    private func checkBlock(_ type: BlockType) throws(CodeRejection) {
        switch type {
        case .empty: return
        case .type(let value):
            if value != .i32 && value != .i64 { throw reject("non-integer block type") }
        case .funcType:
            throw reject("multi-value block type")
        }
    }

    // The integer MVP and sign-extension operators, listed explicitly (an allowlist: new WasmKit cases stay rejected).
    private static let loads: [Instruction.Load] = [
        .i32Load, .i64Load, .i32Load8S, .i32Load8U, .i32Load16S, .i32Load16U, .i64Load8S, .i64Load8U, .i64Load16S,
        .i64Load16U, .i64Load32S, .i64Load32U,
    ]
    private static let stores: [Instruction.Store] = [
        .i32Store, .i64Store, .i32Store8, .i32Store16, .i64Store8, .i64Store16, .i64Store32,
    ]
    private static let comparisons: [Instruction.Cmp] = [
        .i32Eq, .i32Ne, .i32LtS, .i32LtU, .i32GtS, .i32GtU, .i32LeS, .i32LeU, .i32GeS, .i32GeU, .i64Eq, .i64Ne, .i64LtS,
        .i64LtU, .i64GtS, .i64GtU, .i64LeS, .i64LeU, .i64GeS, .i64GeU,
    ]
    private static let unaries: [Instruction.Unary] = [
        .i32Clz, .i32Ctz, .i32Popcnt, .i64Clz, .i64Ctz, .i64Popcnt, .i32Extend8S, .i32Extend16S, .i64Extend8S,
        .i64Extend16S, .i64Extend32S,
    ]
    private static let binaries: [Instruction.Binary] = [
        .i32Add, .i32Sub, .i32Mul, .i32DivS, .i32DivU, .i32RemS, .i32RemU, .i32And, .i32Or, .i32Xor, .i32Shl, .i32ShrS,
        .i32ShrU, .i32Rotl, .i32Rotr, .i64Add, .i64Sub, .i64Mul, .i64DivS, .i64DivU, .i64RemS, .i64RemU, .i64And,
        .i64Or, .i64Xor, .i64Shl, .i64ShrS, .i64ShrU, .i64Rotl, .i64Rotr,
    ]
    private static let conversions: [Instruction.Conversion] = [.i32WrapI64, .i64ExtendI32S, .i64ExtendI32U]

    mutating func visit(_ instruction: Instruction) throws(CodeRejection) {
        switch instruction {
        case .unreachable, .nop, .else, .end, .br, .brIf, .brTable, .return, .call, .drop, .select,
            .localGet, .localSet, .localTee, .globalGet, .globalSet, .memorySize, .memoryGrow, .i32Const, .i64Const,
            .i32Eqz, .i64Eqz:
            return
        case .callIndirect(_, let table):
            if table != 0 { throw reject("call_indirect on a second table") }
        case .block(let type), .loop(let type), .if(let type):
            try checkBlock(type)
        case .load(let op, _):
            if !Self.loads.contains(op) { throw reject("instruction \(op) not allowed") }
        case .store(let op, _):
            if !Self.stores.contains(op) { throw reject("instruction \(op) not allowed") }
        case .cmp(let op):
            if !Self.comparisons.contains(op) { throw reject("floating-point instruction \(op)") }
        case .unary(let op):
            if !Self.unaries.contains(op) { throw reject("floating-point instruction \(op)") }
        case .binary(let op):
            if !Self.binaries.contains(op) { throw reject("floating-point instruction \(op)") }
        case .conversion(let op):
            if !Self.conversions.contains(op) { throw reject("floating-point instruction \(op)") }
        case .f32Const, .f64Const:
            throw reject("floating-point constant")
        default:
            throw reject("instruction \(instruction) not allowed")
        }
    }
}
