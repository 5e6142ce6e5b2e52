import Foundation
import Testing

@Suite(.serialized) struct RefsetCommandTests {
    @Test func lifecycleFromTheCommandLine() throws {
        let steward = try Steward()
        defer { steward.remove() }
        #expect(try steward.run(["import", Steward.int1]).status == 0)
        #expect(try steward.run(["import", Steward.int2]).status == 0)

        let unset = try steward.run(["refset", "create", "Hurtigliste", "--release", "INT-20250101"])
        #expect(unset.status != 0)
        // Both missing parts named at once, so a fresh workspace needs one fix.
        #expect(unset.stderr.contains("a new refset needs a namespace (for its concept id) and a module (for its rows)"))
        #expect(
            try steward.run(["workspace", "config", "--namespace", "1000202", "--country", "NO", "--module", "51000202101", "--language", "nb"]).status == 0)

        let created = try steward.run(["refset", "create", "Hurtigliste", "--release", "INT-20250101", "--description", "Akuttmottakets hurtigliste"])
        #expect(created.status == 0)
        #expect(created.stdout == "11000202100\n")
        // The library's rule, whichever front end: an extensional refset never stores an ECL definition.
        let eclOnExtensional = try steward.run(["refset", "update", "Hurtigliste", "--ecl", "<< 56265001"])
        #expect(eclOnExtensional.status != 0)
        #expect(eclOnExtensional.stderr.contains("refset 11000202100 is extensional: it has a member list, not an ECL definition"))
        let added = try steward.run(["refset", "add", "Hurtigliste", "22298006", "9900021000202108", "9900041000202104", "--reason", "første utkast"])
        #expect(added.status == 0)
        #expect(added.stderr.contains("added 3, unchanged 0"))

        let unknown = try steward.run(["refset", "add", "Hurtigliste", "1234567"])
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("id 1234567 is not a concept in release INT-20250101: nothing was changed"))

        let forbidden = try steward.run(["refset", "publish", "Hurtigliste", "--effective-time", "20250115", "--as", "ada:author"])
        #expect(forbidden.status != 0)
        #expect(forbidden.stderr.contains("ada (author) may not publish refset"))
        #expect(try steward.run(["refset", "publish", "Hurtigliste", "--effective-time", "20250115", "--as", "rita:reviewer"]).stdout == "1\n")

        // Moving to February: the inactivated members get their SAME AS replacement or are removed.
        let plan = try steward.run(["refset", "migrate", "Hurtigliste", "--to", "INT-20250201"])
        #expect(plan.status == 0)
        #expect(
            plan.stdout.contains(
                "9900021000202108 |Myocardial infarct|: inactivated (Duplicate component) — SAME AS association reference set 22298006 |Myocardial infarction| → replace:22298006"
            ))
        #expect(plan.stdout.contains("9900041000202104 |Dropsy|: inactivated (Outdated component) — no replacement → keep"))
        let impact = try steward.run(["impact", "--from", "INT-20250101", "--to", "INT-20250201"])
        #expect(impact.stdout.contains("Hurtigliste"))
        #expect(try steward.run(["refset", "migrate", "Hurtigliste", "--to", "INT-20250201", "--decide", "9900041000202104=remove", "--apply"]).status == 0)
        let csv = try steward.run(["refset", "export", "Hurtigliste", "--format", "csv", "--lang", "en"])
        #expect(csv.stdout == "conceptId,preferredTerm,fullySpecifiedName,active\r\n22298006,Myocardial infarction,Myocardial infarction (disorder),1\r\n")
        #expect(try steward.run(["refset", "publish", "Hurtigliste", "--effective-time", "20250215"]).stdout == "2\n")

        let rf2 = steward.data.appendingPathComponent("rf2")
        #expect(try steward.run(["refset", "export", "Hurtigliste", "--format", "rf2", "--out", rf2.path]).status == 0)
        let delta = try String(contentsOf: rf2.appendingPathComponent("der2_Refset_SimpleDelta_NO1000202_20250215.txt"), encoding: .utf8)
        #expect(
            delta.split(separator: "\r\n").map { $0.split(separator: "\t").dropFirst().joined(separator: " ") } == [
                "effectiveTime active moduleId refsetId referencedComponentId",
                "20250215 0 51000202101 11000202100 9900021000202108", "20250215 0 51000202101 11000202100 9900041000202104",
            ])
        let zip = steward.data.appendingPathComponent("hurtigliste.zip")
        #expect(try steward.run(["refset", "export", "Hurtigliste", "--format", "zip", "--out", zip.path]).status == 0)
        #expect(try steward.run(["import", Steward.int2, zip.path, "--name", "INT-LOCAL"]).status == 0)
        #expect(try steward.run(["ecl", "^ 11000202100", "--release", "INT-LOCAL"]).stdout == "22298006\n")

        let fhir = try steward.run(["refset", "export", "Hurtigliste", "--format", "fhir", "--version", "2"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(fhir.stdout.utf8)) as? [String: Any])
        #expect(object["version"] as? String == "20250215")
        #expect(object["status"] as? String == "active")

        let stale = try steward.run(["refset", "update", "Hurtigliste", "--description", "ny", "--expect-version", "1"])
        #expect(stale.status != 0)
        #expect(stale.stderr.contains("refset 11000202100 was changed by someone else: your edit is based on version 1, the current version is"))
        #expect(try steward.run(["refset", "update", "Hurtigliste", "--name", "Hurtigliste akutt"]).status == 0)
        #expect(try steward.run(["refset", "list", "--format", "json"]).stdout.contains(#""name" : "Hurtigliste akutt""#))

        let containing = try steward.run(["refset", "containing", "22298006", "--release", "INT-20250201", "--format", "json"])
        #expect(containing.stdout.contains(#""refsetId" : "11000202100""#))
        let audit = try steward.run(["audit", "--entity", "refset", "--format", "json"])
        #expect(audit.status == 0)
        #expect(audit.stdout.contains(#""action" : "migrate""#))
    }
}
