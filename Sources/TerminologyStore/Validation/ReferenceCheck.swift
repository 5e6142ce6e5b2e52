import GRDB
import RF2

/// Rule `referential-integrity`: every id a row refers to names a component in the validated packages.
///
/// Checked on the combined current state, so an extension's references into the International Edition
/// resolve when both packages are validated together.
struct ReferenceCheck {
    private struct Reference {
        let table: String
        let column: String
        let rf2Column: String
        let condition: String
        let target: Target
    }

    private enum Target {
        case concept
        case description
        /// A concept or a description (association targets, e.g. REFERS TO).
        case conceptOrDescription
        /// Any component: concept, description, relationship or concrete value.
        case component

        var missing: (String) -> String {
            switch self {
            case .concept: { "NOT EXISTS (SELECT 1 FROM c_concept x WHERE x.id = \($0))" }
            case .description: { "NOT EXISTS (SELECT 1 FROM c_description x WHERE x.id = \($0))" }
            case .conceptOrDescription:
                {
                    "NOT EXISTS (SELECT 1 FROM c_concept x WHERE x.id = \($0)) AND NOT EXISTS (SELECT 1 FROM c_description x WHERE x.id = \($0))"
                }
            case .component:
                {
                    """
                    NOT EXISTS (SELECT 1 FROM c_concept x WHERE x.id = \($0)) AND NOT EXISTS (SELECT 1 FROM c_description x WHERE x.id = \($0))
                    AND NOT EXISTS (SELECT 1 FROM c_relationship x WHERE x.id = \($0)) AND NOT EXISTS (SELECT 1 FROM c_concrete x WHERE x.id = \($0))
                    """
                }
            }
        }

        var noun: String {
            switch self {
            case .concept: "concept"
            case .description: "description"
            case .conceptOrDescription: "concept or description"
            case .component: "component"
            }
        }
    }

    func run(_ context: inout CheckContext) throws {
        let language = StagingPlan.MemberKind.language.rawValue
        let association = StagingPlan.MemberKind.association.rawValue
        let other = StagingPlan.MemberKind.other.rawValue
        let references: [Reference] = [
            Reference(table: "c_description", column: "concept_id", rf2Column: "conceptId", condition: "1", target: .concept),
            Reference(table: "c_relationship", column: "source_id", rf2Column: "sourceId", condition: "1", target: .concept),
            Reference(table: "c_relationship", column: "destination_id", rf2Column: "destinationId", condition: "1", target: .concept),
            Reference(table: "c_relationship", column: "type_id", rf2Column: "typeId", condition: "1", target: .concept),
            Reference(table: "c_concrete", column: "source_id", rf2Column: "sourceId", condition: "1", target: .concept),
            Reference(table: "c_concrete", column: "type_id", rf2Column: "typeId", condition: "1", target: .concept),
            Reference(table: "c_member", column: "rcid", rf2Column: "referencedComponentId", condition: "t.kind = \(language)", target: .description),
            Reference(table: "c_member", column: "c1", rf2Column: "targetComponentId", condition: "t.kind = \(association)", target: .conceptOrDescription),
            Reference(
                table: "c_member", column: "rcid", rf2Column: "referencedComponentId", condition: "t.kind IN (\(other), \(association))", target: .component),
        ]
        for reference in references {
            let sql = """
                SELECT t.file, t.line, t.\(reference.column) FROM \(reference.table) t
                WHERE t.\(reference.column) IS NOT NULL AND \(reference.condition) AND \(reference.target.missing("t.\(reference.column)"))
                ORDER BY t.file, t.line
                """
            try context.forEach(sql) { row in
                let missing: Int64 = row[2]
                context.report(
                    .error, .referentialIntegrity, file: row[0], line: row[1], column: reference.rf2Column, value: String(missing),
                    "refers to \(reference.target.noun) \(missing), which is not in the validated packages")
            }
        }

        // A missing refset concept is reported once per refset, not once per member.
        let refsets = """
            SELECT t.file, min(t.line), t.refset_id, count(*) FROM c_member t
            WHERE t.refset_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM c_concept x WHERE x.id = t.refset_id)
            GROUP BY t.refset_id, t.file ORDER BY t.file, 2
            """
        try context.forEach(refsets) { row in
            let refset = String(row[2] as Int64)
            let members: Int = row[3]
            context.report(
                .error, .referentialIntegrity, file: row[0], line: row[1], column: "refsetId", value: refset,
                "refset \(refset) is not a concept in the validated packages (\(members) member\(members == 1 ? "" : "s") in this file)")
        }
    }
}
