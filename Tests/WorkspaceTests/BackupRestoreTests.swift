import Foundation
import GRDB
import Synchronization
import Testing
@testable import Workspace

@Suite struct BackupRestoreTests {
    static let admin = TemporaryWorkspace.admin

    /// A backup taken while another connection writes continuously is one consistent snapshot: restored,
    /// it passes the integrity check, and its data and audit log agree row for row.
    @Test func backupTakenDuringWritesRestoresConsistently() async throws {
        let temporary = try TemporaryWorkspace()
        let workspace = temporary.workspace
        let writer = try Workspace(url: workspace.url)
        let stop = Flag()
        let writes = Task.detached { () throws -> Int in
            var count = 0
            while !stop.isSet {
                _ = try writer.createToken(for: "user-\(count)", role: .viewer, by: Self.admin)
                count += 1
                if count % 7 == 0 {
                    var settings = try writer.settings()
                    settings.namespace = 1_000_000 + count
                    _ = try writer.updateSettings(settings, expectedVersion: settings.version, by: Self.admin)
                }
            }
            return count
        }
        func tokenCount() throws -> Int { try workspace.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM api_token") ?? 0 } }
        while try tokenCount() < 100 { try await Task.sleep(for: .milliseconds(2)) }
        // The folder does not exist yet: backup creates it.
        let backup = temporary.directory.appendingPathComponent("backups/nightly/during-writes.sqlite")
        try workspace.backup(to: backup, by: Self.admin)
        let countAtBackup = try tokenCount()
        while try tokenCount() < countAtBackup + 50 { try await Task.sleep(for: .milliseconds(2)) }
        stop.set()
        let written = try await writes.value

        let target = temporary.directory.appendingPathComponent("restored/workspace.sqlite")
        #expect(try Workspace.restore(from: backup, to: target, by: Self.admin) == nil)
        let restored = try Workspace(url: target)
        #expect(try restored.integrityProblems() == [])

        let (tokenIds, events, settings) = try restored.read { db in
            (
                try Int64.fetchAll(db, sql: "SELECT id FROM api_token ORDER BY id"),
                try Row.fetchAll(db, sql: "SELECT id, entity, entity_id, action, after FROM audit_event ORDER BY id"),
                try Workspace.settings(db)
            )
        }
        // Some but not all of the writes: the snapshot fell in the middle of the stream.
        #expect(tokenIds.count >= 100)
        #expect(tokenIds.count < written)
        #expect(tokenIds == Array(1...Int64(tokenIds.count)))
        // Audit ids are contiguous: no event of a half-copied transaction is missing or extra.
        #expect(events.map { $0["id"] as Int64 } == Array(1...Int64(events.count)))
        // Every token has exactly its create event, in order, and nothing else refers to a token.
        let tokenEvents = events.filter { $0["entity"] == "token" }
        #expect(tokenEvents.map { $0["entity_id"] as String } == tokenIds.map(String.init))
        #expect(tokenEvents.allSatisfy { $0["action"] == "create" })
        // The settings are at the version the audit log accounts for, with the last event's state.
        let settingsEvents = events.filter { $0["entity"] == "settings" }
        // Every 7th token is followed by a settings update in its own transaction; the snapshot may fall
        // between the two, never inside either.
        let updates = tokenIds.count / 7
        #expect(settingsEvents.count == updates || (tokenIds.count % 7 == 0 && settingsEvents.count == updates - 1))
        #expect(settings.namespace == (settingsEvents.isEmpty ? nil : 1_000_000 + 7 * settingsEvents.count))
        #expect(settings.version == settingsEvents.count + 1)
        if let last = settingsEvents.last {
            let after = try JSONDecoder().decode(WorkspaceSettings.self, from: Data((last["after"] as String).utf8))
            #expect(after == settings)
        }
        // Last comes the restore itself; the backup event was written after the snapshot and is not in it.
        #expect(events.last?["entity"] == "workspace")
        #expect(events.last?["action"] == "restore")
        #expect(events.count == tokenEvents.count + settingsEvents.count + 1)
        let backupEvents = try workspace.auditEvents(AuditQuery(entity: "workspace"))
        #expect(backupEvents.events.map(\.action) == ["backup"])
        #expect(backupEvents.events.first?.note == "backed up to \(backup.path)")
        // No partial file is left beside the backup.
        #expect(try FileManager.default.contentsOfDirectory(atPath: backup.deletingLastPathComponent().path) == ["during-writes.sqlite"])
    }

    @Test func backupRefusesAnExistingFileAndNonAdmins() throws {
        let temporary = try TemporaryWorkspace()
        let target = temporary.directory.appendingPathComponent("backup.sqlite")
        try Data("keep me".utf8).write(to: target)
        #expect { try temporary.workspace.backup(to: target, by: Self.admin) } throws: { error in
            (error as? WorkspaceError)?.message == "backup target \(target.path) already exists: choose a new file name"
        }
        #expect(try Data(contentsOf: target) == Data("keep me".utf8))
        #expect { try temporary.workspace.backup(to: temporary.directory.appendingPathComponent("other.sqlite"), by: TemporaryWorkspace.reviewer) } throws: {
            error in
            (error as? WorkspaceError)?.kind == .forbidden
        }
    }

    /// Garbage, a foreign SQLite database and a damaged backup are refused before anything changes.
    @Test func restoreRefusesWhatIsNotASoundWorkspaceAndLeavesTheCurrentOneAlone() throws {
        let temporary = try TemporaryWorkspace()
        let (_, secret) = try temporary.workspace.createToken(for: "ada", role: .author, by: Self.admin)
        let inputs = temporary.directory.appendingPathComponent("inputs")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)

        let garbage = inputs.appendingPathComponent("garbage.sqlite")
        try Data(repeating: 0x2A, count: 8192).write(to: garbage)
        let foreign = inputs.appendingPathComponent("foreign.sqlite")
        try DatabaseQueue(path: foreign.path).write { db in try db.execute(sql: "CREATE TABLE t (x); INSERT INTO t VALUES (1)") }
        let damaged = inputs.appendingPathComponent("damaged.sqlite")
        for index in 0..<200 {
            _ = try temporary.workspace.createToken(for: "filler-\(index)", role: .viewer, label: String(repeating: "x", count: 200), by: Self.admin)
        }
        try temporary.workspace.backup(to: damaged, by: Self.admin)
        try Self.damage(damaged)
        let wrecked = inputs.appendingPathComponent("wrecked.sqlite")
        try temporary.workspace.backup(to: wrecked, by: Self.admin)
        try Self.damage(wrecked, bytesPerPage: 4000)
        let missing = inputs.appendingPathComponent("missing.sqlite")

        let target = temporary.workspace.url
        let cases: [(URL, String)] = [
            (garbage, "cannot restore from \(garbage.path): file is not a database"),
            (foreign, "cannot restore from \(foreign.path): the file is an SQLite database but not a Steward workspace backup"),
            (damaged, "cannot restore from \(damaged.path): the file fails SQLite's integrity check"),
            (wrecked, "cannot restore from \(wrecked.path): the file fails SQLite's integrity check"),
            (missing, "no backup file \(missing.path)"),
        ]
        let before = try temporary.workspace.auditEvents(AuditQuery()).total
        for (source, message) in cases {
            #expect { try Workspace.restore(from: source, to: target, by: Self.admin) } throws: { error in
                (error as? WorkspaceError)?.message.hasPrefix(message) == true
            }
        }
        #expect(try temporary.workspace.authenticate(secret: secret) == WorkspaceUser(name: "ada", role: .author))
        #expect(try temporary.workspace.auditEvents(AuditQuery()).total == before)
        let files = try FileManager.default.contentsOfDirectory(atPath: temporary.directory.path).filter { !$0.hasPrefix("workspace.sqlite") }
        #expect(files == ["inputs"])
        #expect(try temporary.workspace.integrityProblems() == [])
    }

    /// The current workspace has committed data only in its WAL (a crash image: main file + WAL, no one
    /// has it open). Restore folds the WAL in before keeping the old file, so the kept copy is complete.
    @Test func restoreKeepsUncheckpointedWritesOfTheReplacedWorkspace() throws {
        let temporary = try TemporaryWorkspace()
        let live = temporary.workspace
        for index in 0..<3 { _ = try live.createToken(for: "before-backup-\(index)", role: .viewer, by: Self.admin) }
        let backup = temporary.directory.appendingPathComponent("backup.sqlite")
        try live.backup(to: backup, by: Self.admin)
        _ = try live.createToken(for: "after-backup", role: .viewer, by: Self.admin)

        // Copy the main file and its WAL while the pool is open: the token made after the backup is in the WAL.
        let crashed = temporary.directory.appendingPathComponent("crashed")
        try FileManager.default.createDirectory(at: crashed, withIntermediateDirectories: true)
        let crashedWorkspace = crashed.appendingPathComponent("workspace.sqlite")
        let wal = try Data(contentsOf: URL(fileURLWithPath: live.url.path + "-wal"))
        #expect(wal.count > 0)
        try FileManager.default.copyItem(at: live.url, to: crashedWorkspace)
        try wal.write(to: URL(fileURLWithPath: crashedWorkspace.path + "-wal"))

        let kept = try #require(try Workspace.restore(from: backup, to: crashedWorkspace, by: Self.admin))
        #expect(kept.lastPathComponent.hasPrefix("workspace.sqlite.before-restore-"))
        #expect(!FileManager.default.fileExists(atPath: kept.path + "-wal"))
        let keptUsers = try DatabaseQueue(path: kept.path).read { db in try String.fetchAll(db, sql: "SELECT user FROM api_token ORDER BY id") }
        #expect(keptUsers == ["before-backup-0", "before-backup-1", "before-backup-2", "after-backup"])

        let restored = try Workspace(url: crashedWorkspace)
        #expect(try restored.tokens(by: Self.admin).map(\.user) == ["before-backup-2", "before-backup-1", "before-backup-0"])
        let restore = try #require(try restored.auditEvents(AuditQuery(entity: "workspace")).events.first)
        #expect(restore.action == "restore")
        #expect(restore.note == "restored from \(backup.path); the previous workspace was kept as \(kept.path)")
    }

    /// A workspace someone still has open (a running daemon) is not replaced under it.
    @Test func restoreRefusesWhileTheWorkspaceIsOpen() throws {
        let temporary = try TemporaryWorkspace()
        let live = temporary.workspace
        _ = try live.createToken(for: "first", role: .viewer, by: Self.admin)
        let backup = temporary.directory.appendingPathComponent("backup.sqlite")
        try live.backup(to: backup, by: Self.admin)
        _ = try live.createToken(for: "second", role: .viewer, by: Self.admin)

        #expect { try Workspace.restore(from: backup, to: live.url, by: Self.admin) } throws: { error in
            (error as? WorkspaceError)?.message
                == "cannot restore \(live.url.path) from \(backup.path): the workspace \(live.url.path) is open in another process (a running steward serve?): stop it and restore again; nothing was changed"
        }
        #expect(try live.tokens(by: Self.admin).map(\.user) == ["second", "first"])
        _ = try live.createToken(for: "third", role: .viewer, by: Self.admin)
        #expect(try live.tokens(by: Self.admin).count == 3)

        try live.close()
        let kept = try #require(try Workspace.restore(from: backup, to: temporary.workspace.url, by: Self.admin))
        #expect(try Workspace(url: kept).tokens(by: Self.admin).map(\.user) == ["third", "second", "first"])
        #expect(try Workspace(url: temporary.workspace.url).tokens(by: Self.admin).map(\.user) == ["first"])
        #expect { try Workspace.restore(from: backup, to: temporary.workspace.url, by: TemporaryWorkspace.author) } throws: { error in
            (error as? WorkspaceError)?.kind == .forbidden
        }
    }

    /// A plain copy of a closed workspace file (WAL mode in its header) restores too, and reading it leaves
    /// no -wal/-shm files beside it.
    @Test func restoreFromACopiedWorkspaceFileLeavesNoSidecars() throws {
        let temporary = try TemporaryWorkspace()
        _ = try temporary.workspace.createToken(for: "copied", role: .viewer, by: Self.admin)
        try temporary.workspace.close()
        let copy = temporary.directory.appendingPathComponent("copy.sqlite")
        try FileManager.default.copyItem(at: temporary.workspace.url, to: copy)
        let target = temporary.directory.appendingPathComponent("elsewhere/workspace.sqlite")
        #expect(try Workspace.restore(from: copy, to: target, by: Self.admin) == nil)
        #expect(try Workspace(url: target).tokens(by: Self.admin).map(\.user) == ["copied"])
        #expect(!FileManager.default.fileExists(atPath: copy.path + "-wal"))
        #expect(!FileManager.default.fileExists(atPath: copy.path + "-shm"))
    }

    /// Overwrites the middle of the file's b-tree pages so SQLite's integrity check fails.
    /// Overwrites `bytesPerPage` bytes inside every page after the schema pages: a few bytes leave the
    /// check able to list problems, whole pages stop it part-way (both must read as a failed check).
    static func damage(_ file: URL, bytesPerPage: Int = 64) throws {
        let handle = try FileHandle(forUpdating: file)
        defer { try? handle.close() }
        let size = try handle.seekToEnd()
        let pageSize: UInt64 = 4096
        for page in stride(from: pageSize * 2, to: size, by: Int(pageSize)) {
            try handle.seek(toOffset: page + 100)
            handle.write(Data(repeating: 0xFF, count: bytesPerPage))
        }
    }
}

/// A stop signal shared with a detached task.
final class Flag: Sendable {
    private let state = Mutex(false)

    var isSet: Bool { state.withLock { $0 } }
    func set() { state.withLock { $0 = true } }
}
