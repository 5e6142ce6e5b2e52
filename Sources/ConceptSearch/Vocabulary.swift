import Foundation
import GRDB

/// The distinct folded words of a release, most frequent first, held in memory for typo lookup.
///
/// The lookup scans in frequency order and stops after ``maxAlternatives`` hits, so common words win and
/// the FTS expressions stay short. Typo candidates must keep the first letter and a length within the
/// distance: that cuts the scan a hundredfold and matches how people mistype. Letters compare as Unicode scalars, so `hoyt` is one edit from `høyt`.
struct Vocabulary: Sendable {
    static let maxAlternatives = 24

    private let words: [[UInt32]]
    /// Per word, one bit per letter present (letter mod 64). An edit changes at most two bits, so a word whose
    /// mask differs from the query's in more than 2·distance bits cannot match: a 1 ns test before the DP.
    private let masks: [UInt64]
    /// Word indexes (frequency order) by first letter and length.
    private let byFirstLetter: [UInt64: [Int]]

    init(_ db: Database) throws {
        var words: [[UInt32]] = []
        var masks: [UInt64] = []
        var byFirstLetter: [UInt64: [Int]] = [:]
        let cursor = try String.fetchCursor(db, sql: "SELECT word FROM search_word ORDER BY rowid")
        while let word = try cursor.next() {
            let bytes = word.unicodeScalars.map(\.value)
            guard let first = bytes.first else { continue }
            byFirstLetter[Self.key(first, bytes.count), default: []].append(words.count)
            words.append(bytes)
            masks.append(Self.mask(bytes))
        }
        self.words = words
        self.masks = masks
        self.byFirstLetter = byFirstLetter
    }

    var count: Int { words.count }

    private static func string(_ scalars: [UInt32]) -> String {
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars.compactMap(Unicode.Scalar.init))
        return String(result)
    }

    /// Words within the allowed edit distance of `query` (1 for 4+ letters, 2 for 8+), same first letter,
    /// most frequent first. Only words of a length within the distance are compared.
    func similar(to query: String) -> [String] {
        let needle = query.unicodeScalars.map(\.value)
        let maxDistance = needle.count >= 8 ? 2 : needle.count >= 4 ? 1 : 0
        guard maxDistance > 0, let first = needle.first else { return [] }
        var matches: [Int] = []
        let needleMask = Self.mask(needle)
        var previous = [Int](repeating: 0, count: needle.count + maxDistance + 1)
        var current = previous
        for length in max(1, needle.count - maxDistance)...(needle.count + maxDistance) {
            guard let candidates = byFirstLetter[Self.key(first, length)] else { continue }
            var found = 0
            for index in candidates where (masks[index] ^ needleMask).nonzeroBitCount <= 2 * maxDistance && words[index] != needle {
                if Self.distance(needle, words[index], limit: maxDistance, &previous, &current) <= maxDistance {
                    matches.append(index)
                    found += 1
                    if found == Self.maxAlternatives { break }
                }
            }
        }
        return matches.sorted().prefix(Self.maxAlternatives).map { Self.string(words[$0]) }
    }

    static func mask(_ letters: [UInt32]) -> UInt64 {
        letters.reduce(0) { $0 | 1 << UInt64($1 % 64) }
    }

    static func key(_ first: UInt32, _ length: Int) -> UInt64 { UInt64(first) << 16 | UInt64(min(length, 0xFFFF)) }

    /// Levenshtein distance, stopping early once every cell of a row exceeds `limit`. `previous` and `current`
    /// are scratch rows reused across calls (at least `word.count + 1` long).
    static func distance(_ query: [UInt32], _ word: [UInt32], limit: Int, _ previous: inout [Int], _ current: inout [Int]) -> Int {
        let columns = word.count
        for j in 0...columns { previous[j] = j }
        for i in 1...query.count {
            current[0] = i
            var rowMinimum = i
            let letter = query[i - 1]
            for j in 1...columns {
                let substitution = previous[j - 1] + (letter == word[j - 1] ? 0 : 1)
                let value = min(substitution, min(previous[j], current[j - 1]) + 1)
                current[j] = value
                if value < rowMinimum { rowMinimum = value }
            }
            if rowMinimum > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return previous[columns]
    }
}
