extension DiffReport {
    /// The diff as report tables: roll-ups and charts first, then the derived views, then every component
    /// and member change.
    public func document() -> ReportDocument {
        var sections: [ReportSection] = []
        let kinds = ChangeKind.allCases

        sections.append(
            ReportSection(
                id: "components", title: "Changes per component type",
                description: "Rows in each release and how many of them changed, per component type.",
                columns: ["Component", "Active in \(from.name)", "Active in \(to.name)"] + kinds.map(\.label) + ["Total changes"],
                rows: components.map { diff in
                    [ReportCell(diff.component.label), .number(diff.fromActive), .number(diff.toActive)] + kinds.map { .number(diff.counts[$0]) }
                        + [.number(diff.counts.total)]
                }))
        sections.append(rollupSection(id: "by-hierarchy", title: "Changes per top-level hierarchy", rows: rollup.byHierarchy, keyName: "Hierarchy"))
        sections.append(rollupSection(id: "by-module", title: "Changes per module", rows: rollup.byModule, keyName: "Module"))
        sections.append(
            ReportSection(
                id: "refsets", title: "Changes per refset", description: "Active members in each release and member changes, per refset.",
                columns: ["Refset", "Name", "Fields", "Active in \(from.name)", "Active in \(to.name)"] + kinds.map(\.label),
                rows: refsets.map { refset in
                    [
                        .concept(refset.refset.id), ReportCell(refset.refset.term), ReportCell(refset.fields.joined(separator: ", ")),
                        .number(refset.fromActive), .number(refset.toActive),
                    ]
                        + kinds.map { .number(refset.counts[$0]) }
                }))
        sections += viewSections()
        for diff in components {
            let member = diff.component.isRefsetMember
            sections.append(
                ReportSection(
                    id: "changes-\(diff.component.rawValue)", title: "\(diff.component.label): every change",
                    description: "Each \(member ? "member" : "component") that differs between the releases, with the changed fields.",
                    columns: ["Id", "Change", "Concept"] + (member ? ["Refset"] : []) + ["What", "Active", "Module", "Effective time", "Changed fields"],
                    rows: diff.changes.map { change in
                        [ReportCell(change.id), ReportCell(change.kind.label), change.conceptId.map(ReportCell.concept) ?? ""]
                            + (member ? [change.refsetId.map(ReportCell.concept) ?? ""] : [])
                            + [
                                ReportCell(change.label), ReportCell(change.active ? "1" : "0"), .concept(change.moduleId),
                                ReportCell(String(change.effectiveTime)),
                                ReportCell(change.fields.map { "\($0.name): \($0.old) → \($0.new)" }.joined(separator: "; ")),
                            ]
                    }))
        }

        let conceptCounts = component(.concepts)?.counts ?? ChangeCounts()
        let summary: [(label: String, value: String)] = [
            ("New concepts", String(views.newConcepts.count)),
            ("Inactivated concepts", String(views.inactivatedConcepts.count)),
            ("Reactivated concepts", String(views.reactivatedConcepts.count)),
            ("Changed concepts", String(conceptCounts.changed + conceptCounts.moduleMoved)),
            ("Term changes", String(views.termChanges.count)),
            ("New descriptions", String(views.newDescriptions.count)),
            ("IS-A changes", String(views.isaChanges.count)),
            ("Component changes", String(components.reduce(0) { $0 + $1.counts.total })),
        ]
        return ReportDocument(
            title: "Release diff \(from.name) → \(to.name)",
            subtitle: "\(from.versionURI) → \(to.versionURI)", summary: summary,
            charts: [
                chart(rollup.byHierarchy, title: "Concept changes per top-level hierarchy", group: .concepts),
                chart(rollup.byHierarchy, title: "Description changes per top-level hierarchy", group: .descriptions),
                chart(rollup.byModule, title: "All changes per module", group: nil),
            ],
            sections: sections, warnings: warnings)
    }

