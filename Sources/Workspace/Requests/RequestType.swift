/// The kind of change a request asks for, after SNOMED International's request service (CRS) types.
public enum RequestType: String, Sendable, Codable, CaseIterable {
    case newConcept = "new-concept"
    case newDescription = "new-description"
    case changeDescription = "change-description"
    case inactivateDescription = "inactivate-description"
    case inactivateConcept = "inactivate-concept"
    case newRelationship = "new-relationship"
    case changeRelationship = "change-relationship"
    case retireRelationship = "retire-relationship"
    case refsetChange = "refset-change"
    case other

    /// The CRS label used in exports for the national release centre.
    public var label: String {
        switch self {
        case .newConcept: "New Concept"
        case .newDescription: "New Description"
        case .changeDescription: "Change Description"
        case .inactivateDescription: "Retire Description"
        case .inactivateConcept: "Change/Retire Concept"
        case .newRelationship: "New Relationship"
        case .changeRelationship: "Change Relationship"
        case .retireRelationship: "Retire Relationship"
        case .refsetChange: "Refset Change"
        case .other: "Other"
        }
    }

    public init(parsing text: String) throws {
        guard let type = RequestType(rawValue: text.lowercased()) else {
            throw WorkspaceError(.invalid, "unknown request type '\(text)': expected one of \(RequestType.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self = type
    }
}
