import TerminologyStore

/// A free-text concept search with its filters and paging. A value, so a server can log, cache and replay it.
public struct SearchRequest: Sendable, Hashable {
    /// The text as typed; folded like the terms before matching.
    public var text: String
    /// Dialect preference: decides the displayed preferred term and ranks preferred synonyms of these
    /// refsets above acceptable ones and FSNs.
    public var preference: LanguagePreference
    public var limit: Int
    public var offset: Int
    /// Restricts results to these concepts; **sorted ascending** (e.g. an ECL result). `nil` = no restriction.
    public var conceptIds: [Int64]?
    /// Restricts results to concepts with an active membership in any of these refsets.
    public var refsetIds: [Int64]
    /// Restricts results to concepts whose FSN carries one of these semantic tags (e.g. `disorder`).
    public var semanticTags: [String]
    public var includeInactiveConcepts: Bool
    public var includeInactiveDescriptions: Bool
    public var descriptionKinds: Set<DescriptionKind>
    /// Allows typo-tolerant matching when exact matching finds fewer concepts than the page needs.
    public var allowTypos: Bool

    public init(
        text: String, preference: LanguagePreference = .default, limit: Int = 20, offset: Int = 0, conceptIds: [Int64]? = nil,
        refsetIds: [Int64] = [], semanticTags: [String] = [], includeInactiveConcepts: Bool = false,
        includeInactiveDescriptions: Bool = false, descriptionKinds: Set<DescriptionKind> = Set(DescriptionKind.allCases),
        allowTypos: Bool = true
    ) {
        self.text = text
        self.preference = preference
        self.limit = limit
        self.offset = offset
        self.conceptIds = conceptIds
        self.refsetIds = refsetIds
        self.semanticTags = semanticTags
        self.includeInactiveConcepts = includeInactiveConcepts
        self.includeInactiveDescriptions = includeInactiveDescriptions
        self.descriptionKinds = descriptionKinds
        self.allowTypos = allowTypos
    }
}
