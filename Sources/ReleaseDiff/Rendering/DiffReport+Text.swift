import Foundation

extension DiffReport {
    /// A terminal summary: counts per component type, the headline views, the top hierarchies and warnings.
    public func textSummary(listLimit: Int = 10) -> String {
        var out = "Diff \(from.name) → \(to.name)\n\n"
        let header = ["component", "new", "inactivated", "reactivated", "changed", "module moved", "removed"]
        var rows = components.map { diff in
            [diff.component.label] + ChangeKind.allCases.map { String(diff.counts[$0]) }
        }
        rows.insert(header, at: 0)
        out += Self.align(rows) + "\n"
        func list<T>(_ title: String, _ items: [T], _ line: (T) -> String) {
            out += "\(title): \(items.count)\n"
            for item in items.prefix(listLimit) { out += "  \(line(item))\n" }
            if items.count > listLimit { out += "  … \(items.count - listLimit) more\n" }
        }
        list("New concepts", views.newConcepts) { "\($0.id) \($0.fsn)" }
        list("Inactivated concepts", views.inactivatedConcepts) { item in
            let targets = item.associations.map { "\($0.refset.term) \($0.target.id) \($0.target.term)" }.joined(separator: "; ")
            return "\(item.concept.id) \(item.concept.fsn) — \(item.reason?.term ?? "no reason")\(targets.isEmpty ? " — no replacement" : " → \(targets)")"
        }
        list("Reactivated concepts", views.reactivatedConcepts) { "\($0.id) \($0.fsn)" }
        list("Definition status changes", views.definitionStatusChanges) { "\($0.concept.id) \($0.concept.fsn): \($0.old) → \($0.new)" }
        list("FSN / preferred-term changes", views.termChanges) { "\($0.conceptId) [\($0.languageRefset.term)] \($0.old ?? "—") → \($0.new ?? "—")" }
        list("New synonyms and translations", views.newDescriptions) { "\($0.concept.id) \"\($0.term)\" (\($0.languageCode) \($0.type))" }
        list("Inactivated descriptions", views.inactivatedDescriptions) { "\($0.concept.id) \"\($0.term)\" — \($0.reason?.term ?? "no reason")" }
        list("Acceptability changes", views.acceptabilityChanges) {
            "\($0.concept.id) \"\($0.term)\" [\($0.languageRefset.term)] \($0.old ?? "—") → \($0.new ?? "—")"
        }
        list("IS-A changes", views.isaChanges) { item in
            "\(item.concept.id) \(item.concept.term): "
                + (item.added.map { "+\($0.id) \($0.term)" } + item.removed.map { "-\($0.id) \($0.term)" }).joined(separator: ", ")
        }
        list("Attribute changes", views.attributeChanges) { "\($0.concept.id) \($0.concept.term): +\($0.added.count) -\($0.removed.count)" }
        list("Refset membership changes", views.refsetMemberChanges) { "\($0.refset.term): \($0.kind.label) \($0.referencedComponentId) \($0.term)" }
        for warning in warnings { out += "warning: \(warning)\n" }
        return out
    }

    static func align(_ rows: [[String]]) -> String {
        let widths = rows.reduce(into: [Int]()) { widths, row in
            for (index, cell) in row.enumerated() {
                if index >= widths.count { widths.append(0) }
                widths[index] = max(widths[index], cell.count)
            }
        }
        return rows.map { row in
            row.enumerated().map { index, cell in
                index == 0
                    ? cell.padding(toLength: widths[index], withPad: " ", startingAt: 0) : String(repeating: " ", count: widths[index] - cell.count) + cell
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }
}
