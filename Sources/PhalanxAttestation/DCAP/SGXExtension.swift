import SwiftASN1
import X509

/// The Intel SGX extension (OID 1.2.840.113741.1.13.1) of a PCK certificate: the platform's TCB and identity.
public struct SGXExtension: Sendable, Equatable {
    /// OID of the extension.
    public static let oid: ASN1ObjectIdentifier = [1, 2, 840, 113_741, 1, 13, 1]

    /// FMSPC (6 bytes).
    public var fmspc: [UInt8] = []
    /// PCE ID (2 bytes).
    public var pceId: [UInt8] = []
    /// PCESVN.
    public var pceSvn: Int = -1
    /// CPUSVN (16 bytes).
    public var cpuSvn: [UInt8] = []
    /// The 16 SGX TCB component SVNs.
    public var componentSvns: [Int] = Array(repeating: -1, count: 16)
    /// SGX type (0 standard, 1 scalable, 2 scalable with integrity).
    public var sgxType: Int = -1

    /// Extracts the extension from a PCK certificate.
    init(certificate: Certificate) throws {
        guard let ext = certificate.extensions[oid: Self.oid] else { throw Failure("PCK certificate lacks the SGX extension") }
        let root = try DER.parse(ext.value)
        try DER.sequence(root, identifier: .sequence) { entries in
            while let entry = entries.next() {
                try DER.sequence(entry, identifier: .sequence) { kv in
                    guard let oidNode = kv.next(), let valueNode = kv.next() else { throw Failure("bad SGX extension entry") }
                    let oid = try ASN1ObjectIdentifier(derEncoded: oidNode)
                    let arcs = Array(oid.oidComponents)
                    guard arcs.count == 8, arcs.starts(with: Self.oid.oidComponents) else { return }
                    switch arcs[7] {
                    case 2: try parseTCB(valueNode)
                    case 3: pceId = Array(try ASN1OctetString(derEncoded: valueNode).bytes)
                    case 4: fmspc = Array(try ASN1OctetString(derEncoded: valueNode).bytes)
                    case 5: sgxType = try Int(derEncoded: valueNode, withIdentifier: .enumerated)
                    default: break
                    }
                    while kv.next() != nil {}
                }
            }
        }
        guard fmspc.count == 6, pceId.count == 2, pceSvn >= 0, cpuSvn.count == 16, !componentSvns.contains(-1) else {
            throw Failure("SGX extension is missing FMSPC, PCEID or TCB fields")
        }
    }

    private mutating func parseTCB(_ node: ASN1Node) throws {
        try DER.sequence(node, identifier: .sequence) { entries in
            while let entry = entries.next() {
                try DER.sequence(entry, identifier: .sequence) { kv in
                    guard let oidNode = kv.next(), let valueNode = kv.next() else { throw Failure("bad SGX TCB entry") }
                    let arcs = Array(try ASN1ObjectIdentifier(derEncoded: oidNode).oidComponents)
                    guard arcs.count == 9, arcs[7] == 2 else { return }
                    switch arcs[8] {
                    case 1...16:
                        let svn = try Int(derEncoded: valueNode)
                        guard (0...255).contains(svn) else { throw Failure("component SVN out of range") }
                        componentSvns[Int(arcs[8]) - 1] = svn
                    case 17:
                        let svn = try Int(derEncoded: valueNode)
                        guard (0...65535).contains(svn) else { throw Failure("PCESVN out of range") }
                        pceSvn = svn
                    case 18: cpuSvn = Array(try ASN1OctetString(derEncoded: valueNode).bytes)
                    default: break
                    }
                }
            }
        }
    }
}
