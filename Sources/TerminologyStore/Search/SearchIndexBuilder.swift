import Foundation
import GRDB
import GRDBSQLite
import RF2

/// Builds the search structures of a release store at import time (see PERFORMANCE.md, Search).
///
/// - `search_term`: one row per FSN or synonym, **rowid assigned in static ranking order** (active concept,
///   active description, preferred synonym, acceptable synonym, FSN, other synonym, shorter term, id), with
///   the folded term, bit masks of the language refsets that prefer or accept it, and the
///   concept's semantic tag. A search reads matches `ORDER BY rowid` and stops after a few hundred rows.
/// - `search_fts`: a contentless FTS5 index over the folded terms, same rowids.
/// - `search_fts` also keeps prefix indexes for 2–4 letters: without them a short prefix (`fin*`) makes FTS5
///   merge the doclists of every completion before returning the first row (~10 ms on International; a
///   4-letter prefix of a synthetic word can have 2,000 completions). Both FTS5 tables are loaded without
///   automerge and optimized into one segment at the end (faster to build, one lookup per query token).
/// - `search_head`: the first word of each term (same rowids; no positions), for "term starts with the query"
///   without FTS5's `^` operator, which walks a common word's whole doclist to find the few initial ones.
/// - `search_word`: the distinct folded words with the number of terms using them (most frequent first,
///   indexed by word and by reversed word): prefix expansion of query words, compound tails
///   (`infarkt` → words ending in it, e.g. `hjerteinfarkt`) and typo matching (in memory), the last two
///   consulted only when word-start matching finds too little.
///
/// No exact-term index: exact terms are short, so they come first among the rows whose first word matches
/// (`search_head`); the index cost 3 s of import for nothing measurable. No trigram index over the words
/// (7 s of import); a scan of the word list for compounds cost 3–5 ms per query on International.
/// - `search_language`: the bit of each language refset in the masks; `search_tag`: semantic tags by number.
///
/// Text definitions are not indexed: they are prose, not names, and would double the index.
public enum SearchIndexBuilder {
    /// Bits of `search_term.flags`.
    public enum Flag {
        public static let conceptInactive: Int64 = 1
        public static let descriptionInactive: Int64 = 2
        public static let fullySpecifiedName: Int64 = 4
    }

    /// Increase when the layout or folding of the search tables changes.
    public static let layoutVersion = 2

    static func dropTables(_ db: Database) throws {
        try db.execute(
            sql: """
                DROP TABLE IF EXISTS search_fts;
                DROP TABLE IF EXISTS search_head;
                DROP TABLE IF EXISTS search_term;
                DROP TABLE IF EXISTS search_word;
                DROP TABLE IF EXISTS search_language;
                DROP TABLE IF EXISTS search_tag;
                """)
    }

    /// Rebuilds every search table from the description, concept and language refset tables.
    public static func build(_ db: Database) throws {
        try createTables(db)
        let languages = try languageBits(db)
        var entries = try readEntries(db)
        try applyAcceptability(db, to: &entries, languages)
        try insertRows(db, entries, order: rankingOrder(entries))
        entries = []
        try finish(db)
    }

