import Foundation
import GRDB
import RF2
import TerminologyStore

extension Workspace {
    /// Freezes the draft as the next immutable version with an RF2 effective time, expanding an intensional
    /// definition on the bound release. The effective time must follow the previous version's. Reviewers
    /// and admins only.
    public func publish(
        _ refsetId: Int64, effectiveTime: Int, expectedVersion: Int, release: ReleaseStore, note: String = "", by user: WorkspaceUser
    ) throws -> RefsetVersion {
        guard RF2Date.isValid(effectiveTime) else { throw WorkspaceError(.invalid, "effective time \(effectiveTime) is not a YYYYMMDD date") }
        let (draft, entries) = try read { db in (try Self.loadRefset(db, refsetId), try Self.entries(db, refsetId, role: nil)) }
        guard draft.release == release.info.name else {
            throw WorkspaceError(.invalid, "refset \(refsetId) is bound to \(draft.release), not \(release.info.name)")
        }
        let members = try Self.expand(draft, entries: entries, release: release)
        return try perform(user, "publish", on: "refset", requires: .reviewer) { db, audit in
            var refset = try Self.lockRefset(db, refsetId, expectedVersion: expectedVersion)
            let previous = try Self.versions(db, refsetId).last
            if let previous {
                guard effectiveTime > previous.effectiveTime else {
                    throw WorkspaceError(.invalid, "effective time \(effectiveTime) must be after version \(previous.number)'s \(previous.effectiveTime)")
                }
                guard refset.hasUnpublishedChanges else {
                    throw WorkspaceError(.invalid, "refset \(refsetId) has no changes since version \(previous.number): nothing to publish")
                }
            }
            let version = RefsetVersion(
                refsetId: refsetId, number: (previous?.number ?? 0) + 1, effectiveTime: effectiveTime, release: release.info.name, ecl: refset.ecl,
                memberCount: members.count, publishedAt: Date(), publishedBy: user.name, note: note)
            try db.execute(
                sql: """
                    INSERT INTO refset_version (refset_id, number, effective_time, release, ecl, member_count, published_at, published_by, note)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    refsetId, version.number, effectiveTime, version.release, version.ecl, members.count, Timestamp.text(version.publishedAt), user.name, note,
                ])
            let insert = try db.makeStatement(sql: "INSERT INTO refset_version_member (refset_id, number, concept_id) VALUES (?, ?, ?)")
            for member in members { try insert.execute(arguments: [refsetId, version.number, member]) }
            try Self.touch(db, &refset, by: user)
            refset.publishedRevision = refset.version
            try db.execute(sql: "UPDATE refset SET published_revision = ? WHERE id = ?", arguments: [refset.version, refsetId])
            try audit.record(id: refsetId, before: previous, after: version)
            audit.note = note.isEmpty ? nil : note
            return version
        }
    }

    /// Every published version of a refset, oldest first.
    public func versions(of refsetId: Int64) throws -> [RefsetVersion] {
        try read { db in
            _ = try Self.loadRefset(db, refsetId)
            return try Self.versions(db, refsetId)
        }
    }

    /// The members of one published version (ascending ids).
    public func members(of refsetId: Int64, version number: Int) throws -> [Int64] {
        try read { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM refset_version WHERE refset_id = ? AND number = ?", arguments: [refsetId, number]) == true else {
                throw WorkspaceError.notFound("version \(number) of refset", refsetId)
            }
            return try Int64.fetchAll(
                db, sql: "SELECT concept_id FROM refset_version_member WHERE refset_id = ? AND number = ? ORDER BY concept_id", arguments: [refsetId, number])
        }
    }

    static func versions(_ db: Database, _ refsetId: Int64) throws -> [RefsetVersion] {
        try Row.fetchAll(db, sql: "SELECT * FROM refset_version WHERE refset_id = ? ORDER BY number", arguments: [refsetId]).map { row in
            RefsetVersion(
                refsetId: row["refset_id"], number: row["number"], effectiveTime: row["effective_time"], release: row["release"], ecl: row["ecl"],
                memberCount: row["member_count"], publishedAt: Timestamp.date(row["published_at"]), publishedBy: row["published_by"], note: row["note"])
        }
    }
}
