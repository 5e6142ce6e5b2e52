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
        try forEachChunk(of: ids) { list in
            for row in try Row.fetchAll(db, sql: "SELECT id, effective_time, active, module_id, definition_status_id FROM concept WHERE id IN (\(list))") {
                let id: Int64 = row[0]
                let passes = filters.enumerated().allSatisfy { index, filter in
                    switch filter {
                    case .definitionStatus(let op, _):
                        return SortedIDs.contains(sets[index] ?? [], row[4]) == (op == .equal)
                    case .module(let op, _):
                        return SortedIDs.contains(sets[index] ?? [], row[3]) == (op == .equal)
                    case .effectiveTime(let op, let times):
                        return Self.compare(row[1], op, times)
                    case .active(let op, let value):
                        return ((row[2] as Bool) == value) == (op == .equal)
                    }
                }
                if passes { kept.append(id) }
            }
        }
        return SortedIDs.normalized(kept)
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

    /// Keeps concepts with at least one description that passes every filter of the block. Without an
    /// `active` filter only active descriptions count (Snowstorm's behaviour).
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
        let needsDialects = !dialects.isEmpty
        var kept: [Int64] = []
        try forEachChunk(of: ids) { list in
            let rows = try Row.fetchAll(
                db,
                sql: "SELECT id, effective_time, active, module_id, concept_id, language_code, type_id, term FROM description WHERE concept_id IN (\(list))\(filtersOnActive ? "" : " AND active = 1")")
            var acceptability: [Int64: [(Int64, Int64)]] = [:]
            if needsDialects, !rows.isEmpty {
                let descriptionIds = rows.map { $0[0] as Int64 }
                try forEachChunk(of: descriptionIds) { descriptionList in
                    for member in try Row.fetchAll(
                        db, sql: "SELECT referenced_component_id, refset_id, a1 FROM refset_member WHERE referenced_component_id IN (\(descriptionList)) AND active = 1")
                    {
                        acceptability[member[0], default: []].append((member[1], member[2] ?? 0))
                    }
                }
            }
            for row in rows {
                let descriptionId: Int64 = row[0]
                let passes = filters.enumerated().allSatisfy { index, filter in
                    switch filter {
                    case .term(let op, let terms):
                        return terms.contains { TermMatcher.matches($0, row[7]) } == (op == .equal)
                    case .language(let op, let codes):
                        return codes.contains((row[5] as String).lowercased()) == (op == .equal)
                    case .type(let op, _):
                        return SortedIDs.contains(sets[index] ?? [], row[6]) == (op == .equal)
                    case .module(let op, _):
                        return SortedIDs.contains(sets[index] ?? [], row[3]) == (op == .equal)
                    case .effectiveTime(let op, let times):
                        return Self.compare(row[1], op, times)
                    case .active(let op, let value):
                        return ((row[2] as Bool) == value) == (op == .equal)
                    case .id(let op, let ids):
                        return ids.contains(descriptionId) == (op == .equal)
                    case .dialect(let op, _):
                        let memberships = acceptability[descriptionId] ?? []
                        let inDialect = (dialects[index] ?? []).contains { selector in
                            memberships.contains { selector.refsets.contains($0.0) && (selector.acceptability.isEmpty || selector.acceptability.contains($0.1)) }
                        }
                        return inDialect == (op == .equal)
                    }
                }
                if passes { kept.append(row[4]) }
            }
        }
        return SortedIDs.normalized(kept)
    }
}
