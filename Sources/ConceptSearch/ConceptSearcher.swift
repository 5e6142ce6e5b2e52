import Foundation
import GRDB
import GRDBSQLite
import RF2
import TerminologyStore

/// Free-text concept search over one release store's search index (built at import by `SearchIndexBuilder`).
///
/// Matching runs in phases, each reading FTS5 matches in static rank order (`ORDER BY rowid`) and stopping
/// after a bounded number of rows: term equals or starts with the query (first-word index, verified) → all
/// words start
/// words of the term → compounds → typos. The later phases run only while the page is not yet full of
/// active concepts, so a typical query touches a few hundred rows whatever the release size. The dynamic
/// part of the ranking (dialect preference, match kind) is applied to those candidates only.
public final class ConceptSearcher: Sendable {
    public let store: ReleaseStore
    private let languageBits: [Int64: Int64]
    private let tagIds: [String: Int64]
    private let vocabulary: VocabularyCache

    /// Rows accepted per phase at least (the pool for dialect re-ranking); more for deep pages.
    static let minimumRowBudget = 100

    public init(store: ReleaseStore) throws {
        self.store = store
        (languageBits, tagIds) = try store.read { db in
            let index = SearchIndex(db, release: store.info.name)
            guard try index.isPresent else {
                throw StoreError(.incompatibleStore, "\(store.info.name) has no search index: re-import the release")
            }
            return (try index.languageBits(), try index.tagIds())
        }
        vocabulary = VocabularyCache()
    }

    /// Loads the word list used by compound and typo matching now rather than on the first query that needs it.
    public func prepare() throws {
        _ = try store.read { db in try vocabulary.get(SearchIndex(db, release: store.info.name)) }
    }

    /// Longest search text accepted, and most words: each word becomes index lookups and FTS5 expressions,
    /// so the size of the text bounds the work of a query. A clinical phrase needs far less.
    public static let maximumTextLength = 500
    public static let maximumWords = 24

    public func search(_ request: SearchRequest) throws -> SearchPage {
        if request.text.count > Self.maximumTextLength {
            throw StoreError(.invalidOptions, "search text is \(request.text.count) characters long; at most \(Self.maximumTextLength) are accepted")
        }
        var query = SearchQuery(request.text)
        if query.words.count > Self.maximumWords {
            throw StoreError(.invalidOptions, "search text has \(query.words.count) words; at most \(Self.maximumWords) are accepted")
        }
        let limit = max(0, request.limit), offset = max(0, request.offset)
        guard !query.isEmpty, limit > 0 || offset > 0 else {
            return SearchPage(hits: [], offset: offset, limit: limit, total: 0, totalIsExact: query.isEmpty)
        }
        let needed = offset + limit
        let budget = max(Self.minimumRowBudget, needed * 5)
        let filter = try RowFilter(request: request, languageBits: languageBits, tagIds: tagIds)
        let words = query.words.map(\.[0])
        let needsWords = words.contains { $0.count >= 4 }

        return try store.read { db in
            let index = SearchIndex(db, release: store.info.name)
            func vocabulary() throws -> Vocabulary? { needsWords ? try self.vocabulary.get(index) : nil }
            var collector = CandidateCollector(filter: filter, query: query, budget: budget)
            try query.expand(index)
            // A word that starts no word of the release: only compounds and typos can match.
            let unknown = query.completions.map { $0?.isEmpty == true }
            if !unknown.contains(true) {
                if let head = query.headExpression { try collector.headPhase(index, db, expression: head) }
            }
            // A later phase skipped because the page is full means more concepts may match than were counted.
            var skipped = false
            if collector.activeConcepts < needed {
                if let expression = query.allWordsExpression() { try collector.phase(index, db, expression: expression, kind: nil) }
            } else {
                skipped = true
            }
            if collector.activeConcepts >= needed, needsWords { skipped = true }
            if collector.activeConcepts < needed, needsWords {
                let compounds = try words.map { try Self.compounds(endingWith: $0, index) }
                if compounds.contains(where: { !$0.isEmpty }), let expression = query.allWordsExpression(extra: compounds) {
                    try collector.phase(index, db, expression: expression, kind: .compound)
                }
            }
            // Typos only for words that start no word of the release: a known word is not a typo.
            if request.allowTypos, collector.activeConcepts < needed, unknown.contains(true), let vocabulary = try vocabulary() {
                let similar = words.indices.map { unknown[$0] && words[$0].count >= 4 ? vocabulary.similar(to: words[$0]) : [] }
                if similar.contains(where: { !$0.isEmpty }), let expression = query.allWordsExpression(extra: similar) {
                    try collector.phase(index, db, expression: expression, kind: .fuzzy)
                }
            }
            let ranked = collector.best.values.sorted { $0.ranksBefore($1) }
            let page = ranked.dropFirst(offset).prefix(limit)
            let hits = try page.map { try hit(for: $0, preference: request.preference, db) }
            let exact = !collector.truncated && !skipped
            let total = exact ? ranked.count : try collector.estimateTotal(index, words: words)
            return SearchPage(hits: hits, offset: offset, limit: limit, total: max(total, ranked.count), totalIsExact: exact)
        }
    }