    /// Fresh search tables, FTS5 set up for one bulk load.
    private static func createTables(_ db: Database) throws {
        try dropTables(db)
        try db.execute(
            sql: """
                CREATE TABLE search_term(
                  rowid INTEGER PRIMARY KEY, description_id INTEGER NOT NULL, concept_id INTEGER NOT NULL,
                  flags INTEGER NOT NULL, tag_id INTEGER NOT NULL,
                  preferred_mask INTEGER NOT NULL, acceptable_mask INTEGER NOT NULL, folded TEXT NOT NULL);
                CREATE VIRTUAL TABLE search_fts USING fts5(
                  folded, content='', columnsize=0, detail=none, prefix='2 3 4', tokenize='unicode61 remove_diacritics 0');
                CREATE VIRTUAL TABLE search_head USING fts5(
                  word, content='', columnsize=0, detail=none, prefix='2 3 4', tokenize='unicode61 remove_diacritics 0');
                CREATE TABLE search_word(rowid INTEGER PRIMARY KEY, word TEXT NOT NULL, reversed TEXT NOT NULL, frequency INTEGER NOT NULL);
                CREATE TABLE search_language(bit INTEGER PRIMARY KEY, refset_id INTEGER NOT NULL);
                CREATE TABLE search_tag(id INTEGER PRIMARY KEY, tag TEXT NOT NULL);
                """)
        // No merging while loading, large in-memory batches, one `optimize` at the end: faster than FTS5's
        // incremental merges, and a query looks each token up in one segment instead of a dozen.
        for table in ["search_fts", "search_head"] {
            try db.execute(
                sql: """
                    INSERT INTO \(table)(\(table), rank) VALUES('automerge', 0);
                    INSERT INTO \(table)(\(table), rank) VALUES('hashsize', \(64 << 20));
                    """)
        }
    }

    /// The language refsets, one bit each (the first 63), recorded in `search_language`.
    private static func languageBits(_ db: Database) throws -> (refsets: [Int64], bitOf: [Int64: Int64]) {
        // Language refsets, one bit each (the first 63).
        let languageRefsets = Array(
            try Int64.fetchAll(
                db, sql: "SELECT refset_id FROM refset_field WHERE position = 1 AND name = 'acceptabilityId' ORDER BY refset_id"
            ).prefix(63))
        var bitOf: [Int64: Int64] = [:]
        for (bit, refset) in languageRefsets.enumerated() {
            bitOf[refset] = Int64(1) << Int64(bit)
            try db.execute(sql: "INSERT INTO search_language VALUES(?, ?)", arguments: [bit, refset])
        }
        return (languageRefsets, bitOf)
    }

    /// Every FSN and synonym, folded by its language, with flags and the concept's semantic tag.
    private static func readEntries(_ db: Database) throws -> [Entry] {
        // Descriptions in id order, folded by their language; semantic tags from the FSNs.
        var entries: [Entry] = []
        entries.reserveCapacity(try Int.fetchOne(db, sql: "SELECT count(*) FROM description") ?? 0)
        var tagIds: [String: Int64] = [:]
        var conceptTag: [Int64: (tag: Int64, active: Bool)] = [:]
        // Stepped directly: 1.8M rows on International, where GRDB's Row decoding would cost seconds.
        let descriptionStatement = try db.makeStatement(
            sql: """
                SELECT d.id, d.concept_id, c.active, d.active, d.type_id, d.language_code, d.term
                FROM description d JOIN concept c ON c.id = d.concept_id
                WHERE d.type_id IN (\(WellKnown.fullySpecifiedName), \(WellKnown.synonym)) ORDER BY d.id
                """)
        let handle = descriptionStatement.sqliteStatement
        var familyOf: [String: TermFolding.Family] = [:]
        while true {
            let result = sqlite3_step(handle)
            if result == SQLITE_DONE { break }
            guard result == SQLITE_ROW else {
                throw StoreError(.database, "reading descriptions for the search index: \(String(cString: sqlite3_errmsg(db.sqliteConnection)))")
            }
            let descriptionId = sqlite3_column_int64(handle, 0)
            let conceptId = sqlite3_column_int64(handle, 1)
            let conceptActive = sqlite3_column_int64(handle, 2) != 0
            let active = sqlite3_column_int64(handle, 3) != 0
            let typeId = sqlite3_column_int64(handle, 4)
            let language = sqlite3_column_text(handle, 5).map { String(cString: $0) } ?? ""
            let term = sqlite3_column_text(handle, 6).map { String(cString: $0) } ?? ""
            let family =
                familyOf[language]
                ?? {
                    let family = TermFolding.Family(languageCode: language)
                    familyOf[language] = family
                    return family
                }()
            var flags: Int64 = 0
            if !conceptActive { flags |= Flag.conceptInactive }
            if !active { flags |= Flag.descriptionInactive }
            if typeId == WellKnown.fullySpecifiedName {
                flags |= Flag.fullySpecifiedName
                if let tag = TermFolding.semanticTag(ofFSN: term), conceptTag[conceptId].map({ !$0.active && active }) ?? true {
                    let id =
                        tagIds[tag]
                        ?? {
                            let id = Int64(tagIds.count + 1)
                            tagIds[tag] = id
                            return id
                        }()
                    conceptTag[conceptId] = (id, active)
                }
            }
            entries.append(Entry(descriptionId: descriptionId, conceptId: conceptId, flags: flags, folded: TermFolding.fold(term, family: family)))
        }
        sqlite3_reset(handle)
        withExtendedLifetime(descriptionStatement) {}
        for (tag, id) in tagIds {
            try db.execute(sql: "INSERT INTO search_tag VALUES(?, ?)", arguments: [id, tag])
        }

        for index in entries.indices {
            entries[index].tag = conceptTag[entries[index].conceptId]?.tag ?? 0
        }
        return entries
    }

