import Workspace

/// A refset with its published versions, draft entries and draft members with terms
/// (`steward refset show --format json` and `GET /api/v1/refsets/{id}/detail`).
public struct RefsetDetailView: Encodable, Sendable {
    public var refset: LocalRefset
    public var versions: [RefsetVersion]
    public var entries: [RefsetEntry]
    public var members: [RefsetTable.Row]

    public init(refset: LocalRefset, versions: [RefsetVersion], entries: [RefsetEntry], members: [RefsetTable.Row]) {
        self.refset = refset
        self.versions = versions
        self.entries = entries
        self.members = members
    }
}
