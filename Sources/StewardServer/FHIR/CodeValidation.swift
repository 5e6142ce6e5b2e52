import Foundation
import RF2
import TerminologyStore

/// Checks one SNOMED CT code and optional display against a release: the core of `CodeSystem/$validate-code`
/// and `ValueSet/$validate-code`.
///
/// - A display that is the preferred term in the requested language: valid, no message.
/// - Any other active term of the concept (an acceptable synonym, the FSN, a term of another language;
///   compared ignoring case): valid, with a message naming the preferred term.
/// - An inactive term, or no term of the concept: not valid, with a message.
/// - An inactive concept: valid (if the display is), with a message saying it is inactive, why, and what
///   its historical associations point to.
struct CodeValidation: Sendable {
    var result: Bool
    var messages: [String]
    /// The preferred term in the requested language, when the code was found.
    var display: String?

    static func invalid(_ message: String) -> CodeValidation {
        CodeValidation(result: false, messages: [message], display: nil)
    }

    var parameters: Parameters {
        var output = [Parameter("result", .boolean(result))]
        if !messages.isEmpty { output.append(Parameter("message", .string(messages.joined(separator: "; ")))) }
        if let display { output.append(Parameter("display", .string(display))) }
        return Parameters(output)
    }

    /// Validates `id` (already a concept id) with `display` in `release`.
    static func check(_ id: Int64, display: String?, release: ReleaseHandle, store: ReleaseStore, language: LanguagePreference) throws
        -> CodeValidation
    {
        guard let concept = try store.concept(id) else {
            return .invalid("code \(id) is not in SNOMED CT release \(release.info.name) (\(release.info.versionURI))")
        }
        let preferred = try store.preferredTerm(id, preference: language)
        var outcome = CodeValidation(result: true, messages: [], display: preferred)
        if let display, display != preferred {
            let descriptions = try store.descriptions(of: id).filter { $0.typeId != WellKnown.definition }
            let preferredText = preferred.map { "; its preferred term in the requested language is '\($0)'" } ?? ""
            if let match = descriptions.first(where: { $0.active && $0.term == display })
                ?? descriptions.first(where: { $0.active && $0.term.caseInsensitiveCompare(display) == .orderedSame })
            {
                let kind = match.typeId == WellKnown.fullySpecifiedName ? "the fully specified name" : "a valid synonym"
                let exact = match.term == display ? "" : " (as '\(match.term)', which differs in case)"
                outcome.messages.append("display '\(display)' is \(kind) of concept \(id)\(exact) but not its preferred term\(preferredText)")
            } else if descriptions.contains(where: { !$0.active && $0.term.caseInsensitiveCompare(display) == .orderedSame }) {
                outcome.result = false
                outcome.messages.append("display '\(display)' is an inactive description of concept \(id)\(preferredText)")
            } else {
                outcome.result = false
                outcome.messages.append("display '\(display)' is not a term of concept \(id)\(preferredText)")
            }
        }
        if !concept.active {
            outcome.messages.append(try inactiveNote(id, store: store, language: language))
        }
        return outcome
    }

    /// "concept X is inactive (reason: …); SAME AS 22298006 |…|".
    static func inactiveNote(_ id: Int64, store: ReleaseStore, language: LanguagePreference) throws -> String {
        let reason = try store.inactivationReason(of: id)
        let associations = try store.historicalAssociations(of: id)
        let terms = try store.preferredTerms(
            for: [reason].compactMap { $0 } + associations.flatMap { [$0.refsetId, $0.targetId] }, preference: language)
        var note = "concept \(id) is inactive in release \(store.info.name)"
        if let reason { note += " (reason: \(terms[reason] ?? String(reason)))" }
        if !associations.isEmpty {
            note +=
                "; "
                + associations.map { "\(terms[$0.refsetId] ?? String($0.refsetId)): \($0.targetId) |\(terms[$0.targetId] ?? "")|" }.joined(
                    separator: ", ")
        }
        return note
    }
}
