import RF2

/// Concept, description and member filters inside `{{ … }}`.
extension ECLParser {
    /// Comma-separated filters up to `}}`, each parsed by `one`.
    private mutating func parseFilterList<T>(_ one: (inout ECLParser) throws(ECLSyntaxError) -> T) throws(ECLSyntaxError) -> [T] {
        var filters: [T] = []
        while true {
            filters.append(try one(&self))
            skipWhitespace()
            if peek(",") {
                position += 1
                skipWhitespace()
                continue
            }
            try expect("}}", "expected ',' or '}}' after the filter")
            return filters
        }
    }

    /// Reads the filter keyword and returns it lower-cased with its start offset.
    private mutating func readKeyword(_ expected: String) throws(ECLSyntaxError) -> (String, Int) {
        let start = position
        guard let word = readWord() else { throw error("expected \(expected)") }
        skipWhitespace()
        return (word.lowercased(), start)
    }

    private mutating func parseEquality(after keyword: String) throws(ECLSyntaxError) -> EqualityOperator {
        let op: EqualityOperator
        if peek("!=") {
            position += 2
            op = .notEqual
        } else if peek("=") {
            position += 1
            op = .equal
        } else {
            throw error("expected '=' or '!=' after \(keyword)")
        }
        skipWhitespace()
        return op
    }

    private mutating func parseTimeComparison(after keyword: String) throws(ECLSyntaxError) -> (NumericOperator, [Int]) {
        guard let op = parseComparisonOperator() else { throw error("expected a comparison operator after \(keyword)") }
        skipWhitespace()
        var values: [Int] = []
        func one(_ parser: inout ECLParser) throws(ECLSyntaxError) -> Int {
            let start = parser.position
            let text = try parser.parseQuotedString()
            guard text.count == 8, text.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(text) else {
                throw parser.error("expected a date as \"YYYYMMDD\"", at: start)
            }
            return value
        }
        if peek("(") {
            position += 1
            skipWhitespace()
            while !peek(")") {
                guard peek("\"") else { throw error("expected a quoted date \"YYYYMMDD\" or ')'") }
                values.append(try one(&self))
                skipWhitespace()
            }
            position += 1
        } else {
            guard peek("\"") else { throw error("expected a quoted date \"YYYYMMDD\"") }
            values.append(try one(&self))
        }
        return (op, values)
    }

    private mutating func parseActive() throws(ECLSyntaxError) -> (EqualityOperator, Bool) {
        let op = try parseEquality(after: "active")
        if peek("1") || peek("0") {
            let value = peek("1")
            position += 1
            return (op, value)
        }
        if peekKeyword("true") {
            position += 4
            return (op, true)
        }
        if peekKeyword("false") {
            position += 5
            return (op, false)
        }
        throw error("expected 1, 0, true or false after active \(op.rawValue)")
    }

    /// `(id id …)` when it is a plain id list; otherwise a sub-expression.
    private mutating func parseConceptSet() throws(ECLSyntaxError) -> ConceptSet {
        if peek("(") {
            let start = position
            position += 1
            skipWhitespace()
            var references: [ConceptReference] = []
            while let character = current, character.isASCII, character.isNumber {
                guard let reference = try? parseConceptReference() else { break }
                references.append(reference)
                skipWhitespace()
            }
            if peek(")"), !references.isEmpty {
                position += 1
                return .ids(references)
            }
            position = start
        }
        return .expression(try parseSubExpression())
    }

    /// A set of keyword tokens mapped to concept ids: `primitive`, `(syn fsn)`.
    private mutating func parseTokens(_ tokens: [String: Int64], what: String) throws(ECLSyntaxError) -> ConceptSet {
        func one(_ parser: inout ECLParser) throws(ECLSyntaxError) -> ConceptReference {
            let start = parser.position
            guard let word = parser.readWord(), let id = tokens[word.lowercased()] else {
                throw parser.error("expected \(what)", at: start)
            }
            return ConceptReference(id: id, term: nil)
        }
        if peek("(") {
            position += 1
            skipWhitespace()
            var references: [ConceptReference] = []
            while !peek(")") {
                if atEnd { throw error("expected \(what) or ')'") }
                references.append(try one(&self))
                skipWhitespace()
            }
            position += 1
            return .ids(references)
        }
        return .ids([try one(&self)])
    }

    // MARK: Concept filters

