import RF2

/// How one kind of RF2 file maps onto a store table: column names and how each is held in a ``RowBatch``.
struct TableLayout: Sendable, Hashable {
    enum Column: Sendable, Hashable {
        /// An integer (SCTID, date, flag, number).
        case int
        /// UTF-8 text.
        case text
        /// A member UUID, held as two integers and stored as a 16-byte blob.
        case uuid
    }

    let table: String
    let columns: [String]
    let kinds: [Column]
    /// The conflict target for upserts (the table's primary or unique key).
    let key: String

    var intStride: Int { kinds.reduce(0) { $0 + ($1 == .int ? 1 : $1 == .uuid ? 2 : 0) } }
    var textStride: Int { kinds.filter { $0 == .text }.count }

    /// `INSERT`, or in merge mode an upsert that keeps the row with the newest effective time.
    func insertSQL(merge: Bool) -> String {
        let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ",")
        var sql = "INSERT INTO \(table)(\(columns.joined(separator: ","))) VALUES(\(placeholders))"
        if merge {
            var assigned = columns.filter { !key.contains($0) }
            if table == "refset_member" {
                assigned += ReleaseSchema.refsetValueColumns.filter { !assigned.contains($0) }
            }
            let updates = assigned.map { "\($0)=excluded.\($0)" }.joined(separator: ",")
            sql += " ON CONFLICT(\(key)) DO UPDATE SET \(updates) WHERE excluded.effective_time > \(table).effective_time"
        }
        return sql
    }

    static let concept = TableLayout(
        table: "concept", columns: ["id", "effective_time", "active", "module_id", "definition_status_id"],
        kinds: [.int, .int, .int, .int, .int], key: "id")
    static let description = TableLayout(
        table: "description",
        columns: ["id", "effective_time", "active", "module_id", "concept_id", "language_code", "type_id", "term", "case_significance_id"],
        kinds: [.int, .int, .int, .int, .int, .text, .int, .text, .int], key: "id")
    static func relationship(table: String) -> TableLayout {
        TableLayout(
            table: table,
            columns: [
                "id", "effective_time", "active", "module_id", "source_id", "destination_id", "relationship_group", "type_id",
                "characteristic_type_id", "modifier_id",
            ],
            kinds: Array(repeating: .int, count: 10), key: "id")
    }
    static let concreteValue = TableLayout(
        table: "concrete_value",
        columns: [
            "id", "effective_time", "active", "module_id", "source_id", "value", "relationship_group", "type_id",
            "characteristic_type_id", "modifier_id",
        ],
        kinds: [.int, .int, .int, .int, .int, .text, .int, .int, .int, .int], key: "id")
    static let identifier = TableLayout(
        table: "identifier",
        columns: ["identifier_scheme_id", "alternate_identifier", "effective_time", "active", "module_id", "referenced_component_id"],
        kinds: [.int, .text, .int, .int, .int, .int], key: "identifier_scheme_id, alternate_identifier")
    static func refset(pattern: String) -> TableLayout {
        let extra = pattern.map { $0 == "s" ? Column.text : Column.int }
        return TableLayout(
            table: "refset_member",
            columns: ["uuid", "effective_time", "active", "module_id", "refset_id", "referenced_component_id"]
                + (0..<pattern.count).map { "a\($0 + 1)" },
            kinds: [.uuid, .int, .int, .int, .int, .int] + extra, key: "uuid")
    }

    static func layout(for kind: RF2FileKind) -> TableLayout {
        switch kind {
        case .concept: .concept
        case .description, .textDefinition: .description
        case .relationship: .relationship(table: "relationship")
        case .statedRelationship: .relationship(table: "stated_relationship")
        case .concreteValues: .concreteValue
        case .identifier: .identifier
        case .refset(let pattern): .refset(pattern: pattern)
        }
    }
}
