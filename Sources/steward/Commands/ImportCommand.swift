import ArgumentParser
import Foundation
import RF2
import TerminologyStore

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import one release from one or more packages (folder or .zip) and print its name.",
        discussion: """
            Snapshot files are used when present. --as-of materialises Full files as of a date; --base applies \
            the packages' Delta files to an imported release. Several packages (an edition plus extensions) are \
            combined into one store and checked against the module dependency refset. --unpublished gives the \
            release the xsct version URI of a beta or pre-release. Rows with an empty effectiveTime (content \
            not yet published) take the version date and are counted in the warnings.
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

    @Option(name: .customLong("version-date"), help: "The version date of the release (YYYYMMDD; default: the packages' effective time).")
    var versionDate: String?

    @Option(
        name: .customLong("edition-module"),
        help: "The edition the release belongs to, for its version URI (default: derived from the module dependencies); must be one of its modules.")
    var editionModule: Int64?

    @Flag(help: "Import as an unpublished (beta/pre-release) version: its version URI takes the xsct form.")
    var unpublished = false

    @Flag(help: "Replace an existing release of the same name.")
    var replace = false

    func run() throws {
        let importer = ReleaseImporter(catalog: dataOptions.catalog)
        let options = ImportOptions(
            name: name, asOf: try asOf.map { try Self.date($0, option: "--as-of") }, base: base,
            versionDate: try versionDate.map { try Self.date($0, option: "--version-date") }, unpublished: unpublished, editionModule: editionModule,
            replace: replace, progress: Terminal.progressReporter())
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

    /// A date option's value: eight digits naming a real day, else a usage error quoting it.
    private static func date(_ text: String, option: String) throws -> Int {
        guard text.count == 8, text.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(text) else {
            throw ValidationError("\(option) must be a date written YYYYMMDD, got '\(text)'")
        }
        guard RF2Date.isValid(value) else {
            throw ValidationError("\(option) must be a real date written YYYYMMDD, got '\(text)' (no such day)")
        }
        return value
    }
}
