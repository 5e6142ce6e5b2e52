/// Counts per top-level hierarchy and per module, in the shape of SNOMED International's release summary
/// statistics: one row per (hierarchy or module, component group).
public struct DiffRollup: Codable, Sendable {
    /// Component groups of the roll-up.
    public enum Group: String, Codable, Sendable, CaseIterable {
        case concepts, descriptions, relationships, axioms, languageMembers, associations, otherMembers

        public var label: String {
            switch self {
            case .concepts: "Concepts"
            case .descriptions: "Descriptions"
            case .relationships: "Relationships"
            case .axioms: "Axioms"
            case .languageMembers: "Language members"
            case .associations: "Historical associations"
            case .otherMembers: "Other refset members"
            }
        }
    }

    public struct Row: Codable, Sendable, Hashable {
        /// The hierarchy or module; id 0 when the component's concept could not be placed.
        public var key: NamedConcept
        public var group: Group
        public var counts: ChangeCounts
    }

    public var byHierarchy: [Row] = []
    public var byModule: [Row] = []

    public init() {}
}
