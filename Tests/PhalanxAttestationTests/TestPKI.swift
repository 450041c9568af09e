import Crypto
import Foundation
import PhalanxAttestation
import SwiftASN1
import X509

/// A synthetic Intel-like PKI and quote generator, so that cases without public evidence (debug enclave, revoked
/// PCK certificate, v4 quotes, QE identity mismatches) are tested on validly signed inputs.
struct TestPKI {
    let rootKey = P256.Signing.PrivateKey()
    let pckCAKey = P256.Signing.PrivateKey()
    let pckKey = P256.Signing.PrivateKey()
    let tcbKey = P256.Signing.PrivateKey()
    let attestationKey = P256.Signing.PrivateKey()
    let root: Certificate
    let pckCA: Certificate
    let pck: Certificate
    let tcbSigner: Certificate
    let qeMrSigner = [UInt8](repeating: 0x8C, count: 32)
    static let notBefore = Date(timeIntervalSince1970: 1_600_000_000)
    static let notAfter = Date(timeIntervalSince1970: 2_000_000_000)
    /// A time inside every window.
    static let now = Date(timeIntervalSince1970: 1_700_000_000)
    static let fmspc: [UInt8] = [0x00, 0x11, 0x22, 0x33, 0xAA, 0xBB]
    static let components: [Int] = [11, 11, 2, 2, 255, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]

    static func name(_ cn: String) throws -> DistinguishedName {
        try DistinguishedName {
            CountryName("US")
            OrganizationName("Intel Corporation")
            CommonName(cn)
        }
    }

    init() throws {
        let ca = try Certificate.Extensions { Critical(BasicConstraints.isCertificateAuthority(maxPathLength: nil)) }
        root = try Certificate(
            version: .v3, serialNumber: .init(bytes: [1]), publicKey: .init(rootKey.publicKey), notValidBefore: Self.notBefore,
            notValidAfter: Self.notAfter, issuer: Self.name("Intel SGX Root CA"), subject: Self.name("Intel SGX Root CA"),
            extensions: ca, issuerPrivateKey: .init(rootKey))
        pckCA = try Certificate(
            version: .v3, serialNumber: .init(bytes: [2]), publicKey: .init(pckCAKey.publicKey), notValidBefore: Self.notBefore,
            notValidAfter: Self.notAfter, issuer: root.subject, subject: Self.name("Intel SGX PCK Processor CA"),
            extensions: ca, issuerPrivateKey: .init(rootKey))
        let sgx = try Self.sgxExtension()
        pck = try Certificate(
            version: .v3, serialNumber: .init(bytes: [0x81, 0x77, 0x32]), publicKey: .init(pckKey.publicKey),
            notValidBefore: Self.notBefore, notValidAfter: Self.notAfter, issuer: pckCA.subject,
            subject: Self.name("Intel SGX PCK Certificate"),
            extensions: try Certificate.Extensions {
                Certificate.Extension(oid: [1, 2, 840, 113_741, 1, 13, 1], critical: false, value: sgx[...])
            }, issuerPrivateKey: .init(pckCAKey))
        tcbSigner = try Certificate(
            version: .v3, serialNumber: .init(bytes: [4]), publicKey: .init(tcbKey.publicKey), notValidBefore: Self.notBefore,
            notValidAfter: Self.notAfter, issuer: root.subject, subject: Self.name("Intel SGX TCB Signing"),
            extensions: try Certificate.Extensions {}, issuerPrivateKey: .init(rootKey))
    }

    static func der(_ cert: Certificate) throws -> [UInt8] {
        var s = DER.Serializer()
        try s.serialize(cert)
        return s.serializedBytes
    }

