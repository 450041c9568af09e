import PhalanxPrimitives

/// Why a value could not be encoded or decoded.
public struct ContractValueError: Error, Hashable, Sendable, CustomStringConvertible {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}

/// Converts between JSON and SCALE using a contract's type registry.
///
/// JSON conventions: bool; integers as numbers when |v| ≤ 2^53, else decimal strings (both accepted on input, and
/// 0x-hex strings too); AccountId as SS58 (prefix 30) on output, SS58 / 0x-hex / a dev name (`alice`…`ferdie`) / an
/// alias known to `accountResolver` on input; `[u8; N]` and `Vec<u8>` as 0x-hex; String as string; Option as null or
/// the value; Result as `{"Ok": …}`/`{"Err": …}`; enums as `"Variant"` or `{"Variant": value}` (several unnamed fields
/// → array, named → object); structs as objects; a struct with a single unnamed field as that field; tuples and
/// sequences as arrays; `()` as null.
public struct ContractValueCodec {
    public let types: [UInt32: TypeInfo]
    /// Resolves account text (aliases) before the built-in forms are tried.
    public var accountResolver: (String) -> AccountId32?
    /// SS58 prefix for output.
    public var ss58Prefix: UInt16

    public init(
        types: [UInt32: TypeInfo], ss58Prefix: UInt16 = SS58.phalaPrefix,
        accountResolver: @escaping (String) -> AccountId32? = { _ in nil }
    ) {
        self.types = types
        self.ss58Prefix = ss58Prefix
        self.accountResolver = accountResolver
    }

    public init(metadata: ContractMetadata, accountResolver: @escaping (String) -> AccountId32? = { _ in nil }) {
        self.init(types: metadata.types, accountResolver: accountResolver)
    }

    static let devNames = ["alice", "bob", "charlie", "dave", "eve", "ferdie"]
    static let maxSafeInteger: UInt128 = 1 << 53

    // MARK: Call data

    /// `selector ‖ SCALE(arg1) ‖ …` for a constructor or message.
    public func encodeCall(_ spec: MessageSpec, arguments: [JSONValue]) throws(ContractValueError) -> [UInt8] {
        guard arguments.count == spec.arguments.count else {
            throw ContractValueError(
                "\(spec.label) takes \(spec.arguments.count) arguments, \(arguments.count) given")
        }
        var encoder = ScaleEncoder()
        encoder.append(spec.selector)
        for (argument, value) in zip(spec.arguments, arguments) {
            do {
                try encode(value, type: argument.type, into: &encoder)
            } catch {
                throw ContractValueError("argument \(argument.label): \(error.reason)")
            }
        }
        return encoder.bytes
    }

    /// Decodes a message's return data with its return type (all bytes must be used).
    public func decodeReturn(_ spec: MessageSpec, data: [UInt8]) throws(ContractValueError) -> JSONValue {
        guard let type = spec.returnType else { return data.isEmpty ? .null : .string(data.prefixedHex) }
        return try decode(data, type: type)
    }

    // MARK: Values

    /// Encodes a JSON value as the given type.
    public func encode(_ value: JSONValue, type: UInt32) throws(ContractValueError) -> [UInt8] {
        var encoder = ScaleEncoder()
        try encode(value, type: type, into: &encoder)
        return encoder.bytes
    }

    /// Decodes SCALE bytes as the given type, requiring every byte to be used.
    public func decode(_ bytes: [UInt8], type: UInt32) throws(ContractValueError) -> JSONValue {
        var decoder = ScaleDecoder(bytes)
        let value = try decode(type: type, from: &decoder, depth: 0)
        guard decoder.remaining == 0 else { throw ContractValueError("\(decoder.remaining) trailing bytes") }
        return value
    }

    private func info(_ type: UInt32) throws(ContractValueError) -> TypeInfo {
        guard let info = types[type] else { throw ContractValueError("unknown type id \(type)") }
        return info
    }

    private func isByte(_ type: UInt32) -> Bool {
        if case .primitive("u8") = types[type]?.definition { return true }
        return false
    }

    private func isAccountId(_ info: TypeInfo) -> Bool { info.path.last == "AccountId" }

    // MARK: Encoding

