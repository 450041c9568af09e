import CSodium
import Synchronization

/// One-time libsodium initialisation; every wrapper calls `ensureInitialized()` first.
enum Sodium {
    private static let initialized: Bool = sodium_init() >= 0

    /// Initialises libsodium once per process (thread-safe: Swift statics are lazily initialised once).
    static func ensureInitialized() {
        precondition(initialized, "libsodium failed to initialise")
    }
}
