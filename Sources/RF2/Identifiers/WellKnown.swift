/// Metadata concept ids that RF2 readers, writers and the store rely on (RF2 §3).
public enum WellKnown {
    // Core structure
    public static let root: Int64 = 138875005
    public static let isA: Int64 = 116680003
    public static let modelComponent: Int64 = 900000000000441003
    public static let foundationMetadata: Int64 = 900000000000454005
    public static let referenceSet: Int64 = 900000000000455006
    public static let module: Int64 = 900000000000443000
    public static let coreModule: Int64 = 900000000000207008
    public static let modelModule: Int64 = 900000000000012004
    public static let conceptModelAttribute: Int64 = 410662002
    public static let conceptModelObjectAttribute: Int64 = 762705008
    public static let conceptModelDataAttribute: Int64 = 762706009

    // Descriptions
    public static let descriptionType: Int64 = 900000000000446008
    public static let fullySpecifiedName: Int64 = 900000000000003001
    public static let synonym: Int64 = 900000000000013009
    public static let definition: Int64 = 900000000000550004
    public static let preferred: Int64 = 900000000000548007
    public static let acceptable: Int64 = 900000000000549004
    public static let languageType: Int64 = 900000000000506000
    public static let usEnglish: Int64 = 900000000000509007
    public static let gbEnglish: Int64 = 900000000000508004
    public static let caseSignificance: Int64 = 900000000000447004
    public static let entireTermCaseInsensitive: Int64 = 900000000000448009
    public static let entireTermCaseSensitive: Int64 = 900000000000017005
    public static let initialCharacterCaseInsensitive: Int64 = 900000000000020002

    // Definition status, characteristic type, modifier
    public static let definitionStatus: Int64 = 900000000000444006
    public static let primitive: Int64 = 900000000000074008
    public static let fullyDefined: Int64 = 900000000000073002
    public static let characteristicType: Int64 = 900000000000449001
    public static let definingRelationship: Int64 = 900000000000006009
    public static let statedRelationship: Int64 = 900000000000010007
    public static let inferredRelationship: Int64 = 900000000000011006
    public static let additionalRelationship: Int64 = 900000000000227009
    public static let modifier: Int64 = 900000000000450001
    public static let existentialRestriction: Int64 = 900000000000451002

    // Inactivation indicators
    public static let conceptInactivationIndicator: Int64 = 900000000000489007
    public static let descriptionInactivationIndicator: Int64 = 900000000000490003
    public static let duplicate: Int64 = 900000000000482003
    public static let outdated: Int64 = 900000000000483008
    public static let ambiguous: Int64 = 900000000000484002
    public static let erroneous: Int64 = 900000000000485001
    public static let limited: Int64 = 900000000000486000
    public static let movedElsewhere: Int64 = 900000000000487009
    public static let pendingMove: Int64 = 900000000000492006
    public static let inappropriate: Int64 = 900000000000494007
    public static let conceptNonCurrent: Int64 = 900000000000495008
    public static let nonconformanceToEditorialPolicy: Int64 = 723277005
    public static let notSemanticallyEquivalent: Int64 = 723278000
    public static let classificationDerivedComponent: Int64 = 1186917008
    public static let meaningOfComponentUnknown: Int64 = 1186919006

    // Historical associations
    public static let historicalAssociation: Int64 = 900000000000522004
    public static let sameAs: Int64 = 900000000000527005
    public static let replacedBy: Int64 = 900000000000526001
    public static let possiblyEquivalentTo: Int64 = 900000000000523009
    public static let wasA: Int64 = 900000000000528000
    public static let movedTo: Int64 = 900000000000524003
    public static let movedFrom: Int64 = 900000000000525002
    public static let alternative: Int64 = 900000000000530003
    public static let similarTo: Int64 = 900000000000529008
    public static let refersTo: Int64 = 900000000000531004
    public static let partiallyEquivalentTo: Int64 = 1186924009
    public static let possiblyReplacedBy: Int64 = 1186921001

    /// Every historical association refset, in the order the editorial guide lists them.
    public static let historicalAssociationRefsets: [Int64] = [
        sameAs, replacedBy, possiblyEquivalentTo, wasA, movedTo, movedFrom, alternative, similarTo, refersTo,
        partiallyEquivalentTo, possiblyReplacedBy,
    ]

    // Refset types and metadata refsets
    public static let simpleType: Int64 = 446609009
    public static let attributeValueType: Int64 = 900000000000480006
    public static let associationType: Int64 = 900000000000521006
    public static let simpleMapType: Int64 = 900000000000496009
    public static let complexMapType: Int64 = 447250001
    public static let extendedMapType: Int64 = 609331003
    public static let owlExpressionType: Int64 = 762676003
    public static let owlAxiomRefset: Int64 = 733073007
    public static let owlOntologyRefset: Int64 = 762103008
    public static let moduleDependency: Int64 = 900000000000534007
    public static let refsetDescriptor: Int64 = 900000000000456007
    public static let descriptionFormat: Int64 = 900000000000538005

    // Norway
    public static let norwayModule: Int64 = 51000202101
    public static let norwayMedicinesModule: Int64 = 57091000202101
    public static let norwegianBokmal: Int64 = 61000202103
    public static let norwegianNynorsk: Int64 = 91000202106
    public static let norwegianBokmalGP: Int64 = 47351000202107
    public static let norwegianNynorskGP: Int64 = 188001000202106
    public static let norwayNamespace = 1000202
}
