/// What a release file holds, decided from its name (never from its path).
public enum RF2FileKind: Hashable, Sendable {
    case concept
    case description
    case textDefinition
    case relationship
    case statedRelationship
    case concreteValues
    case identifier
    /// A reference set file; `pattern` is its additional-column pattern over `c`, `i`, `s` (empty for simple).
    /// OWL expression files (`sct2_sRefset_OWLExpression…`) are refsets with pattern `s`.
    case refset(pattern: String)

    /// True for refset member files (UUID ids).
    public var isRefset: Bool {
        if case .refset = self { return true }
        return false
    }

    /// Concepts first, then descriptions, relationships and refsets: the order in which files can be read
    /// so that every reference points at something already read.
    public var readingOrder: Int {
        switch self {
        case .concept: 0
        case .description: 1
        case .textDefinition: 2
        case .relationship: 3
        case .statedRelationship: 4
        case .concreteValues: 5
        case .identifier: 6
        case .refset: 7
        }
    }
}
