import GRDB
import GRDBSQLite
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

    static let columns = "t.rowid, t.concept_id, t.flags, t.tag_id, t.preferred_mask, t.acceptable_mask, t.folded, t.description_id"

    /// FTS5 matches in static rank order. `kind` nil = classify each row (exact / prefix / all words).
    mutating func phase(_ db: Database, expression: String, kind: MatchKind?) throws {
        let statement = try db.cachedStatement(
            sql: "SELECT \(Self.columns) FROM search_fts f CROSS JOIN search_term t ON t.rowid = f.rowid WHERE search_fts MATCH ? ORDER BY f.rowid")
        try read(db, statement, expression, kind: kind)
    }

    /// Terms whose first word matches the first query word, kept when they start with the whole query. Gives
    /// up after reading a few budgets' worth of rows (the all-words phase finds the rest in rank order).
    mutating func headPhase(_ db: Database, expression: String) throws {
        let statement = try db.cachedStatement(
            sql: "SELECT \(Self.columns) FROM search_head h CROSS JOIN search_term t ON t.rowid = h.rowid WHERE search_head MATCH ? ORDER BY h.rowid")
        try read(db, statement, expression, kind: nil, startsOnly: true)
    }

    /// Steps the statement directly: a few hundred rows per phase, where decoding GRDB rows cost more than the
    /// FTS5 lookups themselves.
    private mutating func read(_ db: Database, _ statement: Statement, _ expression: String, kind: MatchKind?, startsOnly: Bool = false) throws {
        try statement.setArguments([expression])
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        var accepted = 0
        var scanned = 0
        while true {
            let result = sqlite3_step(handle)
            if result == SQLITE_DONE { break }
            guard result == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: result), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
            if startsOnly {
                scanned += 1
                if scanned > budget * 4 { break }
            }
            let rowid = sqlite3_column_int64(handle, 0)
            let flags = sqlite3_column_int64(handle, 2)
            if filter.stopAtInactive, flags & (SearchIndexBuilder.Flag.conceptInactive | SearchIndexBuilder.Flag.descriptionInactive) != 0 { break }
            let conceptId = sqlite3_column_int64(handle, 1)
            guard filter.accepts(flags: flags, tag: sqlite3_column_int64(handle, 3), conceptId: conceptId), !seen.contains(rowid) else { continue }
            // The folded term's bytes, classified in place: no String per row.
            let folded = UnsafeBufferPointer(start: sqlite3_column_text(handle, 6), count: Int(sqlite3_column_bytes(handle, 6)))
            let match = kind ?? query.classify(folded)
            if startsOnly, match == .allWords { continue }
            if !filter.refsetIds.isEmpty, try !isMember(conceptId, db) { continue }
            seen.insert(rowid)
            let candidate = Candidate(
                rowid: rowid, descriptionId: sqlite3_column_int64(handle, 7), conceptId: conceptId, flags: flags, match: match,
                dialectClass: filter.dialectClass(flags: flags, preferred: sqlite3_column_int64(handle, 4), acceptable: sqlite3_column_int64(handle, 5)),
                length: folded.count)
            if let current = best[conceptId] {
                if candidate.ranksBefore(current) { best[conceptId] = candidate }
            } else {
                best[conceptId] = candidate
                if candidate.conceptActive { activeConcepts += 1 }
            }
            accepted += 1
            if accepted >= budget {
                truncated = true
                break
            }
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
    func estimateTotal(_ db: Database, words: [String]) throws -> Int {
        var rows = Int.max
        let statement = try db.cachedStatement(
            sql: "SELECT total(frequency) FROM (SELECT frequency FROM search_word WHERE word >= ? AND word < ? LIMIT 200)")
        for word in words where word.count >= 2 {
            rows = min(rows, Int(try Double.fetchOne(statement, arguments: [word, word + "\u{10FFFF}"]) ?? 0))
        }
        guard rows != Int.max else { return best.count }
        let ratio = Double(best.count) / Double(max(seen.count, 1))
        return Int((Double(rows) * ratio).rounded())
    }
}