    private func rollupSection(id: String, title: String, rows: [DiffRollup.Row], keyName: String) -> ReportSection {
        ReportSection(
            id: id, title: title, description: "Counts of changes per \(keyName.lowercased()) and component group (release summary statistics).",
            columns: [keyName, "Name", "Component group"] + ChangeKind.allCases.map(\.label) + ["Total"],
            rows: rows.map { row in
                [row.key.id == 0 ? "" : .concept(row.key.id), ReportCell(row.key.term), ReportCell(row.group.label)]
                    + ChangeKind.allCases.map { .number(row.counts[$0]) } + [.number(row.counts.total)]
            })
    }

    private func chart(_ rows: [DiffRollup.Row], title: String, group: DiffRollup.Group?) -> ReportChart {
        var totals: [String: ChangeCounts] = [:]
        for row in rows where group == nil || row.group == group {
            totals[row.key.term, default: ChangeCounts()].add(row.counts)
        }
        let categories = totals.keys.sorted { (totals[$1]!.total, $0) < (totals[$0]!.total, $1) }
        return ReportChart(
            title: title, categories: categories,
            series: ChangeKind.allCases.map { kind in (name: kind.label, values: categories.map { totals[$0]![kind] }) }.filter {
                $0.values.contains { $0 > 0 }
            })
    }

    /// The derived views, in report order: concepts, descriptions, relationships, refset members.
    private func viewSections() -> [ReportSection] {
        conceptViewSections() + descriptionViewSections() + relationshipViewSections() + [refsetMemberSection()]
    }

    private static let conceptColumns = ["Concept", "FSN", "Preferred term", "Hierarchy", "Module", "Definition status"]

    private func conceptRows(_ list: [ConceptSummary]) -> [[ReportCell]] {
        list.map {
            [
                .concept($0.id), ReportCell($0.fsn), ReportCell($0.preferredTerm), $0.hierarchy.map { ReportCell($0.term, conceptId: $0.id) } ?? "",
                .concept($0.moduleId), ReportCell($0.definitionStatus),
            ]
        }
    }

    private func named(_ concept: NamedConcept) -> ReportCell { ReportCell(concept.term, conceptId: concept.id) }

    private func conceptViewSections() -> [ReportSection] {
        [
            ReportSection(
                id: "new-concepts", title: "New concepts", description: "Concepts that are new in \(to.name).", columns: Self.conceptColumns,
                rows: conceptRows(views.newConcepts)),
            inactivatedConceptsSection(),
            ReportSection(
                id: "reactivated-concepts", title: "Reactivated concepts", description: "Concepts inactive in \(from.name) and active in \(to.name).",
                columns: Self.conceptColumns, rows: conceptRows(views.reactivatedConcepts)),
            ReportSection(
                id: "definition-status", title: "Definition status changes", description: "Concepts that became fully defined or primitive.",
                columns: ["Concept", "FSN", "Old", "New"],
                rows: views.definitionStatusChanges.map { [.concept($0.concept.id), ReportCell($0.concept.fsn), ReportCell($0.old), ReportCell($0.new)] }),
        ]
    }

    /// One row per historical association target, or one `no replacement` row for a concept without any.
    private func inactivatedConceptsSection() -> ReportSection {
        ReportSection(
            id: "inactivated-concepts", title: "Inactivated concepts",
            description: "Concepts inactivated in \(to.name), with the inactivation reason and every historical association target.",
            columns: ["Concept", "FSN", "Hierarchy", "Reason", "Association", "Target", "Target term", "Replacement"],
            rows: views.inactivatedConcepts.flatMap { item -> [[ReportCell]] in
                let head: [ReportCell] = [
                    .concept(item.concept.id), ReportCell(item.concept.fsn), item.concept.hierarchy.map(named) ?? "", item.reason.map(named) ?? "",
                ]
                if item.associations.isEmpty { return [head + ["", "", "", "no replacement"]] }
                return item.associations.map { association in
                    head + [
                        named(association.refset), .concept(association.target.id), ReportCell(association.target.term),
                        ReportCell(association.targetActive ? "yes" : "target inactive"),
                    ]
                }
            })
    }

