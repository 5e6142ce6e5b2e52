import GRDB
import GRDBSQLite

/// Read access to a release's search index (built at import by ``SearchIndexBuilder``): the one place that
/// knows its tables and FTS5 queries. Concept search and ECL's `term` filters read it through this type, on a
/// connection of the store (inside ``ReleaseStore/read(_:)``). Every failure is a ``StoreError`` naming the
/// release.
public struct SearchIndex {
    let db: Database
    let release: String

    /// The index of the store `db` belongs to; `release` names it in errors.
    public init(_ db: Database, release: String) {
        self.db = db
        self.release = release
    }

    /// Whether the store has a search index (stores of older schemas may not).
    public var isPresent: Bool {
        get throws {
            try guarded { try db.tableExists("search_fts") && db.tableExists("search_term") && db.tableExists("search_word") }
        }
    }

    /// The bit of each language refset in a term's `preferred_mask` and `acceptable_mask`.
    public func languageBits() throws -> [Int64: Int64] {
        try guarded {
            var bits: [Int64: Int64] = [:]
            try RawRow.forEach(db.cachedStatement(sql: "SELECT refset_id, bit FROM search_language")) { bits[$0.int64(0)] = 1 << $0.int64(1) }
            return bits
        }
    }

    /// The number of each semantic tag in a term's `tag_id`.
    public func tagIds() throws -> [String: Int64] {
        try guarded {
            var tags: [String: Int64] = [:]
            try RawRow.forEach(db.cachedStatement(sql: "SELECT tag, id FROM search_tag")) { tags[$0.text(0)] = $0.int64(1) }
            return tags
        }
    }

    /// Which FTS5 table a match reads: every word of a term, or its first word only.
    public enum Words: Sendable {
        case all
        case first
    }

    /// One indexed term (a fully specified name or synonym), valid only inside the closure it is passed to.
    public struct Term {
        let row: RawRow

        public var rowid: Int64 { row.int64(0) }
        public var conceptId: Int64 { row.int64(1) }
        /// ``SearchIndexBuilder/Flag`` bits.
        public var flags: Int64 { row.int64(2) }
        public var tagId: Int64 { row.int64(3) }
        public var preferredMask: Int64 { row.int64(4) }
        public var acceptableMask: Int64 { row.int64(5) }
        public var descriptionId: Int64 { row.int64(7) }

        /// The folded term's UTF-8 bytes, read in place (no String per row).
        public func withFolded<T>(_ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
            try row.withText(6, body) ?? body(UnsafeBufferPointer(start: nil, count: 0))
        }
    }

    /// The terms matching the FTS5 `expression`, in the index's static rank order, while `body` returns true.
    public func forEachTerm(matching expression: String, in words: Words, _ body: (Term) throws -> Bool) throws {
        let table = words == .all ? "search_fts" : "search_head"
        try guarded {
            let statement = try db.cachedStatement(
                sql: """
                    SELECT t.rowid, t.concept_id, t.flags, t.tag_id, t.preferred_mask, t.acceptable_mask, t.folded, t.description_id
                    FROM \(table) f CROSS JOIN search_term t ON t.rowid = f.rowid WHERE \(table) MATCH ? ORDER BY f.rowid
                    """)
            try RawRow.scan(statement, arguments: [expression]) { try body(Term(row: $0)) }
        }
    }

    /// The (concept, description) pairs whose terms match the FTS5 `expression`, in no particular order.
    public func forEachDescription(matching expression: String, _ body: (_ concept: Int64, _ description: Int64) throws -> Void) throws {
        try guarded {
            let statement = try db.cachedStatement(
                sql: "SELECT t.concept_id, t.description_id FROM search_fts f CROSS JOIN search_term t ON t.rowid = f.rowid WHERE search_fts MATCH ?")
            try RawRow.forEach(statement, arguments: [expression]) { try body($0.int64(0), $0.int64(1)) }
        }
    }

    /// The words of the release (folded) from `lower` up to, not including, `upper`, in word order; at most
    /// `limit` of them (-1: all).
    public func forEachWord(from lower: String, below upper: String, limit: Int = -1, _ body: (String) throws -> Void) throws {
        try guarded {
            let statement = try db.cachedStatement(sql: "SELECT word FROM search_word WHERE word >= ? AND word < ? LIMIT ?")
            try RawRow.forEach(statement, arguments: [lower, upper, limit]) { try body($0.text(0)) }
        }
    }

    /// Every word of the release with its frequency rank (rowid; lower is more frequent), in word order: read
    /// from the word index, which costs less than sorting the table.
    public func forEachWordInOrder(_ body: (_ rank: Int64, _ word: String) throws -> Void) throws {
        try guarded {
            let statement = try db.cachedStatement(sql: "SELECT rowid, word FROM search_word INDEXED BY search_word_word ORDER BY word")
            try RawRow.forEach(statement) { try body($0.int64(0), $0.text(1)) }
        }
    }

    /// Up to `limit` words whose reversed spelling lies in `lower..<upper` (words ending with a given tail),
    /// with their frequency rank, read from the reversed-word index alone.
    public func reversedWords(from lower: String, below upper: String, limit: Int) throws -> [(rank: Int64, reversed: String)] {
        try guarded {
            var found: [(rank: Int64, reversed: String)] = []
            let statement = try db.cachedStatement(sql: "SELECT rowid, reversed FROM search_word WHERE reversed > ? AND reversed < ? LIMIT ?")
            try RawRow.forEach(statement, arguments: [lower, upper, limit]) { found.append(($0.int64(0), $0.text(1))) }
            return found
        }
    }

    /// How many terms hold a word starting with `prefix`: the summed frequencies of its first `limit`
    /// completions (an estimate for totals when a search stops early).
    public func termCount(wordsStartingWith prefix: String, limit: Int = 200) throws -> Int {
        try guarded {
            let statement = try db.cachedStatement(
                sql: "SELECT total(frequency) FROM (SELECT frequency FROM search_word WHERE word >= ? AND word < ? LIMIT ?)")
            return Int(try Double.fetchOne(statement, arguments: [prefix, prefix + "\u{10FFFF}", limit]) ?? 0)
        }
    }

    /// Runs `body`, turning SQLite's errors into the store's error type (errors of the caller's closures,
    /// such as an ECL time limit, pass through).
    private func guarded<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            throw StoreError(.database, "search index of \(release): \(error.message ?? error.description)")
        }
    }
}
