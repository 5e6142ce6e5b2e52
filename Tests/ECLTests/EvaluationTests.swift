import Foundation
import Testing
import TerminologyStore
@testable import ECL

/// The NO edition (INT 20250201 + NO 20250215) imported once into a temporary data directory.
enum SampleEdition {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let engine: ECLEngine = {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ecl-tests-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let catalog = ReleaseCatalog(dataDirectory: directory)
        let packages = [
            "SnomedCT_InternationalRF2_PRODUCTION_20250201T120000Z", "SnomedCT_ManagedServiceNO_PRODUCTION_NO1000202_20250215T120000Z",
        ].map { root.appendingPathComponent("Releases/\($0)") }
        let summary = try! ReleaseImporter(catalog: catalog).importRelease(from: packages)
        return ECLEngine(store: try! catalog.open(summary.name))
    }()
}

/// Conformance cases with exact id sets, hand-checked against Releases/EXPECTED.md and the sample RF2 files.
@Suite struct EvaluationTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var ecl: String
        var ids: [Int64]
        var testDescription: String { ecl }
        init(_ ecl: String, _ ids: [Int64]) {
            self.ecl = ecl
            self.ids = ids
        }
    }

    static let heartDisease: [Int64] = [22298006, 49436004, 56265001, 57054005, 84114007, 401303003, 414545008, 698247007]

    @Test(arguments: [
        Case("56265001 |Heart disease|", [56265001]),
        Case("<< 56265001", heartDisease),
        Case("< 56265001", heartDisease.filter { $0 != 56265001 }),
        Case("<! 56265001", [84114007, 414545008, 698247007]),
        Case("<<! 56265001", [56265001, 84114007, 414545008, 698247007]),
        Case("> 22298006", [49601007, 56265001, 64572001, 138875005, 404684003, 414545008]),
        Case(">> 22298006", [22298006, 49601007, 56265001, 64572001, 138875005, 404684003, 414545008]),
        Case(">! 233604007", [19829001, 128139000]),
        Case(">>! 233604007", [19829001, 128139000, 233604007]),
        Case("!!> (<< 56265001)", [56265001]),
        Case("!!< (>> 22298006)", [22298006]),
        Case("> 138875005", []),
        Case("<< 239873007", [239873007, 8800021000202101]),
        Case("1234567", []),
    ])
    func hierarchy(_ testCase: Case) throws {
        #expect(try SampleEdition.engine.conceptIds(testCase.ecl) == testCase.ids)
    }

    @Test func wildcard() throws {
        #expect(try SampleEdition.engine.evaluate("*").total == 254)
        #expect(try SampleEdition.engine.evaluate("<< *").total == 254)
        #expect(try SampleEdition.engine.evaluate("< *").total == 253)
        #expect(try SampleEdition.engine.conceptIds("!!> *") == [138875005])
    }

    @Test(arguments: [
        Case("^ 8800041000202105", [22298006, 38341003, 49436004, 56265001, 57054005, 59621000, 84114007, 401303003, 414545008, 698247007]),
        Case("^ 723264001", [955009, 39607008, 64033007, 72696002, 76752008]),
        Case("^ 8800041000202105 MINUS << 56265001", [38341003, 59621000]),
        Case("< 56265001 AND ^ 8800041000202105", heartDisease.filter { $0 != 56265001 }),
        Case("<< 56265001, ^ 8800041000202105, < 404684003", heartDisease),
        Case("(<< 22298006) OR (<! 56265001)", [22298006, 57054005, 84114007, 401303003, 414545008, 698247007]),
        Case("(<< 56265001 MINUS << 414545008) AND ^ 8800041000202105", [49436004, 56265001, 84114007, 698247007]),
        Case("^ 447562003 {{ M mapTarget = \"I21.9\" }}", [22298006, 57054005]),
        Case("^ 447562003 {{ M mapTarget = wild:\"I21*\" }}", [22298006, 57054005, 401303003]),
        Case("^ 447562003 {{ M mapTarget = \"I21.9\", active = 0 }}", [9900021000202108]),
        Case("^ 447562003 {{ M mapTarget = \"I21.9\" }} {{ M referencedComponentId = << 57054005 }}", [57054005]),
    ])
    func memberOfAndBooleanOperators(_ testCase: Case) throws {
        #expect(try SampleEdition.engine.conceptIds(testCase.ecl) == testCase.ids)
    }

    @Test func memberFieldSelection() throws {
        let result = try SampleEdition.engine.evaluate("^ [referencedComponentId, mapTarget] 447562003 {{ M mapTarget = wild:\"I21*\" }}")
        #expect(result.fields == ["referencedComponentId", "mapTarget"])
        #expect(result.rows == [["22298006", "I21.9"], ["57054005", "I21.9"], ["401303003", "I21.3"]])
        #expect(result.total == 3)
    }

    @Test(arguments: [
        Case("< 404684003 : 116676008 |Associated morphology| = 55641003 |Infarct|", [22298006, 57054005, 401303003]),
        Case("< 404684003 : { 363698007 = 80891009, 116676008 = 55641003 }", [22298006, 57054005, 401303003]),
        Case("< 404684003 : 363698007 = 80891009, 263502005 = 424124008", [57054005, 401303003]),
        Case("< 404684003 : { 363698007 = 80891009, 263502005 = 424124008 }", []),
        Case(
            "< 404684003 : 363698007 = 80891009 OR 116676008 = 23583003",
            [16761005, 22298006, 49436004, 56265001, 57054005, 84114007, 233604007, 401303003, 414545008, 698247007]),
        Case("<< 56265001 : [0..0] 116676008 = *", [49436004, 56265001, 84114007, 414545008, 698247007]),
        Case("<< 56265001 : [1..1] 363698007 = *", heartDisease),
        Case("<< 56265001 : [2..*] 363698007 = *", []),
        Case("<< 56265001 : [1..1] { 116676008 = * }", [22298006, 57054005, 401303003]),
        Case("<< 56265001 : 363698007 != 80891009", []),
        Case("< 404684003 : 116676008 != 55641003", [16761005, 128139000, 233604007]),
        Case("< 404684003 : << 116676008 = << 55641003", [22298006, 57054005, 401303003]),
        Case("* : R 363698007 = << 56265001", [80891009]),
        Case("<< 56265001 . 363698007", [80891009]),
        Case("< 404684003 . 116676008", [23583003, 55641003, 409774005]),
        // An active = 0 filter makes inactive concepts the substrate of `*`; hierarchy operators never reach them.
        Case("* {{ C active = 0 }}", [9900011000202100, 9900021000202108, 9900031000202105, 9900041000202104]),
        Case("(<< 56265001) {{ C active = 0 }}", []),
        Case("* : 1142135004 >= #100", [322236009]),
        Case("* : 1142135004 = #500.0", [322236009]),
        Case("* : 1142135004 < #100", []),
        Case("* : { 1142135004 = #500, 1142136003 = #1 }", [322236009]),
        Case("* : { 1142139005 = #1, 1142135004 = #500 }", []),
    ])
    func refinements(_ testCase: Case) throws {
        #expect(try SampleEdition.engine.conceptIds(testCase.ecl) == testCase.ids)
    }

    @Test(arguments: [
        Case("<< 56265001 {{ C definitionStatus = defined }}", [22298006, 56265001, 57054005]),
        Case("<< 56265001 {{ c definitionStatus = primitive }}", [49436004, 84114007, 401303003, 414545008, 698247007]),
        Case("<< 56265001 {{ C effectiveTime >= \"20250201\" }}", [56265001, 401303003]),
        Case(
            "^ 8800051000202108 {{ C moduleId = 900000000000207008 }}",
            [6142004, 13645005, 38341003, 44054006, 82272006, 195967001, 233604007, 239873007, 840539006]),
        Case("(9900011000202100 OR 195967001) {{ C active = 0 }}", [9900011000202100]),
        Case("< 64572001 {{ term = \"heart\" }}", [22298006, 56265001, 84114007, 414545008, 698247007]),
        Case("< 64572001 {{ D term = wild:\"*infarct*\" }}", [22298006, 57054005, 401303003]),
        Case("< 64572001 {{ D term = (\"heart fail\" \"ami\") }}", [57054005, 84114007]),
        Case("< 64572001 {{ D term = \"hjerte\", language = no }}", [22298006, 49601007, 56265001, 57054005, 84114007, 414545008, 698247007]),
        Case("< 64572001 {{ D type = fsn, term = \"heart\" }}", [56265001, 84114007, 414545008]),
        Case("< 64572001 {{ D term = \"ischaemic\", dialect = en-gb }}", [414545008]),
        Case("< 64572001 {{ D term = \"Chronic obstructive lung disease\", type = syn, dialect = en-us (prefer) }}", []),
        Case("< 64572001 {{ D term = \"Chronic obstructive lung disease\", type = syn, dialect = en-gb (prefer) }}", [13645005]),
        Case("< 64572001 {{ D term = \"Chronic obstructive lung disease\", dialectId = 900000000000509007 (accept) }}", [13645005]),
        Case("< 64572001 {{ D term = \"heart\" }} {{ C definitionStatus = defined }}", [22298006, 56265001]),
    ])
    func filters(_ testCase: Case) throws {
        #expect(try SampleEdition.engine.conceptIds(testCase.ecl) == testCase.ids)
    }

    @Test(arguments: [
        Case("22298006 {{ +HISTORY-MIN }}", [22298006, 9900021000202108]),
        Case("82272006 {{ +HISTORY-MIN }}", [82272006]),
        Case("82272006 {{ +HISTORY-MOD }}", [82272006]),
        Case("82272006 {{ +HISTORY-MAX }}", [82272006, 9900031000202105]),
        Case("82272006 {{ +HISTORY }}", [82272006, 9900031000202105]),
        Case("82272006 {{ +HISTORY (900000000000523009 |POSSIBLY EQUIVALENT TO|) }}", [82272006, 9900031000202105]),
        Case("(195967001 OR 22298006) {{ +HISTORY-MIN }}", [22298006, 195967001, 9900011000202100, 9900021000202108]),
        Case("LOINC#8867-4", []),
    ])
    func historyAndAlternateIdentifiers(_ testCase: Case) throws {
        #expect(try SampleEdition.engine.conceptIds(testCase.ecl) == testCase.ids)
    }

    @Test func paging() throws {
        let page = try SampleEdition.engine.evaluate("<< 56265001", limit: 3, offset: 2)
        #expect(page.total == 8)
        #expect(page.ids == [56265001, 57054005, 84114007])
        #expect(try SampleEdition.engine.evaluate("<< 56265001", limit: 3, offset: 7).ids == [698247007])
    }

    @Test func unknownDialectIsAnError() {
        #expect(throws: ECLEvaluationError.self) { try SampleEdition.engine.conceptIds("< 64572001 {{ D dialect = xx-yy }}") }
    }
}