    private func descriptionViewSections() -> [ReportSection] {
        [
            ReportSection(
                id: "term-changes", title: "FSN and preferred-term changes",
                description: "The FSN or preferred term a language refset gives a concept, before and after.",
                columns: ["Concept", "Language refset", "Term type", "Old term", "New term"],
                rows: views.termChanges.map {
                    [
                        .concept($0.conceptId), named($0.languageRefset), ReportCell($0.type == .fsn ? "FSN" : "preferred term"), ReportCell($0.old ?? "—"),
                        ReportCell($0.new ?? "—"),
                    ]
                }),
            ReportSection(
                id: "new-descriptions", title: "New synonyms and translations", description: "Descriptions added to concepts that already existed.",
                columns: ["Description", "Concept", "Concept term", "Term", "Language", "Type", "Acceptability"],
                rows: views.newDescriptions.map(descriptionRow)),
            ReportSection(
                id: "inactivated-descriptions", title: "Inactivated descriptions",
                description: "Descriptions inactivated, with the description inactivation reason.",
                columns: ["Description", "Concept", "Concept term", "Term", "Language", "Type", "Reason"],
                rows: views.inactivatedDescriptions.map { item in
                    [
                        ReportCell(String(item.id)), .concept(item.concept.id), ReportCell(item.concept.term), ReportCell(item.term),
                        ReportCell(item.languageCode), ReportCell(item.type), item.reason.map(named) ?? "",
                    ]
                }),
            ReportSection(
                id: "acceptability", title: "Acceptability changes",
                description: "A description's acceptability in a language refset, before and after (— = not a member).",
                columns: ["Description", "Concept", "Term", "Language refset", "Old", "New"],
                rows: views.acceptabilityChanges.map {
                    [
                        ReportCell(String($0.descriptionId)), .concept($0.concept.id), ReportCell($0.term), named($0.languageRefset), ReportCell($0.old ?? "—"),
                        ReportCell($0.new ?? "—"),
                    ]
                }),
        ]
    }

    private func relationshipViewSections() -> [ReportSection] {
        [
            ReportSection(
                id: "isa-changes", title: "IS-A changes", description: "Parents added and removed (inferred), for concepts active in both releases.",
                columns: ["Concept", "Term", "Change", "Parent", "Parent term"],
                rows: views.isaChanges.flatMap { item in
                    item.added.map { [.concept(item.concept.id), ReportCell(item.concept.term), "parent added", .concept($0.id), ReportCell($0.term)] }
                        + item.removed.map {
                            [.concept(item.concept.id), ReportCell(item.concept.term), "parent removed", .concept($0.id), ReportCell($0.term)]
                        }
                }),
            ReportSection(
                id: "attribute-changes", title: "Attribute changes", description: "Defining attributes (inferred, concrete values included) added and removed.",
                columns: ["Concept", "Term", "Change", "Group", "Attribute", "Value"],
                rows: views.attributeChanges.flatMap { item in
                    func row(_ attribute: AttributeChange.Attribute, _ change: String) -> [ReportCell] {
                        [
                            .concept(item.concept.id), ReportCell(item.concept.term), ReportCell(change), .number(attribute.group), named(attribute.type),
                            attribute.destination.map(named) ?? ReportCell(attribute.value ?? ""),
                        ]
                    }
                    return item.added.map { row($0, "added") } + item.removed.map { row($0, "removed") }
                }),
        ]
    }

    private func refsetMemberSection() -> ReportSection {
        ReportSection(
            id: "refset-members", title: "Refset membership changes", description: "Member changes of content refsets (simple, map and other refsets).",
            columns: ["Refset", "Refset name", "Referenced component", "Term", "Change", "Values", "Changed fields"],
            rows: views.refsetMemberChanges.map { item in
                [
                    .concept(item.refset.id), ReportCell(item.refset.term), .concept(item.referencedComponentId), ReportCell(item.term),
                    ReportCell(item.kind.label),
                    ReportCell(item.values.joined(separator: "; ")),
                    ReportCell(item.fields.map { "\($0.name): \($0.old) → \($0.new)" }.joined(separator: "; ")),
                ]
            })
    }

    private func descriptionRow(_ item: DescriptionSummary) -> [ReportCell] {
        [
            ReportCell(String(item.id)), .concept(item.concept.id), ReportCell(item.concept.term), ReportCell(item.term), ReportCell(item.languageCode),
            ReportCell(item.type),
            ReportCell(item.acceptability.map { "\($0.refset.term): \($0.acceptability)" }.joined(separator: "; ")),
        ]
    }
}
