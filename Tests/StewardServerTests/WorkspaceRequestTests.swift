import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import StewardServer
import Testing
import Workspace

@Suite("Workspace routes: change requests")
struct WorkspaceRequestTests {
    static var newDescription: [String: Any] {
        [
            "summary": "Heart attack, acute", "useCase": "GP records", "references": ["https://example.org/x"],
            "payload": ["type": "new-description", "conceptId": "22298006", "term": "Heart attack, acute", "language": "en", "acceptability": "acceptable"],
        ]
    }

    @Test("workflow: create, If-Match update, transitions with an illegal one 409 and a role failure 403, comments, assignment, history, export, audit")
    func workflow() async throws {
        let server = try TestServer()
        try await server.test { client in
            let api = WorkspaceAPI(client: client, server: server)
            let created = try await api.call(.post, "/api/v1/requests?release=INT-20250201", as: .role(.author), json: Self.newDescription)
            #expect(created.status == .created)
            #expect(created.headers[.location] == "/api/v1/requests/1")
            #expect(created.headers[.eTag] == "\"1\"")
            #expect(created.object["id"] as? String == "1")
            #expect(created.object["status"] as? String == "draft")
            #expect(created.object["requester"] as? String == "author-user")
            #expect(created.object["release"] as? String == "INT-20250201")

            let invalid = try await api.call(
                .post, "/api/v1/requests", as: .role(.author),
                json: ["summary": "X", "useCase": "Y", "payload": ["type": "new-concept", "fullySpecifiedName": "No tag", "parents": ["64572001"]]])
            #expect(invalid.status == .badRequest)
            #expect(invalid.message.contains("payload.fullySpecifiedName 'No tag' has no semantic tag"))
            let badType = try await api.call(
                .post, "/api/v1/requests", as: .role(.author), json: ["summary": "X", "useCase": "Y", "payload": ["type": "rename"]])
            #expect(badType.status == .badRequest)
            #expect(badType.message.contains("field 'payload.type': unknown request type 'rename'"))

            // Conditional GET and If-Match updates.
            #expect(try await api.call(.get, "/api/v1/requests/1", as: .anonymous, headers: [.ifNoneMatch: "\"1\""]).status == .notModified)
            var changed = Self.newDescription
            changed["topic"] = "Cardiology"
            #expect(try await api.call(.put, "/api/v1/requests/1", as: .role(.author), json: changed).status == .preconditionRequired)
            let updated = try await api.call(.put, "/api/v1/requests/1", as: .role(.author), json: changed, ifMatch: "\"1\"")
            #expect(updated.status == .ok)
            #expect(updated.headers[.eTag] == "\"2\"")
            #expect((updated.object["content"] as? [String: Any])?["topic"] as? String == "Cardiology")
            let notRequester = try await api.call(.put, "/api/v1/requests/1", as: .role(.reviewer), json: changed, ifMatch: "\"2\"")
            #expect(notRequester.status == .forbidden)
            #expect(notRequester.message.contains("only its requester (author-user) or an admin may"))

            // Transitions: If-Match required, stale 412, illegal 409 naming the allowed moves.
            let transition = "/api/v1/requests/1/transition"
            #expect(try await api.call(.post, transition, as: .role(.author), json: ["status": "submitted"]).status == .preconditionRequired)
            let stale = try await api.call(.post, transition, as: .role(.author), json: ["status": "submitted"], ifMatch: "\"1\"")
            #expect(stale.status == .preconditionFailed)
            #expect(stale.object["currentVersion"] as? Int == 2)
            let submitted = try await api.call(.post, transition, as: .role(.author), json: ["status": "submitted"], ifMatch: "\"2\"")
            #expect(submitted.status == .ok)
            #expect(submitted.object["status"] as? String == "submitted")
            #expect(submitted.headers[.eTag] == "\"3\"")
            let illegal = try await api.call(.post, transition, as: .role(.author), json: ["status": "released"], ifMatch: "\"3\"")
            #expect(illegal.status == .conflict)
            #expect(illegal.message == "request 1 cannot go from submitted to released by author-user (author); allowed from submitted: withdrawn")
            // A legal move the author's role does not allow: 403, and nothing changes.
            let reviewerOnly = try await api.call(.post, transition, as: .role(.author), json: ["status": "under-review"], ifMatch: "\"3\"")
            #expect(reviewerOnly.status == .forbidden)
            #expect(reviewerOnly.message == "author-user (author) may not move request 1 from submitted to under-review: only a reviewer or an admin may")
            let unknownStatus = try await api.call(.post, transition, as: .role(.author), json: ["status": "done"], ifMatch: "\"3\"")
            #expect(unknownStatus.status == .badRequest)
            #expect(unknownStatus.message.hasPrefix("field 'status': unknown request status 'done'"))
            #expect(try await api.call(.post, transition, as: .role(.reviewer), json: ["status": "under-review"], ifMatch: "\"3\"").status == .ok)
            let noReason = try await api.call(.post, transition, as: .role(.reviewer), json: ["status": "rejected"], ifMatch: "\"4\"")
            #expect(noReason.status == .badRequest)
            #expect(noReason.message == "moving request 1 to rejected needs a reason")

            // Comments (no version change), assignment, history.
            let comment = try await api.call(.post, "/api/v1/requests/1/comments", as: .role(.reviewer), json: ["text": "Seen in 40 GP systems"])
            #expect(comment.status == .created)
            #expect(comment.object["author"] as? String == "reviewer-user")
            #expect(try await api.call(.post, "/api/v1/requests/1/comments", as: .role(.author), json: ["text": "  "]).status == .badRequest)
            let comments = try await api.call(.get, "/api/v1/requests/1/comments", as: .anonymous)
            #expect(comments.items.map { $0["text"] as? String } == ["Seen in 40 GP systems"])
            let assigned = try await api.call(.post, "/api/v1/requests/1/assign", as: .role(.reviewer), json: ["assignee": "rita"], ifMatch: "\"4\"")
            #expect(assigned.status == .ok)
            #expect(assigned.object["assignee"] as? String == "rita")
            #expect(assigned.headers[.eTag] == "\"5\"")
            let staleAssign = try await api.call(.post, "/api/v1/requests/1/assign", as: .role(.reviewer), json: ["assignee": NSNull()], ifMatch: "\"4\"")
            #expect(staleAssign.status == .preconditionFailed)
            let history = try await api.call(.get, "/api/v1/requests/1/history", as: .anonymous)
            #expect(history.items.map { $0["to"] as? String } == ["draft", "submitted", "under-review"])
            #expect(history.items.map { $0["actor"] as? String } == ["author-user", "author-user", "reviewer-user"])
            let detail = try await api.call(.get, "/api/v1/requests/1/detail", as: .anonymous)
            #expect((detail.object["history"] as? [Any])?.count == 3)
            #expect((detail.object["comments"] as? [Any])?.count == 1)
            #expect(detail.object["assignee"] as? String == "rita")

            // A second request by someone else, then the list filters of `steward request list`.
            let second = try await api.call(.post, "/api/v1/requests?submit=true", as: .role(.reviewer), json: otherRequestDocument)
            #expect(second.object["status"] as? String == "submitted")
            let underReview = try await api.call(.get, "/api/v1/requests?status=under-review,submitted&requester=author-user", as: .anonymous)
            #expect(underReview.object["total"] as? Int == 1)
            #expect(underReview.items.first?["id"] as? String == "1")
            let paged = try await api.call(.get, "/api/v1/requests?limit=1&offset=1", as: .anonymous)
            #expect(paged.object["total"] as? Int == 2)
            #expect(paged.items.map { $0["id"] as? String } == ["2"])
            #expect(try await api.call(.get, "/api/v1/requests?type=other&text=definition", as: .anonymous).object["total"] as? Int == 1)
            #expect(try await api.call(.get, "/api/v1/requests?status=finished", as: .anonymous).status == .badRequest)

            // Export for the national release centre.
            let csv = try await api.call(.get, "/api/v1/requests/export?format=csv&requester=author-user", as: .anonymous)
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            let rows = csv.text.components(separatedBy: "\r\n")
            #expect(rows.count == 3)
            #expect(rows[0].hasPrefix("Request Id,Request Type,Topic,Summary,Concept Id"))
            #expect(rows[1].hasPrefix("1,New Description,Cardiology,\"Heart attack, acute\",22298006,"))
            let tsv = try await api.call(.get, "/api/v1/requests/export?format=tsv", as: .anonymous)
            #expect(tsv.text.split(separator: "\n").count == 3)
            let json = try await api.call(.get, "/api/v1/requests/export?format=json", as: .anonymous)
            #expect(json.array.count == 2)
            #expect(((json.array.first as? [String: Any])?["comments"] as? [Any])?.count == 1)

            // The audit log shows the token users.
            let audit = try await api.call(.get, "/api/v1/audit?entity=request&entityId=1", as: .role(.viewer))
            let events = audit.object["events"] as? [[String: Any]] ?? []
            #expect(events.map { $0["action"] as? String } == ["assign", "comment", "transition", "transition", "update", "create"])
            #expect(events.map { $0["actor"] as? String } == ["reviewer-user", "reviewer-user", "reviewer-user", "author-user", "author-user", "author-user"])
            #expect(events[2]["note"] as? String == "submitted → under-review")
        }
    }

