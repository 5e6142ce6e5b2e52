import RF2

/// One field whose value differs between the two releases, as RF2 text.
public struct FieldChange: Codable, Sendable, Hashable {
    /// The RF2 column name (`definitionStatusId`, `acceptabilityId`, `term` ...).
    public var name: String
    public var old: String
    public var new: String

    public init(name: String, old: String, new: String) {
        self.name = name
        self.old = old
        self.new = new
    }
}

/// A component or refset member that differs between FROM and TO.
public struct ComponentChange: Codable, Sendable, Hashable {
    /// SCTID, or the member UUID for refset members.
    public var id: String
    public var kind: ChangeKind
    /// The concept the component belongs to (itself, a description's concept, a relationship's source, a
    /// member's referenced concept or its description's concept); used for roll-ups and links.
    @OptionalIDString public var conceptId: Int64?
    /// The refset of a member; absent for other components.
    @OptionalIDString public var refsetId: Int64?
    /// Active state in TO (in FROM for removed components).
    public var active: Bool
    /// Module in TO (in FROM for removed components).
    @IDString public var moduleId: Int64
    /// Effective time in TO (in FROM for removed components).
    public var effectiveTime: Int
    /// Fields whose values differ; empty for new and removed components. `effectiveTime` is listed only when
    /// nothing else changed (a re-stamped row).
    public var fields: [FieldChange]
    /// A human-readable label: the term, the relationship as `type → destination`, the member's component.
    public var label: String
    /// The row's values in TO (FROM for removed rows) in RF2 column order from `effectiveTime` on; kept for
    /// the derived views, not encoded.
    var values: [StoredValue] = []

    enum CodingKeys: String, CodingKey {
        case id, kind, conceptId, refsetId, active, moduleId, effectiveTime, fields, label
    }

    public init(
        id: String, kind: ChangeKind, conceptId: Int64?, refsetId: Int64? = nil, active: Bool, moduleId: Int64, effectiveTime: Int,
        fields: [FieldChange] = [], label: String = ""
    ) {
        self.id = id
        self.kind = kind
        self.conceptId = conceptId
        self.refsetId = refsetId
        self.active = active
        self.moduleId = moduleId
        self.effectiveTime = effectiveTime
        self.fields = fields
        self.label = label
    }

    /// The change of one field, if it changed.
    public func field(_ name: String) -> FieldChange? { fields.first { $0.name == name } }
}
