/// Parses ECL 2.2 text into an ``ECLExpression``.
///
/// A hand-written recursive-descent parser over the specification's ABNF: it needs no lexer because ECL's
/// tokens depend on context (`|terms|`, quoted search terms, `R`, dialect aliases), and it reports the exact
/// character where input stops matching the grammar. Keywords are case-insensitive.
public struct ECLParser {
    /// How deeply brackets, nested expressions and refinements may nest. Real constraints stay below ten
    /// levels; the limit keeps a hostile expression from exhausting the stack of the parser and evaluator,
    /// which recurse once per level.
    public static let maximumNesting = 100
    /// Longest expression text accepted (characters): room for several thousand listed ids.
    public static let maximumLength = 200_000
    /// Words in one `match:` search term, characters in one search term, and terms in one term set: every
    /// term is matched against every candidate description, so their size bounds the work of a filter.
    public static let maximumSearchTermWords = 16
    public static let maximumSearchTermLength = 256
    public static let maximumTermSetSize = 32

    let characters: [Character]
    var position = 0
    var nesting = 0
    /// Bracketed refinements that failed to parse at a position (key: position, doubled, plus 1 inside a
    /// group): the attribute fallback re-reads the same text, and without this each nested `(` would
    /// double the work.
    var failedBracketRefinements: [Int: ECLSyntaxError] = [:]

    /// Parses a complete expression constraint.
    public static func parse(_ text: String) throws(ECLSyntaxError) -> ECLExpression {
        if text.utf8.count > maximumLength, text.count > maximumLength {
            var tooLong = ECLSyntaxError(
                line: 1, column: 1, offset: 0, message: "expression is \(text.count) characters long; at most \(maximumLength) are accepted")
            tooLong.isLimit = true
            throw tooLong
        }
        var parser = ECLParser(characters: Array(text))
        let expression = try parser.parseExpressionConstraint()
        parser.skipWhitespace()
        if !parser.atEnd {
            throw parser.error(parser.expectedAfterExpression())
        }
        return expression
    }

    init(characters: [Character]) {
        self.characters = characters
    }

    // MARK: Expressions

    mutating func parseExpressionConstraint() throws(ECLSyntaxError) -> ECLExpression {
        try enterNesting()
        defer { nesting -= 1 }
        skipWhitespace()
        if atEnd { throw error("expected an expression constraint") }
        let first = try parseSubExpression()
        skipWhitespace()
        if peek(":") {
            position += 1
            skipWhitespace()
            let refinement = try parseRefinement()
            try rejectTrailingOperator(after: "a refined expression")
            return .refined(first, refinement)
        }
        if peek(".") {
            var attributes: [SubExpression] = []
            while peek(".") {
                position += 1
                skipWhitespace()
                attributes.append(try parseSubExpression())
                skipWhitespace()
            }
            try rejectTrailingOperator(after: "a dotted expression")
            return .dotted(first, attributes: attributes)
        }
        guard let op = peekBinaryOperator() else { return .constraint(first) }
        var operands = [first]
        switch op {
        case .minus:
            consumeBinaryOperator(op)
            skipWhitespace()
            operands.append(try parseSubExpression())
            skipWhitespace()
            if let next = peekBinaryOperator() {
                throw error("expected end of expression or ')': \(next.name) cannot follow MINUS without brackets")
            }
            return .exclusion(operands[0], operands[1])
        case .and, .or:
            while let next = peekBinaryOperator() {
                if next != op {
                    throw error("expected \(op.name) or end of expression: use brackets to combine \(op.name) with \(next.name)")
                }
                consumeBinaryOperator(next)
                skipWhitespace()
                operands.append(try parseSubExpression())
                skipWhitespace()
            }
            return op == .and ? .conjunction(operands) : .disjunction(operands)
        }
    }

    /// Counts one level of nesting; past ``maximumNesting`` the whole parse stops (no backtracking).
    mutating func enterNesting() throws(ECLSyntaxError) {
        guard nesting < Self.maximumNesting else {
            var tooDeep = error("expression nested too deeply: at most \(Self.maximumNesting) levels of brackets, nested expressions and refinements")
            tooDeep.isLimit = true
            throw tooDeep
        }
        nesting += 1
    }

