/// The storage layout used when a value is written (spec §2): V0 keeps every value inline, V1 hashes values of 33 bytes or more.
public enum StateVersion: UInt8, Sendable, Hashable, CaseIterable {
    /// Values are always stored inline in their node.
    case v0 = 0
    /// Values of ``valueNodeThreshold`` bytes or more are stored as separate value nodes, referenced by hash.
    case v1 = 1

    /// `TRIE_VALUE_NODE_THRESHOLD`: the smallest value length hashed under V1.
    public static let valueNodeThreshold = 33

    /// Whether a value of `length` bytes is stored hashed when written under this version.
    public func hashesValue(ofLength length: Int) -> Bool {
        self == .v1 && length >= Self.valueNodeThreshold
    }
}
