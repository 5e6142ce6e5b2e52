import Foundation
import Hummingbird
import TerminologyStore
import Workspace

/// `/api/v1/requests...`: change requests — listing, writing, the review workflow, comments, assignment,
/// history, the export for the national release centre and release tracking.
struct RequestRoutes: Sendable {
    let services: ServerServices

    enum ExportFormat: String, Sendable, CaseIterable { case csv, tsv, json }

    func register(on api: RouterGroup<StewardRequestContext>) {
        registerCollection(on: api)
        registerRequest(on: api)
        registerWorkflow(on: api)
    }

    /// List, create, export for the national centre, and the requests a release satisfies.
    private func registerCollection(on api: RouterGroup<StewardRequestContext>) {
        api.add(.get, "requests", .read) { request, _ in
            let paging = try Paging(request, defaultLimit: 100, maximumLimit: 1000)
            let (requests, total) = try services.workspace.requests(try Self.query(request, limit: paging.limit, offset: paging.offset))
            return try WorkspaceResponse.json(Page(total: total, offset: paging.offset, limit: paging.limit, items: requests))
        }

        api.add(.post, "requests", .role(.author)) { request, context in
            let user = try context.user()
            let submit = try request.queryBool("submit")
            let content = try await request.decodeJSON(RequestContent.self, context: context)
            let store = try boundRelease(request)
            let workspace = services.workspace
            var created = try workspace.createRequest(content, release: store, by: user)
            if submit {
                created = try workspace.transitionRequest(created.id, to: .submitted, expectedVersion: created.version, by: user)
            }
            return try WorkspaceResponse.versioned(created, version: created.version, status: .created, location: WorkspaceLocation.request(created.id))
        }

        api.add(.get, "requests/export", .read) { request, _ in
            let format = try request.queryEnum("format", ExportFormat.self) ?? .csv
            let workspace = services.workspace
            let requests = try Self.all(workspace, matching: try Self.query(request, limit: 1000, offset: 0))
            switch format {
            case .csv:
                return WorkspaceResponse.file(Array(RequestExporter.csv(requests).utf8), contentType: "text/csv; charset=utf-8", fileName: "requests.csv")
            case .tsv:
                return WorkspaceResponse.file(
                    Array(RequestExporter.tsv(requests).utf8), contentType: "text/tab-separated-values; charset=utf-8", fileName: "requests.tsv")
            case .json:
                let records = try requests.map { try workspace.requestRecord($0.id) }
                return WorkspaceResponse.file(try RequestExporter.json(records), contentType: JSONResponse.contentType, fileName: "requests.json")
            }
        }

        api.add(.get, "requests/satisfied", .read) { request, _ in
            let release = try services.releases.release(request.query("release"))
            let store = release.engines.store
            let workspace = services.workspace
            let found = try workspace.requestsSatisfied(by: store)
            return try WorkspaceResponse.json(
                SatisfiedRequestsView(
                    release: release.info.name, items: found.map { SatisfiedRequestsView.Item(request: $0.request, explanation: $0.explanation) }))
        }

    }

    /// One request: read, rewrite, and its full record.
    private func registerRequest(on api: RouterGroup<StewardRequestContext>) {
        api.add(.get, "requests/{id}", .read) { request, context in
            let found = try services.workspace.request(try Self.id(context))
            return try WorkspaceResponse.conditional(request, found, version: found.version)
        }

        api.add(.put, "requests/{id}", .role(.author)) { request, context in
            let user = try context.user()
            let id = try Self.id(context)
            let expected = try request.requiredIfMatch(for: "updating request \(id)")
            let content = try await request.decodeJSON(RequestContent.self, context: context)
            let store = try boundRelease(request)
            let updated = try Preconditions.check {
                try services.workspace.updateRequest(id, content: content, expectedVersion: expected, release: store, by: user)
            }
            return try WorkspaceResponse.versioned(updated, version: updated.version)
        }

        api.add(.get, "requests/{id}/detail", .read) { _, context in
            try WorkspaceResponse.json(try services.workspace.requestRecord(try Self.id(context)))
        }

    }