    func encode(_ value: JSONValue, type: UInt32, into encoder: inout ScaleEncoder, depth: Int = 0)
        throws(ContractValueError)
    {
        guard depth < 64 else { throw ContractValueError("value nested too deeply") }
        let info = try info(type)
        if isAccountId(info) {
            encoder.append(try account(value).bytes)
            return
        }
        switch info.definition {
        case .primitive(let name):
            try encodePrimitive(value, name, into: &encoder)
        case .compact(let inner):
            guard case .primitive(let name) = try self.info(inner).definition, name.hasPrefix("u") else {
                throw ContractValueError("unsupported compact type")
            }
            encoder.encodeCompact(try unsigned(value, bits: 128))
        case .sequence(let element):
            if isByte(element) {
                let bytes = try hexBytes(value)
                encoder.encodeLength(bytes.count)
                encoder.append(bytes)
            } else {
                guard let items = value.arrayValue else { throw ContractValueError("expected an array, got \(value)") }
                encoder.encodeLength(items.count)
                for item in items { try encode(item, type: element, into: &encoder, depth: depth + 1) }
            }
        case .array(let length, let element):
            if isByte(element) {
                let bytes = try hexBytes(value)
                guard bytes.count == length else { throw ContractValueError("expected \(length) bytes") }
                encoder.append(bytes)
            } else {
                guard let items = value.arrayValue, items.count == length else {
                    throw ContractValueError("expected an array of \(length), got \(value)")
                }
                for item in items { try encode(item, type: element, into: &encoder, depth: depth + 1) }
            }
        case .tuple(let elements):
            if elements.isEmpty { return }
            guard let items = value.arrayValue, items.count == elements.count else {
                throw ContractValueError("expected a tuple of \(elements.count), got \(value)")
            }
            for (item, element) in zip(items, elements) {
                try encode(item, type: element, into: &encoder, depth: depth + 1)
            }
        case .composite(let fields):
            try encodeFields(value, fields, into: &encoder, depth: depth)
        case .variant(let variants):
            if info.path == ["Option"], variants.count == 2 {
                if value == .null {
                    encoder.append(0)
                } else {
                    encoder.append(1)
                    try encodeFields(value, variants[1].fields, into: &encoder, depth: depth)
                }
                return
            }
            let (name, payload): (String, JSONValue)
            switch value {
            case .string(let text): (name, payload) = (text, .null)
            case .object(let members) where members.count == 1: (name, payload) = members[0]
            default: throw ContractValueError("expected an enum variant, got \(value)")
            }
            guard let variant = variants.first(where: { $0.name == name }) else {
                throw ContractValueError("unknown variant \(name)")
            }
            encoder.append(variant.index)
            try encodeFields(payload, variant.fields, into: &encoder, depth: depth)
        case .bitSequence:
            throw ContractValueError("bit sequences are not supported")
        }
    }

    private func encodeFields(_ value: JSONValue, _ fields: [TypeField], into encoder: inout ScaleEncoder, depth: Int)
        throws(ContractValueError)
    {
        if fields.isEmpty { return }
        if fields.allSatisfy({ $0.name != nil }) {
            guard case .object = value else { throw ContractValueError("expected an object, got \(value)") }
            for field in fields {
                guard let member = value[field.name!] else { throw ContractValueError("missing field \(field.name!)") }
                try encode(member, type: field.type, into: &encoder, depth: depth + 1)
            }
        } else if fields.count == 1 {
            try encode(value, type: fields[0].type, into: &encoder, depth: depth + 1)
        } else {
            guard let items = value.arrayValue, items.count == fields.count else {
                throw ContractValueError("expected an array of \(fields.count), got \(value)")
            }
            for (item, field) in zip(items, fields) {
                try encode(item, type: field.type, into: &encoder, depth: depth + 1)
            }
        }
    }

    private func integerText(_ value: JSONValue) throws(ContractValueError) -> String {
        switch value {
        case .number(let text), .string(let text): return text
        default: throw ContractValueError("expected an integer, got \(value)")
        }
    }

    private func unsigned(_ value: JSONValue, bits: Int) throws(ContractValueError) -> UInt128 {
        let text = try integerText(value)
        let parsed = text.hasPrefix("0x") ? UInt128(text.dropFirst(2), radix: 16) : UInt128(text, radix: 10)
        guard let parsed, bits == 128 || parsed >> bits == 0 else {
            throw ContractValueError("\(text) is not a u\(bits)")
        }
        return parsed
    }

    private func signed(_ value: JSONValue, bits: Int) throws(ContractValueError) -> Int128 {
        let text = try integerText(value)
        guard let parsed = Int128(text, radix: 10) else { throw ContractValueError("\(text) is not an i\(bits)") }
        if bits < 128 {
            let limit = Int128(1) << (bits - 1)
            guard parsed >= -limit && parsed < limit else { throw ContractValueError("\(text) is not an i\(bits)") }
        }
        return parsed
    }

