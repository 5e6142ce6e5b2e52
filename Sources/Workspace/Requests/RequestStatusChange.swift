import Foundation

/// One step of a request's status history: who moved it from where to where, when and why. The first entry
/// of every request has no `from` (creation as a draft).
public struct RequestStatusChange: Sendable, Hashable, Codable {
    public var from: RequestStatus?
    public var to: RequestStatus
    public var actor: String
    public var role: Role
    public var time: Date
    public var reason: String?

    public init(from: RequestStatus?, to: RequestStatus, actor: String, role: Role, time: Date, reason: String?) {
        self.from = from
        self.to = to
        self.actor = actor
        self.role = role
        self.time = time
        self.reason = reason
    }

    private enum CodingKeys: String, CodingKey { case from, to, actor, role, time, reason }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        from = try container.decodeIfPresent(RequestStatus.self, forKey: .from)
        to = try container.decode(RequestStatus.self, forKey: .to)
        actor = try container.decode(String.self, forKey: .actor)
        role = try container.decode(Role.self, forKey: .role)
        time = Timestamp.date(try container.decode(String.self, forKey: .time))
        reason = try container.decodeIfPresent(String.self, forKey: .reason)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(from, forKey: .from)
        try container.encode(to, forKey: .to)
        try container.encode(actor, forKey: .actor)
        try container.encode(role, forKey: .role)
        try container.encode(Timestamp.text(time), forKey: .time)
        try container.encodeIfPresent(reason, forKey: .reason)
    }
}
