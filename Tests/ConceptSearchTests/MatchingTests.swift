@testable import ConceptSearch
import TerminologyStore
import SyntheticRelease
import Testing

/// The byte-level shortcuts of the search hot path agree with the plain implementations they replace.
@Suite struct MatchingTests {
    /// The plain Levenshtein DP (the oracle for the bit-parallel distance); `a` and `b` not empty.
    func levenshtein(_ a: [UInt32], _ b: [UInt32]) -> Int {
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + [Int](repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1), previous[j] + 1, current[j - 1] + 1)
            }
            previous = current
        }
        return previous[b.count]
    }

    func scalars(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }

    /// The typo rule spelled out: same first letter, within the distance, not the query itself; the 24 most
    /// frequent of each length, then the 24 most frequent of those.
    func similarByScan(_ query: String, _ words: [String]) -> [String] {
        let needle = scalars(query)
        let limit = needle.count >= 8 ? 2 : needle.count >= 4 ? 1 : 0
        guard limit > 0 else { return [] }
        var byLength: [Int: [Int]] = [:]
        for (index, word) in words.enumerated() {
            let letters = scalars(word)
            guard letters.first == needle.first, letters != needle, levenshtein(needle, letters) <= limit else { continue }
            byLength[letters.count, default: []].append(index)
        }
        return byLength.values.flatMap { $0.prefix(Vocabulary.maxAlternatives) }.sorted().prefix(Vocabulary.maxAlternatives).map { words[$0] }
    }

    /// Random words from a few syllables, so that many share prefixes and tails (like the synthetic releases).
    func syllableWords(_ count: Int, _ generator: inout some RandomNumberGenerator) -> [String] {
        let syllables = ["ba", "da", "ne", "li", "ro", "mø", "ka", "tu", "r", "s"]
        var words: [String] = []
        var seen = Set<String>()
        while words.count < count {
            let word = (0..<Int.random(in: 1...6, using: &generator)).map { _ in syllables.randomElement(using: &generator)! }.joined()
            if seen.insert(word).inserted { words.append(word) }
        }
        return words
    }

    @Test func typoWalkFindsWhatAScanFinds() {
        var generator = SplitMix64(seed: 17)
        let words = syllableWords(1000, &generator)
        let vocabulary = Vocabulary(words: words)
        var queries = (0..<80).map { _ in words.randomElement(using: &generator)! }
        queries += queries.map { String($0.dropLast()) + "x" } + queries.map { "x" + $0 } + ["bada", "badaneli", "møkatu", "rosbadaneli"]
        for query in queries {
            #expect(vocabulary.similar(to: query) == similarByScan(query, words), "\(query)")
        }
        let fixed = Vocabulary(words: ["myocardial", "myocardium", "myocardit", "pneumonia", "høyt", "hoyt", "hovt"])
        #expect(fixed.similar(to: "myocardal") == ["myocardial", "myocardit"])
        #expect(fixed.similar(to: "hoyt") == ["høyt", "hovt"])
        #expect(fixed.similar(to: "pneumonai") == ["pneumonia"])
        #expect(fixed.similar(to: "hoy").isEmpty)
    }

    /// Most frequent first; 3-letter tails find nothing.
    @Test func compoundTailsFromTheReversedWordIndex() throws {
        let store = try SampleStores.norway.get().store
        let compounds = try store.read { db in
            let index = SearchIndex(db, release: store.info.name)
            return (
                try ConceptSearcher.compounds(endingWith: "sykdom", index), try ConceptSearcher.compounds(endingWith: "infarkt", index),
                try ConceptSearcher.compounds(endingWith: "dom", index)
            )
        }
        #expect(compounds.0 == ["hjertesykdom", "lungesykdom", "nyresykdom", "betennelsessykdom", "infeksjonssykdom", "karsykdom", "leversykdom"])
        #expect(compounds.1 == ["hjarteinfarkt", "hjerteinfarkt", "elevasjonsinfarkt", "myokardinfarkt"])
        #expect(compounds.2.isEmpty)
    }

    @Test func byteClassificationMatchesStrings() {
        let query = SearchQuery("myocardial inf")
        let terms = [
            "myocardial infarction", "myocardial inf", "old myocardial infarction", "myocardial", "myocardial, infarct-like",
            "infarction myocardial", "myocardial  inf", "myocardial infarction (disorder)",
        ]
        let expected: [MatchKind] = [.prefix, .exact, .allWords, .allWords, .prefix, .allWords, .exact, .prefix]
        for (term, kind) in zip(terms, expected) {
            let byBytes = Array(term.utf8).withUnsafeBufferPointer { query.classify($0) }
            #expect(byBytes == kind, "\(term)")
            #expect(query.classify(term) == kind, "\(term)")
        }
        let norwegian = SearchQuery("høyt blodtrykk")
        for term in ["høyt blodtrykk", "hoyt blodtrykk", "høyt blodtrykk i svangerskap"] {
            #expect(Array(term.utf8).withUnsafeBufferPointer { norwegian.classify($0) } == norwegian.classify(term), "\(term)")
        }
    }
}
