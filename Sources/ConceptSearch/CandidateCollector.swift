import GRDB
import TerminologyStore

/// Reads matching rows phase by phase, applies the filters and keeps the best candidate per concept.
struct CandidateCollector {
    let filter: RowFilter
    let query: SearchQuery
    /// Accepted rows per phase before the phase stops.
    let budget: Int
    private(set) var best: [Int64: Candidate] = [:]
    private(set) var activeConcepts = 0
    /// Whether some phase stopped at its budget, i.e. more concepts match than were collected.
    private(set) var truncated = false
    private var seen = Set<Int64>()
    private var membership: [Int64: Bool] = [:]

    init(filter: RowFilter, query: SearchQuery, budget: Int) {
        self.filter = filter
        self.query = query
        self.budget = budget
    }

    /// FTS5 matches in static rank order. `kind` nil = classify each row (exact / prefix / all words).
    mutating func phase(_ index: SearchIndex, _ db: Database, expression: String, kind: MatchKind?) throws {
        try read(index, db, expression, words: .all, kind: kind)
    }

    /// Terms whose first word matches the first query word, kept when they start with the whole query. Gives
    /// up after reading a few budgets' worth of rows (the all-words phase finds the rest in rank order).
    mutating func headPhase(_ index: SearchIndex, _ db: Database, expression: String) throws {
        try read(index, db, expression, words: .first, kind: nil, startsOnly: true)
    }

    private mutating func read(
        _ index: SearchIndex, _ db: Database, _ expression: String, words: SearchIndex.Words, kind: MatchKind?, startsOnly: Bool = false
    ) throws {
        var accepted = 0
        var scanned = 0
        try index.forEachTerm(matching: expression, in: words) { term in
            if startsOnly {
                scanned += 1
                if scanned > budget * 4 { return false }
            }
            let flags = term.flags
            if filter.stopAtInactive, flags & (SearchIndexBuilder.Flag.conceptInactive | SearchIndexBuilder.Flag.descriptionInactive) != 0 { return false }
            let rowid = term.rowid, conceptId = term.conceptId
            guard filter.accepts(flags: flags, tag: term.tagId, conceptId: conceptId), !seen.contains(rowid) else { return true }
            // The folded term's bytes, classified in place: no String per row.
            let (match, length) = term.withFolded { (kind ?? query.classify($0), $0.count) }
            if startsOnly, match == .allWords { return true }
            if !filter.refsetIds.isEmpty, try !isMember(conceptId, db) { return true }
            seen.insert(rowid)
            let candidate = Candidate(
                rowid: rowid, descriptionId: term.descriptionId, conceptId: conceptId, flags: flags, match: match,
                dialectClass: filter.dialectClass(flags: flags, preferred: term.preferredMask, acceptable: term.acceptableMask), length: length)
            if let current = best[conceptId] {
                if candidate.ranksBefore(current) { best[conceptId] = candidate }
            } else {
                best[conceptId] = candidate
                if candidate.conceptActive { activeConcepts += 1 }
            }
            accepted += 1
            if accepted >= budget {
                truncated = true
                return false
            }
            return true
        }
    }

    private mutating func isMember(_ conceptId: Int64, _ db: Database) throws -> Bool {
        if let known = membership[conceptId] { return known }
        let statement = try db.cachedStatement(
            sql: """
                SELECT 1 FROM refset_member WHERE referenced_component_id = ? AND active = 1
                AND refset_id IN (\(filter.refsetIds.map(String.init).joined(separator: ","))) LIMIT 1
                """)
        let member = try Int.fetchOne(statement, arguments: [conceptId]) != nil
        membership[conceptId] = member
        return member
    }

    /// An estimate of the matching concepts when a phase stopped early: the terms containing the rarest query
    /// word (from the vocabulary's counts, summed over at most 200 completions) scaled by the
    /// concepts-per-term ratio seen so far. One index range read per word instead of counting matches.
    func estimateTotal(_ index: SearchIndex, words: [String]) throws -> Int {
        var rows = Int.max
        for word in words where word.count >= 2 {
            rows = min(rows, try index.termCount(wordsStartingWith: word))
        }
        guard rows != Int.max else { return best.count }
        let ratio = Double(best.count) / Double(max(seen.count, 1))
        return Int((Double(rows) * ratio).rounded())
    }
}
