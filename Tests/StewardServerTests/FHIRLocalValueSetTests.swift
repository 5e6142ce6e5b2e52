import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RF2
import StewardServer
import Testing
import Workspace

@Suite("FHIR ValueSet search and read (local refsets)")
struct FHIRLocalValueSetTests {
    @Test("local refsets are listed and read as ValueSets; unknown ids are 404 OperationOutcomes")
    func searchAndRead() async throws {
        let server = try TestServer()
        let created = try server.makeRefset("Hjertediagnoser", release: "NO-20250215", members: [22298006, 84114007])
        try await server.test { client in
            try await client.execute(uri: "/fhir/ValueSet", method: .get, headers: [.acceptLanguage: "nb"]) { response in
                #expect(response.status == .ok)
                #expect(response.object["resourceType"] as? String == "Bundle")
                #expect(response.object["total"] as? Int == 1)
                let resource = (response.object["entry"] as? [[String: Any]])?.first?["resource"] as? [String: Any]
                #expect(resource?["id"] as? String == "refset-\(created.id)")
                #expect(resource?["url"] as? String == "http://snomed.info/sct?fhir_vs=refset/\(created.id)")
                #expect(resource?["status"] as? String == "draft")
                let contains = (resource?["expansion"] as? [String: Any])?["contains"] as? [[String: Any]] ?? []
                #expect(contains.compactMap { $0["display"] as? String } == ["hjerteinfarkt", "hjertesvikt"])
            }
            try await client.execute(uri: "/fhir/ValueSet?status=active", method: .get) {
                #expect($0.object["total"] as? Int == 0)
            }
            try await client.execute(uri: "/fhir/ValueSet?title=hjerte", method: .get) {
                #expect($0.object["total"] as? Int == 1)
            }
            try await client.execute(uri: "/fhir/ValueSet/refset-\(created.id)", method: .get) {
                #expect($0.status == .ok)
                #expect($0.object["title"] as? String == "Hjertediagnoser")
                #expect($0.headers[.contentType] == "application/fhir+json; charset=utf-8")
            }
            try await client.execute(uri: "/fhir/ValueSet/refset-123", method: .get) {
                #expect($0.status == .notFound)
                #expect($0.object["resourceType"] as? String == "OperationOutcome")
            }
            try await client.execute(uri: "/fhir/ValueSet/whatever", method: .get) {
                #expect($0.status == .notFound)
            }
        }
    }
}
