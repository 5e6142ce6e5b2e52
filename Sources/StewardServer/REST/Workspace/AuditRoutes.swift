import Foundation
import Hummingbird
import Workspace
import StewardViews

/// `/api/v1/audit`: who changed what in the workspace, newest first. Like `steward audit`, it needs a token
/// (any role): anonymous readers do not see who did what.
struct AuditRoutes: Sendable {
    let services: ServerServices

    func register(on api: RouterGroup<StewardRequestContext>) {
        api.add(.get, "audit", .role(.viewer)) { request, _ in
            let paging = try Paging(request, defaultLimit: 50, maximumLimit: 10_000)
            let since = try request.queryTime("since")
            let until = try request.queryTime("until", endOfDay: true)
            if let since, let until, until <= since {
                throw APIError.badRequest("parameter 'until' (\(Timestamp.text(until))) must be after 'since' (\(Timestamp.text(since)))")
            }
            let query = AuditQuery(
                entity: request.query("entity"), entityId: request.query("entityId") ?? request.query("id"),
                actor: request.query("user") ?? request.query("actor"), action: request.query("action"), since: since, until: until,
                limit: paging.limit, offset: paging.offset)
            let (events, total) = try services.workspace.auditEvents(query)
            return try WorkspaceResponse.json(AuditPageView(total: total, offset: paging.offset, events: events.map(AuditEventView.init)))
        }
    }
}
