import Foundation
import Hummingbird
import Workspace
import StewardViews

/// `/api/v1/tokens`: bearer tokens for this API (admin only). The secret is in the answer to the create
/// call and nowhere else, ever.
struct TokenRoutes: Sendable {
    let services: ServerServices

    func register(on api: RouterGroup<StewardRequestContext>) {
        api.add(.get, "tokens", .role(.admin)) { _, context in
            try WorkspaceResponse.json(ItemList(try services.workspace.tokens(by: try context.user()).map(TokenView.init)))
        }

        api.add(.post, "tokens", .role(.admin)) { request, context in
            let admin = try context.user()
            let body = try await request.decodeJSON(TokenCreateBody.self, context: context)
            let role: Role
            do {
                role = try Role(parsing: body.role)
            } catch let error as WorkspaceError {
                throw APIError.badRequest("field 'role': \(error.message)")
            }
            let (token, secret) = try services.workspace.createToken(for: body.user, role: role, label: body.label ?? "", by: admin)
            return try JSONResponse.make(CreatedTokenView(token: TokenView(token), secret: secret), status: .created, headers: [.cacheControl: "no-store"])
        }

        api.add(.delete, "tokens/{id}", .role(.admin)) { _, context in
            let admin = try context.user()
            let id = try WorkspacePath.number(context, "id", what: "token id")
            return try WorkspaceResponse.json(TokenView(try services.workspace.revokeToken(id, by: admin)))
        }
    }
}

/// `POST /api/v1/tokens`.
struct TokenCreateBody: Decodable, Sendable {
    /// The user the token stands for (recorded in the audit log).
    var user: String
    /// viewer, author, reviewer or admin.
    var role: String
    /// What the token is for.
    var label: String?
}

/// A new token with its secret: shown this once.
struct CreatedTokenView: Encodable, Sendable {
    var token: TokenView
    var secret: String
}
