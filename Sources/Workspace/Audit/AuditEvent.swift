import Foundation

/// One entry of the append-only audit log: who did what to which entity, with its state before and after.
public struct AuditEvent: Sendable, Codable, Equatable {
    public var id: Int64?
    public var time: Date
    public var actor: String
    public var role: Role
    /// `refset`, `refset-member`, `request`, `token`, ...
    public var entity: String
    public var entityId: String
    /// `create`, `add-members`, `publish`, `transition`, ...
    public var action: String
    /// JSON of the entity before the change (nil when created).
    public var before: String?
    /// JSON of the entity after the change (nil when deleted).
    public var after: String?
    public var note: String?

    public init(
        id: Int64? = nil, time: Date, actor: String, role: Role, entity: String, entityId: String, action: String, before: String?, after: String?,
        note: String? = nil
    ) {
        self.id = id
        self.time = time
        self.actor = actor
        self.role = role
        self.entity = entity
        self.entityId = entityId
        self.action = action
        self.before = before
        self.after = after
        self.note = note
    }
}

/// Which audit events to list.
public struct AuditQuery: Sendable {
    public var entity: String?
    public var entityId: String?
    public var actor: String?
    /// Only events with this action (`create`, `publish`, `transition` ...).
    public var action: String?
    public var since: Date?
    /// Only events before this time.
    public var until: Date?
    public var limit = 100
    public var offset = 0

    public init(
        entity: String? = nil, entityId: String? = nil, actor: String? = nil, action: String? = nil, since: Date? = nil, until: Date? = nil,
        limit: Int = 100, offset: Int = 0
    ) {
        self.entity = entity
        self.entityId = entityId
        self.actor = actor
        self.action = action
        self.since = since
        self.until = until
        self.limit = limit
        self.offset = offset
    }
}
