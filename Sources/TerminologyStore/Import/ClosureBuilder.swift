import GRDB
import RF2

/// Computes the transitive closure of active inferred IS-A in memory over a dense concept index and writes
/// one row per concept with its ancestors and descendants as sorted id arrays.
struct ClosureBuilder {
    /// Builds `isa_closure`; returns the number of (descendant, ancestor) pairs. A cycle is an error that
    /// names concepts on it.
    static func build(_ db: Database) throws -> Int {
        var ids: [Int64] = []
        let cursor = try Int64.fetchCursor(db, sql: "SELECT id FROM concept ORDER BY id")
        while let id = try cursor.next() { ids.append(id) }
        var index: [Int64: Int32] = [:]
        index.reserveCapacity(ids.count)
        for (position, id) in ids.enumerated() { index[id] = Int32(position) }

        // Parent lists in CSR form.
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

        // Kahn's order: a concept is finished once all its parents are.
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

        // Descendant lists by counting sort over the ancestor lists (both end up sorted by id).
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
        let statement = try db.makeStatement(sql: "INSERT INTO isa_closure(concept_id, ancestors, descendants) VALUES(?, ?, ?)")
        for node in 0..<count where !ancestors[node].isEmpty || descendantStart[node + 1] > descendantStart[node] {
            let up = IDArray.encode(ancestors[node].lazy.map { ids[Int($0)] })
            let down = IDArray.encode(descendants[descendantStart[node]..<descendantStart[node + 1]].lazy.map { ids[Int($0)] })
            try statement.execute(arguments: [ids[node], up, down])
        }
        return total
    }
}
