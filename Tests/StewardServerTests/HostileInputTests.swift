import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import StewardServer
import Testing
import Workspace

/// What a hostile or careless client sends: deep nesting, huge inputs, control characters, invalid UTF-8,
/// wrong content types and non-ids in every id parameter. Each gets a 4xx whose message names the problem,
/// and the server keeps answering (`/health`) afterwards.
@Suite("Hostile input")
struct HostileInputTests {
    static func encoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
    }

    static func nested(_ levels: Int, _ inner: String = "<< 404684003") -> String {
        String(repeating: "(", count: levels) + inner + String(repeating: ")", count: levels)
    }

    func message(_ response: TestResponse) -> String {
        if let message = response.object["message"] as? String { return message }
        // FHIR answers with an OperationOutcome.
        let issues = response.object["issue"] as? [[String: Any]]
        return issues?.first?["diagnostics"] as? String ?? ""
    }

    func expectHealthy(_ client: some TestClientProtocol) async throws {
        try await client.execute(uri: "/health", method: .get) { #expect($0.status == .ok) }
    }

    @Test("ECL nested 10,000 deep is a 400 at every entry point, and 99 levels still evaluate")
    func deepECL() async throws {
        let server = try TestServer()
        let deep = Self.encoded(Self.nested(10_000))
        try await server.test { client in
            let uris = [
                "/api/v1/ecl?expression=\(deep)", "/api/v1/search?q=heart&ecl=\(deep)",
                "/api/v1/impact?from=INT-20250101&to=INT-20250201&ecl=\(deep)",
                "/fhir/ValueSet/$expand?url=\(Self.encoded("http://snomed.info/sct?fhir_vs=ecl/" + Self.nested(10_000)))",
            ]
            for uri in uris {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .badRequest, "\(uri.prefix(40))")
                    #expect(message(response).contains("nested too deeply: at most 100 levels"), "\(uri.prefix(40))")
                }
            }
            // A posted compose with an ECL `constraint` filter.
            let compose: [String: Any] = [
                "resourceType": "ValueSet",
                "compose": [
                    "include": [["system": "http://snomed.info/sct", "filter": [["property": "constraint", "op": "=", "value": Self.nested(10_000)]]]]
                ],
            ]
            let composeBody = ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: compose))
            try await client.execute(uri: "/fhir/ValueSet/$expand", method: .post, headers: [.contentType: "application/fhir+json"], body: composeBody) {
                #expect($0.status == .badRequest)
                #expect(message($0).contains("nested too deeply: at most 100 levels"))
            }
            let body = ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: ["expression": Self.nested(10_000)]))
            try await client.execute(uri: "/api/v1/ecl", method: .post, headers: [.contentType: "application/json"], body: body) {
                #expect($0.status == .badRequest)
                #expect(message($0).contains("nested too deeply"))
            }
            // An intensional refset's definition.
            try server.configureWorkspace()
            let api = WorkspaceAPI(client: client, server: server)
            let refset = try await api.call(
                .post, "/api/v1/refsets", as: .role(.author),
                json: ["name": "Deep", "kind": "intensional", "ecl": Self.nested(10_000), "release": "INT-20250201"])
            #expect(refset.status == .badRequest)
            #expect(refset.message.hasPrefix("ECL definition:"))
            #expect(refset.message.contains("nested too deeply"))
            try await client.execute(uri: "/api/v1/ecl?release=INT-20250101&expression=\(Self.encoded(Self.nested(99)))", method: .get) {
                #expect($0.status == .ok)
                #expect($0.object["total"] as? Int == 48)
            }
            try await client.execute(uri: "/api/v1/ecl?expression=\(Self.encoded(Self.nested(100)))", method: .get) {
                #expect($0.status == .badRequest)
            }
            try await expectHealthy(client)
        }
    }

    @Test("huge term filters, search texts and FHIR filters are refused before any work")
    func unboundedText() async throws {
        let server = try TestServer()
        let words = Array(repeating: "a", count: 100_000).joined(separator: " ")
        try await server.test { client in
            let termFilter = Self.encoded("<< 404684003 {{ term = match:\"\(words.prefix(19_999))\" }}")
            try await client.execute(uri: "/api/v1/ecl?expression=\(termFilter)", method: .get) {
                #expect($0.status == .badRequest)
                #expect(message($0).contains("search term is 19999 characters long; at most 256 are accepted"))
            }
            try await client.execute(uri: "/api/v1/ecl?expression=\(Self.encoded("<< 404684003 {{ term = match:\"\(words)\" }}"))", method: .get) {
                #expect($0.status == .badRequest)
                #expect(message($0).contains("expression is 200033 characters long; at most 200000 are accepted"))
            }
            let manyWords = Self.encoded("<< 404684003 {{ term = \"\(Array(repeating: "ab", count: 17).joined(separator: " "))\" }}")
            try await client.execute(uri: "/api/v1/ecl?expression=\(manyWords)", method: .get) {
                #expect($0.status == .badRequest)
                #expect(message($0).contains("search term has more than 16 words"))
            }
            try await client.execute(uri: "/api/v1/search?q=\(Self.encoded(words))", method: .get) {
                #expect($0.status == .badRequest)
                #expect(message($0) == "search text is 199999 characters long; at most 500 are accepted")
            }
            let fhirFilter = Self.encoded(Array(repeating: "hj", count: 30).joined(separator: " "))
            try await client.execute(uri: "/fhir/ValueSet/$expand?url=\(Self.encoded("http://snomed.info/sct?fhir_vs"))&filter=\(fhirFilter)", method: .get) {
                #expect($0.status == .badRequest)
                #expect(message($0) == "search text has 30 words; at most 24 are accepted")
            }
            try await expectHealthy(client)
        }
    }

    @Test("an ECL evaluation past the server's time limit stops with a 400 that says so")
    func evaluationTimeLimit() async throws {
        let server = try TestServer(evaluationTimeLimit: .zero)
        try await server.test { client in
            // Every route that evaluates ECL is bounded, whichever library starts the evaluation.
            let ecl = Self.encoded("<< 404684003")
            for uri in [
                "/api/v1/ecl?expression=\(ecl)", "/api/v1/search?q=heart&ecl=\(ecl)", "/api/v1/impact?from=INT-20250101&to=INT-20250201&ecl=\(ecl)",
                "/fhir/ValueSet/$expand?url=\(Self.encoded("http://snomed.info/sct?fhir_vs=ecl/<< 404684003"))",
            ] {
                try await client.execute(uri: uri, method: .get) {
                    #expect($0.status == .badRequest, "\(uri)")
                    #expect(message($0).contains("evaluation stopped at its time limit of 0 s"), "\(uri)")
                }
            }
            // Requests that evaluate nothing are unaffected.
            try await client.execute(uri: "/api/v1/concepts/22298006", method: .get) { #expect($0.status == .ok) }
            try await expectHealthy(client)
        }
    }

    @Test("a chunked body over the limit is a 413, like a declared Content-Length over it")
    func chunkedBodyOverTheLimit() async throws {
        let server = try TestServer(maxBodySize: 64 * 1024)
        let token = server.tokens[.admin]!
        // Test clients always declare a Content-Length; a raw socket sends the body chunked, so the limit is
        // found only while the body is collected.
        try await buildApplication(server.services).test(.live) { client in
            let port = try #require(client.port)
            for path in ["/fhir/ValueSet/$expand", "/fhir/CodeSystem/$lookup", "/api/v1/ecl", "/api/v1/requests"] {
                let request = RawHTTP.chunkedPost(path: path, headers: ["Authorization: Bearer \(token)", "If-Match: \"1\""], chunkSize: 16 * 1024, chunks: 8)
                let answer = try await RawHTTP.exchange(port: port, request)
                #expect(answer.hasPrefix("HTTP/1.1 413"), "\(path): \(answer.prefix(60))")
                #expect(answer.contains("request body is larger than this server accepts"), "\(path)")
            }
            try await client.execute(uri: "/health", method: .get) { #expect($0.status == .ok) }
        }
    }

    @Test("bodies: deep JSON 400, invalid UTF-8 and wrong content 400")
    func bodies() async throws {
        let server = try TestServer(maxBodySize: 64 * 1024)
        try await server.test { client in
            let deepJSON =
                #"{"resourceType":"Parameters","parameter":["# + String(repeating: #"{"name":"x","part":["#, count: 1_000)
                + String(repeating: "]}", count: 1_000) + "]}"
            for uri in ["/fhir/CodeSystem/$lookup", "/api/v1/ecl"] {
                try await client.execute(uri: uri, method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: deepJSON)) {
                    #expect($0.status == .badRequest, "\(uri)")
                    #expect(message($0).contains("JSON nested too deeply at byte "), "\(uri)")
                }
            }
            var invalid = ByteBuffer(string: #"{"expression": "<< 404684003 "#)
            invalid.writeBytes([0xFF, 0xFE, 0x22, 0x7D])
            try await client.execute(uri: "/api/v1/ecl", method: .post, headers: [.contentType: "application/json"], body: invalid) {
                #expect($0.status == .badRequest)
                #expect(message($0).hasPrefix("invalid request body"))
            }
            try await client.execute(
                uri: "/fhir/CodeSystem/$lookup", method: .post, headers: [.contentType: "text/plain"], body: ByteBuffer(string: "code=22298006")
            ) {
                #expect($0.status == .badRequest)
            }
            try await client.execute(
                uri: "/fhir/CodeSystem/$lookup", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"resourceType":"Patient"}"#)
            ) {
                #expect($0.status == .badRequest)
                #expect(message($0) == "the request body must be a Parameters resource, got a Patient resource")
            }
            try await expectHealthy(client)
        }
    }

    @Test("control characters and invalid UTF-8 in queries are answered, never crash")
    func controlCharactersInQueries() async throws {
        let server = try TestServer()
        try await server.test { client in
            for query in ["%00", "heart%00attack", "%1B%5B2J", "%FF%FE", "%C3", "%0D%0Aheader:%20x"] {
                try await client.execute(uri: "/api/v1/search?q=\(query)", method: .get) { response in
                    #expect(response.status.code < 500, "\(query)")
                }
                try await client.execute(uri: "/api/v1/ecl?expression=\(query)", method: .get) { response in
                    #expect(response.status == .badRequest, "\(query)")
                    #expect(message(response).hasPrefix("ECL syntax error at "), "\(query)")
                }
                try await client.execute(uri: "/fhir/CodeSystem/$lookup?system=http://snomed.info/sct&code=\(query)", method: .get) { response in
                    #expect((400..<500).contains(response.status.code), "\(query)")
                }
            }
            try await expectHealthy(client)
        }
    }

    @Test("every route of the OpenAPI document answers non-ids in its id parameters with a 4xx")
    func nonIdsEverywhere() async throws {
        let server = try TestServer()
        try await server.test { client in
            var paths: [String: [String: Any]] = [:]
            try await client.execute(uri: "/api/v1/openapi.json", method: .get) {
                paths = ($0.object["paths"] as? [String: [String: Any]]) ?? [:]
            }
            let templated = paths.filter { $0.key.contains("{") }
            #expect(templated.count >= 30)
            var checked = 0
            for (path, operations) in templated.sorted(by: { $0.key < $1.key }) {
                for junk in ["abc", "-1", "0", "99999999999999999999999", "1%27%20OR%201=1", "%00", "22298006x"] {
                    let uri = path.replacingOccurrences(of: #"\{[^}]+\}"#, with: junk, options: .regularExpression)
                    for method in operations.keys {
                        let httpMethod = HTTPRequest.Method(method.uppercased())!
                        var headers = server.auth(.admin)
                        headers[.ifMatch] = "\"1\""
                        headers[.contentType] = "application/json"
                        let body = httpMethod == .get || httpMethod == .delete ? nil : ByteBuffer(string: "{}")
                        try await client.execute(uri: uri, method: httpMethod, headers: headers, body: body) { response in
                            #expect((400..<500).contains(response.status.code), "\(method) \(uri) -> \(response.status.code)")
                            #expect(!message(response).isEmpty, "\(method) \(uri)")
                        }
                        checked += 1
                    }
                }
            }
            #expect(checked > 200)
            try await expectHealthy(client)
        }
    }

    @Test("security headers: nosniff everywhere, a CSP with frame-ancestors 'none' on HTML")
    func securityHeaders() async throws {
        let server = try TestServer()
        try await server.test { client in
            for uri in ["/health", "/api/v1/concepts/22298006", "/api/v1/concepts/abc", "/fhir/metadata", "/no/such/route"] {
                try await client.execute(uri: uri, method: .get) {
                    #expect($0.headers[.xContentTypeOptions] == "nosniff", "\(uri)")
                    #expect($0.headers[.contentSecurityPolicy] == nil, "\(uri)")
                }
            }
            try await client.execute(uri: "/api/v1/diff/report?from=INT-20250101&to=INT-20250201", method: .get) {
                #expect($0.status == .ok)
                #expect($0.headers[.xContentTypeOptions] == "nosniff")
                let policy = try #require($0.headers[.contentSecurityPolicy])
                #expect(policy.contains("frame-ancestors 'none'"))
                #expect(policy.contains("default-src 'none'"))
                #expect($0.headers[HTTPField.Name("X-Frame-Options")!] == "DENY")
            }
        }
    }

    @Test("the Bearer scheme name is case-insensitive")
    func bearerCase() async throws {
        let server = try TestServer(anonymousRead: false)
        let token = server.tokens[.viewer]!
        try await server.test { client in
            for scheme in ["Bearer", "bearer", "BEARER", "bEaReR"] {
                try await client.execute(uri: "/api/v1/concepts/22298006", method: .get, headers: [.authorization: "\(scheme) \(token)"]) {
                    #expect($0.status == .ok, "\(scheme)")
                }
            }
            for header in ["Bearer", "Bearer ", "Bearerx \(token)", "Basic \(token)"] {
                try await client.execute(uri: "/api/v1/concepts/22298006", method: .get, headers: [.authorization: header]) {
                    #expect($0.status == .unauthorized, "\(header)")
                }
            }
        }
    }
}
