import Foundation
import RF2
import ReleaseDiff

/// What moving a refset from its bound release to a new one does to it: the impact report's findings,
/// the members that need a decision with the replacements the new release suggests, and for an intensional
/// refset the concepts its definition gains and loses.
public struct RefsetMigrationPlan: Sendable, Codable {
    /// A member whose concept is inactive or missing in the new release.
    public struct Item: Sendable, Codable, Equatable {
        @IDString public var conceptId: Int64
        public var term: String
        public var issue: MemberFinding.Issue
        public var reason: String?
        /// Active targets of the concept's historical associations in the new release.
        public var candidates: [Candidate]
        /// What the plan proposes when the user does not decide: the single active SAME AS / REPLACED BY
        /// target when there is exactly one, else keep (the user must look).
        public var suggestion: MigrationDecision
    }

    public struct Candidate: Sendable, Codable, Equatable {
        public var association: String
        @IDString public var conceptId: Int64
        public var term: String
    }

    public var refset: LocalRefset
    public var from: String
    public var to: String
    public var impact: RefsetImpact
    public var definition: DefinitionImpact?
    /// Members needing a decision (inactivated or missing concepts), by concept id.
    public var items: [Item]
}

/// A user's decision for one affected member.
public enum MigrationDecision: Sendable, Codable, Equatable {
    /// Keep the member as it is (an inactive concept stays a member).
    case keep
    /// Drop the member.
    case remove
    /// Drop the member and add these concepts instead.
    case replace([Int64])

    /// Parses `keep`, `remove` or `replace:ID[+ID...]`.
    public init(parsing text: String) throws {
        switch text {
        case "keep": self = .keep
        case "remove": self = .remove
        default:
            let ids = text.hasPrefix("replace:") ? text.dropFirst("replace:".count).split(separator: "+").compactMap { Int64($0) } : []
            guard !ids.isEmpty else { throw WorkspaceError(.invalid, "migration decision '\(text)': use keep, remove or replace:ID[+ID...]") }
            self = .replace(ids)
        }
    }

    public var label: String {
        switch self {
        case .keep: "keep"
        case .remove: "remove"
        case .replace(let ids): "replace:" + ids.map(String.init).joined(separator: "+")
        }
    }

    public init(from decoder: any Decoder) throws {
        try self.init(parsing: decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(label)
    }
}
