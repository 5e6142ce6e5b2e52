import ArgumentParser
import Foundation
import RF2
import TerminologyStore

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check release packages against the RF2 rules without importing; list every problem.",
        discussion: """
            Checks file names, headers, column counts, values (SCTID form, partition, Verhoeff digit, UUIDs, \
            dates, flags), unique ids, referential integrity, one FSN and one preferred term per language \
            refset, IS-A cycles, language members mirroring descriptions, historical associations and module \
            dependencies. Several packages (an edition plus extensions) are checked together. Exits non-zero \
            when any error is found.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var dataOptions: DataOptions

    @Argument(help: "Release packages: folders or .zip files.")
    var paths: [String]

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Option(name: .customLong("release-type"), help: "Check Full, Snapshot or Delta files (default: Snapshot when present).")
    var releaseType: String?

    @Option(name: .customLong("max-per-rule"), help: "List at most this many problems per rule (all are counted).")
    var maxPerRule: Int = ReleaseValidator.defaultProblemsPerRule

    func run() throws {
        var type: ReleaseType?
        if let releaseType {
            guard let parsed = ReleaseType.allCases.first(where: { $0.rawValue.lowercased() == releaseType.lowercased() }) else {
                throw ValidationError("--release-type must be Full, Snapshot or Delta, got '\(releaseType)'")
            }
            type = parsed
        }
        let report: ValidationReport
        do {
            report = try ReleaseValidator.validate(
                packages: paths.map { URL(fileURLWithPath: $0) }, releaseType: type, maxProblemsPerRule: maxPerRule,
                progress: Terminal.progressReporter())
        } catch {
            Terminal.endProgress()
            throw error
        }
        Terminal.endProgress()
        switch format {
        case .json:
            try Terminal.printJSON(report)
        case .text:
            for problem in report.problems { print(problem.description) }
            for note in report.notes { Terminal.note("note: \(note)") }
            for count in report.counts where count.unlisted > 0 {
                Terminal.note("\(count.rule.rawValue): \(count.unlisted) more problems not listed")
            }
            Terminal.note(
                "\(report.errorCount) errors, \(report.warningCount) warnings in \(report.rows) rows of \(report.files.count) files (\(String(format: "%.1f", report.seconds)) s)"
            )
        }
        if report.hasErrors { throw ExitCode(1) }
    }
}