    static func sgxExtension() throws -> [UInt8] {
        let base: [UInt] = [1, 2, 840, 113_741, 1, 13, 1]
        func oid(_ arcs: UInt...) throws -> ASN1ObjectIdentifier { try ASN1ObjectIdentifier(elements: base + arcs) }
        var s = DER.Serializer()
        try s.appendConstructedNode(identifier: .sequence) { s in
            try s.appendConstructedNode(identifier: .sequence) { s in
                try s.serialize(try oid(1))
                try s.serialize(ASN1OctetString(contentBytes: [UInt8](repeating: 5, count: 16)[...]))
            }
            try s.appendConstructedNode(identifier: .sequence) { s in
                try s.serialize(try oid(2))
                try s.appendConstructedNode(identifier: .sequence) { s in
                    for (i, svn) in components.enumerated() {
                        try s.appendConstructedNode(identifier: .sequence) { s in
                            try s.serialize(try oid(2, UInt(i + 1)))
                            try s.serialize(svn)
                        }
                    }
                    try s.appendConstructedNode(identifier: .sequence) { s in
                        try s.serialize(try oid(2, 17))
                        try s.serialize(13)
                    }
                    try s.appendConstructedNode(identifier: .sequence) { s in
                        try s.serialize(try oid(2, 18))
                        try s.serialize(ASN1OctetString(contentBytes: components.map { UInt8($0) }[...]))
                    }
                }
            }
            try s.appendConstructedNode(identifier: .sequence) { s in
                try s.serialize(try oid(3))
                try s.serialize(ASN1OctetString(contentBytes: [0, 0][...]))
            }
            try s.appendConstructedNode(identifier: .sequence) { s in
                try s.serialize(try oid(4))
                try s.serialize(ASN1OctetString(contentBytes: fmspc[...]))
            }
            try s.appendConstructedNode(identifier: .sequence) { s in
                try s.serialize(try oid(5))
                try 0.serialize(into: &s, withIdentifier: .enumerated)
            }
        }
        return s.serializedBytes
    }

    /// A CRL by `issuerKey` naming `issuer`, revoking `serials`.
    static func crl(issuer: Certificate, key: P256.Signing.PrivateKey, revoking serials: [Certificate.SerialNumber] = [])
        throws -> [UInt8]
    {
        let algorithm: (inout DER.Serializer) throws -> Void = { s in
            try s.appendConstructedNode(identifier: .sequence) { s in try s.serialize([1, 2, 840, 10045, 4, 3, 2] as ASN1ObjectIdentifier) }
        }
        var t = DER.Serializer()
        try t.appendConstructedNode(identifier: .sequence) { s in
            try s.serialize(1)
            try algorithm(&s)
            try s.serialize(issuer.subject)
            try s.serialize(try UTCTime(year: 2020, month: 9, day: 13, hours: 12, minutes: 26, seconds: 40))
            try s.serialize(try UTCTime(year: 2033, month: 5, day: 18, hours: 3, minutes: 33, seconds: 20))
            if !serials.isEmpty {
                try s.appendConstructedNode(identifier: .sequence) { s in
                    for serial in serials {
                        try s.appendConstructedNode(identifier: .sequence) { s in
                            try s.serialize(serial.bytes)
                            try s.serialize(try UTCTime(year: 2021, month: 1, day: 1, hours: 0, minutes: 0, seconds: 0))
                        }
                    }
                }
            }
        }
        let tbs = t.serializedBytes
        let signature = try key.signature(for: SHA256.hash(data: tbs)).derRepresentation
        var s = DER.Serializer()
        try s.appendConstructedNode(identifier: .sequence) { s in
            s.serializeRawBytes(tbs)
            try algorithm(&s)
            try s.serialize(ASN1BitString(bytes: Array(signature)[...]))
        }
        return s.serializedBytes
    }

    func signedJSON(_ text: String) throws -> SignedJSON {
        let body = Array(text.utf8)
        return try SignedJSON(body: body, signature: Array(try tcbKey.signature(for: SHA256.hash(data: body)).rawRepresentation))
    }

