/// The fixed leading columns each kind of RF2 file must start with (RF2 §2).
public enum RF2Columns {
    public static let concept = ["id", "effectiveTime", "active", "moduleId", "definitionStatusId"]
    public static let description = [
        "id", "effectiveTime", "active", "moduleId", "conceptId", "languageCode", "typeId", "term", "caseSignificanceId",
    ]
    public static let relationship = [
        "id", "effectiveTime", "active", "moduleId", "sourceId", "destinationId", "relationshipGroup", "typeId",
        "characteristicTypeId", "modifierId",
    ]
    public static let concreteValues = [
        "id", "effectiveTime", "active", "moduleId", "sourceId", "value", "relationshipGroup", "typeId",
        "characteristicTypeId", "modifierId",
    ]
    public static let identifier = [
        "identifierSchemeId", "alternateIdentifier", "effectiveTime", "active", "moduleId", "referencedComponentId",
    ]
    public static let refsetBase = ["id", "effectiveTime", "active", "moduleId", "refsetId", "referencedComponentId"]

    /// A refset header: the base columns followed by `additional` (named as in the refset descriptor).
    public static func refset(_ additional: [String]) -> [String] { refsetBase + additional }

    public static let simpleRefset = refset([])
    public static let languageRefset = refset(["acceptabilityId"])
    public static let associationRefset = refset(["targetComponentId"])
    public static let attributeValueRefset = refset(["valueId"])
    public static let simpleMapRefset = refset(["mapTarget"])
    public static let extendedMapRefset = refset([
        "mapGroup", "mapPriority", "mapRule", "mapAdvice", "mapTarget", "correlationId", "mapCategoryId",
    ])
    public static let owlExpressionRefset = refset(["owlExpression"])
    public static let moduleDependencyRefset = refset(["sourceEffectiveTime", "targetEffectiveTime"])
    public static let refsetDescriptorRefset = refset(["attributeDescription", "attributeType", "attributeOrder"])
    public static let descriptionTypeRefset = refset(["descriptionFormat", "descriptionLength"])

    /// The expected leading columns for a file kind; refsets add one column per pattern letter after these.
    public static func expected(for kind: RF2FileKind) -> [String] {
        switch kind {
        case .concept: concept
        case .description, .textDefinition: description
        case .relationship, .statedRelationship: relationship
        case .concreteValues: concreteValues
        case .identifier: identifier
        case .refset: refsetBase
        }
    }

    /// Checks a header row against the kind; refset extra column names are free (they come from the header).
    public static func validate(header: [String], kind: RF2FileKind, file: String) throws(RF2Error) {
        let expected = expected(for: kind)
        var expectedCount = expected.count
        if case .refset(let pattern) = kind { expectedCount += pattern.count }
        guard header.count == expectedCount else {
            throw RF2Error(
                .badHeader, file: file, line: 1, value: header.joined(separator: " "),
                reason:
                    "header has \(header.count) columns, expected \(expectedCount) (\(expected.joined(separator: ", "))\(expectedCount > expected.count ? " + \(expectedCount - expected.count) refset fields" : ""))"
            )
        }
        for (index, name) in expected.enumerated() where header[index].lowercased() != name.lowercased() {
            throw RF2Error(
                .badHeader, file: file, line: 1, column: "\(index + 1)", value: header[index],
                reason: "expected column '\(name)'")
        }
    }
}
