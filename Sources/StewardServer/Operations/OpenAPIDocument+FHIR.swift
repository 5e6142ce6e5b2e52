extension OpenAPIDocument {
    private static let fhirJSON = "application/fhir+json"
    private static let displayLanguage = OpenAPIOperation.Parameter.query(
        "displayLanguage", "Display language, e.g. nb, nn, en-GB or en-x-900000000000509007 (else Accept-Language)")
    private static let version = OpenAPIOperation.Parameter.query(
        "version", "SNOMED CT version URI (http://snomed.info/sct/<module>/version/<YYYYMMDD>) or edition URI; default the newest release")
    private static let system = OpenAPIOperation.Parameter.query("system", "Code system: http://snomed.info/sct")
    private static let coding = OpenAPIOperation.Parameter.query("coding", "A coding as system|code (instead of code and system)")
    private static let parametersBody = "A FHIR Parameters resource with the same parameters as the GET form (Coding and resource parameters typed)"

    /// GET and POST forms of one FHIR operation.
    private static func operation(_ path: String, _ summary: String, _ parameters: [OpenAPIOperation.Parameter], body: String = parametersBody)
        -> [OpenAPIOperation]
    {
        [
            OpenAPIOperation(method: "GET", path: path, tag: "FHIR", summary: summary, parameters: parameters, responseType: fhirJSON),
            OpenAPIOperation(
                method: "POST", path: path, tag: "FHIR", summary: summary + " (parameters in the body)", body: body, responseType: fhirJSON),
        ]
    }

    static let fhirOperations: [OpenAPIOperation] =
        [
            OpenAPIOperation(
                method: "GET", path: "/fhir/metadata", tag: "FHIR",
                summary: "CapabilityStatement (FHIR 4.0.1); mode=terminology gives TerminologyCapabilities with every release's version URI",
                parameters: [.query("mode", "full (default) or terminology")], access: nil, errors: [400], responseType: fhirJSON),
            OpenAPIOperation(
                method: "GET", path: "/fhir/CodeSystem", tag: "FHIR",
                summary: "Search CodeSystems: a Bundle with one CodeSystem per imported release",
                parameters: [.query("url", "http://snomed.info/sct"), .query("version", "Version URI or edition URI")], errors: [],
                responseType: fhirJSON),
            OpenAPIOperation(
                method: "GET", path: "/fhir/CodeSystem/{id}", tag: "FHIR",
                summary: "One release as a CodeSystem; ids are sct-<release name>, e.g. sct-INT-20250201",
                parameters: [.path("id", "sct-<release name>")], errors: [404], responseType: fhirJSON),
            OpenAPIOperation(
                method: "GET", path: "/fhir/ConceptMap", tag: "FHIR",
                summary: "Search the releases' implicit concept maps (historical association and map refsets): a Bundle, newest release first",
                parameters: [
                    .query("url", "http://snomed.info/sct?fhir_cm=<refset id> (plain, edition or version base)"),
                    .query("version", "Version URI or edition URI"), .query("name", "Computable name (starts with)"),
                    .query("title", "Title (contains)"), .query("status", "active"),
                    .query("target-system", "The system the map translates to, e.g. http://hl7.org/fhir/sid/icd-10"),
                ], errors: [], responseType: fhirJSON),
            OpenAPIOperation(
                method: "GET", path: "/fhir/ConceptMap/{id}", tag: "FHIR",
                summary: "One implicit concept map; ids are sct-<release name>-<refset id>, e.g. sct-INT-20250201-900000000000527005",
                parameters: [.path("id", "sct-<release name>-<refset id>")], errors: [404], responseType: fhirJSON),
            OpenAPIOperation(
                method: "GET", path: "/fhir/ValueSet", tag: "FHIR",
                summary: "Search the local refsets as ValueSets (newest published version, else the draft): a Bundle",
                parameters: [
                    .query("url", "Canonical URL, http://snomed.info/sct?fhir_vs=refset/<id>"), .query("name", "Computable name (starts with)"),
                    .query("title", "Title (contains)"), .query("status", "draft or active"),
                ], errors: [400], responseType: fhirJSON),
            OpenAPIOperation(
                method: "GET", path: "/fhir/ValueSet/{id}", tag: "FHIR",
                summary: "One local refset as a ValueSet with compose and expansion; ids are refset-<refset id>",
                parameters: [.path("id", "refset-<refset id>")], errors: [404], responseType: fhirJSON),
        ]
        + operation(
            "/fhir/CodeSystem/$lookup", "Concept details: display, designations, properties (inactive, parents, children, attributes, normal form)",
            [
                .query("code", "Concept id"), system, version, coding, displayLanguage,
                .query(
                    "property",
                    "Properties to return (repeatable): inactive, sufficientlyDefined, moduleId, effectiveTime, parent, child, normalForm, normalFormTerse, designation or an attribute id"
                ),
            ])
        + operation(
            "/fhir/CodeSystem/$validate-code", "Is the code a concept of the release, and the display one of its terms?",
            [
                .query("url", "http://snomed.info/sct"), .query("code", "Concept id"), version, .query("display", "Term to check"), coding,
                .query("codeableConcept", "system|code"), displayLanguage,
            ])
        + operation(
            "/fhir/CodeSystem/$subsumes", "Subsumption test: equivalent, subsumes, subsumed-by or not-subsumed",
            [
                .query("codeA", "Concept id A"), .query("codeB", "Concept id B"), system, version, .query("codingA", "system|code"),
                .query("codingB", "system|code"),
            ])
        + operation(
            "/fhir/ValueSet/$expand", "Expand an implicit value set (fhir_vs, isa, refset, ecl), a local refset or a posted ValueSet (compose)",
            [
                .query("url", "e.g. http://snomed.info/sct?fhir_vs=isa/404684003 or ?fhir_vs=ecl/<url-encoded ECL>"),
                .query("valueSetVersion", "Local refset version (number, effective time or draft)"),
                .query("filter", "Text filter"), .query("offset", "Concepts to skip", type: "integer"),
                .query("count", "Page size (default 100, at most 10000)", type: "integer"),
                .query("activeOnly", "Active concepts only", type: "boolean"),
                .query("includeDesignations", "Add each concept's terms", type: "boolean"),
                displayLanguage, .query("system-version", "SNOMED CT version when the value set names none (system|version or a version URI)"),
                .query("force-system-version", "SNOMED CT version to use whatever the value set names"),
                .query("check-system-version", "Fail unless this version is used"),
            ], body: "A FHIR Parameters resource (valueSet as a resource parameter, or url) or a bare ValueSet with a compose")
        + operation(
            "/fhir/ValueSet/$validate-code", "Is the code in the value set, and the display one of its terms?",
            [
                .query("url", "Value set URL"), .query("valueSetVersion", "Local refset version"), .query("code", "Concept id"), system,
                .query("systemVersion", "SNOMED CT version"),
                .query("display", "Term to check"), coding, .query("codeableConcept", "system|code"), displayLanguage,
            ])
        + operation(
            "/fhir/ConceptMap/$translate", "Translate with a historical association or map refset (forward, or reverse=true)",
            [
                .query("url", "http://snomed.info/sct?fhir_cm=<refsetId>"), .query("code", "Code to translate"), system, version, coding,
                .query("targetsystem", "Target code system (without url: every map of the release to it)"),
                .query("reverse", "Translate from the target side", type: "boolean"),
                displayLanguage,
            ])
}
