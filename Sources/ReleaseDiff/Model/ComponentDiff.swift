/// Every change of one component type, with totals on both sides.
public struct ComponentDiff: Codable, Sendable {
    public var component: ComponentType
    /// Rows and active rows in FROM and TO.
    public var fromTotal: Int
    public var fromActive: Int
    public var toTotal: Int
    public var toActive: Int
    public var counts: ChangeCounts
    /// Changes ordered by kind, then id.
    public var changes: [ComponentChange]

    public init(component: ComponentType, fromTotal: Int, fromActive: Int, toTotal: Int, toActive: Int, changes: [ComponentChange]) {
        self.component = component
        self.fromTotal = fromTotal
        self.fromActive = fromActive
        self.toTotal = toTotal
        self.toActive = toActive
        self.changes = changes.sorted { ($0.kind, $0.id) < ($1.kind, $1.id) }
        var counts = ChangeCounts()
        for change in changes { counts.add(change.kind) }
        self.counts = counts
    }
}

/// Member changes of one refset.
public struct RefsetDiff: Codable, Sendable {
    public var refset: NamedConcept
    /// The refset's additional field names (`acceptabilityId`, `targetComponentId`, `mapTarget` ...).
    public var fields: [String]
    public var fromActive: Int
    public var toActive: Int
    public var counts: ChangeCounts

    public init(refset: NamedConcept, fields: [String], fromActive: Int, toActive: Int, counts: ChangeCounts) {
        self.refset = refset
        self.fields = fields
        self.fromActive = fromActive
        self.toActive = toActive
        self.counts = counts
    }
}
