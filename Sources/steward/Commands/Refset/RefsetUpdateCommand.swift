import ArgumentParser
import Foundation
import Workspace

struct RefsetUpdateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update", abstract: "Change a refset's name, description, owner, module, language or ECL definition.")

    @OptionGroup var options: WorkspaceOptions
    @Argument(help: "Refset concept id or name.") var refset: String
    @Option var name: String?
    @Option var description: String?
    @Option var owner: String?
    @Option var module: Int64?
    @Option var language: String?
    @Option(help: "New ECL definition of an intensional refset (checked on the bound release).") var ecl: String?
    @Option(help: "The refset version this edit is based on (default: the current one).") var expectVersion: Int?

    func run() throws {
        let context = try RefsetContext(options)
        let refset = try context.workspace.refset(named: self.refset)
        guard [name, description, owner, language, ecl].contains(where: { $0 != nil }) || module != nil else {
            throw ValidationError("nothing to change: give --name, --description, --owner, --module, --language or --ecl")
        }
        let updated = try context.workspace.updateRefset(
            refset.id, expectedVersion: expectVersion ?? refset.version, release: try context.release(of: refset), by: context.user
        ) {
            if let name { $0.name = name }
            if let description { $0.description = description }
            if let owner { $0.owner = owner }
            if let module { $0.moduleId = module }
            if let language { $0.language = language }
            if let ecl { $0.ecl = ecl }
        }
        Terminal.note("updated refset \(updated.id) |\(updated.name)| to version \(updated.version)")
    }
}
