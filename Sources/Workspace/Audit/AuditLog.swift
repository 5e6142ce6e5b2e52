import Foundation
import GRDB

/// Writing and reading the `audit_event` table. Appending is internal: only ``Workspace/perform(_:_:on:requires:_:)``
/// writes events, inside the transaction of the change they describe.
enum AuditLog {
    static func append(_ db: Database, _ event: AuditEvent) throws {
        try db.execute(
            sql: "INSERT INTO audit_event (time, actor, role, entity, entity_id, action, before, after, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            arguments: [
                Timestamp.text(event.time), event.actor, event.role.rawValue, event.entity, event.entityId, event.action, event.before, event.after, event.note,
            ])
    }
}

extension Workspace {
    /// Audit events, newest first, with the total matching the query (for paging).
    public func auditEvents(_ query: AuditQuery) throws -> (events: [AuditEvent], total: Int) {
        guard query.limit >= 0, query.offset >= 0 else {
            throw WorkspaceError(.invalid, "audit paging needs a limit and offset of 0 or more (got limit \(query.limit), offset \(query.offset))")
        }
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let entity = query.entity { conditions.append("entity = ?"); arguments += [entity] }
        if let entityId = query.entityId { conditions.append("entity_id = ?"); arguments += [entityId] }
        if let actor = query.actor { conditions.append("actor = ?"); arguments += [actor] }
        if let action = query.action { conditions.append("action = ?"); arguments += [action] }
        if let since = query.since { conditions.append("time >= ?"); arguments += [Timestamp.text(since)] }
        if let until = query.until { conditions.append("time < ?"); arguments += [Timestamp.text(until)] }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try read { db in
            let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_event \(filter)", arguments: arguments) ?? 0
            let rows = try Row.fetchAll(
                db, sql: "SELECT * FROM audit_event \(filter) ORDER BY id DESC LIMIT ? OFFSET ?", arguments: arguments + [query.limit, query.offset])
            let events = rows.map { row in
                AuditEvent(
                    id: row["id"], time: Timestamp.date(row["time"]), actor: row["actor"], role: Role(rawValue: row["role"]) ?? .viewer,
                    entity: row["entity"], entityId: row["entity_id"], action: row["action"], before: row["before"], after: row["after"], note: row["note"])
            }
            return (events, total)
        }
    }
}
