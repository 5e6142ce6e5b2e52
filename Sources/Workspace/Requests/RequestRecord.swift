/// A request with its status history and comments: the unit of the JSON export and of `request show`.
public struct RequestRecord: Sendable, Hashable, Encodable {
    public var request: ChangeRequest
    public var history: [RequestStatusChange]
    public var comments: [RequestComment]

    public init(request: ChangeRequest, history: [RequestStatusChange], comments: [RequestComment]) {
        self.request = request
        self.history = history
        self.comments = comments
    }

    private enum CodingKeys: String, CodingKey { case history, comments }

    /// The request's own fields with `history` and `comments` beside them.
    public func encode(to encoder: any Encoder) throws {
        try request.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(history, forKey: .history)
        try container.encode(comments, forKey: .comments)
    }
}

extension Workspace {
    /// A request with its history and comments.
    public func requestRecord(_ id: Int64) throws -> RequestRecord {
        RequestRecord(request: try request(id), history: try requestHistory(id), comments: try requestComments(id))
    }
}
