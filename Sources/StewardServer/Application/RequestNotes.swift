import Synchronization

/// What inner middleware learns about a request that outer middleware reports: the request log runs
/// outside authentication (so refused requests are logged too) but should still say who asked.
/// The context is a value copied inward, so this is shared by reference.
final class RequestNotes: Sendable {
    private let authenticatedUser = Mutex<String?>(nil)

    /// `name (role)` of the token's user, or nil for anonymous requests and refused tokens.
    var user: String? {
        get { authenticatedUser.withLock { $0 } }
        set { authenticatedUser.withLock { $0 = newValue } }
    }
}
