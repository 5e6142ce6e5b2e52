import Foundation

/// A bearer token as listed: never the secret, which is shown once at creation and stored only as a
/// SHA-256 hash.
public struct APIToken: Sendable, Codable, Equatable {
    public var id: Int64
    public var user: String
    public var role: Role
    public var label: String
    /// The first characters of the secret, so a user can tell tokens apart.
    public var prefix: String
    public var createdAt: Date
    public var createdBy: String
    public var revokedAt: Date?

    public var isActive: Bool { revokedAt == nil }
}
