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

    /// What the command shows, read once.
    struct Facts {
        var info: ReleaseInfo
        var refsets: [RefsetSummary]
        var languages: [Int64]
        var dependencies: [RefsetMember]
        var names: [Int64: String]
    }

    func run() throws {
        let store = try dataOptions.catalog.open(releaseOption.release)
        let refsets = try store.refsets()
        let dependencies = try store.members(of: WellKnown.moduleDependency)
        let facts = Facts(
            info: store.info, refsets: refsets, languages: try store.languageRefsets(), dependencies: dependencies,
            names: try store.preferredTerms(for: refsets.map(\.refsetId) + store.info.modules + dependencies.map(\.referencedComponentId)))
        switch format {
        case .json: try printJSON(facts)
        case .text: printText(facts)
        }
    }

    private func printJSON(_ facts: Facts) throws {
        struct InfoView: Encodable {
            var release: ReleaseView
            var languageRefsets: [String]
            var moduleDependencies: [[String: String]]
            var refsets: [[String: String]]
            var importStages: [String: Double]
        }
        try Terminal.printJSON(
            InfoView(
                release: ReleaseView(facts.info), languageRefsets: facts.languages.map(String.init),
                moduleDependencies: facts.dependencies.map {
                    [
                        "moduleId": String($0.moduleId), "dependsOn": String($0.referencedComponentId),
                        "sourceEffectiveTime": $0[field: "sourceEffectiveTime"]?.description ?? "",
                        "targetEffectiveTime": $0[field: "targetEffectiveTime"]?.description ?? "",
                    ]
                },
                refsets: facts.refsets.map {
                    [
                        "refsetId": String($0.refsetId), "term": facts.names[$0.refsetId] ?? "", "members": String($0.members),
                        "activeMembers": String($0.activeMembers),
                    ]
                },
                importStages: Dictionary(facts.info.stages.map { ($0.name, $0.seconds) }, uniquingKeysWith: +)))
    }

    private func printText(_ facts: Facts) {
        var names = facts.names
        names[0] = nil
        let info = facts.info
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
        if !facts.dependencies.isEmpty {
            print("\nModule dependencies")
            for row in facts.dependencies {
                print(
                    "  \(row.moduleId) \(row[field: "sourceEffectiveTime"]?.description ?? "") → \(row.referencedComponentId) |\(names[row.referencedComponentId] ?? "?")| \(row[field: "targetEffectiveTime"]?.description ?? "")"
                )
            }
        }
        print("\nCounts")
        print(indented(Terminal.table(["COMPONENT", "TOTAL", "ACTIVE"], info.counts.map { [$0.component, String($0.total), String($0.active)] })))
        print("\nLanguage refsets")
        for refset in facts.languages { print("  \(refset) |\(names[refset] ?? "?")|") }
        print("\nRefsets")
        print(
            indented(
                Terminal.table(
                    ["REFSET", "TERM", "MEMBERS", "ACTIVE"],
                    facts.refsets.map { [String($0.refsetId), names[$0.refsetId] ?? "", String($0.members), String($0.activeMembers)] })))
        printStagesAndWarnings(info)
    }

    private func printStagesAndWarnings(_ info: ReleaseInfo) {
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

    /// A table indented by two spaces.
    private func indented(_ table: String) -> String {
        table.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")
    }
}
