import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import StewardServer
import Testing
import Workspace

/// One call of a route, built fresh for each caller so that the allowed callers' calls succeed.
struct PreparedCall {
    var method: HTTPRequest.Method
    var uri: String
    var json: Any? = nil
    var raw: String? = nil
    var ifMatch: String? = nil
}

/// A route that needs more than read access, with how to call it validly.
struct ProtectedRoute: Sendable, CustomTestStringConvertible {
    var route: String
    var minimum: Role
    var success: HTTPResponse.Status = .ok
    /// Sets up what the call needs (directly in the workspace) and builds it; `tag` makes names unique.
    var prepare: @Sendable (TestServer, Caller, String) throws -> PreparedCall

    var testDescription: String { "\(route) needs \(minimum.rawValue)" }

    /// The workspace user behind a caller's token (the author's for callers without one).
    static func user(_ caller: Caller) -> WorkspaceUser {
        if case .role(let role) = caller, role >= .author { return WorkspaceUser(name: "\(role.rawValue)-user", role: role) }
        return WorkspaceUser(name: "author-user", role: .author)
    }

    static let all: [ProtectedRoute] = [
        ProtectedRoute(route: "POST /api/v1/refsets", minimum: .author, success: .created) { _, _, tag in
            PreparedCall(method: .post, uri: "/api/v1/refsets", json: ["name": "Liste \(tag)", "release": "INT-20250201"])
        },
        ProtectedRoute(route: "PATCH /api/v1/refsets/{id}", minimum: .author) { server, _, tag in
            let refset = try server.makeRefset("Patch \(tag)")
            return PreparedCall(method: .patch, uri: "/api/v1/refsets/\(refset.id)", json: ["description": "changed"], ifMatch: "\"\(refset.version)\"")
        },
        ProtectedRoute(route: "POST /api/v1/refsets/{id}/members", minimum: .author) { server, _, tag in
            let refset = try server.makeRefset("Add \(tag)", members: [])
            return PreparedCall(method: .post, uri: "/api/v1/refsets/\(refset.id)/members", json: ["conceptIds": ["22298006"]])
        },
        ProtectedRoute(route: "DELETE /api/v1/refsets/{id}/members", minimum: .author) { server, _, tag in
            let refset = try server.makeRefset("Remove \(tag)")
            return PreparedCall(method: .delete, uri: "/api/v1/refsets/\(refset.id)/members", json: ["conceptIds": ["22298006"]])
        },
        ProtectedRoute(route: "POST /api/v1/refsets/{id}/import", minimum: .author) { server, _, tag in
            let refset = try server.makeRefset("Import \(tag)", members: [])
            return PreparedCall(method: .post, uri: "/api/v1/refsets/\(refset.id)/import", raw: "conceptId,term\r\n22298006,Myocardial infarction\r\n")
        },
        ProtectedRoute(route: "POST /api/v1/refsets/{id}/versions", minimum: .reviewer, success: .created) { server, _, tag in
            let refset = try server.makeRefset("Publish \(tag)")
            return PreparedCall(method: .post, uri: "/api/v1/refsets/\(refset.id)/versions", json: ["effectiveTime": "20250301"])
        },
        ProtectedRoute(route: "POST /api/v1/refsets/{id}/migration", minimum: .author) { server, _, tag in
            let refset = try server.makeRefset("Migrate \(tag)", release: "INT-20250101")
            return PreparedCall(method: .post, uri: "/api/v1/refsets/\(refset.id)/migration", json: ["to": "INT-20250201"], ifMatch: "\"\(refset.version)\"")
        },
        ProtectedRoute(route: "POST /api/v1/refsets/files", minimum: .author) { _, _, tag in
            let content: [String: Any] = [
                "name": "Fil \(tag)", "module": "51000202101", "language": "nb", "kind": "extensional", "members": [["id": "22298006"]],
            ]
            return PreparedCall(
                method: .post, uri: "/api/v1/refsets/files", json: ["files": [["name": "fil.json", "content": content]], "release": "INT-20250201"])
        },
        ProtectedRoute(route: "POST /api/v1/requests", minimum: .author, success: .created) { _, _, _ in
            PreparedCall(method: .post, uri: "/api/v1/requests", json: otherRequestDocument)
        },
        ProtectedRoute(route: "PUT /api/v1/requests/{id}", minimum: .author) { server, caller, _ in
            let request = try server.makeRequest(by: user(caller))
            var document = otherRequestDocument
            document["summary"] = "Add a better text definition"
            return PreparedCall(method: .put, uri: "/api/v1/requests/\(request.id)", json: document, ifMatch: "\"\(request.version)\"")
        },
        ProtectedRoute(route: "POST /api/v1/requests/{id}/transition", minimum: .author) { server, caller, _ in
            let request = try server.makeRequest(by: user(caller))
            return PreparedCall(
                method: .post, uri: "/api/v1/requests/\(request.id)/transition", json: ["status": "submitted"], ifMatch: "\"\(request.version)\"")
        },
        ProtectedRoute(route: "POST /api/v1/requests/{id}/comments", minimum: .author, success: .created) { server, _, _ in
            let request = try server.makeRequest(by: user(.role(.author)))
            return PreparedCall(method: .post, uri: "/api/v1/requests/\(request.id)/comments", json: ["text": "Seen in 40 GP systems"])
        },
        ProtectedRoute(route: "POST /api/v1/requests/{id}/assign", minimum: .reviewer) { server, _, _ in
            let request = try server.makeRequest(by: user(.role(.author)))
            return PreparedCall(method: .post, uri: "/api/v1/requests/\(request.id)/assign", json: ["assignee": "rita"])
        },
        ProtectedRoute(route: "POST /api/v1/tokens", minimum: .admin, success: .created) { _, _, tag in
            PreparedCall(method: .post, uri: "/api/v1/tokens", json: ["user": "new-\(tag)", "role": "viewer", "label": "tests"])
        },
        ProtectedRoute(route: "DELETE /api/v1/tokens/{id}", minimum: .admin) { server, _, tag in
            let (token, _) = try server.services.workspace.createToken(for: "old-\(tag)", role: .viewer, by: TestServer.admin)
            return PreparedCall(method: .delete, uri: "/api/v1/tokens/\(token.id)")
        },
        ProtectedRoute(route: "PUT /api/v1/workspace/settings", minimum: .admin) { server, _, _ in
            let version = try server.services.workspace.settings().version
            return PreparedCall(
                method: .put, uri: "/api/v1/workspace/settings",
                json: ["namespace": "1000202", "countryCode": "NO", "moduleId": "51000202101", "language": "nn"], ifMatch: "\"\(version)\"")
        },
        ProtectedRoute(route: "POST /api/v1/workspace/backup", minimum: .admin) { _, _, _ in
            PreparedCall(method: .post, uri: "/api/v1/workspace/backup")
        },
        // Reads that are not open to every reader.
        ProtectedRoute(route: "GET /api/v1/tokens", minimum: .admin) { _, _, _ in PreparedCall(method: .get, uri: "/api/v1/tokens") },
        ProtectedRoute(route: "GET /api/v1/workspace/check", minimum: .admin) { _, _, _ in PreparedCall(method: .get, uri: "/api/v1/workspace/check") },
        ProtectedRoute(route: "GET /api/v1/audit", minimum: .viewer) { _, _, _ in PreparedCall(method: .get, uri: "/api/v1/audit") },
    ]
}

