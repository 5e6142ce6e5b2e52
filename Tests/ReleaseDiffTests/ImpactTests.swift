import Foundation
import RF2
import ReleaseDiff
import Testing

@Suite struct ImpactTests {
    private func analyzer() throws -> ImpactAnalyzer {
        let samples = try DiffFixtures.samples.get()
        return ImpactAnalyzer(from: samples.from, to: samples.to)
    }

    @Test func mapRefsetMembersInactivatedOrRenamed() throws {
        let report = try analyzer().analyze(refsets: [447562003], definitions: [])
        let refset = try #require(report.refsets.first)
        #expect(refset.membersChecked == 14)
        #expect(refset.unaffected == 12)
        #expect(
            refset.findings.map { "\($0.referencedComponentId) \($0.issue.rawValue)" } == [
                "13645005 preferredTermChanged", "9900021000202108 inactivated", "9900021000202108 membershipEnded",
            ])
        let renamed = refset.findings[0]
        #expect(renamed.detail == "Chronic obstructive lung disease → Chronic obstructive pulmonary disease")
        let inactivated = refset.findings[1]
        #expect(inactivated.reason?.id == WellKnown.duplicate)
        #expect(inactivated.associations.map { [$0.refset.id, $0.target.id] } == [[WellKnown.sameAs, 22298006]])
        #expect(inactivated.associations.first?.target.term == "Myocardial infarction")
        #expect(!inactivated.noReplacement)
    }

    @Test func membersOfAlreadyInactiveConceptsAreReported() throws {
        // 9900011000202100 |Asthmatic disorder| is inactive in both releases and still a SAME AS member.
        let report = try analyzer().analyze(refsets: [WellKnown.sameAs], definitions: [])
        let findings = try #require(report.refsets.first).findings
        #expect(findings.map { "\($0.referencedComponentId) \($0.issue.rawValue)" } == ["9900011000202100 inactiveMember"])
        #expect(findings.first?.associations.map(\.target.id) == [195967001])
    }

    @Test func releaseRefsetMembershipEndings() throws {
        let report = try analyzer().analyze(refsets: [723264001], definitions: [])
        #expect(
            report.refsets.first?.findings.map { "\($0.referencedComponentId) \($0.issue.rawValue) \($0.detail)" } == [
                "80891009 membershipEnded member row inactive in INT-20250201"
            ])
    }

    @Test func eclDefinitionsGainAndLose() throws {
        let report = try analyzer().analyze(
            refsets: [], definitions: [.init(name: "heart", ecl: "<< 56265001"), .init(name: "lateral", ecl: "^ 723264001")])
        let heart = report.definitions[0]
        #expect(heart.fromCount == 8 && heart.toCount == 8)
        #expect(heart.gained.map(\.id) == [401303003])
        #expect(heart.lost.map(\.concept.id) == [9900021000202108])
        #expect(heart.lost.first?.inactivated == true && heart.lost.first?.reason?.id == WellKnown.duplicate)
        #expect(heart.lost.first?.associations.map(\.target.id) == [22298006])
        let lateral = report.definitions[1]
        #expect(lateral.gained.map(\.id) == [955009])
        #expect(lateral.lost.map(\.concept.id) == [80891009])
        #expect(lateral.lost.first?.inactivated == false)
    }

    @Test func defaultRefsetsAreTheSimpleContentRefsets() throws {
        #expect(try analyzer().contentRefsets() == [723264001])
    }

    @Test func unknownRefsetIsAnError() throws {
        #expect(throws: DiffError.self) { try analyzer().analyze(refsets: [404684003], definitions: []) }
    }

    @Test func documentHasOneRowPerFindingAndTarget() throws {
        let report = try analyzer().analyze(refsets: [447562003], definitions: [.init(name: "heart", ecl: "<< 56265001")])
        let document = report.document()
        #expect(document.sections.map(\.id) == ["refsets", "findings", "definitions", "definition-changes"])
        #expect(document.sections[1].rows.count == 3)
        #expect(document.sections[3].rows.map { $0[1].text } == ["gained", "lost"])
        let json = try JSONEncoder().encode(report)
        let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        #expect(object["schema"] as? String == "steward-impact/1")
    }
}
