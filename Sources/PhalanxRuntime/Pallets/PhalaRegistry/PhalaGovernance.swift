/// The origin check of every governance-gated call of the Phala pallets (Phala's
/// `GovernanceOrigin = EnsureRootOrHalfCouncil`). Until the Council pallet exists only Root passes;
/// adding the council is a change to this one function.
public enum PhalaGovernance {
    /// Succeeds for the governance origin (today: Root), else `DispatchError.badOrigin`.
    public static func ensureGovernance(_ origin: Origin) throws {
        try origin.ensureRoot()
    }
}
