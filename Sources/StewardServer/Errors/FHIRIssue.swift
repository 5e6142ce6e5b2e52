/// How an error reads in a FHIR OperationOutcome beyond its HTTP status: the FHIR issue type, the
/// `tx-issue-type` code terminology clients key on, the message id of the FHIR tooling's message catalogue,
/// and where in the request the problem is. Validators compare these, not the wording.
public struct FHIRIssue: Sendable, Equatable {
    /// `http://hl7.org/fhir/issue-type` (`invalid`, `not-found`, `too-costly`, `code-invalid` ...).
    public var code: String
    /// `http://hl7.org/fhir/tools/CodeSystem/tx-issue-type` (`vs-invalid`, `not-found`, `not-in-vs` ...).
    public var txIssueType: String?
    /// The `operationoutcome-message-id` extension (`INVALID_ECL`, `VALUESET_TOO_COSTLY` ...).
    public var messageId: String?
    public var expression: [String]?
    /// The catalogue's wording for `details.text`, when it differs from the error's message (which then
    /// goes to `diagnostics`, with the detail a person needs).
    public var text: String?

    public init(code: String, txIssueType: String? = nil, messageId: String? = nil, expression: [String]? = nil, text: String? = nil) {
        self.code = code
        self.txIssueType = txIssueType
        self.messageId = messageId
        self.expression = expression
        self.text = text
    }

    static let txIssueTypeSystem = "http://hl7.org/fhir/tools/CodeSystem/tx-issue-type"
    static let messageIdExtension = "http://hl7.org/fhir/StructureDefinition/operationoutcome-message-id"
}

extension FHIRIssue {
    /// ECL that does not parse or names what the release does not have: the value set is invalid.
    static let invalidECL = FHIRIssue(code: "invalid", txIssueType: "vs-invalid", messageId: "INVALID_ECL")

    /// A value set url this server cannot resolve.
    static func unknownValueSet(_ url: String) -> FHIRIssue {
        FHIRIssue(
            code: "not-found", txIssueType: "not-found", messageId: "Unable_to_resolve_value_Set_",
            text: "A definition for the value Set '\(url)' could not be found")
    }
}
