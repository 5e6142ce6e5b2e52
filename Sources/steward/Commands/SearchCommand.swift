import ArgumentParser
import ConceptSearch
import ECL
import Foundation
import RF2
import TerminologyStore
import StewardViews

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Free-text concept search: one row per concept, best match first.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json, ids }

    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var releaseOption: ReleaseOption

    @Argument(help: "Search text; every word must start a word of the term (any order).")
    var text: String?

    @Option(help: "Restrict to the concepts of an ECL expression.")
    var ecl: String?

    @Option(help: "Restrict to active members of this refset (repeatable).")
    var refset: [String] = []

    @Option(help: "Restrict to this semantic tag, e.g. disorder (repeatable).")
    var tag: [String] = []

    @Option(help: "Language preference, e.g. nb,nn,en-GB or en-x-900000000000509007.")
    var lang: String?

    @Option(help: "Maximum number of concepts.")
    var limit = 20

    @Option(help: "Concepts to skip (paging).")
    var offset = 0

    @Option(help: "Description types to match: fsn, synonym (comma-separated).")
    var types: String?

    @Flag(help: "Include inactive concepts (ranked after active ones).")
    var includeInactive = false

    @Flag(help: "Match inactive descriptions too.")
    var includeInactiveDescriptions = false

    @Flag(help: "No typo-tolerant matching.")
    var noTypos = false

    @Option(help: "Output format: table, json or ids.")
    var format: Format = .table

    @Flag(help: "Read one query per line from stdin and print each query's latency in microseconds (benchmarks).")
    var stdinQueries = false

    func validate() throws {
        if text == nil, !stdinQueries { throw ValidationError("give the search TEXT (or --stdin-queries)") }
        if limit < 0 || offset < 0 { throw ValidationError("--limit and --offset must not be negative") }
    }

    func run() throws {
        let store = try dataOptions.catalog.open(releaseOption.release)
        let searcher = try ConceptSearcher(store: store)
        var request = try makeRequest(text ?? "")
        if let ecl {
            request.conceptIds = try ECLEngine(store: store).conceptIds(ecl)
        }
        if stdinQueries {
            try searcher.prepare()
            var queries: [String] = []
            while let line = readLine() {
                let query = line.trimmingCharacters(in: .whitespaces)
                if !query.isEmpty { queries.append(query) }
            }
            for timing in try searcher.measure(queries, template: request) {
                print("\(timing.microseconds)\t\(timing.total)\t\(timing.query)")
            }
            return
        }
        request.text = text ?? ""
        let page = try searcher.search(request)
        switch format {
        case .ids:
            for hit in page.hits { print(hit.conceptId) }
        case .json:
            try Terminal.printJSON(SearchPageView(page))
        case .table:
            let rows = page.hits.map { hit in
                [
                    String(hit.conceptId), hit.term, hit.preferredTerm ?? "", hit.semanticTag ?? "", hit.active ? "" : "inactive",
                    SearchPageView.label(hit.match),
                ]
            }
            print(Terminal.table(["id", "match", "preferred term", "tag", "status", "how"], rows))
            let total = page.totalIsExact ? "\(page.total)" : "about \(page.total)"
            print(page.hits.isEmpty ? "no concepts found (of \(total))" : "\(page.offset + 1)–\(page.offset + page.hits.count) of \(total) concepts")
        }
    }

    private func makeRequest(_ text: String) throws -> SearchRequest {
        let refsetIds = try refset.map { value -> Int64 in
            guard let id = Int64(value), SCTID.isValid(id, kind: .concept) else { throw ValidationError("'\(value)' is not a refset concept id") }
            return id
        }
        var kinds = Set(DescriptionKind.allCases)
        if let types {
            kinds = Set(
                try types.split(separator: ",").map { value in
                    guard let kind = DescriptionKind(rawValue: value.trimmingCharacters(in: .whitespaces).lowercased()) else {
                        throw ValidationError("unknown description type '\(value)': use fsn or synonym")
                    }
                    return kind
                })
        }
        return SearchRequest(
            text: text, preference: try lang.map { try LanguagePreference(parsing: $0) } ?? .default, limit: limit, offset: offset,
            refsetIds: refsetIds, semanticTags: tag, includeInactiveConcepts: includeInactive,
            includeInactiveDescriptions: includeInactiveDescriptions, descriptionKinds: kinds, allowTypos: !noTypos)
    }
}
