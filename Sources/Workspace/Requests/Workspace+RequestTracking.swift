import Foundation
import RF2
import TerminologyStore

extension Workspace {
    /// Open requests (not yet rejected, released, closed or withdrawn) that `store` — typically a newly
    /// imported release — appears to satisfy, each with what was found. Heuristic: the proposed term now
    /// exists on the concept, the component to inactivate is inactive, the relationship is (no longer) there.
    public func requestsSatisfied(by store: ReleaseStore) throws -> [(request: ChangeRequest, explanation: String)] {
        let open = RequestStatus.allCases.filter { ![.rejected, .released, .closed, .withdrawn].contains($0) }
        var found: [(request: ChangeRequest, explanation: String)] = []
        var offset = 0
        while true {
            let page = try requests(RequestQuery(statuses: open, limit: 500, offset: offset)).requests
            for request in page {
                if let explanation = try Self.satisfaction(of: request.content.payload, in: store) { found.append((request, explanation)) }
            }
            guard page.count == 500 else { break }
            offset += 500
        }
        return found
    }

    private static func reasonLabel(_ id: Int64) -> String {
        InactivationReason.allCases.first { $0.conceptId == id }?.label ?? String(id)
    }

    static func satisfaction(of payload: RequestPayload, in store: ReleaseStore) throws -> String? {
        let release = store.info.name
        switch payload {
        case .newConcept(let change):
            let fsn = change.fullySpecifiedName.trimmingCharacters(in: .whitespaces)
            guard let description = try store.activeDescription(term: fsn), description.typeId == WellKnown.fullySpecifiedName else { return nil }
            return "\(release) has concept \(description.conceptId) with the FSN '\(fsn)' (description \(description.id))"
        case .newDescription(let change):
            let term = change.term.trimmingCharacters(in: .whitespaces)
            guard let description = try store.descriptions(of: change.conceptId.value, includeInactive: false).first(where: { $0.term == term }) else {
                return nil
            }
            return "\(release) has '\(term)' as active description \(description.id) of concept \(change.conceptId)"
        case .changeDescription(let change):
            return try changedDescription(change, in: store)
        case .inactivateDescription(let change):
            guard let description = try store.description(change.descriptionId.value), !description.active else { return nil }
            let reason = try store.descriptionInactivationReason(of: description.id).map { " (reason \(reasonLabel($0)))" } ?? ""
            return "description \(description.id) is inactive in \(release)\(reason)"
        case .inactivateConcept(let change):
            return try inactivatedConcept(change.conceptId.value, in: store)
        case .newRelationship(let change):
            guard try store.hasRelationship(change.sourceId.value, change.typeId.value, change.destinationId.value) else { return nil }
            return "\(release) has the relationship \(change.sourceId) \(change.typeId) = \(change.destinationId)"
        case .changeRelationship(let change):
            let type = change.newTypeId ?? change.typeId
            let destination = change.newDestinationId ?? change.destinationId
            guard type != change.typeId || destination != change.destinationId,
                try store.hasRelationship(change.sourceId.value, type.value, destination.value),
                try !store.hasRelationship(change.sourceId.value, change.typeId.value, change.destinationId.value)
            else { return nil }
            return "\(release) has the relationship \(change.sourceId) \(type) = \(destination) instead of \(change.typeId) = \(change.destinationId)"
        case .retireRelationship(let change):
            guard try store.concept(change.sourceId.value) != nil,
                try !store.hasRelationship(change.sourceId.value, change.typeId.value, change.destinationId.value)
            else { return nil }
            return "\(release) has no active relationship \(change.sourceId) \(change.typeId) = \(change.destinationId)"
        case .refsetChange(let change):
            return try changedRefset(change, in: store)
        case .other:
            return nil
        }
    }

    /// A description change is satisfied by an active description with the proposed term on the same
    /// concept, or (no term proposed) by the proposed case significance.
    private static func changedDescription(_ change: RequestPayload.ChangeDescription, in store: ReleaseStore) throws -> String? {
        let release = store.info.name
        guard let original = try store.description(change.descriptionId.value) else { return nil }
        if let proposed = change.proposedTerm?.trimmingCharacters(in: .whitespaces), !proposed.isEmpty {
            guard let description = try store.descriptions(of: original.conceptId, includeInactive: false).first(where: { $0.term == proposed }) else {
                return nil
            }
            return "\(release) has '\(proposed)' as active description \(description.id) of concept \(original.conceptId)"
        }
        guard let significance = change.caseSignificance, original.caseSignificanceId == significance.conceptId else { return nil }
        return "\(release) has description \(original.id) with case significance \(significance.rawValue)"
    }

    /// A concept inactivation is satisfied when the concept is inactive; the text names the reason and the
    /// historical associations.
    private static func inactivatedConcept(_ id: Int64, in store: ReleaseStore) throws -> String? {
        guard let concept = try store.concept(id), !concept.active else { return nil }
        var text = "concept \(concept.id) is inactive in \(store.info.name)"
        if let reason = try store.inactivationReason(of: concept.id) {
            text += " (reason \(reasonLabel(reason)))"
        }
        let associations = try store.historicalAssociations(of: concept.id)
        if !associations.isEmpty {
            text +=
                ", "
                + associations.map { association in
                    (HistoricalAssociation.allCases.first { $0.refsetId == association.refsetId }?.label ?? String(association.refsetId))
                        + " \(association.targetId)"
                }.joined(separator: ", ")
        }
        return text
    }

    /// A refset change is satisfied when every proposed concept is (add) or none is (remove) an active member.
    private static func changedRefset(_ change: RequestPayload.RefsetChange, in store: ReleaseStore) throws -> String? {
        var members: [ComponentID] = []
        for id in change.conceptIds {
            if try store.memberships(of: id.value).contains(where: { $0.refsetId == change.refsetId.value && $0.active }) { members.append(id) }
        }
        switch change.action {
        case .add:
            guard members.count == change.conceptIds.count else { return nil }
            return "every proposed concept is an active member of refset \(change.refsetId) in \(store.info.name)"
        case .remove:
            guard members.isEmpty else { return nil }
            return "no proposed concept is an active member of refset \(change.refsetId) in \(store.info.name)"
        }
    }
}