    /// Words of the release that end with `tail` (4+ letters) without starting with it, most frequent first:
    /// the compounds it completes (`sykdom` → `hjertesykdom`). Reads the first 500 from the reversed-word index
    /// alone (rowid and reversed word: no table lookups) and keeps the most frequent.
    static func compounds(endingWith tail: String, _ index: SearchIndex) throws -> [String] {
        guard tail.unicodeScalars.count >= 4 else { return [] }
        let reversed = String(String.UnicodeScalarView(tail.unicodeScalars.reversed()))
        let found = try index.reversedWords(from: reversed, below: reversed + "\u{10FFFF}", limit: 500)
        return Array(
            found.sorted { $0.rank < $1.rank }.prefix(Vocabulary.maxAlternatives * 2)
                .map { String(String.UnicodeScalarView($0.reversed.unicodeScalars.reversed())) }
                .filter { !$0.hasPrefix(tail) }.prefix(Vocabulary.maxAlternatives))
    }

    /// The hit for one ranked candidate: its term, and the preferred term and FSN in the requested dialect. The
    /// statements are stepped directly (``RawRow``: 20 hits per page, where GRDB's row decoding cost more than
    /// the reads).
    private func hit(for candidate: Candidate, preference: LanguagePreference, _ db: Database) throws -> SearchHit {
        var term = ""
        try RawRow.forEach(db.cachedStatement(sql: "SELECT term FROM description WHERE id = ?"), id: candidate.descriptionId) { term = $0.text(0) }
        // The term of each type from the first refset of the preference order (then US, then GB English), else
        // from the lowest refset id (the table's order).
        let order = preference.refsetIds + [WellKnown.usEnglish, WellKnown.gbEnglish]
        var synonym: (rank: Int, term: String)?
        var fsn: (rank: Int, term: String)?
        try RawRow.forEach(db.cachedStatement(sql: "SELECT refset_id, type_id, term FROM concept_term WHERE concept_id = ?"), id: candidate.conceptId) { row in
            let refset = row.int64(0), type = row.int64(1)
            let rank = order.firstIndex(of: refset) ?? order.count
            if type == WellKnown.fullySpecifiedName {
                if rank < fsn?.rank ?? Int.max { fsn = (rank, row.text(2)) }
            } else if type == WellKnown.synonym {
                if rank < synonym?.rank ?? Int.max { synonym = (rank, row.text(2)) }
            }
        }
        var fullySpecifiedName = fsn?.term
        if fullySpecifiedName == nil {
            try RawRow.forEach(
                db.cachedStatement(sql: "SELECT term FROM description WHERE concept_id = ? AND type_id = ? ORDER BY active DESC, id LIMIT 1"),
                arguments: [candidate.conceptId, WellKnown.fullySpecifiedName]
            ) { fullySpecifiedName = $0.text(0) }
        }
        let kindScore = Double(MatchKind.allCases.count - candidate.match.rawValue)
        let score = (candidate.conceptActive ? 10 : 0) + kindScore + 1 / Double(2 + candidate.dialectClass) + 0.01 / Double(1 + candidate.length)
        return SearchHit(
            conceptId: candidate.conceptId, term: term, descriptionId: candidate.descriptionId, match: candidate.match,
            preferredTerm: synonym?.term ?? fullySpecifiedName, fullySpecifiedName: fullySpecifiedName,
            semanticTag: fullySpecifiedName.flatMap(TermFolding.semanticTag(ofFSN:)), active: candidate.conceptActive,
            score: (score * 1000).rounded() / 1000)
    }
}

/// The lazily loaded vocabulary, shared by all searches on one store.
final class VocabularyCache: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Vocabulary?

    func get(_ index: SearchIndex) throws -> Vocabulary {
        lock.lock()
        defer { lock.unlock() }
        if let value { return value }
        let loaded = try Vocabulary(index)
        value = loaded
        return loaded
    }
}
