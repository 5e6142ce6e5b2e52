import ArgumentParser
import ECL
import Foundation
import TerminologyStore
import StewardViews

/// `steward ecl EXPR`: evaluates an ECL 2.2 expression against a release.
struct ECLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ecl",
        abstract: "Evaluate an ECL 2.2 expression: matching concept ids, or member field values for ^ [fields].")

    enum Format: String, ExpressibleByArgument, CaseIterable { case ids, table, json }

    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var releaseOption: ReleaseOption

    @Argument(help: "The ECL expression, e.g. '<< 404684003 |Clinical finding|'.")
    var expression: String

    @Option(help: "Output format: ids (one per line), table (id and preferred term) or json.")
    var format: Format = .ids

    @Flag(help: "Print the number of matches only.")
    var count = false

    @Option(help: "Print at most N results.")
    var limit: Int?

    func run() throws {
        let parsed: ECLExpression
        do {
            parsed = try ECLParser.parse(expression)
        } catch {
            throw StoreErrorMessage("ECL syntax error at \(error.line):\(error.column): \(error.message)")
        }
        let store = try dataOptions.catalog.open(releaseOption.release)
        let result = try ECLEngine(store: store).evaluate(parsed, limit: limit ?? Int.max)
        if count {
            print(result.total)
            return
        }
        if let fields = result.fields, let rows = result.rows {
            switch format {
            case .ids: for row in rows { print(row.joined(separator: "\t")) }
            case .table: print(Terminal.table(fields, rows))
            case .json: try Terminal.printJSON(rows.map { Dictionary(uniqueKeysWithValues: zip(fields, $0)) })
            }
            return
        }
        switch format {
        case .ids:
            if !result.ids.isEmpty { print(result.ids.map(String.init).joined(separator: "\n")) }
        case .table:
            let terms = try store.preferredTerms(for: result.ids)
            print(Terminal.table(["id", "term"], result.ids.map { [String($0), terms[$0] ?? ""] }))
        case .json:
            try Terminal.printJSON(ECLView(total: result.total, ids: result.ids.map(String.init)))
        }
    }
}
