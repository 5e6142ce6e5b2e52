import ECL
import Foundation
import HTTPTypes
import RF2
import TerminologyStore

/// `CodeSystem/$lookup`, `$validate-code` and `$subsumes` for SNOMED CT.
struct CodeSystemOperations: Sendable {
    let services: ServerServices

    private var selection: ReleaseSelection { ReleaseSelection(registry: services.releases) }

    // MARK: $lookup

    /// Properties `$lookup` returns when the caller names none: status, dates, hierarchy and attributes, as
    /// terminology servers answer (`sufficientlyDefined`, `moduleId`, the normal forms and role groups when
    /// asked for).
    static let standardProperties = ["inactive", "effectiveTime", "parent", "child"]

    func lookup(_ input: OperationInput) throws -> Parameters {
        guard let coded = try CodedInput.read(input, displayName: nil) else {
            throw APIError.badRequest("parameter 'code' (with 'system') or 'coding' is required")
        }
        try SNOMED.requireSystem(coded.system, parameter: coded.parameter == "coding" ? "coding.system" : "system")
        let release = try selection.release(coded.version)
        let store = release.engines.store
        let language = try input.language()
        let requested = Set(try input.strings("property"))
        // A refined or combined expression is looked up as one; other non-ids get the concept-id message.
        if CompositionalExpression.looksLikeExpression(coded.code), coded.code.contains(":") || coded.code.contains("+") {
            return try lookupExpression(coded, release: release, language: language, requested: requested)
        }
        let id = try SNOMED.conceptId(coded.code, parameter: coded.parameter, store: store)
        guard let detail = try store.conceptDetail(id, preference: language, parts: Self.parts(for: requested)) else {
            throw APIError.notFound(
                "code \(id) is not in SNOMED CT release \(release.info.name) (\(release.info.versionURI))",
                FHIRIssue(code: "not-found", txIssueType: "invalid-code", messageId: "Unknown_Code_in_Version", expression: [coded.path]))
        }
        func wants(_ code: String) -> Bool { requested.isEmpty ? Self.standardProperties.contains(code) : requested.contains(code) }

        var output = [
            Parameter("code", .code(String(id))),
            Parameter("display", .string(detail.preferredTerm ?? detail.fullySpecifiedName ?? String(id))),
            // The code system and version, as terminology servers name them in a lookup.
            Parameter("name", .string("\(SNOMED.system)|\(release.info.versionURI)")),
            Parameter("system", .uri(SNOMED.system)),
            Parameter("version", .string(release.info.versionURI)),
        ]
        if requested.isEmpty || requested.contains("designation") { Self.appendDesignations(detail, to: &output) }
        Self.appendConceptProperties(detail, wants: wants, to: &output)
        Self.appendAttributeProperties(detail, requested: requested, to: &output)
        return Parameters(output)
    }

    /// The active descriptions as `designation` parameters. (The steps append to one list: `$lookup` is a hot
    /// path, and intermediate arrays cost an allocation each.)
    private static func appendDesignations(_ detail: ConceptDetail, to output: inout [Parameter]) {
        for description in designationOrder(detail) {
            output.append(
                Parameter(
                    "designation",
                    parts: [
                        Parameter("language", .code(language(of: description))),
                        Parameter("use", .coding(.snomed(description.typeId, display: detail.terms[description.typeId]))),
                        Parameter("value", .string(description.term)),
                    ]))
        }
    }

