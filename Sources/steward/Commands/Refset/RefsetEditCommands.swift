import ArgumentParser
import Foundation
import RF2
import Workspace

/// `--include` / `--exclude`: which kind of entry an edit of an intensional refset changes.
struct EntryRoleOptions: ParsableArguments {
    @Flag(help: "Change inclusions of an intensional refset.") var include = false
    @Flag(help: "Change exclusions of an intensional refset.") var exclude = false

    var role: RefsetEntryRole { include ? .include : exclude ? .exclude : .member }

    func validate() throws {
        if include && exclude { throw ValidationError("--include and --exclude cannot be combined") }
    }
}

/// Prints what an edit did and its warnings.
func report(_ result: MemberChangeResult, verb: String) {
    Terminal.note("\(verb) \(result.changed.count), unchanged \(result.unchanged.count); refset \(result.refset.id) is now at version \(result.refset.version)")
    for warning in result.warnings {
        let replacements = warning.replacements.map { "\($0.association): \($0.conceptId) |\($0.term)|" }.joined(separator: "; ")
        Terminal.warn(
            "\(warning.conceptId) |\(warning.term)|: \(warning.message)\(warning.reason.map { " (\($0))" } ?? "")\(replacements.isEmpty ? ", no replacement" : " — \(replacements)")"
        )
    }
}

struct RefsetAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add members (or inclusions/exclusions) to a refset's draft.")

    @OptionGroup var options: WorkspaceOptions
    @OptionGroup var roles: EntryRoleOptions
    @Argument(help: "Refset concept id or name.") var refset: String
    @Argument(help: "Concept ids.") var concepts: [Int64]
    @Option(help: "Why (recorded with each entry and in the audit log).") var reason: String = ""
    @Option(help: "The refset version this edit is based on (default: the current one).") var expectVersion: Int?

    func run() throws {
        let context = try RefsetContext(options)
        let refset = try context.workspace.refset(named: self.refset)
        let result = try context.workspace.addEntries(
            concepts, role: roles.role, to: refset.id, reason: reason, expectedVersion: expectVersion ?? refset.version,
            release: try context.release(of: refset), by: context.user)
        report(result, verb: "added")
    }
}

struct RefsetRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove members (or inclusions/exclusions) from a refset's draft.")

    @OptionGroup var options: WorkspaceOptions
    @OptionGroup var roles: EntryRoleOptions
    @Argument(help: "Refset concept id or name.") var refset: String
    @Argument(help: "Concept ids.") var concepts: [Int64]
    @Option(help: "Why (recorded in the audit log).") var reason: String = ""
    @Option(help: "The refset version this edit is based on (default: the current one).") var expectVersion: Int?

    func run() throws {
        let context = try RefsetContext(options)
        let refset = try context.workspace.refset(named: self.refset)
        report(
            try context.workspace.removeEntries(
                concepts, role: roles.role, from: refset.id, reason: reason, expectedVersion: expectVersion ?? refset.version, by: context.user),
            verb: "removed")
    }
}

struct RefsetImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Add the concepts of an RF2 simple refset file or a CSV/TSV file to a refset's draft.")

    @OptionGroup var options: WorkspaceOptions
    @OptionGroup var roles: EntryRoleOptions
    @Argument(help: "Refset concept id or name.") var refset: String
    @Argument(help: "RF2 simple refset file, or CSV/TSV with a conceptId (or code/id) column.") var file: String
    @Option(help: "Which refset's rows to take from an RF2 file holding several.") var sourceRefset: Int64?

    func run() throws {
        let context = try RefsetContext(options)
        let refset = try context.workspace.refset(named: self.refset)
        let ids = try RefsetMemberFile.conceptIds(in: URL(fileURLWithPath: file), refsetId: sourceRefset)
        let result = try context.workspace.addEntries(
            ids, role: roles.role, to: refset.id, reason: "import from \(URL(fileURLWithPath: file).lastPathComponent)", expectedVersion: refset.version,
            release: try context.release(of: refset), by: context.user)
        report(result, verb: "imported")
    }
}

struct RefsetPublishCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "publish", abstract: "Freeze the draft as a new immutable version (reviewer or admin).")

    @OptionGroup var options: WorkspaceOptions
    @Argument(help: "Refset concept id or name.") var refset: String
    @Option(help: "RF2 effective time of the version, YYYYMMDD.") var effectiveTime: Int
    @Option(help: "Release note for this version.") var note: String = ""
    @Option(help: "The refset version this is based on (default: the current one).") var expectVersion: Int?

    func run() throws {
        let context = try RefsetContext(options)
        let refset = try context.workspace.refset(named: self.refset)
        let version = try context.workspace.publish(
            refset.id, effectiveTime: effectiveTime, expectedVersion: expectVersion ?? refset.version, release: try context.release(of: refset), note: note,
            by: context.user)
        Terminal.note(
            "published version \(version.number) of \(refset.id) |\(refset.name)|: \(version.memberCount) members, effective \(version.effectiveTime)")
        print(version.number)
    }
}
