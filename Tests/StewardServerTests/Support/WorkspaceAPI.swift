import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import StewardServer
import Workspace

/// Who calls a route in a test.
enum Caller: CustomStringConvertible, Sendable {
    case anonymous
    /// A well-formed bearer token the workspace does not know.
    case badToken
    case role(Role)

    /// Every kind of caller, lowest rights first.
    static let all: [Caller] = [.anonymous, .badToken] + Role.allCases.map { .role($0) }

    var description: String {
        switch self {
        case .anonymous: "anonymous"
        case .badToken: "bad token"
        case .role(let role): role.rawValue
        }
    }

    /// The status a route with minimum role `minimum` answers this caller with, if the call itself is valid.
    func expectedStatus(minimum: Role, success: HTTPResponse.Status) -> HTTPResponse.Status {
        switch self {
        case .anonymous, .badToken: .unauthorized
        case .role(let role): role >= minimum ? success : .forbidden
        }
    }
}

/// A thin client for workspace routes: JSON bodies, callers, If-Match.
struct WorkspaceAPI: Sendable {
    let client: any TestClientProtocol
    let server: TestServer

    func headers(_ caller: Caller, _ extra: HTTPFields = [:]) -> HTTPFields {
        var headers = extra
        switch caller {
        case .anonymous: break
        case .badToken: headers[.authorization] = "Bearer stw_not-a-token-this-server-issued"
        case .role(let role): headers[.authorization] = "Bearer \(server.tokens[role]!)"
        }
        return headers
    }

    /// Calls `method uri`; `json` is a JSON object/array (encoded here), `raw` a body sent as it is.
    @discardableResult
    func call(
        _ method: HTTPRequest.Method, _ uri: String, as caller: Caller = .role(.admin), json: Any? = nil, raw: String? = nil,
        ifMatch: String? = nil, headers extra: HTTPFields = [:]
    ) async throws -> TestResponse {
        var headers = headers(caller, extra)
        if let ifMatch { headers[.ifMatch] = ifMatch }
        var body: ByteBuffer?
        if let json {
            body = ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: json))
            headers[.contentType] = "application/json"
        } else if let raw {
            body = ByteBuffer(string: raw)
        }
        return try await client.execute(uri: uri, method: method, headers: headers, body: body)
    }
}

extension TestServer {
    static let admin = WorkspaceUser(name: "root", role: .admin)

    /// Namespace 1000202, country NO, the Norwegian module and Bokmål, as most refset routes need them.
    func configureWorkspace() throws {
        let current = try services.workspace.settings()
        _ = try services.workspace.updateSettings(
            WorkspaceSettings(namespace: 1000202, countryCode: "NO", moduleId: 51000202101, language: "nb"), expectedVersion: current.version, by: Self.admin)
    }

    /// A refset made directly in the workspace (setup for tests of other routes).
    @discardableResult
    func makeRefset(_ name: String, release: String = "INT-20250201", members: [Int64] = [22298006], kind: RefsetKind = .extensional, ecl: String? = nil)
        throws -> LocalRefset
    {
        let store = try services.releases.release(release).engines.store
        let author = WorkspaceUser(name: "setup", role: .author)
        var refset = try services.workspace.createRefset(
            NewRefset(name: name, owner: "tests", moduleId: 51000202101, language: "nb", kind: kind, ecl: ecl, namespace: 1000202), release: store, by: author)
        if !members.isEmpty {
            refset = try services.workspace.addEntries(
                members, role: kind == .extensional ? .member : .include, to: refset.id, reason: "setup", expectedVersion: refset.version, release: store,
                by: author
            ).refset
        }
        return refset
    }

    /// A draft change request by `user`.
    func makeRequest(by user: WorkspaceUser, summary: String = "Define myocardial infarction") throws -> ChangeRequest {
        try services.workspace.createRequest(
            RequestContent(summary: summary, topic: "Definitions", useCase: "Clinicians ask for it", payload: .other(.init(details: "Define 22298006"))),
            release: nil, by: user)
    }

    /// The number of audit events in the workspace.
    func auditCount() throws -> Int {
        try services.workspace.auditEvents(AuditQuery(limit: 0)).total
    }
}

extension TestResponse {
    var array: [Any] { (json as? [Any]) ?? [] }
    var items: [[String: Any]] { (object["items"] as? [[String: Any]]) ?? [] }
    var message: String { object["message"] as? String ?? "" }
}

/// A request document for the other (free text) request type.
var otherRequestDocument: [String: Any] {
    [
        "summary": "Add a text definition", "useCase": "Clinicians ask for it", "topic": "Definitions",
        "payload": ["type": "other", "details": "Define 22298006"],
    ]
}
