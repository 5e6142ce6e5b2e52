/// A malformed ECL expression: where (1-based line and column, 0-based character offset) and what the
/// grammar expected there, so editors and the CLI can point at the character.
public struct ECLSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var offset: Int
    /// What was expected, e.g. "expected a concept id, '*', '(' or '^'".
    public var message: String
    /// The expression exceeds a parser limit (nesting) rather than breaking the grammar.
    public var isLimit = false

    public init(line: Int, column: Int, offset: Int, message: String) {
        self.line = line
        self.column = column
        self.offset = offset
        self.message = message
    }

    public var description: String { "ECL syntax error at \(line):\(column): \(message)" }
}
