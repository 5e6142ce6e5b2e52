import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import StewardServer
import Testing

@Suite("FHIR CodeSystem operations")
struct FHIRCodeSystemTests {
    // MARK: $lookup

    @Test("$lookup: display is the preferred term (never the FSN), designations carry language and use, properties and attributes")
    func lookupEnglish() async throws {
        let server = try TestServer()
        try await server.test { client in
            try await client.execute(uri: FHIR.uri("CodeSystem/$lookup", [("system", FHIR.sct), ("code", "22298006")]), method: .get) { response in
                #expect(response.status == .ok)
                let output = response.object
                #expect(output["resourceType"] as? String == "Parameters")
                #expect(FHIR.string(output, "name") == "\(FHIR.sct)|\(FHIR.no0215)")
                #expect(FHIR.string(output, "code") == "22298006")
                #expect(FHIR.string(output, "system") == FHIR.sct)
                #expect(FHIR.string(output, "version") == FHIR.no0215)
                #expect(FHIR.string(output, "display") == "Myocardial infarction")
                let designations = FHIR.parameters(output, "designation").map { designation -> String in
                    let use = FHIR.value(FHIR.parameter(designation, "use")) as? [String: Any]
                    return "\(FHIR.string(designation, "language") ?? "")|\(use?["code"] as? String ?? "")|\(FHIR.string(designation, "value") ?? "")"
                }
                #expect(
                    Set(designations) == [
                        "en|900000000000003001|Myocardial infarction (disorder)", "en|900000000000013009|Myocardial infarction",
                        "en|900000000000013009|Heart attack", "en|900000000000013009|Infarction of heart",
                        "en|900000000000550004|Death of a region of heart muscle that follows an interruption of its blood supply.",
                        "nb|900000000000013009|hjerteinfarkt",
                        "nn|900000000000013009|hjarteinfarkt", "no|900000000000013009|myokardinfarkt",
                    ])
                let fsn = FHIR.parameters(output, "designation").first { FHIR.string($0, "value") == "Myocardial infarction (disorder)" }
                let use = FHIR.value(fsn.flatMap { FHIR.parameter($0, "use") }) as? [String: Any]
                #expect(use?["system"] as? String == FHIR.sct)
                #expect(use?["display"] as? String == "Fully specified name")

                // By default: status, date, hierarchy and attributes (each with its type's term).
                let properties = FHIR.properties(output)
                func values(_ code: String) -> [String] { properties.filter { $0.code == code }.map(\.value) }
                #expect(values("inactive") == ["false"])
                #expect(values("effectiveTime") == ["2025-01-01"])
                #expect(values("parent") == ["414545008"])
                #expect(values("child") == ["57054005"])
                #expect(values("sufficientlyDefined").isEmpty && values("moduleId").isEmpty && values("normalForm").isEmpty)
                #expect(properties.first { $0.code == "parent" }?.description == "Ischemic heart disease")
                #expect(values("116676008") == ["55641003"])
                #expect(values("363698007") == ["80891009"])
                let morphology = FHIR.parameters(output, "property").first { FHIR.string($0, "code") == "116676008" }
                #expect(morphology.flatMap { FHIR.string($0, "code-display") } == "Associated morphology")
                #expect(morphology.flatMap { FHIR.string($0, "description") } == "Infarct")
            }
            // The other properties, and role groups, when asked for.
            let asked = ["sufficientlyDefined", "moduleId", "normalForm", "normalFormTerse", "609096000"].map { ("property", $0) }
            try await client.execute(uri: FHIR.uri("CodeSystem/$lookup", [("system", FHIR.sct), ("code", "22298006")] + asked), method: .get) {
                response in
                let output = response.object
                let properties = FHIR.properties(output)
                func values(_ code: String) -> [String] { properties.filter { $0.code == code }.map(\.value) }
                #expect(values("sufficientlyDefined") == ["true"])
                #expect(values("moduleId") == ["900000000000207008"])
                #expect(values("normalFormTerse") == ["=== 414545008 : { 116676008 = 55641003, 363698007 = 80891009 }"])
                #expect(
                    values("normalForm").first?.hasPrefix("=== 414545008 |Ischemic heart disease| : { 116676008 |Associated morphology| = 55641003 |")
                        == true)
                #expect(values("parent").isEmpty)
                // Attributes in role group 1 are subproperties of a 609096000 |Role group| property.
                let group = FHIR.parameters(output, "property").first { FHIR.string($0, "code") == "609096000" }
                #expect(group.flatMap { FHIR.string($0, "description") } == "role group 1")
                let sub = group.map { FHIR.parameters($0, "subproperty") } ?? []
                #expect(
                    sub.map { "\(FHIR.string($0, "code") ?? "")=\(FHIR.string($0, "value") ?? "")" } == ["116676008=55641003", "363698007=80891009"])
                #expect(sub.map { FHIR.string($0, "description") ?? "" } == ["Infarct", "Heart structure"])
            }
        }
    }

    @Test("$lookup: displayLanguage nb and nn pick the Norwegian preferred terms; Accept-Language too")
    func lookupNorwegian() async throws {
        let server = try TestServer()
        try await server.test { client in
            for (language, display) in [("nb", "hjerteinfarkt"), ("nn", "hjarteinfarkt"), ("en-GB", "Myocardial infarction")] {
                let uri = FHIR.uri("CodeSystem/$lookup", [("system", FHIR.sct), ("code", "22298006"), ("displayLanguage", language)])
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(FHIR.string(response.object, "display") == display)
                }
            }
            try await client.execute(uri: "/fhir/CodeSystem/$lookup?code=13645005", method: .get, headers: [.acceptLanguage: "nn-NO, en;q=0.5"]) {
                response in
                #expect(FHIR.string(response.object, "display") == "kronisk obstruktiv lungesjukdom")
            }
            // en-US vs en-GB preferred terms differ for 16761005.
            try await client.execute(uri: "/fhir/CodeSystem/$lookup?code=16761005&displayLanguage=en-GB", method: .get) { response in
                #expect(FHIR.string(response.object, "display") == "Oesophagitis")
            }
            try await client.execute(uri: "/fhir/CodeSystem/$lookup?code=16761005&displayLanguage=en-US", method: .get) { response in
                #expect(FHIR.string(response.object, "display") == "Esophagitis")
            }
            try await client.execute(uri: "/fhir/CodeSystem/$lookup?code=16761005&displayLanguage=xx", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(FHIR.diagnostics(response.object).contains("unknown language tag 'xx'"))
            }
        }
    }

    @Test("$lookup by POST with a coding and property filter; version selects the release")
    func lookupPost() async throws {
        let server = try TestServer()
        try await server.test { client in
            let body = FHIR.parametersResource([
                ("coding", ["valueCoding": ["system": FHIR.sct, "code": "56265001", "version": FHIR.int0101]]),
                ("displayLanguage", ["valueCode": "en"]), ("property", ["valueCode": "sufficientlyDefined"]), ("property", ["valueCode": "child"]),
            ])
            try await client.execute(uri: "/fhir/CodeSystem/$lookup", method: .post, headers: FHIR.jsonHeaders, body: try FHIR.body(body)) {
                response in
                #expect(response.status == .ok)
                let output = response.object
                #expect(FHIR.string(output, "version") == FHIR.int0101)
                #expect(FHIR.string(output, "display") == "Heart disease")
                // Only the requested properties; no designations (not requested).
                #expect(Set(FHIR.properties(output).map(\.code)) == ["sufficientlyDefined", "child"])
                #expect(FHIR.parameters(output, "designation").isEmpty)
                // Primitive in INT 20250101 (fully defined from 20250201); children as in EXPECTED.md.
                #expect(FHIR.properties(output).first { $0.code == "sufficientlyDefined" }?.value == "false")
                #expect(FHIR.properties(output).filter { $0.code == "child" }.map(\.value) == ["49436004", "84114007", "414545008", "698247007"])
            }
            // An edition URI picks the newest release of that edition.
            let uri = FHIR.uri(
                "CodeSystem/$lookup",
                [("code", "56265001"), ("version", "http://snomed.info/sct/900000000000207008"), ("property", "sufficientlyDefined")])
            try await client.execute(uri: uri, method: .get) { response in
                #expect(FHIR.string(response.object, "version") == FHIR.int0201)
                #expect(FHIR.properties(response.object).first?.value == "true")
            }
        }
    }

    @Test("$lookup with a few properties reads only what they need and answers exactly that part of the full lookup")
    func lookupPropertySubsets() async throws {
        let server = try TestServer()
        try await server.test { client in
            func lookup(_ code: String, _ properties: [String]) async throws -> [String: Any] {
                var object: [String: Any] = [:]
                let uri = FHIR.uri("CodeSystem/$lookup", [("code", code), ("version", FHIR.int0201)] + properties.map { ("property", $0) })
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .ok)
                    object = response.object
                }
                return object
            }
            /// The parameters as comparable text, keeping the properties whose code is in `codes` (all when nil).
            func text(_ output: [String: Any], keeping codes: Set<String>?, designations: Bool) throws -> [String] {
                try (output["parameter"] as? [[String: Any]] ?? []).filter { parameter in
                    switch parameter["name"] as? String {
                    case "property": codes.map { $0.contains(FHIR.string(parameter, "code") ?? "") } ?? true
                    case "designation": designations
                    default: true
                    }
                }.map { String(decoding: try JSONSerialization.data(withJSONObject: $0, options: .sortedKeys), as: UTF8.self) }
            }
            func groupedAttributes(_ output: [String: Any]) -> [String] {
                FHIR.parameters(output, "property").filter { FHIR.string($0, "code") == "609096000" }.flatMap { group in
                    FHIR.parameters(group, "subproperty").map { "\(FHIR.string($0, "code") ?? "")=\(FHIR.text(FHIR.parameter($0, "value")))" }
                }
            }
            /// Attribute properties (named by a concept id), listed flat.
            func flatAttributes(_ output: [String: Any]) -> [String] {
                FHIR.parameters(output, "property").filter { FHIR.string($0, "code")?.first?.isNumber == true && FHIR.string($0, "code") != "609096000" }
                    .map { "\(FHIR.string($0, "code") ?? "")=\(FHIR.text(FHIR.parameter($0, "value")))" }
            }
            let named = ["designation", "inactive", "sufficientlyDefined", "moduleId", "effectiveTime", "parent", "child", "normalForm", "normalFormTerse"]
            for code in ["22298006", "322236009", "56265001"] {
                let types = Set(flatAttributes(try await lookup(code, [])).map { String($0.prefix { $0 != "=" }) })
                let full = try await lookup(code, named + types.sorted())
                #expect(try text(full, keeping: nil, designations: true).count > 8)
                for subset in [
                    ["designation"], ["parent"], ["child", "inactive"], ["normalForm"], ["normalFormTerse", "moduleId"], ["1142139005"],
                    ["effectiveTime", "sufficientlyDefined"],
                ] {
                    let part = try await lookup(code, subset)
                    #expect(
                        try text(part, keeping: nil, designations: true) == text(full, keeping: Set(subset), designations: subset.contains("designation")),
                        "\(code) with \(subset)")
                }
                // Attribute types pick those attributes out of every role group; 609096000 groups all of them.
                let wanted: Set<String> = ["116676008", "363698007"]
                let picked = flatAttributes(try await lookup(code, Array(wanted)))
                #expect(picked == flatAttributes(full).filter { wanted.contains(String($0.prefix { $0 != "=" })) }, "\(code) by attribute type")
                let grouped = try await lookup(code, ["609096000"])
                #expect(Set(groupedAttributes(grouped) + flatAttributes(grouped)) == Set(flatAttributes(full)), "\(code) role groups")
            }
            #expect(flatAttributes(try await lookup("22298006", ["116676008", "363698007"])).count == 2)
        }
    }

    @Test("$lookup of an inactive concept says inactive; concrete values become typed values")
    func lookupInactiveAndConcrete() async throws {
        let server = try TestServer()
        try await server.test { client in
            let uri = FHIR.uri("CodeSystem/$lookup", [("code", "9900021000202108"), ("version", FHIR.int0201), ("property", "inactive")])
            try await client.execute(uri: uri, method: .get) { response in
                #expect(FHIR.string(response.object, "display") == "Myocardial infarct")
                #expect(FHIR.properties(response.object).map(\.value) == ["true"])
            }
            // 322236009 has concrete values #1 (group 0) and #500, #1 (group 1).
            try await client.execute(uri: "/fhir/CodeSystem/$lookup?code=322236009", method: .get) { response in
                let output = response.object
                let ungrouped = FHIR.parameters(output, "property").first { FHIR.string($0, "code") == "1142139005" }
                #expect(FHIR.parameter(ungrouped ?? [:], "value")?["valueInteger"] as? Int == 1)
                let concrete = FHIR.parameters(output, "property").filter { ["1142135004", "1142136003"].contains(FHIR.string($0, "code")) }
                let values = concrete.map { "\(FHIR.string($0, "code") ?? "")=\(FHIR.parameter($0, "value")?["valueInteger"] as? Int ?? -1)" }
                #expect(values == ["1142135004=500", "1142136003=1"])
            }
        }
    }

    @Test("$lookup errors: unknown code 404 names code and release, description id 400, missing code 400, unknown version and system 404")
    func lookupErrors() async throws {
        let server = try TestServer()
        try await server.test { client in
            // 840539006 |COVID-19| is new in INT 20250201.
            try await client.execute(uri: "/fhir/CodeSystem/$lookup?system=\(FHIR.sct)&code=840539006&version=\(FHIR.int0101)", method: .get) {
                response in
                #expect(response.status == .notFound)
                #expect(response.object["resourceType"] as? String == "OperationOutcome")
                let issue = (response.object["issue"] as? [[String: Any]])?.first
                #expect(issue?["code"] as? String == "not-found")
                #expect(FHIR.diagnostics(response.object) == "code 840539006 is not in SNOMED CT release INT-20250101 (\(FHIR.int0101))")
            }
            try await client.execute(uri: "/fhir/CodeSystem/$lookup?code=10003571000202118", method: .get) { response in
                #expect(response.status == .badRequest)
                let message = FHIR.diagnostics(response.object)
                #expect(message.contains("is a description id, not a concept id"))
                #expect(message.contains("concept 22298006, 'Heart attack'"))
            }
            try await client.execute(uri: "/fhir/CodeSystem/$lookup?code=22298007", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(FHIR.diagnostics(response.object).contains("'22298007' (code) is not a valid SNOMED CT concept id"))
            }
            try await client.execute(uri: "/fhir/CodeSystem/$lookup?system=\(FHIR.sct)", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(FHIR.diagnostics(response.object) == "parameter 'code' (with 'system') or 'coding' is required")
            }
            let version = "http://snomed.info/sct/900000000000207008/version/19990101"
            try await client.execute(uri: FHIR.uri("CodeSystem/$lookup", [("code", "22298006"), ("version", version)]), method: .get) { response in
                #expect(response.status == .notFound)
                let message = FHIR.diagnostics(response.object)
                #expect(message.hasPrefix("unknown SNOMED CT version '\(version)' (version)"))
                #expect(message.contains(FHIR.no0215))
            }
            try await client.execute(uri: FHIR.uri("CodeSystem/$lookup", [("code", "22298006"), ("system", "http://loinc.org")]), method: .get) {
                response in
                #expect(response.status == .notFound)
                #expect(FHIR.diagnostics(response.object).contains("CodeSystem 'http://loinc.org' (system) is not known"))
            }
            try await client.execute(uri: FHIR.uri("CodeSystem/$lookup", [("code", "22298006 : 363698007 = 80891008")]), method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(
                    FHIR.diagnostics(response.object).hasSuffix(
                        "is not a valid SNOMED CT expression in release NO-20250215: Not a valid expression: Concept 80891008 not found"))
            }
            // A Parameters body with the wrong resource type.
            try await client.execute(
                uri: "/fhir/CodeSystem/$lookup", method: .post, headers: FHIR.jsonHeaders, body: try FHIR.body(["resourceType": "Patient"])
            ) { response in
                #expect(response.status == .badRequest)
                #expect(FHIR.diagnostics(response.object) == "the request body must be a Parameters resource, got a Patient resource")
            }
        }
    }

    // MARK: $validate-code

    @Test("$validate-code: preferred term, acceptable synonym, unknown display (false), inactive description and concept (true, warned)")
    func validateCode() async throws {
        let server = try TestServer()
        try await server.test { client in
            func validate(_ query: [(String, String)]) async throws -> [String: Any] {
                var object: [String: Any] = [:]
                try await client.execute(uri: FHIR.uri("CodeSystem/$validate-code", [("url", FHIR.sct)] + query), method: .get) { response in
                    #expect(response.status == .ok)
                    object = response.object
                }
                return object
            }
            var output = try await validate([("code", "22298006"), ("display", "Myocardial infarction")])
            #expect(FHIR.bool(output, "result") == true)
            #expect(FHIR.string(output, "message") == nil)
            #expect(FHIR.issues(output).isEmpty)
            #expect(FHIR.string(output, "display") == "Myocardial infarction")
            #expect(FHIR.string(output, "code") == "22298006")
            #expect(FHIR.string(output, "system") == FHIR.sct)
            #expect(FHIR.string(output, "version") == FHIR.no0215)

            // Any active term of the concept is a correct display.
            output = try await validate([("code", "22298006"), ("display", "Heart attack")])
            #expect(FHIR.bool(output, "result") == true)
            #expect(FHIR.issues(output).isEmpty)
            output = try await validate([("code", "22298006"), ("display", "myokardinfarkt"), ("displayLanguage", "nb")])
            #expect(FHIR.bool(output, "result") == true)
            #expect(FHIR.string(output, "display") == "hjerteinfarkt")

            output = try await validate([("code", "22298006"), ("display", "Broken leg")])
            #expect(FHIR.bool(output, "result") == false)
            let wrong = FHIR.issues(output)
            #expect(wrong.map(\.type) == ["invalid-display"])
            #expect(
                wrong.first?.text.hasPrefix(
                    "Wrong Display Name 'Broken leg' for http://snomed.info/sct#22298006. Valid display is one of 7 choices: 'Heart attack' or ") == true)
            #expect(FHIR.string(output, "message") == wrong.first?.text)

            // An inactive concept is valid, with a warning and what replaces it.
            output = try await validate([("code", "9900021000202108"), ("version", FHIR.int0201)])
            #expect(FHIR.bool(output, "result") == true)
            #expect(FHIR.bool(output, "inactive") == true)
            #expect(
                FHIR.issues(output) == [
                    FHIR.Issue(
                        severity: "warning", type: "code-comment", messageId: "INACTIVE_CONCEPT_FOUND",
                        text: "The concept '9900021000202108' has a status of inactive and its use should be reviewed"),
                    FHIR.Issue(
                        severity: "information", type: "code-comment", messageId: nil,
                        text:
                            "concept 9900021000202108 is inactive in release INT-20250201 (reason: Duplicate component); SAME AS association reference set: 22298006 |Myocardial infarction|"
                    ),
                ])

            // Unknown codes and description ids are invalid codes, not errors.
            output = try await validate([("code", "840539006"), ("version", FHIR.int0101)])
            #expect(FHIR.bool(output, "result") == false)
            #expect(
                FHIR.string(output, "message")
                    == "Unknown code '840539006' in the CodeSystem 'http://snomed.info/sct' version '\(FHIR.int0101)' (International Edition)")
            #expect(FHIR.issues(output).map(\.messageId) == ["Unknown_Code_in_Version"])
            output = try await validate([("code", "10003571000202118")])
            #expect(FHIR.bool(output, "result") == false)
            #expect(FHIR.issues(output).map(\.severity) == ["error", "information"])
            #expect(FHIR.issues(output).last?.text.contains("description id") == true)
        }
    }

    @Test("$validate-code by POST with a codeableConcept: valid when any SNOMED CT coding is")
    func validateCodeableConcept() async throws {
        let server = try TestServer()
        try await server.test { client in
            let body = FHIR.parametersResource([
                ("url", ["valueUri": FHIR.sct]),
                (
                    "codeableConcept",
                    [
                        "valueCodeableConcept": [
                            "coding": [
                                ["system": "http://hl7.org/fhir/sid/icd-10", "code": "I21.9"],
                                ["system": FHIR.sct, "code": "22298006", "display": "Heart attack"],
                            ]
                        ]
                    ]
                ),
            ])
            try await client.execute(uri: "/fhir/CodeSystem/$validate-code", method: .post, headers: FHIR.jsonHeaders, body: try FHIR.body(body)) {
                response in
                #expect(response.status == .ok)
                #expect(FHIR.bool(response.object, "result") == true)
                #expect(FHIR.string(response.object, "display") == "Myocardial infarction")
            }
            try await client.execute(uri: "/fhir/CodeSystem/$validate-code?url=\(FHIR.sct)", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(FHIR.diagnostics(response.object) == "parameter 'code', 'coding' or 'codeableConcept' is required")
            }
        }
    }

    // MARK: $subsumes

    @Test("$subsumes: the four outcomes, codings by POST, errors name the code")
    func subsumes() async throws {
        let server = try TestServer()
        try await server.test { client in
            for (a, b, outcome) in [
                ("404684003", "22298006", "subsumes"), ("22298006", "404684003", "subsumed-by"), ("22298006", "22298006", "equivalent"),
                ("22298006", "195967001", "not-subsumed"),
            ] {
                try await client.execute(uri: FHIR.uri("CodeSystem/$subsumes", [("system", FHIR.sct), ("codeA", a), ("codeB", b)]), method: .get) {
                    response in
                    #expect(response.status == .ok)
                    #expect(FHIR.string(response.object, "outcome") == outcome)
                }
            }
            // 49436004 |Atrial fibrillation| moved from 56265001 to 698247007 in 20250201; both are under 56265001.
            let body = FHIR.parametersResource([
                ("codingA", ["valueCoding": ["system": FHIR.sct, "code": "698247007", "version": FHIR.int0101]]),
                ("codingB", ["valueCoding": ["system": FHIR.sct, "code": "49436004"]]),
            ])
            try await client.execute(uri: "/fhir/CodeSystem/$subsumes", method: .post, headers: FHIR.jsonHeaders, body: try FHIR.body(body)) {
                response in
                #expect(FHIR.string(response.object, "outcome") == "not-subsumed")
            }
            try await client.execute(
                uri: FHIR.uri("CodeSystem/$subsumes", [("codeA", "698247007"), ("codeB", "49436004"), ("version", FHIR.int0201)]), method: .get
            ) { response in
                #expect(FHIR.string(response.object, "outcome") == "subsumes")
            }
            try await client.execute(
                uri: FHIR.uri("CodeSystem/$subsumes", [("codeA", "404684003"), ("codeB", "840539006"), ("version", FHIR.int0101)]), method: .get
            ) { response in
                #expect(response.status == .notFound)
                #expect(FHIR.diagnostics(response.object) == "code 840539006 (codeB) is not in SNOMED CT release INT-20250101 (\(FHIR.int0101))")
            }
            try await client.execute(uri: "/fhir/CodeSystem/$subsumes?codeA=404684003", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(FHIR.diagnostics(response.object).hasSuffix("missing: codeB (or codingB)"))
            }
        }
    }
}
