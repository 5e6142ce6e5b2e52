import Foundation
import RF2
import Testing
@testable import Workspace

@Suite struct RequestValidationTests {
    static let author = TemporaryWorkspace.author

    static func content(_ payload: RequestPayload, summary: String = "Proposal", useCase: String = "Needed for cardiology records") -> RequestContent {
        RequestContent(
            summary: summary, topic: "Cardiology", useCase: useCase, references: ["https://example.org/ref"], organisation: "Helse Vest", payload: payload)
    }

    @Test func validRequestsAreCreatedAsDraftsBoundToTheRelease() throws {
        let workspace = try TemporaryWorkspace().workspace
        let content = Self.content(
            .newConcept(.init(fullySpecifiedName: "Postinfarction angina (disorder)", preferredTerm: "Postinfarction angina", parents: [56265001, 22298006])),
            summary: "Postinfarction angina (disorder)")
        let request = try workspace.createRequest(content, release: SampleReleases.edition, by: Self.author)
        #expect(request.id == 1)
        #expect(request.status == .draft)
        #expect(request.version == 1)
        #expect(request.requester == "ada")
        #expect(request.release == "NO-20250215")
        #expect(request.type == .newConcept)
        #expect(try workspace.request(1) == request)
        #expect(try workspace.requestHistory(1).map { "\($0.from?.rawValue ?? "-")>\($0.to.rawValue) \($0.actor)" } == ["->draft ada"])

        let norwegian = Self.content(
            .newDescription(.init(conceptId: 22298006, term: "akutt hjerteinfarkt", language: .nb, acceptability: .acceptable)), summary: "akutt hjerteinfarkt")
        let synonym = try workspace.createRequest(norwegian, release: SampleReleases.edition, by: Self.author)
        guard case .newDescription(let payload) = synonym.content.payload else {
            Issue.record("payload changed type")
            return
        }
        #expect(payload.effectiveLanguageRefsetId == ComponentID(WellKnown.norwegianBokmal))
        #expect(payload.language.rf2LanguageCode == "no")
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var content: RequestContent
        var message: String
        var testDescription: String { name }
    }

    static let unknownConcept = SCTID.make(item: 999_999, partition: .concept)

