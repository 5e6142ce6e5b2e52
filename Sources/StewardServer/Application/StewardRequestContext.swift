import Hummingbird
import HummingbirdAuth
import Logging
import Workspace

/// Per-request state: the authenticated user (if any) and the limits of this server.
public struct StewardRequestContext: AuthRequestContext, RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var identity: WorkspaceUser?
    var bodyLimit: Int
    /// Whether reads without a token are allowed (set from the configuration by the authentication middleware).
    var anonymousReadAllowed: Bool
    /// Shared with the middleware outside authentication (the request log).
    let notes = RequestNotes()

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        identity = nil
        bodyLimit = 4 * 1024 * 1024
        anonymousReadAllowed = false
    }

    public var maxUploadSize: Int { bodyLimit }
}