    /// The active descriptions as terminology servers list them: the display first, then the other synonyms,
    /// then the fully specified name and definitions.
    private static func designationOrder(_ detail: ConceptDetail) -> [Description] {
        func rank(_ description: Description) -> Int {
            if description.term == detail.preferredTerm, description.typeId != WellKnown.fullySpecifiedName { return 0 }
            switch description.typeId {
            case WellKnown.fullySpecifiedName: return 2
            case WellKnown.definition: return 3
            default: return 1
            }
        }
        return detail.descriptions.enumerated().filter { $0.element.active }
            .sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }.map(\.element)
    }

    /// One `property` parameter.
    static func property(_ code: String, _ value: FHIRValue?, description: String? = nil, sub: [Parameter] = []) -> Parameter {
        var parts = [Parameter("code", .code(code))]
        if let value { parts.append(Parameter("value", value)) }
        if let description, !description.isEmpty { parts.append(Parameter("description", .string(description))) }
        return Parameter("property", parts: parts + sub)
    }

    /// The concept's own properties, parents, children and normal forms, as far as `wants` them.
    static func appendConceptProperties(_ detail: ConceptDetail, wants: (String) -> Bool, to output: inout [Parameter]) {
        let concept = detail.concept
        if wants("inactive") { output.append(property("inactive", .boolean(!concept.active))) }
        if wants("sufficientlyDefined") { output.append(property("sufficientlyDefined", .boolean(concept.isFullyDefined))) }
        if wants("moduleId") { output.append(property("moduleId", .code(String(concept.moduleId)), description: detail.terms[concept.moduleId])) }
        if wants("effectiveTime") { output.append(property("effectiveTime", .dateTime(SNOMED.isoDate(concept.effectiveTime)))) }
        if wants("parent") { for parent in detail.parents { output.append(property("parent", .code(String(parent.id)), description: parent.term)) } }
        if wants("child") { for child in detail.children { output.append(property("child", .code(String(child.id)), description: child.term)) } }
        if wants("normalForm") { output.append(property("normalForm", .string(NormalForm.expression(detail, terms: true)))) }
        if wants("normalFormTerse") { output.append(property("normalFormTerse", .string(NormalForm.expression(detail, terms: false)))) }
    }

    /// Attributes as properties named by their type id, with the type's term as `code-display`. Grouped
    /// attributes are listed like the others unless role groups (`609096000`) are asked for: then each group
    /// is one property with the attributes as subproperties.
    static func appendAttributeProperties(_ detail: ConceptDetail, requested: Set<String>, to output: inout [Parameter]) {
        let grouped = requested.contains(String(SNOMED.roleGroup))
        for group in detail.groups {
            let attributes = group.attributes.filter { requested.isEmpty || grouped || requested.contains(String($0.type.id)) }
            if group.group == 0 || !grouped {
                for attribute in attributes { output.append(attributeProperty(attribute)) }
            } else if !attributes.isEmpty {
                let sub = attributes.map { attribute in
                    var parts = [Parameter("code", .code(String(attribute.type.id))), Parameter("value", value(of: attribute))]
                    if let term = attribute.target?.term, !term.isEmpty { parts.append(Parameter("description", .string(term))) }
                    return Parameter("subproperty", parts: parts)
                }
                output.append(property(String(SNOMED.roleGroup), nil, description: "role group \(group.group)", sub: sub))
            }
        }
    }

    /// One attribute as a property: its type (with the type's term), value and the value's term.
    private static func attributeProperty(_ attribute: ConceptDetail.Attribute) -> Parameter {
        var parts = [Parameter("code", .code(String(attribute.type.id)))]
        if !attribute.type.term.isEmpty { parts.append(Parameter("code-display", .string(attribute.type.term))) }
        if let term = attribute.target?.term, !term.isEmpty { parts.append(Parameter("description", .string(term))) }
        parts.append(Parameter("value", value(of: attribute)))
        return Parameter("property", parts: parts)
    }

    /// What `$lookup` reads for the requested properties (none requested: everything it shows; memberships never).
    static func parts(for requested: Set<String>) -> ConceptDetailParts {
        guard !requested.isEmpty else { return [.descriptions, .parents, .children, .attributes] }
        var parts: ConceptDetailParts = []
        for property in requested {
            switch property {
            case "designation": parts.insert(.descriptions)
            case "parent": parts.insert(.parents)
            case "child": parts.insert(.children)
            case "normalForm", "normalFormTerse": parts.formUnion([.parents, .attributes])
            // Attribute properties are named by their type's concept id (609096000 for role groups).
            case _ where property.first?.isNumber == true: parts.insert(.attributes)
            default: break
            }
        }
        return parts
    }

    /// The value of an attribute: the target concept's code, or a concrete value (`#500` → 500, `"text"` → text).
    static func value(of attribute: ConceptDetail.Attribute) -> FHIRValue {
        if let target = attribute.target { return .code(String(target.id)) }
        let raw = attribute.concreteValue ?? ""
        if raw.hasPrefix("#") {
            let number = String(raw.dropFirst())
            if let integer = Int(number) { return .integer(integer) }
            if let decimal = Double(number) { return .decimal(decimal) }
        }
        if raw.count >= 2, raw.hasPrefix("\""), raw.hasSuffix("\"") { return .string(String(raw.dropFirst().dropLast())) }
        return .string(raw)
    }

    /// The language of a designation: the language refsets it belongs to when they agree on one (`nb`,
    /// `nn`, `en-US`, `en-GB`; `en` for both English dialects), else the description's language code.
    static func language(of description: Description) -> String {
        let tags = Set(description.acceptability.compactMap { refsetLanguages[$0.refsetId] })
        if tags.count == 1, let tag = tags.first { return tag }
        if !tags.isEmpty, tags.allSatisfy({ $0.hasPrefix("en-") }) { return "en" }
        return description.languageCode
    }

    static let refsetLanguages: [Int64: String] = [
        WellKnown.usEnglish: "en-US", WellKnown.gbEnglish: "en-GB", WellKnown.norwegianBokmal: "nb", WellKnown.norwegianNynorsk: "nn",
        WellKnown.norwegianBokmalGP: "nb", WellKnown.norwegianNynorskGP: "nn",
    ]

    // MARK: $validate-code

    func validateCode(_ input: OperationInput) throws -> Parameters {
        try input.reject("codeSystem", "this server validates against the SNOMED CT releases it has imported; give 'url' instead")
        if let url = try input.string("url") {
            try SNOMED.requireSystem(url, parameter: "url")
        }
        let language = try input.language()
        let candidates: [CodedInput]
        if let coded = try CodedInput.read(input) {
            candidates = [coded]
        } else if let concept = try input.codeableConcept("codeableConcept") {
            candidates = CodedInput.codings(
                of: concept, parameter: "codeableConcept", version: try input.string("version"), display: try input.string("display"))
            guard !candidates.isEmpty else { throw APIError.badRequest("parameter 'codeableConcept' has no coding with a code") }
        } else {
            throw APIError.badRequest("parameter 'code', 'coding' or 'codeableConcept' is required")
        }
        var outcomes: [CodeValidation] = []
        for coded in candidates {
            let outcome = try validate(coded, url: try input.string("url"), language: language)
            if outcome.result { return outcome.parameters }
            outcomes.append(outcome)
        }
        return CodeValidation.combined(outcomes).parameters
    }

    /// One coding against SNOMED CT: a code of another system is simply not valid here.
    func validate(_ coded: CodedInput, url: String?, language: LanguagePreference) throws -> CodeValidation {
        let system = coded.system ?? url ?? SNOMED.system
        guard system == SNOMED.system else {
            var outcome = CodeValidation(result: false, code: coded.code, system: system)
            outcome.add(
                "error", "The code system '\(system)' is not SNOMED CT (\(SNOMED.system)), the only code system of this server",
                FHIRIssue(code: "not-found", txIssueType: "not-found", expression: [coded.systemPath]))
            return outcome
        }
        guard let release = try? selection.release(coded.version) else { return try unknownVersion(coded) }
        let store = release.engines.store
        if CompositionalExpression.looksLikeExpression(coded.code) {
            switch try PostcoordinatedCode.read(coded, release: release, language: language) {
            case .failure(let invalid): return invalid.outcome
            case .success(let code): return code.validation(coded, release: release, modelNote: true)
            }
        }
        let id: Int64
        do {
            id = try SNOMED.conceptId(coded.code, parameter: coded.parameter, store: store)
        } catch let error as APIError where error.status == .badRequest {
            return .unknown(coded, release: release, reason: SNOMED.isOtherComponent(coded.code) ? error.message : nil)
        }
        return try CodeValidation.check(id, coded, release: release, language: language)
    }

    /// A version this server does not have: the code cannot be validated (an answer, not an error, as
    /// validators expect), with the versions there are.
    private func unknownVersion(_ coded: CodedInput) throws -> CodeValidation {
        let versions = try services.releases.all().map(\.info.versionURI).sorted()
        let list = versions.count > 1 ? versions.dropLast().joined(separator: ", ") + " and " + (versions.last ?? "") : versions.joined()
        var outcome = CodeValidation(result: false, code: coded.code)
        outcome.add(
            "error",
            "A definition for CodeSystem '\(SNOMED.system)' version '\(coded.version ?? "")' could not be found, so the code cannot be validated. Valid versions: \(list)",
            FHIRIssue(
                code: "not-found", txIssueType: "not-found", messageId: "UNKNOWN_CODESYSTEM_VERSION",
                expression: [coded.systemPath]))
        return outcome
    }

    // MARK: $subsumes

    func subsumes(_ input: OperationInput) throws -> Parameters {
        let a = try CodedInput.read(input, code: "codeA", coding: "codingA", displayName: nil)
        let b = try CodedInput.read(input, code: "codeB", coding: "codingB", displayName: nil)
        guard let a, let b else {
            let missing = [a == nil ? "codeA (or codingA)" : nil, b == nil ? "codeB (or codingB)" : nil].compactMap { $0 }
            throw APIError.badRequest("parameters 'codeA' and 'codeB' (or 'codingA' and 'codingB') are required; missing: \(missing.joined(separator: ", "))")
        }
        for coded in [a, b] {
            try SNOMED.requireSystem(coded.system, parameter: coded.parameter.hasPrefix("coding") ? "\(coded.parameter).system" : "system")
        }
        if let versionA = a.version, let versionB = b.version, versionA != versionB {
            throw APIError.badRequest(
                "codingA and codingB name different versions (\(versionA), \(versionB)): subsumption is tested within one release")
        }
        let release = try selection.release(a.version ?? b.version)
        let store = release.engines.store
        let idA = try SNOMED.conceptId(a.code, parameter: a.parameter, store: store)
        let idB = try SNOMED.conceptId(b.code, parameter: b.parameter, store: store)
        for (id, coded) in [(idA, a), (idB, b)] where try store.concept(id) == nil {
            throw APIError.notFound("code \(id) (\(coded.parameter)) is not in SNOMED CT release \(release.info.name) (\(release.info.versionURI))")
        }
        return Parameters([Parameter("outcome", .code(try Subsumption.outcome(store, idA, idB)))])
    }
}
