import Foundation
import RF2
import ReleaseDiff
import Testing

/// The diff of the two International samples against the hand-checked change list in Releases/EXPECTED.md
/// ("Changes 20250101 -> 20250201": the 90 rows of the 20250201 Delta).
@Suite struct SampleDiffTests {
    let report: DiffReport

    init() async throws { report = try await DiffFixtures.sampleReport() }

    private func counts(_ type: ComponentType) -> [Int] {
        let counts = report.component(type)!.counts
        return ChangeKind.allCases.map { counts[$0] }
    }

    @Test func componentCountsMatchTheDelta() {
        // new, inactivated, reactivated, changed, module moved, removed
        #expect(counts(.concepts) == [3, 3, 0, 1, 0, 0])
        #expect(counts(.descriptions) == [10, 1, 0, 0, 0, 0])
        #expect(counts(.textDefinitions) == [0, 0, 0, 0, 0, 0])
        #expect(counts(.inferredRelationships) == [11, 6, 0, 0, 0, 0])
        #expect(counts(.statedRelationships) == [0, 0, 0, 0, 0, 0])
        #expect(counts(.owlAxioms) == [3, 3, 0, 3, 0, 0])
        // simple 1+1, association 3, attribute value 10, language 20+2+2, simple map 1, extended map 2+1, MDRS 3 changed
        #expect(counts(.refsetMembers) == [36, 5, 0, 5, 0, 0])
        #expect(report.components.reduce(0) { $0 + $1.counts.total } == 90)
        #expect(report.warnings.isEmpty)
        #expect(report.from.name == "INT-20250101" && report.to.name == "INT-20250201")
    }

    @Test func changedFieldsCarryOldAndNewValues() throws {
        let concept = try #require(report.component(.concepts)!.changes.first { $0.id == "56265001" })
        #expect(concept.kind == .changed)
        #expect(concept.fields == [FieldChange(name: "definitionStatusId", old: "900000000000074008", new: "900000000000073002")])
        let language = try #require(report.component(.refsetMembers)!.changes.first { $0.id == "f5065275-73c1-5b08-b158-b9f0a7aec84d" })
        #expect(language.kind == .changed)
        #expect(language.refsetId == WellKnown.usEnglish)
        #expect(language.fields == [FieldChange(name: "acceptabilityId", old: "900000000000548007", new: "900000000000549004")])
        #expect(language.conceptId == 13645005)
        let dependency = try #require(report.component(.refsetMembers)!.changes.first { $0.id == "1ffa9582-ab4c-59c0-bf53-2e8c10c40484" })
        #expect(dependency.fields.map(\.name) == ["sourceEffectiveTime", "targetEffectiveTime"])
        #expect(dependency.fields.map(\.new) == ["20250201", "20250201"])
        let axiom = try #require(report.component(.owlAxioms)!.changes.first { $0.id == "99facdb9-9020-5542-92cd-7ebf4e676773" })
        #expect(axiom.fields.map(\.name) == ["owlExpression"])
        #expect(axiom.conceptId == 49436004)
        let isa = try #require(report.component(.inferredRelationships)!.changes.first { $0.id == "10001891000202125" })
        #expect(isa.kind == .inactivated && isa.conceptId == 49436004)
        #expect(isa.label == "Is a → Heart disease")
    }

    @Test func conceptViews() {
        let views = report.views
        #expect(views.newConcepts.map(\.id) == [401303003, 840533007, 840539006])
        #expect(views.newConcepts.first?.fsn == "Acute ST segment elevation myocardial infarction (disorder)")
        #expect(views.newConcepts.first?.hierarchy?.id == 404684003)
        #expect(views.reactivatedConcepts.isEmpty)
        #expect(views.inactivatedConcepts.map(\.concept.id) == [9900021000202108, 9900031000202105, 9900041000202104])
        #expect(views.inactivatedConcepts.map { $0.reason?.id } == [WellKnown.duplicate, WellKnown.ambiguous, WellKnown.outdated])
        #expect(views.inactivatedConcepts[0].associations.map { [$0.refset.id, $0.target.id] } == [[WellKnown.sameAs, 22298006]])
        #expect(Set(views.inactivatedConcepts[1].associations.map(\.target.id)) == [82272006, 386689009])
        #expect(views.inactivatedConcepts[1].associations.allSatisfy { $0.refset.id == WellKnown.possiblyEquivalentTo && $0.targetActive })
        #expect(views.inactivatedConcepts.map(\.noReplacement) == [false, false, true])
        #expect(views.definitionStatusChanges.map { [String($0.concept.id), $0.old, $0.new] } == [["56265001", "primitive", "defined"]])
    }

