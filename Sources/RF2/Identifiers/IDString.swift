/// Encodes an SCTID as a JSON string.
@propertyWrapper
public struct IDString: Codable, Sendable, Equatable, Hashable {
    public var wrappedValue: Int64
    public init(wrappedValue: Int64) { self.wrappedValue = wrappedValue }
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = Int64(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not an id: \(text)"))
        }
        wrappedValue = value
    }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(String(wrappedValue))
    }
}

/// Encodes a list of SCTIDs as JSON strings.
@propertyWrapper
public struct IDStrings: Codable, Sendable, Equatable, Hashable {
    public var wrappedValue: [Int64]
    public init(wrappedValue: [Int64]) { self.wrappedValue = wrappedValue }
    public init(from decoder: any Decoder) throws {
        wrappedValue = try decoder.singleValueContainer().decode([String].self).compactMap { Int64($0) }
    }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(wrappedValue.map(String.init))
    }
}

/// Encodes an optional SCTID as a JSON string, leaving the key out when there is none.
@propertyWrapper
public struct OptionalIDString: Codable, Sendable, Equatable, Hashable {
    public var wrappedValue: Int64?
    public init(wrappedValue: Int64?) { self.wrappedValue = wrappedValue }
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            wrappedValue = nil
        } else {
            wrappedValue = try IDString(from: decoder).wrappedValue
        }
    }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue { try container.encode(String(wrappedValue)) } else { try container.encodeNil() }
    }
}

extension KeyedEncodingContainer {
    /// Omits absent optional ids instead of writing `null`.
    public mutating func encode(_ value: OptionalIDString, forKey key: Key) throws {
        if let id = value.wrappedValue { try encode(String(id), forKey: key) }
    }
}

extension KeyedDecodingContainer {
    /// Reads a missing key as an absent id.
    public func decode(_ type: OptionalIDString.Type, forKey key: Key) throws -> OptionalIDString {
        try decodeIfPresent(OptionalIDString.self, forKey: key) ?? OptionalIDString(wrappedValue: nil)
    }
}
