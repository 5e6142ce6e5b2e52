import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import StewardServer

/// What the HL7 terminology-ecosystem tests expect of SNOMED CT answers, checked on the sample releases:
/// tx-resource value sets, compose filters on concept fields and attributes, postcoordinated expressions,
/// echoed value sets and the shape of validation answers.
@Suite("FHIR conformance behaviours")
struct FHIRConformanceTests {
    private static func valueSet(_ url: String, _ include: [String: Any]) -> [String: Any] {
        [
            "resourceType": "ValueSet", "url": url, "version": "1.0", "name": "Test", "status": "active", "experimental": false,
            "description": "not echoed", "compose": ["include": [include]],
        ]
    }

    @Test("a value set carried as tx-resource resolves its url for this request only; the expansion echoes who it is")
    func txResource() async throws {
        let server = try TestServer()
        try await server.test { client in
            let carried = Self.valueSet(
                "http://example.org/fhir/ValueSet/heart", ["system": FHIR.sct, "filter": [["property": "concept", "op": "is-a", "value": "56265001"]]])
            let body = FHIR.parametersResource([("url", ["valueUri": "http://example.org/fhir/ValueSet/heart"]), ("tx-resource", ["resource": carried])])
            let expanded = try await FHIR.post(client, "ValueSet/$expand", body)
            #expect(FHIR.total(expanded) == 8)
            #expect(expanded["url"] as? String == "http://example.org/fhir/ValueSet/heart")
            #expect(expanded["version"] as? String == "1.0")
            #expect(expanded["name"] as? String == "Test")
            #expect(expanded["experimental"] as? Bool == false)
            #expect(expanded["description"] == nil && expanded["compose"] == nil)

            // By url|version too; another request without it does not know the url.
            let versioned = FHIR.parametersResource([
                ("url", ["valueUri": "http://example.org/fhir/ValueSet/heart|1.0"]), ("tx-resource", ["resource": carried]),
                ("system", ["valueUri": FHIR.sct]), ("code", ["valueCode": "22298006"]),
            ])
            #expect(FHIR.bool(try await FHIR.post(client, "ValueSet/$validate-code", versioned), "result") == true)
            let alone = FHIR.parametersResource([("url", ["valueUri": "http://example.org/fhir/ValueSet/heart"])])
            let unknown = try await FHIR.post(client, "ValueSet/$expand", alone, status: .notFound)
            #expect(FHIR.issues(unknown).first?.messageId == "Unable_to_resolve_value_Set_")
        }
    }

