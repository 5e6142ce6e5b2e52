import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import StewardServer
import Testing

@Suite("Release routes")
struct ReleaseRouteTests {
    @Test("releases are listed newest first with string ids; one release by name")
    func releases() async throws {
        let server = try TestServer()
        try await server.test { client in
            try await client.execute(uri: "/api/v1/releases", method: .get) { response in
                #expect(response.status == .ok)
                let items = response.object["items"] as? [[String: Any]] ?? []
                #expect(items.map { $0["name"] as? String } == ["NO-20250215", "INT-20250201", "INT-20250101"])
                #expect(items.first?["editionModule"] as? String == "51000202101")
            }
            try await client.execute(uri: "/api/v1/releases/INT-20250101", method: .get) { response in
                #expect(response.object["versionURI"] as? String == "http://snomed.info/sct/900000000000207008/version/20250101")
            }
            try await client.execute(uri: "/api/v1/releases/INT-19990101", method: .get) { response in
                #expect(response.status == .notFound)
                #expect((response.object["message"] as? String)?.contains("unknown release 'INT-19990101'") == true)
            }
        }
    }

    @Test("concept detail: display terms follow Accept-Language, ?lang= wins, ids are strings")
    func conceptLanguage() async throws {
        let server = try TestServer()
        try await server.test { client in
            try await client.execute(uri: "/api/v1/concepts/22298006?release=NO-20250215", method: .get, headers: [.acceptLanguage: "nb-NO, en;q=0.5"]) {
                #expect($0.status == .ok)
                #expect($0.object["preferredTerm"] as? String == "hjerteinfarkt")
                #expect($0.object["id"] as? String == "22298006")
                #expect($0.object["fsn"] as? String == "Myocardial infarction (disorder)")
                #expect(($0.object["parents"] as? [[String: Any]])?.first?["id"] as? String == "414545008")
                #expect($0.headers[.vary] == "Accept-Language")
            }
            try await client.execute(uri: "/api/v1/concepts/22298006?release=NO-20250215&lang=en-GB", method: .get, headers: [.acceptLanguage: "nb"]) {
                #expect($0.object["preferredTerm"] as? String == "Myocardial infarction")
            }
            // The version URI selects the release as well as the name.
            let uri = "http://snomed.info/sct/900000000000207008/version/20250101".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            try await client.execute(uri: "/api/v1/concepts/22298006?release=\(uri)", method: .get) {
                #expect($0.status == .ok)
                #expect($0.object["effectiveTime"] as? String == "20250101")
            }
            try await client.execute(uri: "/api/v1/concepts/22298006?lang=xx", method: .get) {
                #expect($0.status == .badRequest)
                #expect(($0.object["message"] as? String)?.contains("unknown language tag 'xx'") == true)
            }
        }
    }

    @Test("errors: bad id 400, unknown concept 404, unknown release 404, each naming the problem")
    func conceptErrors() async throws {
        let server = try TestServer()
        try await server.test { client in
            try await client.execute(uri: "/api/v1/concepts/22298007", method: .get) {
                #expect($0.status == .badRequest)
                #expect(($0.object["message"] as? String)?.contains("'22298007' (id) is not a valid concept id") == true)
            }
            try await client.execute(uri: "/api/v1/concepts/840539006?release=INT-20250101", method: .get) {
                #expect($0.status == .notFound)
                #expect($0.object["message"] as? String == "concept 840539006 is not in release INT-20250101")
            }
            try await client.execute(uri: "/api/v1/concepts/22298006/children?release=nope", method: .get) {
                #expect($0.status == .notFound)
            }
        }
    }

