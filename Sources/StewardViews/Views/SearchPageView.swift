import ConceptSearch

/// JSON form of a search page; ids are strings.
public struct SearchPageView: Encodable {
    public struct HitView: Encodable {
        public var conceptId: String
        public var term: String
        public var descriptionId: String
        public var match: String
        public var preferredTerm: String?
        public var fsn: String?
        public var semanticTag: String?
        public var active: Bool
        public var score: Double
    }
    public var total: Int
    public var totalIsExact: Bool
    public var offset: Int
    public var limit: Int
    public var hits: [HitView]

    public init(_ page: SearchPage) {
        total = page.total
        totalIsExact = page.totalIsExact
        offset = page.offset
        limit = page.limit
        hits = page.hits.map {
            HitView(
                conceptId: String($0.conceptId), term: $0.term, descriptionId: String($0.descriptionId), match: SearchPageView.label($0.match),
                preferredTerm: $0.preferredTerm, fsn: $0.fullySpecifiedName, semanticTag: $0.semanticTag, active: $0.active, score: $0.score)
        }
    }

    /// How a hit matched, as shown to people and in JSON.
    public static func label(_ kind: MatchKind) -> String {
        switch kind {
        case .exact: "exact"
        case .prefix: "prefix"
        case .allWords: "words"
        case .compound: "compound"
        case .fuzzy: "typo"
        }
    }
}
