import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import StewardServer
import Testing
import Workspace

@Suite("FHIR metadata and CodeSystem resources")
struct FHIRMetadataTests {
    @Test("metadata is an R4 CapabilityStatement listing the operations, open even when reads need a token")
    func capabilityStatement() async throws {
        let server = try TestServer(anonymousRead: false)
        try await server.test { client in
            try await client.execute(uri: "/fhir/metadata", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/fhir+json; charset=utf-8")
                let statement = response.object
                #expect(statement["resourceType"] as? String == "CapabilityStatement")
                #expect(statement["fhirVersion"] as? String == "4.0.1")
                #expect(statement["kind"] as? String == "instance")
                let resources = ((statement["rest"] as? [[String: Any]])?.first?["resource"] as? [[String: Any]]) ?? []
                var operations: [String] = []
                for resource in resources {
                    for operation in (resource["operation"] as? [[String: Any]]) ?? [] {
                        operations.append("\(resource["type"] as? String ?? "")/$\(operation["name"] as? String ?? "")")
                    }
                }
                #expect(
                    operations == [
                        "CodeSystem/$lookup", "CodeSystem/$validate-code", "CodeSystem/$subsumes", "ValueSet/$expand", "ValueSet/$validate-code",
                        "ConceptMap/$translate",
                    ])
                let lookup = (resources.first?["operation"] as? [[String: Any]])?.first
                #expect(lookup?["definition"] as? String == "http://hl7.org/fhir/OperationDefinition/CodeSystem-lookup")
            }
            // The operations themselves are reads: a token is required on this server.
            try await client.execute(uri: "/fhir/CodeSystem/$lookup?code=22298006", method: .get) { response in
                #expect(response.status == .unauthorized)
                #expect(response.object["resourceType"] as? String == "OperationOutcome")
            }
            try await client.execute(uri: "/fhir/CodeSystem/$lookup?code=22298006", method: .get, headers: server.auth(.viewer)) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test("mode=terminology lists every release's version URI, the newest as default")
    func terminologyCapabilities() async throws {
        let server = try TestServer()
        try await server.test { client in
            try await client.execute(uri: "/fhir/metadata?mode=terminology", method: .get) { response in
                #expect(response.status == .ok)
                let capabilities = response.object
                #expect(capabilities["resourceType"] as? String == "TerminologyCapabilities")
                let codeSystems = (capabilities["codeSystem"] as? [[String: Any]]) ?? []
                #expect(codeSystems.map { $0["uri"] as? String } == [FHIR.sct])
                let versions = (codeSystems.first?["version"] as? [[String: Any]]) ?? []
                #expect(versions.map { $0["code"] as? String } == [FHIR.int0101, FHIR.int0201, FHIR.no0215])
                #expect(versions.map { $0["isDefault"] as? Bool } == [false, false, true])
                #expect(versions.last?["language"] as? [String] == ["en-GB", "en-US", "nb", "nn"])
                #expect(versions.first?["language"] as? [String] == ["en-GB", "en-US"])
            }
            try await client.execute(uri: "/fhir/metadata?mode=everything", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(FHIR.diagnostics(response.object).contains("'everything'"))
            }
        }
    }

    @Test("CodeSystem search gives one CodeSystem per release; url and version filter it")
    func codeSystemSearch() async throws {
        let server = try TestServer()
        try await server.test { client in
            try await client.execute(uri: "/fhir/CodeSystem", method: .get) { response in
                #expect(response.status == .ok)
                let bundle = response.object
                #expect(bundle["resourceType"] as? String == "Bundle")
                #expect(bundle["type"] as? String == "searchset")
                #expect(bundle["total"] as? Int == 3)
                let resources = ((bundle["entry"] as? [[String: Any]]) ?? []).compactMap { $0["resource"] as? [String: Any] }
                #expect(resources.map { $0["id"] as? String } == ["sct-NO-20250215", "sct-INT-20250201", "sct-INT-20250101"])
                #expect(resources.map { $0["version"] as? String } == [FHIR.no0215, FHIR.int0201, FHIR.int0101])
                #expect(resources.allSatisfy { $0["url"] as? String == FHIR.sct && $0["content"] as? String == "not-present" })
                // Active concepts (EXPECTED.md): 254 in the NO edition, 246 in each INT release.
                #expect(resources.map { $0["count"] as? Int } == [254, 246, 246])
            }
            try await client.execute(uri: FHIR.uri("CodeSystem", [("url", FHIR.sct), ("version", FHIR.int0101)]), method: .get) { response in
                let entries = (response.object["entry"] as? [[String: Any]]) ?? []
                #expect(entries.compactMap { ($0["resource"] as? [String: Any])?["id"] as? String } == ["sct-INT-20250101"])
            }
            // An edition URI matches every release of the edition.
            try await client.execute(uri: FHIR.uri("CodeSystem", [("version", "http://snomed.info/sct/900000000000207008")]), method: .get) {
                response in
                #expect(response.object["total"] as? Int == 2)
            }
            try await client.execute(uri: FHIR.uri("CodeSystem", [("url", "http://loinc.org")]), method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.object["total"] as? Int == 0)
                #expect(response.object["entry"] == nil)
            }
        }
    }

    @Test("CodeSystem read by sct-<release name>; an unknown id is a 404 naming the known ids")
    func codeSystemRead() async throws {
        let server = try TestServer()
        try await server.test { client in
            try await client.execute(uri: "/fhir/CodeSystem/sct-INT-20250201", method: .get) { response in
                #expect(response.status == .ok)
                let resource = response.object
                #expect(resource["resourceType"] as? String == "CodeSystem")
                #expect(resource["version"] as? String == FHIR.int0201)
                #expect(resource["date"] as? String == "2025-02-01")
                #expect(resource["publisher"] as? String == "SNOMED International")
                #expect(resource["hierarchyMeaning"] as? String == "is-a")
            }
            try await client.execute(uri: "/fhir/CodeSystem/sct-INT-19990101", method: .get) { response in
                #expect(response.status == .notFound)
                let message = FHIR.diagnostics(response.object)
                #expect(message.contains("'sct-INT-19990101'"))
                #expect(message.contains("sct-NO-20250215"))
            }
        }
    }
}
