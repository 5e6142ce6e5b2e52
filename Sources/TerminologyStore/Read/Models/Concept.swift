/// A concept row as of the release.
public struct Concept: Sendable, Hashable, Codable {
    public var id: Int64
    public var effectiveTime: Int
    public var active: Bool
    public var moduleId: Int64
    public var definitionStatusId: Int64

    public var isFullyDefined: Bool { definitionStatusId == 900000000000073002 }
}

/// A description or text definition, with its acceptability in each language refset that lists it.
public struct Description: Sendable, Hashable, Codable {
    public var id: Int64
    public var effectiveTime: Int
    public var active: Bool
    public var moduleId: Int64
    public var conceptId: Int64
    public var languageCode: String
    public var typeId: Int64
    public var term: String
    public var caseSignificanceId: Int64
    /// Active language refset memberships.
    public var acceptability: [Acceptability]
}

/// A description's standing in one language refset.
public struct Acceptability: Sendable, Hashable, Codable {
    public var refsetId: Int64
    /// 900000000000548007 preferred or 900000000000549004 acceptable.
    public var acceptabilityId: Int64

    public var isPreferred: Bool { acceptabilityId == 900000000000548007 }
}

/// An inferred or stated relationship.
public struct Relationship: Sendable, Hashable, Codable {
    public var id: Int64
    public var effectiveTime: Int
    public var active: Bool
    public var moduleId: Int64
    public var sourceId: Int64
    public var destinationId: Int64
    public var group: Int
    public var typeId: Int64
    public var characteristicTypeId: Int64
}

/// A relationship whose target is a value (`#250`, `"text"`) rather than a concept.
public struct ConcreteValue: Sendable, Hashable, Codable {
    public var id: Int64
    public var sourceId: Int64
    public var typeId: Int64
    public var value: String
    public var group: Int
}

/// The defining attributes of a concept that share one role group (0 = ungrouped).
public struct AttributeGroup: Sendable, Hashable, Codable {
    public var group: Int
    public var relationships: [Relationship]
    public var concreteValues: [ConcreteValue]
}
