import Foundation
import RF2
import TerminologyStore

/// Checks a request's content: the required fields and their form always, and — given the release the
/// request is bound to — that every concept, description and relationship it names exists there in the
/// state the change needs. Every problem names the field (`payload.parents[1]`) and the offending value.
public struct RequestValidator: Sendable {
    public let release: ReleaseStore?

    public init(release: ReleaseStore?) {
        self.release = release
    }

    /// Throws one `.invalid` error listing every problem, or returns when the content is acceptable.
    public func validate(_ content: RequestContent) throws {
        let problems = try problems(in: content)
        guard problems.isEmpty else {
            throw WorkspaceError(.invalid, "invalid \(content.type.rawValue) request: " + problems.joined(separator: "; "))
        }
    }

    /// Every problem, in field order.
    public func problems(in content: RequestContent) throws -> [String] {
        var check = Check(release: release)
        let summary = content.summary.trimmingCharacters(in: .whitespacesAndNewlines)
        if summary.isEmpty { check.fail("summary", "is required") }
        if content.summary.count > RequestContent.maximumSummaryLength {
            check.fail("summary", "has \(content.summary.count) characters, at most \(RequestContent.maximumSummaryLength) are allowed")
        }
        if content.summary.contains(where: \.isNewline) { check.fail("summary", "must be one line") }
        if content.useCase.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { check.fail("useCase", "(justification) is required") }
        for (index, reference) in content.references.enumerated() where reference.trimmingCharacters(in: .whitespaces).isEmpty {
            check.fail("references[\(index)]", "is empty")
        }
        if !content.namespace.isEmpty, content.namespace.count != 7 || !content.namespace.allSatisfy(\.isASCII) || Int(content.namespace) == nil {
            check.fail("namespace", "'\(content.namespace)' is not a 7-digit namespace identifier")
        }
        try checkPayload(content.payload, &check)
        return check.problems
    }

    private func checkPayload(_ payload: RequestPayload, _ check: inout Check) throws {
        switch payload {
        case .newConcept(let change): try checkNewConcept(change, &check)
        case .newDescription(let change): try checkNewDescription(change, &check)
        case .changeDescription(let change): try checkChangeDescription(change, &check)
        case .inactivateDescription(let change):
            try check.description("payload.descriptionId", change.descriptionId, mustBeActive: true)
            try checkInactivation(
                reason: change.reason, association: change.association, targets: change.targets, allowed: InactivationReason.descriptionReasons,
                requireAssociation: false, component: change.descriptionId, &check)
        case .inactivateConcept(let change):
            try check.concept("payload.conceptId", change.conceptId, mustBeActive: true)
            try checkInactivation(
                reason: change.reason, association: change.association, targets: change.targets, allowed: InactivationReason.conceptReasons,
                requireAssociation: true, component: change.conceptId, &check)
        case .newRelationship(let change): try checkNewRelationship(change, &check)
        case .changeRelationship(let change): try checkChangeRelationship(change, &check)
        case .retireRelationship(let change):
            try checkExistingRelationship(change.sourceId, change.typeId, change.destinationId, &check)
        case .refsetChange(let change): try checkRefsetChange(change, &check)
        case .other(let change):
            if change.details.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { check.fail("payload.details", "is required") }
        }
    }

    private func checkNewConcept(_ change: RequestPayload.NewConcept, _ check: inout Check) throws {
        let fsn = change.fullySpecifiedName.trimmingCharacters(in: .whitespaces)
        if fsn.isEmpty {
            check.fail("payload.fullySpecifiedName", "is required")
        } else if change.semanticTag == nil {
            check.fail("payload.fullySpecifiedName", "'\(fsn)' has no semantic tag such as '(disorder)' at the end")
        }
        if change.parents.isEmpty { check.fail("payload.parents", "needs at least one parent concept") }
        for (index, parent) in change.parents.enumerated() {
            try check.concept("payload.parents[\(index)]", parent, mustBeActive: true)
        }
        if change.semanticTag != nil, let existing = try check.activeDescription(matching: fsn) {
            check.fail("payload.fullySpecifiedName", "'\(fsn)' already exists as description \(existing.id) of concept \(existing.conceptId)")
        }
    }

