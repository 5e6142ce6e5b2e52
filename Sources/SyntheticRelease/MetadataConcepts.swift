import RF2

/// The fixed (mostly real) metadata concepts every generated release contains, so that every
/// typeId, moduleId, refsetId and valueId it uses is itself an active concept.
struct MetadataConcept: Sendable {
    /// Real id, or nil for a synthetic concept that gets a minted id.
    let id: Int64?
    let key: String
    let parents: [String]
    let term: String
    let tag: String

    init(_ id: Int64?, _ key: String, _ parents: [String], _ term: String, _ tag: String) {
        self.id = id
        self.key = key
        self.parents = parents
        self.term = term
        self.tag = tag
    }

    static let meta = "foundation metadata concept", core = "core metadata concept", attr = "attribute"

    /// In parent-before-child order. Keys name parents; `root` is 138875005.
    static let international: [MetadataConcept] = {
        var list: [MetadataConcept] = [MetadataConcept(WellKnown.root, "root", [], "SNOMED CT Concept", "SNOMED RT+CTV3")]
        for h in Hierarchy.all {
            list.append(MetadataConcept(h.id, String(h.id), ["root"], h.term, h.id == WellKnown.modelComponent ? "metadata" : h.tags[0]))
        }
        let mc = String(WellKnown.modelComponent)
        func c(_ id: Int64?, _ key: String, _ parent: String, _ term: String, _ tag: String) -> MetadataConcept {
            MetadataConcept(id, key, [parent], term, tag)
        }
        list += [
            c(445518008, "ageAtOnset", "363787002", "Age at onset of clinical finding", "observable entity"),
            c(900000000000442005, "coreMeta", mc, "Core metadata concept", core),
            c(WellKnown.foundationMetadata, "foundation", mc, "Foundation metadata concept", meta),
            c(WellKnown.conceptModelAttribute, "cma", mc, "Concept model attribute", attr),
            c(WellKnown.conceptModelObjectAttribute, "object", "cma", "Concept model object attribute", attr),
            c(WellKnown.conceptModelDataAttribute, "data", "cma", "Concept model data attribute", attr),
            c(WellKnown.isA, "isA", "object", "Is a", attr),
            c(Attribute.roleGroup, "roleGroup", "object", "Role group", attr),
            c(Attribute.findingSite, "fs", "object", "Finding site", attr),
            c(Attribute.associatedMorphology, "am", "object", "Associated morphology", attr),
            c(Attribute.causativeAgent, "ca", "object", "Causative agent", attr),
            c(Attribute.pathologicalProcess, "pp", "object", "Pathological process", attr),
            c(Attribute.method, "method", "object", "Method", attr),
            c(Attribute.procedureSiteDirect, "psd", "object", "Procedure site - Direct", attr),
            c(Attribute.directSubstance, "ds", "object", "Direct substance", attr),
            c(Attribute.manufacturedDoseForm, "mdf", "object", "Has manufactured dose form", attr),
            c(Attribute.activeIngredient, "ai", "object", "Has active ingredient", attr),
            c(Attribute.preciseActiveIngredient, "pai", "object", "Has precise active ingredient", attr),
            c(Attribute.laterality, "lat", "object", "Laterality", attr),
            c(Attribute.property, "prop", "object", "Property", attr),
            c(Attribute.directSite, "dsite", "object", "Direct site", attr),
            c(Attribute.strengthNumeratorValue, "snv", "data", "Has presentation strength numerator value", attr),
            c(Attribute.countOfBase, "cob", "data", "Count of base of active ingredient", attr),
            c(WellKnown.module, "module", "coreMeta", "Module", core),
            c(WellKnown.coreModule, "coreModule", "module", "SNOMED CT core module", core),
            c(WellKnown.modelModule, "modelModule", "module", "SNOMED CT model component module", core),
            c(449080006, "icd10Module", "module", "SNOMED CT to ICD-10 rule-based mapping module", core),
            c(WellKnown.definitionStatus, "defStatus", "coreMeta", "Definition status", core),
            c(WellKnown.primitive, "primitive", "defStatus", "Primitive", core),
            c(WellKnown.fullyDefined, "defined", "defStatus", "Defined", core),
            c(WellKnown.descriptionType, "descType", "coreMeta", "Description type", core),
            c(WellKnown.fullySpecifiedName, "fsn", "descType", "Fully specified name", core),
            c(WellKnown.synonym, "synonym", "descType", "Synonym", core),
            c(WellKnown.definition, "definition", "descType", "Definition", core),
            c(WellKnown.caseSignificance, "case", "coreMeta", "Case significance", core),
            c(WellKnown.entireTermCaseInsensitive, "ci", "case", "Entire term case insensitive", core),
            c(WellKnown.entireTermCaseSensitive, "cs", "case", "Entire term case sensitive", core),
            c(WellKnown.initialCharacterCaseInsensitive, "ici", "case", "Only initial character case insensitive", core),
            c(WellKnown.characteristicType, "charType", "coreMeta", "Characteristic type", core),
            c(WellKnown.definingRelationship, "defining", "charType", "Defining relationship", core),
            c(WellKnown.statedRelationship, "stated", "defining", "Stated relationship", core),
            c(WellKnown.inferredRelationship, "inferred", "defining", "Inferred relationship", core),
            c(WellKnown.additionalRelationship, "additional", "charType", "Additional relationship", core),
            c(WellKnown.modifier, "modifier", "coreMeta", "Modifier", core),
            c(WellKnown.existentialRestriction, "existential", "modifier", "Existential restriction modifier", core),
            c(900000000000511003, "acceptability", "foundation", "Acceptability", meta),
            c(WellKnown.preferred, "preferred", "acceptability", "Preferred", meta),
            c(WellKnown.acceptable, "acceptable", "acceptability", "Acceptable", meta),
            c(900000000000481005, "conceptInactValue", "foundation", "Concept inactivation value", meta),
            c(WellKnown.duplicate, "dup", "conceptInactValue", "Duplicate component", meta),
            c(WellKnown.outdated, "outdated", "conceptInactValue", "Outdated component", meta),
            c(WellKnown.ambiguous, "ambiguous", "conceptInactValue", "Ambiguous component", meta),
            c(WellKnown.erroneous, "erroneous", "conceptInactValue", "Erroneous component", meta),
            c(WellKnown.movedElsewhere, "moved", "conceptInactValue", "Component moved elsewhere", meta),
            c(WellKnown.nonconformanceToEditorialPolicy, "nonconf", "conceptInactValue", "Nonconformance to editorial policy component", meta),
            c(WellKnown.classificationDerivedComponent, "classDerived", "conceptInactValue", "Classification derived component", meta),
            c(WellKnown.meaningOfComponentUnknown, "unknownMeaning", "conceptInactValue", "Meaning of component unknown", meta),
            c(900000000000493001, "descInactValue", "foundation", "Description inactivation value", meta),
            c(WellKnown.conceptNonCurrent, "nonCurrent", "descInactValue", "Concept non-current", meta),
            c(WellKnown.inappropriate, "inappropriate", "descInactValue", "Inappropriate component", meta),
            c(WellKnown.notSemanticallyEquivalent, "notEquivalent", "descInactValue", "Not semantically equivalent component", meta),
            c(WellKnown.referenceSet, "refset", "foundation", "Reference set", meta),
            c(WellKnown.simpleType, "simpleType", "refset", "Simple type reference set", meta),
            c(723264001, "lateralizable", "simpleType", "Lateralizable body structure reference set", meta),
            c(WellKnown.attributeValueType, "avType", "refset", "Attribute value type reference set", meta),
            c(WellKnown.conceptInactivationIndicator, "cii", "avType", "Concept inactivation indicator attribute value reference set", meta),
            c(WellKnown.descriptionInactivationIndicator, "dii", "avType", "Description inactivation indicator attribute value reference set", meta),
            c(WellKnown.associationType, "assocType", "refset", "Association type reference set", meta),
            c(WellKnown.historicalAssociation, "historical", "assocType", "Historical association reference set", meta),
            c(WellKnown.sameAs, "sameAs", "historical", "SAME AS association reference set", meta),
            c(WellKnown.replacedBy, "replacedBy", "historical", "REPLACED BY association reference set", meta),
            c(WellKnown.possiblyEquivalentTo, "possEq", "historical", "POSSIBLY EQUIVALENT TO association reference set", meta),
            c(WellKnown.wasA, "wasA", "historical", "WAS A association reference set", meta),
            c(WellKnown.movedTo, "movedTo", "historical", "MOVED TO association reference set", meta),
            c(WellKnown.movedFrom, "movedFrom", "historical", "MOVED FROM association reference set", meta),
            c(WellKnown.alternative, "alternative", "historical", "ALTERNATIVE association reference set", meta),
            c(WellKnown.similarTo, "similarTo", "historical", "SIMILAR TO association reference set", meta),
            c(WellKnown.refersTo, "refersTo", "historical", "REFERS TO concept association reference set", meta),
            c(WellKnown.partiallyEquivalentTo, "partEq", "historical", "PARTIALLY EQUIVALENT TO association reference set", meta),
            c(WellKnown.possiblyReplacedBy, "possRepl", "historical", "POSSIBLY REPLACED BY association reference set", meta),
            c(WellKnown.simpleMapType, "simpleMapType", "refset", "Simple map type reference set", meta),
            c(900000000000497000, "ctv3Map", "simpleMapType", "CTV3 simple map reference set", meta),
            c(446608001, "icdoMap", "simpleMapType", "ICD-O simple map reference set", meta),
            c(WellKnown.complexMapType, "complexMapType", "refset", "Complex map type reference set", meta),
            c(WellKnown.extendedMapType, "extMapType", "complexMapType", "Extended map type reference set", meta),
            c(447562003, "icd10Map", "extMapType", "ICD-10 complex map reference set", meta),
            c(WellKnown.owlExpressionType, "owlType", "refset", "OWL expression type reference set", meta),
            c(WellKnown.owlAxiomRefset, "owlAxiom", "owlType", "OWL axiom reference set", meta),
            c(WellKnown.owlOntologyRefset, "owlOntology", "owlType", "OWL ontology reference set", meta),
            c(WellKnown.languageType, "langType", "refset", "Language type reference set", meta),
            c(WellKnown.usEnglish, "us", "langType", "United States of America English language reference set", meta),
            c(WellKnown.gbEnglish, "gb", "langType", "Great Britain English language reference set", meta),
            c(WellKnown.moduleDependency, "mdrs", "refset", "Module dependency reference set", meta),
            c(WellKnown.refsetDescriptor, "descriptor", "refset", "Reference set descriptor reference set", meta),
            c(WellKnown.descriptionFormat, "descFormatRefset", "refset", "Description format reference set", meta),
            c(734146004, "owlNamespace", "foundation", "OWL ontology namespace", meta),
            c(734147008, "owlHeader", "foundation", "OWL ontology header", meta),
            c(900000000000457003, "refsetAttr", "foundation", "Reference set attribute", meta),
            c(449608002, "refComponent", "refsetAttr", "Referenced component", meta),
            c(900000000000533001, "assocTarget", "refsetAttr", "Association target component", meta),
            c(900000000000491004, "attrValue", "refsetAttr", "Attribute value", meta),
            c(900000000000505001, "mapTargetAttr", "refsetAttr", "Map target", meta),
            c(900000000000501005, "mapGroupAttr", "refsetAttr", "Map group", meta),
            c(900000000000502003, "mapPriorityAttr", "refsetAttr", "Map priority", meta),
            c(900000000000503008, "mapRuleAttr", "refsetAttr", "Map rule", meta),
            c(900000000000504002, "mapAdviceAttr", "refsetAttr", "Map advice", meta),
            c(447247004, "correlationValue", "refsetAttr", "SNOMED CT source code to target map code correlation value", meta),
            c(447561005, "correlationNotSpecified", "correlationValue", "SNOMED CT source code to target map code correlation not specified", meta),
            c(609330002, "mapCategoryValue", "refsetAttr", "Map category value", meta),
            c(447637006, "properlyClassified", "mapCategoryValue", "Map source concept is properly classified", meta),
            c(762677007, "owlExpressionAttr", "refsetAttr", "OWL expression", meta),
            c(900000000000536009, "sourceTime", "refsetAttr", "Source effective time", meta),
            c(900000000000537000, "targetTime", "refsetAttr", "Target effective time", meta),
            c(900000000000458008, "attrDescription", "refsetAttr", "Attribute description", meta),
            c(900000000000459000, "attrType", "refsetAttr", "Attribute type", meta),
            c(nil, "attrOrder", "refsetAttr", "Attribute order", meta),
            c(900000000000539002, "descFormat", "refsetAttr", "Description format", meta),
            c(900000000000540000, "plainText", "descFormat", "Plain text", meta),
            c(nil, "descLength", "refsetAttr", "Description length", meta),
            c(900000000000460005, "componentType", "refsetAttr", "Component type", meta),
            c(900000000000461009, "conceptType", "componentType", "Concept type component", meta),
            c(900000000000465000, "stringType", "refsetAttr", "String", meta),
            c(900000000000476001, "integerType", "refsetAttr", "Integer", meta),
        ]
        return list
    }()

    /// Norway's module and language refsets (long-format ids in namespace 1000202).
    static let norway: [MetadataConcept] = [
        MetadataConcept(WellKnown.norwayModule, "noModule", ["module"], "Norwegian module", core),
        MetadataConcept(WellKnown.norwegianBokmal, "nb", ["langType"], "Norwegian Bokmål language reference set", meta),
        MetadataConcept(WellKnown.norwegianNynorsk, "nn", ["langType"], "Norwegian Nynorsk language reference set", meta),
    ]
}
