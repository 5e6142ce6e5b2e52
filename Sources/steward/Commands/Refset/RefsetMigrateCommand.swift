import ArgumentParser
import Foundation
import ReleaseDiff
import TerminologyStore
import Workspace

struct RefsetMigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate", abstract: "Move a refset to a new release: show the impact and proposed replacements, or apply them with --apply.",
        discussion:
            "Without --apply, prints the plan. With --apply, applies in one transaction a decision per affected member: the plan's suggestion (the single active SAME AS / REPLACED BY target, else keep) unless --decide ID=keep|remove|replace:ID[+ID] says otherwise."
    )

    enum Format: String, ExpressibleByArgument { case text, json }
    @OptionGroup var options: WorkspaceOptions
    @Argument(help: "Refset concept id or name.") var refset: String
    @Option(help: "The release to move to.") var to: String
    @Option(help: "A decision for one affected member: ID=keep, ID=remove or ID=replace:ID[+ID].") var decide: [String] = []
    @Flag(help: "Apply the migration (otherwise only show the plan).") var apply = false
    @Option var format: Format = .text
    @Option(help: "Language preference for terms.") var lang: String = "nb,nn,en"

    func run() throws {
        let context = try RefsetContext(options)
        let refset = try context.workspace.refset(named: self.refset)
        let target = try context.catalog.open(to)
        let plan = try context.workspace.migrationPlan(
            refset.id, from: try context.release(of: refset), to: target, language: LanguagePreference(parsing: lang))
        var decisions: [Int64: MigrationDecision] = [:]
        for item in decide {
            let parts = item.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, let id = Int64(parts[0]) else { throw ValidationError("--decide \(item): expected ID=keep|remove|replace:ID") }
            decisions[id] = try MigrationDecision(parsing: String(parts[1]))
        }
        if format == .json && !apply { try Terminal.printJSON(plan); return }
        print("\(refset.id) |\(refset.name)|: \(plan.from) → \(plan.to), \(plan.impact.membersChecked) checked, \(plan.impact.unaffected) unaffected")
        for finding in plan.impact.findings where !plan.items.contains(where: { $0.conceptId == finding.referencedComponentId }) {
            print("  \(finding.referencedComponentId) |\(finding.term)|: \(finding.issue.label)\(finding.detail.isEmpty ? "" : " — \(finding.detail)")")
        }
        for item in plan.items {
            let decision = decisions[item.conceptId] ?? item.suggestion
            let candidates = item.candidates.map { "\($0.association) \($0.conceptId) |\($0.term)|" }.joined(separator: "; ")
            print(
                "  \(item.conceptId) |\(item.term)|: \(item.issue.label)\(item.reason.map { " (\($0))" } ?? "") — \(candidates.isEmpty ? "no replacement" : candidates) → \(decision.label)"
            )
        }
        if let definition = plan.definition {
            print("  definition \(definition.ecl): \(definition.fromCount) → \(definition.toCount) (+\(definition.gained.count) −\(definition.lost.count))")
        }
        guard apply else {
            Terminal.note("nothing changed: add --apply to migrate (and --decide ID=... to override a suggestion)")
            return
        }
        let migrated = try context.workspace.applyMigration(plan, to: target, decisions: decisions, expectedVersion: refset.version, by: context.user)
        Terminal.note("refset \(migrated.id) is now bound to \(migrated.release) (version \(migrated.version)); publish to release the change")
    }
}
