import ECL
import Foundation
import HTTPTypes

/// Turns a ValueSet `compose` into one ECL expression: each include is the conjunction of its concept
/// list, filters and referenced implicit value sets; includes are OR-ed and excludes subtracted with MINUS.
/// Every piece of ECL the caller wrote is parsed on its own first, so an error points into their text.
enum ComposeTranslator {
    /// A compose as ECL, the SNOMED CT version it names, and whether it is closed: only concept lists (or
    /// filters that exclude expressions), so that the expansion lists everything the value set holds.
    struct Translation: Sendable {
        /// Nil when the includes name no concepts (only expressions).
        var ecl: String?
        var version: String?
        var closed: Bool
        /// The ECL the author wrote (constraint filters, `fhir_vs=ecl/` references): every concept it names
        /// must exist in the release.
        var authoredECL: [String]
        /// Postcoordinated expressions listed as codes of included concepts.
        var expressions: [ListedExpression] = []
        /// Whether an include takes expressions over its concepts (`expressions = true`).
        var takesExpressions = false
    }

    static func ecl(_ compose: ValueSet.Compose) throws -> Translation {
        guard !compose.include.isEmpty else { throw APIError.badRequest("compose.include is empty: a value set needs at least one include") }
        var versions: [String] = []
        var closed = true
        var expressions: [ListedExpression] = []
        func translate(_ sets: [ValueSet.ConceptSet], _ role: String) throws -> [String] {
            try sets.enumerated().compactMap { index, set in
                let (ecl, version) = try conceptSet(set, path: "compose.\(role)[\(index)]")
                if let version { versions.append(version) }
                if role == "include" {
                    if !isClosed(set) { closed = false }
                    expressions += try listedExpressions(set, path: "compose.include[\(index)]")
                }
                return ecl
            }
        }
        let includes = try translate(compose.include, "include")
        let excludes = try translate(compose.exclude ?? [], "exclude")
        let distinct = Array(Set(versions.map(SNOMED.versionPart))).sorted()
        guard distinct.count <= 1 else {
            throw APIError.badRequest(
                "compose names several SNOMED CT versions (\(distinct.joined(separator: ", "))): an expansion reads one release")
        }
        var ecl: String? = includes.isEmpty ? nil : includes.count == 1 ? includes[0] : includes.map { "(\($0))" }.joined(separator: " OR ")
        if let included = ecl, !excludes.isEmpty {
            ecl = "(\(included)) MINUS (\(excludes.map { "(\($0))" }.joined(separator: " OR ")))"
        }
        let authored = (compose.include + (compose.exclude ?? [])).flatMap(Self.authoredECL)
        let takes = compose.include.contains { ($0.filter ?? []).contains { $0.expressions == true } }
        return Translation(
            ecl: ecl, version: distinct.first, closed: closed, authoredECL: authored, expressions: expressions, takesExpressions: takes)
    }

    /// The codes of an include's concept list that are expressions; one that does not parse is a 400.
    private static func listedExpressions(_ set: ValueSet.ConceptSet, path: String) throws -> [ListedExpression] {
        try (set.concept ?? []).enumerated().compactMap { index, concept in
            guard CompositionalExpression.looksLikeExpression(concept.code) else { return nil }
            do {
                return ListedExpression(code: concept.code, expression: try CompositionalExpression.parse(concept.code))
            } catch {
                throw APIError.badRequest("\(path).concept[\(index)].code '\(concept.code)' is not a valid SNOMED CT expression: \(error)")
            }
        }
    }

    /// The ECL an include or exclude gives as text.
    private static func authoredECL(_ set: ValueSet.ConceptSet) -> [String] {
        let filters = (set.filter ?? []).filter { ($0.property == "constraint" || $0.property == "expression") && $0.op == "=" }.map(\.value)
        let references = (set.valueSet ?? []).compactMap { url -> String? in
            guard case .ecl(let text)? = (try? ImplicitValueSet(url: url))?.kind else { return nil }
            return text
        }
        return filters + references
    }

    /// Whether an include lists its concepts, or filters with `expressions = false`.
    private static func isClosed(_ set: ValueSet.ConceptSet) -> Bool {
        let filters = set.filter ?? []
        if filters.isEmpty { return set.valueSet?.isEmpty ?? true }
        return filters.contains { $0.expressions == false }
    }