    mutating func parseConceptFilters() throws(ECLSyntaxError) -> [ConceptFilter] {
        try parseFilterList { (parser: inout ECLParser) throws(ECLSyntaxError) -> ConceptFilter in
            let expected = "a concept filter: definitionStatus, definitionStatusId, moduleId, effectiveTime or active"
            let (keyword, start) = try parser.readKeyword(expected)
            switch keyword {
            case "definitionstatus":
                let op = try parser.parseEquality(after: "definitionStatus")
                return .definitionStatus(
                    op,
                    try parser.parseTokens(
                        ["primitive": WellKnown.primitive, "defined": WellKnown.fullyDefined], what: "primitive or defined"))
            case "definitionstatusid":
                let op = try parser.parseEquality(after: "definitionStatusId")
                return .definitionStatus(op, try parser.parseConceptSet())
            case "moduleid":
                let op = try parser.parseEquality(after: "moduleId")
                return .module(op, try parser.parseConceptSet())
            case "effectivetime":
                let (op, values) = try parser.parseTimeComparison(after: "effectiveTime")
                return .effectiveTime(op, values)
            case "active":
                let (op, value) = try parser.parseActive()
                return .active(op, value)
            default:
                throw parser.error("expected \(expected)", at: start)
            }
        }
    }

    // MARK: Description filters

    static let typeTokens: [String: Int64] = [
        "syn": WellKnown.synonym, "synonym": WellKnown.synonym, "fsn": WellKnown.fullySpecifiedName,
        "fullyspecifiedname": WellKnown.fullySpecifiedName, "def": WellKnown.definition, "definition": WellKnown.definition,
    ]
    static let acceptabilityTokens: [String: Int64] = [
        "prefer": WellKnown.preferred, "preferred": WellKnown.preferred, "accept": WellKnown.acceptable, "acceptable": WellKnown.acceptable,
    ]

    mutating func parseDescriptionFilters() throws(ECLSyntaxError) -> [DescriptionFilter] {
        try parseFilterList { (parser: inout ECLParser) throws(ECLSyntaxError) -> DescriptionFilter in
            let expected = "a description filter: term, language, type, typeId, dialect, dialectId, moduleId, effectiveTime, active or id"
            let (keyword, start) = try parser.readKeyword(expected)
            switch keyword {
            case "term":
                let op = try parser.parseEquality(after: "term")
                guard parser.peekSearchTerms() else { throw parser.error("expected a quoted term, match:\"…\", wild:\"…\" or a set ( … ) of them") }
                return .term(op, try parser.parseSearchTerms())
            case "language":
                let op = try parser.parseEquality(after: "language")
                return .language(op, try parser.parseLanguageCodes())
            case "type":
                let op = try parser.parseEquality(after: "type")
                return .type(op, try parser.parseTokens(Self.typeTokens, what: "syn, fsn or def"))
            case "typeid":
                let op = try parser.parseEquality(after: "typeId")
                return .type(op, try parser.parseConceptSet())
            case "dialect", "dialectid":
                let op = try parser.parseEquality(after: keyword == "dialect" ? "dialect" : "dialectId")
                return .dialect(op, try parser.parseDialects(byId: keyword == "dialectid"))
            case "moduleid":
                let op = try parser.parseEquality(after: "moduleId")
                return .module(op, try parser.parseConceptSet())
            case "effectivetime":
                let (op, values) = try parser.parseTimeComparison(after: "effectiveTime")
                return .effectiveTime(op, values)
            case "active":
                let (op, value) = try parser.parseActive()
                return .active(op, value)
            case "id":
                let op = try parser.parseEquality(after: "id")
                var ids: [Int64] = []
                if parser.peek("(") {
                    parser.position += 1
                    parser.skipWhitespace()
                    while !parser.peek(")") {
                        guard parser.current?.isNumber == true else { throw parser.error("expected a description id or ')'") }
                        ids.append(try parser.parseConceptReference().id)
                        parser.skipWhitespace()
                    }
                    parser.position += 1
                } else {
                    guard parser.current?.isNumber == true else { throw parser.error("expected a description id") }
                    ids.append(try parser.parseConceptReference().id)
                }
                return .id(op, ids)
            default:
                throw parser.error("expected \(expected)", at: start)
            }
        }
    }

    private mutating func parseLanguageCodes() throws(ECLSyntaxError) -> [String] {
        func one(_ parser: inout ECLParser) throws(ECLSyntaxError) -> String {
            let start = parser.position
            guard let word = parser.readWord(), word.count == 2, word.allSatisfy(\.isLetter) else {
                throw parser.error("expected a two-letter language code such as en or no", at: start)
            }
            return word.lowercased()
        }
        guard peek("(") else { return [try one(&self)] }
        position += 1
        skipWhitespace()
        var codes: [String] = []
        while !peek(")") {
            if atEnd { throw error("expected a language code or ')'") }
            codes.append(try one(&self))
            skipWhitespace()
        }
        position += 1
        return codes
    }

    /// A dialect alias (`en-gb`), letters, digits and dashes.
    private mutating func readDialectAlias() -> String? {
        var text = ""
        while let character = current, character.isLetter || character.isNumber || character == "-" || character == "_" {
            text.append(character)
            position += 1
        }
        return text.isEmpty ? nil : text.lowercased()
    }

