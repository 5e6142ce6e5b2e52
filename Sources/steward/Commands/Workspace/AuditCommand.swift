import ArgumentParser
import Foundation
import Workspace
import StewardViews

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
