import GRDB
import RF2

/// Computes the transitive closure of active inferred IS-A in memory over a dense concept index and writes
/// one row per concept with its ancestors and descendants as sorted id arrays.
struct ClosureBuilder {
    /// Builds `isa_closure`; returns the number of (descendant, ancestor) pairs. A cycle is an error that
    /// names concepts on it.
    static func build(_ db: Database) throws -> Int {
        let ids = try conceptIDs(db)
        let (parentStart, parents) = try parentLists(db, ids: ids)
        let ancestors = try ancestorLists(parentStart: parentStart, parents: parents, ids: ids)
        let (descendantStart, descendants) = descendantLists(ancestors)
        try write(db, ids: ids, ancestors: ancestors, descendantStart: descendantStart, descendants: descendants)
        return descendants.count
    }

    /// Every concept id, sorted: the dense index of a concept is its position here.
    private static func conceptIDs(_ db: Database) throws -> [Int64] {
        var ids: [Int64] = []
        let cursor = try Int64.fetchCursor(db, sql: "SELECT id FROM concept ORDER BY id")
        while let id = try cursor.next() { ids.append(id) }
        return ids
    }

    /// Parent lists in CSR form: the parents of concept `n` are `parents[start[n]..<start[n + 1]]`, sorted and
    /// without repeats; self-loops and relationships to unknown concepts are left out.
    private static func parentLists(_ db: Database, ids: [Int64]) throws -> (start: [Int], parents: [Int32]) {
        var index: [Int64: Int32] = [:]
        index.reserveCapacity(ids.count)
        for (position, id) in ids.enumerated() { index[id] = Int32(position) }

        var edges: [(Int32, Int32)] = []
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT source_id, destination_id FROM relationship
                WHERE active = 1 AND type_id = ? AND characteristic_type_id != ?
                """, arguments: [WellKnown.isA, WellKnown.statedRelationship])
        while let row = try rows.next() {
            guard let child = index[row[0]], let parent = index[row[1]], child != parent else { continue }
            edges.append((child, parent))
        }
        edges.sort { $0 < $1 }
        let count = ids.count
        var parentStart = [Int](repeating: 0, count: count + 1)
        var parents: [Int32] = []
        parents.reserveCapacity(edges.count)
        var previous: (Int32, Int32)? = nil
        for edge in edges where previous.map({ $0 != edge }) ?? true {
            parentStart[Int(edge.0) + 1] += 1
            parents.append(edge.1)
            previous = edge
        }
        for position in 0..<count { parentStart[position + 1] += parentStart[position] }
        return (parentStart, parents)
    }

    /// Each concept's ancestors, sorted, in Kahn's order: a concept is finished once all its parents are.
    /// Concepts left unfinished lie on (or below) a cycle.
    private static func ancestorLists(parentStart: [Int], parents: [Int32], ids: [Int64]) throws -> [[Int32]] {
        let count = ids.count
        var pendingParents = [Int32](repeating: 0, count: count)
        var childLists = [[Int32]](repeating: [], count: count)
        for node in 0..<count {
            pendingParents[node] = Int32(parentStart[node + 1] - parentStart[node])
            for edge in parentStart[node]..<parentStart[node + 1] { childLists[Int(parents[edge])].append(Int32(node)) }
        }
        var ancestors = [[Int32]](repeating: [], count: count)
        var queue: [Int32] = (0..<count).filter { pendingParents[$0] == 0 }.map { Int32($0) }
        var head = 0
        var scratch: [Int32] = []
        while head < queue.count {
            let node = Int(queue[head])
            head += 1
            scratch.removeAll(keepingCapacity: true)
            for edge in parentStart[node]..<parentStart[node + 1] {
                let parent = Int(parents[edge])
                scratch.append(Int32(parent))
                scratch.append(contentsOf: ancestors[parent])
            }
            if !scratch.isEmpty {
                scratch.sort()
                var unique: [Int32] = []
                unique.reserveCapacity(scratch.count)
                for value in scratch where unique.last != value { unique.append(value) }
                ancestors[node] = unique
            }
            for child in childLists[node] {
                pendingParents[Int(child)] -= 1
                if pendingParents[Int(child)] == 0 { queue.append(child) }
            }
        }
        if queue.count < count {
            let stuck = (0..<count).filter { pendingParents[$0] > 0 }.prefix(5).map { String(ids[$0]) }
            throw StoreError(.isaCycle, "the active IS-A relationships contain a cycle through concepts \(stuck.joined(separator: ", "))")
        }
        return ancestors
    }

    /// Descendant lists in CSR form, by counting sort over the ancestor lists (both end up sorted by id).
    private static func descendantLists(_ ancestors: [[Int32]]) -> (start: [Int], descendants: [Int32]) {
        let count = ancestors.count
        var descendantStart = [Int](repeating: 0, count: count + 1)
        var total = 0
        for node in 0..<count {
            total += ancestors[node].count
            for ancestor in ancestors[node] { descendantStart[Int(ancestor) + 1] += 1 }
        }
        for position in 0..<count { descendantStart[position + 1] += descendantStart[position] }
        var fill = descendantStart
        var descendants = [Int32](repeating: 0, count: total)
        for node in 0..<count {
            for ancestor in ancestors[node] {
                descendants[fill[Int(ancestor)]] = Int32(node)
                fill[Int(ancestor)] += 1
            }
        }
        return (descendantStart, descendants)
    }

    /// One row per concept that has ancestors or descendants, with the dense indexes turned back into ids.
    private static func write(
        _ db: Database, ids: [Int64], ancestors: [[Int32]], descendantStart: [Int], descendants: [Int32]
    ) throws {
        let statement = try db.makeStatement(sql: "INSERT INTO isa_closure(concept_id, ancestors, descendants) VALUES(?, ?, ?)")
        for node in 0..<ids.count where !ancestors[node].isEmpty || descendantStart[node + 1] > descendantStart[node] {
            let up = IDArray.encode(ancestors[node].lazy.map { ids[Int($0)] })
            let down = IDArray.encode(descendants[descendantStart[node]..<descendantStart[node + 1]].lazy.map { ids[Int($0)] })
            try statement.execute(arguments: [ids[node], up, down])
        }
    }
}
