import Crypto
import Foundation
import PhalanxPrimitives
import X509

/// Verifies an SGX DCAP quote against Intel collateral and a policy, step by step, at a caller-given time.
public enum DCAPVerifier {
    /// Runs every DCAP step and the policy checks; never reads the wall clock.
    public static func verify(
        quote quoteBytes: [UInt8], collateral: DCAPCollateral, policy: AttestationPolicy = .default, at time: Date
    ) -> VerificationOutcome {
        verify(quote: quoteBytes, collateral: collateral, policy: policy, at: time, trustAnchor: PinnedRoots.intelSGXRootCA)
    }

    /// Verifies against another trust anchor: only for tests with a synthetic PKI, never for real evidence.
    @_spi(Testing) public static func verify(
        quote quoteBytes: [UInt8], collateral: DCAPCollateral, policy: AttestationPolicy = .default, at time: Date,
        trustAnchor: Certificate
    ) -> VerificationOutcome {
        var recorder = StepRecorder()
        do {
            let report = try run(quoteBytes, collateral, policy, time, trustAnchor, &recorder)
            return VerificationOutcome(steps: recorder.records, result: .success(report))
        } catch {
            return VerificationOutcome(steps: recorder.records, result: .failure(error))
        }
    }

    private static func run(
        _ quoteBytes: [UInt8], _ collateral: DCAPCollateral, _ policy: AttestationPolicy, _ time: Date,
        _ root: Certificate, _ rec: inout StepRecorder
    ) throws(AttestationError) -> AttestationReport {
        let quote = try rec.run(.quoteFormat) { () throws -> DCAPQuote in
            let quote = try DCAPQuote(bytes: quoteBytes)
            guard quote.certificationDataType == 5 || collateral.pckCertChain != nil else {
                throw Failure("certification data type \(quote.certificationDataType) carries no PCK chain")
            }
            return quote
        }
        let tdReport: TDReportBody? = if case .tdx(let td) = quote.body { td } else { nil }

        let (leaf, pckCA, pck) = try rec.run(.pckCertChain) { () throws -> (Certificate, Certificate, SGXExtension) in
            let pem = quote.certificationDataType == 5 ? quote.certificationData : (collateral.pckCertChain ?? [])
            let chain = try CertificateChain.verify(
                try CertificateChain.parsePEM(pem), root: root, at: time, leafNameContains: "SGX PCK Certificate")
            guard chain.count == 2 else { throw Failure("PCK chain must be leaf, PCK CA, root") }
            let name = chain[1].subject.description
            guard name.contains("PCK Platform CA") || name.contains("PCK Processor CA") else {
                throw Failure("PCK issuer '\(name)' is not an Intel PCK CA")
            }
            return (chain[0], chain[1], try SGXExtension(certificate: chain[0]))
        }
        rec.note("FMSPC \(pck.fmspc.hex.uppercased()), \(pckCA.subject)")

        let rootCrl = try rec.run(.rootCaCrl) { () throws -> RevocationList in
            let crl = try RevocationList(bytes: collateral.rootCaCrl)
            try crl.verify(issuedBy: root, at: time)
            if crl.revokes(pckCA) { throw Failure("PCK CA certificate is revoked") }
            return crl
        }
        try rec.run(.pckCrl) {
            let crl = try RevocationList(bytes: collateral.pckCrl)
            try crl.verify(issuedBy: pckCA, at: time)
            if crl.revokes(leaf) { throw Failure("PCK certificate \(Array(leaf.serialNumber.bytes).hex) is revoked") }
        }
        try rec.run(.qeReportSignature) {
            guard let key = P256.Signing.PublicKey(leaf.publicKey) else { throw Failure("PCK key is not P-256") }
            let sig = try P256.Signing.ECDSASignature(rawRepresentation: quote.qeReportSignature)
            guard key.isValidSignature(sig, for: SHA256.hash(data: quote.qeReport.raw)) else {
                throw Failure("QE report signature is invalid")
            }
        }
        try rec.run(.qeReportDataBinding) {
            let expected = Array(SHA256.hash(data: quote.attestationKey + quote.qeAuthData)) + [UInt8](repeating: 0, count: 32)
            guard quote.qeReport.reportData == expected else {
                throw Failure("QE REPORTDATA does not bind the attestation key")
            }
        }
        try rec.run(.quoteSignature) {
            let key = try P256.Signing.PublicKey(rawRepresentation: quote.attestationKey)
            let sig = try P256.Signing.ECDSASignature(rawRepresentation: quote.signature)
            guard key.isValidSignature(sig, for: SHA256.hash(data: quote.signedBytes)) else {
                throw Failure("quote signature is invalid")
            }
        }
        let (tcbSigner, qeSigner) = try rec.run(.tcbSigningChain) { () throws -> (Certificate, Certificate) in
            func signer(_ pem: [UInt8]) throws -> Certificate {
                let chain = try CertificateChain.verify(
                    try CertificateChain.parsePEM(pem), root: root, at: time, leafNameContains: "Intel SGX TCB Signing")
                guard chain.count == 1 else { throw Failure("TCB signing chain must be signer, root") }
                if rootCrl.revokes(chain[0]) { throw Failure("TCB signing certificate is revoked") }
                return chain[0]
            }
            let tcb = try signer(collateral.tcbInfoIssuerChain)
            let qe = collateral.qeIdentityIssuerChain == collateral.tcbInfoIssuerChain
                ? tcb : try signer(collateral.qeIdentityIssuerChain)
            return (tcb, qe)
        }

        // QE identity.
        let identity = try rec.run(.qeIdentitySignature) { () throws -> QEIdentity in
            try checkSignature(collateral.qeIdentity, by: qeSigner)
            return try JSONDecoder().decode(QEIdentity.self, from: Data(collateral.qeIdentity.body))
        }
        try rec.run(.qeIdentityValidity) { try checkWindow(identity.issueDate, identity.nextUpdate, time) }
        let qeLevel = try rec.run(.qeIdentityMatch) { () throws -> QELevel in
            let qe = quote.qeReport
            let expectedId = tdReport == nil ? "QE" : "TD_QE"
            guard identity.id == expectedId, identity.version == 2 else {
                throw Failure("identity is \(identity.id) v\(identity.version), expected \(expectedId) v2")
            }
            guard let mrsigner = [UInt8](hex: identity.mrsigner), mrsigner == qe.mrSigner else { throw Failure("QE MRSIGNER mismatch") }
            guard Int(qe.isvProdId) == identity.isvprodid else { throw Failure("QE ISVPRODID mismatch") }
            guard let misc = [UInt8](hex: identity.miscselect), let miscMask = [UInt8](hex: identity.miscselectMask),
                misc.count == 4, miscMask.count == 4
            else { throw Failure("bad miscselect in QE identity") }
            let qeMisc = withUnsafeBytes(of: qe.miscSelect.bigEndian) { Array($0) }
            guard zip(qeMisc, miscMask).map({ $0 & $1 }) == misc else { throw Failure("QE MISCSELECT mismatch") }
            guard let attrs = [UInt8](hex: identity.attributes), let attrMask = [UInt8](hex: identity.attributesMask),
                attrs.count == 16, attrMask.count == 16
            else { throw Failure("bad attributes in QE identity") }
            guard zip(qe.attributes, attrMask).map({ $0 & $1 }) == attrs else { throw Failure("QE ATTRIBUTES mismatch") }
            guard let level = TCBEvaluation.qeLevel(identity, isvSvn: qe.isvSvn) else {
                throw Failure("QE ISVSVN \(qe.isvSvn) matches no QE TCB level")
            }
            guard let status = TCBStatus(rawValue: level.tcbStatus), status != .revoked else {
                throw Failure("QE TCB status is \(level.tcbStatus)")
            }
            return level
        }
        rec.note("QE TCB \(qeLevel.tcbStatus)")

        // TCB info.
        let info = try rec.run(.tcbInfoSignature) { () throws -> TCBInfo in
            try checkSignature(collateral.tcbInfo, by: tcbSigner)
            return try JSONDecoder().decode(TCBInfo.self, from: Data(collateral.tcbInfo.body))
        }
        try rec.run(.tcbInfoValidity) { try checkWindow(info.issueDate, info.nextUpdate, time) }
        try rec.run(.tcbInfoMatch) {
            if let td = tdReport {
                guard info.version == 3, info.id == "TDX", let module = info.tdxModule else {
                    throw Failure("TCB info \(info.id ?? "-") v\(info.version) is not TDX TCB info")
                }
                try TCBEvaluation.checkSeam(td, mrsigner: module.mrsigner, attributes: module.attributes, mask: module.attributesMask)
            } else {
                guard info.version == 2 || (info.version == 3 && info.id == "SGX") else {
                    throw Failure("TCB info \(info.id ?? "-") v\(info.version) is not SGX TCB info")
                }
            }
            guard [UInt8](hex: info.fmspc) == pck.fmspc else {
                throw Failure("TCB info FMSPC \(info.fmspc) is not the PCK FMSPC \(pck.fmspc.hex)")
            }
            guard [UInt8](hex: info.pceId) == pck.pceId else { throw Failure("TCB info PCEID \(info.pceId) mismatch") }
        }
        let (status, advisories) = try rec.run(.tcbLevel) { () throws -> (TCBStatus, [String]) in
            guard let level = TCBEvaluation.platformLevel(info, pck: pck, teeTcbSvn: tdReport?.teeTcbSvn) else {
                throw Failure("platform TCB matches no level (TCB not supported)")
            }
            guard var platform = TCBStatus(rawValue: level.tcbStatus),
                let qeStatus = TCBStatus(rawValue: qeLevel.tcbStatus)
            else { throw Failure("unknown TCB status \(level.tcbStatus)") }
            if let td = tdReport, let moduleStatus = try TCBEvaluation.tdxModuleStatus(td, info) {
                platform = TCBEvaluation.converge(qe: moduleStatus, platform: platform)
            }
            let status = TCBEvaluation.converge(qe: qeStatus, platform: platform)
            guard status != .revoked else { throw Failure("TCB is revoked") }
            var advisories = level.advisoryIDs ?? []
            for id in qeLevel.advisoryIDs ?? [] where !advisories.contains(id) { advisories.append(id) }
            return (status, advisories)
        }
        rec.note("\(status.rawValue) \(advisories)")

        let confidence = ConfidenceLevel.of(status, advisoryIds: advisories) ?? 5
        let report: AttestationReport
        switch quote.body {
        case .sgx(let enclave):
            report = AttestationReport(
                provider: .dcap, mrEnclave: enclave.mrEnclave, mrSigner: enclave.mrSigner, isvProdId: enclave.isvProdId,
                isvSvn: enclave.isvSvn, reportData: enclave.reportData, tcbStatus: status, advisoryIds: advisories,
                confidenceLevel: confidence, isDebug: enclave.isDebug)
        case .tdx(let td):
            report = AttestationReport(
                provider: .dcap, mrEnclave: td.mrTd, mrSigner: td.mrSignerSeam, isvProdId: 0, isvSvn: 0,
                reportData: td.reportData, tcbStatus: status, advisoryIds: advisories, confidenceLevel: confidence,
                isDebug: td.isDebug, tee: .tdx)
        }
        try policy.enforce(report, recorder: &rec)
        return report
    }

    /// Checks a collateral signature (raw r‖s over the exact body bytes) with the signer certificate's P-256 key.
    static func checkSignature(_ signed: SignedJSON, by signer: Certificate) throws {
        guard let key = P256.Signing.PublicKey(signer.publicKey) else { throw Failure("signer key is not P-256") }
        let sig = try P256.Signing.ECDSASignature(rawRepresentation: signed.signature)
        guard key.isValidSignature(sig, for: SHA256.hash(data: signed.body)) else {
            throw Failure("signature over the collateral JSON is invalid")
        }
    }

    /// Throws unless issueDate ≤ time ≤ nextUpdate.
    static func checkWindow(_ issue: String, _ next: String, _ time: Date) throws {
        guard let from = TimestampParser.parse(issue), let to = TimestampParser.parse(next) else {
            throw Failure("bad issueDate/nextUpdate")
        }
        guard from <= time, time <= to else {
            throw Failure("collateral expired or not yet valid at \(time) (valid \(issue) .. \(next))")
        }
    }
}
