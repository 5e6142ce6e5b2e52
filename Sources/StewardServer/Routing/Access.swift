import Hummingbird
import TerminologyStore
import Workspace

/// Who may call a route. Every route is registered with one, so a route cannot forget its check.
public enum Access: Sendable, Equatable {
    /// Anyone, always: health, readiness, metrics, the OpenAPI document and the FHIR CapabilityStatement.
    case open
    /// Readers: any token, or anonymous callers when the server allows anonymous reads.
    case read
    /// A token whose role is at least this one.
    case role(Role)
}

extension StewardRequestContext {
    /// Throws 401 or 403 unless the caller may use a route with `access`.
    func authorize(_ access: Access, action: @autoclosure () -> String) throws {
        switch access {
        case .open:
            return
        case .read:
            if identity != nil || anonymousReadAllowed { return }
            throw APIError(.unauthorized, "this server requires a bearer token for reads: send 'Authorization: Bearer <token>'")
        case .role(let role):
            guard let identity else {
                throw APIError(.unauthorized, "\(action()) requires a bearer token with the \(role.rawValue) role: send 'Authorization: Bearer <token>'")
            }
            guard identity.role >= role else {
                throw APIError(.forbidden, "\(identity.name) has the \(identity.role.rawValue) role; \(action()) requires \(role.rawValue)")
            }
        }
    }

    /// The authenticated user, for routes registered with a role.
    func user() throws -> WorkspaceUser {
        guard let identity else { throw APIError(.unauthorized, "authentication required: send 'Authorization: Bearer <token>'") }
        return identity
    }
}

extension RouterMethods where Context == StewardRequestContext {
    /// Registers `handler` for `method path`, checking `access` before it runs. Handlers read release stores
    /// and the workspace with blocking calls, so every handler runs on the store-access executor
    /// (`StoreAccess.run`), never on the threads that accept and answer requests.
    @discardableResult
    func add<Output: ResponseGenerator>(
        _ method: HTTPRequest.Method, _ path: RouterPath, _ access: Access,
        _ handler: @escaping @Sendable (Request, StewardRequestContext) async throws -> Output
    ) -> Self {
        let action = "\(method.rawValue) \(path)"
        return on(path, method: method) { request, context in
            try context.authorize(access, action: action)
            return try await StoreAccess.run { try await handler(request, context) }
        }
    }
}
