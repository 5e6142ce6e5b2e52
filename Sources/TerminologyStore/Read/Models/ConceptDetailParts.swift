/// Which parts of a concept detail to read. The concept, its preferred term and its fully specified name
/// always come; callers that show less (FHIR `$lookup` with a few `property` values) skip the rest.
public struct ConceptDetailParts: OptionSet, Sendable, Hashable {
    public let rawValue: Int

    public init(rawValue: Int) {
        self.rawValue = rawValue
    }

    /// Every description with its acceptability.
    public static let descriptions = ConceptDetailParts(rawValue: 1 << 0)
    public static let parents = ConceptDetailParts(rawValue: 1 << 1)
    public static let children = ConceptDetailParts(rawValue: 1 << 2)
    /// Inferred attributes by role group, with concrete values.
    public static let attributes = ConceptDetailParts(rawValue: 1 << 3)
    /// Active memberships of refsets other than language refsets.
    public static let memberships = ConceptDetailParts(rawValue: 1 << 4)
    /// Inactivation reason and historical associations.
    public static let history = ConceptDetailParts(rawValue: 1 << 5)

    public static let all: ConceptDetailParts = [.descriptions, .parents, .children, .attributes, .memberships, .history]
}
