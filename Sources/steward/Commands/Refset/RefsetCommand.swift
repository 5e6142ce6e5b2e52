import ArgumentParser
import Foundation
import RF2
import TerminologyStore
import Workspace
import StewardViews

/// `steward refset ...`: the organisation's own reference sets (CLI.md).
struct RefsetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "refset", abstract: "Local reference sets: create, edit, publish, export, import, migrate, sync.",
        subcommands: [
            RefsetCreateCommand.self, RefsetListCommand.self, RefsetShowCommand.self, RefsetUpdateCommand.self, RefsetAddCommand.self, RefsetRemoveCommand.self,
            RefsetPublishCommand.self,
            RefsetExportCommand.self, RefsetImportCommand.self, RefsetMigrateCommand.self, RefsetSyncCommand.self, RefsetContainingCommand.self,
        ])
}

/// The workspace, the acting user and the release catalog, as every refset subcommand needs them.
struct RefsetContext {
    let workspace: Workspace
    let user: WorkspaceUser
    let catalog: ReleaseCatalog

    init(_ options: WorkspaceOptions) throws {
        (workspace, user) = try options.open()
        catalog = options.dataOptions.catalog
    }

    /// The store a refset is bound to.
    func release(of refset: LocalRefset) throws -> ReleaseStore {
        do {
            return try catalog.open(refset.release)
        } catch {
            throw ValidationError("refset \(refset.id) is bound to release \(refset.release), which is not imported in \(catalog.dataDirectory.path)")
        }
    }
}

struct RefsetCreateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "create", abstract: "Create a refset; prints its concept id.")

    @OptionGroup var options: WorkspaceOptions
    @OptionGroup var releaseOption: ReleaseOption
    @Argument(help: "The refset's name (its preferred term).") var name: String
    @Option(help: "extensional (member list) or intensional (ECL definition).") var kind: String = "extensional"
    @Option(help: "ECL definition of an intensional refset.") var ecl: String?
    @Option(help: "What the refset is for.") var description: String = ""
    @Option(help: "Owning team or person (default: the acting user).") var owner: String = ""
    @Option(help: "Module id of the refset's rows (default: the workspace setting).") var module: Int64?
    @Option(help: "Language of the refset's own terms: nb, nn or en (default: the workspace setting).") var language: String?
    @Option(help: "Namespace for the refset concept id (default: the workspace setting).") var namespace: Int?

    func run() throws {
        let context = try RefsetContext(options)
        let settings = try context.workspace.settings()
        guard let kind = RefsetKind(rawValue: kind) else { throw ValidationError("--kind \(kind): use extensional or intensional") }
        let release = try context.catalog.open(releaseOption.release)
        let (namespace, module) = try settings.refsetIdentity(namespace: namespace, moduleId: module)
        let refset = try context.workspace.createRefset(
            NewRefset(
                name: name, description: description, owner: owner, moduleId: module, language: language ?? settings.language, kind: kind, ecl: ecl,
                namespace: namespace), release: release, by: context.user)
        Terminal.note("created refset \(refset.id) |\(refset.name)| bound to \(refset.release)")
        print(refset.id)
    }
}

struct RefsetListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List local refsets.")

    enum Format: String, ExpressibleByArgument { case table, json }
    @OptionGroup var options: WorkspaceOptions
    @Option var format: Format = .table

    func run() throws {
        let context = try RefsetContext(options)
        let refsets = try context.workspace.refsets()
        switch format {
        case .json: try Terminal.printJSON(refsets)
        case .table:
            let rows = try refsets.map { refset -> [String] in
                let versions = try context.workspace.versions(of: refset.id)
                return [
                    String(refset.id), refset.name, refset.kind.rawValue, refset.release, String(try context.workspace.entries(of: refset.id).count),
                    versions.last.map { "v\($0.number) \($0.effectiveTime)" } ?? "-", refset.hasUnpublishedChanges ? "yes" : "no",
                ]
            }
            print(Terminal.table(["id", "name", "kind", "release", "entries", "published", "draft changes"], rows))
        }
    }
}

struct RefsetShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "A refset: metadata, versions, entries and members with terms.")

    enum Format: String, ExpressibleByArgument { case text, json }
    @OptionGroup var options: WorkspaceOptions
    @Argument(help: "Refset concept id or name.") var refset: String
    @Option(help: "Language preference for terms, e.g. nb,nn,en.") var lang: String = "nb,nn,en"
    @Option var format: Format = .text

    func run() throws {
        let context = try RefsetContext(options)
        let refset = try context.workspace.refset(named: self.refset)
        let release = try context.release(of: refset)
        let members = try RefsetTable(
            members: try context.workspace.draftMembers(of: refset.id, release: release), release: release, language: LanguagePreference(parsing: lang))
        let detail = RefsetDetailView(
            refset: refset, versions: try context.workspace.versions(of: refset.id), entries: try context.workspace.entries(of: refset.id),
            members: members.rows)
        switch format {
        case .json: try Terminal.printJSON(detail)
        case .text:
            print("\(refset.id) |\(refset.name)|  \(refset.kind.rawValue), bound to \(refset.release), version \(refset.version)")
            if !refset.description.isEmpty { print("  \(refset.description)") }
            print("  owner \(refset.owner), module \(refset.moduleId), language \(refset.language)")
            if let ecl = refset.ecl { print("  ECL: \(ecl)") }
            for version in detail.versions {
                print(
                    "  v\(version.number) \(version.effectiveTime): \(version.memberCount) members, \(version.release), by \(version.publishedBy)\(version.note.isEmpty ? "" : " — \(version.note)")"
                )
            }
            for entry in detail.entries where entry.role != .member {
                print("  \(entry.role.rawValue) \(entry.conceptId)  (\(entry.addedBy): \(entry.reason))")
            }
            print("  \(members.rows.count) members in the draft\(refset.hasUnpublishedChanges ? " (unpublished changes)" : ""):")
            print(
                Terminal.table(
                    ["conceptId", "preferred term", "active"], members.rows.map { [String($0.conceptId), $0.preferredTerm, $0.active ? "" : "INACTIVE"] }))
        }
    }
}

struct RefsetContainingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "containing", abstract: "Which refsets (local and the release's) contain a concept.")

    enum Format: String, ExpressibleByArgument { case table, json }
    @OptionGroup var options: WorkspaceOptions
    @OptionGroup var releaseOption: ReleaseOption
    @Argument(help: "Concept id.") var concept: Int64
    @Option var format: Format = .table

    func run() throws {
        let context = try RefsetContext(options)
        let found = try context.workspace.refsets(containing: concept, release: try context.catalog.open(releaseOption.release))
        switch format {
        case .json: try Terminal.printJSON(found)
        case .table:
            print(
                Terminal.table(
                    ["refset", "name", "where"], found.map { [String($0.refsetId), $0.name, $0.source.rawValue + ($0.version.map { " v\($0)" } ?? "")] }))
        }
    }
}
