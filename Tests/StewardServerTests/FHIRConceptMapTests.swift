import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import StewardServer
import Testing

@Suite("FHIR ConceptMap $translate")
struct FHIRConceptMapTests {
    private static let icd10 = "http://hl7.org/fhir/sid/icd-10"

    private func translate(_ client: some TestClientProtocol, _ query: [(String, String)], status: HTTPResponse.Status = .ok) async throws -> [String:
        Any]
    {
        var object: [String: Any] = [:]
        try await client.execute(uri: FHIR.uri("ConceptMap/$translate", query), method: .get) { response in
            #expect(response.status == status)
            object = response.object
        }
        return object
    }

    /// Each match as "equivalence system|code display".
    private func matches(_ output: [String: Any]) -> [String] {
        FHIR.parameters(output, "match").map { match in
            let concept = FHIR.value(FHIR.parameter(match, "concept")) as? [String: Any] ?? [:]
            let display = concept["display"] as? String
            return "\(FHIR.string(match, "equivalence") ?? "") \(concept["system"] as? String ?? "")|\(concept["code"] as? String ?? "")"
                + (display.map { " \($0)" } ?? "")
        }
    }

    @Test("historical associations: SAME AS forward and reverse, POSSIBLY EQUIVALENT TO with two targets")
    func historicalAssociations() async throws {
        let server = try TestServer()
        try await server.test { client in
            let sameAs = "\(FHIR.sct)?fhir_cm=900000000000527005"
            var output = try await translate(client, [("url", sameAs), ("system", FHIR.sct), ("code", "9900021000202108")])
            #expect(FHIR.bool(output, "result") == true)
            #expect(matches(output) == ["equal \(FHIR.sct)|22298006 Myocardial infarction"])
            #expect(FHIR.parameter(FHIR.parameters(output, "match").first ?? [:], "originMap")?["valueCanonical"] as? String == "\(sameAs)|\(FHIR.no0215)")
            #expect(FHIR.string(output, "used-conceptmap") == "\(sameAs)|\(FHIR.no0215)")
            #expect(FHIR.string(output, "used-system") == "\(FHIR.sct)|\(FHIR.no0215)")

            output = try await translate(client, [("url", sameAs), ("system", FHIR.sct), ("code", "22298006"), ("reverse", "true")])
            #expect(FHIR.bool(output, "result") == true)
            #expect(matches(output) == ["equal \(FHIR.sct)|9900021000202108 Myocardial infarct"])

            output = try await translate(client, [("url", "\(FHIR.sct)?fhir_cm=900000000000523009"), ("code", "9900031000202105")])
            #expect(matches(output) == ["inexact \(FHIR.sct)|386689009 Hypothermia", "inexact \(FHIR.sct)|82272006 Common cold"])

            // In INT 20250101 only 9900011000202100 SAME AS 195967001 exists.
            output = try await translate(client, [("url", "\(FHIR.int0101)?fhir_cm=900000000000527005"), ("code", "9900021000202108")])
            #expect(FHIR.bool(output, "result") == false)
            #expect(FHIR.parameters(output, "match").isEmpty)
            #expect(FHIR.string(output, "message")?.hasPrefix("no mapping of code '9900021000202108' in ") == true)

            // targetsystem without url: every association refset of the release.
            output = try await translate(client, [("targetsystem", FHIR.sct), ("system", FHIR.sct), ("code", "9900011000202100")])
            #expect(matches(output) == ["equal \(FHIR.sct)|195967001 Asthma"])
        }
    }

