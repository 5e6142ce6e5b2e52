import Workspace

/// JSON form of a token (id as a string, times as ISO 8601 text); never the secret.
public struct TokenView: Encodable, Sendable {
    public var id: String
    public var user: String
    public var role: String
    public var label: String
    public var prefix: String
    public var createdAt: String
    public var createdBy: String
    public var revokedAt: String?
    public var active: Bool

    public init(_ token: APIToken) {
        id = String(token.id)
        user = token.user
        role = token.role.rawValue
        label = token.label
        prefix = token.prefix
        createdAt = Timestamp.text(token.createdAt)
        createdBy = token.createdBy
        revokedAt = token.revokedAt.map(Timestamp.text)
        active = token.isActive
    }
}
