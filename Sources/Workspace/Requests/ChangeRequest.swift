import Foundation

/// A stored change request: the requester's content plus its workflow state and bookkeeping.
public struct ChangeRequest: Sendable, Hashable, Codable {
    public var id: Int64
    public var status: RequestStatus
    public var content: RequestContent
    public var requester: String
    public var assignee: String?
    /// The national release centre's ticket id, set when the request is forwarded.
    public var externalReference: String?
    /// The release the request was validated against (its name), if any.
    public var release: String?
    /// Incremented by every change; updates and transitions must name the version they are based on.
    public var version: Int
    public var createdAt: Date
    public var createdBy: String
    public var updatedAt: Date
    public var updatedBy: String

    public var type: RequestType { content.type }

    private enum CodingKeys: String, CodingKey {
        case id, type, status, content, requester, assignee, externalReference, release, version, createdAt, createdBy, updatedAt, updatedBy
    }

    public init(
        id: Int64, status: RequestStatus, content: RequestContent, requester: String, assignee: String?, externalReference: String?, release: String?,
        version: Int, createdAt: Date, createdBy: String, updatedAt: Date, updatedBy: String
    ) {
        self.id = id
        self.status = status
        self.content = content
        self.requester = requester
        self.assignee = assignee
        self.externalReference = externalReference
        self.release = release
        self.version = version
        self.createdAt = createdAt
        self.createdBy = createdBy
        self.updatedAt = updatedAt
        self.updatedBy = updatedBy
    }

    /// JSON: id as a string, times as ISO 8601 text, `type` repeated at the top for readers that filter.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let idText = try container.decode(String.self, forKey: .id)
        guard let id = Int64(idText) else {
            throw DecodingError.dataCorruptedError(forKey: .id, in: container, debugDescription: "'\(idText)' is not a request id")
        }
        self.id = id
        status = try container.decode(RequestStatus.self, forKey: .status)
        content = try container.decode(RequestContent.self, forKey: .content)
        requester = try container.decode(String.self, forKey: .requester)
        assignee = try container.decodeIfPresent(String.self, forKey: .assignee)
        externalReference = try container.decodeIfPresent(String.self, forKey: .externalReference)
        release = try container.decodeIfPresent(String.self, forKey: .release)
        version = try container.decode(Int.self, forKey: .version)
        createdAt = Timestamp.date(try container.decode(String.self, forKey: .createdAt))
        createdBy = try container.decode(String.self, forKey: .createdBy)
        updatedAt = Timestamp.date(try container.decode(String.self, forKey: .updatedAt))
        updatedBy = try container.decode(String.self, forKey: .updatedBy)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(String(id), forKey: .id)
        try container.encode(type, forKey: .type)
        try container.encode(status, forKey: .status)
        try container.encode(content, forKey: .content)
        try container.encode(requester, forKey: .requester)
        try container.encodeIfPresent(assignee, forKey: .assignee)
        try container.encodeIfPresent(externalReference, forKey: .externalReference)
        try container.encodeIfPresent(release, forKey: .release)
        try container.encode(version, forKey: .version)
        try container.encode(Timestamp.text(createdAt), forKey: .createdAt)
        try container.encode(createdBy, forKey: .createdBy)
        try container.encode(Timestamp.text(updatedAt), forKey: .updatedAt)
        try container.encode(updatedBy, forKey: .updatedBy)
    }
}