    /// The review workflow: status transitions, comments, assignment and history.
    private func registerWorkflow(on api: RouterGroup<StewardRequestContext>) {
        api.add(.post, "requests/{id}/transition", .role(.author)) { request, context in
            let user = try context.user()
            let id = try Self.id(context)
            let expected = try request.requiredIfMatch(for: "moving request \(id) to another status")
            let body = try await request.decodeJSON(TransitionBody.self, context: context)
            let status: RequestStatus
            do {
                status = try RequestStatus(parsing: body.status)
            } catch let error as WorkspaceError {
                throw APIError.badRequest("field 'status': \(error.message)")
            }
            let moved = try Preconditions.check {
                try services.workspace.transitionRequest(
                    id, to: status, expectedVersion: expected, reason: body.reason, externalReference: body.externalReference, by: user)
            }
            return try WorkspaceResponse.versioned(moved, version: moved.version)
        }

        api.add(.get, "requests/{id}/comments", .read) { _, context in
            try WorkspaceResponse.json(ItemList(try services.workspace.requestComments(try Self.id(context))))
        }

        api.add(.post, "requests/{id}/comments", .role(.author)) { request, context in
            let user = try context.user()
            let id = try Self.id(context)
            let body = try await request.decodeJSON(CommentBody.self, context: context)
            let comment = try services.workspace.commentOnRequest(id, text: body.text, by: user)
            return try WorkspaceResponse.json(comment, status: .created)
        }

        api.add(.post, "requests/{id}/assign", .role(.reviewer)) { request, context in
            let user = try context.user()
            let id = try Self.id(context)
            let body = try await request.decodeJSON(AssignBody.self, context: context)
            let assigned: ChangeRequest
            if let expected = try request.ifMatchVersion() {
                assigned = try Preconditions.check { try services.workspace.assignRequest(id, to: body.assignee, expectedVersion: expected, by: user) }
            } else {
                assigned = try services.workspace.assignRequest(id, to: body.assignee, by: user)
            }
            return try WorkspaceResponse.versioned(assigned, version: assigned.version)
        }

        api.add(.get, "requests/{id}/history", .read) { _, context in
            try WorkspaceResponse.json(ItemList(try services.workspace.requestHistory(try Self.id(context))))
        }
    }

    /// Every request `query` matches, read page by page.
    private static func all(_ workspace: Workspace, matching query: RequestQuery) throws -> [ChangeRequest] {
        var requests: [ChangeRequest] = []
        while true {
            var page = query
            page.offset = requests.count
            let found = try workspace.requests(page).requests
            requests += found
            if found.count < page.limit { return requests }
        }
    }

    static func id(_ context: StewardRequestContext) throws -> Int64 {
        try WorkspacePath.number(context, "id", what: "request id")
    }

    /// The release a request is checked against: `?release=`, else the newest, else none (form checks only).
    private func boundRelease(_ request: Request) throws -> ReleaseStore? {
        if let reference = request.query("release") { return try services.releases.release(reference).engines.store }
        return try services.releases.all().last?.engines.store
    }

    /// The list filters of `steward request list`: `status` (repeatable or comma-separated), `type`,
    /// `requester`, `assignee`, `text`.
    static func query(_ request: Request, limit: Int, offset: Int) throws -> RequestQuery {
        do {
            return RequestQuery(
                statuses: try request.queryAll("status").map { try RequestStatus(parsing: $0) },
                type: try request.query("type").map { try RequestType(parsing: $0) },
                requester: request.query("requester"), assignee: request.query("assignee"), text: request.query("text"), limit: limit, offset: offset)
        } catch let error as WorkspaceError {
            throw APIError.badRequest("query parameter: \(error.message)")
        }
    }
}

/// `POST /api/v1/requests/{id}/transition`.
struct TransitionBody: Decodable, Sendable {
    /// The status to move to.
    var status: String
    /// Required to reject or to ask for clarification.
    var reason: String?
    /// The national release centre's ticket id, required to forward.
    var externalReference: String?
}

/// `POST /api/v1/requests/{id}/comments`.
struct CommentBody: Decodable, Sendable {
    var text: String
}

/// `POST /api/v1/requests/{id}/assign`: the assignee's user name; null unassigns.
struct AssignBody: Decodable, Sendable {
    var assignee: String?
}

/// Open requests a release appears to satisfy, each with what was found.
struct SatisfiedRequestsView: Encodable, Sendable {
    struct Item: Encodable, Sendable {
        var request: ChangeRequest
        var explanation: String
    }

    var release: String
    var items: [Item]
}
