import CSodium

/// Thin typed wrappers over libsodium's ristretto255 group and scalar arithmetic (32-byte encodings, LE scalars).
///
/// libsodium's scalar multiplications fail when the result is the identity; these wrappers map that case
/// to the all-zero identity encoding where the input point is already known to be valid, as schnorrkel does (§2.6).
public enum Ristretto255 {
    /// The canonical encoding of the basepoint B.
    public static let basepoint: [UInt8] = [UInt8](hex: "e2f2ae0a6abc4e71a884a961c500515f58e30b6aa582dd8db6a65945e08d2d76")!
    /// The encoding of the identity element (all zero).
    public static let identity = [UInt8](repeating: 0, count: 32)
    /// The group order l, little-endian.
    public static let order: [UInt8] = [UInt8](hex: "edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010")!

    /// Whether `point` is a canonical encoding of a group element (the identity included).
    public static func isValidPoint(_ point: [UInt8]) -> Bool {
        guard point.count == 32 else { return false }
        Sodium.ensureInitialized()
        return crypto_core_ristretto255_is_valid_point(point) == 1
    }

    /// Whether `scalar` is 32 bytes encoding a value < l; constant-time in the value.
    public static func isCanonicalScalar(_ scalar: [UInt8]) -> Bool {
        guard scalar.count == 32 else { return false }
        // Compute scalar − l and keep only the final borrow: canonical iff it borrows.
        var borrow: UInt16 = 0
        for i in 0..<32 {
            let diff = UInt16(scalar[i]) &- UInt16(order[i]) &- borrow
            borrow = (diff >> 8) & 1
        }
        return borrow == 1
    }

    /// scalar·B; the identity (all zero) when the scalar is 0 mod l.
    public static func scalarMultBase(_ scalar: [UInt8]) -> [UInt8] {
        precondition(scalar.count == 32, "scalar must be 32 bytes")
        Sodium.ensureInitialized()
        var out = [UInt8](repeating: 0, count: 32)
        if crypto_scalarmult_ristretto255_base(&out, scalar) != 0 { return identity }
        return out
    }

    /// scalar·P, or `nil` if `point` is not a valid encoding; the identity when the product is the identity.
    public static func scalarMult(_ scalar: [UInt8], _ point: [UInt8]) -> [UInt8]? {
        precondition(scalar.count == 32, "scalar must be 32 bytes")
        guard isValidPoint(point) else { return nil }
        var out = [UInt8](repeating: 0, count: 32)
        if crypto_scalarmult_ristretto255(&out, scalar, point) != 0 { return identity }
        return out
    }

    /// P + Q, or `nil` if either encoding is invalid.
    public static func add(_ p: [UInt8], _ q: [UInt8]) -> [UInt8]? {
        guard p.count == 32, q.count == 32 else { return nil }
        Sodium.ensureInitialized()
        var out = [UInt8](repeating: 0, count: 32)
        return crypto_core_ristretto255_add(&out, p, q) == 0 ? out : nil
    }

    /// P − Q, or `nil` if either encoding is invalid.
    public static func sub(_ p: [UInt8], _ q: [UInt8]) -> [UInt8]? {
        guard p.count == 32, q.count == 32 else { return nil }
        Sodium.ensureInitialized()
        var out = [UInt8](repeating: 0, count: 32)
        return crypto_core_ristretto255_sub(&out, p, q) == 0 ? out : nil
    }

    /// Wide reduction: a 64-byte little-endian integer mod l (curve25519-dalek `from_bytes_mod_order_wide`).
    public static func scalarReduce(_ wide: [UInt8]) -> [UInt8] {
        precondition(wide.count == 64, "wide reduction takes 64 bytes")
        Sodium.ensureInitialized()
        var out = [UInt8](repeating: 0, count: 32)
        crypto_core_ristretto255_scalar_reduce(&out, wide)
        return out
    }

    /// a + b mod l.
    public static func scalarAdd(_ a: [UInt8], _ b: [UInt8]) -> [UInt8] {
        precondition(a.count == 32 && b.count == 32, "scalars must be 32 bytes")
        Sodium.ensureInitialized()
        var out = [UInt8](repeating: 0, count: 32)
        crypto_core_ristretto255_scalar_add(&out, a, b)
        return out
    }

    /// a · b mod l.
    public static func scalarMul(_ a: [UInt8], _ b: [UInt8]) -> [UInt8] {
        precondition(a.count == 32 && b.count == 32, "scalars must be 32 bytes")
        Sodium.ensureInitialized()
        var out = [UInt8](repeating: 0, count: 32)
        crypto_core_ristretto255_scalar_mul(&out, a, b)
        return out
    }
}
