import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import StewardServer
import Testing
import RF2
import Workspace

@Suite("Response cache")
struct ResponseCacheTests {
    static func cacheLookups(_ client: some TestClientProtocol) async throws -> (hits: Int, misses: Int) {
        try await client.execute(uri: "/metrics", method: .get) { response in
            func value(_ result: String) -> Int {
                let prefix = #"steward_response_cache_lookups_total{result="\#(result)"} "#
                let line = response.text.split(separator: "\n").first { $0.hasPrefix(prefix) }
                return line.flatMap { Double($0.dropFirst(prefix.count)) }.map { Int($0) } ?? -1
            }
            return (value("hit"), value("miss"))
        }
    }

    @Test("a repeated read of release data is answered from memory with the same body and headers; If-None-Match still gives 304")
    func repeatedRead() async throws {
        let server = try TestServer()
        try await server.test { client in
            let uri = "/fhir/CodeSystem/$lookup?system=http://snomed.info/sct&code=22298006&version=http://snomed.info/sct/900000000000207008/version/20250101"
            let first = try await client.execute(uri: uri, method: .get) { $0.text }
            let before = try await Self.cacheLookups(client)
            let second = try await client.execute(uri: uri, method: .get) { $0.text }
            let after = try await Self.cacheLookups(client)
            #expect(first == second)
            #expect(first.contains("Myocardial infarction"))
            #expect(after.hits == before.hits + 1)
            let etag = try await client.execute(uri: "/api/v1/concepts/22298006?release=INT-20250101", method: .get) { $0.headers[.eTag] ?? "" }
            try await client.execute(uri: "/api/v1/concepts/22298006?release=INT-20250101", method: .get) { #expect($0.headers[.eTag] == etag) }
            try await client.execute(uri: "/api/v1/concepts/22298006?release=INT-20250101", method: .get, headers: [.ifNoneMatch: etag]) {
                #expect($0.status == .notModified)
            }
        }
    }

    @Test("a cached answer is not given to a caller who may not read")
    func respectsAccess() async throws {
        let server = try TestServer(anonymousRead: false)
        try await server.test { client in
            try await client.execute(uri: "/api/v1/concepts/22298006", method: .get, headers: server.auth(.viewer)) { #expect($0.status == .ok) }
            try await client.execute(uri: "/api/v1/concepts/22298006", method: .get) { #expect($0.status == .unauthorized) }
        }
    }

    @Test("importing a newer release changes the answer for the default release")
    func newReleaseInvalidates() async throws {
        let server = try TestServer(releases: false)
        let releases = server.dataDirectory.appendingPathComponent("releases")
        try FileManager.default.copyItem(
            at: TestServer.sampleReleaseFiles.appendingPathComponent("INT-20250101.sqlite"), to: releases.appendingPathComponent("INT-20250101.sqlite"))
        try await server.test { client in
            try await client.execute(uri: "/api/v1/concepts/56265001", method: .get) {
                #expect($0.object["definitionStatus"] as? String == "primitive")
            }
            try await client.execute(uri: "/api/v1/concepts/56265001", method: .get) {
                #expect($0.object["definitionStatus"] as? String == "primitive")
            }
            try FileManager.default.copyItem(
                at: TestServer.sampleReleaseFiles.appendingPathComponent("INT-20250201.sqlite"), to: releases.appendingPathComponent("INT-20250201.sqlite"))
            try await client.execute(uri: "/api/v1/concepts/56265001", method: .get) {
                #expect($0.object["definitionStatus"] as? String == "fullyDefined")
            }
        }
    }

    @Test("workspace reads are never cached")
    func workspaceNotCached() async throws {
        let server = try TestServer()
        try await server.test { client in
            try await client.execute(uri: "/api/v1/requests", method: .get) { #expect($0.object["total"] as? Int == 0) }
            let body = #"{"summary": "Cache test", "useCase": "test", "payload": {"type": "other", "details": "x"}}"#
            try await client.execute(
                uri: "/api/v1/requests", method: .post, headers: server.auth(.author).merging([.contentType: "application/json"]),
                body: .init(string: body)
            ) { #expect($0.status == .created) }
            try await client.execute(uri: "/api/v1/requests", method: .get) { #expect($0.object["total"] as? Int == 1) }
        }
    }
}

extension HTTPFields {
    func merging(_ other: HTTPFields) -> HTTPFields {
        var fields = self
        for field in other { fields.append(field) }
        return fields
    }
}

@Suite("Response cache and local refsets")
struct ResponseCacheLocalRefsetTests {
    @Test("a local refset's value set reached by a SNOMED URL is computed every time, so edits show at once")
    func localRefsetExpansionNotCached() async throws {
        let server = try TestServer()
        let workspace = server.services.workspace
        let release = try server.services.releases.release("NO-20250215")
        let author = WorkspaceUser(name: "author-user", role: .author)
        let created = try server.makeRefset("Cache test", release: "NO-20250215", members: [22298006])
        let uri = "/fhir/ValueSet/$expand?url=http://snomed.info/sct?fhir_vs%3Drefset/\(created.id)"
        try await server.test { client in
            try await client.execute(uri: uri, method: .get) {
                #expect(($0.object["expansion"] as? [String: Any])?["total"] as? Int == 1)
            }
            let refset = try workspace.refset(created.id)
            _ = try workspace.addEntries(
                [84114007], to: created.id, reason: "test", expectedVersion: refset.version, release: release.engines.store, by: author)
            try await client.execute(uri: uri, method: .get) {
                #expect(($0.object["expansion"] as? [String: Any])?["total"] as? Int == 2)
            }
        }
    }
}
