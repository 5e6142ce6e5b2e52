import Foundation
import GRDB

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension Workspace {
    /// Writes a consistent copy of the workspace to `destination` with SQLite's online backup, while other
    /// connections keep reading and writing. Admin only.
    ///
    /// The copy is one snapshot: every transaction committed before the backup started and none after it,
    /// so data and audit log agree in the copy as they do in the workspace. It is built in a temporary file
    /// beside the destination (whose directory is created if needed), checked with `PRAGMA quick_check`
    /// and renamed into place, so a failed backup leaves no partial file. The backup itself is recorded in
    /// the audit log (after the copy, so the copy does not contain that event).
    public func backup(to destination: URL, by admin: WorkspaceUser) throws {
        try admin.require(.admin, to: "back up the workspace")
        let fileManager = FileManager.default
        let destination = destination.standardizedFileURL
        guard destination.path != url.standardizedFileURL.path else {
            throw WorkspaceError(.invalid, "cannot back up the workspace \(url.path) onto itself: choose another file")
        }
        guard !fileManager.fileExists(atPath: destination.path) else {
            throw WorkspaceError(.invalid, "backup target \(destination.path) already exists: choose a new file name")
        }
        let directory = destination.deletingLastPathComponent()
        let partial = directory.appendingPathComponent(".\(destination.lastPathComponent).partial")
        do {
            try fileManager.createDirectory(at: directory, withIntermediateDirectories: true)
            try? fileManager.removeItem(at: partial)
            let copy = try DatabaseQueue(path: partial.path)
            // One step inside one read transaction of the pool: a snapshot that concurrent writers do not block.
            try pool.backup(to: copy)
            try copy.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
            let verdict = try copy.read { db in try String.fetchAll(db, sql: "PRAGMA quick_check") }
            try copy.close()
            guard verdict == ["ok"] else {
                throw WorkspaceError(.invalid, "the copy fails SQLite's quick check: \(verdict.prefix(3).joined(separator: "; "))")
            }
            try fileManager.moveItem(at: partial, to: destination)
            syncDirectory(directory)
        } catch {
            try? fileManager.removeItem(at: partial)
            throw WorkspaceError.wrapping(error, "backup of \(url.path) to \(destination.path) failed")
        }
        try perform(admin, "backup", on: "workspace", requires: .admin) { _, audit in
            audit.entityId = "workspace"
            audit.note = "backed up to \(destination.path)"
        }
    }

    /// Replaces the workspace at `target` with the backup at `source`. Admin only.
    ///
    /// The backup is checked first — `PRAGMA integrity_check`, it must be a Steward workspace, and not one
    /// written by a newer Steward — and copied into a staging file; a backup that fails any check leaves the
    /// current workspace untouched. The current workspace is then checkpointed (its WAL folded into the main
    /// file) and kept beside the target as `workspace.sqlite.before-restore-<time>`. Restoring refuses while
    /// another connection has the workspace open (a running daemon would keep writing to the old file).
    /// The restored workspace is migrated to the current schema and records the restore in its audit log.
    ///
    /// - Returns: Where the previous workspace was kept, or nil when there was none.
    @discardableResult
    public static func restore(from source: URL, to target: URL, by admin: WorkspaceUser) throws -> URL? {
        try admin.require(.admin, to: "restore the workspace")
        let fileManager = FileManager.default
        let source = source.standardizedFileURL
        let target = target.standardizedFileURL
        guard fileManager.fileExists(atPath: source.path) else { throw WorkspaceError(.notFound, "no backup file \(source.path)") }
        guard source.path != target.path else {
            throw WorkspaceError(.invalid, "cannot restore the workspace \(target.path) from itself: name a backup file")
        }
        let directory = target.deletingLastPathComponent()
        let staged = directory.appendingPathComponent(".\(target.lastPathComponent).restoring")
        // Reading a WAL-mode file (a copied workspace.sqlite rather than a backup) creates -wal/-shm files
        // beside it; those are removed again if they were not there before and hold nothing.
        let sourceSidecars = ["-wal", "-shm"].map { source.path + $0 }.filter { !fileManager.fileExists(atPath: $0) }
        defer {
            let wal = source.path + "-wal"
            if sourceSidecars.contains(wal), (try? fileManager.attributesOfItem(atPath: wal)[.size] as? Int) ?? 0 == 0 {
                for path in sourceSidecars { try? fileManager.removeItem(atPath: path) }
            }
        }
        do {
            try fileManager.createDirectory(at: directory, withIntermediateDirectories: true)
            try? fileManager.removeItem(at: staged)
            let backup = try openCheckedBackup(source)
            let copy = try DatabaseQueue(path: staged.path)
            try backup.backup(to: copy)
            try copy.close()
            try backup.close()
        } catch {
            try? fileManager.removeItem(at: staged)
            throw WorkspaceError.wrapping(error, "cannot restore from \(source.path)")
        }

        var kept: URL?
        do {
            if fileManager.fileExists(atPath: target.path) {
                try settle(target)
                let stamp = Timestamp.text(Date()).replacingOccurrences(of: ":", with: "")
                let old = directory.appendingPathComponent("\(target.lastPathComponent).before-restore-\(stamp)")
                try fileManager.moveItem(at: target, to: old)
                kept = old
            }
            // Leftover -wal/-shm files belong to the old file and must never be applied to the restored one.
            for suffix in ["-wal", "-shm"] { try? fileManager.removeItem(atPath: target.path + suffix) }
            try fileManager.moveItem(at: staged, to: target)
            syncDirectory(directory)
        } catch {
            try? fileManager.removeItem(at: staged)
            throw WorkspaceError.wrapping(error, "cannot restore \(target.path) from \(source.path)")
        }

        let restored = try Workspace(url: target)
        let note = "restored from \(source.path)" + (kept.map { "; the previous workspace was kept as \($0.path)" } ?? "")
        try restored.perform(admin, "restore", on: "workspace", requires: .admin) { _, audit in
            audit.entityId = "workspace"
            audit.note = note
        }
        try restored.close()
        return kept
    }

    /// Opens `source` read-only and checks it. Damage can stop SQLite before the integrity check can list
    /// problems (a broken schema page fails every statement, even opening); that is reported as a failed check too.
    private static func openCheckedBackup(_ source: URL) throws -> DatabaseQueue {
        do {
            var configuration = Configuration()
            configuration.readonly = true
            let backup = try DatabaseQueue(path: source.path, configuration: configuration)
            try backup.read(checkBackup)
            return backup
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CORRUPT {
            throw WorkspaceError(.invalid, "the file fails SQLite's integrity check: \(error.message ?? "database disk image is malformed")")
        }
    }

    /// Refuses a file that is damaged, is not a workspace, or comes from a newer Steward.
    private static func checkBackup(_ db: Database) throws {
        let verdict = try String.fetchAll(db, sql: "PRAGMA integrity_check")
        guard verdict == ["ok"] else {
            throw WorkspaceError(.invalid, "the file fails SQLite's integrity check: \(verdict.prefix(3).joined(separator: "; "))")
        }
        guard try db.tableExists("audit_event"), try db.tableExists("grdb_migrations") else {
            throw WorkspaceError(.invalid, "the file is an SQLite database but not a Steward workspace backup")
        }
        guard try !WorkspaceSchema.migrator.hasBeenSuperseded(db) else {
            throw WorkspaceError(.invalid, "the backup was written by a newer Steward (its schema has migrations this version does not know)")
        }
    }

    /// Folds the WAL of the workspace file at `url` into the main file and makes sure no other connection
    /// has it open, so the main file alone is the whole workspace and can be moved aside.
    ///
    /// SQLite deletes the WAL when the last connection to a database closes; if it is still there after our
    /// connection closed, someone else (a daemon, another command) holds the database open.
    private static func settle(_ url: URL) throws {
        do {
            let current = try DatabaseQueue(path: url.path)
            try current.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
            try current.close()
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT {
            // A damaged workspace is what restores are for: it is kept aside as it is.
        }
        guard !FileManager.default.fileExists(atPath: url.path + "-wal") else {
            throw WorkspaceError(
                .invalid, "the workspace \(url.path) is open in another process (a running steward serve?): stop it and restore again; nothing was changed")
        }
    }
}

extension WorkspaceError {
    /// `error` as a workspace error whose message starts with `context`.
    static func wrapping(_ error: any Error, _ context: String) -> WorkspaceError {
        switch error {
        case let error as WorkspaceError: WorkspaceError(error.kind, "\(context): \(error.message)", currentVersion: error.currentVersion)
        case let error as DatabaseError: WorkspaceError(.invalid, "\(context): \(error.message ?? error.description)")
        default: WorkspaceError(.invalid, "\(context): \(error.localizedDescription)")
        }
    }
}

/// Makes a rename in `directory` durable (best effort: not every file system supports it).
private func syncDirectory(_ directory: URL) {
    let descriptor = open(directory.path, O_RDONLY)
    guard descriptor >= 0 else { return }
    _ = fsync(descriptor)
    _ = close(descriptor)
}
