import PhalanxPrimitives

/// Governance periods and deposits (Democracy, collectives, Treasury). Two profiles: `local` uses
/// Phala's production values (`khala-parachain` `runtime/phala`, 12-second blocks); `dev` uses
/// periods of a few blocks so a person can watch a referendum pass. The chain spec names the
/// profile; the node runs every runtime execution (and the metadata build, so the constants clients
/// read match) inside `GovernanceConfig.$current.withValue(profile)`. Outside it the dev values apply.
public struct GovernanceConfig: Sendable, Hashable {
    /// Blocks between launches of the next referendum.
    public var launchPeriod: UInt32
    /// Blocks a referendum is open for voting.
    public var votingPeriod: UInt32
    /// Shortest voting period of a fast-tracked referendum without the instant origin.
    public var fastTrackVotingPeriod: UInt32
    /// Blocks between a referendum passing and its enactment.
    public var enactmentPeriod: UInt32
    /// Base lock period of a conviction vote (Phala: = the enactment period).
    public var voteLockingPeriod: UInt32
    /// Blocks a vetoed external proposal stays blacklisted.
    public var cooloffPeriod: UInt32
    /// Minimum deposit of a public proposal.
    public var minimumDeposit: UInt128
    /// Blocks a council or technical committee motion stays open.
    public var motionDuration: UInt32
    /// Blocks between treasury payouts.
    public var spendPeriod: UInt32
    /// Share of the unspent treasury burned each spend period, in parts per million.
    public var burnPermill: UInt32
    /// Preimage deposit: base.
    public var preimageBaseDeposit: UInt128
    /// Preimage deposit: per byte.
    public var preimageByteDeposit: UInt128

    /// Phala's production values (12-second blocks: 5 per minute, 7,200 per day).
    public static let local = GovernanceConfig(
        launchPeriod: 7 * 7_200, votingPeriod: 7 * 7_200, fastTrackVotingPeriod: 3 * 300, enactmentPeriod: 8 * 7_200,
        voteLockingPeriod: 8 * 7_200, cooloffPeriod: 7 * 7_200, minimumDeposit: 10 * Balances.dollars,
        motionDuration: 3 * 7_200, spendPeriod: 7_200, burnPermill: 0,
        preimageBaseDeposit: Balances.dollars, preimageByteDeposit: Balances.dollars / 100)

    /// Development values: minutes instead of days (in blocks).
    public static let dev = GovernanceConfig(
        launchPeriod: 10, votingPeriod: 10, fastTrackVotingPeriod: 3, enactmentPeriod: 5, voteLockingPeriod: 5,
        cooloffPeriod: 10, minimumDeposit: 10 * Balances.dollars, motionDuration: 10, spendPeriod: 10, burnPermill: 0,
        preimageBaseDeposit: Balances.dollars, preimageByteDeposit: Balances.dollars / 100)

    /// The profile of the chain being executed (set by the node per chain spec; dev by default).
    @TaskLocal public static var current: GovernanceConfig = dev

    /// The profile the runtime uses now.
    public static var active: GovernanceConfig { current }

    /// A profile by name: `dev` or `local`.
    public static func named(_ name: String) -> GovernanceConfig? {
        switch name {
        case "dev": dev
        case "local": local
        default: nil
        }
    }
}