    /// One include or exclude as ECL (nil when it lists only expressions), with the version it names.
    private static func conceptSet(_ set: ValueSet.ConceptSet, path: String) throws -> (String?, String?) {
        var version = set.version
        if let system = set.system, system != SNOMED.system {
            throw APIError.badRequest("\(path).system '\(system)' is not supported: this server expands SNOMED CT (\(SNOMED.system)) only")
        }
        let concepts = set.concept ?? []
        let filters = set.filter ?? []
        if !concepts.isEmpty, !filters.isEmpty {
            throw APIError.badRequest("\(path) has both concept and filter, which FHIR does not allow (vsd-3): use two includes")
        }
        if set.system == nil, set.valueSet?.isEmpty ?? true {
            throw APIError.badRequest("\(path) has neither system nor valueSet")
        }
        var parts: [String] = []
        if !concepts.isEmpty {
            let ids = try concepts.enumerated().compactMap { index, concept -> String? in
                if CompositionalExpression.looksLikeExpression(concept.code) { return nil }
                return String(try SNOMED.conceptId(concept.code, parameter: "\(path).concept[\(index)].code"))
            }
            if ids.isEmpty { return (nil, version) }
            parts.append(ids.joined(separator: " OR "))
        }
        // `expressions = true|false` says whether postcoordinated expressions belong in the value set: no
        // expressions are stored here, so it adds no concepts (and decides only whether the set is closed).
        // `inactive` and `moduleId` narrow the include's concepts (ECL concept filters); the others are sets.
        var conceptFilters: [String] = []
        for (index, filter) in filters.enumerated() where filter.expressions == nil {
            if let conceptFilter = try self.conceptFilter(filter, path: "\(path).filter[\(index)]") {
                conceptFilters.append(conceptFilter)
            } else {
                parts.append(try self.filter(filter, path: "\(path).filter[\(index)]"))
            }
        }
        for (index, url) in (set.valueSet ?? []).enumerated() {
            guard let implicit = try ImplicitValueSet(url: url), implicit.kind != .allRefsets else {
                throw APIError.badRequest(
                    "\(path).valueSet[\(index)] '\(url)' is not supported inside a compose: only SNOMED CT implicit value sets (isa, refset/<id>, ecl) can be referenced"
                )
            }
            if let referenced = implicit.version {
                if let named = version, SNOMED.versionPart(named) != referenced {
                    throw APIError.badRequest(
                        "\(path) names version \(named) but its valueSet[\(index)] names \(referenced): an expansion reads one release")
                }
                version = referenced
            }
            parts.append(try implicit.ecl())
        }
        let blocks = conceptFilters.map { " {{ C \($0) }}" }.joined()
        if parts.isEmpty { return ("*" + blocks, version) }
        let set = parts.count == 1 ? parts[0] : parts.map { "(\($0))" }.joined(separator: " AND ")
        return (blocks.isEmpty ? set : "(\(set))" + blocks, version)
    }

    /// A filter on the concepts' own fields as an ECL concept filter (`active = 0`, `moduleId = X`); nil for
    /// the filters that name a set.
    private static func conceptFilter(_ filter: ValueSet.Filter, path: String) throws -> String? {
        switch (filter.property, filter.op) {
        case ("inactive", "="):
            switch filter.value {
            case "true": return "active = 0"
            case "false": return "active = 1"
            default: throw APIError.badRequest("\(path): 'inactive =' takes true or false, got '\(filter.value)'")
            }
        case ("moduleId", "="): return "moduleId = \(try id(filter.value, path))"
        case ("moduleId", "in"):
            let modules = try filter.value.split(separator: ",").map { String(try id(String($0), path)) }
            return "moduleId = (\(modules.joined(separator: " ")))"
        default: return nil
        }
    }

    private static func filter(_ filter: ValueSet.Filter, path: String) throws -> String {
        switch (filter.property, filter.op) {
        case ("concept", "is-a"): return "<< \(try id(filter.value, path))"
        case ("concept", "descendent-of"): return "< \(try id(filter.value, path))"
        case ("concept", "="): return String(try id(filter.value, path))
        case ("concept", "is-not-a"): return "* MINUS << \(try id(filter.value, path))"
        case ("concept", "generalizes"): return ">> \(try id(filter.value, path))"
        case ("concept", "in"):
            let refsets = try filter.value.split(separator: ",").map { "^ \(try id(String($0), path))" }
            guard !refsets.isEmpty else { throw APIError.badRequest("\(path): 'concept in' needs a refset id") }
            return refsets.joined(separator: " OR ")
        case (let property, "=") where property.first?.isNumber == true:
            // An attribute (by its concept id) with that value: `363698007 = 80891009`.
            return "* : \(try id(property, path)) = \(try id(filter.value, path))"
        case ("constraint", "="), ("expression", "="):
            try checkECL(filter.value, location: "\(path) (\(filter.property) =)")
            return filter.value
        default:
            throw APIError.badRequest(
                "\(path): filter '\(filter.property) \(filter.op)' is not supported; use concept is-a, descendent-of, in, =, is-not-a, generalizes, inactive =, moduleId = or in, <attribute id> =, expressions =, or constraint = (ECL)"
            )
        }
    }

    private static func id(_ text: String, _ path: String) throws -> Int64 {
        try SNOMED.conceptId(text.trimmingCharacters(in: .whitespaces), parameter: "\(path).value")
    }

    /// Parses `text` as ECL; a syntax error becomes a 400 that says where it was found and the position.
    static func checkECL(_ text: String, location: String) throws {
        do {
            _ = try ECLParser.parse(text)
        } catch {
            throw APIError(
                .badRequest, "invalid ECL '\(text)' in \(location): \(error.description)",
                position: ErrorPosition(line: error.line, column: error.column, offset: error.offset), issue: .invalidECL)
        }
    }
}

/// A postcoordinated expression a value set lists: the code as written, parsed once.
struct ListedExpression: Sendable {
    let code: String
    let expression: CompositionalExpression
    /// For membership: the expression without terms, in canonical order.
    var normalized: CompositionalExpression { expression.normalized }
}

extension ValueSet.Filter {
    /// The value of an `expressions =` filter (whether postcoordinated expressions belong to the value set);
    /// nil for any other filter.
    var expressions: Bool? {
        guard property == "expressions", op == "=" else { return nil }
        return value == "true" ? true : value == "false" ? false : nil
    }
}
