/// One concept in a search result, with the term that matched best and the terms to display.
public struct SearchHit: Sendable, Hashable, Codable {
    public var conceptId: Int64
    /// The best-matching description's term, as written in the release.
    public var term: String
    public var descriptionId: Int64
    public var match: MatchKind
    /// The preferred synonym in the requested language (falling back to US English, then any).
    public var preferredTerm: String?
    public var fullySpecifiedName: String?
    public var semanticTag: String?
    public var active: Bool
    /// Higher is better; only the order within one search is meaningful.
    public var score: Double
}
