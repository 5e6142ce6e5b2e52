/// Refinements: attribute sets, `{ }` groups, cardinality, reverse flag and the comparison forms.
extension ECLParser {
    /// `subRefinement [(AND subRefinement)+ | (OR subRefinement)+]`; groups allowed unless inside a group.
    mutating func parseRefinement(insideGroup: Bool = false) throws(ECLSyntaxError) -> ECLRefinement {
        try enterNesting()
        defer { nesting -= 1 }
        let first = try parseSubRefinement(insideGroup: insideGroup)
        var parts = [first]
        var combinator: BinaryOperator?
        while true {
            let save = position
            skipWhitespace()
            guard let op = peekBinaryOperator(), op != .minus else {
                position = save
                break
            }
            if let combinator, combinator != op {
                throw error("expected \(combinator.name) or end of refinement: use brackets to combine \(combinator.name) with \(op.name)")
            }
            combinator = op
            consumeBinaryOperator(op)
            skipWhitespace()
            parts.append(try parseSubRefinement(insideGroup: insideGroup))
        }
        guard let combinator else { return first }
        return combinator == .and ? .conjunction(parts) : .disjunction(parts)
    }

    mutating func parseSubRefinement(insideGroup: Bool) throws(ECLSyntaxError) -> ECLRefinement {
        if peek("(") {
            // `( refinement )` or an attribute whose name is a bracketed expression: try the first, fall back.
            let start = position
            let key = start * 2 + (insideGroup ? 1 : 0)
            let bracketError: ECLSyntaxError
            if let known = failedBracketRefinements[key] {
                bracketError = known
            } else {
                do {
                    position += 1
                    skipWhitespace()
                    let inner = try parseRefinement(insideGroup: insideGroup)
                    skipWhitespace()
                    try expect(")", "expected ')' to close the bracketed refinement")
                    return inner
                } catch {
                    if error.isLimit { throw error }
                    failedBracketRefinements[key] = error
                    bracketError = error
                }
            }
            position = start
            do {
                return .attribute(try parseAttribute(cardinality: nil))
            } catch let attributeError {
                if attributeError.isLimit { throw attributeError }
                throw attributeError.offset >= bracketError.offset ? attributeError : bracketError
            }
        }
        var cardinality: Cardinality?
        if peek("[") {
            cardinality = try parseCardinality()
            skipWhitespace()
        }
        if peek("{") {
            if insideGroup { throw error("expected an attribute: groups cannot be nested") }
            position += 1
            skipWhitespace()
            let inner = try parseRefinement(insideGroup: true)
            skipWhitespace()
            try expect("}", "expected '}' to close the attribute group")
            return .group(cardinality: cardinality, inner)
        }
        return .attribute(try parseAttribute(cardinality: cardinality))
    }

    /// `[min..max]` with `*` for an open maximum.
    mutating func parseCardinality() throws(ECLSyntaxError) -> Cardinality {
        position += 1
        skipWhitespace()
        guard let min = readInteger() else { throw error("expected a minimum cardinality (a whole number)") }
        skipWhitespace()
        try expect("..", "expected '..' between the minimum and maximum cardinality")
        skipWhitespace()
        var max: Int?
        if peek("*") {
            position += 1
        } else {
            let start = position
            guard let value = readInteger() else { throw error("expected a maximum cardinality (a whole number or '*')") }
            guard value >= min else { throw error("expected a maximum cardinality not below the minimum \(min)", at: start) }
            max = value
        }
        skipWhitespace()
        try expect("]", "expected ']' to close the cardinality")
        return Cardinality(min: min, max: max)
    }

    mutating func readInteger() -> Int? {
        var digits = ""
        while let character = current, character.isASCII, character.isNumber {
            digits.append(character)
            position += 1
        }
        return Int(digits)
    }

    mutating func parseAttribute(cardinality: Cardinality?) throws(ECLSyntaxError) -> ECLAttribute {
        var reverse = false
        if let character = current, character == "R" || character == "r",
            let next = self.character(at: position + 1), !(next.isLetter || next.isNumber || next == "#" || next == "_" || next == "-")
        {
            reverse = true
            position += 1
            skipWhitespace()
        }
        if current == nil || !(current!.isNumber || current!.isLetter || "*(<>!^\"".contains(current!)) {
            throw error("expected an attribute name (a concept id, '*', '(' or a hierarchy operator)")
        }
        let name = try parseSubExpression()
        skipWhitespace()
        let comparison = try parseAttributeComparison()
        return ECLAttribute(cardinality: cardinality, reverse: reverse, name: name, comparison: comparison)
    }

