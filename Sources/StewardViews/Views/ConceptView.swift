import RF2
import TerminologyStore

/// JSON form of a concept detail; ids are strings.
public struct ConceptView: Encodable, Sendable {
    public struct Named: Encodable, Sendable {
        public var id: String
        public var term: String
        public init(_ named: ConceptDetail.Named) {
            id = String(named.id)
            term = named.term
        }
        public init(id: Int64, term: String) {
            self.id = String(id)
            self.term = term
        }
    }
    public struct DescriptionView: Encodable, Sendable {
        public var id: String
        public var active: Bool
        public var effectiveTime: String
        public var moduleId: String
        public var languageCode: String
        public var typeId: String
        public var term: String
        public var caseSignificanceId: String
        public var acceptability: [String: String]

        public init(_ description: Description) {
            id = String(description.id)
            active = description.active
            effectiveTime = String(description.effectiveTime)
            moduleId = String(description.moduleId)
            languageCode = description.languageCode
            typeId = String(description.typeId)
            term = description.term
            caseSignificanceId = String(description.caseSignificanceId)
            acceptability = Dictionary(
                description.acceptability.map { (String($0.refsetId), $0.isPreferred ? "preferred" : "acceptable") },
                uniquingKeysWith: { first, _ in first })
        }
    }
    public struct AttributeView: Encodable, Sendable {
        public var type: Named
        public var target: Named?
        public var value: String?
    }
    public struct GroupView: Encodable, Sendable {
        public var group: Int
        public var attributes: [AttributeView]

        public init(_ group: ConceptDetail.Group) {
            self.group = group.group
            attributes = group.attributes.map { AttributeView(type: Named($0.type), target: $0.target.map(Named.init), value: $0.concreteValue) }
        }
    }
    public struct MembershipView: Encodable, Sendable {
        public var refset: Named
        public var memberId: String
        public var fields: [String: String]

        public init(_ membership: ConceptDetail.Membership) {
            refset = Named(membership.refset)
            memberId = membership.member.id.description
            fields = Dictionary(membership.member.fields.map { ($0.name, $0.value.description) }, uniquingKeysWith: { first, _ in first })
        }
    }
    public struct AssociationView: Encodable, Sendable {
        public var refset: Named
        public var target: Named

        public init(refset: Named, target: Named) {
            self.refset = refset
            self.target = target
        }
    }

    public var id: String
    public var active: Bool
    public var effectiveTime: String
    public var moduleId: String
    public var definitionStatus: String
    public var fsn: String?
    public var preferredTerm: String?
    public var semanticTag: String?
    public var descriptions: [DescriptionView]
    public var parents: [Named]
    public var children: [Named]
    public var groups: [GroupView]
    public var refsetMemberships: [MembershipView]
    public var inactivationReason: Named?
    public var historicalAssociations: [AssociationView]

    public init(_ detail: ConceptDetail) {
        id = String(detail.concept.id)
        active = detail.concept.active
        effectiveTime = String(detail.concept.effectiveTime)
        moduleId = String(detail.concept.moduleId)
        definitionStatus = detail.concept.isFullyDefined ? "fullyDefined" : "primitive"
        fsn = detail.fullySpecifiedName
        preferredTerm = detail.preferredTerm
        semanticTag = detail.semanticTag
        descriptions = detail.descriptions.map(DescriptionView.init)
        parents = detail.parents.map(Named.init)
        children = detail.children.map(Named.init)
        groups = detail.groups.map(GroupView.init)
        refsetMemberships = detail.memberships.map(MembershipView.init)
        inactivationReason = detail.inactivationReason.map(Named.init)
        historicalAssociations = detail.associations.map { AssociationView(refset: Named($0.refset), target: Named($0.target)) }
    }
}