    @Test("ETag on release data: If-None-Match answers 304; another language or release gives another tag")
    func etags() async throws {
        let server = try TestServer()
        try await server.test { client in
            let etag = try await client.execute(uri: "/api/v1/concepts/22298006?release=INT-20250101", method: .get) { response -> String in
                #expect(response.status == .ok)
                return response.headers[.eTag] ?? ""
            }
            #expect(etag.hasPrefix("\"INT-20250101-"))
            try await client.execute(uri: "/api/v1/concepts/22298006?release=INT-20250101", method: .get, headers: [.ifNoneMatch: etag]) {
                #expect($0.status == .notModified)
                #expect($0.body.readableBytes == 0)
            }
            try await client.execute(
                uri: "/api/v1/concepts/22298006?release=INT-20250101", method: .get, headers: [.ifNoneMatch: etag, .acceptLanguage: "en-GB"]
            ) {
                #expect($0.status == .ok)
                #expect($0.headers[.eTag] != etag)
            }
            try await client.execute(uri: "/api/v1/concepts/22298006?release=INT-20250201", method: .get, headers: [.ifNoneMatch: etag]) {
                #expect($0.status == .ok)
            }
        }
    }

    @Test("neighbourhood: parents, children, ancestors and descendants paged with totals, attributes, refsets, descriptions")
    func neighbourhood() async throws {
        let server = try TestServer()
        try await server.test { client in
            try await client.execute(uri: "/api/v1/concepts/22298006/children?release=INT-20250101", method: .get) {
                let items = $0.object["items"] as? [[String: Any]] ?? []
                #expect(items.map { $0["id"] as? String } == ["57054005"])
                #expect(items.first?["term"] as? String == "Acute myocardial infarction")
            }
            try await client.execute(uri: "/api/v1/concepts/404684003/descendants?release=INT-20250101&limit=5&offset=10", method: .get) {
                #expect($0.object["total"] as? Int == 47)
                #expect(($0.object["items"] as? [Any])?.count == 5)
                #expect($0.object["offset"] as? Int == 10)
            }
            try await client.execute(uri: "/api/v1/concepts/57054005/ancestors?release=INT-20250101", method: .get) {
                let ids = ($0.object["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
                #expect(ids.contains("22298006") && ids.contains("404684003") && ids.contains("138875005"))
                #expect($0.object["total"] as? Int == ids.count)
            }
            try await client.execute(uri: "/api/v1/concepts/404684003/descendants?limit=-1", method: .get) {
                #expect($0.status == .badRequest)
                #expect(($0.object["message"] as? String)?.contains("'limit'") == true)
            }
            try await client.execute(uri: "/api/v1/concepts/22298006/attributes?release=INT-20250101", method: .get) {
                let groups = $0.object["items"] as? [[String: Any]] ?? []
                #expect(!groups.isEmpty)
                let types = groups.flatMap { ($0["attributes"] as? [[String: Any]]) ?? [] }.compactMap { ($0["type"] as? [String: Any])?["id"] as? String }
                #expect(types.contains("363698007"))
            }
            try await client.execute(uri: "/api/v1/concepts/22298006/refsets?release=INT-20250101", method: .get) {
                let refsets = ($0.object["items"] as? [[String: Any]] ?? []).compactMap { ($0["refset"] as? [String: Any])?["id"] as? String }
                #expect(refsets.contains("447562003"))
            }
            try await client.execute(uri: "/api/v1/concepts/22298006/descriptions?release=NO-20250215", method: .get) {
                let terms = ($0.object["items"] as? [[String: Any]] ?? []).compactMap { $0["term"] as? String }
                #expect(terms.contains("hjerteinfarkt") && terms.contains("Heart attack"))
            }
        }
    }

    @Test("history spans every release: an inactivated concept with its reason and SAME AS target")
    func history() async throws {
        let server = try TestServer()
        try await server.test { client in
            try await client.execute(uri: "/api/v1/concepts/9900021000202108/history?release=INT-20250201", method: .get) {
                let releases = $0.object["releases"] as? [[String: Any]] ?? []
                #expect(releases.map { $0["release"] as? String } == ["INT-20250101", "INT-20250201", "NO-20250215"])
                #expect(releases.map { $0["active"] as? Bool } == [true, false, false])
                #expect(($0.object["inactivationReason"] as? [String: Any])?["term"] as? String == "Duplicate component")
                let target = (($0.object["historicalAssociations"] as? [[String: Any]])?.first?["target"] as? [String: Any])?["id"] as? String
                #expect(target == "22298006")
            }
        }
    }

    @Test("search with language, paging and filters; q is required")
    func search() async throws {
        let server = try TestServer()
        try await server.test { client in
            try await client.execute(uri: "/api/v1/search?q=hjerteinfarkt&release=NO-20250215&lang=nb", method: .get) {
                #expect($0.status == .ok)
                let hits = $0.object["hits"] as? [[String: Any]] ?? []
                #expect(hits.map { $0["conceptId"] as? String } == ["22298006", "57054005"])
                #expect(hits.first?["match"] as? String == "exact")
                #expect($0.object["total"] as? Int == 2)
            }
            try await client.execute(uri: "/api/v1/search?q=infarction&release=INT-20250101&ecl=%3C%2022298006", method: .get) {
                let hits = $0.object["hits"] as? [[String: Any]] ?? []
                #expect(hits.map { $0["conceptId"] as? String } == ["57054005"])
            }
            try await client.execute(uri: "/api/v1/search?release=INT-20250101", method: .get) {
                #expect($0.status == .badRequest)
                #expect($0.object["message"] as? String == "parameter 'q' (the search text) is required")
            }
            try await client.execute(uri: "/api/v1/search?q=x&types=bogus", method: .get) {
                #expect($0.status == .badRequest)
            }
        }
    }

    @Test("ECL by GET and POST: page, total, terms; syntax errors give the position")
    func ecl() async throws {
        let server = try TestServer()
        try await server.test { client in
            try await client.execute(uri: "/api/v1/ecl?expression=%3C%3C%20404684003&release=INT-20250101&limit=3", method: .get) {
                #expect($0.status == .ok)
                #expect($0.object["total"] as? Int == 48)
                #expect(($0.object["items"] as? [Any])?.count == 3)
            }
            let body = ByteBuffer(string: #"{"expression": "< 22298006", "release": "INT-20250101"}"#)
            try await client.execute(uri: "/api/v1/ecl", method: .post, headers: [.contentType: "application/json"], body: body) {
                #expect($0.status == .ok)
                let items = $0.object["items"] as? [[String: Any]] ?? []
                #expect(items.map { $0["id"] as? String } == ["57054005"])
                #expect(items.first?["term"] as? String == "Acute myocardial infarction")
            }
            try await client.execute(uri: "/api/v1/ecl?expression=%3C%3C%20404684003%20AND", method: .get) {
                #expect($0.status == .badRequest)
                #expect(($0.object["message"] as? String)?.hasPrefix("ECL syntax error at 1:") == true)
                let position = $0.object["position"] as? [String: Any]
                #expect(position?["offset"] as? Int == 16)
                #expect(position?["column"] as? Int == 17)
            }
            let missing = ByteBuffer(string: #"{"release": "INT-20250101"}"#)
            try await client.execute(uri: "/api/v1/ecl", method: .post, headers: [.contentType: "application/json"], body: missing) {
                #expect($0.status == .badRequest)
                #expect(($0.object["message"] as? String)?.contains("missing field 'expression'") == true)
            }
            try await client.execute(uri: "/api/v1/ecl", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: "{not json")) {
                #expect($0.status == .badRequest)
            }
        }
    }

    @Test("subsumption outcomes")
    func subsumes() async throws {
        let server = try TestServer()
        try await server.test { client in
            for (a, b, outcome) in [
                ("22298006", "57054005", "subsumes"), ("57054005", "22298006", "subsumed-by"), ("22298006", "22298006", "equivalent"),
                ("22298006", "82272006", "not-subsumed"),
            ] {
                try await client.execute(uri: "/api/v1/subsumes?a=\(a)&b=\(b)&release=INT-20250101", method: .get) {
                    #expect($0.object["outcome"] as? String == outcome)
                }
            }
            try await client.execute(uri: "/api/v1/subsumes?a=22298006", method: .get) {
                #expect($0.status == .badRequest)
                #expect($0.object["message"] as? String == "parameter 'b' is required")
            }
        }
    }

    @Test("diff summary, full JSON and HTML report; impact over release refsets")
    func diffAndImpact() async throws {
        let server = try TestServer()
        try await server.test { client in
            try await client.execute(uri: "/api/v1/diff/summary?from=INT-20250101&to=INT-20250201", method: .get) {
                #expect($0.status == .ok)
                let concepts = ($0.object["components"] as? [[String: Any]] ?? []).first { $0["component"] as? String == "concepts" }
                let counts = concepts?["counts"] as? [String: Any]
                #expect(counts?["new"] as? Int == 3)
                #expect(counts?["inactivated"] as? Int == 3)
            }
            try await client.execute(uri: "/api/v1/diff?from=INT-20250101&to=INT-20250201", method: .get) {
                #expect($0.object["schema"] as? String == "steward-diff/1")
            }
            try await client.execute(uri: "/api/v1/diff/report?from=INT-20250101&to=INT-20250201", method: .get) {
                #expect($0.headers[.contentType] == "text/html; charset=utf-8")
                #expect($0.text.hasPrefix("<!DOCTYPE html>") || $0.text.hasPrefix("<!doctype html>"))
            }
            try await client.execute(uri: "/api/v1/diff?from=INT-20250101", method: .get) {
                #expect($0.status == .badRequest)
            }
            try await client.execute(uri: "/api/v1/impact?from=INT-20250101&to=INT-20250201&refset=447562003", method: .get) {
                #expect($0.status == .ok)
                let refsets = $0.object["refsets"] as? [[String: Any]] ?? []
                #expect(refsets.count == 1)
            }
        }
    }

    @Test("a release imported by another process is served without a restart")
    func newReleaseAppears() async throws {
        let server = try TestServer(releases: false)
        try await server.test { client in
            try await client.execute(uri: "/api/v1/concepts/22298006", method: .get) {
                #expect($0.status == .notFound)
                #expect(($0.object["message"] as? String)?.contains("no releases imported") == true)
            }
            // What `steward import` does: build elsewhere, then rename into releases/.
            let source = TestServer.sampleReleaseFiles.appendingPathComponent("INT-20250101.sqlite")
            let staging = server.dataDirectory.appendingPathComponent("staging.sqlite")
            try FileManager.default.copyItem(at: source, to: staging)
            try FileManager.default.moveItem(at: staging, to: server.dataDirectory.appendingPathComponent("releases/INT-20250101.sqlite"))
            try await client.execute(uri: "/api/v1/concepts/22298006", method: .get) {
                #expect($0.status == .ok)
            }
        }
    }
}

@Suite("Release registry")
struct ReleaseRegistryTests {
    @Test("a file in releases/ that is not a readable store is skipped and reported; the other releases are served")
    func unreadableStoreSkipped() async throws {
        let server = try TestServer()
        try Data("not a database".utf8).write(to: server.dataDirectory.appendingPathComponent("releases/broken.sqlite"))
        try await server.test { client in
            try await client.execute(uri: "/api/v1/concepts/22298006?release=INT-20250101", method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/ready", method: .get) {
                #expect($0.status == .ok)
                let unreadable = $0.object["unreadableStores"] as? [String] ?? []
                #expect(unreadable.count == 1)
                #expect(unreadable.first?.hasPrefix("broken.sqlite: ") == true)
                #expect(($0.object["releases"] as? [String])?.count == 3)
            }
        }
    }
}
