import Foundation
import GRDB
import RF2
import TerminologyStore

/// Concept filters (`{{ C … }}`) and description filters (`{{ D … }}`).
extension Evaluator {
    func applyConceptFilters(_ filters: [ConceptFilter], to ids: [Int64]) throws -> [Int64] {
        var sets: [Int: [Int64]] = [:]
        for (index, filter) in filters.enumerated() {
            switch filter {
            case .definitionStatus(_, let set), .module(_, let set): sets[index] = try conceptSet(set)
            default: break
            }
        }
        var kept: [Int64] = []
        try forEachConcept(ids) { row in
            let passes = filters.enumerated().allSatisfy { index, filter in
                switch filter {
                case .definitionStatus(let op, _):
                    return SortedIDs.contains(sets[index] ?? [], row.int64(4)) == (op == .equal)
                case .module(let op, _):
                    return SortedIDs.contains(sets[index] ?? [], row.int64(3)) == (op == .equal)
                case .effectiveTime(let op, let times):
                    return Self.compare(Int(row.int64(1)), op, times)
                case .active(let op, let value):
                    return ((row.int64(2) != 0) == value) == (op == .equal)
                }
            }
            if passes { kept.append(row.int64(0)) }
        }
        return kept
    }

    /// Calls `body` with the concept row (id, effective_time, active, module_id, definition_status_id) of
    /// each id that has one, in id order: many ids by one pass over their id range (rowid order) merged
    /// with the ids, few by lookups.
    private func forEachConcept(_ ids: [Int64], _ body: (RawRow) throws -> Void) throws {
        guard let first = ids.first, let last = ids.last else { return }
        let columns = "id, effective_time, active, module_id, definition_status_id"
        if ids.count >= tuning.scanFrom {
            var next = 0
            try forEachRow("SELECT \(columns) FROM concept WHERE id BETWEEN ? AND ?", [first, last]) { row in
                let id = row.int64(0)
                while next < ids.count, ids[next] < id { next += 1 }
                if next < ids.count, ids[next] == id { try body(row) }
            }
        } else {
            try forEachRow("SELECT \(columns) FROM concept WHERE id = ?", perID: ids) { _, row in try body(row) }
        }
    }

    /// Dialect aliases beyond TerminologyStore's list. Empty for now: add an alias only with its language
    /// refset id verified against the specification's Appendix C.
    static let extraDialectAliases: [String: [Int64]] = [:]

    func dialectRefsets(_ selector: DialectSelector) throws -> [Int64] {
        switch selector.dialect {
        case .id(let reference): return [reference.id]
        case .alias(let alias):
            if let ids = LanguagePreference.aliases[alias] ?? Self.extraDialectAliases[alias] { return ids }
            if let range = alias.range(of: "-x-"), let id = Int64(alias[range.upperBound...]) { return [id] }
            throw ECLEvaluationError("unknown dialect alias '\(alias)': use one of \(LanguagePreference.aliases.keys.sorted().joined(separator: ", ")) or dialectId")
        }
    }

    /// One description row, as the filters read it.
    struct DescriptionRow {
        var id: Int64
        var effectiveTime: Int
        var active: Bool
        var moduleId: Int64
        var conceptId: Int64
        var languageCode: String
        var typeId: Int64
        var term: String
    }

