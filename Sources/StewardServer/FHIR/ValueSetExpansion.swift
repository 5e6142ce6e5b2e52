import ConceptSearch
import ECL
import Foundation
import HTTPTypes
import RF2
import TerminologyStore

/// `ValueSet/$expand` and `ValueSet/$validate-code`. A value set becomes ECL (or a local refset's member
/// list, see ``ValueSetDefinition``) evaluated by the release's ECL engine; `filter` searches within it
/// with the concept search engine; the page is `offset`/`count` (at most 10,000), else the whole value set
/// up to `limit` (default 10,000, at most 100,000).
struct ValueSetExpansion: Sendable {
    let services: ServerServices

    static let maximumCount = 10_000
    static let defaultLimit = 10_000
    static let maximumLimit = 100_000

    // MARK: $expand

    func expand(_ input: OperationInput) throws -> ValueSet {
        try input.reject("context", "expansion in a context is not supported")
        let definition = try resolve(input, systemVersion: try Self.snomedVersion(input.string("system-version")))
        try checkSystemVersion(input, definition)
        let options = try Options(input)
        let engines = definition.release.engines
        let (ids, allActive) = try members(of: definition, activeOnly: options.activeOnly, engines)
        var (page, total) = try page(of: ids, options, engines)
        let listed = try listedExpressions(definition, options, conceptTotal: total)
        total += options.filter == nil ? definition.expressions.count : 0
        if options.count == nil, total > options.limit {
            let name = definition.url ?? "posted without url"
            throw APIError(
                .unprocessableContent, "The value set '\(name)' expansion has too many codes to produce (>\(options.limit))",
                issue: FHIRIssue(code: "too-costly", messageId: "VALUESET_TOO_COSTLY"))
        }
        let contains = try entries(page, release: definition.release, allActive: allActive, options) + listed

        var valueSet: ValueSet
        if let resource = definition.resource {
            valueSet = resource.identification
        } else {
            valueSet = ValueSet(url: definition.url, version: definition.version, title: definition.title)
            valueSet.status = definition.status
        }
        valueSet.expansion = ValueSet.Expansion(
            unclosed: definition.closed ? nil : true, identifier: "urn:uuid:\(UUID().uuidString.lowercased())", timestamp: Self.timestamp(),
            total: total, offset: input.has("offset") ? options.offset : nil,
            parameter: try parameters(input, options, version: definition.release.info.versionURI),
            property: contains.contains { $0.inactive == true } ? [.status] : nil, contains: contains.isEmpty ? nil : contains)
        return valueSet
    }

    /// The expansion parameters of a request. Without `count` the whole value set is expanded, up to
    /// `limit` concepts (default ``defaultLimit``): past that the answer is a `too-costly` error, not a page.
    struct Options {
        var activeOnly: Bool
        var offset: Int
        var count: Int?
        var limit: Int
        var includeDesignations: Bool
        var filter: String?
        var language: LanguagePreference

        init(_ input: OperationInput) throws {
            activeOnly = try input.bool("activeOnly") ?? false
            offset = try input.int("offset", range: 0...Int(Int32.max)) ?? 0
            count = try input.int("count", range: 0...ValueSetExpansion.maximumCount)
            limit = try input.int("limit", range: 1...ValueSetExpansion.maximumLimit) ?? ValueSetExpansion.defaultLimit
            includeDesignations = try input.bool("includeDesignations") ?? false
            filter = try input.string("filter")
            language = try input.language()
        }

        /// How many concepts the answer lists.
        var pageSize: Int { count ?? limit }
    }

    /// `check-system-version`: the value set must be expanded on exactly that release.
    private func checkSystemVersion(_ input: OperationInput, _ definition: ValueSetDefinition) throws {
        guard let check = try Self.snomedVersion(input.string("check-system-version")) else { return }
        let required = try ReleaseSelection(registry: services.releases).release(check, parameter: "check-system-version")
        guard required.info.versionURI == definition.release.info.versionURI else {
            throw APIError.badRequest(
                "check-system-version requires \(required.info.versionURI) but the value set is expanded on \(definition.release.info.versionURI)"
            )
        }
    }

