/// FHIR R4 `ValueSet`: the elements `$expand` and `$validate-code` read from a posted value set, and the
/// expansion they answer with. Elements this server does not use are ignored on input.
struct ValueSet: Codable, Sendable {
    var resourceType = "ValueSet"
    var id: String?
    var url: String?
    var version: String?
    var name: String?
    var title: String?
    var status = "active"
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
        case resourceType, id, url, version, name, title, status, compose, expansion
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decodeIfPresent(String.self, forKey: .id)
        url = try container.decodeIfPresent(String.self, forKey: .url)
        version = try container.decodeIfPresent(String.self, forKey: .version)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        title = try container.decodeIfPresent(String.self, forKey: .title)
        status = try container.decodeIfPresent(String.self, forKey: .status) ?? "active"
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
        var identifier: String?
        var timestamp: String
        var total: Int?
        var offset: Int?
        var parameter: [ExpansionParameter]?
        var contains: [Contains]?
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

    struct Contains: Codable, Sendable {
        var system: String
        var version: String
        var code: String
        var display: String?
        var inactive: Bool?
        var designation: [Designation]?
    }
}

/// A term for a concept: `ValueSet.expansion.contains.designation`, and the parts of a `$lookup`
/// `designation` parameter.
struct Designation: Codable, Sendable, Equatable {
    var language: String?
    var use: Coding?
    var value: String
}
