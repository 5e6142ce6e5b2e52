import ECL
import Foundation
import TerminologyStore

/// `$lookup` of a postcoordinated expression (`367430006:{272741003=24028007}`): its display form, the focus
/// concept's status, date and hierarchy, and the concept's attributes with the expression's refinements
/// added, as terminology servers answer it.
extension CodeSystemOperations {
    func lookupExpression(_ coded: CodedInput, release: ReleaseHandle, language: LanguagePreference, requested: Set<String>) throws -> Parameters {
        let code = try Self.validExpression(coded, release: release, language: language)
        let expression = code.expression
        let store = release.engines.store
        guard let focus = expression.focus.first, let detail = try store.conceptDetail(focus.id, preference: language, parts: Self.parts(for: requested))
        else { throw APIError.notFound("code '\(coded.code)': its focus concept is not in SNOMED CT release \(release.info.name)") }
        func wants(_ code: String) -> Bool { requested.isEmpty ? Self.standardProperties.contains(code) : requested.contains(code) }
        var output = [
            Parameter("code", .code(coded.code)),
            Parameter("display", .string(code.display)),
            Parameter("name", .string("\(SNOMED.system)|\(release.info.versionURI)")),
            Parameter("system", .uri(SNOMED.system)),
            Parameter("version", .string(release.info.versionURI)),
        ]
        if requested.isEmpty || requested.contains("designation") {
            let tag = language.refsetIds.first.flatMap { Self.refsetLanguages[$0] } ?? "en"
            let use = Coding(system: "http://terminology.hl7.org/CodeSystem/hl7TermMaintInfra", code: "preferredForLanguage", display: "Preferred For Language")
            output.append(
                Parameter("designation", parts: [Parameter("language", .code(tag)), Parameter("use", .coding(use)), Parameter("value", .string(code.display))]))
        }
        // Several focus concepts: the expression is a subtype of each, so they are its parents.
        if expression.focus.count == 1 {
            Self.appendConceptProperties(detail, wants: wants, to: &output)
        } else if wants("parent") {
            let terms = try store.preferredTerms(for: expression.focus.map(\.id), preference: language)
            for parent in expression.focus { output.append(Self.property("parent", .code(String(parent.id)), description: terms[parent.id])) }
        }
        Self.appendAttributeProperties(detail, requested: requested, to: &output)
        try appendRefinements(expression, store: store, language: language, requested: requested, to: &output)
        return Parameters(output)
    }

    /// The expression in `coded`, or a 400 that says what is wrong with it.
    private static func validExpression(_ coded: CodedInput, release: ReleaseHandle, language: LanguagePreference) throws -> PostcoordinatedCode {
        switch try PostcoordinatedCode.read(coded, release: release, language: language) {
        case .success(let code): return code
        case .failure(let invalid):
            let reason = invalid.outcome.issues.last?.details?.text ?? "not a valid expression"
            throw APIError.badRequest(
                "code '\(coded.code)' (\(coded.parameter)) is not a valid SNOMED CT expression in release \(release.info.name): \(reason)",
                FHIRIssue(code: "invalid", txIssueType: "invalid-code", expression: [coded.path]))
        }
    }

    /// The expression's own attributes (ungrouped and grouped alike) as attribute properties.
    private func appendRefinements(
        _ expression: CompositionalExpression, store: ReleaseStore, language: LanguagePreference, requested: Set<String>, to output: inout [Parameter]
    ) throws {
        let attributes = (expression.ungrouped + expression.groups.flatMap { $0 }).filter {
            requested.isEmpty || requested.contains(String($0.name.id))
        }
        let terms = try store.preferredTerms(for: attributes.flatMap { [$0.name.id] + ($0.value.conceptId.map { [$0] } ?? []) }, preference: language)
        for attribute in attributes {
            var parts = [Parameter("code", .code(String(attribute.name.id)))]
            if let term = terms[attribute.name.id] { parts.append(Parameter("code-display", .string(term))) }
            switch attribute.value {
            case .concept(let target):
                if let term = terms[target.id] { parts.append(Parameter("description", .string(term))) }
                parts.append(Parameter("value", .code(String(target.id))))
            case .nested(let inner): parts.append(Parameter("value", .string(inner.rendered(terms: [:]))))
            case .concrete(let text): parts.append(Parameter("value", .string(text)))
            }
            output.append(Parameter("property", parts: parts))
        }
    }
}

extension CompositionalExpression.Value {
    /// The concept id of a concept value.
    fileprivate var conceptId: Int64? {
        if case .concept(let reference) = self { return reference.id }
        return nil
    }
}
