import PhalanxPrimitives
import Foundation
import SwiftASN1

/// The Intel PCS collateral a DCAP quote is verified against; every part is self-authenticating via the pinned root.
public struct DCAPCollateral: Sendable, Equatable {
    /// Intel SGX Root CA CRL (DER or PEM).
    public var rootCaCrl: [UInt8]
    /// PCK Platform/Processor CA CRL (DER or PEM), chosen to match the quote's PCK CA.
    public var pckCrl: [UInt8]
    /// PEM issuer chain of the PCK CRL; informational only, since the CRL is checked against the verified PCK CA itself.
    public var pckCrlIssuerChain: [UInt8]
    /// PEM chain of the TCB info signer (Intel SGX TCB Signing, then optionally the root).
    public var tcbInfoIssuerChain: [UInt8]
    /// Signed TCB info for the platform's FMSPC.
    public var tcbInfo: SignedJSON
    /// PEM chain of the QE identity signer.
    public var qeIdentityIssuerChain: [UInt8]
    /// Signed QE identity.
    public var qeIdentity: SignedJSON
    /// PEM PCK chain for quotes whose certification data is not a PCK chain (types 1–4); `nil` otherwise.
    public var pckCertChain: [UInt8]?

    /// Creates collateral from its parts.
    public init(
        rootCaCrl: [UInt8], pckCrl: [UInt8], pckCrlIssuerChain: [UInt8] = [], tcbInfoIssuerChain: [UInt8],
        tcbInfo: SignedJSON, qeIdentityIssuerChain: [UInt8], qeIdentity: SignedJSON, pckCertChain: [UInt8]? = nil
    ) {
        self.rootCaCrl = rootCaCrl
        self.pckCrl = pckCrl
        self.pckCrlIssuerChain = pckCrlIssuerChain
        self.tcbInfoIssuerChain = tcbInfoIssuerChain
        self.tcbInfo = tcbInfo
        self.qeIdentityIssuerChain = qeIdentityIssuerChain
        self.qeIdentity = qeIdentity
        self.pckCertChain = pckCertChain
    }

    /// Decodes Phala's SCALE-encoded `SgxV30QuoteCollateral` (as attached to Phala worker registrations).
    public init(phalaSCALE bytes: [UInt8]) throws(AttestationError) {
        var reader = ByteReader(bytes)
        func blob(_ field: String) throws(AttestationError) -> [UInt8] {
            let length = try Self.compactLength(&reader, field)
            return try reader.read(length, field)
        }
        pckCrlIssuerChain = try blob("pck_crl_issuer_chain")
        rootCaCrl = try blob("root_ca_crl")
        pckCrl = try blob("pck_crl")
        tcbInfoIssuerChain = try blob("tcb_info_issuer_chain")
        let tcbBody = try blob("tcb_info")
        let tcbSig = try blob("tcb_info_signature")
        qeIdentityIssuerChain = try blob("qe_identity_issuer_chain")
        let qeBody = try blob("qe_identity")
        let qeSig = try blob("qe_identity_signature")
        try reader.expectEnd("collateral")
        do {
            tcbInfo = try SignedJSON(body: tcbBody, signature: tcbSig)
            qeIdentity = try SignedJSON(body: qeBody, signature: qeSig)
        } catch {
            throw AttestationError(.quoteFormat, "collateral: \(error)")
        }
        pckCertChain = nil
    }

    /// Loads collateral from a directory of PCS downloads: `root_ca_crl.der`, `pck_crl*.der`, `tcb_info*.json`,
    /// `tcb_info_issuer_chain.pem`, `qe_identity*.json`, `qe_identity_issuer_chain.pem`, optional `pck_crl_issuer_chain.pem`.
    public init(directory: URL) throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        func file(_ match: (String) -> Bool, _ what: String) throws -> [UInt8] {
            guard let name = names.first(where: match) else { throw Failure("collateral directory has no \(what)") }
            return Array(try Data(contentsOf: directory.appendingPathComponent(name)))
        }
        rootCaCrl = try file({ $0.hasPrefix("root_ca_crl") }, "root_ca_crl.der")
        pckCrl = try file({ $0.hasPrefix("pck_crl") && !$0.contains("issuer") }, "pck_crl*.der")
        pckCrlIssuerChain = (try? file({ $0 == "pck_crl_issuer_chain.pem" }, "")) ?? []
        tcbInfoIssuerChain = try file({ $0 == "tcb_info_issuer_chain.pem" }, "tcb_info_issuer_chain.pem")
        qeIdentityIssuerChain = try file({ $0 == "qe_identity_issuer_chain.pem" }, "qe_identity_issuer_chain.pem")
        tcbInfo = try SignedJSON(
            envelope: try file({ $0.hasPrefix("tcb_info") && $0.hasSuffix(".json") }, "tcb_info*.json"), key: "tcbInfo")
        qeIdentity = try SignedJSON(
            envelope: try file({ $0.hasPrefix("qe_identity") && $0.hasSuffix(".json") }, "qe_identity*.json"),
            key: "enclaveIdentity")
        pckCertChain = nil
    }

    /// Reads a SCALE compact length.
    private static func compactLength(_ r: inout ByteReader, _ field: String) throws(AttestationError) -> Int {
        let first = try r.read(1, field)[0]
        switch first & 3 {
        case 0: return Int(first >> 2)
        case 1: return Int((UInt16(first) | UInt16(try r.read(1, field)[0]) << 8) >> 2)
        case 2:
            let rest = try r.read(3, field)
            return Int((UInt32(first) | UInt32(rest[0]) << 8 | UInt32(rest[1]) << 16 | UInt32(rest[2]) << 24) >> 2)
        default: throw AttestationError(.quoteFormat, "\(field): length too large")
        }
    }
}

extension DCAPCollateral {
    /// PEM text for DER certificates (leaf first), for callers holding issuer chains as DER.
    public static func pemChain(der certificates: [[UInt8]]) -> [UInt8] {
        Array(certificates.map { PEMDocument(type: "CERTIFICATE", derBytes: $0).pemString }.joined(separator: "\n").utf8)
    }
}
