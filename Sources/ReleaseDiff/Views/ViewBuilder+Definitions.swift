import RF2

extension ViewBuilder {
    /// Parents and defining attributes added or removed, per concept active on both sides, netted over
    /// relationship ids (a relationship re-created under a new id is no change).
    func definitionChanges(skipping concepts: Set<Int64>) throws -> (isa: [HierarchyChange], attributes: [AttributeChange]) {
        var edges = EdgeChanges()
        for (type, concrete) in [(ComponentType.inferredRelationships, false), (.concreteValues, true)] {
            for change in changes[type] ?? [] {
                guard let source = change.conceptId, !concepts.contains(source) else { continue }
                let (old, new) = Self.edges(change, concrete: concrete)
                if let old { edges.record(old, of: source, added: false) }
                if let new { edges.record(new, of: source, added: true) }
            }
        }
        var isa: [HierarchyChange] = []
        for (concept, added, removed) in EdgeChanges.net(edges.parentsAdded, edges.parentsRemoved) {
            isa.append(
                HierarchyChange(
                    concept: try terms.named(concept), added: try added.sorted().map(terms.named), removed: try removed.sorted().map(terms.named)))
        }
        var attributes: [AttributeChange] = []
        for (concept, added, removed) in EdgeChanges.net(edges.attributesAdded, edges.attributesRemoved) {
            attributes.append(
                AttributeChange(
                    concept: try terms.named(concept), added: try added.map(attribute).sorted(), removed: try removed.map(attribute).sorted()))
        }
        return (isa, attributes)
    }

    /// Parents and attributes gained and lost, per source concept, before netting.
    private struct EdgeChanges {
        var parentsAdded: [Int64: Set<Int64>] = [:]
        var parentsRemoved: [Int64: Set<Int64>] = [:]
        var attributesAdded: [Int64: Set<AttributeKey>] = [:]
        var attributesRemoved: [Int64: Set<AttributeKey>] = [:]

        mutating func record(_ edge: AttributeKey, of source: Int64, added: Bool) {
            if edge.type == WellKnown.isA, let parent = edge.destination {
                if added { parentsAdded[source, default: []].insert(parent) } else { parentsRemoved[source, default: []].insert(parent) }
            } else {
                if added { attributesAdded[source, default: []].insert(edge) } else { attributesRemoved[source, default: []].insert(edge) }
            }
        }

        /// Per concept, what was added and not also removed, and the reverse; concepts with neither left out.
        static func net<T: Hashable>(_ added: [Int64: Set<T>], _ removed: [Int64: Set<T>]) -> [(Int64, Set<T>, Set<T>)] {
            Set(added.keys).union(removed.keys).compactMap { concept in
                let gained = (added[concept] ?? []).subtracting(removed[concept] ?? [])
                let lost = (removed[concept] ?? []).subtracting(added[concept] ?? [])
                return gained.isEmpty && lost.isEmpty ? nil : (concept, gained, lost)
            }
        }
    }

    /// The edge a relationship (or concrete value) row stood for before and after the change; nil on a side
    /// where it was not active, both nil when nothing that matters changed.
    private static func edges(_ change: ComponentChange, concrete: Bool) -> (old: AttributeKey?, new: AttributeKey?) {
        let values = change.values
        guard values.count > 6 else { return (nil, nil) }
        let current = AttributeKey(
            group: Int(values[5].integer ?? 0), type: values[6].integer ?? 0,
            destination: concrete ? nil : values[4].integer, value: concrete ? values[4].description : nil)
        var previous = current
        for field in change.fields {
            switch field.name {
            case "relationshipGroup": previous.group = Int(field.old) ?? previous.group
            case "typeId": previous.type = Int64(field.old) ?? previous.type
            case "destinationId": previous.destination = Int64(field.old)
            case "value": previous.value = field.old
            default: break
            }
        }
        let wasActive: Bool
        let isActive = change.active && change.kind != .removed
        switch change.kind {
        case .new: wasActive = false
        case .reactivated: wasActive = false
        case .inactivated: wasActive = true
        case .removed: wasActive = true
        case .changed, .moduleMoved: wasActive = change.active
        }
        if previous == current && wasActive == isActive { return (nil, nil) }
        return (wasActive ? previous : nil, isActive ? current : nil)
    }

    private func attribute(_ key: AttributeKey) throws -> AttributeChange.Attribute {
        AttributeChange.Attribute(group: key.group, type: try terms.named(key.type), destination: try key.destination.map(terms.named), value: key.value)
    }
}

/// One defining attribute as a value: (group, type, destination or concrete value).
struct AttributeKey: Hashable {
    var group: Int
    var type: Int64
    var destination: Int64?
    var value: String?
}
