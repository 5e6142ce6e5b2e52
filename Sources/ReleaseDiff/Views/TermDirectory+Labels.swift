import RF2

extension TermDirectory {
    /// Fills in every change's label and, for members, the concept behind a referenced description.
    func label(_ changes: inout [ComponentType: [ComponentChange]], fields: [Int64: [String]]) throws {
        for (type, list) in changes {
            var labelled = list
            for index in labelled.indices {
                try label(&labelled[index], type: type, fields: fields)
            }
            changes[type] = labelled
        }
    }

    private func label(_ change: inout ComponentChange, type: ComponentType, fields: [Int64: [String]]) throws {
        let values = change.values
        func id(_ index: Int) -> Int64 { index < values.count ? values[index].integer ?? 0 : 0 }
        switch type {
        case .concepts:
            change.label = try fsn(id: change)
        case .descriptions, .textDefinitions:
            change.label = values.count > 6 ? values[6].description : ""
        case .inferredRelationships, .statedRelationships:
            let group = id(5)
            change.label = "\(try term(id(6))) → \(try term(id(4)))\(group == 0 ? "" : " (group \(group))")"
        case .concreteValues:
            let group = id(5)
            change.label = "\(try term(id(6))) = \(values.count > 4 ? values[4].description : "")\(group == 0 ? "" : " (group \(group))")"
        case .owlAxioms, .refsetMembers:
            let referenced = id(4)
            change.conceptId = try owningConcept(referenced)
            var parts = [try componentLabel(referenced)]
            if type == .refsetMembers {
                for (offset, name) in (fields[change.refsetId ?? 0] ?? []).enumerated() where 5 + offset < values.count {
                    let value = values[5 + offset]
                    if let number = value.integer, SCTID.partition(of: number)?.componentKind == .concept, name != "mapTarget" {
                        parts.append("\(name): \(try term(number))")
                    } else {
                        parts.append("\(name): \(value)")
                    }
                }
            }
            change.label = parts.joined(separator: " · ")
        }
    }

    private func fsn(id change: ComponentChange) throws -> String {
        guard let id = Int64(change.id) else { return change.id }
        return try fsn(id)
    }
}
