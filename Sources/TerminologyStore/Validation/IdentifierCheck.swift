import GRDB
import RF2

/// Rule `unique-id`: an id appears once per package (per effective time in Full files).
///
/// Descriptions and text definitions share one table, as do stated and inferred relationships, so the RF2
/// cross-file uniqueness rules (RF2 §2.2) fall out of the same query. The same id in two packages is not a
/// problem: extension snapshots legitimately carry newer rows for International components.
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
            var group = key
            if keyIncludesTime { group.append("et") }
            let join = group.map { "t.\($0) IS d.\($0)" }.joined(separator: " AND ")
            let sql = """
                SELECT \(group.map { "t.\($0)" }.joined(separator: ", ")), t.file, t.line
                FROM \(table) t JOIN (
                  SELECT \(group.joined(separator: ", ")) FROM \(table) WHERE \(key[0]) IS NOT NULL
                  GROUP BY \(group.joined(separator: ", ")) HAVING count(*) > 1) d ON \(join)
                ORDER BY \(group.map { "t.\($0)" }.joined(separator: ", ")), t.file, t.line
                """
            // Rows of one key arrive together, in file order; the first row per package is the original.
            var currentKey: [Int64?] = []
            var firstInPackage: [Int: (file: Int, line: Int)] = [:]
            try context.forEach(sql) { row in
                let rowKey: [Int64?] = (0..<group.count).map { row[$0] }
                let file: Int = row[group.count]
                let line: Int = row[group.count + 1]
                if rowKey != currentKey {
                    currentKey = rowKey
                    firstInPackage = [:]
                }
                let package = context.inputs[file].packageIndex
                guard let first = firstInPackage[package] else {
                    firstInPackage[package] = (file, line)
                    return
                }
                let inputs = context.inputs
                let uuid = key.count == 2
                func text() -> String {
                    uuid
                        ? RF2UUID(high: UInt64(bitPattern: rowKey[0] ?? 0), low: UInt64(bitPattern: rowKey[1] ?? 0)).description
                        : String(rowKey[0] ?? 0)
                }
                context.report(
                    .error, .uniqueId, file: file, line: line, column: "id", value: text(),
                    "\(label) id \(text()) is already used at \(inputs[first.file].file.displayPath):\(first.line)")
            }
        }
    }
}
