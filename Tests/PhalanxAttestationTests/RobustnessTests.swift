import Foundation
import PhalanxAttestation
import Testing

/// Malformed input never crashes: every truncation, random bytes and random single-byte mutations.
@Suite struct RobustnessTests {
    /// Deterministic SplitMix64 generator.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test func everyTruncationIsRejected() throws {
        let (quote, collateral, time) = try Fixtures.phala()
        for length in 0..<quote.count {
            let outcome = DCAPVerifier.verify(quote: Array(quote[0..<length]), collateral: collateral, at: time)
            #expect(outcome.error?.step == .quoteFormat)
        }
        let scale = try Fixtures.bytes("phala/dcap_quote_collateral")
        for length in stride(from: 0, to: scale.count, by: 7) {
            #expect(throws: AttestationError.self) { try DCAPCollateral(phalaSCALE: Array(scale[0..<length])) }
        }
        #expect(DCAPVerifier.verify(quote: quote + [0], collateral: collateral, at: time).error?.step == .quoteFormat)
    }

    @Test func randomBytesAreRejected() throws {
        let (quote, collateral, time) = try Fixtures.phala()
        var rng = SplitMix(state: 42)
        for round in 0..<2000 {
            let length = Int.random(in: 0...6000, using: &rng)
            var bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &rng) }
            if round % 2 == 0, length >= 48 { bytes.replaceSubrange(0..<48, with: quote[0..<48]) }  // plausible header
            #expect(!DCAPVerifier.verify(quote: bytes, collateral: collateral, at: time).isAccepted)
            #expect(throws: AttestationError.self) { try DevAttestation(bytes: bytes) }
            _ = try? DCAPCollateral(phalaSCALE: bytes)
            _ = try? IASReport(phalaJSON: bytes)
            _ = try? RevocationList(bytes: bytes)
            _ = try? SignedJSON(envelope: bytes, key: "tcbInfo")
        }
    }

    @Test func randomMutationsNeverAcceptTamperedQuotes() throws {
        let (quote, collateral, time) = try Fixtures.phala()
        var rng = SplitMix(state: 7)
        for _ in 0..<1500 {
            var bytes = quote
            let i = Int.random(in: 0..<bytes.count, using: &rng)
            let flip = UInt8.random(in: 1...255, using: &rng)
            bytes[i] ^= flip
            let outcome = DCAPVerifier.verify(quote: bytes, collateral: collateral, at: time)
            // Every byte before the PEM chain is signed, bound or a length: changing it must fail verification.
            if outcome.isAccepted { #expect(i >= quote.count - 3548, "mutation at \(i) accepted") }
        }
        let crl = try Fixtures.bytes("automata-dcap-attestation/0825_platform_crl.der")
        for length in 0..<crl.count { _ = try? RevocationList(bytes: Array(crl[0..<length])) }
        let tcb = try Fixtures.bytes("automata-dcap-attestation/0825_sgx_tcbinfov3_00606a000000.json")
        for length in stride(from: 0, to: tcb.count, by: 3) { _ = try? SignedJSON(envelope: Array(tcb[0..<length]), key: "tcbInfo") }
    }
}
