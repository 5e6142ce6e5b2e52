import Foundation
import GRDB
import TerminologyStore

extension Workspace {
    /// Creates a draft request owned by `user`, after validating it against `release` (the release it is bound
    /// to; structural checks only when nil). Author role or higher.
    public func createRequest(_ content: RequestContent, release: ReleaseStore?, by user: WorkspaceUser) throws -> ChangeRequest {
        try user.require(.author, to: "create request")
        try RequestValidator(release: release).validate(content)
        return try perform(user, "create", on: "request", requires: .author) { db, audit in
            let now = Self.requestNow()
            let encoded = try Self.encodedContent(content)
            try db.execute(
                sql: """
                    INSERT INTO change_request (type, status, summary, topic, use_case, "references", organisation, local_code, local_term, namespace,
                    notes, payload, requester, release, version, created_at, created_by, updated_at, updated_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)
                    """,
                arguments: [
                    content.type.rawValue, RequestStatus.draft.rawValue, content.summary, content.topic, content.useCase, encoded.references,
                    content.organisation, content.localCode, content.localTerm, content.namespace, content.notes, encoded.payload, user.name,
                    release?.info.name, Timestamp.text(now), user.name, Timestamp.text(now), user.name,
                ])
            let id = db.lastInsertedRowID
            try Self.appendStatusChange(db, id, from: nil, to: .draft, by: user, at: now, reason: nil)
            let request = try Self.loadRequest(db, id)
            try audit.record(id: id, before: ChangeRequest?.none, after: request)
            return request
        }
    }

    /// One request.
    public func request(_ id: Int64) throws -> ChangeRequest {
        try read { db in try Self.loadRequest(db, id) }
    }

    /// Replaces a request's content. Only its requester (or an admin) may, only in draft or
    /// clarification-needed, and only from the current version.
    public func updateRequest(
        _ id: Int64, content: RequestContent, expectedVersion: Int, release: ReleaseStore?, by user: WorkspaceUser
    ) throws -> ChangeRequest {
        try user.require(.author, to: "update request")
        try RequestValidator(release: release).validate(content)
        return try perform(user, "update", on: "request", requires: .author) { db, audit in
            let before = try Self.loadRequest(db, id)
            try Self.checkVersion(before, expectedVersion)
            guard user.role == .admin || user.name == before.requester else {
                throw WorkspaceError(
                    .forbidden, "\(user.name) (\(user.role.rawValue)) may not edit request \(id): only its requester (\(before.requester)) or an admin may")
            }
            guard before.status.isEditable else {
                throw WorkspaceError(
                    .illegalTransition, "request \(id) is \(before.status.rawValue): it can be edited only in draft or clarification-needed")
            }
            let now = Self.requestNow()
            let encoded = try Self.encodedContent(content)
            try db.execute(
                sql: """
                    UPDATE change_request SET type = ?, summary = ?, topic = ?, use_case = ?, "references" = ?, organisation = ?, local_code = ?,
                    local_term = ?, namespace = ?, notes = ?, payload = ?, release = ?, version = version + 1, updated_at = ?, updated_by = ?
                    WHERE id = ?
                    """,
                arguments: [
                    content.type.rawValue, content.summary, content.topic, content.useCase, encoded.references, content.organisation, content.localCode,
                    content.localTerm, content.namespace, content.notes, encoded.payload, release?.info.name ?? before.release, Timestamp.text(now),
                    user.name, id,
                ])
            let after = try Self.loadRequest(db, id)
            try audit.record(id: id, before: before, after: after)
            return after
        }
    }

