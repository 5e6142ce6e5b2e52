/// An expression that parses but cannot be evaluated against this release.
public struct ECLEvaluationError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { "ECL evaluation error: \(message)" }
}
