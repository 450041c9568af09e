// Option, Result, Vec, String, BTreeMap and BTreeSet.

extension Optional: ScaleEncodable where Wrapped: ScaleEncodable {
    /// Appends 0x00 for `nil`, or 0x01 followed by the wrapped value.
    ///
    /// `Optional<Bool>` uses this generic form too (`Some(true)` → `01 01`), exactly like Rust's
    /// `Option<bool>` in parity-scale-codec and like py-scalecodec. The one-byte form of the SCALE
    /// spec (0 None, 1 Some(true), 2 Some(false)) is Rust's separate `OptionBool` type: use ``OptionBool``.
    public func encode(to encoder: inout ScaleEncoder) {
        switch self {
        case .none: encoder.append(0)
        case .some(let wrapped):
            encoder.append(1)
            wrapped.encode(to: &encoder)
        }
    }
}

extension Optional: ScaleDecodable where Wrapped: ScaleDecodable {
    /// Reads tag 0x00 (`nil`) or 0x01 and the wrapped value; other tags are ``ScaleError/invalidOptionTag(_:)``.
    public init(from decoder: inout ScaleDecoder) throws {
        switch try decoder.readByte() {
        case 0: self = .none
        case 1: self = .some(try Wrapped(from: &decoder))
        case let tag: throw ScaleError.invalidOptionTag(tag)
        }
    }

    /// The one-byte tag.
    public static var scaleMinimumEncodedSize: Int { 1 }
}

/// Rust's `OptionBool`: an optional bool in one byte (0x00 None, 0x01 Some(true), 0x02 Some(false)).
public struct OptionBool: ScaleCodable, Hashable, Sendable {
    /// The wrapped optional.
    public var value: Bool?

    /// Wraps `value`.
    public init(_ value: Bool?) {
        self.value = value
    }

    /// Appends the single byte.
    public func encode(to encoder: inout ScaleEncoder) {
        switch value {
        case .none: encoder.append(0)
        case .some(true): encoder.append(1)
        case .some(false): encoder.append(2)
        }
    }

    /// Reads the single byte; values above 2 are ``ScaleError/invalidOptionTag(_:)``.
    public init(from decoder: inout ScaleDecoder) throws {
        switch try decoder.readByte() {
        case 0: value = nil
        case 1: value = true
        case 2: value = false
        case let tag: throw ScaleError.invalidOptionTag(tag)
        }
    }

    /// One byte.
    public static var scaleMinimumEncodedSize: Int { 1 }
}

extension Result: ScaleEncodable where Success: ScaleEncodable, Failure: ScaleEncodable {
    /// Appends 0x00 and the success value, or 0x01 and the failure value.
    public func encode(to encoder: inout ScaleEncoder) {
        switch self {
        case .success(let value):
            encoder.append(0)
            value.encode(to: &encoder)
        case .failure(let error):
            encoder.append(1)
            error.encode(to: &encoder)
        }
    }
}

extension Result: ScaleDecodable where Success: ScaleDecodable, Failure: ScaleDecodable {
    /// Reads tag 0x00 (Ok) or 0x01 (Err) and the payload; other tags are ``ScaleError/invalidResultTag(_:)``.
    public init(from decoder: inout ScaleDecoder) throws {
        switch try decoder.readByte() {
        case 0: self = .success(try Success(from: &decoder))
        case 1: self = .failure(try Failure(from: &decoder))
        case let tag: throw ScaleError.invalidResultTag(tag)
        }
    }

    /// The one-byte tag.
    public static var scaleMinimumEncodedSize: Int { 1 }
}

extension Array: ScaleEncodable where Element: ScaleEncodable {
    /// Appends Rust `Vec<T>`: the compact element count, then the elements (bytes in one bulk copy).
    public func encode(to encoder: inout ScaleEncoder) {
        encoder.encodeLength(count)
        encoder.encodeFixed(self)
    }
}

