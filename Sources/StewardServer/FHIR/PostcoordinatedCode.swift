import ECL
import Foundation
import RF2
import TerminologyStore

/// A code written as a SNOMED CT postcoordinated expression (`367430006:{272741003=24028007}`): parsed, every
/// concept it names checked in the release, and shown with the concepts' preferred terms
/// (`367430006|Repair of tendon of hand|:{272741003|Laterality|=24028007|Right|}`). The concept model
/// (MRCM) is not checked, and the answer says so.
struct PostcoordinatedCode: Sendable {
    let expression: CompositionalExpression
    let display: String

    /// The expression in `coded`, or the `$validate-code` answer that says why it is not a valid one.
    static func read(_ coded: CodedInput, release: ReleaseHandle, language: LanguagePreference) throws -> Result<PostcoordinatedCode, Invalid> {
        let expression: CompositionalExpression
        do {
            expression = try CompositionalExpression.parse(coded.code)
        } catch {
            return .failure(Invalid(outcome: .unknown(coded, release: release, reason: "Not a valid expression: \(error)")))
        }
        let store = release.engines.store
        for id in expression.conceptIds {
            guard SCTID.isValid(id, kind: .concept), let concept = try store.concept(id) else {
                return .failure(Invalid(outcome: .unknown(coded, release: release, reason: "Not a valid expression: Concept \(id) not found")))
            }
            if !concept.active {
                return .failure(Invalid(outcome: .unknown(coded, release: release, reason: "Not a valid expression: Concept \(id) is inactive")))
            }
        }
        if let attribute = try nonAttribute(in: expression, release: release) {
            return .failure(
                Invalid(outcome: .unknown(coded, release: release, reason: "Not a valid expression: \(attribute) is not a concept model attribute")))
        }
        let terms = try store.preferredTerms(for: expression.conceptIds, preference: language)
        return .success(PostcoordinatedCode(expression: expression, display: expression.rendered(terms: terms)))
    }

    /// An invalid expression's answer (a type so it can be a `Result` failure).
    struct Invalid: Error {
        let outcome: CodeValidation
    }

    /// The first attribute name that is not a concept model attribute, when the release has a concept model
    /// to tell (packages cut from a release may leave attribute concepts outside it).
    private static func nonAttribute(in expression: CompositionalExpression, release: ReleaseHandle) throws -> Int64? {
        let names = (expression.ungrouped + expression.groups.flatMap { $0 }).map(\.name.id)
        guard !names.isEmpty else { return nil }
        let model = try release.engines.ecl.conceptIds("< \(WellKnown.conceptModelAttribute)")
        guard !model.isEmpty else { return nil }
        let known = Set(model)
        return names.first { !known.contains($0) }
    }

    /// The valid answer of `CodeSystem/$validate-code`, with the note that the concept model was not checked.
    func validation(_ coded: CodedInput, release: ReleaseHandle, modelNote: Bool) -> CodeValidation {
        var outcome = CodeValidation(result: true, code: coded.code, system: SNOMED.system, version: release.info.versionURI, display: display)
        if modelNote {
            outcome.add(
                "information",
                "The expression is grammatically correct and the concepts are valid, but the expression has not been checked against the SNOMED CT concept model (MRCM)",
                FHIRIssue(code: "informational", txIssueType: "process-note", expression: [coded.path]))
        }
        return outcome
    }
}
