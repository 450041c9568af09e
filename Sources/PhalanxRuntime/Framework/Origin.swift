import PhalanxPrimitives

/// Who is making a call (FRAME's `RuntimeOrigin`). Collective and role origins (council,
/// technical committee, …) are added by their pallets as `.collective` values, so new kinds need
/// no change here.
public enum Origin: Hashable, Sendable {
    /// An inherent or unsigned call: nobody.
    case none
    /// A signed transaction from an account.
    case signed(AccountId32)
    /// The superuser (sudo, governance enactment).
    case root
    /// A collective body's decision: the body's name, votes in favour and members.
    case collective(body: String, ayes: UInt32, members: UInt32)

    /// The signer of a signed origin, else `DispatchError.badOrigin` (FRAME's `ensure_signed`).
    public func ensureSigned() throws -> AccountId32 {
        guard case .signed(let who) = self else { throw DispatchError.badOrigin }
        return who
    }

    /// Succeeds only for the root origin (FRAME's `ensure_root`).
    public func ensureRoot() throws {
        guard case .root = self else { throw DispatchError.badOrigin }
    }

    /// Succeeds only for the none origin (FRAME's `ensure_none`), used by inherents.
    public func ensureNone() throws {
        guard case .none = self else { throw DispatchError.badOrigin }
    }
}
