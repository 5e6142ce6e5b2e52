import Foundation
import Testing

@Suite(.serialized) struct RequestCommandTests {
    @Test func createSubmitListAndExport() throws {
        let steward = try Steward()
        defer { steward.remove() }
        #expect(try steward.run(["import", Steward.int2]).status == 0)

        let created = try steward.run([
            "request", "create", "--as", "ada:author", "--type", "new-description", "--summary", "Heart attack, acute", "--use-case", "GP records",
            "--concept", "22298006", "--term", "Heart attack, acute", "--acceptability", "acceptable", "--reference", "https://example.org/x",
        ])
        #expect(created.status == 0)
        #expect(created.stdout == "1\n")

        let document = steward.data.appendingPathComponent("request.json")
        try Data(
            """
            {"summary": "Long COVID (disorder)", "useCase": "Pandemic", "topic": "Infection",
             "payload": {"type": "new-concept", "fullySpecifiedName": "Long COVID (disorder)", "parents": ["64572001"]}}
            """.utf8
        ).write(to: document)
        let fromJSON = try steward.run(["request", "create", "--as", "bob:author", "--json", document.path, "--submit"])
        #expect(fromJSON.status == 0)
        #expect(fromJSON.stdout == "2\n")

        let submitted = try steward.run(["request", "transition", "1", "submitted", "--as", "ada:author"])
        #expect(submitted.status == 0)
        #expect(submitted.stdout == "request 1 is submitted (version 2)\n")

        let illegal = try steward.run(["request", "transition", "1", "released", "--as", "ada:author"])
        #expect(illegal.status != 0)
        #expect(illegal.stderr.contains("request 1 cannot go from submitted to released by ada (author); allowed from submitted: withdrawn"))
        #expect(illegal.stderr.split(separator: "\n").count == 1)
        let reviewerOnly = try steward.run(["request", "transition", "1", "under-review", "--as", "ada:author"])
        #expect(reviewerOnly.status != 0)
        #expect(reviewerOnly.stderr.contains("ada (author) may not move request 1 from submitted to under-review"))

        let invalid = try steward.run([
            "request", "create", "--type", "new-concept", "--summary", "X", "--use-case", "Y", "--fsn", "No tag", "--parent", "64572001",
        ])
        #expect(invalid.status != 0)
        #expect(invalid.stderr.contains("payload.fullySpecifiedName 'No tag' has no semantic tag such as '(disorder)' at the end"))

        let list = try steward.run(["request", "list", "--status", "submitted", "--format", "json"])
        #expect(list.status == 0)
        let requests = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        #expect(requests.map { $0["id"] as? String } == ["1", "2"])
        #expect(requests.map { $0["requester"] as? String } == ["ada", "bob"])
        #expect(requests.map { $0["release"] as? String } == ["INT-20250201", "INT-20250201"])

        let table = try steward.run(["request", "list", "--requester", "bob"])
        #expect(table.stdout.contains("2   new-concept  submitted  2        bob"))

        #expect(try steward.run(["request", "comment", "1", "Seen in 40 GP systems", "--as", "rita:reviewer"]).status == 0)
        let csv = try steward.run(["request", "export", "--format", "csv"])
        #expect(csv.status == 0)
        let rows = csv.stdout.components(separatedBy: "\r\n")
        #expect(rows.count == 4)
        #expect(rows[0].hasPrefix("Request Id,Request Type,Topic,Summary,Concept Id,Proposed FSN/Term,Semantic Tag"))
        #expect(
            rows[1]
                == "1,New Description,,\"Heart attack, acute\",22298006,\"Heart attack, acute\",,,en,acceptable,,,,GP records,https://example.org/x,,,,submitted,,"
        )
        #expect(rows[2] == "2,New Concept,Infection,Long COVID (disorder),,Long COVID (disorder),disorder,64572001,,,,,,Pandemic,,,,,submitted,,")

        let json = try steward.run(["request", "export", "--format", "json"])
        let records = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect((records[0]["comments"] as? [[String: Any]])?.first?["text"] as? String == "Seen in 40 GP systems")
        #expect((records[0]["history"] as? [[String: Any]])?.map { $0["to"] as? String } == ["draft", "submitted"])

        let show = try steward.run(["request", "show", "1"])
        #expect(show.stdout.hasPrefix("Request 1: Heart attack, acute\n"))
        #expect(show.stdout.contains("rita: Seen in 40 GP systems"))

        let badActor = try steward.run(["request", "list", "--as", "ada"])
        #expect(badActor.status != 0)
        #expect(badActor.stderr.contains("--as ada: expected NAME:ROLE"))
    }
}
