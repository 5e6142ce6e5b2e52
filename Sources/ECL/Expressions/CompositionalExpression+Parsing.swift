/// Parsing compositional grammar: a small recursive-descent reader over the characters, errors naming the
/// 1-based character position (SCG has no line structure worth reporting).
extension CompositionalExpression {
    public static func parse(_ text: String) throws(CompositionalExpressionError) -> CompositionalExpression {
        var reader = Reader(Array(text))
        reader.skipSpace()
        var status: String?
        for marker in ["===", "<<<"] where reader.take(marker) { status = marker }
        var expression = try reader.subExpression()
        expression.definitionStatus = status
        reader.skipSpace()
        guard reader.atEnd else { throw reader.error("unexpected '\(reader.peek.map(String.init) ?? "")' after the expression") }
        return expression
    }
}

/// Why a text is not a valid expression, and where.
public struct CompositionalExpressionError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    /// 1-based character position.
    public var position: Int

    public var description: String { "\(message) at character \(position)" }
}

private struct Reader {
    let chars: [Character]
    var index = 0
    /// How deep nested values go: bounded like ECL's brackets, so a crafted code cannot exhaust the stack.
    var depth = 0

    init(_ chars: [Character]) {
        self.chars = chars
    }

    var atEnd: Bool { index >= chars.count }
    var peek: Character? { atEnd ? nil : chars[index] }

    func error(_ message: String) -> CompositionalExpressionError {
        CompositionalExpressionError(message: message, position: index + 1)
    }

    mutating func skipSpace() {
        while let char = peek, char.isWhitespace { index += 1 }
    }

    mutating func take(_ token: String) -> Bool {
        skipSpace()
        let tokenChars = Array(token)
        guard index + tokenChars.count <= chars.count, Array(chars[index..<index + tokenChars.count]) == tokenChars else { return false }
        index += tokenChars.count
        return true
    }

    mutating func expect(_ token: String) throws(CompositionalExpressionError) {
        guard take(token) else { throw error("expected '\(token)'\(peek.map { " but found '\($0)'" } ?? " but the expression ends")") }
    }

    /// `focusConcept [":" refinement]`.
    mutating func subExpression() throws(CompositionalExpressionError) -> CompositionalExpression {
        var focus = [try conceptReference()]
        while take("+") { focus.append(try conceptReference()) }
        var expression = CompositionalExpression(focus: focus)
        if take(":") { try refinement(into: &expression) }
        return expression
    }

    /// `(attributeSet / attributeGroup) *([","] attributeGroup)`.
    mutating func refinement(into expression: inout CompositionalExpression) throws(CompositionalExpressionError) {
        skipSpace()
        if atEnd { throw error("expected a refinement after ':'") }
        if peek != "{" { expression.ungrouped = try attributeSet() }
        while true {
            let save = index
            _ = take(",")
            skipSpace()
            guard peek == "{" else {
                index = save
                break
            }
            index += 1
            expression.groups.append(try attributeSet())
            try expect("}")
        }
    }

    mutating func attributeSet() throws(CompositionalExpressionError) -> [CompositionalExpression.Attribute] {
        var attributes = [try attribute()]
        while true {
            let save = index
            guard take(",") else { break }
            skipSpace()
            if peek == "{" {
                index = save
                break
            }
            attributes.append(try attribute())
        }
        return attributes
    }

    mutating func attribute() throws(CompositionalExpressionError) -> CompositionalExpression.Attribute {
        let name = try conceptReference()
        try expect("=")
        skipSpace()
        switch peek {
        case "(":
            guard depth < ECLParser.maximumNesting else {
                throw error("expression nested too deeply: at most \(ECLParser.maximumNesting) levels of nested values")
            }
            index += 1
            depth += 1
            let inner = try subExpression()
            depth -= 1
            try expect(")")
            return .init(name: name, value: .nested(inner))
        case "#":
            let start = index
            index += 1
            while let char = peek, char.isNumber || char == "." || char == "-" { index += 1 }
            guard index > start + 1 else { throw error("expected a number after '#'") }
            return .init(name: name, value: .concrete(String(chars[start..<index])))
        case "\"":
            let start = index
            index += 1
            while let char = peek, char != "\"" { index += 1 }
            guard peek == "\"" else { throw error("unterminated string value") }
            index += 1
            return .init(name: name, value: .concrete(String(chars[start..<index])))
        default:
            return .init(name: name, value: .concept(try conceptReference()))
        }
    }

    /// `sctId [ "|" term "|" ]`.
    mutating func conceptReference() throws(CompositionalExpressionError) -> ConceptReference {
        skipSpace()
        let start = index
        while let char = peek, char.isASCII, char.isNumber { index += 1 }
        guard index > start else {
            let next = peek.map { "next char = \"\($0)\"" } ?? "at the end"
            throw error("Concept not found (\(next), in \"\(String(chars))\")")
        }
        let digits = String(chars[start..<index])
        guard (6...18).contains(digits.count), let id = Int64(digits) else {
            throw CompositionalExpressionError(message: "'\(digits)' is not an SCTID (6 to 18 digits)", position: start + 1)
        }
        var term: String?
        if take("|") {
            let termStart = index
            while let char = peek, char != "|" { index += 1 }
            guard peek == "|" else { throw error("unterminated term (missing '|')") }
            let raw = chars[termStart..<index].drop { $0.isWhitespace }
            term = String(raw.reversed().drop { $0.isWhitespace }.reversed())
            index += 1
        }
        return ConceptReference(id: id, term: term)
    }
}
