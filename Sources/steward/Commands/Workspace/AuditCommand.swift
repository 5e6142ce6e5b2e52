import ArgumentParser
import Foundation
import Workspace

/// `steward audit`: who changed what in the workspace, newest first.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "List audit events of the workspace, newest first.",
        discussion: "JSON includes each event's entity state before and after the change.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

    @OptionGroup var workspaceOptions: WorkspaceOptions

    @Option(help: "Only events on this kind of entity: token, settings, workspace, refset, request ...")
    var entity: String?

    @Option(help: "Only events on the entity with this id.")
    var id: String?

    @Option(help: "Only events by this user.")
    var actor: String?

    @Option(help: "Only events at or after this time: YYYY-MM-DD (UTC) or an ISO 8601 time.")
    var since: String?

    @Option(help: "At most this many events (1–10000).")
    var limit = 50

    @Option(help: "Skip this many events (for paging).")
    var offset = 0

    @Option(help: "Output format: table or json.")
    var format: Format = .table

    func validate() throws {
        guard (1...10_000).contains(limit) else { throw ValidationError("--limit \(limit): expected 1 to 10000") }
        guard offset >= 0 else { throw ValidationError("--offset \(offset): expected 0 or more") }
        if let since, WorkspaceTime.parse(since) == nil {
            throw ValidationError("--since \(since): expected YYYY-MM-DD or an ISO 8601 time such as 2025-04-15T08:30:00Z")
        }
    }

    func run() throws {
        let (workspace, user) = try workspaceOptions.open()
        try user.require(.viewer, to: "read the audit log")
        let query = AuditQuery(entity: entity, entityId: id, actor: actor, since: since.flatMap(WorkspaceTime.parse), limit: limit, offset: offset)
        let (events, total) = try workspace.auditEvents(query)
        switch format {
        case .json:
            try Terminal.printJSON(AuditPageView(total: total, offset: offset, events: events.map(AuditEventView.init)))
        case .table:
            guard !events.isEmpty else {
                Terminal.note(total == 0 ? "no audit events match" : "no events after offset \(offset) (\(total) match)")
                return
            }
            let rows = events.map { event in
                [
                    event.id.map(String.init) ?? "", Timestamp.text(event.time), event.actor, event.role.rawValue, event.action, event.entity, event.entityId,
                    event.note ?? "",
                ]
            }
            print(Terminal.table(["ID", "TIME", "ACTOR", "ROLE", "ACTION", "ENTITY", "ENTITY ID", "NOTE"], rows))
            if events.count < total { Terminal.note("events \(offset + 1)–\(offset + events.count) of \(total); --offset \(offset + events.count) for more") }
        }
    }
}

struct AuditPageView: Encodable {
    var total: Int
    var offset: Int
    var events: [AuditEventView]
}

/// JSON form of an audit event: ids as strings, the before/after snapshots as JSON values (not text).
struct AuditEventView: Encodable {
    var id: String
    var time: String
    var actor: String
    var role: String
    var action: String
    var entity: String
    var entityId: String
    var before: JSONValue?
    var after: JSONValue?
    var note: String?

    init(_ event: AuditEvent) {
        id = event.id.map(String.init) ?? ""
        time = Timestamp.text(event.time)
        actor = event.actor
        role = event.role.rawValue
        action = event.action
        entity = event.entity
        entityId = event.entityId
        before = event.before.map(JSONValue.init(text:))
        after = event.after.map(JSONValue.init(text:))
        note = event.note
    }
}

/// Any JSON value, to embed stored JSON text in the output as it is. Integers stay exact (no Double
/// round trip); text that is not JSON is kept as a string.
indirect enum JSONValue: Codable {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(text: String) {
        self = (try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))) ?? .string(text)
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}