    /// `(prefer)`, `(accept prefer)` or `(900000000000548007)` after a dialect; empty when absent.
    private mutating func parseAcceptability() throws(ECLSyntaxError) -> [Int64] {
        let save = position
        skipWhitespace()
        guard peek("(") else {
            position = save
            return []
        }
        var probe = self
        probe.position += 1
        probe.skipWhitespace()
        let startsWithToken = probe.current.map { $0.isLetter } ?? false
        let startsWithId = probe.current.map { $0.isNumber } ?? false
        guard startsWithToken || startsWithId else {
            position = save
            return []
        }
        if startsWithToken {
            // A token set only if the first word is an acceptability keyword (else it is a dialect set).
            var word = probe
            guard let first = word.readWord(), Self.acceptabilityTokens[first.lowercased()] != nil else {
                position = save
                return []
            }
        }
        position = probe.position
        var ids: [Int64] = []
        while !peek(")") {
            if atEnd { throw error("expected prefer, accept, an acceptability id or ')'") }
            if current?.isNumber == true {
                ids.append(try parseConceptReference().id)
            } else {
                let start = position
                guard let word = readWord(), let id = Self.acceptabilityTokens[word.lowercased()] else {
                    throw error("expected prefer or accept", at: start)
                }
                ids.append(id)
            }
            skipWhitespace()
        }
        position += 1
        return ids
    }

    private mutating func parseDialects(byId: Bool) throws(ECLSyntaxError) -> [DialectSelector] {
        func one(_ parser: inout ECLParser) throws(ECLSyntaxError) -> DialectSelector {
            let dialect: DialectSelector.Dialect
            if byId {
                guard parser.current?.isNumber == true else { throw parser.error("expected a language refset id") }
                dialect = .id(try parser.parseConceptReference())
            } else {
                guard let alias = parser.readDialectAlias() else { throw parser.error("expected a dialect alias such as en-gb or nb-no") }
                dialect = .alias(alias)
            }
            return DialectSelector(dialect: dialect, acceptability: try parser.parseAcceptability())
        }
        var selectors: [DialectSelector]
        if peek("(") {
            position += 1
            skipWhitespace()
            selectors = []
            while !peek(")") {
                if atEnd { throw error("expected a dialect or ')'") }
                selectors.append(try one(&self))
                skipWhitespace()
            }
            position += 1
            guard !selectors.isEmpty else { throw error("expected at least one dialect in the set", at: position - 1) }
            // An acceptability set after the whole set applies to every dialect without its own.
            let shared = try parseAcceptability()
            if !shared.isEmpty {
                selectors = selectors.map { $0.acceptability.isEmpty ? DialectSelector(dialect: $0.dialect, acceptability: shared) : $0 }
            }
        } else {
            selectors = [try one(&self)]
        }
        return selectors
    }

    // MARK: Member filters

    mutating func parseMemberFilters() throws(ECLSyntaxError) -> [MemberFilter] {
        try parseFilterList { (parser: inout ECLParser) throws(ECLSyntaxError) -> MemberFilter in
            guard let field = parser.readWord() else {
                throw parser.error("expected a member filter: a refset field name, moduleId, effectiveTime or active")
            }
            parser.skipWhitespace()
            switch field.lowercased() {
            case "moduleid":
                let op = try parser.parseEquality(after: "moduleId")
                return .module(op, try parser.parseConceptSet())
            case "effectivetime":
                let (op, values) = try parser.parseTimeComparison(after: "effectiveTime")
                return .effectiveTime(op, values)
            case "active":
                let (op, value) = try parser.parseActive()
                return .active(op, value)
            default:
                guard let op = parser.parseComparisonOperator() else {
                    throw parser.error("expected a comparison operator after the field name \(field)")
                }
                parser.skipWhitespace()
                if parser.peek("#") {
                    parser.position += 1
                    return .fieldNumeric(field: field, op, try parser.parseNumber())
                }
                guard let equality = EqualityOperator(rawValue: op.rawValue) else {
                    guard parser.peek("\"") || parser.peek("(") else { throw parser.error("expected '#' and a number or a quoted date after '\(op.rawValue)'") }
                    let values = try parser.parseTimeValues()
                    return .fieldTime(field: field, op, values)
                }
                if parser.peekSearchTerms() { return .fieldString(field: field, equality, try parser.parseSearchTerms()) }
                if parser.peekKeyword("true") || parser.peekKeyword("false") {
                    let value = parser.peekKeyword("true")
                    parser.position += value ? 4 : 5
                    return .fieldBoolean(field: field, equality, value)
                }
                return .fieldExpression(field: field, equality, try parser.parseSubExpression())
            }
        }
    }

    /// `"YYYYMMDD"` or `("…" "…")` after a comparator that was already read.
    private mutating func parseTimeValues() throws(ECLSyntaxError) -> [Int] {
        var values: [Int] = []
        let single = !peek("(")
        if !single {
            position += 1
            skipWhitespace()
        }
        repeat {
            let start = position
            let text = try parseQuotedString()
            guard text.count == 8, let value = Int(text) else { throw error("expected a date as \"YYYYMMDD\"", at: start) }
            values.append(value)
            skipWhitespace()
        } while !single && !peek(")")
        if !single { position += 1 }
        return values
    }
}
