/// Where a change request is in its workflow (see ``RequestWorkflow`` for the moves between them).
public enum RequestStatus: String, Sendable, Codable, CaseIterable {
    case draft
    case submitted
    case underReview = "under-review"
    case clarificationNeeded = "clarification-needed"
    case accepted
    case rejected
    /// Sent on to the national release centre; the request carries its ticket id (external reference).
    case forwarded
    case released
    case closed
    case withdrawn

    /// No further transition is possible.
    public var isFinal: Bool { RequestWorkflow.transitions.allSatisfy { $0.from != self } }

    /// The requester may still edit the content.
    public var isEditable: Bool { self == .draft || self == .clarificationNeeded }

    public init(parsing text: String) throws {
        guard let status = RequestStatus(rawValue: text.lowercased()) else {
            throw WorkspaceError(
                .invalid, "unknown request status '\(text)': expected one of \(RequestStatus.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self = status
    }
}
