import Foundation
import Testing

/// `steward ecl` end to end: the built binary against the samples imported by `steward import`.
@Suite(.serialized) struct ECLCommandTests {
    @Test
    func idsCountTableJsonAndErrors() throws {
        let steward = try Steward()
        defer { steward.remove() }
        let release = Steward.int2
        #expect(try steward.run(["import", release]).status == 0)

        let ids = try steward.run(["ecl", "<! 56265001 |Heart disease|"])
        #expect(ids.status == 0)
        #expect(ids.stdout == "84114007\n414545008\n698247007\n")
        #expect(try steward.run(["ecl", "<< 56265001", "--count"]).stdout == "8\n")
        #expect(try steward.run(["ecl", "<< 56265001", "--limit", "2"]).stdout == "22298006\n49436004\n")
        let table = try steward.run(["ecl", "<! 56265001", "--format", "table"])
        #expect(table.stdout.contains("414545008  Ischemic heart disease"))
        let json = try steward.run(["ecl", "<! 56265001", "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["ids"] as? [String] == ["84114007", "414545008", "698247007"])
        #expect(object?["total"] as? Int == 3)
        let fields = try steward.run(["ecl", "^ [referencedComponentId, mapTarget] 447562003 {{ M mapTarget = wild:\"I21*\" }}"])
        #expect(fields.stdout == "22298006\tI21.9\n57054005\tI21.9\n401303003\tI21.3\n")

        let error = try steward.run(["ecl", "< 19829001 AND < 301867009 OR < 404684003"])
        #expect(error.status != 0)
        #expect(error.stderr.contains("1:28"))
        #expect(error.stderr.contains("use brackets to combine AND with OR"))
        #expect(error.stderr.split(separator: "\n").count == 1)

        // Hostile input: deep nesting is a one-line error, and raw control characters never reach the terminal.
        let deep = String(repeating: "(", count: 10_000) + "<< 56265001" + String(repeating: ")", count: 10_000)
        let tooDeep = try steward.run(["ecl", deep])
        #expect(tooDeep.status == 1)
        #expect(tooDeep.stderr.contains("expression nested too deeply: at most 100 levels"))
        let escape = try steward.run(["ecl", "<< 56265001 \u{1B}[2J"])
        #expect(escape.status != 0)
        #expect(escape.stderr.contains("(found '\\u{1B}')"))
        #expect(!escape.stderr.contains("\u{1B}"))
    }
}