    private mutating func rejectTrailingOperator(after what: String) throws(ECLSyntaxError) {
        skipWhitespace()
        if let op = peekBinaryOperator() {
            throw error("expected end of expression or ')': bracket \(what) before \(op.name)")
        }
    }

    func expectedAfterExpression() -> String {
        if peek(")") { return "unexpected ')': no matching '('" }
        if peek("{{") { return "expected end of expression: filters and supplements follow the focus concept they apply to" }
        return "expected AND, OR, MINUS, ':' or end of expression"
    }

    enum BinaryOperator {
        case and, or, minus
        var name: String {
            switch self {
            case .and: "AND"
            case .or: "OR"
            case .minus: "MINUS"
            }
        }
    }

    func peekBinaryOperator() -> BinaryOperator? {
        if peek(",") { return .and }
        if peekKeyword("and") { return .and }
        if peekKeyword("or") { return .or }
        if peekKeyword("minus") { return .minus }
        return nil
    }

    mutating func consumeBinaryOperator(_ op: BinaryOperator) {
        if peek(",") {
            position += 1
            return
        }
        switch op {
        case .and: position += 3
        case .or: position += 2
        case .minus: position += 5
        }
    }

    /// `[operator] [^ [fields]] focus *filters [history]`.
    mutating func parseSubExpression() throws(ECLSyntaxError) -> SubExpression {
        let hierarchyOperator = parseHierarchyOperator()
        if hierarchyOperator != nil { skipWhitespace() }
        var memberOf: MemberOf?
        if peek("^") {
            position += 1
            skipWhitespace()
            memberOf = MemberOf(fields: try parseMemberFieldSelection())
            skipWhitespace()
        }
        let focus = try parseFocus()
        var expression = SubExpression(hierarchyOperator: hierarchyOperator, memberOf: memberOf, focus: focus)
        while true {
            let save = position
            skipWhitespace()
            guard peek("{{") else {
                position = save
                break
            }
            try parseBraceBlock(into: &expression)
        }
        return expression
    }

    /// One `{{ … }}` after the focus: a member, concept or description filter block, or the history
    /// supplement, which must come last. Filters without a kind letter are description filters.
    private mutating func parseBraceBlock(into expression: inout SubExpression) throws(ECLSyntaxError) {
        let start = position
        position += 2
        skipWhitespace()
        if peek("+") {
            if expression.history != nil { throw error("expected one history supplement only", at: start) }
            expression.history = try parseHistorySupplement()
        } else if expression.history != nil {
            throw error("expected end of expression: filters come before the history supplement", at: start)
        } else if let kind = peekFilterKind() {
            position += 1
            skipWhitespace()
            switch kind {
            case "m":
                guard expression.memberOf != nil else { throw error("member filters ({{ M … }}) need a member-of (^) focus", at: start) }
                guard expression.filters.isEmpty else { throw error("member filters come before concept and description filters", at: start) }
                expression.memberOf?.memberFilters.append(try parseMemberFilters())
            case "c": expression.filters.append(.concept(try parseConceptFilters()))
            default: expression.filters.append(.description(try parseDescriptionFilters()))
            }
        } else {
            expression.filters.append(.description(try parseDescriptionFilters()))
        }
    }

    /// `C`, `D` or `M` directly after `{{`, as a whole word.
    func peekFilterKind() -> Character? {
        guard let letter = current?.lowercased().first, ["c", "d", "m"].contains(letter) else { return nil }
        if let next = character(at: position + 1), next.isLetter || next.isNumber || next == "_" { return nil }
        return letter
    }

    mutating func parseHierarchyOperator() -> HierarchyOperator? {
        for candidate in ["<<!", "<<", "<!", "<", ">>!", ">>", ">!", ">", "!!>", "!!<"] where peek(candidate) {
            // `<!=` is not an operator; `!` after `<` must not start `!=`.
            position += candidate.count
            return HierarchyOperator(rawValue: candidate)
        }
        return nil
    }

    mutating func parseMemberFieldSelection() throws(ECLSyntaxError) -> MemberOf.Fields? {
        guard peek("[") else { return nil }
        position += 1
        skipWhitespace()
        if peek("*") {
            position += 1
            skipWhitespace()
            try expect("]", "expected ']' after '*'")
            return .all
        }
        var names: [String] = []
        repeat {
            if !names.isEmpty {
                position += 1
                skipWhitespace()
            }
            guard let name = readWord() else { throw error("expected a refset field name such as referencedComponentId or mapTarget") }
            names.append(name)
            skipWhitespace()
        } while peek(",")
        try expect("]", "expected ',' or ']' after the field names")
        return .names(names)
    }

