import ECL
import Foundation
import GRDB
import RF2
import TerminologyStore

extension Workspace {
    /// Adds entries to a refset's draft: members of an extensional refset, inclusions or exclusions of an
    /// intensional one. Every id must be a concept of the bound release (else nothing is written); inactive
    /// concepts are added with a warning that lists their replacements.
    public func addEntries(
        _ conceptIds: [Int64], role: RefsetEntryRole = .member, to refsetId: Int64, reason: String, expectedVersion: Int, release: ReleaseStore,
        by user: WorkspaceUser
    ) throws -> MemberChangeResult {
        let warnings = try RefsetValidator(release: release).check(conceptIds)
        return try perform(user, role == .member ? "add-members" : "add-\(role.rawValue)s", on: "refset", requires: .author) { db, audit in
            var refset = try Self.lockRefset(db, refsetId, expectedVersion: expectedVersion)
            guard refset.release == release.info.name else {
                throw WorkspaceError(.invalid, "refset \(refsetId) is bound to \(refset.release), not \(release.info.name): migrate it first")
            }
            let (changed, unchanged) = try Self.insertEntries(db, &refset, conceptIds, role: role, reason: reason, by: user)
            audit.entityId = String(refsetId)
            audit.after = try AuditDraft.json(EntryChange(role: role, conceptIds: changed, reason: reason))
            audit.note = reason
            return MemberChangeResult(refset: refset, changed: changed, unchanged: unchanged, warnings: warnings.filter { changed.contains($0.conceptId) })
        }
    }

    /// Removes entries from a refset's draft.
    public func removeEntries(
        _ conceptIds: [Int64], role: RefsetEntryRole = .member, from refsetId: Int64, reason: String, expectedVersion: Int, by user: WorkspaceUser
    ) throws -> MemberChangeResult {
        try perform(user, role == .member ? "remove-members" : "remove-\(role.rawValue)s", on: "refset", requires: .author) { db, audit in
            var refset = try Self.lockRefset(db, refsetId, expectedVersion: expectedVersion)
            let (changed, unchanged) = try Self.deleteEntries(db, &refset, conceptIds, role: role, by: user)
            audit.entityId = String(refsetId)
            audit.before = try AuditDraft.json(EntryChange(role: role, conceptIds: changed, reason: reason))
            audit.note = reason
            return MemberChangeResult(refset: refset, changed: changed, unchanged: unchanged, warnings: [])
        }
    }

    /// Adds entries inside the caller's transaction (ids already checked); bumps the version when anything changed.
    static func insertEntries(
        _ db: Database, _ refset: inout LocalRefset, _ conceptIds: [Int64], role: RefsetEntryRole, reason: String, by user: WorkspaceUser
    ) throws -> (changed: [Int64], unchanged: [Int64]) {
        try checkRole(role, for: refset)
        let now = Timestamp.text(Date())
        var changed: [Int64] = []
        var unchanged: [Int64] = []
        for id in Set(conceptIds).sorted() {
            try db.execute(
                sql: "INSERT OR IGNORE INTO refset_entry (refset_id, concept_id, role, added_at, added_by, reason) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [refset.id, id, role.rawValue, now, user.name, reason])
            if db.changesCount > 0 { changed.append(id) } else { unchanged.append(id) }
        }
        if role != .member, !changed.isEmpty {
            // An inclusion cancels an exclusion of the same concept and the other way round.
            let opposite: RefsetEntryRole = role == .include ? .exclude : .include
            try db.execute(
                sql: "DELETE FROM refset_entry WHERE refset_id = ? AND role = ? AND concept_id IN (\(changed.map { _ in "?" }.joined(separator: ",")))",
                arguments: StatementArguments([refset.id, opposite.rawValue] as [any DatabaseValueConvertible]) + StatementArguments(changed))
        }
        if !changed.isEmpty { try touch(db, &refset, by: user) }
        return (changed, unchanged)
    }

    /// Removes entries inside the caller's transaction; bumps the version when anything changed.
    static func deleteEntries(
        _ db: Database, _ refset: inout LocalRefset, _ conceptIds: [Int64], role: RefsetEntryRole, by user: WorkspaceUser
    ) throws -> (changed: [Int64], unchanged: [Int64]) {
        try checkRole(role, for: refset)
        var changed: [Int64] = []
        var unchanged: [Int64] = []
        for id in Set(conceptIds).sorted() {
            try db.execute(sql: "DELETE FROM refset_entry WHERE refset_id = ? AND role = ? AND concept_id = ?", arguments: [refset.id, role.rawValue, id])
            if db.changesCount > 0 { changed.append(id) } else { unchanged.append(id) }
        }
        if !changed.isEmpty { try touch(db, &refset, by: user) }
        return (changed, unchanged)
    }

    /// The draft's entries (members, or inclusions and exclusions), by concept id.
    public func entries(of refsetId: Int64, role: RefsetEntryRole? = nil) throws -> [RefsetEntry] {
        try read { db in
            _ = try Self.loadRefset(db, refsetId)
            return try Self.entries(db, refsetId, role: role)
        }
    }

    /// The draft's members: the member list of an extensional refset; for an intensional one the definition
    /// evaluated on `release`, plus inclusions, minus exclusions. Ascending ids.
    public func draftMembers(of refsetId: Int64, release: ReleaseStore) throws -> [Int64] {
        let (refset, entries) = try read { db in (try Self.loadRefset(db, refsetId), try Self.entries(db, refsetId, role: nil)) }
        return try Self.expand(refset, entries: entries, release: release)
    }

    static func expand(_ refset: LocalRefset, entries: [RefsetEntry], release: ReleaseStore) throws -> [Int64] {
        switch refset.kind {
        case .extensional:
            return entries.filter { $0.role == .member }.map(\.conceptId).sorted()
        case .intensional:
            var members = Set(try RefsetValidator(release: release).checkDefinition(refset.ecl ?? ""))
            for entry in entries {
                switch entry.role {
                case .include: members.insert(entry.conceptId)
                case .exclude: members.remove(entry.conceptId)
                case .member: break
                }
            }
            return members.sorted()
        }
    }

    static func entries(_ db: Database, _ refsetId: Int64, role: RefsetEntryRole?) throws -> [RefsetEntry] {
        let rows = try Row.fetchAll(
            db, sql: "SELECT * FROM refset_entry WHERE refset_id = ? AND (? IS NULL OR role = ?) ORDER BY role, concept_id",
            arguments: [refsetId, role?.rawValue, role?.rawValue])
        return rows.map {
            RefsetEntry(
                conceptId: $0["concept_id"], role: RefsetEntryRole(rawValue: $0["role"]) ?? .member, addedAt: Timestamp.date($0["added_at"]),
                addedBy: $0["added_by"], reason: $0["reason"])
        }
    }

    private static func checkRole(_ role: RefsetEntryRole, for refset: LocalRefset) throws {
        switch (refset.kind, role) {
        case (.extensional, .member), (.intensional, .include), (.intensional, .exclude): return
        case (.extensional, _): throw WorkspaceError(.invalid, "refset \(refset.id) is extensional: it has members, not inclusions or exclusions")
        case (.intensional, _): throw WorkspaceError(.invalid, "refset \(refset.id) is intensional: change its ECL definition, or add inclusions or exclusions")
        }
    }
}

/// The audit record of an entry change.
struct EntryChange: Codable {
    var role: RefsetEntryRole
    @IDStrings var conceptIds: [Int64]
    var reason: String
}