    /// Keeps concepts with at least one description that passes every filter of the block. Without an
    /// `active` filter only active descriptions count (Snowstorm's behaviour).
    ///
    /// A positive `term` filter reads only the descriptions that the search index names as candidates
    /// (``indexedTermCandidates(_:concepts:)``), concept by concept until one passes, and then the other
    /// descriptions (text definitions) of the concepts still unmatched. Otherwise every description of the
    /// concepts is read. Either way each row is checked against every filter: the index only decides what
    /// is read.
    func applyDescriptionFilters(_ filters: [DescriptionFilter], to ids: [Int64]) throws -> [Int64] {
        let filtersOnActive = filters.contains { if case .active = $0 { true } else { false } }
        var sets: [Int: [Int64]] = [:]
        var dialects: [Int: [(refsets: [Int64], acceptability: [Int64])]] = [:]
        for (index, filter) in filters.enumerated() {
            switch filter {
            case .type(_, let set), .module(_, let set): sets[index] = try conceptSet(set)
            case .dialect(_, let selectors):
                dialects[index] = try selectors.map { (refsets: try dialectRefsets($0), acceptability: $0.acceptability) }
            default: break
            }
        }
        /// `memberships`: the description's (language refset, acceptability) pairs, read only for dialect filters.
        func passes(_ row: DescriptionRow, _ memberships: [(Int64, Int64)]) -> Bool {
            filters.enumerated().allSatisfy { index, filter in
                switch filter {
                case .term(let op, let terms):
                    return terms.contains { TermMatcher.matches($0, row.term) } == (op == .equal)
                case .language(let op, let codes):
                    return codes.contains(row.languageCode.lowercased()) == (op == .equal)
                case .type(let op, _):
                    return SortedIDs.contains(sets[index] ?? [], row.typeId) == (op == .equal)
                case .module(let op, _):
                    return SortedIDs.contains(sets[index] ?? [], row.moduleId) == (op == .equal)
                case .effectiveTime(let op, let times):
                    return Self.compare(row.effectiveTime, op, times)
                case .active(let op, let value):
                    return (row.active == value) == (op == .equal)
                case .id(let op, let ids):
                    return ids.contains(row.id) == (op == .equal)
                case .dialect(let op, _):
                    let inDialect = (dialects[index] ?? []).contains { selector in
                        memberships.contains { selector.refsets.contains($0.0) && (selector.acceptability.isEmpty || selector.acceptability.contains($0.1)) }
                    }
                    return inDialect == (op == .equal)
                }
            }
        }
        let columns = "id, effective_time, active, module_id, concept_id, language_code, type_id, term"
        let activeClause = filtersOnActive ? "" : " AND active = 1"
        func read(_ row: RawRow) -> DescriptionRow {
            DescriptionRow(
                id: row.int64(0), effectiveTime: Int(row.int64(1)), active: row.int64(2) != 0, moduleId: row.int64(3), conceptId: row.int64(4),
                languageCode: row.text(5), typeId: row.int64(6), term: row.text(7))
        }
        let membershipSQL = "SELECT refset_id, a1 FROM refset_member WHERE referenced_component_id = ? AND active = 1"

        if let candidates = try indexedTermCandidates(filters, concepts: ids) {
            let description = try db.makeStatement(sql: "SELECT \(columns) FROM description WHERE id = ?\(activeClause)")
            let membership = try db.makeStatement(sql: membershipSQL)
            /// The concepts of `pairs` (sorted by concept) with a passing description, reading each concept's
            /// descriptions only until one passes.
            func verify(_ pairs: [(concept: Int64, description: Int64)]) throws -> [Int64] {
                var matched: [Int64] = []
                for (concept, descriptionId) in pairs where matched.last != concept {
                    var row: DescriptionRow?
                    try RawRow.forEach(description, arguments: [descriptionId]) { row = read($0) }
                    guard let row else { continue }
                    var memberships: [(Int64, Int64)] = []
                    if !dialects.isEmpty {
                        try RawRow.forEach(membership, arguments: [row.id]) { memberships.append(($0.int64(0), $0.int64(1))) }
                    }
                    if passes(row, memberships) { matched.append(concept) }
                }
                return matched
            }
            var matched = try verify(candidates)
            if !Self.onlyIndexedTypes(filters) {
                matched = SortedIDs.union(matched, try verify(try unindexedDescriptions(of: SortedIDs.difference(ids, matched))))
            }
            return matched
        }

        var kept: [Int64] = []
        try forEachChunk(of: ids) { list in
            var rows: [DescriptionRow] = []
            try forEachRow("SELECT \(columns) FROM description WHERE concept_id IN (\(list))\(activeClause)") { rows.append(read($0)) }
            var acceptability: [Int64: [(Int64, Int64)]] = [:]
            if !dialects.isEmpty, !rows.isEmpty {
                try forEachChunk(of: rows.map(\.id)) { descriptionList in
                    try forEachRow("SELECT referenced_component_id, refset_id, a1 FROM refset_member WHERE referenced_component_id IN (\(descriptionList)) AND active = 1") {
                        acceptability[$0.int64(0), default: []].append(($0.int64(1), $0.int64(2)))
                    }
                }
            }
            for row in rows where passes(row, acceptability[row.id] ?? []) { kept.append(row.conceptId) }
        }
        return SortedIDs.normalized(kept)
    }
}
