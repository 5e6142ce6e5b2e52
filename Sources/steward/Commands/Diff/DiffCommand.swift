import ArgumentParser
import Foundation
import ReleaseDiff
import TerminologyStore

/// `steward diff FROM TO`: what changed between two releases, for release managers.
struct DiffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two releases: every component and refset member, term and hierarchy changes, roll-ups.",
        discussion: "FROM and TO are imported releases (name or version URI) or package folders / .zip files, imported on the fly.")

    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var output: ReportOutput

    @Argument(help: "The earlier release.")
    var from: String

    @Argument(help: "The later release.")
    var to: String

    @Option(help: "Display-term languages, e.g. nb,nn,en-GB (default en-US, en-GB).")
    var lang: String?

    func run() async throws {
        let opener = ReleaseOpener(catalog: dataOptions.catalog)
        let fromStore = try opener.open(from)
        let toStore = try opener.open(to)
        let language = try lang.map(LanguagePreference.init(parsing:)) ?? .default
        let report = try await ReleaseDiffer(from: fromStore, to: toStore, language: language).compare()
        try output.write(
            text: { report.textSummary() },
            json: { try ReportOutput.jsonEncoder().encode(report) },
            document: { report.document() })
    }
}
