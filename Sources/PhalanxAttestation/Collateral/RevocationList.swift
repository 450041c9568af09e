import PhalanxPrimitives
import Crypto
import Foundation
import SwiftASN1
import X509

/// An X.509 CRL (RFC 5280 `CertificateList`), parsed with swift-asn1; swift-certificates has no CRL type.
public struct RevocationList: Sendable {
    /// The CRL issuer name.
    public let issuer: DistinguishedName
    /// thisUpdate.
    public let thisUpdate: Date
    /// nextUpdate (required for Intel CRLs).
    public let nextUpdate: Date
    /// Revoked serial numbers, as normalized big-endian bytes.
    public let revokedSerials: Set<[UInt8]>
    /// The DER bytes of `tbsCertList` (what the signature covers).
    let tbs: [UInt8]
    /// The DER ECDSA signature.
    let signature: [UInt8]

    /// ecdsa-with-SHA256.
    private static let ecdsaWithSHA256: ASN1ObjectIdentifier = [1, 2, 840, 10045, 4, 3, 2]

    /// Parses a DER CRL; PEM `X509 CRL` text and hex text (as served by PCCS) are accepted too.
    public init(bytes input: [UInt8]) throws {
        var der = input
        if input.first == UInt8(ascii: "-"), let text = String(bytes: input, encoding: .utf8) {
            der = try PEMDocument(pemString: text).derBytes
        } else if input.first == UInt8(ascii: "3"), let raw = [UInt8](hex: String(decoding: input, as: UTF8.self)) {
            der = raw
        }
        let root = try DER.parse(der)
        var parsed: (DistinguishedName, Date, Date, Set<[UInt8]>, [UInt8], [UInt8])?
        try DER.sequence(root, identifier: .sequence) { nodes in
            guard let tbsNode = nodes.next(), let algNode = nodes.next(), let sigNode = nodes.next() else {
                throw Failure("CRL is not a CertificateList")
            }
            let sigAlg = try Self.algorithm(algNode)
            guard sigAlg == Self.ecdsaWithSHA256 else { throw Failure("CRL signature algorithm \(sigAlg) unsupported") }
            let bits = try ASN1BitString(derEncoded: sigNode)
            let fields = try Self.parseTBS(tbsNode)
            parsed = (fields.0, fields.1, fields.2, fields.3, Array(tbsNode.encodedBytes), Array(bits.bytes))
        }
        guard let parsed else { throw Failure("CRL is empty") }
        (issuer, thisUpdate, nextUpdate, revokedSerials, tbs, signature) = parsed
    }

    /// Verifies the CRL signature with `issuerCert`'s P-256 key, the issuer name and the update window at `time`.
    public func verify(issuedBy issuerCert: Certificate, at time: Date) throws {
        guard issuer == issuerCert.subject else { throw Failure("CRL issuer '\(issuer)' is not '\(issuerCert.subject)'") }
        guard let key = P256.Signing.PublicKey(issuerCert.publicKey),
            let sig = try? P256.Signing.ECDSASignature(derRepresentation: signature),
            key.isValidSignature(sig, for: SHA256.hash(data: tbs))
        else { throw Failure("CRL signature by '\(issuerCert.subject)' is invalid") }
        guard thisUpdate <= time, time <= nextUpdate else {
            throw Failure("CRL is not current at \(time) (valid \(thisUpdate) .. \(nextUpdate))")
        }
    }

    /// Whether `cert`'s serial number is listed.
    public func revokes(_ cert: Certificate) -> Bool {
        revokedSerials.contains(Self.normalize(cert.serialNumber.bytes))
    }

    private static func normalize(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        Array(bytes.drop(while: { $0 == 0 }))
    }

    private static func algorithm(_ node: ASN1Node) throws -> ASN1ObjectIdentifier {
        try DER.sequence(node, identifier: .sequence) { nodes in
            guard let oidNode = nodes.next() else { throw Failure("empty AlgorithmIdentifier") }
            let oid = try ASN1ObjectIdentifier(derEncoded: oidNode)
            while nodes.next() != nil {}
            return oid
        }
    }

    private static func time(_ node: ASN1Node) throws -> Date {
        let (y, mo, d, h, mi, s): (Int, Int, Int, Int, Int, Int)
        if node.identifier == UTCTime.defaultIdentifier {
            let t = try UTCTime(derEncoded: node)
            (y, mo, d, h, mi, s) = (t.year, t.month, t.day, t.hours, t.minutes, t.seconds)
        } else if node.identifier == GeneralizedTime.defaultIdentifier {
            let t = try GeneralizedTime(derEncoded: node)
            (y, mo, d, h, mi, s) = (t.year, t.month, t.day, t.hours, t.minutes, t.seconds)
        } else {
            throw Failure("CRL time has unexpected tag \(node.identifier)")
        }
        let days = TimestampParser.daysFromCivil(year: y, month: mo, day: d)
        return Date(timeIntervalSince1970: Double(days * 86_400 + h * 3600 + mi * 60 + s))
    }

    private static func parseTBS(_ node: ASN1Node) throws -> (DistinguishedName, Date, Date, Set<[UInt8]>) {
        try DER.sequence(node, identifier: .sequence) { nodes in
            var next = nodes.next()
            if let n = next, n.identifier == .integer {
                guard try Int(derEncoded: n) == 1 else { throw Failure("CRL version is not v2") }
                next = nodes.next()
            }
            guard let algNode = next else { throw Failure("truncated CRL") }
            guard try algorithm(algNode) == ecdsaWithSHA256 else { throw Failure("CRL inner algorithm mismatch") }
            guard let issuerNode = nodes.next(), let thisNode = nodes.next() else { throw Failure("truncated CRL") }
            let issuer = try DistinguishedName(derEncoded: issuerNode)
            let thisUpdate = try time(thisNode)
            guard let nextNode = nodes.next(), nextNode.identifier != .sequence else {
                throw Failure("CRL has no nextUpdate")
            }
            let nextUpdate = try time(nextNode)
            var serials = Set<[UInt8]>()
            while let n = nodes.next() {
                if n.identifier == .sequence {
                    guard case .constructed(let entries) = n.content else { throw Failure("bad revoked list") }
                    for entry in entries {
                        try DER.sequence(entry, identifier: .sequence) { fields in
                            guard let serialNode = fields.next() else { throw Failure("empty CRL entry") }
                            let serial = try ArraySlice<UInt8>(derEncoded: serialNode)
                            serials.insert(normalize(serial))
                            while fields.next() != nil {}
                        }
                    }
                }
                // [0] crlExtensions are not needed for revocation checks.
            }
            return (issuer, thisUpdate, nextUpdate, serials)
        }
    }
}
