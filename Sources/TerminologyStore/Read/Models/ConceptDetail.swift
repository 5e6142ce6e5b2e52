/// Everything a person looks at for one concept, with display terms already chosen for a language preference.
public struct ConceptDetail: Sendable {
    /// A concept id with its display term.
    public struct Named: Sendable, Hashable {
        public var id: Int64
        public var term: String
    }

    public struct Attribute: Sendable, Hashable {
        public var type: Named
        /// The target concept, or nil for a concrete value.
        public var target: Named?
        public var concreteValue: String?
    }

    public struct Group: Sendable, Hashable {
        public var group: Int
        public var attributes: [Attribute]
    }

    public struct Membership: Sendable, Hashable {
        public var refset: Named
        public var member: RefsetMember
    }

    public var concept: Concept
    public var fullySpecifiedName: String?
    public var preferredTerm: String?
    public var semanticTag: String?
    /// Descriptions ordered by the language preference: preferred in the first refset first.
    public var descriptions: [Description]
    public var parents: [Named]
    public var children: [Named]
    public var groups: [Group]
    public var memberships: [Membership]
    public var inactivationReason: Named?
    public var associations: [(refset: Named, target: Named)]
    /// Display terms of every id the detail mentions (modules, refsets, types …).
    public var terms: [Int64: String]
}

extension ConceptDetail.Group: Codable {}
extension ConceptDetail.Attribute: Codable {}
extension ConceptDetail.Named: Codable {}
