import Foundation
import Testing

@Suite(.serialized) struct DiffCommandTests {
    @Test func diffDeltaAndImpactOnTheSamples() throws {
        let steward = try Steward()
        defer { steward.remove() }
        #expect(try steward.run(["import", Steward.int1]).status == 0)
        #expect(try steward.run(["import", Steward.int2]).status == 0)

        let text = try steward.run(["diff", "INT-20250101", "INT-20250201"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("Concepts                  3            3            0        1             0        0"))
        #expect(text.stdout.contains("9900041000202104 Dropsy (disorder) — Outdated component — no replacement"))

        // A package folder is imported on the fly.
        let json = try steward.run(["diff", "INT-20250101", Steward.int2, "--format", "json"])
        #expect(json.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["schema"] as? String == "steward-diff/1")

        let csv = steward.data.appendingPathComponent("csv")
        #expect(try steward.run(["diff", "INT-20250101", "INT-20250201", "--format", "csv", "--out", csv.path]).status == 0)
        let newConcepts = try String(contentsOf: csv.appendingPathComponent("new-concepts.csv"), encoding: .utf8)
        #expect(newConcepts.split(separator: "\r\n").count == 4)

        let html = steward.data.appendingPathComponent("diff.html")
        #expect(try steward.run(["diff", "INT-20250101", "INT-20250201", "--format", "html", "--out", html.path]).status == 0)
        #expect(try String(contentsOf: html, encoding: .utf8).hasPrefix("<!DOCTYPE html>"))

        let delta = steward.data.appendingPathComponent("delta")
        let written = try steward.run(["delta", "INT-20250101", "INT-20250201", "--out", delta.path])
        #expect(written.status == 0)
        #expect(written.stderr.contains("wrote 90 rows in 14 files"))
        let again = try steward.run(["delta", "INT-20250101", "INT-20250201", "--out", delta.path])
        #expect(again.status != 0)
        #expect(again.stderr.contains("is not empty"))

        let impact = try steward.run(["impact", "--from", "INT-20250101", "--to", "INT-20250201", "--refset", "447562003"])
        #expect(impact.status == 0)
        #expect(
            impact.stdout.contains(
                "9900021000202108 Myocardial infarct: inactivated — Duplicate component → SAME AS association reference set 22298006 Myocardial infarction"))
    }

    @Test func badInputIsAClearError() throws {
        let steward = try Steward()
        defer { steward.remove() }
        #expect(try steward.run(["import", Steward.int1]).status == 0)
        let unknown = try steward.run(["diff", "INT-20250101", "INT-19990101"])
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("unknown release 'INT-19990101'"))
        let csv = try steward.run(["diff", "INT-20250101", "INT-20250101", "--format", "csv"])
        #expect(csv.status != 0)
        #expect(csv.stderr.contains("give --out DIR"))
        let refset = try steward.run(["impact", "--from", "INT-20250101", "--to", "INT-20250101", "--refset", "123"])
        #expect(refset.status != 0)
        #expect(refset.stderr.contains("--refset 123 is not a concept id"))
        let ecl = try steward.run(["impact", "--from", "INT-20250101", "--to", "INT-20250101", "--ecl", "<< 404684003 AND"])
        #expect(ecl.status != 0)
    }
}
