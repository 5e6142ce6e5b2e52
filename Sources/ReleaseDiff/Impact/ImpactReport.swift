import RF2

/// What moving from release FROM to release TO does to a set of refsets and ECL-defined value sets.
///
/// JSON schema `steward-impact/1` (docs/diff-schema.md): fields are only added within a version.
public struct ImpactReport: Codable, Sendable {
    public static let currentSchema = "steward-impact/1"

    public var schema = ImpactReport.currentSchema
    public var from: DiffReport.Release
    public var to: DiffReport.Release
    public var refsets: [RefsetImpact]
    public var definitions: [DefinitionImpact]

    public init(from: DiffReport.Release, to: DiffReport.Release, refsets: [RefsetImpact], definitions: [DefinitionImpact]) {
        self.from = from
        self.to = to
        self.refsets = refsets
        self.definitions = definitions
    }
}

/// The members of one refset that need attention after the upgrade.
public struct RefsetImpact: Codable, Sendable {
    public var refset: NamedConcept
    /// Active member rows of the refset in FROM that were checked.
    public var membersChecked: Int
    /// Members with no finding.
    public var unaffected: Int
    /// One row per finding (a member can have several, e.g. a module move and a term change).
    public var findings: [MemberFinding]
}

/// One thing that happened to a refset member's referenced component.
public struct MemberFinding: Codable, Sendable, Hashable {
    public enum Issue: String, Codable, Sendable, CaseIterable {
        /// Active in FROM, inactive in TO.
        case inactivated
        /// Already inactive in FROM and still a member: a stale member.
        case inactiveMember
        /// The referenced component does not exist in TO.
        case missing
        case fsnChanged
        case preferredTermChanged
        case moduleMoved
        /// The release itself inactivated or dropped the member row (release refsets).
        case membershipEnded

        public var label: String {
            switch self {
            case .inactivated: "inactivated"
            case .inactiveMember: "inactive member"
            case .missing: "missing in new release"
            case .fsnChanged: "FSN changed"
            case .preferredTermChanged: "preferred term changed"
            case .moduleMoved: "module moved"
            case .membershipEnded: "membership ended"
            }
        }
    }

    public var memberId: String
    @IDString public var referencedComponentId: Int64
    public var term: String
    public var issue: Issue
    /// Old → new term or module, for term and module findings.
    public var detail: String
    public var reason: NamedConcept?
    public var associations: [InactivatedConcept.Association]
    /// Inactivated with no active association target.
    public var noReplacement: Bool
}

/// Concepts an ECL definition gains and loses between the releases.
public struct DefinitionImpact: Codable, Sendable {
    public struct Lost: Codable, Sendable, Hashable {
        public var concept: NamedConcept
        /// Inactive in TO (else it no longer matches the definition).
        public var inactivated: Bool
        public var reason: NamedConcept?
        public var associations: [InactivatedConcept.Association]
    }

    public var name: String
    public var ecl: String
    public var fromCount: Int
    public var toCount: Int
    public var gained: [NamedConcept]
    public var lost: [Lost]
}
