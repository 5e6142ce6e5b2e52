import Foundation
import Testing
@testable import Workspace

@Suite struct RequestExportTests {
    static let time = Date(timeIntervalSince1970: 1_739_000_000)

    static func request(_ id: Int64, _ status: RequestStatus, _ content: RequestContent, externalReference: String? = nil) -> ChangeRequest {
        ChangeRequest(
            id: id, status: status, content: content, requester: "ada", assignee: nil, externalReference: externalReference, release: "NO-20250215",
            version: 2, createdAt: time, createdBy: "ada", updatedAt: time, updatedBy: "rita")
    }

    static let requests = [
        request(
            1, .submitted,
            RequestContent(
                summary: "Postinfarction angina (disorder)", topic: "Cardiology", useCase: "Used in discharge letters, \"often\"",
                references: ["https://example.org/a", "PMID 123"], organisation: "Helse Vest", localCode: "K-17", localTerm: "Angina etter infarkt",
                namespace: "1000202", notes: "Line one\r\nline two",
                payload: .newConcept(.init(fullySpecifiedName: "Postinfarction angina (disorder)", parents: [56265001, 22298006])))),
        request(
            2, .forwarded,
            RequestContent(
                summary: "hjerteinfarkt, akutt", useCase: "Norwegian GP term",
                payload: .newDescription(.init(conceptId: 22298006, term: "hjerteinfarkt, akutt", language: .nb, acceptability: .preferred))),
            externalReference: "RMP-17"),
        request(
            3, .accepted,
            RequestContent(
                summary: "Myocardial infarct duplicates 22298006", useCase: "Duplicate",
                payload: .inactivateConcept(.init(conceptId: 9_900_021_000_202_108, reason: .duplicate, association: .sameAs, targets: [22298006])))),
    ]

    static let header =
        "Request Id,Request Type,Topic,Summary,Concept Id,Proposed FSN/Term,Semantic Tag,Parent Concept(s),Language,Acceptability,Inactivation Reason,"
        + "Association,Target,Justification,Reference,Organisation,Local Code,Local Term,Status,External Reference,Notes\r\n"

    @Test func csvQuotesPerRFC4180() {
        #expect(
            RequestExporter.csv(Self.requests) == Self.header
                + "1,New Concept,Cardiology,Postinfarction angina (disorder),,Postinfarction angina (disorder),disorder,56265001; 22298006,,,,,,"
                + "\"Used in discharge letters, \"\"often\"\"\",https://example.org/a; PMID 123,Helse Vest,K-17,Angina etter infarkt,submitted,,\"Line one\r\nline two\"\r\n"
                + "2,New Description,,\"hjerteinfarkt, akutt\",22298006,\"hjerteinfarkt, akutt\",,,nb,preferred,,,,Norwegian GP term,,,,,forwarded,RMP-17,\r\n"
                + "3,Change/Retire Concept,,Myocardial infarct duplicates 22298006,9900021000202108,,,,,,Duplicate,SAME AS,22298006,Duplicate,,,,,accepted,,\r\n"
        )
    }

    @Test func tsvReplacesTabsAndLineBreaks() {
        let tsv = RequestExporter.tsv(Array(Self.requests.prefix(1)))
        let lines = tsv.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 3)
        #expect(lines[0] == Self.header.dropLast().replacingOccurrences(of: ",", with: "\t"))
        #expect(
            lines[1]
                == [
                    "1", "New Concept", "Cardiology", "Postinfarction angina (disorder)", "", "Postinfarction angina (disorder)", "disorder",
                    "56265001; 22298006",
                    "", "", "", "", "", "Used in discharge letters, \"often\"", "https://example.org/a; PMID 123", "Helse Vest", "K-17", "Angina etter infarkt",
                    "submitted", "", "Line one line two",
                ].joined(separator: "\t"))
        #expect(lines[2] == "")
    }

    @Test func jsonHasRequestsWithHistoryAndComments() throws {
        let record = RequestRecord(
            request: Self.requests[2],
            history: [
                RequestStatusChange(from: nil, to: .draft, actor: "ada", role: .author, time: Self.time, reason: nil),
                RequestStatusChange(from: .draft, to: .submitted, actor: "ada", role: .author, time: Self.time, reason: "ready"),
            ],
            comments: [RequestComment(id: 7, requestId: 3, author: "rita", time: Self.time, text: "Agreed")])
        let json = String(decoding: try RequestExporter.json([record]), as: UTF8.self)
        #expect(
            json == """
                [
                  {
                    "comments" : [
                      {
                        "author" : "rita",
                        "id" : "7",
                        "requestId" : "3",
                        "text" : "Agreed",
                        "time" : "2025-02-08T07:33:20.000Z"
                      }
                    ],
                    "content" : {
                      "localCode" : "",
                      "localTerm" : "",
                      "namespace" : "",
                      "notes" : "",
                      "organisation" : "",
                      "payload" : {
                        "association" : "same-as",
                        "conceptId" : "9900021000202108",
                        "reason" : "duplicate",
                        "targets" : [
                          "22298006"
                        ],
                        "type" : "inactivate-concept"
                      },
                      "references" : [

                      ],
                      "summary" : "Myocardial infarct duplicates 22298006",
                      "topic" : "",
                      "useCase" : "Duplicate"
                    },
                    "createdAt" : "2025-02-08T07:33:20.000Z",
                    "createdBy" : "ada",
                    "history" : [
                      {
                        "actor" : "ada",
                        "role" : "author",
                        "time" : "2025-02-08T07:33:20.000Z",
                        "to" : "draft"
                      },
                      {
                        "actor" : "ada",
                        "from" : "draft",
                        "reason" : "ready",
                        "role" : "author",
                        "time" : "2025-02-08T07:33:20.000Z",
                        "to" : "submitted"
                      }
                    ],
                    "id" : "3",
                    "release" : "NO-20250215",
                    "requester" : "ada",
                    "status" : "accepted",
                    "type" : "inactivate-concept",
                    "updatedAt" : "2025-02-08T07:33:20.000Z",
                    "updatedBy" : "rita",
                    "version" : 2
                  }
                ]
                """)
        let decoded = try JSONDecoder().decode([ChangeRequest].self, from: try RequestExporter.json([record]))
        #expect(decoded == [Self.requests[2]])
    }
}