    /// The value set's concepts, ascending, and whether all of them are known to be active.
    private func members(of definition: ValueSetDefinition, activeOnly: Bool, _ engines: ReleaseHandle.Engines) throws -> (ids: [Int64], allActive: Bool) {
        switch definition.content {
        case .ecl(let expression):
            try definition.checkAuthoredConcepts(in: engines.store)
            return (try engines.ecl.conceptIds(activeOnly ? "(\(expression)) {{ C active = 1 }}" : expression), activeOnly)
        case .ids(let list):
            let ids = try list.filter { id in
                guard let concept = try engines.store.concept(id) else { return false }
                return !activeOnly || concept.active
            }
            return (ids, activeOnly)
        }
    }

    /// The requested page of `ids` and the total, narrowed by `filter` with the search engine when given.
    private func page(of ids: [Int64], _ options: Options, _ engines: ReleaseHandle.Engines) throws -> (page: [Int64], total: Int) {
        guard let filter = options.filter else {
            return (Array(ids.dropFirst(options.offset).prefix(options.pageSize)), ids.count)
        }
        var search = SearchRequest(
            text: filter, preference: options.language, limit: options.pageSize, offset: options.offset, conceptIds: ids,
            includeInactiveConcepts: !options.activeOnly, allowTypos: false)
        let found = try engines.searcher.search(search)
        let page = found.hits.map(\.conceptId)
        if found.totalIsExact { return (page, found.total) }
        // Searches stop early on common words; count by reading up to the largest page instead.
        search.offset = 0
        search.limit = min(ids.count, Self.maximumLimit)
        let all = try engines.searcher.search(search)
        return (page, all.totalIsExact ? all.total : max(all.total, all.hits.count))
    }

    /// The page's share of the expressions the value set lists (they follow its concepts), each with its
    /// display form. A `filter` search covers concepts only.
    private func listedExpressions(_ definition: ValueSetDefinition, _ options: Options, conceptTotal: Int) throws -> [ValueSet.Contains] {
        guard options.filter == nil, !definition.expressions.isEmpty else { return [] }
        let start = max(options.offset - conceptTotal, 0)
        let room = options.pageSize - max(min(conceptTotal - options.offset, options.pageSize), 0)
        let store = definition.release.engines.store
        return try definition.expressions.dropFirst(start).prefix(max(room, 0)).map { listed in
            let terms = try store.preferredTerms(for: listed.expression.conceptIds, preference: options.language)
            return ValueSet.Contains(system: SNOMED.system, code: listed.code, display: listed.expression.rendered(terms: terms))
        }
    }

    /// The `contains` entries of a page: code, display in the requested language, inactive flag and, when
    /// asked, the designations.
    private func entries(_ page: [Int64], release: ReleaseHandle, allActive: Bool, _ options: Options) throws -> [ValueSet.Contains] {
        let store = release.engines.store
        let displays = try store.preferredTerms(for: page, preference: options.language)
        let typeTerms =
            options.includeDesignations
            ? try store.preferredTerms(for: [WellKnown.fullySpecifiedName, WellKnown.synonym, WellKnown.definition], preference: options.language)
            : [:]
        return try page.map { id in
            var entry = ValueSet.Contains(system: SNOMED.system, code: String(id), display: displays[id])
            if !allActive, let concept = try store.concept(id), !concept.active {
                entry.inactive = true
                entry.property = [ValueSet.ContainsProperty(code: "status", valueCode: "inactive")]
            }
            if options.includeDesignations {
                let designations = try store.descriptions(of: id, includeInactive: false).map { description in
                    Designation(
                        language: CodeSystemOperations.language(of: description),
                        use: .snomed(description.typeId, display: typeTerms[description.typeId]),
                        value: description.term)
                }
                entry.designation = designations.isEmpty ? nil : designations
            }
            return entry
        }
    }

    /// The expansion's `parameter` list: the request's own expansion parameters, echoed, and the code system
    /// version used (`used-codesystem`).
    private func parameters(_ input: OperationInput, _ options: Options, version: String) throws -> [ValueSet.ExpansionParameter] {
        var parameters: [ValueSet.ExpansionParameter] = []
        if let tags = try input.string("displayLanguage") { parameters.append(.init("displayLanguage", .code(tags))) }
        if let filter = options.filter { parameters.append(.init("filter", .string(filter))) }
        if input.has("activeOnly") { parameters.append(.init("activeOnly", .boolean(options.activeOnly))) }
        if input.has("includeDesignations") { parameters.append(.init("includeDesignations", .boolean(options.includeDesignations))) }
        if input.has("offset") { parameters.append(.init("offset", .integer(options.offset))) }
        if let count = options.count { parameters.append(.init("count", .integer(count))) }
        parameters.append(.init("used-codesystem", .uri("\(SNOMED.system)|\(version)")))
        return parameters
    }

