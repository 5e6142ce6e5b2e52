import ECL
import Foundation
import GRDB
import RF2
import ReleaseDiff
import TerminologyStore

extension Workspace {
    /// Runs the impact report for a refset's draft between its bound release (`from`) and `to`.
    public func migrationPlan(_ refsetId: Int64, from: ReleaseStore, to: ReleaseStore, language: LanguagePreference = .default) throws -> RefsetMigrationPlan {
        let (refset, entries) = try read { db in (try Self.loadRefset(db, refsetId), try Self.entries(db, refsetId, role: nil)) }
        guard refset.release == from.info.name else {
            throw WorkspaceError(.invalid, "refset \(refsetId) is bound to \(refset.release), not \(from.info.name)")
        }
        let analyzer = ImpactAnalyzer(from: from, to: to, language: language)
        // Extensional: the members. Intensional: the explicit inclusions (the definition is re-evaluated, not migrated).
        let checked =
            refset.kind == .extensional ? entries.filter { $0.role == .member }.map(\.conceptId) : entries.filter { $0.role == .include }.map(\.conceptId)
        let impact = try analyzer.analyze(localRefset: NamedConcept(id: refset.id, term: refset.name), members: checked)
        let definition = try refset.ecl.map { try analyzer.analyze(refsets: [], definitions: [.init(name: refset.name, ecl: $0)]).definitions.first }
        var items: [RefsetMigrationPlan.Item] = []
        for finding in impact.findings where finding.issue == .inactivated || finding.issue == .inactiveMember || finding.issue == .missing {
            let candidates = finding.associations.filter(\.targetActive).map {
                RefsetMigrationPlan.Candidate(association: $0.refset.term, conceptId: $0.target.id, term: $0.target.term)
            }
            let direct = finding.associations.filter { $0.targetActive && [WellKnown.sameAs, WellKnown.replacedBy].contains($0.refset.id) }
            items.append(
                RefsetMigrationPlan.Item(
                    conceptId: finding.referencedComponentId, term: finding.term, issue: finding.issue, reason: finding.reason?.term, candidates: candidates,
                    suggestion: direct.count == 1 ? .replace([direct[0].target.id]) : .keep))
        }
        return RefsetMigrationPlan(refset: refset, from: from.info.name, to: to.info.name, impact: impact, definition: definition ?? nil, items: items)
    }

    /// Moves a refset to `to` in one transaction: applies a decision per affected member (the plan's
    /// suggestion where `decisions` has none), checks replacements are active concepts of `to`, and rebinds
    /// the draft. Returns the refset after the change.
    public func applyMigration(
        _ plan: RefsetMigrationPlan, to: ReleaseStore, decisions: [Int64: MigrationDecision], expectedVersion: Int, by user: WorkspaceUser
    ) throws -> LocalRefset {
        guard plan.to == to.info.name else { throw WorkspaceError(.invalid, "the plan migrates to \(plan.to), not \(to.info.name)") }
        let affected = Set(plan.items.map(\.conceptId))
        if let stray = decisions.keys.first(where: { !affected.contains($0) }) {
            throw WorkspaceError(
                .invalid,
                "concept \(stray) is not an affected member of refset \(plan.refset.id): only \(affected.sorted().map(String.init).joined(separator: ", ")) need a decision"
            )
        }
        var removals: [Int64] = []
        var additions: [Int64] = []
        var applied: [String: String] = [:]
        for item in plan.items {
            let decision = decisions[item.conceptId] ?? item.suggestion
            applied[String(item.conceptId)] = decision.label
            switch decision {
            case .keep: break
            case .remove: removals.append(item.conceptId)
            case .replace(let ids):
                for id in ids {
                    guard let concept = try to.concept(id), concept.active else {
                        throw WorkspaceError(.invalid, "replacement \(id) for \(item.conceptId) is not an active concept in \(to.info.name)")
                    }
                }
                removals.append(item.conceptId)
                additions += ids
            }
        }
        let role: RefsetEntryRole = plan.refset.kind == .extensional ? .member : .include
        if plan.refset.kind == .intensional, let ecl = plan.refset.ecl { try RefsetValidator(release: to).checkDefinition(ecl) }
        return try perform(user, "migrate", on: "refset", requires: .author) { db, audit in
            var refset = try Self.lockRefset(db, plan.refset.id, expectedVersion: expectedVersion)
            guard refset.release == plan.from else { throw WorkspaceError(.invalid, "refset \(refset.id) is no longer bound to \(plan.from)") }
            let before = refset
            let now = Timestamp.text(Date())
            for id in removals {
                try db.execute(sql: "DELETE FROM refset_entry WHERE refset_id = ? AND role = ? AND concept_id = ?", arguments: [refset.id, role.rawValue, id])
            }
            for id in additions {
                try db.execute(
                    sql: "INSERT OR IGNORE INTO refset_entry (refset_id, concept_id, role, added_at, added_by, reason) VALUES (?, ?, ?, ?, ?, ?)",
                    arguments: [refset.id, id, role.rawValue, now, user.name, "migration \(plan.from) → \(plan.to)"])
            }
            refset.release = to.info.name
            try db.execute(sql: "UPDATE refset SET release = ? WHERE id = ?", arguments: [refset.release, refset.id])
            try Self.touch(db, &refset, by: user)
            try audit.record(id: refset.id, before: before, after: refset)
            audit.note = try AuditDraft.json(applied)
            return refset
        }
    }
}
