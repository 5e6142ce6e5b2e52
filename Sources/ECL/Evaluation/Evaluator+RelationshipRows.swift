import GRDB
import RF2
import TerminologyStore

/// Active inferred relationships and concrete values of a sorted id set, for refinements and dotted
/// attributes.
///
/// Many ids: one pass per attribute type over the covering index `relationship_type_destination` (type,
/// destination, group, source; active rows only), keeping the rows whose concept is in the set. A type has
/// at most a few hundred thousand rows, read in tens of milliseconds, whereas looking up 100k sources one by
/// one costs far more. Few ids: lookups by source.
/// Rows are gathered with the position of their concept in the sorted set and then placed by a counting
/// sort on that position (stable, linear), which keeps a comparison sort of a few hundred thousand rows off
/// the path; only each concept's few rows are then ordered by group.
extension Evaluator {
    /// Relationships whose source is in `sources`, sorted by source then group. `types` nil: every type.
    func relationships(from sources: [Int64], types: [Int64]?) throws -> [Relationship] {
        if sources.isEmpty || types?.isEmpty == true { return [] }
        var rows: [(position: Int32, row: Relationship)] = []
        let positions = IDPositions(sources)
        func add(_ source: Int64, _ destination: Int64, _ group: Int64, _ type: Int64) {
            if let position = positions.position(of: source) {
                rows.append((Int32(position), Relationship(source: source, destination: destination, group: Int(group), type: type)))
            }
        }
        if sources.count >= tuning.scanFrom {
            if let types {
                for type in types {
                    try forEachRow("SELECT source_id, destination_id, relationship_group FROM relationship WHERE type_id = ? AND active = 1", [type]) { row in
                        add(row.int64(0), row.int64(1), row.int64(2), type)
                    }
                }
            } else {
                try forEachRow("SELECT source_id, destination_id, relationship_group, type_id FROM relationship WHERE active = 1") { row in
                    add(row.int64(0), row.int64(1), row.int64(2), row.int64(3))
                }
            }
        } else {
            try forEachRow("SELECT destination_id, relationship_group, type_id FROM relationship WHERE source_id = ? AND active = 1", perID: sources) {
                source, row in
                let type = row.int64(2)
                if let types, !SortedIDs.contains(types, type) { return }
                add(source, row.int64(0), row.int64(1), type)
            }
        }
        return Self.placed(rows, count: sources.count) { $0.group < $1.group }
    }

    /// Relationships whose destination is in `destinations` (reverse attributes), sorted by destination
    /// then group.
    func relationships(to destinations: [Int64], types: [Int64]?) throws -> [Relationship] {
        if destinations.isEmpty || types?.isEmpty == true { return [] }
        var rows: [(position: Int32, row: Relationship)] = []
        if let types, destinations.count < tuning.scanFrom {
            // The covering index leads with (type, destination): one seek per pair.
            let statement = try db.makeStatement(
                sql: "SELECT source_id, relationship_group FROM relationship WHERE type_id = ? AND destination_id = ? AND active = 1")
            for type in types {
                for (position, destination) in destinations.enumerated() {
                    try RawRow.forEach(statement, arguments: [type, destination]) { row in
                        try tick()
                        rows.append((Int32(position), Relationship(source: row.int64(0), destination: destination, group: Int(row.int64(1)), type: type)))
                    }
                }
            }
        } else {
            // No index leads with the destination alone: one pass over the active relationships.
            let positions = IDPositions(destinations)
            let typeClause = types.map { " AND type_id IN (\($0.map(String.init).joined(separator: ",")))" } ?? ""
            try forEachRow("SELECT source_id, destination_id, relationship_group, type_id FROM relationship WHERE active = 1\(typeClause)") { row in
                let destination = row.int64(1)
                if let position = positions.position(of: destination) {
                    rows.append((Int32(position), Relationship(source: row.int64(0), destination: destination, group: Int(row.int64(2)), type: row.int64(3))))
                }
            }
        }
        return Self.placed(rows, count: destinations.count) { $0.group < $1.group }
    }

    /// Active concrete values of `sources` (every type), sorted by source then group.
    func concreteValues(of sources: [Int64]) throws -> [ConcreteValue] {
        var rows: [(position: Int32, row: ConcreteValue)] = []
        func add(_ position: Int, _ source: Int64, _ row: RawRow, from column: Int32) {
            rows.append(
                (Int32(position), ConcreteValue(source: source, group: Int(row.int64(column)), type: row.int64(column + 1), value: row.text(column + 2))))
        }
        if sources.count >= tuning.scanFrom {
            let positions = IDPositions(sources)
            try forEachRow("SELECT source_id, relationship_group, type_id, value FROM concrete_value WHERE active = 1") { row in
                let source = row.int64(0)
                if let position = positions.position(of: source) { add(position, source, row, from: 1) }
            }
        } else {
            var position = 0
            try forEachRow("SELECT relationship_group, type_id, value FROM concrete_value WHERE source_id = ? AND active = 1", perID: sources) { source, row in
                while sources[position] != source { position += 1 }
                add(position, source, row, from: 0)
            }
        }
        return Self.placed(rows, count: sources.count) { $0.group < $1.group }
    }

    /// `rows` ordered by position (counting sort, stable), then each position's rows by `ordered`.
    private static func placed<T>(_ rows: [(position: Int32, row: T)], count: Int, by ordered: (T, T) -> Bool) -> [T] {
        guard let first = rows.first else { return [] }
        var starts = [Int](repeating: 0, count: count + 1)
        for item in rows { starts[Int(item.position) + 1] += 1 }
        for index in 0..<count { starts[index + 1] += starts[index] }
        var next = starts
        var result = [T](repeating: first.row, count: rows.count)
        for item in rows {
            result[next[Int(item.position)]] = item.row
            next[Int(item.position)] += 1
        }
        for index in 0..<count where starts[index + 1] - starts[index] > 1 {
            result[starts[index]..<starts[index + 1]].sort(by: ordered)
        }
        return result
    }
}
