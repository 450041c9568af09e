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
}
