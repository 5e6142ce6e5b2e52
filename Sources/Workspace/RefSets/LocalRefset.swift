import Foundation
import RF2

/// A simple-type reference set the organisation maintains: its metadata and editable draft. Published
/// versions are ``RefsetVersion``s.
public struct LocalRefset: Sendable, Codable, Equatable {
    /// The refset concept id, allocated in the organisation's namespace.
    @IDString public var id: Int64
    public var name: String
    public var description: String
    public var owner: String
    @IDString public var moduleId: Int64
    /// BCP-47 primary language of the refset concept's own terms (`nb`, `nn`, `en` ...).
    public var language: String
    public var kind: RefsetKind
    /// The definition of an intensional refset.
    public var ecl: String?
    /// The release the draft is validated and expanded against.
    public var release: String
    @IDString public var fsnDescriptionId: Int64
    @IDString public var synonymDescriptionId: Int64
    /// The inferred IS-A |Simple type reference set| relationship of the refset concept.
    @IDString public var relationshipId: Int64
    /// Incremented by every change; an update names the version it is based on.
    public var version: Int
    /// `version` when the last version was published; nil before the first publication.
    public var publishedRevision: Int?
    public var createdAt: Date
    public var createdBy: String
    public var updatedAt: Date
    public var updatedBy: String

    /// Whether the draft differs from the latest published version.
    public var hasUnpublishedChanges: Bool { publishedRevision != version }

    /// The refset concept's fully specified name.
    public var fullySpecifiedName: String { "\(name) (foundation metadata concept)" }
}

/// How membership is stated.
public enum RefsetKind: String, Sendable, Codable, CaseIterable {
    /// An explicit member list.
    case extensional
    /// An ECL definition, plus concepts always included and concepts always excluded.
    case intensional
}

/// What a draft entry means.
public enum RefsetEntryRole: String, Sendable, Codable, CaseIterable {
    /// A member of an extensional refset.
    case member
    /// Included in an intensional refset whatever its definition says.
    case include
    /// Excluded from an intensional refset whatever its definition says.
    case exclude
}

/// One entry of a refset draft, with who added it, when and why.
public struct RefsetEntry: Sendable, Codable, Equatable {
    @IDString public var conceptId: Int64
    public var role: RefsetEntryRole
    public var addedAt: Date
    public var addedBy: String
    public var reason: String
}

/// A published, immutable version of a refset.
public struct RefsetVersion: Sendable, Codable, Equatable {
    @IDString public var refsetId: Int64
    /// 1, 2, 3 ... in publication order.
    public var number: Int
    /// RF2 effective time (YYYYMMDD) of the version's rows.
    public var effectiveTime: Int
    /// The release the members were validated and expanded against.
    public var release: String
    public var ecl: String?
    public var memberCount: Int
    public var publishedAt: Date
    public var publishedBy: String
    public var note: String
}
