import Foundation
import GRDB

/// The distinct folded words of a release, most frequent first, held in memory for typo lookup.
///
/// The lookup scans in frequency order and stops after ``maxAlternatives`` hits, so common words win and
/// the FTS expressions stay short. Typo candidates must keep the first letter: that cuts the scan twenty-fold
/// and matches how people mistype. Letters compare as Unicode scalars, so `hoyt` is one edit from `høyt`.
struct Vocabulary: Sendable {
    static let maxAlternatives = 24

    private let words: [[UInt32]]
    private let byFirstLetter: [UInt32: [Int]]

    init(_ db: Database) throws {
        var words: [[UInt32]] = []
        var byFirstLetter: [UInt32: [Int]] = [:]
        let cursor = try String.fetchCursor(db, sql: "SELECT word FROM search_word ORDER BY rowid")
        while let word = try cursor.next() {
            let bytes = word.unicodeScalars.map(\.value)
            guard let first = bytes.first else { continue }
            byFirstLetter[first, default: []].append(words.count)
            words.append(bytes)
        }
        self.words = words
        self.byFirstLetter = byFirstLetter
    }

    var count: Int { words.count }

    private static func string(_ scalars: [UInt32]) -> String {
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars.compactMap(Unicode.Scalar.init))
        return String(result)
    }

    /// Words within the allowed edit distance of `query` or of a prefix of them (the query may be a prefix
    /// being typed), excluding words that the query already prefix-matches.
    func similar(to query: String) -> [String] {
        let needle = query.unicodeScalars.map(\.value)
        let maxDistance = needle.count >= 8 ? 2 : needle.count >= 4 ? 1 : 0
        guard maxDistance > 0, let first = needle.first, let candidates = byFirstLetter[first] else { return [] }
        var found: [String] = []
        var previous: [Int] = [], current: [Int] = []
        for index in candidates {
            let word = words[index]
            if word.count >= needle.count, word[0..<needle.count].elementsEqual(needle) { continue }
            if Self.prefixDistance(needle, word, limit: maxDistance, &previous, &current) <= maxDistance {
                found.append(Self.string(word))
                if found.count == Self.maxAlternatives { break }
            }
        }
        return found
    }

    /// The smallest Levenshtein distance between `query` and any prefix of `word`, stopping early once every
    /// cell of a row exceeds `limit`. `previous` and `current` are scratch rows reused across calls.
    static func prefixDistance(_ query: [UInt32], _ word: [UInt32], limit: Int, _ previous: inout [Int], _ current: inout [Int]) -> Int {
        let columns = min(word.count, query.count + limit)
        if columns + limit < query.count { return limit + 1 }
        if previous.count <= columns {
            previous = [Int](repeating: 0, count: columns + 1)
            current = previous
        }
        for j in 0...columns { previous[j] = j }
        for i in 1...query.count {
            current[0] = i
            var rowMinimum = i
            var j = 1
            while j <= columns {
                let cost = query[i - 1] == word[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                rowMinimum = min(rowMinimum, current[j])
                j += 1
            }
            if rowMinimum > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return previous[0...columns].min() ?? limit + 1
    }
}