    mutating func parseComparisonOperator() -> NumericOperator? {
        for candidate in ["!=", "<=", ">=", "=", "<", ">"] where peek(candidate) {
            position += candidate.count
            return NumericOperator(rawValue: candidate)
        }
        return nil
    }

    mutating func parseAttributeComparison() throws(ECLSyntaxError) -> AttributeComparison {
        guard let op = parseComparisonOperator() else {
            throw error("expected a comparison operator ('=', '!=', '<', '<=', '>', '>=') after the attribute name")
        }
        skipWhitespace()
        if peek("#") {
            position += 1
            return .numeric(op, try parseNumber())
        }
        guard let equality = EqualityOperator(rawValue: op.rawValue) else {
            throw error("expected '#' and a number after '\(op.rawValue)'")
        }
        if peekSearchTerms() {
            return .string(equality, try parseSearchTerms())
        }
        if peekKeyword("true") || peekKeyword("false") {
            let value = peekKeyword("true")
            position += value ? 4 : 5
            return .boolean(equality, value)
        }
        if atEnd || !(current!.isNumber || current!.isLetter || "*(<>!^".contains(current!)) {
            throw error("expected an attribute value: an expression, '#' and a number, a quoted string or true/false")
        }
        return .expression(equality, try parseSubExpression())
    }

    /// `["-"|"+"] digits ["." digits]`.
    mutating func parseNumber() throws(ECLSyntaxError) -> NumericValue {
        let start = position
        var text = ""
        if let sign = current, sign == "-" || sign == "+" {
            text.append(sign)
            position += 1
        }
        while let character = current, character.isASCII, character.isNumber || character == "." {
            text.append(character)
            position += 1
        }
        guard text.contains(where: \.isNumber), text.filter({ $0 == "." }).count <= 1, text.last != ".", let value = NumericValue(text) else {
            throw error("expected a number after '#'", at: start)
        }
        return value
    }

    /// True when a typed search term or term set starts here.
    func peekSearchTerms() -> Bool {
        if peek("\"") || peekKeyword("match", allowingSuffix: ":") || peekKeyword("wild", allowingSuffix: ":") { return true }
        guard peek("(") else { return false }
        var copy = self
        copy.position += 1
        copy.skipWhitespace()
        return copy.peek("\"") || copy.peekKeyword("match", allowingSuffix: ":") || copy.peekKeyword("wild", allowingSuffix: ":")
    }

    /// `typedSearchTerm` or `( typedSearchTerm typedSearchTerm … )`.
    mutating func parseSearchTerms() throws(ECLSyntaxError) -> [SearchTerm] {
        guard peek("(") else { return [try parseTypedSearchTerm()] }
        position += 1
        skipWhitespace()
        var terms: [SearchTerm] = []
        while !peek(")") {
            if atEnd { throw error("expected ')' to close the term set") }
            if terms.count == Self.maximumTermSetSize { throw error("expected ')': a term set holds at most \(Self.maximumTermSetSize) terms") }
            terms.append(try parseTypedSearchTerm())
            skipWhitespace()
        }
        position += 1
        guard !terms.isEmpty else { throw error("expected at least one term in the set", at: position - 1) }
        return terms
    }

    mutating func parseTypedSearchTerm() throws(ECLSyntaxError) -> SearchTerm {
        var mode = SearchTerm.Mode.match
        if peekKeyword("match", allowingSuffix: ":") || peekKeyword("wild", allowingSuffix: ":") {
            mode = peekKeyword("wild", allowingSuffix: ":") ? .wild : .match
            position += mode == .wild ? 4 : 5
            skipWhitespace()
            try expect(":", "expected ':' after '\(mode.rawValue)'")
            skipWhitespace()
        }
        guard peek("\"") else { throw error("expected a quoted search term") }
        let start = position
        let text = try parseQuotedString()
        if text.count > Self.maximumSearchTermLength {
            throw error("search term is \(text.count) characters long; at most \(Self.maximumSearchTermLength) are accepted", at: start)
        }
        if mode == .match, TermMatcher.words(of: text).count > Self.maximumSearchTermWords {
            throw error("search term has more than \(Self.maximumSearchTermWords) words", at: start)
        }
        return SearchTerm(text, mode: mode)
    }
}
