import HTTPTypes

/// An error a handler raises to answer with a specific status and message.
public struct APIError: Error, Sendable, CustomStringConvertible {
    public var status: HTTPResponse.Status
    public var message: String
    /// For 409/412: the version the client must send to try again.
    public var currentVersion: Int?
    /// For ECL syntax errors: where (1-based line/column, 0-based offset).
    public var position: ErrorPosition?
    /// How a FHIR client sees it; nil takes the issue type from the status.
    public var issue: FHIRIssue?

    public init(
        _ status: HTTPResponse.Status, _ message: String, currentVersion: Int? = nil, position: ErrorPosition? = nil, issue: FHIRIssue? = nil
    ) {
        self.status = status
        self.message = message
        self.currentVersion = currentVersion
        self.position = position
        self.issue = issue
    }

    public var description: String { message }

    static func badRequest(_ message: String) -> APIError { APIError(.badRequest, message) }
    static func notFound(_ message: String) -> APIError { APIError(.notFound, message) }
    static func badRequest(_ message: String, _ issue: FHIRIssue) -> APIError { APIError(.badRequest, message, issue: issue) }
    static func notFound(_ message: String, _ issue: FHIRIssue) -> APIError { APIError(.notFound, message, issue: issue) }
}

/// Where in an input the problem is.
public struct ErrorPosition: Sendable, Codable, Equatable {
    public var line: Int
    public var column: Int
    public var offset: Int
}
