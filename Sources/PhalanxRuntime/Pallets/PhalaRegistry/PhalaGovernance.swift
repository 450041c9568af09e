/// The origin check of every governance-gated call of the Phala pallets (Phala's
/// `GovernanceOrigin = EnsureRootOrHalfCouncil`): Root, or more than half of the Council.
public enum PhalaGovernance {
    /// Succeeds for the governance origin, else `DispatchError.badOrigin`.
    public static func ensureGovernance(_ origin: Origin) throws {
        try OriginRequirement.governance.ensure(origin)
    }
}
