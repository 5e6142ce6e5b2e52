extension ImpactReport {
    /// A terminal summary per refset and definition.
    public func textSummary(listLimit: Int = 20) -> String {
        var out = "Impact of \(from.name) → \(to.name)\n"
        for refset in refsets {
            out +=
                "\nRefset \(refset.refset.id) \(refset.refset.term): \(refset.membersChecked) members, \(refset.unaffected) unaffected, \(refset.findings.count) findings\n"
            for finding in refset.findings.prefix(listLimit) { out += "  \(line(finding))\n" }
            if refset.findings.count > listLimit { out += "  … \(refset.findings.count - listLimit) more\n" }
        }
        for definition in definitions {
            out +=
                "\nDefinition \(definition.name): \(definition.ecl)\n  \(definition.fromCount) → \(definition.toCount) concepts, \(definition.gained.count) gained, \(definition.lost.count) lost\n"
            for concept in definition.gained.prefix(listLimit) { out += "  + \(concept.id) \(concept.term)\n" }
            for lost in definition.lost.prefix(listLimit) {
                out +=
                    "  - \(lost.concept.id) \(lost.concept.term)\(lost.inactivated ? " (inactivated\(lost.reason.map { ": \($0.term)" } ?? ""))" : " (no longer matches)")\n"
            }
        }
        return out
    }

    private func line(_ finding: MemberFinding) -> String {
        var text = "\(finding.referencedComponentId) \(finding.term): \(finding.issue.label)"
        if !finding.detail.isEmpty { text += " — \(finding.detail)" }
        if let reason = finding.reason { text += " — \(reason.term)" }
        if !finding.associations.isEmpty {
            text += " → " + finding.associations.map { "\($0.refset.term) \($0.target.id) \($0.target.term)" }.joined(separator: "; ")
        } else if finding.noReplacement {
            text += " — no replacement"
        }
        return text
    }

    /// The report as tables for the CSV, Markdown and HTML renderers.
    public func document() -> ReportDocument {
        var sections = [refsetSection, findingSection]
        if !definitions.isEmpty { sections += [definitionSection, definitionChangeSection] }
        let findings = refsets.reduce(0) { $0 + $1.findings.count }
        return ReportDocument(
            title: "Refset impact \(from.name) → \(to.name)", subtitle: "\(from.versionURI) → \(to.versionURI)",
            summary: [
                ("Refsets checked", String(refsets.count)), ("Members checked", String(refsets.reduce(0) { $0 + $1.membersChecked })),
                ("Findings", String(findings)),
                ("Inactivated members", String(refsets.reduce(0) { $0 + $1.findings.filter { $0.issue == .inactivated }.count })),
                ("Definitions", String(definitions.count)),
            ],
            charts: [
                ReportChart(
                    title: "Findings per refset", categories: refsets.map(\.refset.term),
                    series: MemberFinding.Issue.allCases.map { issue in
                        (name: issue.label, values: refsets.map { $0.findings.filter { $0.issue == issue }.count })
                    }
                    .filter { $0.values.contains { $0 > 0 } })
            ],
            sections: sections, warnings: [])
    }

    private static func named(_ concept: NamedConcept) -> ReportCell { ReportCell(concept.term, conceptId: concept.id) }

    private var refsetSection: ReportSection {
        ReportSection(
            id: "refsets", title: "Refsets checked",
            description: "Active members of each refset in \(from.name) and how many need attention in \(to.name).",
            columns: ["Refset", "Name", "Members", "Unaffected", "Findings"] + MemberFinding.Issue.allCases.map(\.label),
            rows: refsets.map { refset in
                [
                    .concept(refset.refset.id), ReportCell(refset.refset.term), .number(refset.membersChecked), .number(refset.unaffected),
                    .number(refset.findings.count),
                ]
                    + MemberFinding.Issue.allCases.map { issue in .number(refset.findings.filter { $0.issue == issue }.count) }
            })
    }

    private var findingSection: ReportSection {
        ReportSection(
            id: "findings", title: "Members needing attention",
            description: "One row per finding and association target; inactivated members list every replacement candidate.",
            columns: [
                "Refset", "Member", "Referenced component", "Term", "Finding", "Detail", "Reason", "Association", "Target", "Target term", "Replacement",
            ],
            rows: refsets.flatMap { refset in
                refset.findings.flatMap { finding -> [[ReportCell]] in
                    let head: [ReportCell] = [
                        Self.named(refset.refset), ReportCell(finding.memberId), .concept(finding.referencedComponentId), ReportCell(finding.term),
                        ReportCell(finding.issue.label), ReportCell(finding.detail), finding.reason.map(Self.named) ?? "",
                    ]
                    if finding.associations.isEmpty { return [head + ["", "", "", finding.noReplacement ? "no replacement" : ""]] }
                    return finding.associations.map {
                        head + [
                            Self.named($0.refset), .concept($0.target.id), ReportCell($0.target.term), ReportCell($0.targetActive ? "yes" : "target inactive"),
                        ]
                    }
                }
            })
    }

    private var definitionSection: ReportSection {
        ReportSection(
            id: "definitions", title: "ECL definitions", description: "Concepts each definition matches in both releases.",
            columns: ["Name", "ECL", "Before", "After", "Gained", "Lost"],
            rows: definitions.map {
                [ReportCell($0.name), ReportCell($0.ecl), .number($0.fromCount), .number($0.toCount), .number($0.gained.count), .number($0.lost.count)]
            })
    }

    private var definitionChangeSection: ReportSection {
        ReportSection(
            id: "definition-changes", title: "Concepts gained and lost",
            description: "Review gained concepts for exclusion and lost ones for replacement.",
            columns: ["Definition", "Change", "Concept", "Term", "Reason", "Replacements"],
            rows: definitions.flatMap { definition in
                definition.gained.map { [ReportCell(definition.name), "gained", .concept($0.id), ReportCell($0.term), "", ""] }
                    + definition.lost.map { lost in
                        [
                            ReportCell(definition.name), "lost", .concept(lost.concept.id), ReportCell(lost.concept.term),
                            ReportCell(lost.inactivated ? "inactivated\(lost.reason.map { ": \($0.term)" } ?? "")" : "no longer matches"),
                            ReportCell(lost.associations.map { "\($0.refset.term) \($0.target.id) \($0.target.term)" }.joined(separator: "; ")),
                        ]
                    }
            })
    }
}
