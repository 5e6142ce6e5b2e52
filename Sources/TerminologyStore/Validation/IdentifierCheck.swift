import GRDB
import RF2

/// Rule `unique-id`: an id appears once per package (per effective time in Full files).
///
/// Descriptions and text definitions share one table, as do stated and inferred relationships, so the RF2
/// cross-file uniqueness rules (RF2 §2.2) fall out of the same query.
struct IdentifierCheck {
    let keyIncludesTime: Bool

    func run(_ context: inout CheckContext) throws {
        let tables: [(table: String, key: [String], label: String)] = [
            ("concept", ["id"], "concept"),
            ("description", ["id"], "description or text definition"),
            ("relationship", ["id"], "relationship (stated or inferred)"),
            ("concrete", ["id"], "concrete value"),
            ("member", ["uhi", "ulo"], "refset member"),
        ]
        for (table, key, label) in tables {
            var group = key + ["pkg"]
            if keyIncludesTime { group.append("et") }
            let join = group.map { "t.\($0) IS d.\($0)" }.joined(separator: " AND ")
            let order = (group + ["file", "line"]).map { "t.\($0)" }.joined(separator: ", ")
            let sql = """
                SELECT \(key.map { "t.\($0)" }.joined(separator: ", ")), t.pkg, t.et, t.file, t.line
                FROM \(table) t JOIN (
                  SELECT \(group.joined(separator: ", ")) FROM \(table) WHERE \(key[0]) IS NOT NULL
                  GROUP BY \(group.joined(separator: ", ")) HAVING count(*) > 1) d ON \(join)
                ORDER BY \(order)
                """
            var previous: (key: String, file: Int, line: Int)?
            let timed = keyIncludesTime
            try context.forEach(sql) { row in
                let value: String
                if key.count == 2 {
                    value = RF2UUID(high: UInt64(bitPattern: row[0] as Int64), low: UInt64(bitPattern: row[1] as Int64)).description
                } else {
                    value = String(row[0] as Int64)
                }
                let package: Int = row[key.count]
                let time: Int? = row[key.count + 1]
                let file: Int = row[key.count + 2]
                let line: Int = row[key.count + 3]
                let groupKey = "\(value)/\(package)" + (timed ? "/\(time ?? 0)" : "")
                if let first = previous, first.key == groupKey {
                    let where_ = context.inputs[first.file].file.displayPath
                    context.report(
                        .error, .uniqueId, file: file, line: line, column: "id", value: value,
                        "\(label) id \(value) is already used at \(where_):\(first.line)")
                } else {
                    previous = (groupKey, file, line)
                }
            }
        }
    }
}
