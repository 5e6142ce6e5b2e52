import TerminologyStore
import Testing
@testable import ECL

/// Dialect aliases: the ECL specification's Appendix C table, and aliases derived from the language of a
/// release's own language refsets (the sample edition has en-US, en-GB, nb and nn refsets; the Norwegian
/// descriptions carry the language code `no`).
@Suite struct DialectAliasTests {
    func ids(_ ecl: String) throws -> [Int64] { try SampleEdition.engine.evaluate(ecl).ids }

    @Test func appendixCAliasesAreKnown() throws {
        #expect(try LanguagePreference(parsing: "sv-SE").refsetIds == [46011000052107])
        #expect(try LanguagePreference(parsing: "da-dk, nl-nl, en-au").refsetIds == [554461000005103, 31000146106, 32570271000036106])
        // A known alias whose refset is not in this release matches nothing, without an error.
        #expect(try ids("<< 56265001 {{ D dialect = sv-se }}") == [])
        #expect(try ids("<< 56265001 {{ D dialect = nb-no }}") == ids("<< 56265001 {{ D dialectId = 61000202103 }}"))
    }

    @Test func aliasesDerivedFromTheReleaseLanguages() throws {
        // `en-zz` is in no table: the release's language refsets with English descriptions stand for it.
        let derived = try ids("<< 56265001 {{ D dialect = en-zz (prefer) }}")
        #expect(derived == EvaluationTests.heartDisease)
        #expect(derived == (try ids("<< 56265001 {{ D dialectId = (900000000000509007 900000000000508004) (prefer) }}")))
        #expect {
            try ids("<< 56265001 {{ D dialect = fi }}")
        } throws: { error in
            (error as? ECLEvaluationError)?.message
                == "unknown dialect alias 'fi': use an alias of the ECL specification (such as en-gb, sv-se, nb-no), the language of one of this release's language refsets (en, no), or dialectId"
        }
    }
}
