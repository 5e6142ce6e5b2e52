import ArgumentParser
import Foundation
import TerminologyStore
import StewardViews

struct ReleasesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "releases", abstract: "List imported releases with effective time, modules and counts.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

    @OptionGroup var dataOptions: DataOptions

    @Option(help: "Output format: table or json.")
    var format: Format = .table

    func run() throws {
        let releases = try dataOptions.catalog.releases()
        switch format {
        case .json:
            try Terminal.printJSON(releases.map(ReleaseView.init))
        case .table:
            if releases.isEmpty {
                Terminal.note("no releases imported in \(dataOptions.catalog.dataDirectory.path)")
                return
            }
            let rows = releases.map { release in
                let concepts = release.counts.first { $0.component == "concepts" }
                return [
                    release.name, String(release.effectiveTime), String(release.editionModule), String(concepts?.active ?? 0),
                    String(concepts?.total ?? 0), release.source, release.versionURI,
                ]
            }
            print(Terminal.table(["NAME", "EFFECTIVE", "EDITION MODULE", "ACTIVE", "CONCEPTS", "SOURCE", "VERSION URI"], rows))
        }
    }
}