    /// Collateral for the synthetic platform.
    func collateral(
        revokedPCK: Bool = false, revokedCA: Bool = false, revokedSigner: Bool = false, qeMrSigner: [UInt8]? = nil, qeStatus: String = "UpToDate",
        levels: String? = nil
    ) throws -> DCAPCollateral {
        let comps = Self.components.map { "{\"svn\":\($0)}" }.joined(separator: ",")
        let tcbLevels = levels ?? """
            [{"tcb":{"sgxtcbcomponents":[\(comps)],"pcesvn":13},"tcbDate":"2023-08-09T00:00:00Z","tcbStatus":"UpToDate"},\
            {"tcb":{"sgxtcbcomponents":[\(comps)],"pcesvn":5},"tcbDate":"2021-08-09T00:00:00Z","tcbStatus":"OutOfDate","advisoryIDs":["INTEL-SA-00615"]}]
            """
        let tcbInfo = """
            {"id":"SGX","version":3,"issueDate":"2023-11-01T00:00:00Z","nextUpdate":"2023-12-01T00:00:00Z",\
            "fmspc":"\(Self.fmspc.map { String(format: "%02X", $0) }.joined())","pceId":"0000","tcbType":0,"tcbEvaluationDataNumber":16,"tcbLevels":\(tcbLevels)}
            """
        let qeIdentity = """
            {"id":"QE","version":2,"issueDate":"2023-11-01T00:00:00Z","nextUpdate":"2023-12-01T00:00:00Z","tcbEvaluationDataNumber":16,\
            "miscselect":"00000000","miscselectMask":"FFFFFFFF","attributes":"11000000000000000000000000000000",\
            "attributesMask":"FBFFFFFFFFFFFFFF0000000000000000","mrsigner":"\((qeMrSigner ?? self.qeMrSigner).map { String(format: "%02X", $0) }.joined())",\
            "isvprodid":1,"tcbLevels":[{"tcb":{"isvsvn":8},"tcbDate":"2023-08-09T00:00:00Z","tcbStatus":"\(qeStatus)"}]}
            """
        let signer = DCAPCollateral.pemChain(der: [try Self.der(tcbSigner), try Self.der(root)])
        return DCAPCollateral(
            rootCaCrl: try Self.crl(issuer: root, key: rootKey, revoking: (revokedCA ? [pckCA.serialNumber] : []) + (revokedSigner ? [tcbSigner.serialNumber] : [])),
            pckCrl: try Self.crl(issuer: pckCA, key: pckCAKey, revoking: revokedPCK ? [.init(bytes: [9]), pck.serialNumber] : [.init(bytes: [9])]),
            tcbInfoIssuerChain: signer, tcbInfo: try signedJSON(tcbInfo), qeIdentityIssuerChain: signer,
            qeIdentity: try signedJSON(qeIdentity))
    }

    /// A signed SGX quote (v3 or v4) with the given enclave attribute flags.
    func quote(version: UInt16 = 3, debug: Bool = false, reportData: [UInt8] = Array(repeating: 0x42, count: 64)) throws -> [UInt8] {
        func le16(_ v: UInt16) -> [UInt8] { [UInt8(v & 0xff), UInt8(v >> 8)] }
        func le32(_ v: UInt32) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: v >> (8 * $0)) } }
        func report(flags: UInt8, mrSigner: [UInt8], prodId: UInt16, svn: UInt16, data: [UInt8]) -> [UInt8] {
            var body = [UInt8](repeating: 0, count: 384)
            body[48] = flags
            body[56] = 0xE7
            body.replaceSubrange(64..<96, with: [UInt8](repeating: 0xEE, count: 32))
            body.replaceSubrange(128..<160, with: mrSigner)
            body.replaceSubrange(256..<258, with: le16(prodId))
            body.replaceSubrange(258..<260, with: le16(svn))
            body.replaceSubrange(320..<384, with: data)
            return body
        }
        let header = le16(version) + le16(2) + le32(0) + le16(10) + le16(15) + DCAPQuote.intelQEVendorId + [UInt8](repeating: 0, count: 20)
        let body = report(flags: debug ? 0x07 : 0x05, mrSigner: [UInt8](repeating: 0x81, count: 32), prodId: 0, svn: 0, data: reportData)
        let signed = header + body
        let attKey = Array(attestationKey.publicKey.rawRepresentation)
        let auth = Array(0..<32 as Range<UInt8>)
        let binding = Array(SHA256.hash(data: attKey + auth)) + [UInt8](repeating: 0, count: 32)
        let qeReport = report(flags: 0x15, mrSigner: qeMrSigner, prodId: 1, svn: 10, data: binding)
        let qeSig = Array(try pckKey.signature(for: SHA256.hash(data: qeReport)).rawRepresentation)
        let pem = DCAPCollateral.pemChain(der: [try Self.der(pck), try Self.der(pckCA), try Self.der(root)]) + [0x0A, 0]
        let certData = le16(5) + le32(UInt32(pem.count)) + pem
        let qeBlock = qeReport + qeSig + le16(32) + auth + certData
        let quoteSig = Array(try attestationKey.signature(for: SHA256.hash(data: signed)).rawRepresentation)
        let sigData = version == 3 ? quoteSig + attKey + qeBlock : quoteSig + attKey + le16(6) + le32(UInt32(qeBlock.count)) + qeBlock
        return signed + le32(UInt32(sigData.count)) + sigData
    }
}
