import RF2

/// A concept id with its display term, so every report row can be read without a lookup.
public struct NamedConcept: Codable, Sendable, Hashable, Comparable {
    @IDString public var id: Int64
    public var term: String

    public init(id: Int64, term: String) {
        self.id = id
        self.term = term
    }

    public static func < (lhs: NamedConcept, rhs: NamedConcept) -> Bool { lhs.id < rhs.id }
}
