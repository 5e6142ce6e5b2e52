import Foundation
import GRDB
import RF2
import TerminologyStore

/// Compares two release stores: every component type by id, every refset member by UUID (and by business key
/// when a member was re-identified), then derives the views and roll-ups release managers read.
///
/// Each table is fingerprinted in both stores at once (one sequential scan per side, running in parallel),
/// so only rows that differ are ever read in full.
public struct ReleaseDiffer: Sendable {
    public let from: ReleaseStore
    public let to: ReleaseStore
    /// Display-term preference for labels and views.
    public var language: LanguagePreference

    public init(from: ReleaseStore, to: ReleaseStore, language: LanguagePreference = .default) {
        self.from = from
        self.to = to
        self.language = language
    }

    public func compare() async throws -> DiffReport {
        let collected = try await collect()
        var changes = collected.changes
        let memberResult = collected.members
        var warnings = memberResult.warnings
        let terms = try TermDirectory(to: to, from: from, language: language)
        try terms.label(&changes, fields: memberResult.fields)
        let removed = changes.values.reduce(0) { $0 + $1.filter { $0.kind == .removed }.count }
        if removed > 0 {
            warnings.insert(
                "\(removed) components or members of \(from.info.name) are missing from \(to.info.name): RF2 components are inactivated, never removed", at: 0)
        }

        let fromCounts = Dictionary(from.info.counts.map { ($0.component, $0) }, uniquingKeysWith: { a, _ in a })
        let toCounts = Dictionary(to.info.counts.map { ($0.component, $0) }, uniquingKeysWith: { a, _ in a })
        var totals = try memberResult.totals
        for type in ComponentType.allCases where !type.isRefsetMember {
            let key = Self.countName(type)
            totals[type] = (fromCounts[key]?.total ?? 0, fromCounts[key]?.active ?? 0, toCounts[key]?.total ?? 0, toCounts[key]?.active ?? 0)
        }
        let components = ComponentType.allCases.map { type in
            let total = totals[type] ?? (0, 0, 0, 0)
            return ComponentDiff(component: type, fromTotal: total.0, fromActive: total.1, toTotal: total.2, toActive: total.3, changes: changes[type] ?? [])
        }
        let views = try await ViewBuilder(
            from: from, to: to, terms: terms, changes: changes, languageRefsets: memberResult.languageRefsets,
            associationRefsets: memberResult.associationRefsets
        ).build()
        let rollup = try RollupBuilder(
            terms: terms, changes: changes, languageRefsets: memberResult.languageRefsets, associationRefsets: memberResult.associationRefsets
        ).build()
        return DiffReport(
            from: Self.release(from), to: Self.release(to), components: components,
            refsets: try refsetDiffs(memberResult, terms: terms), views: views, rollup: rollup, warnings: warnings)
    }

    /// Row-level changes of every component type, before labels and views: what the delta writer needs.
    func collect() async throws -> (changes: [ComponentType: [ComponentChange]], members: MemberComparison) {
        var changes: [ComponentType: [ComponentChange]] = [:]
        let members = try await compareMembers()
        for table in ComponentTable.all {
            changes[table.component] = try await compare(table)
        }
        changes[.owlAxioms] = members.axioms
        changes[.refsetMembers] = members.members
        return (changes, members)
    }

    static func release(_ store: ReleaseStore) -> DiffReport.Release {
        DiffReport.Release(name: store.info.name, versionURI: store.info.versionURI, effectiveTime: store.info.effectiveTime)
    }

    /// The `component_count` name of a component type.
    static func countName(_ type: ComponentType) -> String {
        switch type {
        case .concepts: "concepts"
        case .descriptions: "descriptions"
        case .textDefinitions: "text definitions"
        case .inferredRelationships: "inferred relationships"
        case .statedRelationships: "stated relationships"
        case .concreteValues: "concrete values"
        case .owlAxioms: "OWL axioms"
        case .refsetMembers: "refset members"
        }
    }

    // MARK: SCTID-keyed components

    private func compare(_ table: ComponentTable) async throws -> [ComponentChange] {
        async let fromScan = FingerprintScan.run(from, sql: table.fingerprintSQL, key: .id)
        async let toScan = FingerprintScan.run(to, sql: table.fingerprintSQL, key: .id)
        let comparison = KeyedComparison(from: try await fromScan, to: try await toScan)
        let fromRows = try rows(of: table, in: from, ids: comparison.onlyFrom.map(\.rowid) + comparison.differing.map(\.from.rowid))
        let toRows = try rows(of: table, in: to, ids: comparison.onlyTo.map(\.rowid) + comparison.differing.map(\.to.rowid))
        let ids = comparison.onlyFrom.map(\.rowid) + comparison.onlyTo.map(\.rowid) + comparison.differing.map(\.to.rowid)
        let names = table.rf2Names
        return ids.map { id in
            let old = fromRows[id]
            let new = toRows[id]
            let (kind, fields) = RowClassifier.classify(from: old, to: new, names: names)
            let values = new ?? old!
            let concept = table.conceptColumn.map { values[$0].integer ?? 0 } ?? id
            var change = ComponentChange(
                id: String(id), kind: kind, conceptId: concept, active: values[1].integer == 1, moduleId: values[2].integer ?? 0,
                effectiveTime: Int(values[0].integer ?? 0), fields: fields)
            change.values = values
            return change
        }
    }

    private func rows(of table: ComponentTable, in store: ReleaseStore, ids: [Int64]) throws -> [Int64: [StoredValue]] {
        guard !ids.isEmpty else { return [:] }
        return try store.read { db in
            let statement = try db.makeStatement(sql: table.rowSQL)
            var result: [Int64: [StoredValue]] = [:]
            result.reserveCapacity(ids.count)
            for id in ids {
                if let row = try Row.fetchOne(statement, arguments: [id]) {
                    result[id] = row.databaseValues.map(StoredValue.init)
                }
            }
            return result
        }
    }
}
