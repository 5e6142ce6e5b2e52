/// What a user may do. Roles are ordered: each has the rights of the ones before it.
public enum Role: String, Sendable, Codable, CaseIterable, Comparable {
    /// Reads everything, changes nothing.
    case viewer
    /// Edits draft refsets and writes change requests.
    case author
    /// Publishes refsets and moves change requests through review.
    case reviewer
    /// Everything, including tokens, backups and restores.
    case admin

    private var rank: Int {
        switch self {
        case .viewer: 0
        case .author: 1
        case .reviewer: 2
        case .admin: 3
        }
    }

    public static func < (lhs: Role, rhs: Role) -> Bool { lhs.rank < rhs.rank }

    public init(parsing text: String) throws {
        guard let role = Role(rawValue: text.lowercased()) else {
            throw WorkspaceError(.invalid, "unknown role '\(text)': expected one of \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self = role
    }
}
