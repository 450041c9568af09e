import Foundation
import SwiftASN1
import X509

/// Verification of X.509 chains up to a pinned root key, at a caller-given time (no wall clock, no network).
enum CertificateChain {
    /// Parses concatenated PEM certificates (a trailing NUL, as in quotes, is ignored).
    static func parsePEM(_ bytes: [UInt8]) throws -> [Certificate] {
        var trimmed = bytes[...]
        while let last = trimmed.last, last == 0 { trimmed = trimmed.dropLast() }
        guard let text = String(bytes: trimmed, encoding: .utf8) else { throw Failure("certificate chain is not UTF-8 PEM") }
        let documents = try PEMDocument.parseMultiple(pemString: text)
        guard !documents.isEmpty else { throw Failure("no certificate in the chain") }
        return try documents.map { try Certificate(derEncoded: $0.derBytes) }
    }

    /// Verifies `chain` (leaf first; a trailing copy of the root is allowed) up to `root`'s pinned key at `time`.
    /// Returns the chain without the root, leaf first.
    @discardableResult
    static func verify(_ chain: [Certificate], root: Certificate, at time: Date, leafNameContains: String? = nil) throws
        -> [Certificate]
    {
        var certs = chain
        guard let last = certs.last else { throw Failure("empty certificate chain") }
        if last.issuer == last.subject {
            // The chain carries its own root: it must be the pinned one (same key), else it is an impostor.
            guard last.publicKey == root.publicKey else {
                throw Failure("chain root '\(last.subject)' does not have the pinned root key")
            }
            certs.removeLast()
        }
        guard !certs.isEmpty else { throw Failure("chain holds only the root") }
        guard certs.count <= 4 else { throw Failure("chain too long") }
        try checkValidity(root, at: time)
        for (index, cert) in certs.enumerated() {
            let issuer = index + 1 < certs.count ? certs[index + 1] : root
            guard cert.issuer == issuer.subject else {
                throw Failure("issuer of '\(cert.subject)' is not '\(issuer.subject)'")
            }
            guard issuer.publicKey.isValidSignature(cert.signature, for: cert) else {
                throw Failure("signature of '\(cert.subject)' by '\(issuer.subject)' is invalid")
            }
            try checkValidity(cert, at: time)
            try checkCriticalExtensions(cert)
            if index > 0 {
                guard case .isCertificateAuthority = try cert.extensions.basicConstraints else {
                    throw Failure("intermediate '\(cert.subject)' is not a CA")
                }
                if let usage = try cert.extensions.keyUsage, !usage.keyCertSign {
                    throw Failure("intermediate '\(cert.subject)' may not sign certificates")
                }
            }
        }
        if let name = leafNameContains, !certs[0].subject.description.contains(name) {
            throw Failure("leaf subject '\(certs[0].subject)' is not an '\(name)'")
        }
        return certs
    }

    /// Critical extensions this verifier understands; any other critical extension makes the certificate invalid.
    private static let understoodCritical: Set<ASN1ObjectIdentifier> = [
        [2, 5, 29, 19],  // basicConstraints
        [2, 5, 29, 15],  // keyUsage
    ]

    /// Throws if the certificate has a critical extension this verifier does not process (RFC 5280 §4.2).
    static func checkCriticalExtensions(_ cert: Certificate) throws {
        for ext in cert.extensions where ext.critical && !understoodCritical.contains(ext.oid) {
            throw Failure("certificate '\(cert.subject)' has unhandled critical extension \(ext.oid)")
        }
    }

    /// Throws unless `time` is inside the certificate's validity window.
    static func checkValidity(_ cert: Certificate, at time: Date) throws {
        guard cert.notValidBefore <= time, time <= cert.notValidAfter else {
            throw Failure(
                "certificate '\(cert.subject)' is not valid at \(time) (valid \(cert.notValidBefore) .. \(cert.notValidAfter))"
            )
        }
    }
}
