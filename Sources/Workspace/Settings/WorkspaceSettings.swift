import Foundation

/// The organisation's identity in SNOMED CT, which every local refset and export starts from: its
/// namespace, country, default module and default language. One record per workspace, versioned so that
/// two administrators editing it at once cannot silently overwrite each other.
public struct WorkspaceSettings: Sendable, Equatable {
    /// The 7-digit namespace identifier issued by SNOMED International (e.g. 1000202 for Norway).
    public var namespace: Int?
    /// ISO 3166-1 alpha-2 country code, upper case (e.g. `NO`).
    public var countryCode: String?
    /// The module local components are created in (a concept SCTID, e.g. 51000202101).
    public var moduleId: Int64?
    /// BCP-47 language tag of local terms (e.g. `nb`, `en-GB`).
    public var language: String
    /// Starts at 1 and grows by one with every update.
    public var version: Int
    public var updatedAt: Date?
    public var updatedBy: String?

    public init(
        namespace: Int? = nil, countryCode: String? = nil, moduleId: Int64? = nil, language: String = "en", version: Int = 1,
        updatedAt: Date? = nil, updatedBy: String? = nil
    ) {
        self.namespace = namespace
        self.countryCode = countryCode
        self.moduleId = moduleId
        self.language = language
        self.version = version
        self.updatedAt = updatedAt
        self.updatedBy = updatedBy
    }
}

extension WorkspaceSettings: Codable {
    private enum CodingKeys: String, CodingKey {
        case namespace, countryCode, moduleId, language, version, updatedAt, updatedBy
    }

    // Identifiers are strings in JSON (an 18-digit SCTID does not survive a JavaScript number); the update
    // time is ISO 8601 text whatever the encoder's date strategy.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(namespace.map(String.init), forKey: .namespace)
        try container.encodeIfPresent(countryCode, forKey: .countryCode)
        try container.encodeIfPresent(moduleId.map(String.init), forKey: .moduleId)
        try container.encode(language, forKey: .language)
        try container.encode(version, forKey: .version)
        try container.encodeIfPresent(updatedAt.map(Timestamp.text), forKey: .updatedAt)
        try container.encodeIfPresent(updatedBy, forKey: .updatedBy)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func identifier<T: LosslessStringConvertible>(_ key: CodingKeys) throws -> T? {
            guard let text = try container.decodeIfPresent(String.self, forKey: key) else { return nil }
            guard let value = T(text) else {
                throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "'\(text)' is not a number")
            }
            return value
        }
        namespace = try identifier(.namespace)
        countryCode = try container.decodeIfPresent(String.self, forKey: .countryCode)
        moduleId = try identifier(.moduleId)
        language = try container.decode(String.self, forKey: .language)
        version = try container.decode(Int.self, forKey: .version)
        updatedAt = try container.decodeIfPresent(String.self, forKey: .updatedAt).map(Timestamp.date)
        updatedBy = try container.decodeIfPresent(String.self, forKey: .updatedBy)
    }
}
