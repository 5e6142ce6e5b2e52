import Testing
import TerminologyStore

@Suite struct TermFoldingTests {
    @Test func foldsCaseAndDiacriticsOutsideNordicLetters() {
        #expect(TermFolding.fold("Déjà vu", family: .general) == "deja vu")
        #expect(TermFolding.fold("Høyt Blodtrykk", family: .norwegianDanish) == "høyt blodtrykk")
        #expect(TermFolding.fold("Høyt Blodtrykk", family: .general) == "hoyt blodtrykk")
        #expect(TermFolding.fold("Ærlig Ål", family: .norwegianDanish) == "ærlig ål")
        #expect(TermFolding.fold("Mägen Öl Åre é", family: .swedish) == "mägen öl åre e")
        #expect(TermFolding.fold("Straße", family: .general) == "strasse")
        #expect(TermFolding.Family(languageCode: "no") == .norwegianDanish)
        #expect(TermFolding.Family(languageCode: "sv") == .swedish)
        #expect(TermFolding.Family(languageCode: "en") == .general)
    }

    @Test func splitsWordsLikeUnicode61() {
        #expect(TermFolding.words("cold-induced asthma (disorder)") == ["cold", "induced", "asthma", "disorder"])
        #expect(TermFolding.words("høyt blodtrykk") == ["høyt", "blodtrykk"])
        #expect(TermFolding.semanticTag(ofFSN: "Heart disease (disorder)") == "disorder")
    }
}