    /// Preferred and acceptable masks from the language refset members.
    private static func applyAcceptability(_ db: Database, to entries: inout [Entry], _ languages: (refsets: [Int64], bitOf: [Int64: Int64])) throws {
        // Acceptability masks: members joined to the id-sorted entries by binary search.
        if !languages.refsets.isEmpty {
            let members = try Row.fetchCursor(
                db,
                sql: """
                    SELECT referenced_component_id, refset_id, a1 FROM refset_member
                    WHERE refset_id IN (\(languages.refsets.map(String.init).joined(separator: ","))) AND active = 1
                    """)
            while let member = try members.next() {
                let descriptionId: Int64 = member[0]
                guard let bit = languages.bitOf[member[1]], let index = entries.index(ofDescription: descriptionId) else { continue }
                let acceptability: Int64? = member[2]
                if acceptability == WellKnown.preferred {
                    entries[index].preferredMask |= bit
                } else {
                    entries[index].acceptableMask |= bit
                }
            }
        }
    }

    /// The static ranking order of the entries.
    private static func rankingOrder(_ entries: [Entry]) -> [(key: UInt64, id: Int64, index: Int32)] {
        // Static ranking order, sorted as packed integer keys (sorting the entries themselves moves strings).
        var order = entries.indices.map { index -> (key: UInt64, id: Int64, index: Int32) in
            let entry = entries[index]
            let inactive = UInt64(entry.flags & (SearchIndexBuilder.Flag.conceptInactive | SearchIndexBuilder.Flag.descriptionInactive))
            let key = inactive << 60 | UInt64(entry.typeClass) << 56 | UInt64(min(entry.folded.utf8.count, 0xFFFF))
            return (key, entry.descriptionId, Int32(index))
        }
        order.sort { ($0.key, $0.id) < ($1.key, $1.id) }
        return order
    }

