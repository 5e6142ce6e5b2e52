import ArgumentParser
import Foundation
import RF2
import TerminologyStore

struct ConceptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "concept",
        abstract: "Show a concept: descriptions with acceptability, parents, children, attributes, refsets, history.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var releaseOption: ReleaseOption

    @Argument(help: "Concept id.")
    var id: String

    @Option(help: "Language preference, e.g. nb,nn,en-GB or en-x-900000000000509007.")
    var lang: String?

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    func run() throws {
        guard let conceptId = Int64(id), SCTID.isValid(conceptId, kind: .concept) else {
            throw ValidationError("'\(id)' is not a valid concept id (SCTID with concept partition and Verhoeff check digit)")
        }
        let preference = try lang.map { try LanguagePreference(parsing: $0) } ?? .default
        let store = try dataOptions.catalog.open(releaseOption.release)
        guard let detail = try store.conceptDetail(conceptId, preference: preference) else {
            throw StoreErrorMessage("concept \(conceptId) is not in release \(store.info.name)")
        }
        switch format {
        case .json: try Terminal.printJSON(ConceptView(detail))
        case .text: print(render(detail))
        }
    }

    private func render(_ detail: ConceptDetail) -> String {
        let concept = detail.concept
        let term = { (id: Int64) in "\(id) |\(detail.terms[id] ?? "?")|" }
        var lines: [String] = []
        lines.append("\(concept.id) |\(detail.preferredTerm ?? "")|")
        lines.append("  FSN         \(detail.fullySpecifiedName ?? "-")")
        lines.append("  status      \(concept.active ? "active" : "INACTIVE"), \(concept.isFullyDefined ? "fully defined" : "primitive"), effective \(concept.effectiveTime)")
        lines.append("  module      \(term(concept.moduleId))")
        if let reason = detail.inactivationReason {
            lines.append("  reason      \(reason.id) |\(reason.term)|")
        }
        for association in detail.associations {
            lines.append("  \(association.refset.term): \(association.target.id) |\(association.target.term)|")
        }
        lines.append("\nDescriptions")
        for description in detail.descriptions {
            let type = description.typeId == WellKnown.fullySpecifiedName ? "FSN" : description.typeId == WellKnown.synonym ? "SYN" : "DEF"
            let acceptability = description.acceptability.map { "\(Self.dialectLabel($0.refsetId, detail.terms)):\($0.isPreferred ? "P" : "A")" }.joined(separator: " ")
            lines.append("  \(description.active ? " " : "x") \(type) \(description.languageCode)  \(description.term)  [\(acceptability.isEmpty ? "-" : acceptability)]  \(description.id)")
        }
        lines.append("\nParents")
        lines += detail.parents.isEmpty ? ["  (none)"] : detail.parents.map { "  \($0.id) |\($0.term)|" }
        lines.append("\nChildren (\(detail.children.count))")
        lines += detail.children.prefix(50).map { "  \($0.id) |\($0.term)|" }
        if detail.children.count > 50 { lines.append("  … \(detail.children.count - 50) more") }
        if !detail.groups.isEmpty {
            lines.append("\nAttributes")
            for group in detail.groups {
                lines.append("  group \(group.group)")
                for attribute in group.attributes {
                    let value = attribute.target.map { "\($0.id) |\($0.term)|" } ?? attribute.concreteValue ?? ""
                    lines.append("    \(attribute.type.id) |\(attribute.type.term)| = \(value)")
                }
            }
        }
        if !detail.memberships.isEmpty {
            lines.append("\nRefset memberships")
            for membership in detail.memberships {
                let fields = membership.member.fields.map { "\($0.name)=\($0.value)" }.joined(separator: " ")
                lines.append("  \(membership.refset.id) |\(membership.refset.term)|\(fields.isEmpty ? "" : "  \(fields)")")
            }
        }
        return lines.joined(separator: "\n")
    }

    static func dialectLabel(_ refsetId: Int64, _ terms: [Int64: String]) -> String {
        switch refsetId {
        case WellKnown.usEnglish: "en-US"
        case WellKnown.gbEnglish: "en-GB"
        case WellKnown.norwegianBokmal: "nb"
        case WellKnown.norwegianNynorsk: "nn"
        default: String(refsetId)
        }
    }
}

/// A one-line failure for conditions the libraries report as absent values.
struct StoreErrorMessage: Error, CustomStringConvertible {
    var description: String
    init(_ message: String) { description = message }
}

/// JSON form of a concept detail; ids are strings.
struct ConceptView: Encodable {
    struct Named: Encodable {
        var id: String
        var term: String
        init(_ named: ConceptDetail.Named) {
            id = String(named.id)
            term = named.term
        }
    }
    struct DescriptionView: Encodable {
        var id: String
        var active: Bool
        var effectiveTime: String
        var moduleId: String
        var languageCode: String
        var typeId: String
        var term: String
        var caseSignificanceId: String
        var acceptability: [String: String]
    }
    struct AttributeView: Encodable {
        var type: Named
        var target: Named?
        var value: String?
    }
    struct GroupView: Encodable {
        var group: Int
        var attributes: [AttributeView]
    }
    struct MembershipView: Encodable {
        var refset: Named
        var memberId: String
        var fields: [String: String]
    }
    struct AssociationView: Encodable {
        var refset: Named
        var target: Named
    }

    var id: String
    var active: Bool
    var effectiveTime: String
    var moduleId: String
    var definitionStatus: String
    var fsn: String?
    var preferredTerm: String?
    var semanticTag: String?
    var descriptions: [DescriptionView]
    var parents: [Named]
    var children: [Named]
    var groups: [GroupView]
    var refsetMemberships: [MembershipView]
    var inactivationReason: Named?
    var historicalAssociations: [AssociationView]

    init(_ detail: ConceptDetail) {
        id = String(detail.concept.id)
        active = detail.concept.active
        effectiveTime = String(detail.concept.effectiveTime)
        moduleId = String(detail.concept.moduleId)
        definitionStatus = detail.concept.isFullyDefined ? "fullyDefined" : "primitive"
        fsn = detail.fullySpecifiedName
        preferredTerm = detail.preferredTerm
        semanticTag = detail.semanticTag
        descriptions = detail.descriptions.map { description in
            DescriptionView(
                id: String(description.id), active: description.active, effectiveTime: String(description.effectiveTime),
                moduleId: String(description.moduleId), languageCode: description.languageCode, typeId: String(description.typeId),
                term: description.term, caseSignificanceId: String(description.caseSignificanceId),
                acceptability: Dictionary(
                    description.acceptability.map { (String($0.refsetId), $0.isPreferred ? "preferred" : "acceptable") },
                    uniquingKeysWith: { first, _ in first }))
        }
        parents = detail.parents.map(Named.init)
        children = detail.children.map(Named.init)
        groups = detail.groups.map { group in
            GroupView(group: group.group, attributes: group.attributes.map { AttributeView(type: Named($0.type), target: $0.target.map(Named.init), value: $0.concreteValue) })
        }
        refsetMemberships = detail.memberships.map { membership in
            MembershipView(
                refset: Named(membership.refset), memberId: membership.member.id.description,
                fields: Dictionary(membership.member.fields.map { ($0.name, $0.value.description) }, uniquingKeysWith: { first, _ in first }))
        }
        inactivationReason = detail.inactivationReason.map(Named.init)
        historicalAssociations = detail.associations.map { AssociationView(refset: Named($0.refset), target: Named($0.target)) }
    }
}
