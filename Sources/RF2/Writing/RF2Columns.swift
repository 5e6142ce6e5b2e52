/// Header rows of the standard RF2 files (RF2 §2), shared by every writer so headers never drift.
public enum RF2Columns {
    /// `id, effectiveTime, active, moduleId, definitionStatusId`.
    public static let concept = ["id", "effectiveTime", "active", "moduleId", "definitionStatusId"]
    /// Description and text-definition files.
    public static let description = [
        "id", "effectiveTime", "active", "moduleId", "conceptId", "languageCode", "typeId", "term",
        "caseSignificanceId",
    ]
    /// Inferred and stated relationship files.
    public static let relationship = [
        "id", "effectiveTime", "active", "moduleId", "sourceId", "destinationId", "relationshipGroup", "typeId",
        "characteristicTypeId", "modifierId",
    ]
    /// Concrete-value relationship file.
    public static let concreteRelationship = [
        "id", "effectiveTime", "active", "moduleId", "sourceId", "value", "relationshipGroup", "typeId",
        "characteristicTypeId", "modifierId",
    ]
    /// The (empty in INT) identifier file.
    public static let identifier = [
        "identifierSchemeId", "alternateIdentifier", "effectiveTime", "active", "moduleId", "referencedComponentId",
    ]
    /// Columns every refset member file starts with.
    public static let refsetBase = ["id", "effectiveTime", "active", "moduleId", "refsetId", "referencedComponentId"]

    /// A refset header: the base columns followed by `additional` (named from the refset descriptor).
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
}
