import Testing
import TerminologyStore
@testable import ECL

/// The evaluator reaches rows in different ways depending on how many ids it holds (index passes vs
/// lookups) and answers `term` filters from the search index. These cases force each strategy on the sample
/// edition, where the standard tuning would only ever take the lookup paths, and expect identical ids.
@Suite struct AccessStrategyTests {
    static let alwaysScan = ECLEngine(store: SampleEdition.engine.store, tuning: .alwaysScan)
    static let neverScan = ECLEngine(store: SampleEdition.engine.store, tuning: .neverScan)

    @Test(arguments: [
        "< 404684003 : 116676008 = 55641003",
        "< 404684003 : { 363698007 = 80891009, 116676008 = 55641003 }",
        "< 404684003 : 363698007 = 80891009, 263502005 = 424124008",
        "< 404684003 : { 363698007 = 80891009, 263502005 = 424124008 }",
        "< 404684003 : 363698007 = 80891009 OR 116676008 = 23583003",
        "<< 56265001 : [0..0] 116676008 = *",
        "<< 56265001 : [1..1] { 116676008 = * }",
        "* : [0..0] { 363698007 = *, 116676008 = * }",
        "* : [2..*] { * = * }",
        "* : * != 80891009",
        "< 404684003 : 116676008 != 55641003",
        "< 404684003 : << 116676008 = << 55641003",
        "* : R 363698007 = << 56265001",
        "* : R * = *",
        "* : [0..0] R 116676008 = *",
        "<< 56265001 . 363698007",
        "* . *",
        "* : 1142135004 >= #100",
        "* : { 1142135004 = #500, 1142136003 = #1 }",
        "* : { 1142139005 = #1, 1142135004 = #500 }",
        "* : [0..1] { 1142135004 = #500, 363698007 = * }",
        "<< 56265001 {{ C definitionStatus = defined }}",
        "* {{ C definitionStatus = primitive, active = 1 }}",
        "* {{ C effectiveTime >= \"20250201\" }}",
        "(9900011000202100 OR 195967001) {{ C active = 0 }}",
        "^ 447562003 {{ M mapTarget = \"I21.9\" }}",
        "^ 447562003 {{ M mapTarget = wild:\"I21*\" }}",
        "^ 447562003 {{ M mapTarget != \"I21.9\" }}",
        "^ 447562003 {{ M mapTarget = (\"I21\" \"I25.1\"), active = 1 }}",
    ])
    func strategiesAgree(_ ecl: String) throws {
        let standard = try SampleEdition.engine.conceptIds(ecl)
        #expect(try Self.alwaysScan.conceptIds(ecl) == standard)
        #expect(try Self.neverScan.conceptIds(ecl) == standard)
    }

    /// Term filters answered from the search index against a read of every description (`neverScan`
    /// never uses the index), over English and Norwegian terms: `ø` and `å` are kept by the Norwegian
    /// index folding, and `å` (not `ø`) is folded to `a` by the matcher.
    @Test(arguments: [
        "* {{ D term = \"heart\" }}",
        "* {{ D term = \"HEART dis\" }}",
        "* {{ D term = (\"infarct\" \"lung\") }}",
        "* {{ D term = \"sprak\" }}",
        "* {{ D term = \"språkreferansesett\" }}",
        "* {{ D term = \"spr\" }}",
        "* {{ D term = \"blodprove\" }}",
        "* {{ D term = \"blodprøve\" }}",
        "* {{ D term = \"blodpr\" }}",
        "* {{ D term = \"osofagitt\" }}",
        "* {{ D term = \"dyspné\" }}",
        "* {{ D term = \"undersøk\" }}",
        "* {{ D term = \"h\" }}",
        "* {{ D term = \"heart\", type = fsn }}",
        "* {{ D term = \"heart\", type = syn }}",
        "* {{ D term = \"heart\", active = 0 }}",
        "* {{ D term = \"hjerte\", language = no }}",
        "* {{ D term = \"ischaemic\", dialect = en-gb }}",
        "* {{ D term != \"heart\" }}",
        "* {{ D term = wild:\"*infarct*\" }}",
    ])
    func termIndexAgreesWithScan(_ ecl: String) throws {
        #expect(try SampleEdition.engine.conceptIds(ecl) == Self.neverScan.conceptIds(ecl))
        #expect(try Self.alwaysScan.conceptIds(ecl) == Self.neverScan.conceptIds(ecl))
    }

    /// A query word reaching a Norwegian index token only through the vocabulary (`språk…` is indexed with
    /// its `å`; the matcher folds it to `sprak…`).
    @Test func asciiQueryFindsTokenKeptByNorwegianFolding() throws {
        #expect(try SampleEdition.engine.conceptIds("* {{ D term = \"sprakreferansesett\" }}") == [61000202103, 91000202106])
    }

    /// Text definitions are outside the search index and still count.
    @Test func textDefinitionsAreSearched() throws {
        #expect(try SampleEdition.engine.conceptIds("* {{ D term = \"interruption blood\" }}") == [22298006])
        #expect(try SampleEdition.engine.conceptIds("* {{ D term = \"puster kald\" }}") == [8800031000202104])
        #expect(try SampleEdition.engine.conceptIds("* {{ D term = \"interruption\", type = syn }}") == [])
    }

    /// The byte prefilter may only reject values the matcher rejects.
    @Test(arguments: [
        ("I21.9", "I21.9"), ("I21.9", "i21.90"), ("I21.9", "I21.19"), ("I21.9", "X"), ("I21.9", ""), ("heart dis", "Disease of HEART"),
        ("heart", "Herz"), ("språk", "Språk"), ("sprak", "språk"), ("sprak", "Sprakx"), ("dyspné", "Dyspne"), ("b", "a b"),
    ])
    func termPrefilterNeverRejectsAMatch(_ query: String, _ value: String) {
        for term in [SearchTerm(query), SearchTerm(query + "*", mode: .wild), SearchTerm("*" + query, mode: .wild)] {
            let prefilter = TermPrefilter([term])!
            let accepted = Array(value.utf8).withUnsafeBufferPointer { prefilter.mayMatch($0) }
            if TermMatcher.matches(term, value) { #expect(accepted, "\(term) on \(value)") }
        }
    }

    @Test func termPrefilterRejectsOnBytes() {
        func accepts(_ terms: [SearchTerm], _ value: String) -> Bool {
            Array(value.utf8).withUnsafeBufferPointer { TermPrefilter(terms)!.mayMatch($0) }
        }
        #expect(!accepts([SearchTerm("I21.9")], "J45.0"))
        #expect(accepts([SearchTerm("I21.9")], "J45.9 I21"))
        #expect(!accepts([SearchTerm("I21*", mode: .wild)], "XI21"))
        #expect(accepts([SearchTerm("J45"), SearchTerm("I21*", mode: .wild)], "i21.9"))
        #expect(accepts([SearchTerm("zzz")], "blodprøve"))
        #expect(TermPrefilter([SearchTerm(" ")]) == nil)
    }

    @Test func idPositions() {
        let ids: [Int64] = [5, 9, 900000000000003001, 22298006, 1 << 40].sorted()
        let positions = IDPositions(ids)
        for (position, id) in ids.enumerated() { #expect(positions.position(of: id) == position) }
        #expect(positions.position(of: 6) == nil)
        #expect(!IDPositions([]).contains(1))
    }
}
