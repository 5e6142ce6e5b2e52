/// FHIR R4 `ValueSet`: the elements `$expand` and `$validate-code` read from a posted value set, and the
/// expansion they answer with. Elements this server does not use are ignored on input.
struct ValueSet: Codable, Sendable {
    var resourceType = "ValueSet"
    var id: String?
    var url: String?
    var version: String?
    var name: String?
    var title: String?
    /// Required in a ValueSet, but absent from many posted only to be expanded: echoed as given.
    var status: String?
    /// Descriptive elements a posted value set carries, echoed in its expansion.
    var experimental: Bool?
    var date: String?
    var publisher: String?
    var description: String?
    var compose: Compose?
    var expansion: Expansion?

    init(url: String?, version: String? = nil, name: String? = nil, title: String? = nil, compose: Compose? = nil, expansion: Expansion? = nil) {
        self.url = url
        self.version = version
        self.name = name
        self.title = title
        self.compose = compose
        self.expansion = expansion
    }

    private enum CodingKeys: String, CodingKey {
        case resourceType, id, url, version, name, title, status, experimental, date, publisher, description, compose, expansion
    }

    /// What an expansion repeats of the value set it expands: who it is, not its definition or narrative.
    var identification: ValueSet {
        var copy = ValueSet(url: url, version: version, name: name, title: title)
        copy.id = id
        copy.status = status
        copy.experimental = experimental
        copy.date = date
        return copy
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decodeIfPresent(String.self, forKey: .id)
        url = try container.decodeIfPresent(String.self, forKey: .url)
        version = try container.decodeIfPresent(String.self, forKey: .version)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        title = try container.decodeIfPresent(String.self, forKey: .title)
        status = try container.decodeIfPresent(String.self, forKey: .status)
        experimental = try container.decodeIfPresent(Bool.self, forKey: .experimental)
        date = try container.decodeIfPresent(String.self, forKey: .date)
        publisher = try container.decodeIfPresent(String.self, forKey: .publisher)
        description = try container.decodeIfPresent(String.self, forKey: .description)
        compose = try container.decodeIfPresent(Compose.self, forKey: .compose)
        expansion = try container.decodeIfPresent(Expansion.self, forKey: .expansion)
    }

    struct Compose: Codable, Sendable {
        var include: [ConceptSet]
        var exclude: [ConceptSet]?
        var inactive: Bool?
    }

    /// One `compose.include` or `compose.exclude`.
    struct ConceptSet: Codable, Sendable {
        var system: String?
        var version: String?
        var concept: [Concept]?
        var filter: [Filter]?
        var valueSet: [String]?
    }

    struct Concept: Codable, Sendable {
        var code: String
        var display: String?
    }

    struct Filter: Codable, Sendable {
        var property: String
        var op: String
        var value: String
    }

    struct Expansion: Codable, Sendable {
        /// The `valueset-unclosed` extension: filters over SNOMED CT also match expressions a client may
        /// build, so such an expansion cannot list everything the value set holds.
        var unclosed: Bool?
        var identifier: String?
        var timestamp: String
        var total: Int?
        var offset: Int?
        var parameter: [ExpansionParameter]?
        /// The properties `contains` entries carry (`status` for inactive concepts).
        var property: [PropertyDeclaration]?
        var contains: [Contains]?

        private enum CodingKeys: String, CodingKey {
            case identifier, timestamp, total, offset, parameter, property, contains
        }
    }

    /// `expansion.property`: a property code and its URI.
    struct PropertyDeclaration: Codable, Sendable {
        var code: String
        var uri: String

        static let status = PropertyDeclaration(code: "status", uri: "http://hl7.org/fhir/concept-properties#status")
    }

    /// `expansion.contains.property`: a code-valued property.
    struct ContainsProperty: Codable, Sendable {
        var code: String
        var valueCode: String
    }

    /// `expansion.parameter`: name and a primitive `value[x]`.
    struct ExpansionParameter: Codable, Sendable {
        var name: String
        var value: FHIRValue?

        init(_ name: String, _ value: FHIRValue) {
            self.name = name
            self.value = value
        }

        private enum Keys: String, CodingKey { case name }

        init(from decoder: any Decoder) throws {
            name = try decoder.container(keyedBy: Keys.self).decode(String.self, forKey: .name)
            value = try FHIRValue.decode(from: decoder, element: "expansion parameter '\(name)'")
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(name, forKey: .name)
            try value?.encode(to: encoder)
        }
    }

    /// One concept of an expansion. Its version is the expansion's `used-codesystem`, so it is not repeated.
    struct Contains: Codable, Sendable {
        var system: String
        var version: String?
        var code: String
        var display: String?
        var inactive: Bool?
        var designation: [Designation]?
        var property: [ContainsProperty]?
    }
}

/// A term for a concept: `ValueSet.expansion.contains.designation`, and the parts of a `$lookup`
/// `designation` parameter.
struct Designation: Codable, Sendable, Equatable {
    var language: String?
    var use: Coding?
    var value: String
}