    /// Moves a request to `status`, if the workflow allows `user` that move from the current status (see
    /// ``RequestWorkflow``). Rejecting and asking for clarification need a `reason`; forwarding needs the
    /// national release centre's `externalReference`.
    public func transitionRequest(
        _ id: Int64, to status: RequestStatus, expectedVersion: Int, reason: String? = nil, externalReference: String? = nil, by user: WorkspaceUser
    ) throws -> ChangeRequest {
        let reason = reason?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty
        let externalReference = externalReference?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty
        return try perform(user, "transition", on: "request", requires: .author) { db, audit in
            let before = try Self.loadRequest(db, id)
            try Self.checkVersion(before, expectedVersion)
            let allowed = RequestWorkflow.allowedTargets(from: before.status, for: user, requester: before.requester)
            guard allowed.contains(status) else {
                // A legal move this user may not make is a permission problem (403), not a state conflict.
                if let move = RequestWorkflow.transitions.first(where: { $0.from == before.status && $0.to == status }) {
                    let who = move.actor == .requester ? "its requester (\(before.requester)) or an admin" : "a reviewer or an admin"
                    throw WorkspaceError(
                        .forbidden,
                        "\(user.name) (\(user.role.rawValue)) may not move request \(id) from \(before.status.rawValue) to \(status.rawValue): only \(who) may")
                }
                let list = allowed.isEmpty ? "none" : allowed.map(\.rawValue).joined(separator: ", ")
                throw WorkspaceError(
                    .illegalTransition,
                    "request \(id) cannot go from \(before.status.rawValue) to \(status.rawValue) by \(user.name) (\(user.role.rawValue)); "
                        + "allowed from \(before.status.rawValue): \(list)")
            }
            if (status == .rejected || status == .clarificationNeeded) && reason == nil {
                throw WorkspaceError(.invalid, "moving request \(id) to \(status.rawValue) needs a reason")
            }
            if status == .forwarded && externalReference == nil {
                throw WorkspaceError(.invalid, "forwarding request \(id) needs the national release centre's external reference")
            }
            let now = Self.requestNow()
            try db.execute(
                sql: """
                    UPDATE change_request SET status = ?, external_reference = coalesce(?, external_reference), version = version + 1,
                    updated_at = ?, updated_by = ? WHERE id = ?
                    """,
                arguments: [status.rawValue, externalReference, Timestamp.text(now), user.name, id])
            try Self.appendStatusChange(db, id, from: before.status, to: status, by: user, at: now, reason: reason)
            let after = try Self.loadRequest(db, id)
            try audit.record(id: id, before: before, after: after)
            audit.note = "\(before.status.rawValue) → \(status.rawValue)" + (reason.map { ": \($0)" } ?? "")
            return after
        }
    }

    /// Assigns a request to a reviewer or author (nil unassigns). Reviewer role or higher.
    public func assignRequest(_ id: Int64, to assignee: String?, expectedVersion: Int? = nil, by user: WorkspaceUser) throws -> ChangeRequest {
        let assignee = assignee?.trimmingCharacters(in: .whitespaces).nilIfEmpty
        return try perform(user, "assign", on: "request", requires: .reviewer) { db, audit in
            let before = try Self.loadRequest(db, id)
            if let expectedVersion { try Self.checkVersion(before, expectedVersion) }
            let now = Self.requestNow()
            try db.execute(
                sql: "UPDATE change_request SET assignee = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE id = ?",
                arguments: [assignee, Timestamp.text(now), user.name, id])
            let after = try Self.loadRequest(db, id)
            try audit.record(id: id, before: before, after: after)
            return after
        }
    }