@Suite("Workspace routes: access per role")
struct WorkspaceAccessTests {
    @Test("anonymous and bad tokens get 401, too low a role 403 (nothing written), the role and above succeed", arguments: ProtectedRoute.all)
    func accessMatrix(_ route: ProtectedRoute) async throws {
        let server = try TestServer()
        try server.configureWorkspace()
        try await server.test { client in
            let api = WorkspaceAPI(client: client, server: server)
            for caller in Caller.all {
                let call = try route.prepare(server, caller, caller.description)
                let before = try server.auditCount()
                let response = try await api.call(call.method, call.uri, as: caller, json: call.json, raw: call.raw, ifMatch: call.ifMatch)
                let expected = caller.expectedStatus(minimum: route.minimum, success: route.success)
                #expect(response.status == expected, "\(route.route) as \(caller): \(response.text)")
                if expected == .unauthorized {
                    #expect(response.headers[.wwwAuthenticate] == "Bearer realm=\"steward\"")
                }
                if expected.code >= 400 {
                    #expect(try server.auditCount() == before, "\(route.route) as \(caller) wrote an audit event although it was refused")
                    #expect(response.object["status"] as? Int == expected.code)
                }
            }
        }
    }

    @Test("every workspace write route is in the access matrix")
    func matrixCoversEveryWriteRoute() throws {
        let server = try TestServer()
        let router = buildRouter(server.services)
        let writes = Set(
            router.routes.compactMap { route -> String? in
                let path = "/" + route.path.description.drop { $0 == "/" }.replacingOccurrences(of: ":", with: "")
                guard route.method != .get, path.hasPrefix("/api/v1/"), route.method != .post || path != "/api/v1/ecl" else { return nil }
                return "\(route.method.rawValue) \(path)"
            })
        let covered = Set(ProtectedRoute.all.map(\.route))
        #expect(writes.subtracting(covered).sorted() == [])
    }

    @Test("the OpenAPI document gives each workspace write its role, body and precondition errors")
    func openAPIDocumentsWrites() throws {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.data)) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: [String: [String: Any]]])
        let patch = try #require(paths["/api/v1/refsets/{id}"]?["patch"])
        #expect(patch["description"] as? String == "Requires a token with at least the author role.")
        #expect(patch["requestBody"] != nil)
        let responses = try #require(patch["responses"] as? [String: Any])
        #expect(Set(responses.keys).isSuperset(of: ["200", "400", "401", "403", "404", "409", "412", "413", "428"]))
        let create = try #require(paths["/api/v1/refsets"]?["post"]?["responses"] as? [String: Any])
        #expect(create["201"] != nil && create["200"] == nil)
        let upload = try #require(paths["/api/v1/refsets/{id}/import"]?["post"]?["requestBody"] as? [String: Any])
        #expect((upload["content"] as? [String: Any])?.keys.first == "text/plain")
        #expect(paths["/api/v1/tokens/{id}"]?["delete"]?["description"] as? String == "Requires a token with at least the admin role.")
    }
}
