/// FHIR `Coding`: a code in a code system (version), with its display.
struct Coding: Codable, Sendable, Equatable {
    var system: String?
    var version: String?
    var code: String?
    var display: String?

    init(system: String? = nil, version: String? = nil, code: String?, display: String? = nil) {
        self.system = system
        self.version = version
        self.code = code
        self.display = display
    }

    /// A SNOMED CT concept coding.
    static func snomed(_ id: Int64, display: String? = nil, version: String? = nil) -> Coding {
        Coding(system: SNOMED.system, version: version, code: String(id), display: display)
    }

    /// A query-string coding: `system|code`, or a bare `code`.
    init(token: String) {
        if let bar = token.lastIndex(of: "|") {
            let system = String(token[..<bar])
            self.init(system: system.isEmpty ? nil : system, code: String(token[token.index(after: bar)...]))
        } else {
            self.init(code: token)
        }
    }
}

/// FHIR `CodeableConcept`: codings that mean the same thing, and text.
struct CodeableConcept: Codable, Sendable, Equatable {
    var coding: [Coding]?
    var text: String?
}
