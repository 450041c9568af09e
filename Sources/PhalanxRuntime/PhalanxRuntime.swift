import PhalanxPrimitives

/// The Phalanx runtime: its version and its pallets at their indices.
/// Adding a pallet means adding its folder under `Pallets/` and one line to `pallets` below.
public enum PhalanxRuntime {
    /// The runtime version. Bump `specVersion` whenever metadata or behaviour changes.
    public static let version = RuntimeVersion(
        specName: "phalanx", implName: "phalanx-swift", authoringVersion: 1, specVersion: 500, implVersion: 0,
        transactionVersion: 1, stateVersion: 1,
        apis: RuntimeAPI.supported.map { (Blake2b.hash(Array($0.name.utf8), length: 8), $0.version) })

    /// The pallets and their indices.
    public static let pallets: [(UInt8, any Pallet.Type)] = [
        (0, System.self),
        (1, Timestamp.self),
        (2, Balances.self),
        (3, TransactionPayment.self),
        (4, Sudo.self),
        (10, Scheduler.self),
        (11, Preimage.self),
        (12, Democracy.self),
        (13, Council.self),
        (14, TechnicalCommittee.self),
        (15, Treasury.self),
        (20, PhalaComputation.self),
        (21, PhalaStakePoolv2.self),
        (22, PhalaVault.self),
        (23, PhalaBasePool.self),
        (30, PhalaMq.self),
        (31, PhalaRegistry.self),
        (32, PhalaPhatContracts.self),
    ]

    /// The runtime definition used by the node and the tools.
    public static let definition = RuntimeDefinition(version: version, pallets: pallets)
}
