import PhalanxPrimitives

/// Intel's TCB level selection and status convergence (QVL `QuoteVerifier`).
enum TCBEvaluation {
    /// The first level (newest first) whose thresholds the platform meets: all 16 component SVNs and PCESVN ≥.
    /// For TDX, TEE_TCB_SVN must also meet `tdxtcbcomponents`.
    static func platformLevel(_ info: TCBInfo, pck: SGXExtension, teeTcbSvn: [UInt8]?) -> TCBLevel? {
        info.tcbLevels.first { level in
            guard pck.pceSvn >= level.tcb.pcesvn,
                zip(pck.componentSvns, level.tcb.sgx).allSatisfy({ $0 >= $1 })
            else { return false }
            if let tee = teeTcbSvn {
                guard let tdx = level.tcb.tdx else { return false }
                let start = tee.count > 1 && tee[1] != 0 ? 2 : 0
                return (start..<16).allSatisfy { Int(tee[$0]) >= tdx[$0] }
            }
            return true
        }
    }

    /// The first QE identity level whose ISVSVN threshold the QE meets.
    static func qeLevel(_ identity: QEIdentity, isvSvn: UInt16) -> QELevel? {
        identity.tcbLevels.first { Int(isvSvn) >= $0.tcb.isvsvn }
    }

    /// Converges the QE and platform statuses (Intel `convergeTcbStatus`).
    static func converge(qe: TCBStatus, platform: TCBStatus) -> TCBStatus {
        switch (qe, platform) {
        case (.revoked, _): .revoked
        case (.outOfDate, .upToDate), (.outOfDate, .swHardeningNeeded): .outOfDate
        case (.outOfDate, .configurationNeeded), (.outOfDate, .configurationAndSWHardeningNeeded):
            .outOfDateConfigurationNeeded
        default: platform
        }
    }

    /// Checks MRSIGNERSEAM and masked SEAMATTRIBUTES of a TD report against a TDX module identity.
    static func checkSeam(_ td: TDReportBody, mrsigner: String, attributes: String, mask: String) throws {
        guard let signer = [UInt8](hex: mrsigner), signer == td.mrSignerSeam else {
            throw Failure("TDX module MRSIGNERSEAM mismatch")
        }
        guard let attrs = [UInt8](hex: attributes), let attrMask = [UInt8](hex: mask), attrs.count == 8, attrMask.count == 8,
            zip(td.seamAttributes, attrMask).map({ $0 & $1 }) == attrs
        else { throw Failure("TDX module SEAMATTRIBUTES mismatch") }
    }

    /// The TDX module identity status for TDX 1.5+ modules (TEE_TCB_SVN[1] ≠ 0), or `nil` when not applicable.
    static func tdxModuleStatus(_ td: TDReportBody, _ info: TCBInfo) throws -> TCBStatus? {
        let svn = td.teeTcbSvn
        guard svn[1] != 0, let identities = info.tdxModuleIdentities else { return nil }
        let id = "TDX_" + [svn[1]].hex.uppercased()
        guard let identity = identities.first(where: { $0.id.uppercased() == id }) else {
            throw Failure("no TDX module identity \(id)")
        }
        try checkSeam(td, mrsigner: identity.mrsigner, attributes: identity.attributes, mask: identity.attributesMask)
        guard let level = identity.tcbLevels.first(where: { Int(svn[0]) >= $0.tcb.isvsvn }),
            let status = TCBStatus(rawValue: level.tcbStatus)
        else { throw Failure("TDX module \(id) SVN \(svn[0]) matches no level") }
        guard status != .revoked else { throw Failure("TDX module \(id) is revoked") }
        return status
    }
}
