import ArgumentParser
import Foundation
import ReleaseDiff
import TerminologyStore

/// `steward delta FROM TO --out DIR`: the RF2 Delta package that turns FROM into TO.
struct DeltaCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delta",
        abstract: "Write the RF2 Delta package that turns FROM into TO (import FROM, then this delta with --base, to get TO).")

    @OptionGroup var dataOptions: DataOptions

    @Argument(help: "The earlier release (name, version URI, package folder or .zip).")
    var from: String

    @Argument(help: "The later release.")
    var to: String

    @Option(help: "Directory to write the package into (new or empty).")
    var out: String

    func run() async throws {
        let opener = ReleaseOpener(catalog: dataOptions.catalog)
        let summary = try await DeltaWriter(from: try opener.open(from), to: try opener.open(to)).write(to: URL(fileURLWithPath: out))
        for warning in summary.warnings { Terminal.warn(warning) }
        for file in summary.files where file.rows > 0 { Terminal.note("\(file.rows)\t\(file.path)") }
        Terminal.note("wrote \(summary.rows) rows in \(summary.files.count) files to \(out)")
    }
}
