/// How a term matched the query, best first: the primary ranking criterion after the concept's status.
public enum MatchKind: Int, Sendable, Comparable, Codable, CaseIterable {
    /// The folded term equals the folded query, word for word.
    case exact
    /// The term starts with the query (the last query word may be a prefix).
    case prefix
    /// Every query word starts a word of the term, in any order.
    case allWords
    /// At least one query word of 4+ letters matched the tail of a compound word (`infarkt` → `hjerteinfarkt`).
    case compound
    /// At least one query word matched a word within edit distance 1 (4+ letters) or 2 (8+ letters).
    case fuzzy

    public static func < (lhs: MatchKind, rhs: MatchKind) -> Bool { lhs.rawValue < rhs.rawValue }
}
