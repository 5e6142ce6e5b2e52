import Foundation

/// FHIR R4 `CapabilityStatement` for `GET /fhir/metadata`: a terminology server for SNOMED CT with the
/// CodeSystem, ValueSet and ConceptMap read/search interactions and the terminology operations.
struct CapabilityStatement: Codable, Sendable {
    struct Software: Codable, Sendable {
        var name: String
        var version: String?
    }

    struct Implementation: Codable, Sendable {
        var description: String
    }

    struct Rest: Codable, Sendable {
        var mode = "server"
        var documentation: String?
        var resource: [Resource]
    }

    struct Resource: Codable, Sendable {
        var type: String
        var interaction: [Interaction]?
        var searchParam: [SearchParam]?
        var operation: [Operation]?
    }

    struct Interaction: Codable, Sendable {
        var code: String
    }

    struct SearchParam: Codable, Sendable {
        var name: String
        var type: String
        var documentation: String?
    }

    struct Operation: Codable, Sendable {
        var name: String
        var definition: String
        var documentation: String?
    }

    var resourceType = "CapabilityStatement"
    var url: String?
    var name = "StewardTerminologyServer"
    var title = "Steward SNOMED CT terminology server"
    var status = "active"
    var experimental = false
    var date: String
    var publisher = "Steward"
    var description = "FHIR R4 terminology operations over the SNOMED CT releases this Steward server has imported."
    var kind = "instance"
    var instantiates = ["http://hl7.org/fhir/CapabilityStatement/terminology-server"]
    var software = Software(name: "Steward")
    var implementation = Implementation(description: "Steward SNOMED CT release management")
    var fhirVersion = "4.0.1"
    var format = ["application/fhir+json", "json"]
    var rest: [Rest]

    /// The operations this server implements, by resource, with their R4 definitions.
    static let operations: [(resource: String, name: String, documentation: String)] = [
        ("CodeSystem", "lookup", "GET or POST: code+system (+version) or coding; displayLanguage; property"),
        ("CodeSystem", "validate-code", "GET or POST: url, code (+version, display) or coding or codeableConcept; displayLanguage"),
        ("CodeSystem", "subsumes", "GET or POST: codeA+codeB or codingA+codingB; system, version"),
        (
            "ValueSet", "expand",
            "GET with url, or POST with valueSet (Parameters or a bare ValueSet); filter, offset, count, activeOnly, includeDesignations, displayLanguage, system-version"
        ),
        ("ValueSet", "validate-code", "GET or POST: url or valueSet; code+system, coding or codeableConcept; display"),
        ("ConceptMap", "translate", "GET or POST: url (http://snomed.info/sct?fhir_cm=<refsetId>) or targetsystem; code+system or coding; reverse"),
    ]

    init(date: Date = Date()) {
        self.date = date.formatted(Date.ISO8601FormatStyle())
        let definitions = Self.operations.map { operation in
            (
                operation.resource,
                Operation(
                    name: operation.name, definition: "http://hl7.org/fhir/OperationDefinition/\(operation.resource)-\(operation.name)",
                    documentation: operation.documentation)
            )
        }
        func operations(_ resource: String) -> [Operation] { definitions.filter { $0.0 == resource }.map(\.1) }
        let readAndSearch = [Interaction(code: "read"), Interaction(code: "search-type")]
        let nameAndTitle = [
            SearchParam(name: "name", type: "string", documentation: "Computable name (starts with)"),
            SearchParam(name: "title", type: "string", documentation: "Title (contains)"),
        ]
        rest = [
            Rest(
                documentation:
                    "Version parameters take SNOMED CT version URIs (http://snomed.info/sct/<module>/version/<YYYYMMDD>) or edition URIs (http://snomed.info/sct/<module>, the newest release of the edition); without one the newest release answers.",
                resource: [
                    Resource(
                        type: "CodeSystem", interaction: readAndSearch,
                        searchParam: [
                            SearchParam(name: "url", type: "uri", documentation: "http://snomed.info/sct"),
                            SearchParam(name: "version", type: "token", documentation: "A version URI or edition URI"),
                        ], operation: operations("CodeSystem")),
                    Resource(
                        type: "ValueSet", interaction: readAndSearch,
                        searchParam: [SearchParam(name: "url", type: "uri", documentation: "http://snomed.info/sct?fhir_vs=refset/<id> of a local refset")]
                            + nameAndTitle + [SearchParam(name: "status", type: "token", documentation: "draft or active")],
                        operation: operations("ValueSet")),
                    Resource(
                        type: "ConceptMap", interaction: readAndSearch,
                        searchParam: [
                            SearchParam(name: "url", type: "uri", documentation: "http://snomed.info/sct?fhir_cm=<refset id>"),
                            SearchParam(name: "version", type: "token", documentation: "A version URI or edition URI"),
                        ] + nameAndTitle + [
                            SearchParam(name: "status", type: "token", documentation: "active"),
                            SearchParam(name: "target-system", type: "uri", documentation: "The system the map translates to"),
                        ], operation: operations("ConceptMap")),
                ])
        ]
    }
}
