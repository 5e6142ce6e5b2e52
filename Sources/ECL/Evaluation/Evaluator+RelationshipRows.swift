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
extension Evaluator {
    /// Relationships whose source is in `sources`, sorted by source then group. `types` nil: every type.
    func relationships(from sources: [Int64], types: [Int64]?) throws -> [Relationship] {
        if sources.isEmpty || types?.isEmpty == true { return [] }
        var result: [Relationship] = []
        if sources.count >= tuning.scanFrom {
            if let types {
                for type in types {
                    try forEachRow("SELECT source_id, destination_id, relationship_group FROM relationship WHERE type_id = ? AND active = 1", [type]) { row in
                        let source = row.int64(0)
                        guard SortedIDs.contains(sources, source) else { return }
                        result.append(Relationship(source: source, destination: row.int64(1), group: Int(row.int64(2)), type: type))
                    }
                }
            } else {
                try forEachRow("SELECT source_id, destination_id, relationship_group, type_id FROM relationship WHERE active = 1") { row in
                    let source = row.int64(0)
                    guard SortedIDs.contains(sources, source) else { return }
                    result.append(Relationship(source: source, destination: row.int64(1), group: Int(row.int64(2)), type: row.int64(3)))
                }
            }
        } else {
            try forEachRow("SELECT destination_id, relationship_group, type_id FROM relationship WHERE source_id = ? AND active = 1", perID: sources) { source, row in
                let type = row.int64(2)
                if let types, !SortedIDs.contains(types, type) { return }
                result.append(Relationship(source: source, destination: row.int64(0), group: Int(row.int64(1)), type: type))
            }
        }
        result.sort { ($0.source, $0.group) < ($1.source, $1.group) }
        return result
    }

    /// Relationships whose destination is in `destinations` (reverse attributes), sorted by destination.
    func relationships(to destinations: [Int64], types: [Int64]?) throws -> [Relationship] {
        if destinations.isEmpty || types?.isEmpty == true { return [] }
        var result: [Relationship] = []
        if let types, destinations.count < tuning.scanFrom {
            // The covering index leads with (type, destination): one seek per pair.
            let statement = try db.makeStatement(
                sql: "SELECT source_id, relationship_group FROM relationship WHERE type_id = ? AND destination_id = ? AND active = 1")
            for type in types {
                for destination in destinations {
                    try RawRow.forEach(statement, arguments: [type, destination]) { row in
                        result.append(Relationship(source: row.int64(0), destination: destination, group: Int(row.int64(1)), type: type))
                    }
                }
            }
        } else {
            // No index leads with the destination alone: one pass over the active relationships.
            let typeClause = types.map { " AND type_id IN (\($0.map(String.init).joined(separator: ",")))" } ?? ""
            try forEachRow("SELECT source_id, destination_id, relationship_group, type_id FROM relationship WHERE active = 1\(typeClause)") { row in
                let destination = row.int64(1)
                guard SortedIDs.contains(destinations, destination) else { return }
                result.append(Relationship(source: row.int64(0), destination: destination, group: Int(row.int64(2)), type: row.int64(3)))
            }
        }
        result.sort { ($0.destination, $0.group) < ($1.destination, $1.group) }
        return result
    }

    /// Active concrete values of `sources` (every type), sorted by source then group.
    func concreteValues(of sources: [Int64]) throws -> [ConcreteValue] {
        var result: [ConcreteValue] = []
        func add(_ source: Int64, _ row: RawRow, from column: Int32) {
            result.append(ConcreteValue(source: source, group: Int(row.int64(column)), type: row.int64(column + 1), value: row.text(column + 2)))
        }
        if sources.count >= tuning.scanFrom {
            try forEachRow("SELECT source_id, relationship_group, type_id, value FROM concrete_value WHERE active = 1") { row in
                let source = row.int64(0)
                if SortedIDs.contains(sources, source) { add(source, row, from: 1) }
            }
        } else {
            try forEachRow("SELECT relationship_group, type_id, value FROM concrete_value WHERE source_id = ? AND active = 1", perID: sources) { source, row in
                add(source, row, from: 0)
            }
        }
        result.sort { ($0.source, $0.group) < ($1.source, $1.group) }
        return result
    }
}
