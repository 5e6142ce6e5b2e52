import RF2
import Testing

@Suite struct FileNameTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var kind: RF2FileKind?
        var releaseType: ReleaseType
        var summary: String
        var language: String?
        var country: String
        var namespace: Int?
        var date: Int
        var status: String = ""
        var testDescription: String { name }
    }

    static let realWorld: [Case] = [
        Case(name: "sct2_Concept_Snapshot_INT_20250101.txt", kind: .concept, releaseType: .snapshot, summary: "", country: "INT", date: 20250101),
        Case(
            name: "sct2_Description_Snapshot-en_INT_20250101.txt", kind: .description, releaseType: .snapshot, summary: "", language: "en", country: "INT",
            date: 20250101),
        Case(
            name: "sct2_TextDefinition_Full-en_INT_20240701.txt", kind: .textDefinition, releaseType: .full, summary: "", language: "en", country: "INT",
            date: 20240701),
        Case(name: "sct2_Relationship_Delta_INT_20230131.txt", kind: .relationship, releaseType: .delta, summary: "", country: "INT", date: 20230131),
        Case(
            name: "sct2_StatedRelationship_Snapshot_INT_20250101.txt", kind: .statedRelationship, releaseType: .snapshot, summary: "", country: "INT",
            date: 20250101),
        Case(
            name: "sct2_Stated_Relationship_Snapshot_INT_20190131.txt", kind: .statedRelationship, releaseType: .snapshot, summary: "", country: "INT",
            date: 20190131),
        Case(
            name: "sct2_RelationshipConcreteValues_Snapshot_INT_20250101.txt", kind: .concreteValues, releaseType: .snapshot, summary: "", country: "INT",
            date: 20250101),
        Case(name: "sct2_Identifier_Snapshot_INT_20250101.txt", kind: .identifier, releaseType: .snapshot, summary: "", country: "INT", date: 20250101),
        Case(
            name: "sct2_sRefset_OWLExpressionSnapshot_INT_20250101.txt", kind: .refset(pattern: "s"), releaseType: .snapshot, summary: "OWLExpression",
            country: "INT", date: 20250101),
        Case(
            name: "sct2_sRefset_OWLAxiomSnapshot_INT_20190131.txt", kind: .refset(pattern: "s"), releaseType: .snapshot, summary: "OWLAxiom", country: "INT",
            date: 20190131),
        Case(
            name: "sct2_sRefset_OWLOntologyFull_INT_20180731.txt", kind: .refset(pattern: "s"), releaseType: .full, summary: "OWLOntology", country: "INT",
            date: 20180731),
        Case(
            name: "der2_Refset_SimpleSnapshot_INT_20250101.txt", kind: .refset(pattern: ""), releaseType: .snapshot, summary: "Simple", country: "INT",
            date: 20250101),
        Case(
            name: "der2_cRefset_AssociationSnapshot_INT_20250101.txt", kind: .refset(pattern: "c"), releaseType: .snapshot, summary: "Association",
            country: "INT", date: 20250101),
        Case(
            name: "der2_cRefset_AssociationReferenceFull_INT_20160131.txt", kind: .refset(pattern: "c"), releaseType: .full, summary: "AssociationReference",
            country: "INT", date: 20160131),
        Case(
            name: "der2_cRefset_AttributeValueSnapshot_INT_20250101.txt", kind: .refset(pattern: "c"), releaseType: .snapshot, summary: "AttributeValue",
            country: "INT", date: 20250101),
        Case(
            name: "der2_cRefset_LanguageSnapshot-en_INT_20250101.txt", kind: .refset(pattern: "c"), releaseType: .snapshot, summary: "Language", language: "en",
            country: "INT", date: 20250101),
        Case(
            name: "der2_cRefset_LanguageSnapshot-en-GB_GB1000000_20240320.txt", kind: .refset(pattern: "c"), releaseType: .snapshot, summary: "Language",
            language: "en-GB", country: "GB", namespace: 1000000, date: 20240320),
        Case(
            name: "der2_cRefset_LanguageSnapshot-no_NO1000202_20250415.txt", kind: .refset(pattern: "c"), releaseType: .snapshot, summary: "Language",
            language: "no", country: "NO", namespace: 1000202, date: 20250415),
        Case(
            name: "sct2_Description_Snapshot-no_NO1000202_20250415.txt", kind: .description, releaseType: .snapshot, summary: "", language: "no", country: "NO",
            namespace: 1000202, date: 20250415),
        Case(
            name: "sct2_sRefset_OWLExpressionSnapshot_NO1000202_20260415.txt", kind: .refset(pattern: "s"), releaseType: .snapshot, summary: "OWLExpression",
            country: "NO", namespace: 1000202, date: 20260415),
        Case(
            name: "der2_sRefset_SimpleMapSnapshot_INT_20250101.txt", kind: .refset(pattern: "s"), releaseType: .snapshot, summary: "SimpleMap", country: "INT",
            date: 20250101),
        Case(
            name: "der2_iisssccRefset_ExtendedMapSnapshot_INT_20250101.txt", kind: .refset(pattern: "iisssc" + "c"), releaseType: .snapshot,
            summary: "ExtendedMap", country: "INT", date: 20250101),
        Case(
            name: "der2_iissscRefset_ComplexMapFull_INT_20170731.txt", kind: .refset(pattern: "iisssc"), releaseType: .full, summary: "ComplexMap",
            country: "INT", date: 20170731),
        Case(
            name: "der2_iisssciRefset_ExtendedMapSnapshot_GB1000000_20240320.txt", kind: .refset(pattern: "iisssci"), releaseType: .snapshot,
            summary: "ExtendedMap", country: "GB", namespace: 1000000, date: 20240320),
        Case(
            name: "der2_cciRefset_RefsetDescriptorSnapshot_INT_20250101.txt", kind: .refset(pattern: "cci"), releaseType: .snapshot,
            summary: "RefsetDescriptor", country: "INT", date: 20250101),
        Case(
            name: "der2_ciRefset_DescriptionTypeSnapshot_INT_20250101.txt", kind: .refset(pattern: "ci"), releaseType: .snapshot, summary: "DescriptionType",
            country: "INT", date: 20250101),
        Case(
            name: "der2_ssRefset_ModuleDependencySnapshot_INT_20250101.txt", kind: .refset(pattern: "ss"), releaseType: .snapshot, summary: "ModuleDependency",
            country: "INT", date: 20250101),
        Case(
            name: "der2_sssssssRefset_MRCMDomainSnapshot_INT_20250101.txt", kind: .refset(pattern: "sssssss"), releaseType: .snapshot, summary: "MRCMDomain",
            country: "INT", date: 20250101),
        Case(
            name: "der2_cissccRefset_MRCMAttributeDomainSnapshot_INT_20250101.txt", kind: .refset(pattern: "cissc" + "c"), releaseType: .snapshot,
            summary: "MRCMAttributeDomain", country: "INT", date: 20250101),
        Case(
            name: "der2_scsRefset_ComponentAnnotationStringValueSnapshot_INT_20250101.txt", kind: .refset(pattern: "scs"), releaseType: .snapshot,
            summary: "ComponentAnnotationStringValue", country: "INT", date: 20250101),
        Case(
            name: "der2_ccRefset_SNOMEDtoSNOMEDSimpleMapUKCLSnapshot_GB1000000_20240320.txt", kind: .refset(pattern: "cc"), releaseType: .snapshot,
            summary: "SNOMEDtoSNOMEDSimpleMapUKCL", country: "GB", namespace: 1000000, date: 20240320),
        Case(
            name: "der2_Refset_MONOSimpleSnapshot_GB1000000_20240320.txt", kind: .refset(pattern: ""), releaseType: .snapshot, summary: "MONOSimple",
            country: "GB", namespace: 1000000, date: 20240320),
        Case(
            name: "der2_cRefset_LanguageUKEDSnapshot-en_GB1000000_20240320.txt", kind: .refset(pattern: "c"), releaseType: .snapshot, summary: "LanguageUKED",
            language: "en", country: "GB", namespace: 1000000, date: 20240320),
        Case(
            name: "der2_Refset_CardiologySnapshot_NO1000202_20250415.txt", kind: .refset(pattern: ""), releaseType: .snapshot, summary: "Cardiology",
            country: "NO", namespace: 1000202, date: 20250415),
        Case(name: "xsct2_Concept_Snapshot_INT_20260601.txt", kind: .concept, releaseType: .snapshot, summary: "", country: "INT", date: 20260601, status: "x"),
        Case(
            name: "xder2_cRefset_LanguageSnapshot-en_INT_20260601.txt", kind: .refset(pattern: "c"), releaseType: .snapshot, summary: "Language",
            language: "en", country: "INT", date: 20260601, status: "x"),
        Case(name: "zsct2_Concept_Full_INT_20020131.txt", kind: .concept, releaseType: .full, summary: "", country: "INT", date: 20020131, status: "z"),
        Case(
            name: "sct2_Concept_Snapshot_1000202_20250415.txt", kind: .concept, releaseType: .snapshot, summary: "", country: "", namespace: 1000202,
            date: 20250415),
    ]

    @Test(arguments: realWorld)
    func parsesRealWorldName(_ expected: Case) throws {
        let name = try #require(RF2FileName(expected.name))
        #expect(name.kind == expected.kind)
        if expected.kind != nil {
            #expect(name.releaseType == expected.releaseType)
            #expect(name.summary == expected.summary)
        }
        #expect(name.language == expected.language)
        #expect(name.country == expected.country)
        #expect(name.namespace == expected.namespace)
        #expect(name.versionDate == expected.date)
        #expect(name.status == expected.status)
    }

    @Test(arguments: [
        "Readme_en_20250101.txt", "release_package_information.json", "sct2_Concept_Snapshot_INT_2025010.txt",
        "sct2_Concept_Snapshot_INT_20250101", "sct2_Concept_Weekly_INT_20250101.txt", "sct2_Concept_Snapshot_NO100020_20250101.txt",
        "der2_xyRefset_SimpleSnapshot_INT_20250101.txt", "sct2_Concept__20250101.txt",
        "doc_Icd10MapTechnicalGuide_Current-en-US_INT_20250101.pdf", "res2_MRCMTemplatesSnapshot_INT_20250101.json",
    ])
    func rejectsOrIgnores(_ text: String) {
        #expect(RF2FileName(text)?.kind == nil)
    }

    @Test func countryNamespaceIsRebuilt() throws {
        #expect(try #require(RF2FileName("sct2_Concept_Snapshot_NO1000202_20250415.txt")).countryNamespace == "NO1000202")
        #expect(try #require(RF2FileName("sct2_Concept_Snapshot_INT_20250415.txt")).countryNamespace == "INT")
    }
}
