import Foundation
import RF2
import TerminologyStore

/// The answer to one `$validate-code` (CodeSystem or ValueSet): `result`, the code as given with its system,
/// the version used and the concept's display, `issues` as an OperationOutcome and, when the code is not
/// valid, a `message` made of the errors. Issues follow the FHIR tooling's catalogue (`tx-issue-type` codes
/// and message ids), which validators compare:
///
/// - an unknown code (or one that is no SNOMED CT concept id): error `invalid-code`, result false;
/// - a display that is an active term of the concept (any case): valid, no issue (case differs: a warning);
/// - a display that is an inactive term: valid, with a `display-comment` warning listing the correct ones;
/// - a display that is no term of the concept: error `invalid-display`, result false;
/// - an inactive concept: valid (if the display is), with an `INACTIVE_CONCEPT_FOUND` warning.
struct CodeValidation: Sendable {
    var result: Bool
    var issues: [OperationOutcome.Issue] = []
    var code: String?
    var system: String?
    var version: String?
    var display: String?
    var inactive: Bool?

    mutating func add(_ severity: String, _ text: String, _ issue: FHIRIssue) {
        issues.append(OperationOutcome.Issue(severity: severity, text: text, issue: issue))
    }

    /// The texts of the error issues: what `message` says.
    var errors: [String] {
        issues.filter { $0.severity == "error" }.compactMap { $0.details?.text }
    }

    var parameters: Parameters {
        var output: [Parameter] = []
        if let code { output.append(Parameter("code", .code(code))) }
        if let display { output.append(Parameter("display", .string(display))) }
        if let inactive { output.append(Parameter("inactive", .boolean(inactive))) }
        if !issues.isEmpty { output.append(Parameter("issues", resource: .operationOutcome(OperationOutcome(issues: issues)))) }
        if !result, !errors.isEmpty { output.append(Parameter("message", .string(errors.joined(separator: "; ")))) }
        output.append(Parameter("result", .boolean(result)))
        if let system { output.append(Parameter("system", .uri(system))) }
        if let version { output.append(Parameter("version", .string(version))) }
        return Parameters(output)
    }

    /// The answer for several codings none of which is valid: the first one's identity, every issue.
    static func combined(_ outcomes: [CodeValidation]) -> CodeValidation {
        var combined = outcomes.first ?? CodeValidation(result: false)
        combined.result = false
        combined.issues = outcomes.flatMap(\.issues)
        return combined
    }

    /// A code not known in `release` (or not a concept id at all): the `Unknown_Code_in_Version` error, and
    /// what is wrong with the code as information when there is more to say.
    static func unknown(_ coded: CodedInput, release: ReleaseHandle, reason: String? = nil) -> CodeValidation {
        var outcome = CodeValidation(
            result: false, code: coded.code, system: SNOMED.system, version: coded.versionGiven ? release.info.versionURI : nil)
        let version = "'\(release.info.versionURI)' (\(SNOMED.editionName(release.info)))"
        outcome.add(
            "error", "Unknown code '\(coded.code)' in the CodeSystem '\(SNOMED.system)' version \(version)",
            FHIRIssue(code: "code-invalid", txIssueType: "invalid-code", messageId: "Unknown_Code_in_Version", expression: [coded.codePath]))
        if let reason {
            outcome.add("information", reason, FHIRIssue(code: "code-invalid", txIssueType: "invalid-code", expression: [coded.codePath]))
        }
        return outcome
    }

    /// Validates concept `id` (the code `coded` gave) with its display in `release`.
    static func check(_ id: Int64, _ coded: CodedInput, release: ReleaseHandle, language: LanguagePreference) throws -> CodeValidation {
        let store = release.engines.store
        guard let concept = try store.concept(id) else { return unknown(coded, release: release) }
        let preferred = try store.preferredTerm(id, preference: language)
        var outcome = CodeValidation(result: true, code: coded.code, system: SNOMED.system, version: release.info.versionURI, display: preferred)
        if let display = coded.display, display != preferred {
            try outcome.checkDisplay(display, of: id, coded, store: store)
        }
        if !concept.active {
            outcome.inactive = true
            outcome.add(
                "warning", "The concept '\(id)' has a status of inactive and its use should be reviewed",
                FHIRIssue(code: "business-rule", txIssueType: "code-comment", messageId: "INACTIVE_CONCEPT_FOUND", expression: [coded.path]))
            outcome.add(
                "information", try inactiveNote(id, store: store, language: language),
                FHIRIssue(code: "informational", txIssueType: "code-comment", expression: [coded.path]))
        }
        return outcome
    }