    @Test("ICD-10 extended map 447562003: forward with map details, reverse to every SNOMED CT source")
    func icd10Map() async throws {
        let server = try TestServer()
        try await server.test { client in
            let url = "\(FHIR.sct)?fhir_cm=447562003"
            var output = try await translate(client, [("url", url), ("system", FHIR.sct), ("code", "22298006")])
            #expect(FHIR.bool(output, "result") == true)
            #expect(matches(output) == ["relatedto \(Self.icd10)|I21.9"])
            let match = FHIR.parameters(output, "match").first ?? [:]
            #expect(FHIR.string(match, "mapAdvice") == "ALWAYS I21.9")
            #expect(FHIR.string(match, "mapRule") == "TRUE")
            #expect(FHIR.parameter(match, "mapGroup")?["valueInteger"] as? Int == 1)
            #expect(FHIR.parameter(match, "mapPriority")?["valueInteger"] as? Int == 1)

            output = try await translate(client, [("url", url), ("system", Self.icd10), ("code", "I21.9"), ("reverse", "true")])
            #expect(
                matches(output) == [
                    "relatedto \(FHIR.sct)|22298006 Myocardial infarction", "relatedto \(FHIR.sct)|57054005 Acute myocardial infarction",
                ])

            // In INT 20250101 the map row of 9900021000202108 was still active.
            output = try await translate(client, [("url", "\(FHIR.int0101)?fhir_cm=447562003"), ("code", "I21.9"), ("reverse", "true")])
            #expect(matches(output).count == 3)

            output = try await translate(client, [("targetsystem", Self.icd10), ("code", "840539006")])
            #expect(matches(output) == ["relatedto \(Self.icd10)|U07.1"])

            output = try await translate(client, [("url", url), ("code", "404684003")])
            #expect(FHIR.bool(output, "result") == false)
            #expect(FHIR.string(output, "message")?.contains("no mapping of code '404684003'") == true)
        }
    }

    @Test("a simple map refset (ICPC-2 demo) maps to the ICPC-2 system")
    func simpleMap() async throws {
        let server = try TestServer()
        try await server.test { client in
            let output = try await translate(client, [("url", "\(FHIR.sct)?fhir_cm=9900051000202101"), ("code", "22298006")])
            #expect(matches(output) == ["relatedto http://hl7.org/fhir/sid/icpc-2|K75"])
        }
    }

    @Test("$translate errors: unknown map, a refset that is no map, missing code, wrong system, unknown version")
    func translateErrors() async throws {
        let server = try TestServer()
        try await server.test { client in
            var outcome = try await translate(client, [("url", "http://example.org/ConceptMap/x"), ("code", "22298006")], status: .notFound)
            #expect(FHIR.diagnostics(outcome).hasPrefix("concept map 'http://example.org/ConceptMap/x' is not known"))

            outcome = try await translate(client, [("url", "\(FHIR.sct)?fhir_cm=723264001"), ("code", "22298006")], status: .notFound)
            #expect(
                FHIR.diagnostics(outcome).contains("reference set 723264001 in release NO-20250215 is neither an association nor a map reference set")
            )

            outcome = try await translate(client, [("url", "\(FHIR.sct)?fhir_cm=447562003")], status: .badRequest)
            #expect(FHIR.diagnostics(outcome) == "parameter 'code' (with 'system'), 'coding' or 'codeableConcept' is required")

            outcome = try await translate(
                client, [("url", "\(FHIR.sct)?fhir_cm=447562003"), ("system", Self.icd10), ("code", "I21.9")], status: .badRequest)
            #expect(FHIR.diagnostics(outcome).contains("use reverse=true"))

            outcome = try await translate(client, [("code", "22298006")], status: .badRequest)
            #expect(FHIR.diagnostics(outcome).hasPrefix("parameter 'url'"))

            let version = "http://snomed.info/sct/900000000000207008/version/20990101"
            outcome = try await translate(client, [("url", "\(version)?fhir_cm=447562003"), ("code", "22298006")], status: .notFound)
            #expect(FHIR.diagnostics(outcome).hasPrefix("unknown SNOMED CT version '\(version)' (url)"))
        }
    }

    @Test("$translate by POST with a coding")
    func translatePost() async throws {
        let server = try TestServer()
        let body = FHIR.parametersResource([
            ("url", ["valueUri": "\(FHIR.sct)?fhir_cm=447562003"]), ("coding", ["valueCoding": ["system": FHIR.sct, "code": "195967001"]]),
        ])
        let buffer = try FHIR.body(body)
        try await server.test { client in
            try await client.execute(uri: "/fhir/ConceptMap/$translate", method: .post, headers: FHIR.jsonHeaders, body: buffer) { response in
                #expect(response.status == .ok)
                #expect(matches(response.object) == ["relatedto \(Self.icd10)|J45.9"])
            }
        }
    }
}

@Suite("FHIR ConceptMap search and read")
struct FHIRConceptMapResourceTests {
    private func bundle(_ client: some TestClientProtocol, _ query: [(String, String)]) async throws -> [[String: Any]] {
        var resources: [[String: Any]] = []
        try await client.execute(uri: FHIR.uri("ConceptMap", query), method: .get) { response in
            #expect(response.status == .ok)
            #expect(response.object["resourceType"] as? String == "Bundle")
            resources = (response.object["entry"] as? [[String: Any]] ?? []).compactMap { $0["resource"] as? [String: Any] }
            #expect(response.object["total"] as? Int == resources.count)
        }
        return resources
    }

