/// The component types a diff compares, in report order.
public enum ComponentType: String, Codable, Sendable, CaseIterable {
    case concepts
    case descriptions
    case textDefinitions
    case inferredRelationships
    case statedRelationships
    case concreteValues
    case owlAxioms
    case refsetMembers

    public var label: String {
        switch self {
        case .concepts: "Concepts"
        case .descriptions: "Descriptions"
        case .textDefinitions: "Text definitions"
        case .inferredRelationships: "Inferred relationships"
        case .statedRelationships: "Stated relationships"
        case .concreteValues: "Concrete values"
        case .owlAxioms: "OWL axioms"
        case .refsetMembers: "Refset members"
        }
    }

    /// Members are identified by UUID, everything else by SCTID.
    public var isRefsetMember: Bool { self == .owlAxioms || self == .refsetMembers }
}