    /// Why a concept is inactive and what replaces it: "concept X is inactive (reason: …); SAME AS 22298006 |…|".
    static func inactiveNote(_ id: Int64, store: ReleaseStore, language: LanguagePreference) throws -> String {
        let reason = try store.inactivationReason(of: id)
        let associations = try store.historicalAssociations(of: id)
        let terms = try store.preferredTerms(
            for: [reason].compactMap { $0 } + associations.flatMap { [$0.refsetId, $0.targetId] }, preference: language)
        var note = "concept \(id) is inactive in release \(store.info.name)"
        if let reason { note += " (reason: \(terms[reason] ?? String(reason)))" }
        if !associations.isEmpty {
            let targets = associations.map { "\(terms[$0.refsetId] ?? String($0.refsetId)): \($0.targetId) |\(terms[$0.targetId] ?? "")|" }
            note += "; " + targets.joined(separator: ", ")
        }
        return note
    }

    /// A display other than the preferred term: another active term is fine, an inactive one a warning,
    /// anything else an error.
    private mutating func checkDisplay(_ display: String, of id: Int64, _ coded: CodedInput, store: ReleaseStore) throws {
        let descriptions = try store.descriptions(of: id).filter { $0.typeId != WellKnown.definition }
        let active = descriptions.filter(\.active)
        if active.contains(where: { $0.term == display }) { return }
        let correct = Self.choices(active.map(\.term))
        if active.contains(where: { $0.term.caseInsensitiveCompare(display) == .orderedSame }) {
            add(
                "warning", "The display '\(display)' for code '\(id)' differs in case from its terms. The correct display is one of \(correct).",
                FHIRIssue(
                    code: "invalid", txIssueType: "display-comment", messageId: "Display_Name_WS_for__should_be_one_of__instead_of",
                    expression: [coded.displayPath]))
        } else if descriptions.contains(where: { !$0.active && $0.term.caseInsensitiveCompare(display) == .orderedSame }) {
            add(
                "warning",
                "'\(display)' is no longer considered a correct display for code '\(id)' (status = inactive). The correct display is one of \(correct).",
                FHIRIssue(code: "invalid", txIssueType: "display-comment", messageId: "INACTIVE_DISPLAY_FOUND", expression: [coded.displayPath]))
        } else {
            result = false
            let terms = Set(active.map(\.term)).sorted()
            let valid = terms.count == 1 ? "is '\(terms[0])'" : "is one of \(terms.count) choices: " + terms.map { "'\($0)'" }.joined(separator: " or ")
            add(
                "error", "Wrong Display Name '\(display)' for \(SNOMED.system)#\(id). Valid display \(valid)",
                FHIRIssue(
                    code: "invalid", txIssueType: "invalid-display", messageId: "Display_Name_for__should_be_one_of__instead_of",
                    expression: [coded.displayPath]))
        }
    }

    /// The code is not in the value set: that is the error (display problems are beside the point then).
    mutating func notInValueSet(_ coded: CodedInput, _ definition: ValueSetDefinition) {
        result = false
        issues.removeAll { $0.severity == "error" }
        let given = coded.display.map { " ('\($0)')" } ?? ""
        add(
            "error", "The provided code '\(SNOMED.system)#\(coded.code)\(given)' was not found in the value set '\(definition.canonical)'",
            FHIRIssue(
                code: "code-invalid", txIssueType: "not-in-vs", messageId: "None_of_the_provided_codes_are_in_the_value_set_one",
                expression: [coded.codePath]))
    }

    /// Terms as the FHIR tooling lists them: sorted, distinct, quoted when they contain a space.
    static func choices(_ terms: [String]) -> String {
        Set(terms).sorted().map { $0.contains(" ") ? "\"\($0)\"" : $0 }.joined(separator: ",")
    }
}
