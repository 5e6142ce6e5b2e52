import ArgumentParser
import Foundation
import TerminologyStore
import Workspace

/// `--data DIR` and `--as NAME:ROLE`, for commands that read or change the workspace.
///
/// The command line acts as the local OS user (`$USER`, else `steward`) with the admin role: whoever can run
/// `steward` on the data directory can already read and replace its files. `--as` acts as someone else,
/// e.g. to check what an author may do, and is what gets recorded in the audit log.
struct WorkspaceOptions: ParsableArguments {
    @OptionGroup var dataOptions: DataOptions

    @Option(name: .customLong("as"), help: ArgumentHelp("Act as this user and role (default: $USER as admin).", valueName: "NAME:ROLE"))
    var actingAs: String?

    func validate() throws {
        _ = try user()
    }

    var dataDirectory: URL { ReleaseCatalog.dataDirectory(explicit: dataOptions.data) }

    /// `<data>/workspace.sqlite`.
    var workspaceURL: URL { dataDirectory.appendingPathComponent("workspace.sqlite") }

    /// Whether the data directory has a workspace yet (opening one creates it).
    var workspaceExists: Bool { FileManager.default.fileExists(atPath: workspaceURL.path) }

    /// The user the command acts as.
    func user() throws -> WorkspaceUser {
        guard let actingAs else {
            let name = ProcessInfo.processInfo.environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? "steward"
            return WorkspaceUser(name: name, role: .admin)
        }
        guard let colon = actingAs.lastIndex(of: ":") else { throw ValidationError("--as \(actingAs): expected NAME:ROLE, e.g. ada:author") }
        let name = actingAs[..<colon].trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw ValidationError("--as \(actingAs): the user name is empty") }
        do {
            return WorkspaceUser(name: name, role: try Role(parsing: String(actingAs[actingAs.index(after: colon)...])))
        } catch let error as WorkspaceError {
            throw ValidationError("--as \(actingAs): \(error.message)")
        }
    }

    /// Opens (creating if needed) the workspace of the data directory, with the user the command acts as.
    func open() throws -> (Workspace, WorkspaceUser) {
        let user = try user()
        return (try Workspace(dataDirectory: dataDirectory), user)
    }
}
