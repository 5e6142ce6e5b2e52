@testable import ConceptSearch
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

    @Test func bitParallelDistanceMatchesTheDP() throws {
        let pairs = [
            ("myocardal", "myocardial", 1), ("pneumonai", "pneumonia", 2), ("hoyt", "høyt", 1), ("atrphy", "atrophy", 1),
            ("bilnteral", "bilateral", 1), ("abc", "abc", 0), ("kitten", "sitting", 3), ("ab", "ba", 2),
        ]
        for (query, word, expected) in pairs {
            let pattern = try #require(BitPattern(scalars(query)))
            #expect(pattern.distance(to: scalars(word), limit: 10) == expected)
            #expect(levenshtein(scalars(query), scalars(word)) == expected)
        }
        // Random words over a small alphabet (with ø), both exact below the limit and above it when beyond.
        var generator = SystemRandomNumberGenerator()
        let alphabet = scalars("abcdeø")
        for _ in 0..<2000 {
            let query = (0..<Int.random(in: 1...12, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            let word = (0..<Int.random(in: 1...14, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            let expected = levenshtein(query, word)
            let pattern = try #require(BitPattern(query))
            #expect(pattern.distance(to: word, limit: 20) == expected)
            let limited = pattern.distance(to: word, limit: 2)
            #expect(expected <= 2 ? limited == expected : limited > 2)
        }
        let long = [UInt32](repeating: 97, count: 64)
        #expect(try #require(BitPattern(long)).distance(to: long + [98], limit: 3) == 1)
        #expect(BitPattern(long + [97]) == nil)
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
