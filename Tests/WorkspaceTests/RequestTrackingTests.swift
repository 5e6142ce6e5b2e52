import Foundation
import Testing
@testable import Workspace

@Suite struct RequestTrackingTests {
    static func content(_ summary: String, _ payload: RequestPayload) -> RequestContent {
        RequestContent(summary: summary, useCase: "Seen in our records", payload: payload)
    }

    @Test func requestsSatisfiedByANewRelease() throws {
        let workspace = try TemporaryWorkspace().workspace
        let ada = TemporaryWorkspace.author
        let january = SampleReleases.january
        let contents = [
            Self.content("COVID-19 (disorder)", .newConcept(.init(fullySpecifiedName: "COVID-19 (disorder)", parents: [64572001]))),
            Self.content("Bronchial asthma", .newDescription(.init(conceptId: 195967001, term: "Bronchial asthma", language: .en, acceptability: .acceptable))),
            Self.content(
                "Myocardial infarct is a duplicate",
                .inactivateConcept(.init(conceptId: 9_900_021_000_202_108, reason: .duplicate, association: .sameAs, targets: [22298006]))),
            Self.content("Hypertensive disorder FSN", .inactivateDescription(.init(descriptionId: 10_003_711_000_202_116, reason: .outdated))),
            Self.content(
                "Cardiac infarction", .newDescription(.init(conceptId: 22298006, term: "Cardiac infarction", language: .en, acceptability: .acceptable))),
            Self.content("Dropsy is outdated", .inactivateConcept(.init(conceptId: 9_900_041_000_202_104, reason: .outdated))),
            Self.content("Retire heart structure site", .retireRelationship(.init(sourceId: 22298006, typeId: 363698007, destinationId: 80891009))),
        ]
        for content in contents { _ = try workspace.createRequest(content, release: january, by: ada) }
        // A withdrawn request is not reported even though the release satisfies it.
        _ = try workspace.transitionRequest(6, to: .withdrawn, expectedVersion: 1, by: ada)

        #expect(try workspace.requestsSatisfied(by: january).isEmpty)
        let found = try workspace.requestsSatisfied(by: SampleReleases.february).map { "\($0.request.id): \($0.explanation)" }
        #expect(
            found == [
                "1: INT-20250201 has concept 840539006 with the FSN 'COVID-19 (disorder)' (description 10005741000202119)",
                "2: INT-20250201 has 'Bronchial asthma' as active description 10005711000202115 of concept 195967001",
                "3: concept 9900021000202108 is inactive in INT-20250201 (reason Duplicate), SAME AS 22298006",
                "4: description 10003711000202116 is inactive in INT-20250201 (reason Nonconformance to editorial policy)",
            ])
    }
}