    static let cases: [Case] = [
        Case(
            name: "FSN without tag, malformed parent",
            content: content(.newConcept(.init(fullySpecifiedName: "Postinfarction angina", parents: [123]))),
            message: "invalid new-concept request: payload.fullySpecifiedName 'Postinfarction angina' has no semantic tag such as '(disorder)' at the end; "
                + "payload.parents[0] 123 is not a valid concept id"),
        Case(
            name: "inactive and unknown parents",
            content: content(
                .newConcept(.init(fullySpecifiedName: "Silent infarct (disorder)", parents: [9_900_021_000_202_108, ComponentID(unknownConcept)]))),
            message: "invalid new-concept request: payload.parents[0] concept 9900021000202108 is inactive in release NO-20250215; "
                + "payload.parents[1] concept \(unknownConcept) is not in release NO-20250215"),
        Case(
            name: "no parent, FSN already exists",
            content: content(.newConcept(.init(fullySpecifiedName: "Heart disease (disorder)", parents: []))),
            message: "invalid new-concept request: payload.parents needs at least one parent concept; "
                + "payload.fullySpecifiedName 'Heart disease (disorder)' already exists as description 10003491000202115 of concept 56265001"),
        Case(
            name: "common fields",
            content: RequestContent(
                summary: String(repeating: "x", count: 256), useCase: " ", references: [""], namespace: "12", payload: .other(.init(details: "Fix typo"))),
            message: "invalid other request: summary has 256 characters, at most 255 are allowed; useCase (justification) is required; "
                + "references[0] is empty; namespace '12' is not a 7-digit namespace identifier"),
        Case(
            name: "empty summary and details",
            content: content(.other(.init(details: "")), summary: ""),
            message: "invalid other request: summary is required; payload.details is required"),
        Case(
            name: "Norwegian synonym that exists",
            content: content(.newDescription(.init(conceptId: 22298006, term: "hjerteinfarkt", language: .nb, acceptability: .acceptable))),
            message: "invalid new-description request: payload.term concept 22298006 already has the active description 20000281000202114 'hjerteinfarkt'"),
        Case(
            name: "description on unknown concept, not a language refset",
            content: content(
                .newDescription(
                    .init(conceptId: ComponentID(unknownConcept), term: "x", language: .nn, languageRefsetId: 56265001, acceptability: .preferred))),
            message: "invalid new-description request: payload.conceptId concept \(unknownConcept) is not in release NO-20250215; "
                + "payload.languageRefsetId 56265001 is not a language refset of release NO-20250215"),
        Case(
            name: "unchanged term",
            content: content(.changeDescription(.init(descriptionId: 10_003_561_000_202_110, proposedTerm: "Myocardial infarction"))),
            message: "invalid change-description request: payload.proposedTerm 'Myocardial infarction' is the description's current term"),
        Case(
            name: "concept id as description id",
            content: content(.changeDescription(.init(descriptionId: 22298006))),
            message: "invalid change-description request: payload.descriptionId 22298006 is not a valid description id; "
                + "payload.proposedTerm or payload.caseSignificance is required"),
        Case(
            name: "duplicate without association",
            content: content(.inactivateConcept(.init(conceptId: 56265001, reason: .duplicate))),
            message: "invalid inactivate-concept request: payload.association is required for reason 'duplicate': expected same-as"),
        Case(
            name: "wrong association, target is the concept, inactive target",
            content: content(
                .inactivateConcept(.init(conceptId: 56265001, reason: .duplicate, association: .replacedBy, targets: [56265001, 9_900_021_000_202_108]))),
            message: "invalid inactivate-concept request: payload.association 'replaced-by' does not go with reason 'duplicate': expected same-as; "
                + "payload.targets[0] 56265001 is the component being inactivated; payload.targets[1] concept 9900021000202108 is inactive in release NO-20250215"
        ),
        Case(
            name: "already inactive concept",
            content: content(.inactivateConcept(.init(conceptId: 9_900_021_000_202_108, reason: .outdated))),
            message: "invalid inactivate-concept request: payload.conceptId concept 9900021000202108 is inactive in release NO-20250215"),
        Case(
            name: "description reason not allowed",
            content: content(.inactivateDescription(.init(descriptionId: 10_003_561_000_202_110, reason: .ambiguous))),
            message: "invalid inactivate-description request: payload.reason 'ambiguous' is not allowed here: expected one of duplicate, erroneous, outdated, "
                + "nonconformance-to-editorial-policy, concept-non-current, not-semantically-equivalent, inappropriate"),
        Case(
            name: "relationship type is not an attribute",
            content: content(.newRelationship(.init(sourceId: 22298006, typeId: 56265001, destinationId: 80891009, group: 1))),
            message: "invalid new-relationship request: payload.typeId concept 56265001 is not a concept model attribute"),
        Case(
            name: "relationship that already exists",
            content: content(.newRelationship(.init(sourceId: 22298006, typeId: 363698007, destinationId: 80891009, group: 1))),
            message: "invalid new-relationship request: payload concept 22298006 already has the relationship 363698007 = 80891009"),
        Case(
            name: "relationship to retire does not exist",
            content: content(.retireRelationship(.init(sourceId: 22298006, typeId: 116676008, destinationId: 80891009))),
            message: "invalid retire-relationship request: payload concept 22298006 has no active relationship 116676008 = 80891009"),
        Case(
            name: "change without a change",
            content: content(.changeRelationship(.init(sourceId: 22298006, typeId: 363698007, destinationId: 80891009))),
            message: "invalid change-relationship request: payload.newDestinationId or payload.newTypeId or payload.newGroup is required"),
        Case(
            name: "refset change without concepts",
            content: content(.refsetChange(.init(refsetId: 12, action: .add, conceptIds: []))),
            message: "invalid refset-change request: payload.refsetId 12 is not a valid concept id; payload.conceptIds needs at least one concept"),
        Case(
            name: "refset that is not a refset",
            content: content(.refsetChange(.init(refsetId: 56265001, action: .add, conceptIds: [22298006]))),
            message: "invalid refset-change request: payload.refsetId concept 56265001 is not a reference set"),
    ]

