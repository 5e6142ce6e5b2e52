import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import StewardServer
import Testing

@Suite("Operations routes")
struct OperationsRouteTests {
    @Test("health and ready answer; ready lists the releases")
    func healthAndReady() async throws {
        let server = try TestServer()
        try await server.test { client in
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.object["status"] as? String == "ok")
            }
            try await client.execute(uri: "/ready", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.object["releases"] as? [String] == ["INT-20250101", "INT-20250201", "NO-20250215"])
            }
        }
    }

    @Test("ready is 503 without releases")
    func notReadyWithoutReleases() async throws {
        let server = try TestServer(releases: false)
        try await server.test { client in
            try await client.execute(uri: "/ready", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(response.object["problems"] as? [String] == ["no releases imported"])
            }
        }
    }

    @Test("metrics count requests per route pattern and report store sizes")
    func metrics() async throws {
        let server = try TestServer()
        try await server.test { client in
            for _ in 0..<3 {
                try await client.execute(uri: "/api/v1/concepts/22298006", method: .get) { #expect($0.status == .ok) }
            }
            try await client.execute(uri: "/api/v1/concepts/22298007", method: .get) { #expect($0.status == .badRequest) }
            try await client.execute(uri: "/metrics", method: .get) { response in
                let text = response.text
                #expect(text.contains(#"steward_http_requests_total{method="GET",route="/api/v1/concepts/{id}",status="200"} 3"#))
                #expect(text.contains(#"steward_http_requests_total{method="GET",route="/api/v1/concepts/{id}",status="400"} 1"#))
                #expect(text.contains("steward_http_request_duration_seconds_bucket"))
                #expect(text.contains(#"steward_release_concepts_total{release="INT-20250101"}"#))
                #expect(text.contains(#"steward_store_size_bytes{kind="workspace",name="workspace"}"#))
            }
        }
    }

    @Test("unknown routes get a JSON 404; FHIR errors are OperationOutcomes")
    func unknownRoutes() async throws {
        let server = try TestServer()
        try await server.test { client in
            try await client.execute(uri: "/api/v1/nothing-here", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.object["status"] as? Int == 404)
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
            }
            try await client.execute(uri: "/fhir/Nothing", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.object["resourceType"] as? String == "OperationOutcome")
            }
        }
    }

    @Test("every registered route is in the OpenAPI document, and the document lists no route that does not exist")
    func openAPICoverage() async throws {
        let server = try TestServer()
        let router = buildRouter(server.services)
        let registered = Set(
            router.routes.map { route -> String in
                let path = route.path.description
                let openAPIPath = (path.hasPrefix("/") ? path : "/" + path).replacingOccurrences(of: ":", with: "")
                return "\(route.method.rawValue) \(openAPIPath)"
            })
        let documented = OpenAPIDocument.documentedRoutes
        #expect(registered.subtracting(documented).sorted() == [])
        #expect(documented.subtracting(registered).sorted() == [])
        #expect(registered.count > 20)
        try await server.test { client in
            try await client.execute(uri: "/api/v1/openapi.json", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.object["openapi"] as? String == "3.1.0")
                let paths = response.object["paths"] as? [String: Any] ?? [:]
                #expect(paths["/api/v1/concepts/{id}"] != nil)
            }
        }
    }
}
