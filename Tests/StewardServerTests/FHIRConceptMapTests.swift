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
            #expect(FHIR.parameter(FHIR.parameters(output, "match").first ?? [:], "source")?["valueUri"] as? String == sameAs)

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
