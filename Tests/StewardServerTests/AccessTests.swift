import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import StewardServer
import Testing
import Workspace

@Suite("Access, limits and CORS")
struct AccessTests {
    @Test("anonymous reads default on for loopback binds only")
    func anonymousDefault() {
        let directory = URL(fileURLWithPath: "/tmp/unused")
        #expect(ServerConfiguration(host: "127.0.0.1", dataDirectory: directory).allowsAnonymousRead)
        #expect(ServerConfiguration(host: "localhost", dataDirectory: directory).allowsAnonymousRead)
        #expect(ServerConfiguration(host: "::1", dataDirectory: directory).allowsAnonymousRead)
        #expect(!ServerConfiguration(host: "0.0.0.0", dataDirectory: directory).allowsAnonymousRead)
        #expect(!ServerConfiguration(host: "10.1.2.3", dataDirectory: directory).allowsAnonymousRead)
        #expect(ServerConfiguration(host: "0.0.0.0", dataDirectory: directory, anonymousRead: true).allowsAnonymousRead)
        #expect(!ServerConfiguration(host: "127.0.0.1", dataDirectory: directory, anonymousRead: false).allowsAnonymousRead)
    }

    @Test("with anonymous reads off, reads need a valid token; health stays open")
    func readsNeedToken() async throws {
        let server = try TestServer(anonymousRead: false)
        try await server.test { client in
            try await client.execute(uri: "/api/v1/concepts/22298006", method: .get) {
                #expect($0.status == .unauthorized)
                #expect($0.headers[.wwwAuthenticate] == "Bearer realm=\"steward\"")
                #expect(($0.object["message"] as? String)?.contains("requires a bearer token for reads") == true)
            }
            try await client.execute(uri: "/api/v1/concepts/22298006", method: .get, headers: server.auth(.viewer)) {
                #expect($0.status == .ok)
            }
            try await client.execute(uri: "/api/v1/concepts/22298006", method: .get, headers: [.authorization: "Bearer not-a-token"]) {
                #expect($0.status == .unauthorized)
                #expect($0.object["message"] as? String == "unknown token")
            }
            try await client.execute(uri: "/api/v1/concepts/22298006", method: .get, headers: [.authorization: "Basic dXNlcjpwdw=="]) {
                #expect($0.status == .unauthorized)
                #expect(($0.object["message"] as? String)?.contains("unsupported Authorization scheme") == true)
            }
            for path in ["/health", "/ready", "/metrics", "/api/v1/openapi.json"] {
                try await client.execute(uri: path, method: .get) { #expect($0.status == .ok) }
            }
        }
    }

    @Test("a bad or revoked token is refused even where anonymous reads are allowed")
    func badTokenRefused() async throws {
        let server = try TestServer(anonymousRead: true)
        let admin = try server.services.workspace.authenticate(secret: server.tokens[.admin]!)
        let viewerToken = try server.services.workspace.tokens(by: admin).first { $0.role == .viewer }!
        _ = try server.services.workspace.revokeToken(viewerToken.id, by: admin)
        try await server.test { client in
            try await client.execute(uri: "/api/v1/releases", method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/api/v1/releases", method: .get, headers: [.authorization: "Bearer wrong"]) {
                #expect($0.status == .unauthorized)
            }
            try await client.execute(uri: "/api/v1/releases", method: .get, headers: server.auth(.viewer)) {
                #expect($0.status == .unauthorized)
                #expect(($0.object["message"] as? String)?.contains("was revoked") == true)
            }
        }
    }

    @Test("bodies over the limit get 413, by Content-Length or while streaming")
    func bodyLimit() async throws {
        let server = try TestServer(maxBodySize: 1000)
        let large = ByteBuffer(string: #"{"expression": "\#(String(repeating: " ", count: 2000))<< 404684003"}"#)
        try await server.test { client in
            try await client.execute(uri: "/api/v1/ecl", method: .post, headers: [.contentType: "application/json"], body: large) {
                #expect($0.status == .contentTooLarge)
                #expect(($0.object["message"] as? String)?.contains("larger than") == true)
            }
            let small = ByteBuffer(string: #"{"expression": "<< 404684003", "release": "INT-20250101", "limit": 1}"#)
            try await client.execute(uri: "/api/v1/ecl", method: .post, headers: [.contentType: "application/json"], body: small) {
                #expect($0.status == .ok)
                #expect($0.object["total"] as? Int == 48)
            }
        }
    }

    @Test("CORS headers only for configured origins")
    func cors() async throws {
        let server = try TestServer(corsOrigins: ["https://tools.example.no"])
        try await server.test { client in
            try await client.execute(uri: "/api/v1/releases", method: .get, headers: [.origin: "https://tools.example.no"]) {
                #expect($0.headers[.accessControlAllowOrigin] == "https://tools.example.no")
            }
            try await client.execute(uri: "/api/v1/releases", method: .get, headers: [.origin: "https://evil.example.com"]) {
                #expect($0.headers[.accessControlAllowOrigin] == nil)
            }
            try await client.execute(
                uri: "/api/v1/refsets", method: .options,
                headers: [.origin: "https://tools.example.no", .accessControlRequestMethod: "POST"]
            ) {
                #expect($0.headers[.accessControlAllowOrigin] == "https://tools.example.no")
                #expect($0.headers[.accessControlAllowHeaders]?.lowercased().contains("authorization") == true)
                #expect($0.headers[.accessControlAllowMethods]?.contains("POST") == true)
            }
        }
    }
}
