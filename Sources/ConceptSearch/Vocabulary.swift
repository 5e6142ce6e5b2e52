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
    /// Word indexes in the order of the reversed words (the `search_word_reversed` index), for compound tails.
    private let byReversed: [Int32]

    init(_ db: Database) throws {
        var words: [[UInt32]] = []
        var masks: [UInt64] = []
        var rowids: [Int64] = []
        var byFirstLetter: [UInt64: [Int]] = [:]
        let cursor = try Row.fetchCursor(db, sql: "SELECT rowid, word FROM search_word ORDER BY rowid")
        while let row = try cursor.next() {
            let scalars = (row[1] as String).unicodeScalars.map(\.value)
            if let first = scalars.first { byFirstLetter[Self.key(first, scalars.count), default: []].append(words.count) }
            rowids.append(row[0])
            words.append(scalars)
            masks.append(Self.mask(scalars))
        }
        // Read from the index rather than sorted here: 0.5M string comparisons cost more than the index scan.
        var byReversed: [Int32] = []
        byReversed.reserveCapacity(words.count)
        let reversedRowids = try Int64.fetchCursor(db, sql: "SELECT rowid FROM search_word INDEXED BY search_word_reversed ORDER BY reversed")
        while let rowid = try reversedRowids.next() {
            if let index = rowids.indexSorted(of: rowid) { byReversed.append(Int32(index)) }
        }
        self.words = words
        self.masks = masks
        self.byFirstLetter = byFirstLetter
        self.byReversed = byReversed
    }

    /// Words that end with `tail` (4+ letters) without starting with it, most frequent first: the compounds it
    /// completes (`sykdom` → `hjertesykdom`). Looks at the first 500 words ending with `tail` in reversed order,
    /// as the reversed-word index would, and keeps the ``maxAlternatives`` most frequent.
    func compounds(endingWith tail: String) -> [String] {
        let needle = tail.unicodeScalars.map(\.value)
        guard needle.count >= 4 else { return [] }
        let reversedNeedle = Array(needle.reversed())
        // First word whose reversal is above the reversed tail.
        var low = 0, high = byReversed.count
        while low < high {
            let middle = (low + high) / 2
            if words[Int(byReversed[middle])].reversed().lexicographicallyPrecedes(reversedNeedle) { low = middle + 1 } else { high = middle }
        }
        var found: [Int] = []
        var position = low
        while position < byReversed.count, found.count < 500 {
            let index = Int(byReversed[position])
            let word = words[index]
            guard word.count >= needle.count, word.reversed().starts(with: reversedNeedle) else { break }
            if word.count > needle.count { found.append(index) }
            position += 1
        }
        return found.sorted().prefix(Self.maxAlternatives * 2).filter { !words[$0].starts(with: needle) }
            .prefix(Self.maxAlternatives).map { Self.string(words[$0]) }
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
        let pattern = BitPattern(needle)
        var previous = [Int](repeating: 0, count: needle.count + maxDistance + 1)
        var current = previous
        for length in max(1, needle.count - maxDistance)...(needle.count + maxDistance) {
            guard let candidates = byFirstLetter[Self.key(first, length)] else { continue }
            var found = 0
            for index in candidates where (masks[index] ^ needleMask).nonzeroBitCount <= 2 * maxDistance && words[index] != needle {
                let distance = pattern.map { $0.distance(to: words[index], limit: maxDistance) }
                    ?? Self.distance(needle, words[index], limit: maxDistance, &previous, &current)
                if distance <= maxDistance {
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

/// Myers' bit-parallel edit distance (Hyyrö's Levenshtein form) for a query of at most 64 letters: one pass of
/// a dozen word operations per letter of the candidate instead of a row of the DP table.
struct BitPattern {
    private let length: Int
    /// Per ASCII letter, the query positions holding it.
    private var ascii = [UInt64](repeating: 0, count: 128)
    private var other: [(letter: UInt32, positions: UInt64)] = []

    init?(_ query: [UInt32]) {
        guard !query.isEmpty, query.count <= 64 else { return nil }
        length = query.count
        for (position, letter) in query.enumerated() {
            let bit = UInt64(1) << UInt64(position)
            if letter < 128 {
                ascii[Int(letter)] |= bit
            } else if let index = other.firstIndex(where: { $0.letter == letter }) {
                other[index].positions |= bit
            } else {
                other.append((letter, bit))
            }
        }
    }

    @inline(__always) private func positions(_ letter: UInt32) -> UInt64 {
        letter < 128 ? ascii[Int(letter)] : other.first { $0.letter == letter }?.positions ?? 0
    }

    /// The Levenshtein distance from the query to `word`, or any value above `limit` once it cannot come back
    /// within it.
    func distance(to word: [UInt32], limit: Int) -> Int {
        let last = UInt64(1) << UInt64(length - 1)
        var positive = length == 64 ? UInt64.max : (UInt64(1) << UInt64(length)) - 1
        var negative: UInt64 = 0
        var score = length
        for (offset, letter) in word.enumerated() {
            let equal = positions(letter)
            let vertical = equal | negative
            let horizontal = (((equal & positive) &+ positive) ^ positive) | equal
            var plus = negative | ~(horizontal | positive)
            var minus = positive & horizontal
            if plus & last != 0 { score += 1 } else if minus & last != 0 { score -= 1 }
            // The score falls by at most one per remaining letter.
            if score - (word.count - offset - 1) > limit { return limit + 1 }
            plus = (plus << 1) | 1
            minus <<= 1
            positive = minus | ~(vertical | plus)
            negative = plus & vertical
        }
        return score
    }
}

extension Array where Element == Int64 {
    /// Binary search in an ascending array.
    func indexSorted(of value: Int64) -> Int? {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if self[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low < count && self[low] == value ? low : nil
    }
}
