import ArgumentParser
import Foundation
import TerminologyStore

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import one release from one or more packages (folder or .zip) and print its name.",
        discussion: """
            Snapshot files are used when present. --as-of materialises Full files as of a date; --base applies \
            the packages' Delta files to an imported release. Several packages (an edition plus extensions) are \
            combined into one store and checked against the module dependency refset.
            """)

    @OptionGroup var dataOptions: DataOptions

    @Argument(help: "Release packages: folders or .zip files.")
    var paths: [String]

    @Option(help: "Name of the new release (default: derived, e.g. INT-20250101).")
    var name: String?

    @Option(name: .customLong("as-of"), help: "Materialise Full files as of this date (YYYYMMDD).")
    var asOf: String?

    @Option(help: "Apply Delta files to this release (name or version URI).")
    var base: String?

    @Flag(help: "Replace an existing release of the same name.")
    var replace = false

    func run() throws {
        var asOfDate: Int?
        if let asOf {
            guard asOf.count == 8, let value = Int(asOf) else {
                throw ValidationError("--as-of must be a date written YYYYMMDD, got '\(asOf)'")
            }
            asOfDate = value
        }
        let importer = ReleaseImporter(catalog: dataOptions.catalog)
        let options = ImportOptions(name: name, asOf: asOfDate, base: base, replace: replace, progress: Terminal.progressReporter())
        let summary: ImportSummary
        do {
            summary = try importer.importRelease(from: paths.map { URL(fileURLWithPath: $0) }, options: options)
        } catch {
            Terminal.endProgress()
            throw error
        }
        Terminal.endProgress()
        for warning in summary.warnings { Terminal.warn(warning) }
        let concepts = summary.counts.first { $0.component == "concepts" }
        Terminal.note(
            "imported \(summary.name) (\(summary.versionURI)): \(concepts?.total ?? 0) concepts in \(String(format: "%.1f", summary.seconds)) s")
        print(summary.name)
    }
}
