import GRDB
import RF2

/// Rules `fsn-per-language`, `pt-per-language` and `language-mirrors-description`.
///
/// A language refset "covers" an active concept when it has an active member on one of the concept's active
/// descriptions. Each covering refset must then give the concept exactly one preferred synonym, and, if the
/// refset carries FSNs at all (national refsets such as Norwegian Bokmål do not), exactly one preferred FSN.
struct LanguageCheck {
    func run(_ context: inout CheckContext) throws {
        let language = StagingPlan.MemberKind.language.rawValue
        let hasDescriptions = try context.exists("SELECT 1 FROM c_description")
        let hasLanguage = try context.exists("SELECT 1 FROM c_member WHERE kind = \(language)")
        let withoutFSN = hasDescriptions ? try reportConceptsWithoutFSN(&context) : []
        guard hasLanguage else { return }
        try reportPreferredTermCounts(&context, withoutFSN: withoutFSN)
        try reportMembersOfInactiveDescriptions(&context)
        try reportDescriptionsWithoutMembers(&context)
    }

    /// Active concepts without any active FSN; returns them, so that no refset is blamed for their missing FSN too.
    private func reportConceptsWithoutFSN(_ context: inout CheckContext) throws -> Set<Int64> {
        let fsn = WellKnown.fullySpecifiedName
        var withoutFSN = Set<Int64>()
        try context.forEach(
            """
            SELECT c.file, c.line, c.id FROM c_concept c
            WHERE c.active = 1 AND NOT EXISTS (
              SELECT 1 FROM c_description d WHERE d.concept_id = c.id AND d.type_id = \(fsn) AND d.active = 1)
            ORDER BY c.file, c.line
            """
        ) { row in
            let id: Int64 = row[2]
            withoutFSN.insert(id)
            context.report(
                .error, .fsnPerLanguage, file: row[0], line: row[1], column: "id", value: String(id),
                "the active concept has no active fully specified name")
        }
        return withoutFSN
    }

    /// One preferred FSN (in refsets that carry FSNs) and one preferred synonym per covering language refset.
    private func reportPreferredTermCounts(_ context: inout CheckContext, withoutFSN: Set<Int64>) throws {
        let fsn = WellKnown.fullySpecifiedName, synonym = WellKnown.synonym, preferred = WellKnown.preferred
        let language = StagingPlan.MemberKind.language.rawValue
        let fsnRefsets = Set(
            try Int64.fetchAll(
                context.db,
                sql: """
                    SELECT DISTINCT m.refset_id FROM c_member m JOIN c_description d ON d.id = m.rcid
                    WHERE m.kind = \(language) AND m.active = 1 AND d.active = 1 AND d.type_id = \(fsn)
                    """))

        try context.forEach(
            """
            SELECT c.file, c.line, c.id, g.refset_id, g.fsn, g.pt, g.fsn_ids, g.pt_ids FROM (
              SELECT d.concept_id, m.refset_id,
                total(m.c1 = \(preferred) AND d.type_id = \(fsn)) AS fsn,
                total(m.c1 = \(preferred) AND d.type_id = \(synonym)) AS pt,
                group_concat(CASE WHEN m.c1 = \(preferred) AND d.type_id = \(fsn) THEN d.id END, ', ') AS fsn_ids,
                group_concat(CASE WHEN m.c1 = \(preferred) AND d.type_id = \(synonym) THEN d.id END, ', ') AS pt_ids
              FROM c_member m JOIN c_description d ON d.id = m.rcid
              WHERE m.kind = \(language) AND m.active = 1 AND d.active = 1 AND d.is_def = 0
              GROUP BY d.concept_id, m.refset_id
              HAVING fsn != 1 OR pt != 1) g
            JOIN c_concept c ON c.id = g.concept_id AND c.active = 1
            ORDER BY c.file, c.line, g.refset_id
            """
        ) { row in
            let concept: Int64 = row[2]
            let refset: Int64 = row[3]
            let fsnCount = Int(row[4] as Double)
            let ptCount = Int(row[5] as Double)
            if fsnCount != 1, fsnRefsets.contains(refset), !(fsnCount == 0 && withoutFSN.contains(concept)) {
                let ids: String? = row[6]
                context.report(
                    .error, .fsnPerLanguage, file: row[0], line: row[1], column: "id", value: String(concept),
                    fsnCount == 0
                        ? "the active concept has no preferred fully specified name in language refset \(refset)"
                        : "the active concept has \(fsnCount) preferred fully specified names in language refset \(refset) (descriptions \(ids ?? ""))")
            }
            if ptCount != 1 {
                let ids: String? = row[7]
                context.report(
                    .error, .ptPerLanguage, file: row[0], line: row[1], column: "id", value: String(concept),
                    ptCount == 0
                        ? "the active concept has no preferred synonym in language refset \(refset)"
                        : "the active concept has \(ptCount) preferred synonyms in language refset \(refset) (descriptions \(ids ?? ""))")
            }
        }
    }

    /// Member activity mirrors description activity: no active member on an inactive description.
    private func reportMembersOfInactiveDescriptions(_ context: inout CheckContext) throws {
        let language = StagingPlan.MemberKind.language.rawValue
        try context.forEach(
            """
            SELECT m.file, m.line, m.rcid FROM c_member m JOIN c_description d ON d.id = m.rcid
            WHERE m.kind = \(language) AND m.active = 1 AND d.active = 0
            ORDER BY m.file, m.line
            """
        ) { row in
            let description: Int64 = row[2]
            context.report(
                .error, .languageMirrorsDescription, file: row[0], line: row[1], column: "referencedComponentId", value: String(description),
                "active language refset member on inactive description \(description): inactivate the member too")
        }
    }

    /// An active description without an active language refset member: a warning, as no dialect says whether to use it.
    private func reportDescriptionsWithoutMembers(_ context: inout CheckContext) throws {
        let language = StagingPlan.MemberKind.language.rawValue
        try context.forEach(
            """
            SELECT d.file, d.line, d.id FROM c_description d
            WHERE d.active = 1 AND NOT EXISTS (SELECT 1 FROM c_member m WHERE m.rcid = d.id AND m.kind = \(language) AND m.active = 1)
            ORDER BY d.file, d.line
            """
        ) { row in
            let description: Int64 = row[2]
            context.report(
                .warning, .languageMirrorsDescription, file: row[0], line: row[1], column: "id", value: String(description),
                "the active description has no active language refset member, so no dialect says whether to use it")
        }
    }
}
