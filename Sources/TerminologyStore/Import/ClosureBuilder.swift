import GRDB
import GRDBSQLite
import RF2

/// Computes the transitive closure of active inferred IS-A in memory over a dense concept index and writes
/// it sorted, so the WITHOUT ROWID table is filled by appends only.
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

        let statement = try db.makeStatement(sql: "INSERT INTO isa_closure(descendant_id, ancestor_id) VALUES(?, ?)")
        let handle = statement.sqliteStatement
        var total = 0
        for node in 0..<count {
            for ancestor in ancestors[node] {
                sqlite3_bind_int64(handle, 1, ids[node])
                sqlite3_bind_int64(handle, 2, ids[Int(ancestor)])
                let result = sqlite3_step(handle)
                sqlite3_reset(handle)
                guard result == SQLITE_DONE else {
                    throw StoreError(.database, "writing the IS-A closure: \(String(cString: sqlite3_errmsg(db.sqliteConnection)))")
                }
                total += 1
            }
            ancestors[node] = []
        }
        return total
    }
}
