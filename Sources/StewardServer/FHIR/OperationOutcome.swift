import HTTPTypes

/// FHIR R4 OperationOutcome: how every `/fhir` error is reported, and the `issues` of `$validate-code`.
/// Each issue says what in `details.text` and, where a ``FHIRIssue`` gives them, the `tx-issue-type` code
/// and message id validators key on.
public struct OperationOutcome: Codable, Sendable {
    public struct Issue: Codable, Sendable {
        public var extension_: [Extension]?
        public var severity: String
        public var code: String
        public var details: Details?
        public var diagnostics: String?
        public var location: [String]?
        public var expression: [String]?

        private enum CodingKeys: String, CodingKey {
            case extension_ = "extension", severity, code, details, diagnostics, location, expression
        }

        /// An issue with `text`, typed by `issue`.
        init(severity: String, text: String, issue: FHIRIssue) {
            self.severity = severity
            code = issue.code
            let coding = issue.txIssueType.map { [Coding(system: FHIRIssue.txIssueTypeSystem, code: $0)] }
            details = Details(coding: coding, text: text)
            expression = issue.expression
            extension_ = issue.messageId.map { [Extension(url: FHIRIssue.messageIdExtension, valueString: $0)] }
        }
    }

    public struct Details: Codable, Sendable {
        public var coding: [Coding]?
        public var text: String
    }

    public struct Coding: Codable, Sendable {
        public var system: String
        public var code: String
    }

    public struct Extension: Codable, Sendable {
        public var url: String
        public var valueString: String
    }

    public var resourceType = "OperationOutcome"
    public var issue: [Issue]

    init(issues: [Issue]) {
        issue = issues
    }

    /// The outcome of an error: one issue, typed by `issue` or else by the status.
    init(status: HTTPResponse.Status, message: String, issue: FHIRIssue?) {
        var typed = issue ?? FHIRIssue(code: Self.issueCode(for: status))
        if typed.txIssueType == nil, status == .notFound { typed.txIssueType = "not-found" }
        var single = Issue(severity: "error", text: typed.text ?? message, issue: typed)
        single.diagnostics = message
        self.issue = [single]
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
