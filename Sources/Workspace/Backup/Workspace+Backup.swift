import Foundation
import GRDB

extension Workspace {
    /// Writes a consistent copy of the workspace to `destination` with SQLite's online backup, while other
    /// connections keep reading and writing. The copy is built in a temporary file beside the destination
    /// and renamed into place, so a failed backup leaves no partial file. Admin only.
    public func backup(to destination: URL, by admin: WorkspaceUser) throws {
        try admin.require(.admin, to: "back up the workspace")
        let fileManager = FileManager.default
        guard !fileManager.fileExists(atPath: destination.path) else {
            throw WorkspaceError(.invalid, "backup target \(destination.path) already exists: choose a new file name")
        }
        let partial = destination.deletingLastPathComponent().appendingPathComponent(".\(destination.lastPathComponent).partial")
        try? fileManager.removeItem(at: partial)
        do {
            let copy = try DatabaseQueue(path: partial.path)
            try pool.backup(to: copy)
            try copy.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
            try copy.close()
            try fileManager.moveItem(at: partial, to: destination)
        } catch let error as DatabaseError {
            try? fileManager.removeItem(at: partial)
            throw WorkspaceError(.invalid, "backup to \(destination.path) failed: \(error.message ?? error.description)")
        }
    }

    /// Replaces the workspace at `target` with the backup at `source`. The backup is checked first
    /// (`PRAGMA integrity_check`, and it must be a Steward workspace); the current workspace is kept beside
    /// it as `workspace.sqlite.before-restore-<time>`. Run it with the daemon stopped: open connections would
    /// keep the old file.
    public static func restore(from source: URL, to target: URL) throws -> URL? {
        let fileManager = FileManager.default
        guard fileManager.fileExists(atPath: source.path) else { throw WorkspaceError(.notFound, "no backup file \(source.path)") }
        let staged = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).restoring")
        try? fileManager.removeItem(at: staged)
        do {
            var configuration = Configuration()
            configuration.readonly = true
            let backup = try DatabaseQueue(path: source.path, configuration: configuration)
            let verdict = try backup.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
            guard verdict == ["ok"] else {
                throw WorkspaceError(.invalid, "backup \(source.path) fails the integrity check: \(verdict.prefix(3).joined(separator: "; "))")
            }
            let isWorkspace = try backup.read { db in try db.tableExists("audit_event") && db.tableExists("grdb_migrations") }
            guard isWorkspace else { throw WorkspaceError(.invalid, "\(source.path) is not a Steward workspace backup") }
            let copy = try DatabaseQueue(path: staged.path)
            try backup.backup(to: copy)
            try copy.close()
            try backup.close()
        } catch let error as DatabaseError {
            try? fileManager.removeItem(at: staged)
            throw WorkspaceError(.invalid, "cannot restore from \(source.path): \(error.message ?? error.description)")
        }
        var kept: URL?
        if fileManager.fileExists(atPath: target.path) {
            let stamp = Timestamp.text(Date()).replacingOccurrences(of: ":", with: "")
            let old = target.deletingLastPathComponent().appendingPathComponent("\(target.lastPathComponent).before-restore-\(stamp)")
            // Fold the WAL into the main file so the kept copy is complete on its own.
            let current = try DatabaseQueue(path: target.path)
            try current.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
            try current.close()
            try fileManager.moveItem(at: target, to: old)
            kept = old
        }
        for suffix in ["-wal", "-shm"] { try? fileManager.removeItem(atPath: target.path + suffix) }
        try fileManager.moveItem(at: staged, to: target)
        return kept
    }
}