    @Test("unknown requests are 404, bad ids 400; release tracking lists satisfied requests")
    func lookupsAndTracking() async throws {
        let server = try TestServer()
        try await server.test { client in
            let api = WorkspaceAPI(client: client, server: server)
            let missing = try await api.call(.get, "/api/v1/requests/42", as: .anonymous)
            #expect(missing.status == .notFound)
            #expect(missing.message == "no request 42 in the workspace")
            #expect(try await api.call(.get, "/api/v1/requests/42/history", as: .anonymous).status == .notFound)
            #expect(try await api.call(.post, "/api/v1/requests/42/comments", as: .role(.author), json: ["text": "x"]).status == .notFound)
            let bad = try await api.call(.get, "/api/v1/requests/first", as: .anonymous)
            #expect(bad.status == .badRequest)
            #expect(bad.message.contains("(id) is not a request id"))

            // Made while the January release was current, asking for what February does: 9900021000202108 inactive.
            let store = try server.services.releases.release("INT-20250101").engines.store
            let request = try server.services.workspace.createRequest(
                RequestContent(
                    summary: "Retire Myocardial infarct", useCase: "Duplicate",
                    payload: .inactivateConcept(
                        .init(
                            conceptId: 9900021000202108, reason: .duplicate, association: .sameAs, targets: [22298006]))),
                release: store, by: WorkspaceUser(name: "ada", role: .author))
            let satisfied = try await api.call(.get, "/api/v1/requests/satisfied?release=INT-20250201", as: .anonymous)
            #expect(satisfied.status == .ok)
            #expect(satisfied.object["release"] as? String == "INT-20250201")
            #expect(satisfied.items.map { ($0["request"] as? [String: Any])?["id"] as? String } == [String(request.id)])
            #expect((satisfied.items.first?["explanation"] as? String)?.hasPrefix("concept 9900021000202108 is inactive in INT-20250201") == true)
            let january = try await api.call(.get, "/api/v1/requests/satisfied?release=INT-20250101", as: .anonymous)
            #expect(january.items.isEmpty)
        }
    }
}

