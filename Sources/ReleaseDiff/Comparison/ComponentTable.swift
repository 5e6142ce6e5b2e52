import RF2

/// Where one SCTID-keyed component type lives in a release store and which RF2 columns it compares.
///
/// Every table's first three compared columns are `effectiveTime`, `active` and `moduleId`; the classifier
/// relies on those positions.
struct ComponentTable: Sendable {
    var component: ComponentType
    var table: String
    var condition: String
    /// Compared columns after the id: SQL name and RF2 name.
    var columns: [(sql: String, rf2: String)]
    /// Index in `columns` of the concept the component belongs to, or nil when it is the id itself.
    var conceptColumn: Int?

    var selectList: String { columns.map(\.sql).joined(separator: ", ") }
    var rf2Names: [String] { columns.map(\.rf2) }
    var whereClause: String { condition.isEmpty ? "" : "WHERE \(condition)" }

    /// The scan that fingerprints the table: id first, then every compared column, in id order.
    var fingerprintSQL: String { "SELECT id, \(selectList) FROM \(table) \(whereClause) ORDER BY id" }
    var rowSQL: String { "SELECT \(selectList) FROM \(table) WHERE id = ?" }

    static let common: [(sql: String, rf2: String)] = [("effective_time", "effectiveTime"), ("active", "active"), ("module_id", "moduleId")]

    private static let relationshipColumns: [(sql: String, rf2: String)] =
        common + [
            ("source_id", "sourceId"), ("destination_id", "destinationId"), ("relationship_group", "relationshipGroup"),
            ("type_id", "typeId"), ("characteristic_type_id", "characteristicTypeId"), ("modifier_id", "modifierId"),
        ]
    private static let descriptionColumns: [(sql: String, rf2: String)] =
        common + [
            ("concept_id", "conceptId"), ("language_code", "languageCode"), ("type_id", "typeId"), ("term", "term"),
            ("case_significance_id", "caseSignificanceId"),
        ]

    static let all: [ComponentTable] = [
        ComponentTable(
            component: .concepts, table: "concept", condition: "",
            columns: common + [("definition_status_id", "definitionStatusId")], conceptColumn: nil),
        ComponentTable(
            component: .descriptions, table: "description", condition: "type_id != \(WellKnown.definition)",
            columns: descriptionColumns, conceptColumn: 3),
        ComponentTable(
            component: .textDefinitions, table: "description", condition: "type_id = \(WellKnown.definition)",
            columns: descriptionColumns, conceptColumn: 3),
        ComponentTable(component: .inferredRelationships, table: "relationship", condition: "", columns: relationshipColumns, conceptColumn: 3),
        ComponentTable(component: .statedRelationships, table: "stated_relationship", condition: "", columns: relationshipColumns, conceptColumn: 3),
        ComponentTable(
            component: .concreteValues, table: "concrete_value", condition: "",
            columns: common + [
                ("source_id", "sourceId"), ("value", "value"), ("relationship_group", "relationshipGroup"), ("type_id", "typeId"),
                ("characteristic_type_id", "characteristicTypeId"), ("modifier_id", "modifierId"),
            ], conceptColumn: 3),
    ]
}