    @Test(arguments: cases) func invalidRequestsNameTheField(_ testCase: Case) throws {
        let workspace = try TemporaryWorkspace().workspace
        #expect {
            try workspace.createRequest(testCase.content, release: SampleReleases.edition, by: Self.author)
        } throws: { error in
            let error = try #require(error as? WorkspaceError)
            #expect(error.message == testCase.message)
            return error.kind == .invalid
        }
        #expect(try workspace.requests(RequestQuery()).total == 0)
        #expect(try workspace.auditEvents(AuditQuery()).total == 0)
    }

    @Test func validRequestsOfEveryTypePass() throws {
        let payloads: [RequestPayload] = [
            .changeDescription(.init(descriptionId: 10_003_571_000_202_118, caseSignificance: .caseSensitive)),
            .inactivateDescription(
                .init(descriptionId: 10_003_571_000_202_118, reason: .notSemanticallyEquivalent, association: .refersTo, targets: [22298006])),
            .inactivateConcept(.init(conceptId: 56265001, reason: .ambiguous, association: .possiblyEquivalentTo, targets: [22298006, 64572001])),
            .newRelationship(.init(sourceId: 22298006, typeId: 116676008, destinationId: 80891009, group: 1)),
            .changeRelationship(.init(sourceId: 22298006, typeId: 363698007, destinationId: 80891009, newGroup: 2)),
            .retireRelationship(.init(sourceId: 22298006, typeId: 363698007, destinationId: 80891009)),
            .refsetChange(.init(refsetId: 723264001, action: .remove, conceptIds: [39607008])),
        ]
        let validator = RequestValidator(release: SampleReleases.edition)
        for payload in payloads {
            #expect(try validator.problems(in: Self.content(payload)) == [], "\(payload.type)")
        }
    }

    @Test func norwegianTermsNeedANorwegianLanguageRefset() throws {
        let content = Self.content(.newDescription(.init(conceptId: 22298006, term: "akutt hjerteinfarkt", language: .nn, acceptability: .preferred)))
        #expect(
            try RequestValidator(release: SampleReleases.february).problems(in: content) == [
                "payload.language 'nn': release INT-20250201 has no language refset 91000202106; bind the request to a release that has one "
                    + "or give payload.languageRefsetId"
            ])
        #expect(try RequestValidator(release: SampleReleases.edition).problems(in: content) == [])
    }

    @Test func viewersCannotCreate() throws {
        let workspace = try TemporaryWorkspace().workspace
        #expect {
            try workspace.createRequest(Self.content(.other(.init(details: "x"))), release: nil, by: TemporaryWorkspace.viewer)
        } throws: { error in
            (error as? WorkspaceError)?.message == "vera (viewer) may not create request: that needs the author role or higher"
        }
    }

    @Test func payloadJSONHasATypeDiscriminatorAndStringIds() throws {
        let document = Data(
            """
            {"summary": "COVID-19 (disorder)", "useCase": "Pandemic", "payload": {"type": "new-concept",
             "fullySpecifiedName": "COVID-19 (disorder)", "parents": ["64572001", 56265001]}}
            """.utf8)
        let content = try JSONDecoder().decode(RequestContent.self, from: document)
        #expect(content.topic == "")
        #expect(content.payload == .newConcept(.init(fullySpecifiedName: "COVID-19 (disorder)", parents: [64572001, 56265001])))
        let encoded = try AuditDraft.json(content.payload)
        #expect(encoded == #"{"fullySpecifiedName":"COVID-19 (disorder)","parents":["64572001","56265001"],"synonyms":[],"type":"new-concept"}"#)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(RequestPayload.self, from: Data(#"{"type": "new-thing"}"#.utf8))
        }
    }
}