@Suite("Workspace routes: tokens and settings")
struct WorkspaceAdministrationTests {
    @Test("tokens: the secret is shown once, works, and stops working when revoked")
    func tokens() async throws {
        let server = try TestServer()
        try await server.test { client in
            let api = WorkspaceAPI(client: client, server: server)
            let created = try await api.call(.post, "/api/v1/tokens", json: ["user": "ada", "role": "author", "label": "laptop"])
            #expect(created.status == .created)
            #expect(created.headers[.cacheControl] == "no-store")
            let secret = try #require(created.object["secret"] as? String)
            let token = try #require(created.object["token"] as? [String: Any])
            #expect(token["user"] as? String == "ada")
            #expect(token["createdBy"] as? String == "admin-user")
            #expect(token["active"] as? Bool == true)
            let id = try #require(token["id"] as? String)

            let list = try await api.call(.get, "/api/v1/tokens")
            #expect(list.items.first?["id"] as? String == id)
            #expect(!list.text.contains(secret))

            let authorised: HTTPFields = [.authorization: "Bearer \(secret)"]
            let asAda = try await client.execute(
                uri: "/api/v1/requests", method: .post, headers: authorised,
                body: ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: otherRequestDocument)))
            #expect(asAda.status == .created)
            #expect(asAda.object["requester"] as? String == "ada")

