/// Counts every change per top-level hierarchy and per module of the component, grouped like SNOMED
/// International's release summary statistics.
struct RollupBuilder {
    let terms: TermDirectory
    let changes: [ComponentType: [ComponentChange]]
    let languageRefsets: Set<Int64>
    let associationRefsets: Set<Int64>

    func build() throws -> DiffRollup {
        struct Key: Hashable {
            var id: Int64
            var group: DiffRollup.Group
        }
        var byHierarchy: [Key: ChangeCounts] = [:]
        var byModule: [Key: ChangeCounts] = [:]
        for (type, list) in changes {
            for change in list {
                let group = self.group(type, refset: change.refsetId)
                let hierarchy = try change.conceptId.flatMap(terms.hierarchy(of:))?.id ?? 0
                byHierarchy[Key(id: hierarchy, group: group), default: ChangeCounts()].add(change.kind)
                byModule[Key(id: change.moduleId, group: group), default: ChangeCounts()].add(change.kind)
            }
        }
        func rows(_ counts: [Key: ChangeCounts]) throws -> [DiffRollup.Row] {
            try counts.map { key, value in
                DiffRollup.Row(key: key.id == 0 ? NamedConcept(id: 0, term: "(not placed)") : try terms.named(key.id), group: key.group, counts: value)
            }.sorted {
                ($0.key.term, DiffRollup.Group.allCases.firstIndex(of: $0.group)!) < ($1.key.term, DiffRollup.Group.allCases.firstIndex(of: $1.group)!)
            }
        }
        var rollup = DiffRollup()
        rollup.byHierarchy = try rows(byHierarchy)
        rollup.byModule = try rows(byModule)
        return rollup
    }

    private func group(_ type: ComponentType, refset: Int64?) -> DiffRollup.Group {
        switch type {
        case .concepts: .concepts
        case .descriptions, .textDefinitions: .descriptions
        case .inferredRelationships, .statedRelationships, .concreteValues: .relationships
        case .owlAxioms: .axioms
        case .refsetMembers:
            if let refset, languageRefsets.contains(refset) {
                .languageMembers
            } else if let refset, associationRefsets.contains(refset) {
                .associations
            } else {
                .otherMembers
            }
        }
    }
}
