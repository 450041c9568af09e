/// A verification failure: the step that failed and why.
public struct AttestationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The step that failed.
    public let step: VerificationStep
    /// A short human-readable reason.
    public let reason: String

    /// Creates an error for `step` with `reason`.
    public init(_ step: VerificationStep, _ reason: String) {
        self.step = step
        self.reason = reason
    }

    /// Stable machine-readable code (the failing step's code).
    public var code: UInt16 { step.code }

    /// One sentence: the failed step and the reason.
    public var description: String { "attestation step \(step.rawValue) (\(code)) failed: \(reason)" }
}

/// Outcome of one verification step, as printed by the CLI.
public struct StepRecord: Sendable, Equatable, Codable {
    /// The step.
    public let step: VerificationStep
    /// Whether the step passed.
    public let passed: Bool
    /// Extra detail (the failure reason, or a note such as the matched TCB status).
    public let detail: String

    /// Creates a record.
    public init(step: VerificationStep, passed: Bool, detail: String) {
        self.step = step
        self.passed = passed
        self.detail = detail
    }
}

/// Collects step records while a verification runs.
struct StepRecorder {
    /// The records so far, in execution order.
    private(set) var records: [StepRecord] = []

    /// Runs `body` as `step`; records PASS, or FAIL and rethrows as an `AttestationError` of that step.
    @discardableResult
    mutating func run<T>(_ step: VerificationStep, _ body: () throws -> T) throws(AttestationError) -> T {
        do {
            let value = try body()
            records.append(StepRecord(step: step, passed: true, detail: ""))
            return value
        } catch let error as AttestationError {
            let failure = AttestationError(step, error.reason)
            records.append(StepRecord(step: step, passed: false, detail: failure.reason))
            throw failure
        } catch {
            let failure = AttestationError(step, String(describing: error))
            records.append(StepRecord(step: step, passed: false, detail: failure.reason))
            throw failure
        }
    }

    /// Adds a note to the last record.
    mutating func note(_ detail: String) {
        guard let last = records.popLast() else { return }
        records.append(StepRecord(step: last.step, passed: last.passed, detail: detail))
    }
}

/// An internal failure reason, mapped to the running step by `StepRecorder`.
struct Failure: Error, CustomStringConvertible {
    /// The reason.
    let description: String
    /// Creates a failure with a reason.
    init(_ description: String) { self.description = description }
}
