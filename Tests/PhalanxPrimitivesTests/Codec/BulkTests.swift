import PhalanxPrimitives
import Testing

/// Byte vectors (`Vec<u8>`, `[u8; N]`) take the bulk-copy path: large blobs are cheap even in debug builds.
@Suite struct BulkTests {
    @Test func largeByteVectorsAreCopiedInBulk() throws {
        let blob = (0..<(8 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let clock = ContinuousClock()
        var encoded: [UInt8] = []
        var decoded: [UInt8] = []
        let elapsed = try clock.measure {
            encoded = blob.scaleEncoded
            decoded = try [UInt8].decode(scale: encoded)
        }
        #expect(encoded.count == blob.count + 4 && encoded.prefix(4) == [0x02, 0x00, 0x00, 0x02])
        #expect(decoded == blob)
        #expect(elapsed < .milliseconds(500), "8 MiB round trip took \(elapsed)")

        var decoder = ScaleDecoder(encoded)
        _ = try decoder.decode(Compact<UInt32>.self)
        #expect(try decoder.decodeFixed(UInt8.self, count: 3) == Array(blob.prefix(3)))
        #expect(try decoder.readBytes(2) == Array(blob[3..<5]))
        #expect(decoder.remaining == blob.count - 5)
    }
}
