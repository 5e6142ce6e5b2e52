import Foundation
import GRDB
import Testing
@testable import ConceptSearch
import TerminologyStore

/// The search index's reader: rank order, early stop, word ranges, and one error type.
@Suite struct SearchIndexTests {
    @Test func termsComeInRankOrderAndStopWhenAsked() throws {
        let store = try SampleStores.norway.get().store
        let (rowids, concepts) = try store.read { db in
            let index = SearchIndex(db, release: store.info.name)
            var rowids: [Int64] = [], concepts = Set<Int64>()
            try index.forEachTerm(matching: "\"hjerteinfarkt\"", in: .all) { term in
                rowids.append(term.rowid)
                concepts.insert(term.conceptId)
                return true
            }
            return (rowids, concepts)
        }
        #expect(rowids == rowids.sorted())
        #expect(concepts.contains(22_298_006))
        let firstOnly = try store.read { db in
            var seen = 0
            try SearchIndex(db, release: store.info.name).forEachTerm(matching: "\"hjerteinfarkt\"", in: .all) { _ in
                seen += 1
                return false
            }
            return seen
        }
        #expect(firstOnly == 1)
    }

    @Test func wordRangesReadTheVocabulary() throws {
        let store = try SampleStores.norway.get().store
        let words = try store.read { db in
            var words: [String] = []
            try SearchIndex(db, release: store.info.name).forEachWord(from: "hjerte", below: "hjerte\u{10FFFF}") { words.append($0) }
            return words
        }
        #expect(words.contains("hjerteinfarkt"))
        #expect(words.allSatisfy { $0.hasPrefix("hjerte") })
        #expect(words == words.sorted())
    }

    @Test func sqliteErrorsBecomeStoreErrorsNamingTheRelease() throws {
        let store = try SampleStores.norway.get().store
        #expect {
            try store.read { db in
                try SearchIndex(db, release: store.info.name).forEachTerm(matching: "\"unclosed", in: .all) { _ in true }
            }
        } throws: { error in
            guard let error = error as? StoreError else { return false }
            return error.code == .database && error.message == "search index of NO-20250215: unterminated string"
        }
    }
}
