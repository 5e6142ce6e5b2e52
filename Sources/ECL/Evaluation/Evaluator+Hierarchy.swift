import Foundation
import GRDB
import RF2

/// Hierarchy operators from the IS-A closure arrays and the active inferred IS-A index.
extension Evaluator {
    func apply(_ op: HierarchyOperator, to ids: [Int64], wildcard: Bool) throws -> [Int64] {
        if ids.isEmpty { return [] }
        switch op {
        case .descendantOrSelfOf:
            if wildcard { return ids }
            return SortedIDs.union(ids, try closure(of: ids, column: "descendants"))
        case .descendantOf:
            if wildcard { return SortedIDs.difference(ids, [WellKnown.root]) }
            return try closure(of: ids, column: "descendants")
        case .ancestorOrSelfOf:
            if wildcard { return ids }
            return SortedIDs.union(ids, try closure(of: ids, column: "ancestors"))
        case .ancestorOf:
            return try closure(of: ids, column: "ancestors")
        case .childOf:
            return try isA(from: ids, childrenOf: true)
        case .childOrSelfOf:
            return SortedIDs.union(ids, try isA(from: ids, childrenOf: true))
        case .parentOf:
            return try isA(from: ids, childrenOf: false)
        case .parentOrSelfOf:
            return SortedIDs.union(ids, try isA(from: ids, childrenOf: false))
        case .top:
            // Members of the set with no ancestor in the set.
            return try filterByClosure(ids, column: "ancestors")
        case .bottom:
            // Members of the set with no descendant in the set.
            return try filterByClosure(ids, column: "descendants")
        }
    }

    /// Union of the closure arrays of `ids`.
    func closure(of ids: [Int64], column: String) throws -> [Int64] {
        if ids.count == 1 {
            return try Data.fetchOne(db, sql: "SELECT \(column) FROM isa_closure WHERE concept_id = ?", arguments: [ids[0]]).map(SortedIDs.decode) ?? []
        }
        var collected: [Int64] = []
        try forEachChunk(of: ids) { list in
            let rows = try Data.fetchAll(db, sql: "SELECT \(column) FROM isa_closure WHERE concept_id IN (\(list))")
            for data in rows { collected += SortedIDs.decode(data) }
        }
        return SortedIDs.normalized(collected)
    }

    private func filterByClosure(_ ids: [Int64], column: String) throws -> [Int64] {
        var kept: [Int64] = []
        try forEachChunk(of: ids) { list in
            let rows = try Row.fetchAll(db, sql: "SELECT concept_id, \(column) FROM isa_closure WHERE concept_id IN (\(list))")
            var related: [Int64: [Int64]] = [:]
            for row in rows { related[row[0]] = SortedIDs.decode(row[1]) }
            for (id, others) in related where SortedIDs.intersection(others, ids).isEmpty { kept.append(id) }
        }
        // Concepts without a closure row (inactive) have no relatives and are their own top and bottom.
        let withRows = try conceptsWithClosure(ids)
        return SortedIDs.union(SortedIDs.normalized(kept), SortedIDs.difference(ids, withRows))
    }

    private func conceptsWithClosure(_ ids: [Int64]) throws -> [Int64] {
        var found: [Int64] = []
        try forEachChunk(of: ids) { list in
            found += try Int64.fetchAll(db, sql: "SELECT concept_id FROM isa_closure WHERE concept_id IN (\(list))")
        }
        return SortedIDs.normalized(found)
    }

    /// Direct children (`childrenOf`) or parents of `ids` by active inferred IS-A.
    private func isA(from ids: [Int64], childrenOf: Bool) throws -> [Int64] {
        var collected: [Int64] = []
        let (select, match) = childrenOf ? ("source_id", "destination_id") : ("destination_id", "source_id")
        try forEachChunk(of: ids) { list in
            collected += try Int64.fetchAll(
                db, sql: "SELECT \(select) FROM relationship WHERE \(match) IN (\(list)) AND type_id = ? AND active = 1", arguments: [WellKnown.isA])
        }
        return SortedIDs.normalized(collected)
    }
}
