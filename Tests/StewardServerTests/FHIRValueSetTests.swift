import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RF2
import StewardServer
import TerminologyStore
import Testing
import Workspace

/// Expected totals are the descendants-or-self counts from the sample RF2 (active inferred IS-A between
/// active concepts), checked against `steward ecl '<< ID' --count` on each release.
@Suite("FHIR ValueSet operations")
struct FHIRValueSetTests {
    private static let heartDisease = ["22298006", "49436004", "56265001", "57054005", "84114007", "401303003", "414545008", "698247007"]

    private func expand(_ client: some TestClientProtocol, _ query: [(String, String)], status: HTTPResponse.Status = .ok) async throws -> [String:
        Any]
    {
        var object: [String: Any] = [:]
        try await client.execute(uri: FHIR.uri("ValueSet/$expand", query), method: .get) { response in
            #expect(response.status == status)
            object = response.object
        }
        return object
    }

    @Test("isa implicit value set: the whole set without count, ascending codes with display, paging, used-codesystem and the echo")
    func expandIsA() async throws {
        let server = try TestServer()
        try await server.test { client in
            var valueSet = try await expand(client, [("url", "\(FHIR.sct)?fhir_vs=isa/56265001")])
            #expect(valueSet["resourceType"] as? String == "ValueSet")
            #expect(valueSet["url"] as? String == "\(FHIR.sct)?fhir_vs=isa/56265001")
            #expect(FHIR.total(valueSet) == 8)
            #expect(FHIR.codes(valueSet) == Self.heartDisease)
            let first = FHIR.contains(valueSet).first ?? [:]
            #expect(first["system"] as? String == FHIR.sct)
            #expect(first["version"] == nil)
            #expect(first["display"] as? String == "Myocardial infarction")
            #expect(first["inactive"] == nil)
            let expansion = valueSet["expansion"] as? [String: Any] ?? [:]
            #expect((expansion["identifier"] as? String)?.hasPrefix("urn:uuid:") == true)
            // Filters over SNOMED CT are unclosed: expressions could refine any of these concepts.
            #expect((expansion["extension"] as? [[String: Any]])?.first?["url"] as? String == "http://hl7.org/fhir/StructureDefinition/valueset-unclosed")
            let parameters = (expansion["parameter"] as? [[String: Any]]) ?? []
            #expect(parameters.map { $0["name"] as? String } == ["used-codesystem"])
            #expect(parameters.first?["valueUri"] as? String == "\(FHIR.sct)|\(FHIR.no0215)")

            valueSet = try await expand(client, [("url", "\(FHIR.sct)?fhir_vs=isa/56265001"), ("offset", "2"), ("count", "3")])
            #expect(FHIR.total(valueSet) == 8)
            #expect((valueSet["expansion"] as? [String: Any])?["offset"] as? Int == 2)
            #expect(FHIR.codes(valueSet) == ["56265001", "57054005", "84114007"])
            let echoed = ((valueSet["expansion"] as? [String: Any])?["parameter"] as? [[String: Any]]) ?? []
            #expect(echoed.map { $0["name"] as? String } == ["offset", "count", "used-codesystem"])

            // Without count, past `limit` the expansion is too costly rather than cut short.
            let tooBig = try await expand(client, [("url", "\(FHIR.sct)?fhir_vs=isa/404684003"), ("limit", "10")], status: .unprocessableContent)
            #expect(FHIR.issues(tooBig).first?.messageId == "VALUESET_TOO_COSTLY")
            #expect(
                FHIR.issues(tooBig).first?.text == "The value set 'http://snomed.info/sct?fhir_vs=isa/404684003' expansion has too many codes to produce (>10)")

            // count=0: the total only.
            valueSet = try await expand(client, [("url", "\(FHIR.sct)?fhir_vs=isa/404684003"), ("count", "0")])
            #expect(FHIR.total(valueSet) == 49)
            #expect(FHIR.contains(valueSet).isEmpty)
        }
    }

    @Test("the base URI or system-version picks the release; totals differ per release")
    func expandVersions() async throws {
        let server = try TestServer()
        try await server.test { client in
            let url = "\(FHIR.sct)?fhir_vs=isa/404684003"
            for (version, total) in [(FHIR.int0101, 48), (FHIR.int0201, 47), (FHIR.no0215, 49)] {
                var valueSet = try await expand(client, [("url", url), ("system-version", "\(FHIR.sct)|\(version)"), ("count", "0")])
                #expect(FHIR.total(valueSet) == total)
                valueSet = try await expand(client, [("url", "\(version)?fhir_vs=isa/404684003"), ("count", "0")])
                #expect(FHIR.total(valueSet) == total)
            }
            // An edition URI base: the newest INT release.
            let valueSet = try await expand(client, [("url", "http://snomed.info/sct/900000000000207008?fhir_vs=isa/50043002")])
            #expect(FHIR.total(valueSet) == 8)
            let used = ((valueSet["expansion"] as? [String: Any])?["parameter"] as? [[String: Any]])?.last?["valueUri"] as? String
            #expect(used == "\(FHIR.sct)|\(FHIR.int0201)")

            let error = try await expand(client, [("url", url), ("system-version", "http://snomed.info/sct/45991000052106")], status: .notFound)
            #expect(FHIR.diagnostics(error).hasPrefix("unknown SNOMED CT version 'http://snomed.info/sct/45991000052106' (system-version)"))
        }
    }

    @Test("ecl, refset and all-refsets implicit value sets; filter searches within the value set in the display language")
    func expandImplicitForms() async throws {
        let server = try TestServer()
        try await server.test { client in
            var valueSet = try await expand(client, [("url", FHIR.eclValueSet("<< 56265001 MINUS << 698247007")), ("displayLanguage", "nb")])
            #expect(FHIR.codes(valueSet) == ["22298006", "56265001", "57054005", "84114007", "401303003", "414545008"])
            #expect(FHIR.contains(valueSet).first?["display"] as? String == "hjerteinfarkt")

            valueSet = try await expand(client, [("url", "\(FHIR.sct)?fhir_vs=refset/8800041000202105")])
            #expect(FHIR.total(valueSet) == 10)
            #expect(
                FHIR.codes(valueSet) == [
                    "22298006", "38341003", "49436004", "56265001", "57054005", "59621000", "84114007", "401303003", "414545008", "698247007",
                ])

            valueSet = try await expand(
                client, [("url", "\(FHIR.sct)?fhir_vs=refset/8800041000202105"), ("filter", "hjerte"), ("displayLanguage", "nb")])
            #expect(Set(FHIR.codes(valueSet)) == ["22298006", "56265001", "57054005", "84114007", "414545008", "698247007"])
            #expect(FHIR.total(valueSet) == 6)
            let parameters = ((valueSet["expansion"] as? [String: Any])?["parameter"] as? [[String: Any]]) ?? []
            #expect(parameters.contains { $0["name"] as? String == "filter" && $0["valueString"] as? String == "hjerte" })
            #expect(parameters.contains { $0["name"] as? String == "displayLanguage" && $0["valueCode"] as? String == "nb" })

            // 723264001 in INT 20250201: 80891009 was removed, 955009 added.
            valueSet = try await expand(client, [("url", "\(FHIR.int0201)?fhir_vs=refset/723264001")])
            #expect(FHIR.codes(valueSet) == ["955009", "39607008", "64033007", "72696002", "76752008"])

            valueSet = try await expand(client, [("url", "\(FHIR.sct)?fhir_vs=refset"), ("count", "1000")])
            let refsets = Set(FHIR.codes(valueSet))
            #expect(
                refsets.isSuperset(of: [
                    "447562003", "723264001", "8800041000202105", "8800051000202108", "61000202103", "91000202106", "900000000000527005",
                ]))
            #expect(!refsets.contains("22298006"))
            #expect(FHIR.total(valueSet) == refsets.count)

            valueSet = try await expand(client, [("url", "\(FHIR.sct)?fhir_vs"), ("count", "0")])
            #expect(FHIR.total(valueSet) == 254)
        }
    }

    @Test("posted compose: is-a, concept list, in (refset), constraint (ECL) and exclude; a bare ValueSet body works too")
    func expandCompose() async throws {
        let server = try TestServer()
        try await server.test { client in
            let compose: [String: Any] = [
                "include": [
                    ["system": FHIR.sct, "filter": [["property": "concept", "op": "is-a", "value": "56265001"]]],
                    ["system": FHIR.sct, "concept": [["code": "195967001"]]],
                ],
                "exclude": [["system": FHIR.sct, "filter": [["property": "constraint", "op": "=", "value": "<< 49436004"]]]],
            ]
            let valueSet: [String: Any] = [
                "resourceType": "ValueSet", "url": "http://example.org/fhir/ValueSet/heart", "status": "draft", "compose": compose,
            ]
            var expanded = try await FHIR.post(
                client, "ValueSet/$expand", FHIR.parametersResource([("valueSet", ["resource": valueSet]), ("count", ["valueInteger": 20])]))
            #expect(expanded["url"] as? String == "http://example.org/fhir/ValueSet/heart")
            #expect(FHIR.codes(expanded) == ["22298006", "56265001", "57054005", "84114007", "195967001", "401303003", "414545008", "698247007"])

            expanded = try await FHIR.post(client, "ValueSet/$expand", valueSet)
            #expect(FHIR.total(expanded) == 8)

            // concept in <refset> and descendent-of, with the version in the include.
            let inRefset: [String: Any] = [
                "resourceType": "ValueSet",
                "compose": [
                    "include": [
                        [
                            "system": FHIR.sct, "version": FHIR.no0215,
                            "filter": [
                                ["property": "concept", "op": "in", "value": "8800051000202108"],
                                ["property": "concept", "op": "descendent-of", "value": "50043002"],
                            ],
                        ]
                    ]
                ],
            ]
            expanded = try await FHIR.post(client, "ValueSet/$expand", inRefset)
            #expect(FHIR.codes(expanded) == ["6142004", "13645005", "82272006", "195967001", "233604007", "840539006", "8800031000202104"])
        }
    }

    @Test("inactive concepts are flagged, activeOnly drops them; includeDesignations adds each concept's terms")
    func expandInactiveAndDesignations() async throws {
        let server = try TestServer()
        try await server.test { client in
            let valueSet: [String: Any] = [
                "resourceType": "ValueSet",
                "compose": [
                    "include": [["system": FHIR.sct, "version": FHIR.int0201, "concept": [["code": "22298006"], ["code": "9900021000202108"]]]]
                ],
            ]
            var expanded = try await FHIR.post(client, "ValueSet/$expand", valueSet)
            #expect(FHIR.codes(expanded) == ["22298006", "9900021000202108"])
            #expect(FHIR.contains(expanded).map { $0["inactive"] as? Bool } == [nil, true])

            expanded = try await FHIR.post(
                client, "ValueSet/$expand", FHIR.parametersResource([("valueSet", ["resource": valueSet]), ("activeOnly", ["valueBoolean": true])]))
            #expect(FHIR.codes(expanded) == ["22298006"])

            expanded = try await expand(client, [("url", FHIR.eclValueSet("56265001")), ("includeDesignations", "true"), ("displayLanguage", "nn")])
            let entry = FHIR.contains(expanded).first ?? [:]
            #expect(entry["display"] as? String == "hjartesjukdom")
            let designations = (entry["designation"] as? [[String: Any]]) ?? []
            let terms = designations.map { "\($0["language"] as? String ?? "")|\($0["value"] as? String ?? "")" }
            #expect(Set(terms) == ["en|Heart disease (disorder)", "en|Heart disease", "en|Cardiac disorder", "nb|hjertesykdom", "nn|hjartesjukdom"])
            #expect(designations.allSatisfy { ($0["use"] as? [String: Any])?["system"] as? String == FHIR.sct })
        }
    }

    @Test("local refsets expand by their canonical URL: the newest published version, or the draft")
    func expandLocalRefset() async throws {
        let server = try TestServer()
        let workspace = server.services.workspace
        let release = try server.services.releases.release("NO-20250215")
        let author = WorkspaceUser(name: "author-user", role: .author)
        let created = try server.makeRefset("Hjertediagnoser", release: "NO-20250215", members: [22298006, 84114007])
        let url = "\(FHIR.sct)?fhir_vs=refset/\(created.id)"
        try await server.test { client in
            var refset = try workspace.refset(created.id)
            var valueSet = try await expand(client, [("url", url), ("displayLanguage", "nb")])
            #expect(valueSet["status"] as? String == "draft")
            #expect(valueSet["title"] as? String == "Hjertediagnoser")
            #expect(FHIR.codes(valueSet) == ["22298006", "84114007"])
            #expect(FHIR.contains(valueSet).map { $0["display"] as? String } == ["hjerteinfarkt", "hjertesvikt"])

            _ = try workspace.publish(
                refset.id, effectiveTime: 20250301, expectedVersion: refset.version, release: release.engines.store,
                by: WorkspaceUser(name: "admin", role: .admin))
            refset = try workspace.refset(refset.id)
            _ = try workspace.addEntries(
                [56265001], to: refset.id, reason: "later", expectedVersion: refset.version, release: release.engines.store, by: author)

            valueSet = try await expand(client, [("url", url)])
            #expect(valueSet["status"] as? String == "active")
            #expect(valueSet["version"] as? String == "20250301")
            #expect(FHIR.codes(valueSet) == ["22298006", "84114007"])
            valueSet = try await expand(client, [("url", url), ("valueSetVersion", "draft")])
            #expect(FHIR.codes(valueSet) == ["22298006", "56265001", "84114007"])
            let error = try await expand(client, [("url", url), ("valueSetVersion", "7")], status: .notFound)
            #expect(FHIR.diagnostics(error) == "local refset \(refset.id) has no version '7': published versions are 1 (20250301), or draft")
        }
    }

    @Test("$expand errors: bad ECL names the position, unknown value set, missing url, unsupported filter and system")
    func expandErrors() async throws {
        let server = try TestServer()
        try await server.test { client in
            let badURL = FHIR.eclValueSet("<< 404684003 AND")
            var outcome = try await expand(client, [("url", badURL)], status: .badRequest)
            #expect(outcome["resourceType"] as? String == "OperationOutcome")
            #expect(FHIR.diagnostics(outcome).hasPrefix("invalid ECL '<< 404684003 AND' in url '\(FHIR.sct)?fhir_vs=ecl/…': ECL syntax error at 1:17:"))
            #expect(FHIR.issues(outcome).map(\.type) == ["vs-invalid"])
            #expect(FHIR.issues(outcome).map(\.messageId) == ["INVALID_ECL"])

            let compose: [String: Any] = [
                "resourceType": "ValueSet",
                "compose": [
                    "include": [["system": FHIR.sct, "filter": [["property": "constraint", "op": "=", "value": "<< 404684003 {{ C foo = 1 }}"]]]]
                ],
            ]
            outcome = try await FHIR.post(client, "ValueSet/$expand", compose, status: .badRequest)
            #expect(
                FHIR.diagnostics(outcome).hasPrefix(
                    "invalid ECL '<< 404684003 {{ C foo = 1 }}' in compose.include[0].filter[0] (constraint =): ECL syntax error at 1:"))

            // An unknown concept in the author's ECL makes the value set invalid, not empty.
            let unknown: [String: Any] = [
                "resourceType": "ValueSet",
                "compose": ["include": [["system": FHIR.sct, "filter": [["property": "constraint", "op": "=", "value": "< 99999999"]]]]],
            ]
            outcome = try await FHIR.post(client, "ValueSet/$expand", unknown, status: .badRequest)
            #expect(FHIR.issues(outcome).map(\.type) == ["vs-invalid"])
            #expect(FHIR.issues(outcome).first?.text.contains("'< 99999999'") == true)

            outcome = try await expand(client, [("url", "http://example.org/fhir/ValueSet/unknown")], status: .notFound)
            #expect(FHIR.diagnostics(outcome).hasPrefix("value set 'http://example.org/fhir/ValueSet/unknown' is not known"))
            #expect(
                FHIR.issues(outcome) == [
                    FHIR.Issue(
                        severity: "error", type: "not-found", messageId: "Unable_to_resolve_value_Set_",
                        text: "A definition for the value Set 'http://example.org/fhir/ValueSet/unknown' could not be found")
                ])

            outcome = try await expand(client, [("url", "\(FHIR.sct)?fhir_vs=refset/22298006")], status: .notFound)
            #expect(
                FHIR.diagnostics(outcome).contains(
                    "22298006 is neither a reference set with members in SNOMED CT release NO-20250215 nor a local refset"))

            outcome = try await expand(client, [("url", "\(FHIR.sct)?fhir_vs=isa/10003571000202118")], status: .notFound)
            #expect(FHIR.diagnostics(outcome).contains("is a description id"))

            outcome = try await expand(client, [("count", "10")], status: .badRequest)
            #expect(FHIR.diagnostics(outcome).hasPrefix("parameter 'url' or 'valueSet' is required"))

            outcome = try await expand(client, [("url", "\(FHIR.sct)?fhir_vs"), ("count", "10001")], status: .badRequest)
            #expect(FHIR.diagnostics(outcome) == "parameter 'count' must be from 0 to 10000, got 10001")

            let loinc: [String: Any] = [
                "resourceType": "ValueSet", "compose": ["include": [["system": "http://loinc.org", "concept": [["code": "1234-5"]]]]],
            ]
            outcome = try await FHIR.post(client, "ValueSet/$expand", loinc, status: .badRequest)
            #expect(
                FHIR.diagnostics(outcome)
                    == "compose.include[0].system 'http://loinc.org' is not supported: this server expands SNOMED CT (http://snomed.info/sct) only")

            let regex: [String: Any] = [
                "resourceType": "ValueSet",
                "compose": ["include": [["system": FHIR.sct, "filter": [["property": "display", "op": "regex", "value": "^heart"]]]]],
            ]
            outcome = try await FHIR.post(client, "ValueSet/$expand", regex, status: .badRequest)
            #expect(FHIR.diagnostics(outcome).hasPrefix("compose.include[0].filter[0]: filter 'display regex' is not supported"))
        }
    }

    @Test("ValueSet/$validate-code: member with display, non-member, code of another system")
    func validateCode() async throws {
        let server = try TestServer()
        try await server.test { client in
            let url = "\(FHIR.sct)?fhir_vs=isa/56265001"
            func validate(_ query: [(String, String)]) async throws -> [String: Any] {
                var object: [String: Any] = [:]
                try await client.execute(uri: FHIR.uri("ValueSet/$validate-code", [("url", url)] + query), method: .get) { response in
                    #expect(response.status == .ok)
                    object = response.object
                }
                return object
            }
            var output = try await validate([("system", FHIR.sct), ("code", "22298006"), ("display", "Heart attack")])
            #expect(FHIR.bool(output, "result") == true)
            #expect(FHIR.issues(output).isEmpty)

            output = try await validate([("system", FHIR.sct), ("code", "195967001")])
            #expect(FHIR.bool(output, "result") == false)
            #expect(FHIR.string(output, "message") == "The provided code 'http://snomed.info/sct#195967001' was not found in the value set '\(url)'")
            #expect(FHIR.issues(output).map(\.type) == ["not-in-vs"])
            #expect(FHIR.string(output, "display") == "Asthma")

            output = try await validate([("coding", "http://hl7.org/fhir/sid/icd-10|I21.9")])
            #expect(FHIR.bool(output, "result") == false)

            let body = FHIR.parametersResource([
                (
                    "valueSet",
                    [
                        "resource": [
                            "resourceType": "ValueSet",
                            "compose": [
                                "include": [["system": FHIR.sct, "filter": [["property": "concept", "op": "in", "value": "8800041000202105"]]]]
                            ],
                        ]
                    ]
                ),
                ("coding", ["valueCoding": ["system": FHIR.sct, "code": "59621000"]]), ("displayLanguage", ["valueCode": "nb"]),
            ])
            output = try await FHIR.post(client, "ValueSet/$validate-code", body)
            #expect(FHIR.bool(output, "result") == true)
            #expect(FHIR.string(output, "display") == "essensiell hypertensjon")
        }
    }
}
