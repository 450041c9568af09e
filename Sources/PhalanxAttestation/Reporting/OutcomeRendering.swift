import PhalanxPrimitives

/// Text and JSON renderings of a verification outcome, as printed by the CLI.
extension VerificationOutcome: Encodable {
    private enum Keys: String, CodingKey { case accepted, steps, report, error }
    private enum StepKeys: String, CodingKey { case step, code, result, detail }
    private enum ErrorKeys: String, CodingKey { case step, code, reason }

    /// Encodes `{accepted, steps: [{step, code, result: PASS|FAIL, detail}], report | error: {step, code, reason}}`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(isAccepted, forKey: .accepted)
        var list = c.nestedUnkeyedContainer(forKey: .steps)
        for record in steps {
            var s = list.nestedContainer(keyedBy: StepKeys.self)
            try s.encode(record.step.rawValue, forKey: .step)
            try s.encode(record.step.code, forKey: .code)
            try s.encode(record.passed ? "PASS" : "FAIL", forKey: .result)
            try s.encode(record.detail, forKey: .detail)
        }
        switch result {
        case .success(let report): try c.encode(report, forKey: .report)
        case .failure(let error):
            var e = c.nestedContainer(keyedBy: ErrorKeys.self, forKey: .error)
            try e.encode(error.step.rawValue, forKey: .step)
            try e.encode(error.code, forKey: .code)
            try e.encode(error.reason, forKey: .reason)
        }
    }

    /// One line per step (`PASS 101 quoteFormat: …`), then the result line.
    public var textLines: [String] {
        var lines = steps.map { record in
            let head = "\(record.passed ? "PASS" : "FAIL") \(record.step.code) \(record.step.rawValue): \(record.step.summary)"
            return record.detail.isEmpty ? head : head + " [\(record.detail)]"
        }
        switch result {
        case .success(let r):
            lines.append(
                "ACCEPTED provider=\(r.provider.rawValue) tee=\(r.tee.rawValue) tcbStatus=\(r.tcbStatus?.rawValue ?? "-") "
                    + "advisories=\(r.advisoryIds) confidenceLevel=\(r.confidenceLevel) debug=\(r.isDebug)")
            lines.append("mrEnclave=\(r.mrEnclave.hex) mrSigner=\(r.mrSigner.hex) isvProdId=\(r.isvProdId) isvSvn=\(r.isvSvn)")
            lines.append("reportData=\(r.reportData.hex)")
            if r.provider == .dev { lines.append("WARNING: dev attestation — software key only, no hardware guarantee") }
        case .failure(let e):
            lines.append("REJECTED \(e.code) \(e.step.rawValue): \(e.reason)")
        }
        return lines
    }
}