    @Test("the releases' association and map refsets are listed, filtered by url, version, target system and title, and read by id")
    func searchAndRead() async throws {
        let server = try TestServer()
        try await server.test { client in
            func ids(_ resources: [[String: Any]]) -> [String] { resources.compactMap { $0["id"] as? String } }
            let maps = ["447562003", "9900051000202101", "900000000000523009", "900000000000527005"]
            let all = try await bundle(client, [])
            #expect(
                ids(all)
                    == maps.map { "sct-NO-20250215-\($0)" } + maps.map { "sct-INT-20250201-\($0)" }
                    + ["447562003", "9900051000202101", "900000000000527005"].map { "sct-INT-20250101-\($0)" })
            #expect(
                all.compactMap { $0["name"] as? String }.prefix(4) == [
                    "ICD10ComplexMapReferenceSet", "ICPC2DemoSimpleMapReferenceSet", "POSSIBLYEQUIVALENTTOAssociationReferenceSet",
                    "SAMEASAssociationReferenceSet",
                ])
            #expect(
                all.compactMap { $0["targetUri"] as? String }.prefix(4) == [
                    "http://hl7.org/fhir/sid/icd-10", "http://hl7.org/fhir/sid/icpc-2", "\(FHIR.sct)?fhir_vs", "\(FHIR.sct)?fhir_vs",
                ])

            let sameAs = "\(FHIR.sct)?fhir_cm=900000000000527005"
            #expect(ids(try await bundle(client, [("url", sameAs)])) == ["NO-20250215", "INT-20250201", "INT-20250101"].map { "sct-\($0)-900000000000527005" })
            let january = "\(FHIR.sct)/900000000000207008/version/20250101"
            #expect(ids(try await bundle(client, [("url", "\(january)?fhir_cm=900000000000527005")])) == ["sct-INT-20250101-900000000000527005"])
            #expect(
                ids(try await bundle(client, [("version", "\(FHIR.sct)/51000202101/version/20250215"), ("target-system", "http://hl7.org/fhir/sid/icd-10")]))
                    == ["sct-NO-20250215-447562003"])
            #expect(ids(try await bundle(client, [("version", january), ("title", "equivalent")])) == [])
            #expect(ids(try await bundle(client, [("version", january), ("name", "icpc")])) == ["sct-INT-20250101-9900051000202101"])
            #expect(ids(try await bundle(client, [("status", "draft")])) == [])
            #expect(ids(try await bundle(client, [("url", "http://example.org/fhir/ConceptMap/x")])) == [])

            try await client.execute(uri: "/fhir/ConceptMap/sct-INT-20250201-900000000000523009", method: .get) { response in
                #expect(response.status == .ok)
                let map = response.object
                #expect(map["resourceType"] as? String == "ConceptMap")
                #expect(map["url"] as? String == "\(FHIR.sct)?fhir_cm=900000000000523009")
                #expect(map["version"] as? String == "\(FHIR.sct)/900000000000207008/version/20250201")
                #expect(map["title"] as? String == "POSSIBLY EQUIVALENT TO association reference set")
                #expect(map["status"] as? String == "active")
                #expect(map["date"] as? String == "2025-02-01")
                #expect(map["sourceUri"] as? String == "\(FHIR.sct)?fhir_vs")
                #expect((map["description"] as? String)?.contains("ConceptMap/$translate?url=\(FHIR.sct)?fhir_cm=900000000000523009") == true)
                #expect(map["group"] == nil)
            }
            for missing in ["sct-INT-20250101-900000000000523009", "sct-INT-20250201-22298006", "nonsense", "sct-INT-20250201-"] {
                try await client.execute(uri: "/fhir/ConceptMap/\(missing)", method: .get) { response in
                    #expect(response.status == .notFound)
                    #expect(response.object["resourceType"] as? String == "OperationOutcome")
                    let text = ((response.object["issue"] as? [[String: Any]])?.first?["diagnostics"] as? String) ?? ""
                    #expect(text.contains("ConceptMap '\(missing)' not found"))
                }
            }
        }
    }
}
