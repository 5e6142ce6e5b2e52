import Foundation
import GRDB
import RF2

/// The checks and derived data that follow the bulk load: module dependencies, preferred terms, refset field
/// names and counts. (Concept references are checked while parsing, see ``BulkLoader``.)
struct StoreFinisher {
    let db: Database
    let loaded: [BulkLoader.FileResult]
    let progress: (@Sendable (String) -> Void)?

    struct Dependencies {
        var editionModule: Int64
        var effectiveTime: Int
        var modules: [Int64]
        var warnings: [String]
    }

    /// Reads the module dependency refset: version mismatches become warnings, and the edition module and
    /// release date are decided. (Missing modules were refused before loading, see ``ModuleDependencyPrecheck``.)
    func checkModuleDependencies() throws -> Dependencies {
        progress?("checking module dependencies")
        var present = Set(try Int64.fetchAll(db, sql: "SELECT DISTINCT module_id FROM concept"))
        let rows = try Row.fetchAll(
            db,
            sql: "SELECT module_id, referenced_component_id, a1, a2 FROM refset_member WHERE refset_id = ? AND active = 1",
            arguments: [WellKnown.moduleDependency])
        var versions: [Int64: Int] = [:]
        for row in rows {
            let source: Int64 = row[0]
            present.insert(source)
            if let time = Int((row[2] as String?) ?? "") { versions[source] = max(versions[source] ?? 0, time) }
        }
        var warnings: [String] = []
        for row in rows.sorted(by: { ($0[0] as Int64, $0[1] as Int64) < ($1[0] as Int64, $1[1] as Int64) }) {
            let source: Int64 = row[0]
            let target: Int64 = row[1]
            if let have = versions[target], let need = Int((row[3] as String?) ?? ""), have != need {
                warnings.append("module \(source) was built against module \(target) version \(need), but version \(have) is imported")
            }
        }
        // The edition module is the concept-owning module that no other concept-owning module depends on
        // (INT: core, not the ICD-10 map module; INT + NO: the Norway module). Ties go to the larger module.
        let conceptCounts = Dictionary(
            uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT module_id, count(*) FROM concept GROUP BY module_id").map { ($0[0] as Int64, $0[1] as Int) }
        )
        let owning = Set(conceptCounts.keys)
        let dependedOn = Set(rows.filter { owning.contains($0[0] as Int64) }.map { $0[1] as Int64 })
        let tops = owning.subtracting(dependedOn)
        let edition =
            tops.max { (conceptCounts[$0] ?? 0, $0) < (conceptCounts[$1] ?? 0, $1) }
            ?? conceptCounts.max { ($0.value, $0.key) < ($1.value, $1.key) }?.key ?? WellKnown.coreModule
        let time = try versions[edition] ?? Int.fetchOne(db, sql: "SELECT max(effective_time) FROM concept") ?? 0
        return Dependencies(editionModule: edition, effectiveTime: time, modules: present.sorted(), warnings: warnings)
    }

    /// Records each refset's additional field names and types from the file headers.
    func recordRefsetFields() throws {
        let statement = try db.makeStatement(sql: "INSERT OR REPLACE INTO refset_field VALUES(?,?,?,?)")
        for result in loaded {
            guard case .refset(let pattern) = result.file.kind! else { continue }
            let names = Array(result.header.dropFirst(RF2Columns.refsetBase.count))
            let letters = Array(pattern)
            for refset in result.refsetIds {
                for (position, name) in names.enumerated() {
                    try statement.execute(arguments: [refset, position + 1, name, String(letters[position])])
                }
            }
        }
    }

    /// The preferred synonym and FSN per concept per language refset, for display in any language.
    func buildConceptTerms() throws {
        let languageRefsets = try Int64.fetchAll(
            db, sql: "SELECT refset_id FROM refset_field WHERE position = 1 AND name = 'acceptabilityId' AND type = 'c'")
        guard !languageRefsets.isEmpty else { return }
        // Descriptions in id order, members by the (component, refset) index: sequential on both sides. The
        // first preferred description per (concept, refset, type) wins, i.e. the lowest id.
        try db.execute(
            sql: """
                INSERT OR IGNORE INTO concept_term(concept_id, refset_id, type_id, description_id, term)
                SELECT d.concept_id, m.refset_id, d.type_id, d.id, d.term
                FROM description d CROSS JOIN refset_member m INDEXED BY member_component ON m.referenced_component_id = d.id
                WHERE m.refset_id IN (\(languageRefsets.map(String.init).joined(separator: ",")))
                  AND m.active = 1 AND m.a1 = ? AND d.active = 1 AND d.type_id IN (?, ?)
                ORDER BY d.id
                """,
            arguments: [WellKnown.preferred, WellKnown.fullySpecifiedName, WellKnown.synonym])
    }

    /// Refsets without a refset concept are reported, not fatal: real packages carry a few oddities.
    func refsetWarnings() throws -> [String] {
        let missingRefsets = try Int64.fetchAll(
            db, sql: "SELECT DISTINCT refset_id FROM refset_field f WHERE NOT EXISTS (SELECT 1 FROM concept c WHERE c.id = f.refset_id) ORDER BY refset_id")
        guard !missingRefsets.isEmpty else { return [] }
        return ["refset ids without a concept in the release: \(missingRefsets.prefix(10).map(String.init).joined(separator: ", "))"]
    }

    /// Totals per component type, kept in the store so listing releases is instant.
    func recordCounts() throws -> [ComponentCount] {
        let queries: [(String, String)] = [
            ("concepts", "SELECT count(*), total(active) FROM concept"),
            ("descriptions", "SELECT count(*), total(active) FROM description WHERE type_id != \(WellKnown.definition)"),
            ("text definitions", "SELECT count(*), total(active) FROM description WHERE type_id = \(WellKnown.definition)"),
            ("inferred relationships", "SELECT count(*), total(active) FROM relationship"),
            ("stated relationships", "SELECT count(*), total(active) FROM stated_relationship"),
            ("concrete values", "SELECT count(*), total(active) FROM concrete_value"),
            (
                "OWL axioms",
                "SELECT count(*), total(active) FROM refset_member WHERE refset_id IN (\(WellKnown.owlAxiomRefset), \(WellKnown.owlOntologyRefset))"
            ),
            ("refset members", "SELECT count(*), total(active) FROM refset_member"),
            ("IS-A closure", "SELECT coalesce(sum(length(ancestors)), 0) / 8, CAST(coalesce(sum(length(ancestors)), 0) / 8 AS REAL) FROM isa_closure"),
        ]
        try db.execute(sql: "DELETE FROM component_count")
        var counts: [ComponentCount] = []
        for (name, sql) in queries {
            guard let row = try Row.fetchOne(db, sql: sql) else { continue }
            let count = ComponentCount(component: name, total: row[0], active: Int((row[1] as Double?) ?? 0))
            counts.append(count)
            try db.execute(sql: "INSERT INTO component_count(component, total, active) VALUES(?,?,?)", arguments: [name, count.total, count.active])
        }
        return counts
    }
}
