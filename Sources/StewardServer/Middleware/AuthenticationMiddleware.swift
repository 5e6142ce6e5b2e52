import ECL
import Foundation
import Hummingbird
import TerminologyStore
import Workspace

/// Resolves `Authorization: Bearer <token>` to a workspace user and applies the server's limits to the
/// request: body size, anonymous reads, the time limit of every ECL evaluation the request starts, and the rule
/// that stores are read off the request threads (``StoreAccess``). A token that is present but unknown or revoked is refused here (401) even on routes
/// anonymous callers may use, so a client never silently runs with less access than it thinks.
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = StewardRequestContext
    let workspace: Workspace
    let anonymousRead: Bool
    let bodyLimit: Int
    let evaluationTimeLimit: Duration

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        // From here on, stores are read only inside `StoreAccess.run` (debug builds refuse anything else).
        try await StoreAccess.$forbidsBlocking.withValue(true) { try await authenticate(request, context: context, next: next) }
    }

    private func authenticate(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        context.bodyLimit = bodyLimit
        context.anonymousReadAllowed = anonymousRead
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > bodyLimit {
            throw APIError(.contentTooLarge, "request body of \(length) bytes is larger than the \(bodyLimit) bytes this server accepts")
        }
        if let authorization = request.headers[.authorization] {
            guard let token = Self.bearerToken(authorization) else {
                throw APIError(.unauthorized, "unsupported Authorization scheme: send 'Authorization: Bearer <token>'")
            }
            let user = try await StoreAccess.run { try workspace.authenticate(secret: token) }
            context.identity = user
            context.notes.user = "\(user.name) (\(user.role.rawValue))"
        }
        return try await ECLEngine.$timeLimit.withValue(evaluationTimeLimit) { try await next(request, context) }
    }

    /// The token of `Bearer <token>`. The scheme name is case-insensitive (RFC 9110 §11.1), which
    /// HummingbirdAuth's `headers.bearer` does not allow for.
    static func bearerToken(_ authorization: String) -> String? {
        let parts = authorization.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        return token.isEmpty ? nil : token
    }
}