    /// Adds a comment to a request. Author role or higher; comments do not change the request's version.
    public func commentOnRequest(_ id: Int64, text: String, by user: WorkspaceUser) throws -> RequestComment {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw WorkspaceError(.invalid, "a comment on request \(id) needs text") }
        return try perform(user, "comment", on: "request", requires: .author) { db, audit in
            _ = try Self.loadRequest(db, id)
            let now = Self.requestNow()
            try db.execute(
                sql: "INSERT INTO request_comment (request_id, author, time, text) VALUES (?, ?, ?, ?)",
                arguments: [id, user.name, Timestamp.text(now), text])
            let comment = RequestComment(id: db.lastInsertedRowID, requestId: id, author: user.name, time: now, text: text)
            try audit.record(id: id, before: RequestComment?.none, after: comment)
            return comment
        }
    }

    /// The request's status history, oldest first.
    public func requestHistory(_ id: Int64) throws -> [RequestStatusChange] {
        try read { db in
            _ = try Self.loadRequest(db, id)
            return try Row.fetchAll(db, sql: "SELECT * FROM request_status_change WHERE request_id = ? ORDER BY id", arguments: [id]).map { row in
                RequestStatusChange(
                    from: (row["from_status"] as String?).flatMap(RequestStatus.init(rawValue:)), to: RequestStatus(rawValue: row["to_status"]) ?? .draft,
                    actor: row["actor"], role: Role(rawValue: row["role"]) ?? .viewer, time: Timestamp.date(row["time"]), reason: row["reason"])
            }
        }
    }

    /// The request's comments, oldest first.
    public func requestComments(_ id: Int64) throws -> [RequestComment] {
        try read { db in
            _ = try Self.loadRequest(db, id)
            return try Row.fetchAll(db, sql: "SELECT * FROM request_comment WHERE request_id = ? ORDER BY id", arguments: [id]).map { row in
                RequestComment(id: row["id"], requestId: row["request_id"], author: row["author"], time: Timestamp.date(row["time"]), text: row["text"])
            }
        }
    }

    /// Requests matching the query, in id order, with the total number that match (for paging).
    public func requests(_ query: RequestQuery) throws -> (requests: [ChangeRequest], total: Int) {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if !query.statuses.isEmpty {
            conditions.append("status IN (\(query.statuses.map { _ in "?" }.joined(separator: ", ")))")
            arguments += StatementArguments(query.statuses.map(\.rawValue))
        }
        if let type = query.type { conditions.append("type = ?"); arguments += [type.rawValue] }
        if let requester = query.requester { conditions.append("requester = ?"); arguments += [requester] }
        if let assignee = query.assignee { conditions.append("assignee = ?"); arguments += [assignee] }
        if let text = query.text, !text.isEmpty {
            let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(
                of: "_", with: "\\_")
            conditions.append("summary LIKE ? ESCAPE '\\'")
            arguments += ["%\(escaped)%"]
        }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try read { db in
            let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM change_request \(filter)", arguments: arguments) ?? 0
            let rows = try Row.fetchAll(
                db, sql: "SELECT * FROM change_request \(filter) ORDER BY id LIMIT ? OFFSET ?",
                arguments: arguments + [max(0, query.limit), max(0, query.offset)])
            return (try rows.map(Self.changeRequest), total)
        }
    }

    // MARK: - Rows

    static func loadRequest(_ db: Database, _ id: Int64) throws -> ChangeRequest {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM change_request WHERE id = ?", arguments: [id]) else {
            throw WorkspaceError.notFound("request", id)
        }
        return try changeRequest(row)
    }

    private static func changeRequest(_ row: Row) throws -> ChangeRequest {
        let id: Int64 = row["id"]
        let decoder = JSONDecoder()
        let payload: RequestPayload
        let references: [String]
        do {
            payload = try decoder.decode(RequestPayload.self, from: Data((row["payload"] as String).utf8))
            references = try decoder.decode([String].self, from: Data((row["references"] as String).utf8))
        } catch {
            throw WorkspaceError(.invalid, "request \(id) in the workspace has an unreadable payload: \(error)")
        }
        let content = RequestContent(
            summary: row["summary"], topic: row["topic"], useCase: row["use_case"], references: references, organisation: row["organisation"],
            localCode: row["local_code"], localTerm: row["local_term"], namespace: row["namespace"], notes: row["notes"], payload: payload)
        return ChangeRequest(
            id: id, status: RequestStatus(rawValue: row["status"]) ?? .draft, content: content, requester: row["requester"], assignee: row["assignee"],
            externalReference: row["external_reference"], release: row["release"], version: row["version"], createdAt: Timestamp.date(row["created_at"]),
            createdBy: row["created_by"], updatedAt: Timestamp.date(row["updated_at"]), updatedBy: row["updated_by"])
    }

    private static func encodedContent(_ content: RequestContent) throws -> (payload: String, references: String) {
        (try AuditDraft.json(content.payload), try AuditDraft.json(content.references))
    }

    private static func appendStatusChange(
        _ db: Database, _ id: Int64, from: RequestStatus?, to: RequestStatus, by user: WorkspaceUser, at time: Date, reason: String?
    ) throws {
        try db.execute(
            sql: "INSERT INTO request_status_change (request_id, from_status, to_status, actor, role, time, reason) VALUES (?, ?, ?, ?, ?, ?, ?)",
            arguments: [id, from?.rawValue, to.rawValue, user.name, user.role.rawValue, Timestamp.text(time), reason])
    }

    private static func checkVersion(_ request: ChangeRequest, _ expected: Int) throws {
        guard request.version == expected else {
            throw WorkspaceError.stale("request", request.id, expected: expected, current: request.version)
        }
    }

    /// Now, at the precision the workspace stores, so a request read back equals the one returned.
    private static func requestNow() -> Date {
        Timestamp.date(Timestamp.text(Date()))
    }
}

extension String {
    fileprivate var nilIfEmpty: String? { isEmpty ? nil : self }
}
