import Foundation
import GRDB
import RF2
import TerminologyStore

/// Concept filters (`{{ C … }}`) and description filters (`{{ D … }}`).
extension Evaluator {
    /// Keeps the concepts whose row passes every filter. The filters become one SQL condition, so SQLite
    /// checks the rows and only passing ids come back: many ids by one pass over their id range (rowid
    /// order) merged with the ids, few by lookups.
    func applyConceptFilters(_ filters: [ConceptFilter], to ids: [Int64]) throws -> [Int64] {
        guard let first = ids.first, let last = ids.last else { return [] }
        func list(_ values: [Int64]) -> String { values.map(String.init).joined(separator: ",") }
        var conditions = ""
        for filter in filters {
            switch filter {
            case .definitionStatus(let op, let set):
                conditions += " AND definition_status_id \(op == .equal ? "IN" : "NOT IN") (\(list(try conceptSet(set))))"
            case .module(let op, let set):
                conditions += " AND module_id \(op == .equal ? "IN" : "NOT IN") (\(list(try conceptSet(set))))"
            case .effectiveTime(let op, let times):
                conditions += " AND \(Self.timeCondition("effective_time", op, times))"
            case .active(let op, let value):
                conditions += " AND active = \(value == (op == .equal) ? 1 : 0)"
            }
        }
        var kept: [Int64] = []
        if ids.count >= tuning.scanFrom {
            var next = 0
            try forEachRow("SELECT id FROM concept WHERE id BETWEEN ? AND ?\(conditions)", [first, last]) { row in
                let id = row.int64(0)
                while next < ids.count, ids[next] < id { next += 1 }
                if next < ids.count, ids[next] == id { kept.append(id) }
            }
        } else {
            try forEachRow("SELECT id FROM concept WHERE id = ?\(conditions)", perID: ids) { id, _ in kept.append(id) }
        }
        return kept
    }

    /// ``compare(_:_:_:)`` as an SQL condition on an integer column.
    static func timeCondition(_ column: String, _ op: NumericOperator, _ times: [Int]) -> String {
        let values = times.map(String.init).joined(separator: ",")
        switch op {
        case .equal: return "\(column) IN (\(values))"
        case .notEqual: return "\(column) NOT IN (\(values))"
        default: return times.isEmpty ? "1" : "(" + times.map { "\(column) \(op.rawValue) \($0)" }.joined(separator: " AND ") + ")"
        }
    }

    /// The language refsets a dialect names: a known alias (``LanguagePreference/aliases``: Appendix C and
    /// the Norwegian tags), `<lang>-x-<refsetId>`, or else the language refsets of this release whose
    /// descriptions are in the alias's language (`dialect = sv` on a Swedish edition), so an edition's own
    /// language refsets work without a table entry.
    func dialectRefsets(_ selector: DialectSelector) throws -> [Int64] {
        switch selector.dialect {
        case .id(let reference): return [reference.id]
        case .alias(let alias):
            let alias = alias.lowercased()
            if let ids = LanguagePreference.aliases[alias] { return ids }
            if let range = alias.range(of: "-x-"), let id = Int64(alias[range.upperBound...]) { return [id] }
            let languages = try languageRefsetLanguages()
            let language = String(alias.prefix { $0 != "-" })
            let derived = languages.filter { $0.value == language }.keys.sorted()
            if !derived.isEmpty { return derived }
            let present = Set(languages.values).sorted().joined(separator: ", ")
            throw ECLEvaluationError(
                "unknown dialect alias '\(alias)': use an alias of the ECL specification (such as en-gb, sv-se, nb-no), "
                    + "the language of one of this release's language refsets (\(present.isEmpty ? "none" : present)), or dialectId")
        }
    }

    /// Each language refset of the release with the language code of its descriptions (read from one member).
    func languageRefsetLanguages() throws -> [Int64: String] {
        var languages: [Int64: String] = [:]
        let sample = try db.makeStatement(
            sql: "SELECT d.language_code FROM refset_member m JOIN description d ON d.id = m.referenced_component_id WHERE m.refset_id = ? LIMIT 1")
        for refset in try fetchIDs("SELECT refset_id FROM refset_field WHERE position = 1 AND name = 'acceptabilityId'") {
            try RawRow.forEach(sample, id: refset) { languages[refset] = $0.text(0).lowercased() }
        }
        return languages
    }

    /// One description row, as the filters read it.
    struct DescriptionRow {
        /// The columns ``init(_:)`` reads, in order.
        static let columns = "id, effective_time, active, module_id, concept_id, language_code, type_id, term"

        var id: Int64
        var effectiveTime: Int
        var active: Bool
        var moduleId: Int64
        var conceptId: Int64
        var languageCode: String
        var typeId: Int64
        var term: String

        init(_ row: RawRow) {
            id = row.int64(0)
            effectiveTime = Int(row.int64(1))
            active = row.int64(2) != 0
            moduleId = row.int64(3)
            conceptId = row.int64(4)
            languageCode = row.text(5)
            typeId = row.int64(6)
            term = row.text(7)
        }
    }

