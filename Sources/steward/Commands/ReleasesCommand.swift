import ArgumentParser
import Foundation
import TerminologyStore

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

/// JSON form of a release (ids as strings).
struct ReleaseView: Encodable {
    var name: String
    var versionURI: String
    var effectiveTime: String
    var editionModule: String
    var modules: [String]
    var source: String
    var importedAt: String
    var importSeconds: Double?
    var counts: [String: CountView]
    var packages: [PackageView]
    var warnings: [String]

    struct CountView: Encodable {
        var total: Int
        var active: Int
    }

    struct PackageView: Encodable {
        var name: String
        var effectiveTime: String
        var countryNamespace: String
        var releaseType: String
        var files: Int
    }

    init(_ info: ReleaseInfo) {
        name = info.name
        versionURI = info.versionURI
        effectiveTime = String(info.effectiveTime)
        editionModule = String(info.editionModule)
        modules = info.modules.map(String.init)
        source = info.source
        importedAt = info.importedAt
        importSeconds = info.importSeconds
        counts = Dictionary(uniqueKeysWithValues: info.counts.map { ($0.component, CountView(total: $0.total, active: $0.active)) })
        packages = info.packages.map {
            PackageView(name: $0.name, effectiveTime: String($0.effectiveTime), countryNamespace: $0.countryNamespace, releaseType: $0.releaseType, files: $0.fileCount)
        }
        warnings = info.warnings
    }
}
