/// The type-specific part of a change request. In JSON it is one object whose `type` field names the case
/// (`{"type": "new-concept", "fullySpecifiedName": ..., "parents": ["64572001"]}`); ids are strings.
public enum RequestPayload: Sendable, Hashable {
    case newConcept(NewConcept)
    case newDescription(NewDescription)
    case changeDescription(ChangeDescription)
    case inactivateDescription(InactivateDescription)
    case inactivateConcept(InactivateConcept)
    case newRelationship(NewRelationship)
    case changeRelationship(ChangeRelationship)
    case retireRelationship(RetireRelationship)
    case refsetChange(RefsetChange)
    case other(Other)

    public var type: RequestType {
        switch self {
        case .newConcept: .newConcept
        case .newDescription: .newDescription
        case .changeDescription: .changeDescription
        case .inactivateDescription: .inactivateDescription
        case .inactivateConcept: .inactivateConcept
        case .newRelationship: .newRelationship
        case .changeRelationship: .changeRelationship
        case .retireRelationship: .retireRelationship
        case .refsetChange: .refsetChange
        case .other: .other
        }
    }
}

extension RequestPayload: Codable {
    private enum CodingKeys: String, CodingKey { case type }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let text = try container.decode(String.self, forKey: .type)
        guard let type = RequestType(rawValue: text) else {
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: container,
                debugDescription: "unknown request type '\(text)': expected one of \(RequestType.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        switch type {
        case .newConcept: self = .newConcept(try NewConcept(from: decoder))
        case .newDescription: self = .newDescription(try NewDescription(from: decoder))
        case .changeDescription: self = .changeDescription(try ChangeDescription(from: decoder))
        case .inactivateDescription: self = .inactivateDescription(try InactivateDescription(from: decoder))
        case .inactivateConcept: self = .inactivateConcept(try InactivateConcept(from: decoder))
        case .newRelationship: self = .newRelationship(try NewRelationship(from: decoder))
        case .changeRelationship: self = .changeRelationship(try ChangeRelationship(from: decoder))
        case .retireRelationship: self = .retireRelationship(try RetireRelationship(from: decoder))
        case .refsetChange: self = .refsetChange(try RefsetChange(from: decoder))
        case .other: self = .other(try Other(from: decoder))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(type.rawValue, forKey: .type)
        switch self {
        case .newConcept(let change): try change.encode(to: encoder)
        case .newDescription(let change): try change.encode(to: encoder)
        case .changeDescription(let change): try change.encode(to: encoder)
        case .inactivateDescription(let change): try change.encode(to: encoder)
        case .inactivateConcept(let change): try change.encode(to: encoder)
        case .newRelationship(let change): try change.encode(to: encoder)
        case .changeRelationship(let change): try change.encode(to: encoder)
        case .retireRelationship(let change): try change.encode(to: encoder)
        case .refsetChange(let change): try change.encode(to: encoder)
        case .other(let change): try change.encode(to: encoder)
        }
    }
}
