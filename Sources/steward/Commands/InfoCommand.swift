import ArgumentParser
import Foundation
import RF2
import TerminologyStore
import StewardViews

struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info", abstract: "Details of one release: packages, module dependencies, counts, languages, refsets.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var releaseOption: ReleaseOption

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    func run() throws {
        let store = try dataOptions.catalog.open(releaseOption.release)
        let info = store.info
        let refsets = try store.refsets()
        let languages = try store.languageRefsets()
        let dependencies = try store.members(of: WellKnown.moduleDependency)
        var names = try store.preferredTerms(for: refsets.map(\.refsetId) + info.modules + dependencies.map(\.referencedComponentId))

        switch format {
        case .json:
            struct InfoView: Encodable {
                var release: ReleaseView
                var languageRefsets: [String]
                var moduleDependencies: [[String: String]]
                var refsets: [[String: String]]
                var importStages: [String: Double]
            }
            try Terminal.printJSON(
                InfoView(
                    release: ReleaseView(info), languageRefsets: languages.map(String.init),
                    moduleDependencies: dependencies.map {
                        [
                            "moduleId": String($0.moduleId), "dependsOn": String($0.referencedComponentId),
                            "sourceEffectiveTime": $0[field: "sourceEffectiveTime"]?.description ?? "",
                            "targetEffectiveTime": $0[field: "targetEffectiveTime"]?.description ?? "",
                        ]
                    },
                    refsets: refsets.map {
                        [
                            "refsetId": String($0.refsetId), "term": names[$0.refsetId] ?? "", "members": String($0.members),
                            "activeMembers": String($0.activeMembers),
                        ]
                    },
                    importStages: Dictionary(info.stages.map { ($0.name, $0.seconds) }, uniquingKeysWith: +)))
        case .text:
            names[0] = nil
            print("\(info.name)  \(info.versionURI)")
            print("effective time  \(RF2Date.iso(info.effectiveTime))")
            print("source          \(info.source)")
            print("imported        \(info.importedAt) in \(String(format: "%.1f", info.importSeconds ?? 0)) s")
            print("\nPackages")
            for package in info.packages {
                print("  \(package.name)  \(package.releaseType), \(package.fileCount) files, \(package.countryNamespace) \(package.effectiveTime)")
            }
            print("\nModules")
            for module in info.modules { print("  \(module) |\(names[module] ?? "?")|") }
            if !dependencies.isEmpty {
                print("\nModule dependencies")
                for row in dependencies {
                    print(
                        "  \(row.moduleId) \(row[field: "sourceEffectiveTime"]?.description ?? "") → \(row.referencedComponentId) |\(names[row.referencedComponentId] ?? "?")| \(row[field: "targetEffectiveTime"]?.description ?? "")"
                    )
                }
            }
            print("\nCounts")
            print(
                Terminal.table(["COMPONENT", "TOTAL", "ACTIVE"], info.counts.map { [$0.component, String($0.total), String($0.active)] }).split(separator: "\n")
                    .map { "  " + $0 }.joined(separator: "\n"))
            print("\nLanguage refsets")
            for refset in languages { print("  \(refset) |\(names[refset] ?? "?")|") }
            print("\nRefsets")
            print(
                Terminal.table(
                    ["REFSET", "TERM", "MEMBERS", "ACTIVE"],
                    refsets.map { [String($0.refsetId), names[$0.refsetId] ?? "", String($0.members), String($0.activeMembers)] }
                ).split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
            if !info.stages.isEmpty {
                print("\nImport stages")
                for stage in info.stages {
                    print("  \(stage.name.padding(toLength: 20, withPad: " ", startingAt: 0)) \(String(format: "%6.2f", stage.seconds)) s")
                }
                if let blocked = info.metadata["load_parser_blocked_seconds"], let idle = info.metadata["load_writer_idle_seconds"] {
                    print("  (during load the parser waited \(blocked) s for the writer, the writer \(idle) s for the parser)")
                }
            }
            if !info.warnings.isEmpty {
                print("\nWarnings")
                for warning in info.warnings { print("  \(warning)") }
            }
        }
    }
}
