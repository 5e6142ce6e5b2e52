import ArgumentParser
import Foundation
import TerminologyStore
import Workspace

struct RefsetSyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync", abstract: "Load RefSets/ files into the workspace (idempotent) and report what changed.")

    enum Format: String, ExpressibleByArgument { case text, json }
    @OptionGroup var options: WorkspaceOptions
    @OptionGroup var releaseOption: ReleaseOption
    @Argument(help: "Directory of refset files (*.json).") var directory: String = "RefSets"
    @Option(help: "Namespace for new refsets (default: the workspace setting).") var namespace: Int?
    @Option var format: Format = .text

    func run() throws {
        let context = try RefsetContext(options)
        let release = try context.catalog.open(releaseOption.release)
        guard let namespace = try namespace ?? context.workspace.settings().namespace else {
            throw ValidationError("no namespace for new refsets: pass --namespace or set one with 'steward workspace config --namespace N'")
        }
        let results = try context.workspace.syncRefsets(from: URL(fileURLWithPath: directory), release: release, namespace: namespace, by: context.user)
        switch format {
        case .json: try Terminal.printJSON(results)
        case .text:
            for result in results {
                var detail: [String] = []
                if !result.fields.isEmpty { detail.append("fields " + result.fields.joined(separator: ", ")) }
                if !result.added.isEmpty { detail.append("+\(result.added.count)") }
                if !result.removed.isEmpty { detail.append("−\(result.removed.count)") }
                print(
                    "\(result.file): \(result.action.rawValue) \(result.refsetId) |\(result.name)|\(detail.isEmpty ? "" : " (" + detail.joined(separator: ", ") + ")")"
                )
                for warning in result.warnings { Terminal.warn("\(result.file): \(warning.conceptId) |\(warning.term)|: \(warning.message)") }
            }
        }
    }
}