    private func encodePrimitive(_ value: JSONValue, _ name: String, into encoder: inout ScaleEncoder)
        throws(ContractValueError)
    {
        switch name {
        case "bool":
            guard let flag = value.boolValue else { throw ContractValueError("expected a bool, got \(value)") }
            encoder.append(flag ? 1 : 0)
        case "str":
            guard let text = value.stringValue else { throw ContractValueError("expected a string, got \(value)") }
            encoder.encode(text)
        case "char":
            guard let text = value.stringValue, text.unicodeScalars.count == 1 else {
                throw ContractValueError("expected a character")
            }
            encoder.encode(text.unicodeScalars.first!.value)
        case "u8": encoder.append(UInt8(try unsigned(value, bits: 8)))
        case "u16": encoder.encode(UInt16(try unsigned(value, bits: 16)))
        case "u32": encoder.encode(UInt32(try unsigned(value, bits: 32)))
        case "u64": encoder.encode(UInt64(try unsigned(value, bits: 64)))
        case "u128": encoder.encode(try unsigned(value, bits: 128))
        case "i8": encoder.encode(Int8(try signed(value, bits: 8)))
        case "i16": encoder.encode(Int16(try signed(value, bits: 16)))
        case "i32": encoder.encode(Int32(try signed(value, bits: 32)))
        case "i64": encoder.encode(Int64(try signed(value, bits: 64)))
        case "i128": encoder.encode(try signed(value, bits: 128))
        default: throw ContractValueError("unsupported primitive \(name)")
        }
    }

    private func hexBytes(_ value: JSONValue) throws(ContractValueError) -> [UInt8] {
        guard let text = value.stringValue, text.hasPrefix("0x"), let bytes = [UInt8](hex: text) else {
            throw ContractValueError("expected 0x-hex bytes, got \(value)")
        }
        return bytes
    }

    /// An account from JSON text: an alias, SS58 (any prefix), 0x-hex, or a dev name.
    public func account(_ value: JSONValue) throws(ContractValueError) -> AccountId32 {
        guard let text = value.stringValue else { throw ContractValueError("expected an account, got \(value)") }
        if let resolved = accountResolver(text) { return resolved }
        if text.hasPrefix("0x"), let bytes = [UInt8](hex: text), let account = AccountId32(bytes: bytes) {
            return account
        }
        if Self.devNames.contains(text.lowercased()),
            let pair = try? KeyPair(uri: "//" + text.prefix(1).uppercased() + text.dropFirst().lowercased())
        {
            return pair.accountId
        }
        if let decoded = try? SS58.decode(text), let account = AccountId32(bytes: decoded.payload) { return account }
        throw ContractValueError("\(text) is not an account (SS58, 0x-hex, dev name or alias)")
    }

    // MARK: Decoding

    func decode(type: UInt32, from decoder: inout ScaleDecoder, depth: Int) throws(ContractValueError) -> JSONValue {
        guard depth < 64 else { throw ContractValueError("type nested too deeply") }
        let info = try info(type)
        do {
            if isAccountId(info) {
                return .string(SS58.encode(try decoder.readBytes(32), prefix: ss58Prefix))
            }
            switch info.definition {
            case .primitive(let name):
                return try decodePrimitive(name, from: &decoder)
            case .compact:
                return Self.integer(try decoder.decodeCompact(UInt128.self))
            case .sequence(let element):
                let count = try decoder.decodeLength(minimumElementSize: isByte(element) ? 1 : 0)
                if isByte(element) { return .string(try decoder.readBytes(count).prefixedHex) }
                guard count <= decoder.remaining else { throw ContractValueError("sequence longer than the data") }
                var items: [JSONValue] = []
                for _ in 0..<count { items.append(try decode(type: element, from: &decoder, depth: depth + 1)) }
                return .array(items)
            case .array(let length, let element):
                if isByte(element) { return .string(try decoder.readBytes(length).prefixedHex) }
                guard length <= max(decoder.remaining, 1024) else {
                    throw ContractValueError("array longer than the data")
                }
                var items: [JSONValue] = []
                for _ in 0..<length { items.append(try decode(type: element, from: &decoder, depth: depth + 1)) }
                return .array(items)
            case .tuple(let elements):
                if elements.isEmpty { return .null }
                var items: [JSONValue] = []
                for element in elements { items.append(try decode(type: element, from: &decoder, depth: depth + 1)) }
                return .array(items)
            case .composite(let fields):
                return try decodeFields(fields, from: &decoder, depth: depth)
            case .variant(let variants):
                let index = try decoder.readByte()
                guard let variant = variants.first(where: { $0.index == index }) else {
                    throw ContractValueError("unknown variant index \(index) of \(info.path.joined(separator: "::"))")
                }
                if info.path == ["Option"] {
                    return variant.fields.isEmpty
                        ? .null : try decodeFields(variant.fields, from: &decoder, depth: depth)
                }
                if variant.fields.isEmpty && info.path != ["Result"] { return .string(variant.name) }
                return .object([(variant.name, try decodeFields(variant.fields, from: &decoder, depth: depth))])
            case .bitSequence:
                throw ContractValueError("bit sequences are not supported")
            }
        } catch let error as ContractValueError {
            throw error
        } catch {
            throw ContractValueError("SCALE data does not decode: \(error)")
        }
    }

