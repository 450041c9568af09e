import CSodium

/// BLAKE2b (RFC 7693) through libsodium. The digest length is a BLAKE2 parameter, so
/// `blake2b(…, length: 32)` is *not* a prefix of the 64-byte digest.
public enum Blake2b {
    /// BLAKE2b with `length` output bytes (1…64) and an optional key (up to 64 bytes).
    public static func hash(_ data: [UInt8], length: Int, key: [UInt8] = []) -> [UInt8] {
        precondition((1...64).contains(length) && key.count <= 64, "BLAKE2b parameters out of range")
        Sodium.ensureInitialized()
        var out = [UInt8](repeating: 0, count: length)
        let status = data.withUnsafeBufferPointer { input in
            key.withUnsafeBufferPointer { keyBuffer in
                crypto_generichash(
                    &out, length, input.baseAddress, UInt64(input.count),
                    key.isEmpty ? nil : keyBuffer.baseAddress, key.count)
            }
        }
        precondition(status == 0, "crypto_generichash failed")
        return out
    }

    /// Incremental BLAKE2b, for hashing data that arrives in pieces.
    public final class Hasher {
        // libsodium's state is a 64-byte-aligned opaque struct, so it lives in raw memory.
        private let state: OpaquePointer
        private let memory: UnsafeMutableRawPointer
        private let length: Int

        /// Starts a hash with `length` output bytes and an optional key.
        public init(length: Int, key: [UInt8] = []) {
            precondition((1...64).contains(length) && key.count <= 64, "BLAKE2b parameters out of range")
            Sodium.ensureInitialized()
            self.length = length
            memory = UnsafeMutableRawPointer.allocate(byteCount: crypto_generichash_statebytes(), alignment: 64)
            state = OpaquePointer(memory)
            _ = key.withUnsafeBufferPointer { keyBuffer in
                crypto_generichash_init(state, key.isEmpty ? nil : keyBuffer.baseAddress, key.count, length)
            }
        }

        deinit { memory.deallocate() }

        /// Absorbs more input.
        public func update(_ data: [UInt8]) {
            _ = data.withUnsafeBufferPointer { crypto_generichash_update(state, $0.baseAddress, UInt64($0.count)) }
        }

        /// Returns the digest; the hasher must not be used afterwards.
        public func finalize() -> [UInt8] {
            var out = [UInt8](repeating: 0, count: length)
            crypto_generichash_final(state, &out, length)
            return out
        }
    }
}

/// `blake2_128`: BLAKE2b with a 16-byte digest.
public func blake2_128(_ data: [UInt8]) -> [UInt8] { Blake2b.hash(data, length: 16) }
/// `blake2_256`: BLAKE2b with a 32-byte digest (block hashes, code hashes, account ids of ECDSA keys).
public func blake2_256(_ data: [UInt8]) -> [UInt8] { Blake2b.hash(data, length: 32) }
/// `blake2_512`: BLAKE2b with a 64-byte digest (SS58 checksums).
public func blake2_512(_ data: [UInt8]) -> [UInt8] { Blake2b.hash(data, length: 64) }