    @Test func termViews() {
        let views = report.views
        #expect(
            views.termChanges.map { "\($0.conceptId) \($0.languageRefset.id) \($0.type.rawValue): \($0.old ?? "-") -> \($0.new ?? "-")" } == [
                "13645005 900000000000509007 preferredTerm: Chronic obstructive lung disease -> Chronic obstructive pulmonary disease",
                "38341003 900000000000508004 fsn: Hypertensive disorder (disorder) -> Hypertensive disorder, systemic arterial (disorder)",
                "38341003 900000000000509007 fsn: Hypertensive disorder (disorder) -> Hypertensive disorder, systemic arterial (disorder)",
            ])
        #expect(views.termChanges[1].oldDescriptionId == 10003711000202116 && views.termChanges[1].newDescriptionId == 10005701000202117)
        #expect(views.newDescriptions.map(\.id) == [10005701000202117, 10005711000202115])
        #expect(views.newDescriptions[1].term == "Bronchial asthma" && views.newDescriptions[1].type == "synonym")
        #expect(views.newDescriptions[1].acceptability.map(\.acceptability) == ["acceptable", "acceptable"])
        #expect(views.inactivatedDescriptions.map(\.id) == [10003711000202116])
        #expect(views.inactivatedDescriptions.first?.reason?.id == WellKnown.nonconformanceToEditorialPolicy)
        #expect(
            views.acceptabilityChanges.map { "\($0.descriptionId) \($0.languageRefset.id) \($0.old ?? "-") -> \($0.new ?? "-")" } == [
                "10003941000202118 900000000000509007 preferred -> acceptable",
                "10003951000202115 900000000000509007 acceptable -> preferred",
            ])
    }

    @Test func definitionViews() {
        let views = report.views
        #expect(views.isaChanges.map(\.concept.id) == [49436004])
        #expect(views.isaChanges.first?.added.map(\.id) == [698247007])
        #expect(views.isaChanges.first?.removed.map(\.id) == [56265001])
        #expect(views.attributeChanges.map(\.concept.id) == [195967001])
        #expect(views.attributeChanges.first?.added.map { [Int64($0.group), $0.type.id, $0.destination?.id ?? 0] } == [[0, 363698007, 955009]])
        #expect(views.attributeChanges.first?.removed.map { $0.destination?.id } == [39607008])
        #expect(
            views.refsetMemberChanges.map { "\($0.refset.id) \($0.referencedComponentId) \($0.kind.rawValue)" }
                == [
                    "447562003 401303003 new", "447562003 840539006 new", "447562003 9900021000202108 inactivated",
                    "723264001 955009 new", "723264001 80891009 inactivated", "9900051000202101 9900031000202105 inactivated",
                ].sorted { a, b in
                    let x = a.split(separator: " "), y = b.split(separator: " ")
                    return (Int64(x[0])!, Int64(x[1])!) < (Int64(y[0])!, Int64(y[1])!)
                })
    }

    @Test func rollupsCountEveryChangeOnce() {
        let total = report.components.reduce(0) { $0 + $1.counts.total }
        #expect(report.rollup.byHierarchy.reduce(0) { $0 + $1.counts.total } == total)
        #expect(report.rollup.byModule.reduce(0) { $0 + $1.counts.total } == total)
        let findings = report.rollup.byHierarchy.first { $0.key.id == 404684003 && $0.group == .concepts }
        // 401303003 and 840539006 new, three inactivated, 56265001 changed
        #expect(findings?.counts.new == 2 && findings?.counts.inactivated == 3 && findings?.counts.changed == 1)
        #expect(report.rollup.byHierarchy.first { $0.key.id == 410607006 && $0.group == .concepts }?.counts.new == 1)
    }

    @Test func refsetTotals() throws {
        let language = try #require(report.refsets.first { $0.refset.id == WellKnown.usEnglish })
        #expect(language.fields == ["acceptabilityId"])
        #expect(language.counts.new == 10 && language.counts.inactivated == 1 && language.counts.changed == 2)
        let simple = try #require(report.refsets.first { $0.refset.id == 723264001 })
        #expect(simple.fromActive == 5 && simple.toActive == 5)
    }

    @Test func jsonKeepsIdsAsStringsAndNamesItsSchema() throws {
        let data = try JSONEncoder().encode(report)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["schema"] as? String == "steward-diff/1")
        let views = try #require(object["views"] as? [String: Any])
        let first = try #require((views["newConcepts"] as? [[String: Any]])?.first)
        #expect(first["id"] as? String == "401303003")
        let decoded = try JSONDecoder().decode(DiffReport.self, from: data)
        #expect(decoded.views.newConcepts.map(\.id) == report.views.newConcepts.map(\.id))
        #expect(decoded.component(.refsetMembers)?.counts == report.component(.refsetMembers)?.counts)
    }

    @Test func aReleaseComparedWithItselfHasNoChanges() async throws {
        let samples = try DiffFixtures.samples.get()
        let same = try await ReleaseDiffer(from: samples.to, to: samples.to).compare()
        #expect(same.isEmpty)
        #expect(same.views.termChanges.isEmpty && same.views.isaChanges.isEmpty)
    }
}
