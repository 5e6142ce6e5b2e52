/// Who performs a workspace action: the name recorded in the audit log and the role that is checked.
public struct WorkspaceUser: Sendable, Hashable, Codable {
    public var name: String
    public var role: Role

    public init(name: String, role: Role) {
        self.name = name
        self.role = role
    }

    /// Throws unless the user's role is at least `required`.
    public func require(_ required: Role, to action: String) throws {
        guard role >= required else {
            throw WorkspaceError(.forbidden, "\(name) (\(role.rawValue)) may not \(action): that needs the \(required.rawValue) role or higher")
        }
    }
}