    /// `search_term`, `search_fts` and `search_head` rows in ranking order.
    private static func insertRows(_ db: Database, _ entries: [Entry], order: [(key: UInt64, id: Int64, index: Int32)]) throws {
        // Bound directly: millions of rows, no per-row argument arrays.
        let termStatement = try db.makeStatement(sql: "INSERT INTO search_term VALUES(?,?,?,?,?,?,?,?)")
        let textStatement = try db.makeStatement(sql: "INSERT INTO search_fts(rowid, folded) VALUES(?, ?)")
        let headStatement = try db.makeStatement(sql: "INSERT INTO search_head(rowid, word) VALUES(?, ?)")
        let insertTerm = termStatement.sqliteStatement, insertText = textStatement.sqliteStatement
        let insertHead = headStatement.sqliteStatement
        func step(_ handle: OpaquePointer?) throws {
            let result = sqlite3_step(handle)
            sqlite3_reset(handle)
            guard result == SQLITE_DONE else {
                throw StoreError(.database, "building the search index: \(String(cString: sqlite3_errmsg(db.sqliteConnection)))")
            }
        }
        for (position, item) in order.enumerated() {
            let entry = entries[Int(item.index)]
            let rowid = Int64(position + 1)
            let values = [
                rowid, entry.descriptionId, entry.conceptId, entry.flags, entry.tag,
                entry.preferredMask, entry.acceptableMask,
            ]
            for (index, value) in values.enumerated() { sqlite3_bind_int64(insertTerm, Int32(index + 1), value) }
            var folded = entry.folded
            try folded.withUTF8 { text in
                sqlite3_bind_text(
                    insertTerm, 8, text.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) }, Int32(text.count), SQLITE_TRANSIENT_VALUE)
                try step(insertTerm)
                sqlite3_bind_int64(insertText, 1, rowid)
                sqlite3_bind_text(
                    insertText, 2, text.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) }, Int32(text.count), SQLITE_TRANSIENT_VALUE)
                try step(insertText)
                // The first word, for "term starts with the query".
                var start = 0
                while start < text.count, !TermFolding.isWordByte(text[start]), text[start] < 0x80 { start += 1 }
                var end = start
                while end < text.count, TermFolding.isWordByte(text[end]) || text[end] >= 0x80 { end += 1 }
                if end > start {
                    sqlite3_bind_int64(insertHead, 1, rowid)
                    sqlite3_bind_text(
                        insertHead, 2, text.baseAddress.map { UnsafeRawPointer($0 + start).assumingMemoryBound(to: CChar.self) }, Int32(end - start),
                        SQLITE_TRANSIENT_VALUE)
                    try step(insertHead)
                }
            }
        }
        withExtendedLifetime((termStatement, textStatement, headStatement)) {}
    }

    /// One FTS5 segment per table, and the vocabulary with word frequencies.
    private static func finish(_ db: Database) throws {
        for table in ["search_fts", "search_head"] {
            try db.execute(sql: "INSERT INTO \(table)(\(table)) VALUES('optimize')")
        }
        // The vocabulary straight from the FTS index: distinct words with the number of terms using them.
        let reverse = DatabaseFunction("steward_reverse", argumentCount: 1, pure: true) { values in
            String.fromDatabaseValue(values[0]).map { String(String.UnicodeScalarView($0.unicodeScalars.reversed())) }
        }
        db.add(function: reverse)
        defer { db.remove(function: reverse) }
        try db.execute(
            sql: """
                CREATE VIRTUAL TABLE temp.search_fts_vocabulary USING fts5vocab(main, search_fts, 'row');
                INSERT INTO search_word(word, reversed, frequency)
                  SELECT term, steward_reverse(term), doc FROM temp.search_fts_vocabulary ORDER BY doc DESC, term;
                DROP TABLE temp.search_fts_vocabulary;
                CREATE INDEX search_word_word ON search_word(word);
                CREATE INDEX search_word_reversed ON search_word(reversed);
                """)
    }
}

/// One description on its way into the index.
private struct Entry {
    var descriptionId: Int64
    var conceptId: Int64
    var flags: Int64
    var preferredMask: Int64 = 0
    var acceptableMask: Int64 = 0
    var folded: String
    var tag: Int64 = 0

    /// 0 preferred synonym, 1 acceptable synonym, 2 FSN, 3 synonym outside every language refset.
    var typeClass: Int {
        if flags & SearchIndexBuilder.Flag.fullySpecifiedName != 0 { return 2 }
        if preferredMask != 0 { return 0 }
        return acceptableMask != 0 ? 1 : 3
    }
}

private extension Array where Element == Entry {
    /// Binary search over entries sorted by description id.
    func index(ofDescription id: Int64) -> Int? {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if self[middle].descriptionId < id { low = middle + 1 } else { high = middle }
        }
        return low < count && self[low].descriptionId == id ? low : nil
    }
}