    /// A block of description filters made ready to check rows: its concept sets and dialect refsets are
    /// resolved once, before any row is read.
    struct DescriptionFilterCheck {
        let filters: [DescriptionFilter]
        /// The ids of each `type` and `module` filter's concept set, by filter position.
        let sets: [Int: [Int64]]
        /// The language refsets and acceptabilities of each `dialect` filter, by filter position.
        let dialects: [Int: [(refsets: [Int64], acceptability: [Int64])]]
        /// Rows whose term cannot pass a positive term filter are skipped on their bytes, before decoding.
        let prefilter: TermPrefilter?
        /// Without an `active` filter only active descriptions count (Snowstorm's behaviour).
        let activeClause: String

        /// Whether dialect filters need the descriptions' language refset memberships.
        var readsMemberships: Bool { !dialects.isEmpty }

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
                    return Evaluator.compare(row.effectiveTime, op, times)
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

        func mayPass(_ row: RawRow) -> Bool {
            guard let prefilter else { return true }
            return row.withText(7, prefilter.mayMatch) ?? true
        }
    }

    /// Resolves the concept sets and dialects of `filters`, in filter order.
    func descriptionFilterCheck(_ filters: [DescriptionFilter]) throws -> DescriptionFilterCheck {
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
        let prefilter = filters.lazy.compactMap { filter -> TermPrefilter? in
            if case .term(.equal, let terms) = filter { TermPrefilter(terms) } else { nil }
        }.first
        return DescriptionFilterCheck(
            filters: filters, sets: sets, dialects: dialects, prefilter: prefilter, activeClause: filtersOnActive ? "" : " AND active = 1")
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
        let check = try descriptionFilterCheck(filters)
        if let candidates = try indexedTermCandidates(filters, concepts: ids) {
            return try verifyCandidates(candidates, of: ids, check)
        }
        return try scanDescriptions(of: ids, check)
    }

    /// The index path: the candidates first, then the unindexed descriptions of the concepts still unmatched
    /// (unless every filtered type is indexed).
    private func verifyCandidates(
        _ candidates: [(concept: Int64, description: Int64)], of ids: [Int64], _ check: DescriptionFilterCheck
    ) throws -> [Int64] {
        let description = try db.makeStatement(sql: "SELECT \(DescriptionRow.columns) FROM description WHERE id = ?\(check.activeClause)")
        let membership = try db.makeStatement(sql: "SELECT refset_id, a1 FROM refset_member WHERE referenced_component_id = ? AND active = 1")
        var matched = try verify(candidates, check, description: description, membership: membership)
        if !Self.onlyIndexedTypes(check.filters) {
            let rest = try unindexedDescriptions(of: SortedIDs.difference(ids, matched))
            matched = SortedIDs.union(matched, try verify(rest, check, description: description, membership: membership))
        }
        return matched
    }

    /// The concepts of `pairs` (sorted by concept) with a passing description, reading each concept's
    /// descriptions only until one passes.
    private func verify(
        _ pairs: [(concept: Int64, description: Int64)], _ check: DescriptionFilterCheck, description: Statement, membership: Statement
    ) throws -> [Int64] {
        var matched: [Int64] = []
        for (concept, descriptionId) in pairs where matched.last != concept {
            var row: DescriptionRow?
            try tick()
            try RawRow.forEach(description, id: descriptionId) { if check.mayPass($0) { row = DescriptionRow($0) } }
            guard let row else { continue }
            var memberships: [(Int64, Int64)] = []
            if check.readsMemberships {
                try RawRow.forEach(membership, id: row.id) { memberships.append(($0.int64(0), $0.int64(1))) }
            }
            if check.passes(row, memberships) { matched.append(concept) }
        }
        return matched
    }

    /// The scan path: every description of the concepts, a chunk of concepts at a time.
    private func scanDescriptions(of ids: [Int64], _ check: DescriptionFilterCheck) throws -> [Int64] {
        var kept: [Int64] = []
        try forEachChunk(of: ids) { list in
            var rows: [DescriptionRow] = []
            try forEachRow("SELECT \(DescriptionRow.columns) FROM description WHERE concept_id IN (\(list))\(check.activeClause)") {
                if check.mayPass($0) { rows.append(DescriptionRow($0)) }
            }
            var acceptability: [Int64: [(Int64, Int64)]] = [:]
            if check.readsMemberships, !rows.isEmpty {
                try forEachChunk(of: rows.map(\.id)) { descriptionList in
                    try forEachRow(
                        "SELECT referenced_component_id, refset_id, a1 FROM refset_member WHERE referenced_component_id IN (\(descriptionList)) AND active = 1"
                    ) {
                        acceptability[$0.int64(0), default: []].append(($0.int64(1), $0.int64(2)))
                    }
                }
            }
            for row in rows where check.passes(row, acceptability[row.id] ?? []) { kept.append(row.conceptId) }
        }
        return SortedIDs.normalized(kept)
    }
}
