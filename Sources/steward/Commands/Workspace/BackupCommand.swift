import ArgumentParser
import Foundation
import Workspace

/// `steward backup OUT`: a consistent copy of the workspace, taken while it is in use.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "Write a consistent online backup of the workspace (admin only).",
        discussion: "Safe while the server runs: the copy is one snapshot of committed data. OUT must not exist; its folder is created if needed.")

    @OptionGroup var workspaceOptions: WorkspaceOptions

    @Argument(help: "The backup file to write.")
    var out: String

    func run() throws {
        guard workspaceOptions.workspaceExists else {
            throw WorkspaceError(.notFound, "no workspace in \(workspaceOptions.dataDirectory.path): nothing to back up")
        }
        let (workspace, admin) = try workspaceOptions.open()
        let destination = URL(fileURLWithPath: out)
        try workspace.backup(to: destination, by: admin)
        let size = (try? FileManager.default.attributesOfItem(atPath: destination.path)[.size] as? Int) ?? 0
        Terminal.note("backed up \(workspace.url.path) to \(destination.path) (\(size) bytes)")
    }
}

/// `steward restore IN`: replace the workspace with a backup.
struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore", abstract: "Replace the workspace with a backup (admin only; stop the server first).",
        discussion: """
            The backup is checked before anything changes (integrity, that it is a Steward workspace, not from a newer Steward). \
            An existing workspace is replaced only with --force, and is kept beside it as workspace.sqlite.before-restore-<time>.
            """)

    @OptionGroup var workspaceOptions: WorkspaceOptions

    @Argument(help: "The backup file to restore.")
    var backup: String

    @Flag(help: "Replace an existing workspace (it is kept aside, not deleted).")
    var force = false

    func run() throws {
        let admin = try workspaceOptions.user()
        let target = workspaceOptions.workspaceURL
        if workspaceOptions.workspaceExists && !force {
            throw WorkspaceError(
                .invalid, "\(target.path) exists: restoring replaces it with the backup (the current file is kept aside); add --force to go ahead")
        }
        let kept = try Workspace.restore(from: URL(fileURLWithPath: backup), to: target, by: admin)
        Terminal.note("restored \(target.path) from \(backup)")
        if let kept { Terminal.note("the previous workspace was kept as \(kept.path)") }
    }
}
