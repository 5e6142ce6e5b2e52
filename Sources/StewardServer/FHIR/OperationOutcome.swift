import HTTPTypes

/// FHIR R4 OperationOutcome: how every `/fhir` error is reported.
public struct OperationOutcome: Codable, Sendable {
    public struct Issue: Codable, Sendable {
        public var severity: String
        public var code: String
        public var diagnostics: String
        public var expression: [String]?
    }

    public var resourceType = "OperationOutcome"
    public var issue: [Issue]

    public init(severity: String = "error", code: String, diagnostics: String, expression: [String]? = nil) {
        issue = [Issue(severity: severity, code: code, diagnostics: diagnostics, expression: expression)]
    }

    /// The FHIR issue type for an HTTP status.
    static func issueCode(for status: HTTPResponse.Status) -> String {
        switch status.code {
        case 400, 422: "invalid"
        case 401: "login"
        case 403: "forbidden"
        case 404: "not-found"
        case 405: "not-supported"
        case 409, 412: "conflict"
        case 413: "too-long"
        default: "exception"
        }
    }
}