    private func decodeFields(_ fields: [TypeField], from decoder: inout ScaleDecoder, depth: Int)
        throws(ContractValueError) -> JSONValue
    {
        if fields.isEmpty { return .null }
        if fields.allSatisfy({ $0.name != nil }) {
            var members: [(String, JSONValue)] = []
            for field in fields {
                members.append((field.name!, try decode(type: field.type, from: &decoder, depth: depth + 1)))
            }
            return .object(members)
        }
        if fields.count == 1 { return try decode(type: fields[0].type, from: &decoder, depth: depth + 1) }
        var items: [JSONValue] = []
        for field in fields { items.append(try decode(type: field.type, from: &decoder, depth: depth + 1)) }
        return .array(items)
    }

    static func integer(_ value: UInt128) -> JSONValue {
        value <= maxSafeInteger ? .number(String(value)) : .string(String(value))
    }

    static func integer(_ value: Int128) -> JSONValue {
        value.magnitude <= maxSafeInteger ? .number(String(value)) : .string(String(value))
    }

    private func decodePrimitive(_ name: String, from decoder: inout ScaleDecoder) throws -> JSONValue {
        switch name {
        case "bool":
            switch try decoder.readByte() {
            case 0: return .bool(false)
            case 1: return .bool(true)
            default: throw ContractValueError("invalid bool")
            }
        case "str": return .string(try decoder.decode(String.self))
        case "char":
            guard let scalar = Unicode.Scalar(try decoder.decode(UInt32.self)) else {
                throw ContractValueError("invalid char")
            }
            return .string(String(scalar))
        case "u8": return Self.integer(UInt128(try decoder.readByte()))
        case "u16": return Self.integer(UInt128(try decoder.decode(UInt16.self)))
        case "u32": return Self.integer(UInt128(try decoder.decode(UInt32.self)))
        case "u64": return Self.integer(UInt128(try decoder.decode(UInt64.self)))
        case "u128": return Self.integer(try decoder.decode(UInt128.self))
        case "i8": return Self.integer(Int128(try decoder.decode(Int8.self)))
        case "i16": return Self.integer(Int128(try decoder.decode(Int16.self)))
        case "i32": return Self.integer(Int128(try decoder.decode(Int32.self)))
        case "i64": return Self.integer(Int128(try decoder.decode(Int64.self)))
        case "i128": return Self.integer(try decoder.decode(Int128.self))
        default: throw ContractValueError("unsupported primitive \(name)")
        }
    }
}

extension ContractValueCodec {
    /// Decodes a contract event with the contract's metadata: ink! 5 events are found by their signature topic
    /// (topic[0]), ink! 4 events by the variant index in the first data byte. Returns the event label and its fields
    /// as an object, or nil when no event matches (e.g. an anonymous ink! 5 event).
    public func decodeEvent(_ event: ContractEvent, metadata: ContractMetadata) throws(ContractValueError)
        -> (label: String, fields: JSONValue)?
    {
        var decoder = ScaleDecoder(event.data)
        let spec: EventSpec
        if metadata.version >= 5 {
            guard let topic = event.topics.first?.bytes,
                let found = metadata.events.first(where: { $0.signatureTopic == topic })
            else { return nil }
            spec = found
        } else {
            guard let index = event.data.first, Int(index) < metadata.events.count else { return nil }
            _ = try? decoder.readByte()
            spec = metadata.events[Int(index)]
        }
        var members: [(String, JSONValue)] = []
        for argument in spec.arguments {
            members.append((argument.label, try decode(type: argument.type, from: &decoder, depth: 0)))
        }
        guard decoder.remaining == 0 else { throw ContractValueError("event \(spec.label) has trailing bytes") }
        return (spec.label, .object(members))
    }
}