    mutating func parseFocus() throws(ECLSyntaxError) -> SubExpression.Focus {
        guard let character = current else {
            throw error("expected a concept id, '*', '(' or '^'")
        }
        if character == "*" {
            position += 1
            return .wildcard
        }
        if character == "(" {
            position += 1
            let nested = try parseExpressionConstraint()
            skipWhitespace()
            try expect(")", "expected ')' to close the bracketed expression")
            return .nested(nested)
        }
        if character.isASCII, character.isNumber {
            return .concept(try parseConceptReference())
        }
        if character.isLetter || character == "\"" {
            return .alternateIdentifier(try parseAlternateIdentifier())
        }
        throw error("expected a concept id, '*', '(' or '^'")
    }

    /// `sctId [ws |term|]`.
    mutating func parseConceptReference() throws(ECLSyntaxError) -> ConceptReference {
        let start = position
        var digits = ""
        while let character = current, character.isASCII, character.isNumber {
            digits.append(character)
            position += 1
        }
        guard !digits.isEmpty else { throw error("expected a concept id") }
        guard (6...18).contains(digits.count), digits.first != "0", let id = Int64(digits) else {
            throw error("expected a concept id of 6 to 18 digits not starting with 0", at: start)
        }
        return ConceptReference(id: id, term: try parseOptionalTerm())
    }

    /// `[ws |term|]`: the label is kept as written (trimmed) and never used to resolve the concept.
    mutating func parseOptionalTerm() throws(ECLSyntaxError) -> String? {
        let save = position
        skipWhitespace()
        guard peek("|") else {
            position = save
            return nil
        }
        let start = position
        position += 1
        var term = ""
        while let character = current, character != "|" {
            term.append(character)
            position += 1
        }
        guard peek("|") else { throw error("expected '|' to close the term that starts here", at: start) }
        position += 1
        return term.trimmingWhitespace()
    }

    /// `SCHEME#code` or `"uri"#"code"`, with an optional `|term|`.
    mutating func parseAlternateIdentifier() throws(ECLSyntaxError) -> AlternateIdentifier {
        let scheme: String
        if peek("\"") {
            scheme = try parseQuotedString()
        } else {
            var text = ""
            while let character = current, character.isLetter || character.isNumber || "-._".contains(character) {
                text.append(character)
                position += 1
            }
            scheme = text
        }
        guard peek("#") else { throw error("expected a concept id, '*', '(' or '^' (or '#' after an identifier scheme alias)") }
        position += 1
        let code: String
        if peek("\"") {
            code = try parseQuotedString()
        } else {
            var text = ""
            while let character = current, !character.isWhitespace, !"(){}[]|,:^\"".contains(character) {
                text.append(character)
                position += 1
            }
            code = text
        }
        guard !code.isEmpty else { throw error("expected an alternate identifier code after '#'") }
        return AlternateIdentifier(scheme: scheme, code: code, term: try parseOptionalTerm())
    }

    mutating func parseHistorySupplement() throws(ECLSyntaxError) -> HistorySupplement {
        position += 1  // "+"
        skipWhitespace()
        guard peekKeyword("history", allowingSuffix: "-(") else { throw error("expected HISTORY after '+'") }
        position += 7
        let supplement: HistorySupplement
        if peek("-") {
            position += 1
            if peekKeyword("min") {
                supplement = .minimum
            } else if peekKeyword("mod") {
                supplement = .moderate
            } else if peekKeyword("max") {
                supplement = .maximum
            } else {
                throw error("expected MIN, MOD or MAX after 'HISTORY-'")
            }
            position += 3
        } else {
            skipWhitespace()
            if peek("(") {
                position += 1
                let subset = try parseExpressionConstraint()
                skipWhitespace()
                try expect(")", "expected ')' to close the history association set")
                supplement = .custom(subset)
            } else {
                supplement = .maximum
            }
        }
        skipWhitespace()
        try expect("}}", "expected '}}' to close the history supplement")
        return supplement
    }
}
