import GRDB
import RF2

extension ReleaseStore {
    /// The full picture of one concept, as shown by `steward concept` and the REST API; `parts` leaves out
    /// what a caller does not show (FHIR `$lookup` never shows memberships, and often asks for few properties).
    /// Read in one transaction, so the parts are consistent and a busy server pays for one connection hand-off.
    public func conceptDetail(_ id: Int64, preference: LanguagePreference = .default, parts: ConceptDetailParts = .all) throws -> ConceptDetail? {
        try read { db in try conceptDetail(db, id, preference: preference, parts: parts) }
    }

    func conceptDetail(_ db: Database, _ id: Int64, preference: LanguagePreference, parts: ConceptDetailParts) throws -> ConceptDetail? {
        guard let concept = try concept(db, id) else { return nil }
        var descriptions = parts.contains(.descriptions) ? try descriptions(db, of: id, includeInactive: true) : []
        let parents = parts.contains(.parents) ? try parents(db, of: id) : []
        let children = parts.contains(.children) ? try children(db, of: id) : []
        let attributeGroups = parts.contains(.attributes) ? try attributes(db, of: id) : []
        var memberships: [RefsetMember] = []
        if parts.contains(.memberships) {
            let languageRefsets = Set(try Self.languageRefsetIds(db))
            memberships = try self.memberships(db, of: id).filter { !languageRefsets.contains($0.refsetId) && $0.active }
        }
        let reason = parts.contains(.history) ? try inactivationReason(db, of: id) : nil
        let associations = parts.contains(.history) ? try historicalAssociations(db, of: id) : []

        let ids = Self.namedIds(concept, parents + children, attributeGroups, memberships, reason, associations, descriptions)
        let (terms, fsn) = try self.terms(db, for: ids, typeId: WellKnown.synonym, preference: preference, fullySpecifiedNameOf: id)
        func named(_ id: Int64) -> ConceptDetail.Named { .init(id: id, term: terms[id] ?? "") }

        Self.sortForDisplay(&descriptions, preference: preference)
        let tag = fsn.flatMap(Self.semanticTag)
        return ConceptDetail(
            concept: concept, fullySpecifiedName: fsn, preferredTerm: terms[id], semanticTag: tag, descriptions: descriptions,
            parents: parents.map(named), children: children.map(named),
            groups: attributeGroups.map { group in
                ConceptDetail.Group(
                    group: group.group,
                    attributes: group.relationships.map { .init(type: named($0.typeId), target: named($0.destinationId), concreteValue: nil) }
                        + group.concreteValues.map { .init(type: named($0.typeId), target: nil, concreteValue: $0.value) })
            },
            memberships: memberships.map { .init(refset: named($0.refsetId), member: $0) },
            inactivationReason: reason.map(named),
            associations: associations.map { (refset: named($0.refsetId), target: named($0.targetId)) },
            terms: terms)
    }

    /// Every concept the detail names, whose terms it shows.
    private static func namedIds(
        _ concept: Concept, _ neighbours: [Int64], _ groups: [AttributeGroup], _ memberships: [RefsetMember], _ reason: Int64?,
        _ associations: [(refsetId: Int64, targetId: Int64)], _ descriptions: [Description]
    ) -> [Int64] {
        var ids = Set<Int64>([concept.id, concept.moduleId, concept.definitionStatusId])
        ids.formUnion(neighbours)
        for group in groups {
            for relationship in group.relationships { ids.insert(relationship.typeId); ids.insert(relationship.destinationId) }
            for value in group.concreteValues { ids.insert(value.typeId) }
        }
        ids.formUnion(memberships.map(\.refsetId))
        ids.formUnion(memberships.flatMap { $0.fields.compactMap { if case .component(let c) = $0.value { c } else { nil } } })
        if let reason { ids.insert(reason) }
        for association in associations { ids.insert(association.refsetId); ids.insert(association.targetId) }
        for description in descriptions {
            ids.insert(description.typeId)
            ids.formUnion(description.acceptability.map(\.refsetId))
        }
        return Array(ids)
    }

    /// Active first, then FSN, synonyms, others, then by the rank of the first preference refset where the
    /// description is preferred or acceptable.
    private static func sortForDisplay(_ descriptions: inout [Description], preference: LanguagePreference) {
        let order = preference.refsetIds
        func rank(_ description: Description) -> (Int, Int, Int, Int64) {
            var best = (order.count + 1) * 2
            for acceptability in description.acceptability {
                if let position = order.firstIndex(of: acceptability.refsetId) {
                    best = min(best, position * 2 + (acceptability.isPreferred ? 0 : 1))
                }
            }
            let typeRank = description.typeId == WellKnown.fullySpecifiedName ? 0 : description.typeId == WellKnown.synonym ? 1 : 2
            return (description.active ? 0 : 1, typeRank, best, description.id)
        }
        descriptions.sort { rank($0) < rank($1) }
    }

    /// The semantic tag of a fully specified name: the text in its final parentheses.
    private static func semanticTag(_ fsn: String) -> String? {
        guard fsn.hasSuffix(")"), let open = fsn.lastIndex(of: "(") else { return nil }
        return String(fsn[fsn.index(after: open)..<fsn.index(before: fsn.endIndex)])
    }
}
