import ArgumentParser
import Foundation
import Workspace

/// `steward workspace ...`: the workspace as a whole — its settings and its health.
struct WorkspaceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workspace", abstract: "Workspace settings (namespace, country, module, language) and integrity check.",
        subcommands: [WorkspaceConfigCommand.self, WorkspaceCheckCommand.self, WorkspaceWriteStreamCommand.self])
}

struct WorkspaceConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config", abstract: "Show the workspace settings, or change the ones given (admin only).")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var workspaceOptions: WorkspaceOptions

    @Option(help: "The organisation's 7-digit SNOMED CT namespace, e.g. 1000202.")
    var namespace: Int?

    @Option(help: "ISO 3166-1 alpha-2 country code, e.g. NO.")
    var country: String?

    @Option(help: "Default module id for local components (a concept SCTID).")
    var module: Int64?

    @Option(help: "Default language of local terms (BCP-47), e.g. nb.")
    var language: String?

    @Option(help: "Change only if the settings are still at this version (else fail with the current one).")
    var ifVersion: Int?

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    func run() throws {
        let (workspace, user) = try workspaceOptions.open()
        var settings = try workspace.settings()
        if namespace != nil || country != nil || module != nil || language != nil {
            let expected = ifVersion ?? settings.version
            if let namespace { settings.namespace = namespace }
            if let country { settings.countryCode = country }
            if let module { settings.moduleId = module }
            if let language { settings.language = language }
            settings = try workspace.updateSettings(settings, expectedVersion: expected, by: user)
            Terminal.note("updated the workspace settings to version \(settings.version)")
        } else if ifVersion != nil {
            throw ValidationError("--if-version only applies to a change: give --namespace, --country, --module or --language")
        }
        switch format {
        case .json:
            try Terminal.printJSON(settings)
        case .text:
            let unset = "(not set)"
            var rows = [
                ["namespace", settings.namespace.map(String.init) ?? unset],
                ["country", settings.countryCode ?? unset],
                ["module", settings.moduleId.map(String.init) ?? unset],
                ["language", settings.language],
                ["version", String(settings.version)],
            ]
            if let updatedAt = settings.updatedAt {
                rows.append(["updated", "\(Timestamp.text(updatedAt)) by \(settings.updatedBy ?? "?")"])
            }
            print(rows.map { $0[0].padding(toLength: 10, withPad: " ", startingAt: 0) + $0[1] }.joined(separator: "\n"))
        }
    }
}

struct WorkspaceCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Check the workspace file: SQLite integrity and foreign keys. Prints ok, or each problem.")

    @OptionGroup var workspaceOptions: WorkspaceOptions

    func run() throws {
        guard workspaceOptions.workspaceExists else {
            throw WorkspaceError(.notFound, "no workspace in \(workspaceOptions.dataDirectory.path)")
        }
        let (workspace, _) = try workspaceOptions.open()
        let problems = try workspace.integrityProblems()
        guard problems.isEmpty else {
            print(problems.joined(separator: "\n"))
            throw WorkspaceError(.invalid, "\(workspace.url.path) has \(problems.count) integrity problem\(problems.count == 1 ? "" : "s")")
        }
        print("ok")
    }
}

/// A stream of real audited writes (one new token each) that acknowledges every committed write on stdout.
/// Used by the crash tests: kill it at any moment and every acknowledged id must be in the workspace.
struct WorkspaceWriteStreamCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "write-stream", abstract: "Testing aid: create N tokens, printing each id once committed.", shouldDisplay: false)

    @OptionGroup var workspaceOptions: WorkspaceOptions

    @Option(help: "How many writes.")
    var count = 1000

    func run() throws {
        let (workspace, admin) = try workspaceOptions.open()
        for index in 0..<count {
            let (token, _) = try workspace.createToken(for: "stream-\(index)", role: .viewer, label: "write-stream", by: admin)
            // Unbuffered write(2): once the line is out, the commit it acknowledges has returned.
            FileHandle.standardOutput.write(Data("\(token.id)\n".utf8))
        }
    }
}
