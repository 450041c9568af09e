/// The environment of the running contract: input, return, storage, caller, events, hashing.
/// Every call goes straight to the host; buffers are sized by the engine's limits.
public enum Contract {
    /// Largest input a message may carry (the engine's limit is higher; contracts keep theirs small).
    public static let maxInput = 16 * 1024
    /// Largest storage value read (the engine's `maxStorageValue`).
    public static let maxValue = 16 * 1024

    /// The call data: selector ‖ SCALE(arguments).
    public static func input() -> [UInt8] {
        // Uninitialized: the host writes the bytes, so no zero-filling (which costs gas) and no copy.
        [UInt8](unsafeUninitializedCapacity: maxInput) { buffer, count in
            var length = UInt32(maxInput)
            withUnsafeMutableBytes(of: &length) { seal_input(buffer.baseAddress!, $0.baseAddress!) }
            count = min(Int(length), maxInput)
        }
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

    /// The topic of an event field as ink! computes it: SCALE(value) zero-padded to 32 bytes, or its blake2_256 if longer.
    public static func topic<Value: ScaleValue>(_ value: Value) -> [UInt8] {
        var writer = ScaleWriter()
        value.write(to: &writer)
        if writer.bytes.count > 32 { return blake2_256(writer.bytes) }
        return writer.bytes + [UInt8](repeating: 0, count: 32 - writer.bytes.count)
    }

    /// The topic of an ink! 5 `Option<T>` topic field: the inner value's topic, or 32 zero bytes for None.
    public static func topic<Value: ScaleValue>(optional value: Value?) -> [UInt8] {
        guard let value else { return [UInt8](repeating: 0, count: 32) }
        return topic(value)
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
        var status: UInt32 = 0
        let value = [UInt8](unsafeUninitializedCapacity: Contract.maxValue) { buffer, count in
            var length = UInt32(Contract.maxValue)
            status = key.withUnsafeBytes { keyBytes in
                withUnsafeMutableBytes(of: &length) {
                    seal_get_storage(keyBytes.baseAddress, UInt32(keyBytes.count), buffer.baseAddress!, $0.baseAddress!)
                }
            }
            count = status == 0 ? min(Int(length), Contract.maxValue) : 0
        }
        return status == 0 ? value : nil
    }

    /// Stores `value` under `key`.
    public static func set(_ key: [UInt8], _ value: [UInt8]) {
        _ = key.withUnsafeBytes { keyBytes in
            value.withUnsafeBytes { seal_set_storage(keyBytes.baseAddress, UInt32(keyBytes.count), $0.baseAddress, UInt32($0.count)) }
        }
    }

    /// Whether a value is stored under `key`.
    public static func contains(_ key: [UInt8]) -> Bool {
        key.withUnsafeBytes { seal_contains_storage($0.baseAddress, UInt32($0.count)) } != UInt32.max
    }

    /// Removes the value under `key`.
    public static func remove(_ key: [UInt8]) {
        _ = key.withUnsafeBytes { seal_clear_storage($0.baseAddress, UInt32($0.count)) }
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

/// A typed key-value map in storage, laid out as ink!'s `Mapping<K, V>`: the entry for `key` is stored under
/// `SCALE(root key: u32) ‖ SCALE(key)`, so an ink! contract with the same root key reads the same entries. ink!'s
/// automatic root key of field `f` in `struct S` is xxh32("S::f", seed 0) (e.g. erc20 `balances` = 0x2623dce7).
public struct Mapping<Key: ScaleValue, Value: ScaleValue> {
    /// The root key bytes (the u32 little-endian).
    public let rootKey: [UInt8]

    /// A mapping under `rootKey` (ink!'s `ManualKey<N>` or the computed automatic key).
    public init(rootKey: UInt32) { self.rootKey = (0..<4).map { UInt8(truncatingIfNeeded: rootKey >> UInt32(8 * $0)) } }

    /// The storage key of `key`'s entry.
    public func storageKey(_ key: Key) -> [UInt8] {
        var writer = ScaleWriter()
        writer.write(rootKey)
        key.write(to: &writer)
        return writer.bytes
    }

    /// The value for `key`, or nil.
    public func get(_ key: Key) -> Value? {
        Storage.get(storageKey(key)).flatMap { var reader = ScaleReader($0); return Value.read(from: &reader) }
    }

    /// Stores `value` for `key`.
    public func insert(_ key: Key, _ value: Value) {
        var writer = ScaleWriter()
        value.write(to: &writer)
        Storage.set(storageKey(key), writer.bytes)
    }

    /// Whether `key` has a value.
    public func contains(_ key: Key) -> Bool { Storage.contains(storageKey(key)) }

    /// Removes `key`'s value.
    public func remove(_ key: Key) { Storage.remove(storageKey(key)) }
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

    /// Ends a message returning `Result<T, E>` with `Ok(result)`, reverting when `result` is `Err`, as ink! does.
    public static func reply<Success: ScaleValue, Failure: ScaleValue>(result: Result<Success, Failure>) -> Never {
        var writer = ScaleWriter()
        writer.writeByte(0)
        result.write(to: &writer)
        var failed = false
        if case .failure = result { failed = true }
        Contract.finish(writer.bytes, revert: failed)
    }

    /// Ends the call with ink!'s `Err(LangError::CouldNotReadInput)` and reverts, as ink! does for unknown selectors.
    public static func unknownSelector() -> Never { Contract.finish([1, 1], revert: true) }
}
