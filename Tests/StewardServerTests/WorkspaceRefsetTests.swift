import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import StewardServer
import Testing
@testable import Workspace
import ZIPFoundation

@Suite("Workspace routes: refsets")
struct WorkspaceRefsetTests {
    static let refset = "/api/v1/refsets/11000202100"

    @Test("lifecycle: create, add members, If-Match update, stale 412, publish, zip and CSV export, audit")
    func lifecycle() async throws {
        let server = try TestServer()
        try await server.test { client in
            let api = WorkspaceAPI(client: client, server: server)

            // Settings first: they are versioned, so an update needs If-Match.
            let settings = try await api.call(.get, "/api/v1/workspace/settings", as: .anonymous)
            #expect(settings.status == .ok)
            #expect(settings.headers[.eTag] == "\"1\"")
            let noIfMatch = try await api.call(.put, "/api/v1/workspace/settings", json: ["language": "nb"])
            #expect(noIfMatch.status == .preconditionRequired)
            #expect(noIfMatch.message.contains("If-Match"))
            let configured = try await api.call(
                .put, "/api/v1/workspace/settings", json: ["namespace": "1000202", "countryCode": "no", "moduleId": "51000202101", "language": "nb"],
                ifMatch: "\"1\"")
            #expect(configured.status == .ok)
            #expect(configured.headers[.eTag] == "\"2\"")
            #expect(configured.object["countryCode"] as? String == "NO")
            #expect(configured.object["updatedBy"] as? String == "admin-user")

            // Create.
            let created = try await api.call(
                .post, "/api/v1/refsets", as: .role(.author),
                json: ["name": "Hurtigliste", "description": "Akuttmottakets hurtigliste", "release": "INT-20250201"])
            #expect(created.status == .created)
            #expect(created.headers[.location] == Self.refset)
            #expect(created.headers[.eTag] == "\"1\"")
            #expect(created.object["id"] as? String == "11000202100")
            #expect(created.object["moduleId"] as? String == "51000202101")
            #expect(created.object["release"] as? String == "INT-20250201")
            #expect(created.object["createdBy"] as? String == "author-user")
            #expect((created.object["createdAt"] as? String)?.hasSuffix("Z") == true)

            // Add members: an inactive concept is accepted with its replacement as a warning.
            let added = try await api.call(
                .post, Self.refset + "/members", as: .role(.author),
                json: ["conceptIds": ["22298006", "9900021000202108", "56265001"], "reason": "first list"])
            #expect(added.status == .ok)
            #expect(added.headers[.eTag] == "\"2\"")
            #expect(added.object["changed"] as? [String] == ["22298006", "56265001", "9900021000202108"])
            let warnings = added.object["warnings"] as? [[String: Any]] ?? []
            #expect(warnings.map { $0["conceptId"] as? String } == ["9900021000202108"])
            #expect((warnings.first?["replacements"] as? [[String: Any]])?.map { $0["conceptId"] as? String } == ["22298006"])

            // An unknown id refuses the whole change and names the id.
            let events = try server.auditCount()
            let unknown = try await api.call(.post, Self.refset + "/members", as: .role(.author), json: ["conceptIds": ["57054005", "123456789012"]])
            #expect(unknown.status == .badRequest)
            #expect(unknown.message == "id 123456789012 is not a concept in release INT-20250201: nothing was changed")
            #expect(try server.auditCount() == events)
            #expect(try server.services.workspace.entries(of: 11000202100).map(\.conceptId) == [22298006, 56265001, 9900021000202108])

            // Conditional GET.
            let fetched = try await api.call(.get, Self.refset, as: .anonymous)
            #expect(fetched.headers[.eTag] == "\"2\"")
            #expect(fetched.object["version"] as? Int == 2)
            #expect(try await api.call(.get, Self.refset, as: .anonymous, headers: [.ifNoneMatch: "\"2\""]).status == .notModified)
            #expect(try await api.call(.get, Self.refset, as: .anonymous, headers: [.ifNoneMatch: "\"1\""]).status == .ok)

            // Updates need If-Match; a stale one is 412 with the current version.
            let missing = try await api.call(.patch, Self.refset, as: .role(.author), json: ["description": "Hurtigliste for akuttmottaket"])
            #expect(missing.status == .preconditionRequired)
            #expect(missing.message.contains("updating refset 11000202100 requires an If-Match header"))
            let updated = try await api.call(.patch, Self.refset, as: .role(.author), json: ["description": "Hurtigliste for akuttmottaket"], ifMatch: "\"2\"")
            #expect(updated.status == .ok)
            #expect(updated.headers[.eTag] == "\"3\"")
            #expect(updated.object["description"] as? String == "Hurtigliste for akuttmottaket")
            let stale = try await api.call(.patch, Self.refset, as: .role(.author), json: ["name": "Hurtigliste akutt"], ifMatch: "\"2\"")
            #expect(stale.status == .preconditionFailed)
            #expect(stale.object["currentVersion"] as? Int == 3)
            #expect(stale.headers[.eTag] == "\"3\"")
            #expect(stale.message.contains("your edit is based on version 2, the current version is 3"))
            #expect(try server.services.workspace.refset(11000202100).name == "Hurtigliste")
            let kind = try await api.call(.patch, Self.refset, as: .role(.author), json: ["kind": "intensional", "name": "x"], ifMatch: "\"3\"")
            #expect(kind.status == .badRequest)
            #expect(kind.message.contains("the kind of a refset cannot change"))
            let ecl = try await api.call(.patch, Self.refset, as: .role(.author), json: ["ecl": "<< 56265001"], ifMatch: "\"3\"")
            #expect(ecl.status == .badRequest)
            #expect(ecl.message == "refset 11000202100 is extensional: it has a member list, not an ECL definition")
            #expect(try server.services.workspace.refset(11000202100).ecl == nil)

            // Members with terms in the requested language, paged.
            let members = try await api.call(.get, Self.refset + "/members?limit=2", as: .anonymous, headers: [.acceptLanguage: "en-GB"])
            #expect(members.status == .ok)
            #expect(members.object["total"] as? Int == 3)
            #expect(members.object["release"] as? String == "INT-20250201")
            #expect(members.items.map { $0["conceptId"] as? String } == ["22298006", "56265001"])
            #expect(members.items.first?["preferredTerm"] as? String == "Myocardial infarction")
            let rest = try await api.call(.get, Self.refset + "/members?limit=2&offset=2", as: .anonymous)
            #expect(rest.items.map { $0["active"] as? Bool } == [false])

            // Publish (reviewer).
            let published = try await api.call(
                .post, Self.refset + "/versions", as: .role(.reviewer), json: ["effectiveTime": "20250301", "note": "first version"])
            #expect(published.status == .created)
            #expect(published.headers[.location] == Self.refset + "/versions/1")
            #expect(published.object["number"] as? Int == 1)
            #expect(published.object["memberCount"] as? Int == 3)
            #expect(published.object["publishedBy"] as? String == "reviewer-user")
            let versions = try await api.call(.get, Self.refset + "/versions", as: .anonymous)
            #expect(versions.items.map { $0["effectiveTime"] as? Int } == [20250301])
            #expect(try await api.call(.get, Self.refset + "/versions/1", as: .anonymous).object["note"] as? String == "first version")
            #expect(try await api.call(.get, Self.refset + "/versions/2", as: .anonymous).status == .notFound)
            let again = try await api.call(.post, Self.refset + "/versions", as: .role(.reviewer), json: ["effectiveTime": 20250401])
            #expect(again.status == .badRequest)
            #expect(again.message.contains("has no changes since version 1"))

            // The RF2 package holds the member file with the members' stable UUIDs.
            let zip = try await api.call(.get, Self.refset + "/export?format=zip", as: .anonymous)
            #expect(zip.status == .ok)
            #expect(zip.headers[.contentType] == "application/zip")
            #expect(zip.headers[.contentDisposition]?.contains("SnomedCT_Refset11000202100_PRODUCTION_NO1000202_20250301T120000Z.zip") == true)
            let archive = try Archive(data: Data(zip.body.readableBytesView), accessMode: .read)
            let name = "Snapshot/Refset/Content/der2_Refset_SimpleSnapshot_NO1000202_20250301.txt"
            let entry = try #require(archive.first { $0.path.hasSuffix(name) })
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            let rows = String(decoding: bytes, as: UTF8.self).split(separator: "\r\n").map(String.init)
            #expect(rows.first == "id\teffectiveTime\tactive\tmoduleId\trefsetId\treferencedComponentId")
            #expect(
                Array(rows.dropFirst())
                    == ([22298006, 56265001, 9900021000202108] as [Int64]).map { concept in
                        "\(MemberUUID.member(refset: 11000202100, concept: concept))\t20250301\t1\t51000202101\t11000202100\t\(concept)"
                    })
            let delta = try await api.call(.get, Self.refset + "/export?format=rf2&type=delta", as: .anonymous)
            #expect(delta.headers[.contentDisposition]?.contains("der2_Refset_SimpleDelta_NO1000202_20250301.txt") == true)
            #expect(delta.text.split(separator: "\r\n").count == 4)
            #expect(try await api.call(.get, Self.refset + "/export?format=zip&version=1", as: .anonymous).status == .ok)
            #expect(try await api.call(.get, Self.refset + "/export?format=zip&version=2", as: .anonymous).status == .notFound)

            // CSV and TSV of the published version, FHIR and the RefSets/ file.
            let csv = try await api.call(.get, Self.refset + "/export?format=csv&version=1&lang=en", as: .anonymous)
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(
                csv.text.components(separatedBy: "\r\n") == [
                    "conceptId,preferredTerm,fullySpecifiedName,active", "22298006,Myocardial infarction,Myocardial infarction (disorder),1",
                    "56265001,Heart disease,Heart disease (disorder),1", "9900021000202108,Myocardial infarct,Myocardial infarct (disorder),0", "",
                ])
            let tsv = try await api.call(.get, Self.refset + "/export?format=tsv&lang=en", as: .anonymous)
            #expect(tsv.text.hasPrefix("conceptId\tpreferredTerm\tfullySpecifiedName\tactive\r\n22298006\tMyocardial infarction\t"))
            let fhir = try await api.call(.get, Self.refset + "/export?format=fhir&version=1", as: .anonymous)
            #expect(fhir.headers[.contentType] == "application/fhir+json; charset=utf-8")
            #expect(fhir.object["resourceType"] as? String == "ValueSet")
            #expect(fhir.object["version"] as? String == "20250301")
            let file = try await api.call(.get, Self.refset + "/export?format=file", as: .anonymous)
            #expect((file.object["members"] as? [Any])?.count == 3)
            #expect(file.headers[.contentDisposition]?.contains("hurtigliste.json") == true)
            #expect(try await api.call(.get, Self.refset + "/export?format=pdf", as: .anonymous).message.contains("parameter 'format' must be one of zip"))

            // The detail view of `steward refset show`.
            let detail = try await api.call(.get, Self.refset + "/detail?lang=en", as: .anonymous)
            #expect((detail.object["refset"] as? [String: Any])?["name"] as? String == "Hurtigliste")
            #expect((detail.object["versions"] as? [Any])?.count == 1)
            #expect((detail.object["entries"] as? [[String: Any]])?.first?["reason"] as? String == "first list")
            #expect((detail.object["members"] as? [Any])?.count == 3)

            // The audit log names the users behind the tokens.
            let audit = try await api.call(.get, "/api/v1/audit?entity=refset&entityId=11000202100", as: .role(.viewer))
            #expect(audit.status == .ok)
            let log = audit.object["events"] as? [[String: Any]] ?? []
            #expect(log.map { $0["action"] as? String } == ["publish", "update", "add-members", "create"])
            #expect(log.map { $0["actor"] as? String } == ["reviewer-user", "author-user", "author-user", "author-user"])
            #expect(((log.last?["after"] as? [String: Any])?["name"] as? String) == "Hurtigliste")
            let byAction = try await api.call(.get, "/api/v1/audit?action=publish&user=reviewer-user", as: .role(.viewer))
            #expect(byAction.object["total"] as? Int == 1)
            let settingsEvents = try await api.call(.get, "/api/v1/audit?entity=settings", as: .role(.viewer))
            #expect((settingsEvents.object["events"] as? [[String: Any]])?.first?["actor"] as? String == "admin-user")
            let future = try await api.call(.get, "/api/v1/audit?since=2999-01-01", as: .role(.viewer))
            #expect(future.object["total"] as? Int == 0)
            let past = try await api.call(.get, "/api/v1/audit?until=2000-01-01", as: .role(.viewer))
            #expect(past.object["total"] as? Int == 0)
            #expect(try await api.call(.get, "/api/v1/audit?since=yesterday", as: .role(.viewer)).message.contains("parameter 'since'"))

            // The list, with filters.
            let list = try await api.call(.get, "/api/v1/refsets?status=published", as: .anonymous)
            #expect(list.object["total"] as? Int == 1)
            #expect(list.items.first?["id"] as? String == "11000202100")
            #expect(try await api.call(.get, "/api/v1/refsets?status=modified", as: .anonymous).object["total"] as? Int == 0)
            #expect(try await api.call(.get, "/api/v1/refsets?kind=intensional", as: .anonymous).object["total"] as? Int == 0)
        }
    }

    @Test("intensional refsets: inclusions and exclusions, expansion, a bad definition is refused")
    func intensional() async throws {
        let server = try TestServer()
        try server.configureWorkspace()
        try await server.test { client in
            let api = WorkspaceAPI(client: client, server: server)
            let created = try await api.call(
                .post, "/api/v1/refsets", as: .role(.author),
                json: ["name": "Hjertesykdommer", "kind": "intensional", "ecl": "<< 56265001 |Heart disease|", "release": "INT-20250201"])
            #expect(created.status == .created)
            let member = try await api.call(.post, Self.refset + "/members", as: .role(.author), json: ["conceptIds": ["38341003"]])
            #expect(member.status == .badRequest)
            #expect(member.message.hasPrefix("refset 11000202100 is intensional"))
            #expect(
                try await api.call(.post, Self.refset + "/members", as: .role(.author), json: ["conceptIds": ["38341003"], "role": "include"]).status == .ok)
            #expect(
                try await api.call(.post, Self.refset + "/members", as: .role(.author), json: ["conceptIds": ["84114007"], "role": "exclude"]).status == .ok)
            let expansion = try await api.call(.get, Self.refset + "/expansion?limit=100", as: .anonymous)
            #expect(expansion.status == .ok)
            #expect(
                expansion.items.compactMap { $0["conceptId"] as? String } == [
                    "22298006", "38341003", "49436004", "56265001", "57054005", "401303003", "414545008", "698247007",
                ])
            let entries = try await api.call(.get, Self.refset + "/entries?role=exclude", as: .anonymous)
            #expect(entries.items.map { $0["conceptId"] as? String } == ["84114007"])
            let bad = try await api.call(
                .post, "/api/v1/refsets", as: .role(.author), json: ["name": "Bad", "kind": "intensional", "ecl": "<< 56265001 AND", "release": "INT-20250201"])
            #expect(bad.status == .badRequest)
            #expect(bad.message.hasPrefix("ECL definition:"))
            let definition = try await api.call(.patch, Self.refset, as: .role(.author), json: ["ecl": "<< 22298006"], ifMatch: "\"3\"")
            #expect(definition.status == .ok)
            let narrowed = try await api.call(.get, Self.refset + "/members", as: .anonymous)
            #expect(narrowed.items.compactMap { $0["conceptId"] as? String } == ["22298006", "38341003", "57054005", "401303003"])
            #expect(try await api.call(.get, "/api/v1/refsets?kind=intensional&status=draft", as: .anonymous).object["total"] as? Int == 1)
        }
    }

    @Test("migration: plan, If-Match required, stale 412, decisions applied in one step")
    func migration() async throws {
        let server = try TestServer()
        try server.configureWorkspace()
        let refset = try server.makeRefset("Hurtigliste", release: "INT-20250101", members: [22298006, 9900021000202108, 9900041000202104])
        try await server.test { client in
            let api = WorkspaceAPI(client: client, server: server)
            let plan = try await api.call(.get, Self.refset + "/migration?to=INT-20250201", as: .anonymous)
            #expect(plan.status == .ok)
            let items = plan.object["items"] as? [[String: Any]] ?? []
            #expect(items.map { $0["conceptId"] as? String } == ["9900021000202108", "9900041000202104"])
            #expect(items.map { $0["suggestion"] as? String } == ["replace:22298006", "keep"])
            #expect(try await api.call(.get, Self.refset + "/migration", as: .anonymous).message.contains("'to'"))

            let body: [String: Any] = ["to": "INT-20250201", "decisions": ["9900041000202104": "remove"]]
            #expect(try await api.call(.post, Self.refset + "/migration", as: .role(.author), json: body).status == .preconditionRequired)
            let stale = try await api.call(.post, Self.refset + "/migration", as: .role(.author), json: body, ifMatch: "\"1\"")
            #expect(stale.status == .preconditionFailed)
            #expect(stale.object["currentVersion"] as? Int == refset.version)
            let wrong = try await api.call(
                .post, Self.refset + "/migration", as: .role(.author), json: ["to": "INT-20250201", "decisions": ["22298006": "remove"]],
                ifMatch: "\"\(refset.version)\"")
            #expect(wrong.status == .badRequest)
            #expect(wrong.message.hasPrefix("concept 22298006 is not an affected member"))
            let migrated = try await api.call(.post, Self.refset + "/migration", as: .role(.author), json: body, ifMatch: "\"\(refset.version)\"")
            #expect(migrated.status == .ok)
            #expect(migrated.object["release"] as? String == "INT-20250201")
            #expect(migrated.headers[.eTag] == "\"\(refset.version + 1)\"")
            let members = try await api.call(.get, Self.refset + "/members", as: .anonymous)
            #expect(members.items.map { $0["conceptId"] as? String } == ["22298006"])
        }
    }

    @Test("import members from RF2, CSV and TSV bodies; a bad line names itself and writes nothing")
    func importMembers() async throws {
        let server = try TestServer()
        try server.configureWorkspace()
        let refset = try server.makeRefset("Importert", members: [])
        try await server.test { client in
            let api = WorkspaceAPI(client: client, server: server)
            let uri = "/api/v1/refsets/\(refset.id)/import"
            let csv = try await api.call(
                .post, uri, as: .role(.author), raw: "code,display\r\n22298006,\"Myocardial infarction, acute\"\r\n57054005,Acute MI\r\n")
            #expect(csv.status == .ok)
            #expect(csv.object["changed"] as? [String] == ["22298006", "57054005"])
            let tsv = try await api.call(.post, uri, as: .role(.author), raw: "conceptId\tterm\n56265001\tHeart disease\n22298006\tMI\n")
            #expect(tsv.object["changed"] as? [String] == ["56265001"])
            #expect(tsv.object["unchanged"] as? [String] == ["22298006"])
            let rf2 =
                [
                    "id\teffectiveTime\tactive\tmoduleId\trefsetId\treferencedComponentId",
                    "8e5f0b3c-6a7d-5f21-9a07-3c5512e48b90\t20250101\t1\t51000202101\t900000000000497000\t84114007",
                    "1f2a3b4c-6a7d-5f21-9a07-3c5512e48b90\t20250101\t0\t51000202101\t900000000000497000\t38341003",
                ].joined(separator: "\r\n") + "\r\n"
            let imported = try await api.call(.post, uri, as: .role(.author), raw: rf2)
            #expect(imported.object["changed"] as? [String] == ["84114007"])
            let version = try server.services.workspace.refset(refset.id).version
            let events = try server.auditCount()
            let bad = try await api.call(.post, uri, as: .role(.author), raw: "conceptId\n22298006\nabc\n")
            #expect(bad.status == .badRequest)
            #expect(bad.message == "the uploaded file line 3: 'abc' is not a valid SCTID")
            let stale = try await api.call(.post, uri, as: .role(.author), raw: "conceptId\n38341003\n", ifMatch: "\"1\"")
            #expect(stale.status == .preconditionFailed)
            #expect(try server.services.workspace.refset(refset.id).version == version)
            #expect(try server.auditCount() == events)
            #expect(try await api.call(.post, uri, as: .role(.author)).status == .badRequest)
        }
    }

    @Test("RefSets/ files: listed, and loaded back idempotently")
    func refsetFiles() async throws {
        let server = try TestServer()
        try server.configureWorkspace()
        try server.makeRefset("Hurtigliste", members: [22298006, 57054005])
        try await server.test { client in
            let api = WorkspaceAPI(client: client, server: server)
            let listed = try await api.call(.get, "/api/v1/refsets/files?release=INT-20250201&lang=en", as: .anonymous)
            #expect(listed.status == .ok)
            #expect(listed.items.map { $0["name"] as? String } == ["hurtigliste.json"])
            var content = try #require(listed.items.first?["content"] as? [String: Any])
            #expect((content["members"] as? [[String: Any]])?.first?["term"] as? String == "Myocardial infarction")
            let unchanged = try await api.call(
                .post, "/api/v1/refsets/files", as: .role(.author),
                json: ["files": [["name": "hurtigliste.json", "content": content]], "release": "INT-20250201"])
            #expect(unchanged.status == .ok)
            #expect(unchanged.items.map { $0["action"] as? String } == ["unchanged"])
            content["members"] = [["id": "22298006"]]
            let second: [String: Any] = ["name": "Ny liste", "module": "51000202101", "language": "nb", "kind": "extensional", "members": [["id": "56265001"]]]
            let synced = try await api.call(
                .post, "/api/v1/refsets/files", as: .role(.author),
                json: ["files": [["name": "hurtigliste.json", "content": content], ["name": "ny.json", "content": second]], "release": "INT-20250201"])
            #expect(synced.items.map { $0["action"] as? String } == ["updated", "created"])
            #expect(synced.items.first?["removed"] as? [String] == ["57054005"])
            let broken: [String: Any] = ["name": "X", "module": "51000202101", "language": "nb", "kind": "extensional", "ecl": "<< 1"]
            let refused = try await api.call(.post, "/api/v1/refsets/files", as: .role(.author), json: ["files": [["name": "x.json", "content": broken]]])
            #expect(refused.status == .badRequest)
            #expect(refused.message.hasPrefix("x.json: an extensional refset has \"members\""))
        }
    }

    @Test("errors: unknown refset 404, bad id 400, malformed JSON names the field, too large 413, nothing left behind")
    func errors() async throws {
        let server = try TestServer(maxBodySize: 2048)
        let baseline = try server.auditCount()
        try await server.test { client in
            let api = WorkspaceAPI(client: client, server: server)
            let unknown = try await api.call(.get, Self.refset, as: .anonymous)
            #expect(unknown.status == .notFound)
            #expect(unknown.message == "no refset 11000202100 in the workspace")
            #expect(try await api.call(.get, Self.refset + "/members", as: .anonymous).status == .notFound)
            #expect(try await api.call(.post, Self.refset + "/members", as: .role(.author), json: ["conceptIds": ["22298006"]]).status == .notFound)
            let badId = try await api.call(.get, "/api/v1/refsets/12345", as: .anonymous)
            #expect(badId.status == .badRequest)
            #expect(badId.message.contains("(id) is not a valid concept id"))

            // Without settings the refset needs a namespace.
            let noNamespace = try await api.call(.post, "/api/v1/refsets", as: .role(.author), json: ["name": "Liste"])
            #expect(noNamespace.status == .badRequest)
            #expect(noNamespace.message.hasPrefix("a new refset needs a namespace (for its concept id) and a module (for its rows)"))
            let noModule = try await api.call(.post, "/api/v1/refsets", as: .role(.author), json: ["name": "Liste", "namespace": 1000202])
            #expect(noModule.message.hasPrefix("a new refset needs a module (for its rows): "))
            try server.configureWorkspace()

            let wrongType = try await api.call(.post, "/api/v1/refsets", as: .role(.author), json: ["name": 5])
            #expect(wrongType.status == .badRequest)
            #expect(wrongType.message == "invalid request body: field 'name': expected a string")
            let shortNamespace = try await api.call(.post, "/api/v1/refsets", as: .role(.author), json: ["name": "Liste", "namespace": 12])
            #expect(shortNamespace.message == "field 'namespace': 12 is not a 7-digit SNOMED CT namespace identifier (e.g. 1000202)")
            let missing = try await api.call(.post, "/api/v1/refsets", as: .role(.author), json: ["description": "x"])
            #expect(missing.message == "invalid request body: missing field 'name'")
            let notJSON = try await api.call(.post, "/api/v1/refsets", as: .role(.author), raw: "{\"name\": ")
            #expect(notJSON.status == .badRequest)
            #expect(notJSON.message.hasPrefix("invalid request body: body: not valid JSON"))
            let empty = try await api.call(.post, "/api/v1/refsets", as: .role(.author))
            #expect(empty.message == "this route needs a JSON request body")

            try server.makeRefset("Hurtigliste", members: [])
            let badMember = try await api.call(.post, Self.refset + "/members", as: .role(.author), json: ["conceptIds": ["22298006", "abc"]])
            #expect(badMember.status == .badRequest)
            #expect(badMember.message == "invalid request body: field 'conceptIds.[1]': 'abc' is not a SNOMED CT id (decimal digits)")
            let noIds = try await api.call(.post, Self.refset + "/members", as: .role(.author), json: ["conceptIds": []])
            #expect(noIds.message == "field 'conceptIds' is empty: give at least one concept id")
            let badRemove = try await api.call(.delete, Self.refset + "/members", as: .role(.author), json: ["conceptIds": ["22298007"]])
            #expect(badRemove.message.contains("'conceptIds.[0]': 22298007 is not a valid concept id"))
            let badIfMatch = try await api.call(.patch, Self.refset, as: .role(.author), json: ["name": "x"], ifMatch: "*")
            #expect(badIfMatch.status == .badRequest)

            let big = (0..<300).map { _ in "22298006" }
            let tooLarge = try await api.call(.post, Self.refset + "/members", as: .role(.author), json: ["conceptIds": big])
            #expect(tooLarge.status == .contentTooLarge)
            #expect(tooLarge.object["status"] as? Int == 413)

            // Nothing of the failed writes is left: one refset, no entries, only the setup's audit events
            // (the settings update and the refset's creation).
            let list = try await api.call(.get, "/api/v1/refsets", as: .anonymous)
            #expect(list.object["total"] as? Int == 1)
            #expect(try server.services.workspace.entries(of: 11000202100).isEmpty)
            let audit = try await api.call(.get, "/api/v1/audit", as: .role(.viewer))
            #expect(audit.object["total"] as? Int == baseline + 2)
            #expect((audit.object["events"] as? [[String: Any]])?.prefix(2).map { $0["action"] as? String } == ["create", "update"])
        }
    }

    @Test("refsets containing a concept: local drafts, published versions and the release's refsets")
    func containing() async throws {
        let server = try TestServer()
        try server.configureWorkspace()
        let list = try server.makeRefset("Hurtigliste")
        _ = try server.services.workspace.publish(
            list.id, effectiveTime: 20250301, expectedVersion: list.version, release: try server.services.releases.release("INT-20250201").engines.store,
            by: WorkspaceUser(name: "rita", role: .reviewer))
        try await server.test { client in
            let api = WorkspaceAPI(client: client, server: server)
            let found = try await api.call(.get, "/api/v1/refsets/containing/22298006?release=INT-20250201", as: .anonymous)
            #expect(found.status == .ok)
            #expect(found.items.map { $0["source"] as? String } == ["local-draft", "local-published", "release", "release"])
            #expect(found.items.first?["refsetId"] as? String == "11000202100")
            #expect(try await api.call(.get, "/api/v1/refsets/containing/22298007", as: .anonymous).status == .badRequest)
        }
    }
}
