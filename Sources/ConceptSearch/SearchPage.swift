/// One page of search results and how many concepts matched in all.
public struct SearchPage: Sendable, Hashable, Codable {
    public var hits: [SearchHit]
    public var offset: Int
    public var limit: Int
    /// Concepts that match. Exact when ``totalIsExact``; otherwise an estimate from the matching descriptions
    /// (searches stop reading after a few hundred matches, which is what makes them fast).
    public var total: Int
    public var totalIsExact: Bool

    public init(hits: [SearchHit], offset: Int, limit: Int, total: Int, totalIsExact: Bool) {
        self.hits = hits
        self.offset = offset
        self.limit = limit
        self.total = total
        self.totalIsExact = totalIsExact
    }
}
