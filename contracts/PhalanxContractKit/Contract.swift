/// The environment of the running contract: input, return, storage, caller, events, hashing.
/// Every call goes straight to the host; buffers are sized by the engine's limits.
public enum Contract {
    /// Largest input a message may carry (the engine's limit is higher; contracts keep theirs small).
    public static let maxInput = 16 * 1024
    /// Largest storage value read (the engine's `maxStorageValue`).
    public static let maxValue = 16 * 1024

    /// The call data: selector ‖ SCALE(arguments).
    public static func input() -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: maxInput)
        var length = UInt32(maxInput)
        buffer.withUnsafeMutableBytes { bytes in
            withUnsafeMutableBytes(of: &length) { seal_input(bytes.baseAddress!, $0.baseAddress!) }
        }
        return Array(buffer.prefix(Int(length)))
    }

    /// Returns `data` to the caller and ends execution; `revert` rolls back this call's state changes.
    public static func finish(_ data: [UInt8], revert: Bool = false) -> Never {
        data.withUnsafeBytes { seal_return(revert ? 1 : 0, $0.baseAddress, UInt32($0.count)) }
        fatalError("seal_return does not return")
    }

    /// The calling account (32 bytes).
    public static func caller() -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 32
        buffer.withUnsafeMutableBytes { bytes in
            withUnsafeMutableBytes(of: &length) { seal_caller(bytes.baseAddress!, $0.baseAddress!) }
        }
        return buffer
    }

    /// The value sent with the call.
    public static func valueTransferred() -> UInt128 {
        var buffer = [UInt8](repeating: 0, count: 16)
        var length: UInt32 = 16
        buffer.withUnsafeMutableBytes { bytes in
            withUnsafeMutableBytes(of: &length) { seal_value_transferred(bytes.baseAddress!, $0.baseAddress!) }
        }
        var decoder = ScaleReader(buffer)
        return decoder.readUInt128() ?? 0
    }

    /// blake2_256 of `data`, computed by the host.
    public static func blake2_256(_ data: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        data.withUnsafeBytes { input in
            out.withUnsafeMutableBytes { seal_hash_blake2_256(input.baseAddress, UInt32(input.count), $0.baseAddress!) }
        }
        return out
    }

    /// Emits an event with `topics` (32 bytes each) and SCALE `data`.
    public static func emit(topics: [[UInt8]], data: [UInt8]) {
        var encodedTopics = ScaleWriter()
        encodedTopics.writeCompact(UInt32(topics.count))
        for topic in topics { encodedTopics.write(topic) }
        encodedTopics.bytes.withUnsafeBytes { topicBytes in
            data.withUnsafeBytes { seal_deposit_event(topicBytes.baseAddress, UInt32(topicBytes.count), $0.baseAddress, UInt32($0.count)) }
        }
    }
}

/// Raw contract storage by key (variable-length keys, as ink! 5).
public enum Storage {
    /// The value under `key`, or nil.
    public static func get(_ key: [UInt8]) -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: Contract.maxValue)
        var length = UInt32(Contract.maxValue)
        let status = key.withUnsafeBytes { keyBytes in
            buffer.withUnsafeMutableBytes { out in
                withUnsafeMutableBytes(of: &length) {
                    seal_get_storage(keyBytes.baseAddress, UInt32(keyBytes.count), out.baseAddress!, $0.baseAddress!)
                }
            }
        }
        return status == 0 ? Array(buffer.prefix(Int(length))) : nil
    }

    /// Stores `value` under `key`.
    public static func set(_ key: [UInt8], _ value: [UInt8]) {
        _ = key.withUnsafeBytes { keyBytes in
            value.withUnsafeBytes { seal_set_storage(keyBytes.baseAddress, UInt32(keyBytes.count), $0.baseAddress, UInt32($0.count)) }
        }
    }
}

/// A typed storage cell: one SCALE value under a fixed key (ink!'s `Lazy`/root field).
public struct StorageValue<Value: ScaleValue> {
    /// The storage key.
    public let key: [UInt8]

    /// A cell at `key`.
    public init(key: [UInt8]) { self.key = key }

    /// The stored value, or nil.
    public func get() -> Value? { Storage.get(key).flatMap { var reader = ScaleReader($0); return Value.read(from: &reader) } }

    /// Stores `value`.
    public func set(_ value: Value) {
        var writer = ScaleWriter()
        value.write(to: &writer)
        Storage.set(key, writer.bytes)
    }
}

/// Message dispatch by ink!-compatible selector (first 4 bytes of blake2_256(label)).
public struct Message {
    /// The selector.
    public let selector: [UInt8]
    /// The SCALE-encoded arguments after it.
    public var arguments: ScaleReader

    /// Reads the current call's input.
    public static func current() -> Message {
        let input = Contract.input()
        return Message(selector: Array(input.prefix(4)), arguments: ScaleReader(Array(input.dropFirst(4))))
    }

    /// Ends the call with ink!'s `Ok(value)` of `MessageResult` (`0x00 ‖ SCALE(value)`).
    public static func reply<T: ScaleValue>(_ value: T) -> Never {
        var writer = ScaleWriter()
        writer.write([0])
        value.write(to: &writer)
        Contract.finish(writer.bytes)
    }

    /// Ends the call with `Ok(())`.
    public static func replyUnit() -> Never { Contract.finish([0]) }

    /// Ends the call with ink!'s `Err(LangError::CouldNotReadInput)` and reverts, as ink! does for unknown selectors.
    public static func unknownSelector() -> Never { Contract.finish([1, 1], revert: true) }
}