    private func checkNewDescription(_ change: RequestPayload.NewDescription, _ check: inout Check) throws {
        let term = change.term.trimmingCharacters(in: .whitespaces)
        if term.isEmpty { check.fail("payload.term", "is required") }
        if try check.concept("payload.conceptId", change.conceptId, mustBeActive: true), !term.isEmpty, let release {
            if let existing = try release.descriptions(of: change.conceptId.value, includeInactive: false).first(where: { $0.term == term }) {
                check.fail("payload.term", "concept \(change.conceptId) already has the active description \(existing.id) '\(term)'")
            }
        }
        if let refset = change.languageRefsetId, !SCTID.isValid(refset.value, kind: .concept) {
            check.fail("payload.languageRefsetId", "\(refset) is not a valid concept id")
        } else if let release, try !release.languageRefsets().contains(change.effectiveLanguageRefsetId.value) {
            if change.languageRefsetId == nil {
                check.fail(
                    "payload.language",
                    "'\(change.language.rawValue)': release \(release.info.name) has no language refset "
                        + "\(change.effectiveLanguageRefsetId); bind the request to a release that has one or give payload.languageRefsetId")
            } else {
                check.fail("payload.languageRefsetId", "\(change.effectiveLanguageRefsetId) is not a language refset of release \(release.info.name)")
            }
        }
    }

    private func checkChangeDescription(_ change: RequestPayload.ChangeDescription, _ check: inout Check) throws {
        let description = try check.description("payload.descriptionId", change.descriptionId, mustBeActive: true)
        let proposed = change.proposedTerm?.trimmingCharacters(in: .whitespaces)
        if (proposed ?? "").isEmpty && change.caseSignificance == nil {
            check.fail("payload.proposedTerm", "or payload.caseSignificance is required")
        }
        if let description, let proposed, proposed == description.term {
            check.fail("payload.proposedTerm", "'\(proposed)' is the description's current term")
        }
    }

    private func checkNewRelationship(_ change: RequestPayload.NewRelationship, _ check: inout Check) throws {
        try check.concept("payload.sourceId", change.sourceId, mustBeActive: true)
        try check.attributeType("payload.typeId", change.typeId)
        try check.concept("payload.destinationId", change.destinationId, mustBeActive: true)
        if change.group < 0 { check.fail("payload.group", "\(change.group) is negative") }
        if try check.relationshipExists(change.sourceId, change.typeId, change.destinationId) == true {
            check.fail("payload", "concept \(change.sourceId) already has the relationship \(change.typeId) = \(change.destinationId)")
        }
    }

    private func checkChangeRelationship(_ change: RequestPayload.ChangeRelationship, _ check: inout Check) throws {
        try checkExistingRelationship(change.sourceId, change.typeId, change.destinationId, &check)
        if change.newTypeId == nil && change.newDestinationId == nil && change.newGroup == nil {
            check.fail("payload.newDestinationId", "or payload.newTypeId or payload.newGroup is required")
        }
        if let type = change.newTypeId { try check.attributeType("payload.newTypeId", type) }
        if let destination = change.newDestinationId { try check.concept("payload.newDestinationId", destination, mustBeActive: true) }
        if let group = change.newGroup, group < 0 { check.fail("payload.newGroup", "\(group) is negative") }
    }

    private func checkRefsetChange(_ change: RequestPayload.RefsetChange, _ check: inout Check) throws {
        if try check.concept("payload.refsetId", change.refsetId, mustBeActive: true), let release,
            try !release.isSubsumed(change.refsetId.value, by: WellKnown.referenceSet)
        {
            check.fail("payload.refsetId", "concept \(change.refsetId) is not a reference set")
        }
        if change.conceptIds.isEmpty { check.fail("payload.conceptIds", "needs at least one concept") }
        for (index, id) in change.conceptIds.enumerated() {
            try check.concept("payload.conceptIds[\(index)]", id, mustBeActive: change.action == .add)
        }
    }

