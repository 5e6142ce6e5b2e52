import Foundation
import GRDB
import RF2

extension Workspace {
    /// The workspace settings as they are now.
    public func settings() throws -> WorkspaceSettings {
        try read(Self.settings)
    }

    /// Replaces the settings with `settings` (its `version`, `updatedAt` and `updatedBy` are ignored) if
    /// they are still at `expectedVersion`, and returns the stored record with its new version. Admin only,
    /// audited.
    ///
    /// - Throws: `.conflict` with the current version when someone else updated the settings since
    ///   `expectedVersion` was read; `.invalid` for a namespace, country code, module id or language tag
    ///   that is not well formed.
    public func updateSettings(_ settings: WorkspaceSettings, expectedVersion: Int, by admin: WorkspaceUser) throws -> WorkspaceSettings {
        try admin.require(.admin, to: "update the workspace settings")
        let proposed = try settings.validated()
        return try perform(admin, "update", on: "settings", requires: .admin) { db, audit in
            let before = try Self.settings(db)
            guard before.version == expectedVersion else {
                throw WorkspaceError.stale("the workspace", "settings", expected: expectedVersion, current: before.version)
            }
            var after = proposed
            after.version = before.version + 1
            after.updatedAt = Date()
            after.updatedBy = admin.name
            try db.execute(
                sql: """
                    UPDATE workspace_settings SET namespace = ?, country_code = ?, module_id = ?, language = ?, version = ?, updated_at = ?, updated_by = ?
                    WHERE id = 1 AND version = ?
                    """,
                arguments: [
                    after.namespace, after.countryCode, after.moduleId, after.language, after.version, after.updatedAt.map(Timestamp.text), after.updatedBy,
                    before.version,
                ])
            try audit.record(id: "workspace", before: before, after: after)
            return after
        }
    }

    static func settings(_ db: Database) throws -> WorkspaceSettings {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM workspace_settings WHERE id = 1") else {
            throw WorkspaceError(.notFound, "the workspace has no settings record (table workspace_settings is empty)")
        }
        return WorkspaceSettings(
            namespace: row["namespace"], countryCode: row["country_code"], moduleId: row["module_id"], language: row["language"], version: row["version"],
            updatedAt: (row["updated_at"] as String?).map(Timestamp.date), updatedBy: row["updated_by"])
    }
}

extension WorkspaceSettings {
    /// The settings normalised (trimmed, country upper case), or an error naming the first bad field.
    func validated() throws -> WorkspaceSettings {
        var result = self
        if let namespace, !(1_000_000...9_999_999).contains(namespace) {
            throw WorkspaceError(.invalid, "namespace \(namespace) is not a 7-digit SNOMED CT namespace identifier (e.g. 1000202)")
        }
        if let code = countryCode {
            let trimmed = code.trimmingCharacters(in: .whitespaces).uppercased()
            guard trimmed.count == 2, trimmed.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) }) else {
                throw WorkspaceError(.invalid, "country code '\(code)' is not an ISO 3166-1 alpha-2 code (two letters, e.g. NO)")
            }
            result.countryCode = trimmed
        }
        if let moduleId, !SCTID.isValid(moduleId, kind: .concept) {
            throw WorkspaceError(.invalid, "module id \(moduleId) is not a valid concept SCTID (length, partition or check digit is wrong)")
        }
        let language = language.trimmingCharacters(in: .whitespaces)
        let subtags = language.split(separator: "-", omittingEmptySubsequences: false)
        let isTag =
            (2...3).contains(subtags[0].count) && subtags[0].unicodeScalars.allSatisfy { ("a"..."z").contains($0) }
            && subtags.dropFirst().allSatisfy { tag in
                (1...8).contains(tag.count)
                    && tag.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
            }
        guard isTag else {
            throw WorkspaceError(.invalid, "language '\(self.language)' is not a BCP-47 language tag (e.g. nb, en-GB)")
        }
        result.language = language
        return result
    }
}