extension Array: ScaleDecodable where Element: ScaleDecodable {
    /// Reads Rust `Vec<T>`, bounded by the decoder's limits and the remaining input.
    public init(from decoder: inout ScaleDecoder) throws {
        let count = try decoder.decodeLength(minimumElementSize: Element.scaleMinimumEncodedSize)
        self = try decoder.decodeElements(Element.self, count: count)
    }

    /// The length prefix.
    public static var scaleMinimumEncodedSize: Int { 1 }
}

extension String: ScaleCodable {
    /// Appends the compact UTF-8 byte count, then the UTF-8 bytes.
    public func encode(to encoder: inout ScaleEncoder) {
        var text = self
        text.withUTF8 { utf8 in
            encoder.encodeLength(utf8.count)
            encoder.append(UnsafeRawBufferPointer(utf8))
        }
    }

    /// Reads a length-prefixed string; invalid UTF-8 is ``ScaleError/invalidUTF8``.
    public init(from decoder: inout ScaleDecoder) throws {
        let count = try decoder.decodeLength(minimumElementSize: 1)
        let bytes = try decoder.readBytes(count)
        guard let text = String(validating: bytes, as: UTF8.self) else { throw ScaleError.invalidUTF8 }
        self = text
    }

    /// The length prefix.
    public static var scaleMinimumEncodedSize: Int { 1 }
}

extension Dictionary: ScaleEncodable where Key: ScaleEncodable & Comparable, Value: ScaleEncodable {
    /// Appends Rust `BTreeMap<K, V>`: the compact count, then key and value pairs in ascending key order.
    public func encode(to encoder: inout ScaleEncoder) {
        encoder.encodeLength(count)
        for (key, value) in sorted(by: { $0.key < $1.key }) {
            key.encode(to: &encoder)
            value.encode(to: &encoder)
        }
    }
}

extension Dictionary: ScaleDecodable where Key: ScaleDecodable & Comparable, Value: ScaleDecodable {
    /// Reads Rust `BTreeMap<K, V>` in canonical form only: keys must be strictly ascending, else
    /// ``ScaleError/unsortedMapKeys``. (Stricter than Rust, which accepts any order and keeps the last duplicate.)
    public init(from decoder: inout ScaleDecoder) throws {
        let elementSize = Key.scaleMinimumEncodedSize + Value.scaleMinimumEncodedSize
        let count = try decoder.decodeLength(minimumElementSize: elementSize)
        var result = [Key: Value](minimumCapacity: decoder.reservation(for: count, minimumElementSize: elementSize))
        var previous: Key? = nil
        for _ in 0..<count {
            let key = try Key(from: &decoder)
            if let previous, !(previous < key) { throw ScaleError.unsortedMapKeys }
            result[key] = try Value(from: &decoder)
            previous = key
        }
        self = result
    }

    /// The length prefix.
    public static var scaleMinimumEncodedSize: Int { 1 }
}

extension Set: ScaleEncodable where Element: ScaleEncodable & Comparable {
    /// Appends Rust `BTreeSet<T>`: the compact count, then the elements in ascending order.
    public func encode(to encoder: inout ScaleEncoder) {
        encoder.encodeLength(count)
        for element in sorted() { element.encode(to: &encoder) }
    }
}

extension Set: ScaleDecodable where Element: ScaleDecodable & Comparable {
    /// Reads Rust `BTreeSet<T>` in canonical form only: elements must be strictly ascending, else
    /// ``ScaleError/unsortedSetElements``. (Stricter than Rust, which accepts any order.)
    public init(from decoder: inout ScaleDecoder) throws {
        let elementSize = Element.scaleMinimumEncodedSize
        let count = try decoder.decodeLength(minimumElementSize: elementSize)
        var result = Set(minimumCapacity: decoder.reservation(for: count, minimumElementSize: elementSize))
        var previous: Element? = nil
        for _ in 0..<count {
            let element = try Element(from: &decoder)
            if let previous, !(previous < element) { throw ScaleError.unsortedSetElements }
            result.insert(element)
            previous = element
        }
        self = result
    }

    /// The length prefix.
    public static var scaleMinimumEncodedSize: Int { 1 }
}
