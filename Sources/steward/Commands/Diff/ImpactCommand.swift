import ArgumentParser
import Foundation
import RF2
import ReleaseDiff
import TerminologyStore
import Workspace

/// `steward impact --from A --to B`: what moving from A to B does to refsets and ECL-defined value sets.
struct ImpactCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "impact",
        abstract: "What moving from release A to B does to refsets: inactivated members with replacements, term changes, module moves.",
        discussion: """
            Refsets are read as raw member rows, so members whose concept is already inactive are reported too. Without \
            --refset or --ecl, every local refset of the workspace is checked (its draft: members, or the ECL definition \
            and inclusions of an intensional one); with no local refsets, every simple refset with active members in A. \
            --refset takes local and release refset ids. --ecl checks an ECL-defined value set: concepts gained and lost.
            """)

    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var output: ReportOutput

    @Option(help: "The release in production (name, version URI, package folder or .zip).")
    var from: String

    @Option(help: "The release to move to.")
    var to: String

    @Option(help: "A refset concept id to check (repeatable).")
    var refset: [String] = []

    @Option(help: "An ECL definition to check for concepts gained and lost (repeatable).")
    var ecl: [String] = []

    @Option(help: "Display-term languages, e.g. nb,nn,en-GB (default en-US, en-GB).")
    var lang: String?

    func run() async throws {
        var refsetIds: [Int64] = []
        for text in refset {
            guard let id = Int64(text), SCTID.isValid(id, kind: .concept) else {
                throw ValidationError("--refset \(text) is not a concept id (SCTID with a valid check digit)")
            }
            refsetIds.append(id)
        }
        let opener = ReleaseOpener(catalog: dataOptions.catalog)
        let language = try lang.map(LanguagePreference.init(parsing:)) ?? .default
        let analyzer = ImpactAnalyzer(from: try opener.open(from), to: try opener.open(to), language: language)
        let workspaceFile = dataOptions.catalog.dataDirectory.appendingPathComponent("workspace.sqlite")
        // Opening a workspace creates one, so a data directory without one is read as having no local refsets.
        let report =
            FileManager.default.fileExists(atPath: workspaceFile.path)
            ? try Workspace(url: workspaceFile).impactReport(analyzer, refsetIds: refsetIds, ecl: ecl)
            : try Workspace.impactReport(analyzer, refsetIds: refsetIds, ecl: ecl, locals: []) { _ in [] }
        try output.write(
            text: { report.textSummary() },
            json: { try ReportOutput.jsonEncoder().encode(report) },
            document: { report.document() })
    }
}