    @Test("compose filters on concept fields and attributes: inactive, moduleId, <attribute> = value")
    func conceptFieldFilters() async throws {
        let server = try TestServer()
        try await server.test { client in
            func expand(_ filters: [[String: String]]) async throws -> [String] {
                let valueSet = Self.valueSet("http://example.org/vs", ["system": FHIR.sct, "filter": filters])
                return FHIR.codes(try await FHIR.post(client, "ValueSet/$expand", FHIR.parametersResource([("valueSet", ["resource": valueSet])])))
            }
            let inactive = try await expand([["property": "inactive", "op": "=", "value": "true"]])
            #expect(inactive == ["9900011000202100", "9900021000202108", "9900031000202105", "9900041000202104"])
            #expect(
                try await expand([["property": "concept", "op": "is-a", "value": "56265001"], ["property": "inactive", "op": "=", "value": "true"]]).isEmpty)
            let norwegian = try await expand([
                ["property": "concept", "op": "is-a", "value": "404684003"], ["property": "moduleId", "op": "=", "value": "51000202101"],
            ])
            #expect(norwegian == ["8800021000202101", "8800031000202104"])
            let siteOfHeart = try await expand([["property": "363698007", "op": "=", "value": "80891009"]])
            #expect(siteOfHeart == ["22298006", "49436004", "56265001", "57054005", "84114007", "401303003", "414545008", "698247007"])
            let bad = Self.valueSet("http://example.org/vs", ["system": FHIR.sct, "filter": [["property": "inactive", "op": "=", "value": "maybe"]]])
            let outcome = try await FHIR.post(client, "ValueSet/$expand", FHIR.parametersResource([("valueSet", ["resource": bad])]), status: .badRequest)
            #expect(FHIR.diagnostics(outcome) == "compose.include[0].filter[0]: 'inactive =' takes true or false, got 'maybe'")
        }
    }

    @Test("a postcoordinated expression: valid with its display form, invalid when a concept is unknown or it does not parse")
    func expressions() async throws {
        let server = try TestServer()
        try await server.test { client in
            func validate(_ code: String) async throws -> [String: Any] {
                let body = FHIR.parametersResource([("url", ["valueUri": FHIR.sct]), ("code", ["valueCode": code])])
                return try await FHIR.post(client, "CodeSystem/$validate-code", body)
            }
            var output = try await validate("56265001:363698007=80891009")
            #expect(FHIR.bool(output, "result") == true)
            #expect(FHIR.string(output, "display") == "56265001|Heart disease|:363698007|Finding site|=80891009|Heart structure|")
            #expect(FHIR.issues(output).map(\.type) == ["process-note"])

            output = try await validate("56265001:363698007=80891008")
            #expect(FHIR.bool(output, "result") == false)
            #expect(FHIR.issues(output).map(\.messageId) == ["Unknown_Code_in_Version", nil])
            #expect(FHIR.issues(output).last?.text == "Not a valid expression: Concept 80891008 not found")

            output = try await validate("56265001:{363698007=")
            #expect(FHIR.bool(output, "result") == false)
            #expect(FHIR.issues(output).last?.text.hasPrefix("Not a valid expression: ") == true)
        }
    }

    @Test("$lookup of an expression: its display, the focus concept's hierarchy, the refinements as attributes")
    func lookupExpression() async throws {
        let server = try TestServer()
        try await server.test { client in
            let body = FHIR.parametersResource([("system", ["valueUri": FHIR.sct]), ("code", ["valueCode": "56265001:116676008=55641003"])])
            let output = try await FHIR.post(client, "CodeSystem/$lookup", body)
            #expect(FHIR.string(output, "display") == "56265001|Heart disease|:116676008|Associated morphology|=55641003|Infarct|")
            #expect(FHIR.string(output, "code") == "56265001:116676008=55641003")
            let properties = FHIR.properties(output)
            #expect(properties.filter { $0.code == "parent" }.map(\.value) == ["49601007"])
            #expect(properties.filter { $0.code == "116676008" }.map(\.value) == ["55641003"])
            let designation = FHIR.parameter(output, "designation")
            #expect(designation.flatMap { FHIR.string($0, "value") } == FHIR.string(output, "display"))
        }
    }

    @Test("value sets list expressions in concept lists and take expressions over their concepts with expressions = true")
    func expressionMembership() async throws {
        let server = try TestServer()
        try await server.test { client in
            let listed = Self.valueSet(
                "http://example.org/listed", ["system": FHIR.sct, "concept": [["code": "56265001"], ["code": "56265001:363698007=80891009"]]])
            let expanded = try await FHIR.post(client, "ValueSet/$expand", FHIR.parametersResource([("valueSet", ["resource": listed])]))
            #expect(FHIR.total(expanded) == 2)
            #expect(FHIR.codes(expanded) == ["56265001", "56265001:363698007=80891009"])
            #expect(FHIR.contains(expanded).last?["display"] as? String == "56265001|Heart disease|:363698007|Finding site|=80891009|Heart structure|")
            // A concept list is closed: no valueset-unclosed extension.
            #expect((expanded["expansion"] as? [String: Any])?["extension"] == nil)

            func member(_ valueSet: [String: Any], _ code: String) async throws -> Bool? {
                let body = FHIR.parametersResource([
                    ("valueSet", ["resource": valueSet]), ("system", ["valueUri": FHIR.sct]), ("code", ["valueCode": code]),
                ])
                return FHIR.bool(try await FHIR.post(client, "ValueSet/$validate-code", body), "result")
            }
            #expect(try await member(listed, "56265001 : 363698007 = 80891009") == true)
            #expect(try await member(listed, "56265001:116676008=55641003") == false)
            let isA: [[String: String]] = [["property": "concept", "op": "is-a", "value": "56265001"]]
            let open = Self.valueSet(
                "http://example.org/open", ["system": FHIR.sct, "filter": isA + [["property": "expressions", "op": "=", "value": "true"]]])
            let closed = Self.valueSet(
                "http://example.org/closed", ["system": FHIR.sct, "filter": isA + [["property": "expressions", "op": "=", "value": "false"]]])
            #expect(try await member(open, "22298006:363698007=80891009") == true)
            #expect(try await member(open, "195967001:363698007=80891009") == false)
            #expect(try await member(closed, "22298006:363698007=80891009") == false)
        }
    }

    @Test("an inactive description as display is valid with a warning listing the correct displays")
    func inactiveDisplay() async throws {
        let server = try TestServer()
        try await server.test { client in
            let body = FHIR.parametersResource([
                ("url", ["valueUri": FHIR.sct]), ("code", ["valueCode": Self.inactiveDescription.concept]),
                ("display", ["valueString": Self.inactiveDescription.term]), ("version", ["valueString": Self.inactiveDescription.version]),
            ])
            let output = try await FHIR.post(client, "CodeSystem/$validate-code", body)
            #expect(FHIR.bool(output, "result") == true)
            #expect(FHIR.issues(output).map(\.messageId) == ["INACTIVE_DISPLAY_FOUND"])
            #expect(FHIR.issues(output).first?.text.hasPrefix("'\(Self.inactiveDescription.term)' is no longer considered a correct display") == true)
        }
    }

    /// The sample INT 20250201 has an inactive FSN of 38341003 (|Hypertensive disorder|).
    static let inactiveDescription = (concept: "38341003", term: "Hypertensive disorder (disorder)", version: FHIR.int0201)
}