    private func checkInactivation(
        reason: InactivationReason, association: HistoricalAssociation?, targets: [ComponentID], allowed: [InactivationReason: [HistoricalAssociation]],
        requireAssociation: Bool, component: ComponentID, _ check: inout Check
    ) throws {
        guard let associations = allowed[reason] else {
            let reasons = InactivationReason.allCases.filter { allowed[$0] != nil }.map(\.rawValue).joined(separator: ", ")
            check.fail("payload.reason", "'\(reason.rawValue)' is not allowed here: expected one of \(reasons)")
            return
        }
        if let association {
            if !associations.contains(association) {
                let expected = associations.isEmpty ? "none" : associations.map(\.rawValue).joined(separator: ", ")
                check.fail("payload.association", "'\(association.rawValue)' does not go with reason '\(reason.rawValue)': expected \(expected)")
            }
            if targets.isEmpty { check.fail("payload.targets", "needs at least one target concept for the \(association.label) association") }
        } else {
            if requireAssociation && reason.requiresAssociation {
                check.fail(
                    "payload.association", "is required for reason '\(reason.rawValue)': expected \(associations.map(\.rawValue).joined(separator: ", "))")
            }
            if !targets.isEmpty { check.fail("payload.targets", "are given without an association") }
        }
        for (index, target) in targets.enumerated() {
            if target == component { check.fail("payload.targets[\(index)]", "\(target) is the component being inactivated") }
            try check.concept("payload.targets[\(index)]", target, mustBeActive: true)
        }
    }

    private func checkExistingRelationship(_ source: ComponentID, _ type: ComponentID, _ destination: ComponentID, _ check: inout Check) throws {
        let known = try check.concept("payload.sourceId", source, mustBeActive: false)
        let typeKnown = try check.concept("payload.typeId", type, mustBeActive: false)
        let destinationKnown = try check.concept("payload.destinationId", destination, mustBeActive: false)
        if known, typeKnown, destinationKnown, try check.relationshipExists(source, type, destination) == false {
            check.fail("payload", "concept \(source) has no active relationship \(type) = \(destination)")
        }
    }
}

extension RequestValidator {
    /// Collects problems; the look-ups are skipped (and pass) when there is no release to check against.
    struct Check {
        let release: ReleaseStore?
        var problems: [String] = []

        mutating func fail(_ field: String, _ message: String) {
            problems.append("\(field) \(message)")
        }

        private var releaseName: String { release?.info.name ?? "" }

        /// True when the id is well formed and (with a release) names a concept, active if required.
        @discardableResult
        mutating func concept(_ field: String, _ id: ComponentID, mustBeActive: Bool) throws -> Bool {
            guard SCTID.isValid(id.value, kind: .concept) else {
                fail(field, "\(id) is not a valid concept id")
                return false
            }
            guard let release else { return true }
            guard let concept = try release.concept(id.value) else {
                fail(field, "concept \(id) is not in release \(releaseName)")
                return false
            }
            if mustBeActive && !concept.active {
                fail(field, "concept \(id) is inactive in release \(releaseName)")
                return false
            }
            return true
        }

        @discardableResult
        mutating func description(_ field: String, _ id: ComponentID, mustBeActive: Bool) throws -> Description? {
            guard SCTID.isValid(id.value, kind: .description) else {
                fail(field, "\(id) is not a valid description id")
                return nil
            }
            guard let release else { return nil }
            guard let description = try release.description(id.value) else {
                fail(field, "description \(id) is not in release \(releaseName)")
                return nil
            }
            if mustBeActive && !description.active {
                fail(field, "description \(id) is inactive in release \(releaseName)")
                return nil
            }
            return description
        }

        /// A relationship type must be IS A or a concept model attribute.
        mutating func attributeType(_ field: String, _ id: ComponentID) throws {
            guard try concept(field, id, mustBeActive: true), let release else { return }
            if id.value != WellKnown.isA, try !release.isSubsumed(id.value, by: WellKnown.conceptModelAttribute) {
                fail(field, "concept \(id) is not a concept model attribute")
            }
        }

        /// Whether the source has an active relationship of the type to the destination; nil without a release.
        func relationshipExists(_ source: ComponentID, _ type: ComponentID, _ destination: ComponentID) throws -> Bool? {
            guard let release else { return nil }
            return try release.hasRelationship(source.value, type.value, destination.value)
        }

        /// An active description with exactly this term, anywhere in the release.
        func activeDescription(matching term: String) throws -> Description? {
            guard let release else { return nil }
            return try release.activeDescription(term: term)
        }
    }
}