            let badRole = try await api.call(.post, "/api/v1/tokens", json: ["user": "bob", "role": "owner"])
            #expect(badRole.status == .badRequest)
            #expect(badRole.message.hasPrefix("field 'role': unknown role 'owner'"))

            let revoked = try await api.call(.delete, "/api/v1/tokens/\(id)")
            #expect(revoked.status == .ok)
            #expect(revoked.object["active"] as? Bool == false)
            let refused = try await client.execute(uri: "/api/v1/refsets", method: .get, headers: authorised)
            #expect(refused.status == .unauthorized)
            #expect(try await api.call(.delete, "/api/v1/tokens/\(id)").message == "token \(id) is already revoked")
            #expect(try await api.call(.delete, "/api/v1/tokens/999").status == .notFound)

            let audit = try await api.call(.get, "/api/v1/audit?entity=token&entityId=\(id)", as: .role(.viewer))
            #expect((audit.object["events"] as? [[String: Any]])?.map { $0["action"] as? String } == ["revoke", "create"])
        }
    }

    @Test("settings: If-Match required, stale 412, validation names the field; check and backup")
    func settingsCheckAndBackup() async throws {
        let server = try TestServer()
        try await server.test { client in
            let api = WorkspaceAPI(client: client, server: server)
            let body: [String: Any] = ["namespace": "1000202", "countryCode": "NO", "moduleId": "51000202101", "language": "nb"]
            #expect(try await api.call(.put, "/api/v1/workspace/settings", json: body, ifMatch: "\"1\"").status == .ok)
            let stale = try await api.call(.put, "/api/v1/workspace/settings", json: body, ifMatch: "\"1\"")
            #expect(stale.status == .preconditionFailed)
            #expect(stale.object["currentVersion"] as? Int == 2)
            #expect(stale.headers[.eTag] == "\"2\"")
            let invalid = try await api.call(.put, "/api/v1/workspace/settings", json: ["namespace": "12", "language": "nb"], ifMatch: "\"2\"")
            #expect(invalid.status == .badRequest)
            #expect(invalid.message.hasPrefix("namespace 12 is not a 7-digit SNOMED CT namespace identifier"))
            let current = try await api.call(.get, "/api/v1/workspace/settings", as: .anonymous)
            #expect(current.object["namespace"] as? String == "1000202")
            #expect(current.headers[.eTag] == "\"2\"")

            let check = try await api.call(.get, "/api/v1/workspace/check")
            #expect(check.object["status"] as? String == "ok")
            let backup = try await api.call(.post, "/api/v1/workspace/backup")
            #expect(backup.status == .ok)
            #expect(backup.headers[.contentType] == "application/vnd.sqlite3")
            #expect(String(decoding: backup.body.readableBytesView.prefix(15), as: UTF8.self) == "SQLite format 3")
        }
    }
}
