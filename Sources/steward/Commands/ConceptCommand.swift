import ArgumentParser
import Foundation
import RF2
import TerminologyStore
import StewardViews

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
        lines.append(
            "  status      \(concept.active ? "active" : "INACTIVE"), \(concept.isFullyDefined ? "fully defined" : "primitive"), effective \(concept.effectiveTime)"
        )
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
            let acceptability = description.acceptability.map { "\(Self.dialectLabel($0.refsetId, detail.terms)):\($0.isPreferred ? "P" : "A")" }.joined(
                separator: " ")
            lines.append(
                "  \(description.active ? " " : "x") \(type) \(description.languageCode)  \(description.term)  [\(acceptability.isEmpty ? "-" : acceptability)]  \(description.id)"
            )
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
