import Foundation
import RF2
import TerminologyStore

/// Derives the release manager's views (new / inactivated concepts, term changes, hierarchy changes ...)
/// from the component changes, looking up terms and refset rows in the two stores.
struct ViewBuilder {
    let from: ReleaseStore
    let to: ReleaseStore
    let terms: TermDirectory
    let changes: [ComponentType: [ComponentChange]]
    let languageRefsets: Set<Int64>
    let associationRefsets: Set<Int64>

    /// Refsets whose member changes other views already explain.
    private var explainedRefsets: Set<Int64> {
        languageRefsets.union(associationRefsets).union([
            WellKnown.conceptInactivationIndicator, WellKnown.descriptionInactivationIndicator, WellKnown.moduleDependency,
            WellKnown.refsetDescriptor, WellKnown.descriptionFormat,
        ])
    }

    func build() async throws -> DiffViews {
        var views = DiffViews()
        let conceptChanges = changes[.concepts] ?? []
        let newConcepts = Set(conceptChanges.filter { $0.kind == .new }.compactMap { Int64($0.id) })
        let goneConcepts = Set(conceptChanges.filter { $0.kind == .inactivated || $0.kind == .removed }.compactMap { Int64($0.id) })
        let reactivated = Set(conceptChanges.filter { $0.kind == .reactivated }.compactMap { Int64($0.id) })

        try addConceptViews(conceptChanges, to: &views)
        views.termChanges = try await termChanges(skipping: newConcepts.union(goneConcepts))
        let newDescriptionIds = try addDescriptionViews(skippingConcepts: newConcepts, to: &views)
        try addMemberViews(skippingDescriptions: newDescriptionIds.union(views.inactivatedDescriptions.map(\.id)), to: &views)
        // New, inactivated and reactivated concepts gain or lose all their relationships: not a definition change.
        let (isa, attributes) = try definitionChanges(skipping: newConcepts.union(goneConcepts).union(reactivated))
        views.isaChanges = isa
        views.attributeChanges = attributes
        sortViews(&views)
        return views
    }

    /// New, reactivated and inactivated concepts, and definition status changes.
    private func addConceptViews(_ conceptChanges: [ComponentChange], to views: inout DiffViews) throws {
        for change in conceptChanges {
            guard let id = Int64(change.id) else { continue }
            switch change.kind {
            case .new: views.newConcepts.append(try summary(id))
            case .reactivated: views.reactivatedConcepts.append(try summary(id))
            case .inactivated: views.inactivatedConcepts.append(try inactivated(id))
            default: break
            }
            if change.kind != .new, let status = change.field("definitionStatusId") {
                views.definitionStatusChanges.append(
                    DefinitionStatusChange(
                        concept: try summary(id), old: TermDirectory.definitionStatusName(Int64(status.old)),
                        new: TermDirectory.definitionStatusName(Int64(status.new))))
            }
        }
    }

    /// New descriptions of existing concepts and inactivated descriptions with their reasons; returns the ids
    /// of all new descriptions (their acceptability is part of them, not a change of its own).
    private func addDescriptionViews(skippingConcepts newConcepts: Set<Int64>, to views: inout DiffViews) throws -> Set<Int64> {
        var newDescriptionIds = Set<Int64>()
        for change in (changes[.descriptions] ?? []) + (changes[.textDefinitions] ?? []) {
            guard let id = Int64(change.id), let description = try terms.description(id) else { continue }
            if change.kind == .new { newDescriptionIds.insert(id) }
            if change.kind == .new && !newConcepts.contains(description.conceptId) {
                views.newDescriptions.append(try summary(description, reason: nil))
            } else if change.kind == .inactivated {
                let reason = try to.descriptionInactivationReason(of: id).map(terms.named)
                views.inactivatedDescriptions.append(try summary(description, reason: reason))
            }
        }
        return newDescriptionIds
    }

