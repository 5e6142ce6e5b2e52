import Foundation
import Hummingbird
import HummingbirdAuth
import Workspace

/// Resolves `Authorization: Bearer <token>` to a workspace user and applies the server's limits to the
/// request context. A token that is present but unknown or revoked is refused here (401) even on routes
/// anonymous callers may use, so a client never silently runs with less access than it thinks.
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = StewardRequestContext
    let workspace: Workspace
    let anonymousRead: Bool
    let bodyLimit: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        context.bodyLimit = bodyLimit
        context.anonymousReadAllowed = anonymousRead
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > bodyLimit {
            throw APIError(.contentTooLarge, "request body of \(length) bytes is larger than the \(bodyLimit) bytes this server accepts")
        }
        if request.headers[.authorization] != nil {
            guard let bearer = request.headers.bearer, !bearer.token.isEmpty else {
                throw APIError(.unauthorized, "unsupported Authorization scheme: send 'Authorization: Bearer <token>'")
            }
            let user = try workspace.authenticate(secret: bearer.token.trimmingCharacters(in: .whitespaces))
            context.identity = user
            context.notes.user = "\(user.name) (\(user.role.rawValue))"
        }
        return try await next(request, context)
    }
}
