import Foundation
import TerminologyStore

/// The distinct folded words of a release, held in memory for typo lookup.
///
/// Typo candidates must keep the first letter (that matches how people mistype); of the words within the
/// distance, the ``maxAlternatives`` most frequent of each length are kept, then the most frequent of those,
/// so common words win and the FTS expressions stay short. Letters compare as Unicode scalars, so `hoyt` is
/// one edit from `høyt`.
///
/// The typo lookup walks the words in sorted order like a trie: consecutive words share the DP rows of their
/// common prefix, and a prefix whose row already exceeds the distance skips every word that starts with it.
/// On International's 530k words that visits a few thousand prefixes instead of comparing 60k words.
struct Vocabulary: Sendable {
    static let maxAlternatives = 24

    /// The Unicode scalars of every word, concatenated in word (code point) order: the typo walk reads it
    /// front to back, where an array per word cost a cache miss per word.
    private let text: [UInt32]
    /// Where each word (in word order) starts in `text`, plus the end of the last.
    private let starts: [Int32]
    /// Each word's frequency rank (its `search_word` rowid; lower is more frequent), in word order.
    private let ranks: [Int32]
    /// How many leading letters each word shares with the next (at most 255): the typo walk skips the words
    /// under a pruned prefix with a scan of this instead of comparing their letters.
    private let sharedWithNext: [UInt8]

    /// Reads the release's words in word order.
    init(_ index: SearchIndex) throws {
        var text: [UInt32] = [], starts: [Int32] = [0], ranks: [Int32] = []
        try index.forEachWordInOrder { rank, word in
            text.append(contentsOf: word.unicodeScalars.lazy.map(\.value))
            starts.append(Int32(text.count))
            ranks.append(Int32(rank))
        }
        self.text = text
        self.starts = starts
        self.ranks = ranks
        sharedWithNext = Self.sharedPrefixes(text, starts)
    }

    /// A vocabulary of `words`, most frequent first (tests).
    init(words: [String]) {
        let scalars = words.map { $0.unicodeScalars.map(\.value) }
        let order = scalars.indices.sorted { scalars[$0].lexicographicallyPrecedes(scalars[$1]) }
        var text: [UInt32] = [], starts: [Int32] = [0]
        for index in order {
            text += scalars[index]
            starts.append(Int32(text.count))
        }
        self.text = text
        self.starts = starts
        ranks = order.map(Int32.init)
        sharedWithNext = Self.sharedPrefixes(text, starts)
    }

    /// For each word, the letters it shares with the next word (0 for the last).
    private static func sharedPrefixes(_ text: [UInt32], _ starts: [Int32]) -> [UInt8] {
        (0..<starts.count - 1).map { position in
            guard position + 2 < starts.count else { return 0 }
            let word = text[Int(starts[position])..<Int(starts[position + 1])]
            let next = text[Int(starts[position + 1])..<Int(starts[position + 2])]
            return UInt8(min(255, zip(word, next).prefix { $0 == $1 }.count))
        }
    }

    var count: Int { ranks.count }

    /// The scalars of the word at `position` (word order).
    private func word(_ position: Int) -> ArraySlice<UInt32> { text[Int(starts[position])..<Int(starts[position + 1])] }

    private func string(_ position: Int) -> String {
        var result = String.UnicodeScalarView()
        result.append(contentsOf: word(position).compactMap(Unicode.Scalar.init))
        return String(result)
    }

    /// The first position in `low..<high` where `isBefore` turns false (it must hold for a leading run).
    private static func partition(from low: Int, to high: Int, _ isBefore: (Int) -> Bool) -> Int {
        var low = low, high = high
        while low < high {
            let middle = (low + high) / 2
            if isBefore(middle) { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Words other than `query` within edit distance 1 (4+ letters) or 2 (8+ letters) that start with the same
    /// letter: the ``maxAlternatives`` most frequent of each length, then the most frequent of those.
    func similar(to query: String) -> [String] {
        let needle = query.unicodeScalars.map(\.value)
        let maxDistance = needle.count >= 8 ? 2 : needle.count >= 4 ? 1 : 0
        guard maxDistance > 0, let first = needle.first else { return [] }
        let end = Self.partition(from: 0, to: count) { word($0).first ?? 0 <= first }
        let start = Self.partition(from: 0, to: end) { word($0).first ?? 0 < first }
        var matches: [Int: [Int]] = [:]
        // Unsafe buffers: the walk visits a few thousand prefixes, where reference counting on every step would
        // cost more than the DP.
        text.withUnsafeBufferPointer { text in
            starts.withUnsafeBufferPointer { starts in
                sharedWithNext.withUnsafeBufferPointer { shared in
                    needle.withUnsafeBufferPointer { needle in
                        // rows[d * columns + j]: edit distance between the first d letters of the current word and
                        // the first j of the query. Every word is pruned by depth needle.count + maxDistance + 1.
                        let columns = needle.count + 1
                        let rows = UnsafeMutableBufferPointer<Int>.allocate(capacity: (needle.count + maxDistance + 2) * columns)
                        defer { rows.deallocate() }
                        for j in 0..<columns { rows[j] = j }
                        // Rows 0...valid are those of the current word's prefix (shared with the previous word).
                        var valid = 0
                        var position = start
                        while position < end {
                            let word = UnsafeBufferPointer(rebasing: text[Int(starts[position])..<Int(starts[position + 1])])
                            var depth = valid
                            var pruned = false
                            while depth < word.count {
                                let prior = depth * columns, row = prior + columns
                                let letter = word[depth]
                                rows[row] = depth + 1
                                var minimum = depth + 1
                                for j in 1..<columns {
                                    let value = min(rows[prior + j - 1] + (needle[j - 1] == letter ? 0 : 1), min(rows[prior + j], rows[row + j - 1]) + 1)
                                    rows[row + j] = value
                                    if value < minimum { minimum = value }
                                }
                                depth += 1
                                if minimum > maxDistance {
                                    pruned = true
                                    break
                                }
                            }
                            if pruned {
                                // No word starting with this prefix can come within the distance: skip them all.
                                while position + 1 < end, Int(shared[position]) >= depth { position += 1 }
                            } else if rows[depth * columns + needle.count] <= maxDistance, !word.elementsEqual(needle) {
                                matches[word.count, default: []].append(position)
                            }
                            valid = min(depth, Int(shared[position]))
                            position += 1
                        }
                    }
                }
            }
        }
        let kept = matches.values.flatMap { $0.sorted { ranks[$0] < ranks[$1] }.prefix(Self.maxAlternatives) }
        return kept.sorted { ranks[$0] < ranks[$1] }.prefix(Self.maxAlternatives).map(string)
    }
}