    /// Acceptability changes of descriptions that are neither new nor inactivated, and member changes of the
    /// refsets no other view explains.
    private func addMemberViews(skippingDescriptions skipped: Set<Int64>, to views: inout DiffViews) throws {
        for change in changes[.refsetMembers] ?? [] {
            guard let refset = change.refsetId else { continue }
            let referenced = change.values.count > 4 ? change.values[4].integer ?? 0 : 0
            if languageRefsets.contains(refset) {
                guard !skipped.contains(referenced), let acceptability = acceptabilityChange(change), let description = try terms.description(referenced)
                else { continue }
                views.acceptabilityChanges.append(
                    AcceptabilityChange(
                        descriptionId: referenced, concept: try terms.named(description.conceptId), term: description.term,
                        languageRefset: try terms.named(refset), old: acceptability.old, new: acceptability.new))
            } else if !explainedRefsets.contains(refset) {
                let names = change.label.components(separatedBy: " · ")
                views.refsetMemberChanges.append(
                    RefsetMemberChange(
                        refset: try terms.named(refset), memberId: change.id, referencedComponentId: referenced,
                        term: names.first ?? "", kind: change.kind, values: Array(names.dropFirst()), fields: change.fields))
            }
        }
    }

    private func sortViews(_ views: inout DiffViews) {
        views.newConcepts.sort { $0.id < $1.id }
        views.reactivatedConcepts.sort { $0.id < $1.id }
        views.inactivatedConcepts.sort { $0.concept.id < $1.concept.id }
        views.definitionStatusChanges.sort { $0.concept.id < $1.concept.id }
        views.termChanges.sort { ($0.conceptId, $0.languageRefset.id, $0.type.rawValue) < ($1.conceptId, $1.languageRefset.id, $1.type.rawValue) }
        views.newDescriptions.sort { ($0.concept.id, $0.id) < ($1.concept.id, $1.id) }
        views.inactivatedDescriptions.sort { ($0.concept.id, $0.id) < ($1.concept.id, $1.id) }
        views.acceptabilityChanges.sort { ($0.concept.id, $0.descriptionId, $0.languageRefset.id) < ($1.concept.id, $1.descriptionId, $1.languageRefset.id) }
        views.isaChanges.sort { $0.concept.id < $1.concept.id }
        views.attributeChanges.sort { $0.concept.id < $1.concept.id }
        views.refsetMemberChanges.sort { ($0.refset.id, $0.referencedComponentId, $0.memberId) < ($1.refset.id, $1.referencedComponentId, $1.memberId) }
    }

    func summary(_ id: Int64) throws -> ConceptSummary {
        let concept = try terms.concept(id)
        return ConceptSummary(
            id: id, fsn: try terms.fsn(id), preferredTerm: try terms.term(id), hierarchy: try terms.hierarchy(of: id),
            moduleId: concept?.moduleId ?? 0, definitionStatus: TermDirectory.definitionStatusName(concept?.definitionStatusId),
            active: concept?.active ?? false)
    }

    private func inactivated(_ id: Int64) throws -> InactivatedConcept {
        let associations = try terms.associations(of: id)
        return InactivatedConcept(
            concept: try summary(id), reason: try to.inactivationReason(of: id).map(terms.named), associations: associations,
            noReplacement: !associations.contains { $0.targetActive })
    }

    private func summary(_ description: Description, reason: NamedConcept?) throws -> DescriptionSummary {
        let acceptability = try to.acceptability(of: description.id).map {
            DescriptionSummary.Acceptability(refset: try terms.named($0.refsetId), acceptability: TermDirectory.acceptabilityName($0.acceptabilityId) ?? "")
        }
        return DescriptionSummary(
            id: description.id, concept: try terms.named(description.conceptId), term: description.term, languageCode: description.languageCode,
            type: TermDirectory.descriptionTypeName(description.typeId), acceptability: acceptability, reason: reason)
    }

    /// Old and new acceptability of a changed language member, or nil when it did not change.
    private func acceptabilityChange(_ change: ComponentChange) -> (old: String?, new: String?)? {
        let current = change.values.count > 5 ? change.values[5].integer : nil
        let old: Int64?
        let new: Int64?
        switch change.kind {
        case .new, .reactivated:
            old = nil
            new = current
        case .inactivated, .removed:
            old = change.field("acceptabilityId").flatMap { Int64($0.old) } ?? current
            new = nil
        case .changed, .moduleMoved:
            guard let field = change.field("acceptabilityId") else { return nil }
            old = Int64(field.old)
            new = Int64(field.new)
        }
        guard old != new else { return nil }
        return (TermDirectory.acceptabilityName(old), TermDirectory.acceptabilityName(new))
    }
}
