/// Which change requests to list: every filter that is set must match. Results are in id order, paged.
public struct RequestQuery: Sendable {
    /// Any of these statuses (all when empty).
    public var statuses: [RequestStatus]
    public var type: RequestType?
    public var requester: String?
    public var assignee: String?
    /// Case-insensitive text contained in the summary.
    public var text: String?
    public var limit: Int
    public var offset: Int

    public init(
        statuses: [RequestStatus] = [], type: RequestType? = nil, requester: String? = nil, assignee: String? = nil, text: String? = nil, limit: Int = 100,
        offset: Int = 0
    ) {
        self.statuses = statuses
        self.type = type
        self.requester = requester
        self.assignee = assignee
        self.text = text
        self.limit = limit
        self.offset = offset
    }
}