    // MARK: $validate-code

    func validateCode(_ input: OperationInput) throws -> Parameters {
        try input.reject("context", "validation in a context is not supported")
        let language = try input.language()
        let candidates: [CodedInput]
        if let coded = try CodedInput.read(input, versionName: "systemVersion") {
            candidates = [coded]
        } else if let concept = try input.codeableConcept("codeableConcept") {
            candidates = CodedInput.codings(
                of: concept, parameter: "codeableConcept", version: try input.string("systemVersion"), display: try input.string("display"))
            guard !candidates.isEmpty else { throw APIError.badRequest("parameter 'codeableConcept' has no coding with a code") }
        } else {
            throw APIError.badRequest("parameter 'code' (with 'system'), 'coding' or 'codeableConcept' is required")
        }
        var outcomes: [CodeValidation] = []
        for coded in candidates {
            let outcome = try validate(coded, input: input, language: language)
            if outcome.result { return outcome.parameters }
            outcomes.append(outcome)
        }
        return CodeValidation.combined(outcomes).parameters
    }

    private func validate(_ coded: CodedInput, input: OperationInput, language: LanguagePreference) throws -> CodeValidation {
        let definition = try resolve(input, systemVersion: coded.version.map(SNOMED.versionPart))
        guard let system = coded.system else {
            throw APIError.badRequest("parameter 'system' is required with 'code' (the value set may hold codes of several systems)")
        }
        guard system == SNOMED.system else {
            var outcome = CodeValidation(result: false, code: coded.code, system: system)
            outcome.add(
                "error", "A definition for CodeSystem '\(system)' could not be found, so the code cannot be validated",
                FHIRIssue(
                    code: "not-found", txIssueType: "not-found", messageId: "UNKNOWN_CODESYSTEM",
                    expression: [coded.systemPath]))
            return outcome
        }
        let engines = definition.release.engines
        try definition.checkAuthoredConcepts(in: engines.store)
        if CompositionalExpression.looksLikeExpression(coded.code) {
            switch try PostcoordinatedCode.read(coded, release: definition.release, language: language) {
            case .failure(let invalid): return invalid.outcome
            case .success(let code):
                var outcome = code.validation(coded, release: definition.release, modelNote: false)
                if try !definition.contains(code.expression, engines: engines) { outcome.notInValueSet(coded, definition) }
                return outcome
            }
        }
        let id: Int64
        do {
            id = try SNOMED.conceptId(coded.code, parameter: coded.parameter, store: engines.store)
        } catch let error as APIError where error.status == .badRequest {
            return .unknown(coded, release: definition.release, reason: SNOMED.isOtherComponent(coded.code) ? error.message : nil)
        }
        var outcome = try CodeValidation.check(id, coded, release: definition.release, language: language)
        if try engines.store.concept(id) != nil, try !definition.contains(id, engines: engines) {
            outcome.notInValueSet(coded, definition)
        }
        return outcome
    }

    // MARK: Shared

    /// The value set from `valueSet` (a posted resource) or `url`.
    private func resolve(_ input: OperationInput, systemVersion: String?) throws -> ValueSetDefinition {
        let versions = ValueSetDefinition.Versions(force: try Self.snomedVersion(input.string("force-system-version")), fallback: systemVersion)
        let valueSetVersion = try input.string("valueSetVersion")
        let resources = try input.carriedValueSets()
        if let valueSet = try input.valueSet("valueSet") {
            return try ValueSetDefinition.resolve(
                valueSet: valueSet, valueSetVersion: valueSetVersion, versions: versions, services: services, resources: resources)
        }
        guard let url = try input.string("url") else {
            throw APIError.badRequest("parameter 'url' or 'valueSet' is required, e.g. url=http://snomed.info/sct?fhir_vs=isa/404684003")
        }
        return try ValueSetDefinition.resolve(
            url: url, valueSetVersion: valueSetVersion, versions: versions, services: services, resources: resources)
    }

    /// The SNOMED CT version in a `system|version` canonical (or a bare version); nil for other systems.
    static func snomedVersion(_ text: String?) throws -> String? {
        guard let text else { return nil }
        if let bar = text.firstIndex(of: "|") {
            let system = String(text[..<bar])
            guard system == SNOMED.system else { return nil }
        }
        return SNOMED.versionPart(text)
    }

    static func timestamp() -> String {
        Date().formatted(Date.ISO8601FormatStyle())
    }
}
