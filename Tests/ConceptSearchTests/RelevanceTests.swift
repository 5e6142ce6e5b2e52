import ConceptSearch
import Testing
import TerminologyStore

/// Exact expected top results on the bundled samples (INT 20250201 + NO 20250215; terms in Releases/EXPECTED.md).
@Suite struct RelevanceTests {
    let searcher: ConceptSearcher
    init() throws { searcher = try SampleStores.norway.get() }

    func search(_ text: String, lang: String = "en-GB", limit: Int = 10, configure: (inout SearchRequest) -> Void = { _ in }) throws -> [SearchHit] {
        var request = SearchRequest(text: text, preference: try LanguagePreference(parsing: lang), limit: limit)
        configure(&request)
        return try searcher.search(request).hits
    }

    @Test func englishExactThenPrefixThenWords() throws {
        let hits = try search("myocardial inf")
        #expect(hits.map(\.conceptId) == [22298006, 57054005, 401303003])
        #expect(hits.map(\.match) == [.prefix, .allWords, .allWords])
        #expect(hits[0].term == "Myocardial infarction")
        #expect(hits[0].fullySpecifiedName == "Myocardial infarction (disorder)")
        #expect(hits[0].semanticTag == "disorder")
        let heart = try search("heart", limit: 3)
        #expect(heart.map(\.conceptId) == [80891009, 364075005, 56265001])
        #expect(heart[0].match == .exact)
        #expect(try search("infarction myocardial").first?.conceptId == 22298006)
    }

    @Test func norwegianTerms() throws {
        let hits = try search("hjerteinfarkt", lang: "nb")
        #expect(hits.map(\.conceptId) == [22298006, 57054005])
        #expect(hits[0].match == .exact)
        #expect(hits[0].preferredTerm == "hjerteinfarkt")
        #expect(try search("høyt blodtrykk", lang: "nb").map(\.conceptId) == [38341003])
        #expect(try search("spiserør", lang: "nb").map(\.conceptId) == [32849002, 16761005])
        #expect(try search("hjarteinfarkt", lang: "nn").first?.preferredTerm == "hjarteinfarkt")
    }

    @Test func compoundWordsRankBelowWordStarts() throws {
        let infarkt = try search("infarkt", lang: "nb")
        #expect(infarkt.map(\.conceptId) == [55641003, 22298006, 57054005, 401303003])
        #expect(infarkt.map(\.match) == [.exact, .compound, .compound, .compound])
        let sykdom = try search("sykdom", lang: "nb", limit: 50)
        let heartDisease = try #require(sykdom.firstIndex { $0.conceptId == 56265001 })
        #expect(sykdom[heartDisease].match == .compound)
        #expect(sykdom[heartDisease].term == "hjertesykdom")
        #expect(sykdom.map(\.match) == sykdom.map(\.match).sorted())
        #expect(sykdom[..<heartDisease].contains { $0.match == .prefix })
        #expect(sykdom.first?.conceptId == 64572001)
    }

    @Test func typosRankLast() throws {
        let hits = try search("myocardal")
        #expect(hits.map(\.conceptId) == [22298006, 57054005, 401303003])
        #expect(hits.allSatisfy { $0.match == .fuzzy })
        #expect(try search("hoyt blodtrykk", lang: "nb").map(\.conceptId) == [38341003])
        #expect(try search("pneumonai").first?.conceptId == 233604007)
        #expect(try search("myocardal") { $0.allowTypos = false }.isEmpty)
    }

    @Test func foldingCaseAndDiacritics() throws {
        #expect(try search("dyspne", lang: "nb").first?.conceptId == 267036007)
        #expect(try search("SPISERØRSBETENNELSE", lang: "nb").map(\.conceptId) == [16761005])
        #expect(try search("MYOCARDIAL INFARCTION").first.map { ($0.conceptId, $0.match) } ?? (0, .fuzzy) == (22298006, .exact))
    }

    @Test func dialectPreference() throws {
        let gb = try #require(try search("oesophagitis").first)
        #expect(gb.conceptId == 16761005)
        #expect(gb.term == "Oesophagitis")
        #expect(gb.preferredTerm == "Oesophagitis")
        let us = try #require(try search("esophagitis", lang: "en-US").first)
        #expect(us.term == "Esophagitis")
        #expect(us.preferredTerm == "Esophagitis")
        let paracetamol = try #require(try search("paracetamol", lang: "en-US").first)
        #expect(paracetamol.conceptId == 387517004)
        #expect(paracetamol.preferredTerm == "Acetaminophen")
        // The same words in English and Bokmål: the term of the requested dialect wins.
        let norwegian = try #require(try search("diabetes mellitus", lang: "nb").first)
        let english = try #require(try search("diabetes mellitus", lang: "en-US").first)
        #expect(norwegian.conceptId == 73211009 && english.conceptId == 73211009)
        #expect(norwegian.term == "diabetes mellitus" && english.term == "Diabetes mellitus")
    }

    @Test func filters() throws {
        let cardiology = try search("sykdom", lang: "nb", limit: 50) { $0.refsetIds = [8800041000202105] }
        #expect(cardiology.map(\.conceptId) == [56265001, 414545008])
        #expect(cardiology.map(\.term) == ["hjertesykdom", "iskemisk hjertesykdom"])
        let disorders = try search("heart", limit: 50) { $0.semanticTags = ["disorder"] }
        #expect(!disorders.isEmpty && disorders.allSatisfy { $0.semanticTag == "disorder" })
        let restricted = try search("heart", limit: 50) { $0.conceptIds = [56265001, 84114007] }
        #expect(restricted.map(\.conceptId) == [56265001, 84114007])
        #expect(try search("myocardial infarct").allSatisfy(\.active))
        let withInactive = try search("myocardial infarct") { $0.includeInactiveConcepts = true }
        #expect(withInactive.last.map { ($0.conceptId, $0.active, $0.match) } ?? (0, true, .fuzzy) == (9900021000202108, false, .exact))
        let fsnOnly = try search("heart attack") { $0.descriptionKinds = [.fullySpecifiedName] }
        #expect(fsnOnly.isEmpty)
    }

    @Test func pagingAndTotals() throws {
        let all = try searcher.search(SearchRequest(text: "sykdom", preference: try LanguagePreference(parsing: "nb"), limit: 50))
        let second = try searcher.search(SearchRequest(text: "sykdom", preference: try LanguagePreference(parsing: "nb"), limit: 2, offset: 2))
        #expect(second.hits.map(\.conceptId) == Array(all.hits.dropFirst(2).prefix(2)).map(\.conceptId))
        #expect(all.totalIsExact && all.total == all.hits.count)
        #expect(second.totalIsExact == false)
        #expect(second.total >= 4)
    }
}
