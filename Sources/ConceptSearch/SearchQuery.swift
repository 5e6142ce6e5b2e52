import GRDB
import TerminologyStore

/// The typed text folded in every language family, as words and as FTS5 expressions.
///
/// Each query word has one spelling per folding family (usually one, e.g. `høyt` → `høyt` and `hoyt`);
/// the spellings are OR-ed so the query matches terms whatever their language.
struct SearchQuery: Sendable {
    /// `words[i]` holds the distinct spellings of query word `i`.
    let words: [[String]]
    /// The whole query per family (distinct), for match classification.
    let phrases: [[String]]
    /// ``phrases`` as UTF-8 bytes.
    private let phraseBytes: [[[UInt8]]]

    init(_ text: String) {
        var phrases: [[String]] = []
        for family in TermFolding.Family.allCases {
            let words = TermFolding.words(TermFolding.fold(text, family: family)).map(String.init)
            if !words.isEmpty, !phrases.contains(words) { phrases.append(words) }
        }
        let count = phrases.first?.count ?? 0
        phrases = phrases.filter { $0.count == count }
        self.phrases = phrases
        phraseBytes = phrases.map { $0.map { Array($0.utf8) } }
        words = (0..<count).map { index in
            var spellings: [String] = []
            for phrase in phrases where !spellings.contains(phrase[index]) { spellings.append(phrase[index]) }
            return spellings
        }
    }

    /// `completions[i]`: the words of the release that query word `i` (any spelling) starts, when there are at
    /// most ``maxCompletions``; `nil` when there are more. Exact tokens stream through FTS5 (0.1 ms for
    /// `finding`), while a prefix token makes FTS5 merge every completion's full doclist first (9 ms for
    /// `finding*`), so prefixes are expanded whenever the vocabulary allows.
    private(set) var completions: [[String]?] = []

    static let maxCompletions = 48

    mutating func expand(_ index: SearchIndex) throws {
        completions = try words.map { spellings in
            var all: [String] = []
            for spelling in spellings {
                try index.forEachWord(from: spelling, below: spelling + "\u{10FFFF}", limit: Self.maxCompletions + 1) { all.append($0) }
                if all.count > Self.maxCompletions { return nil }
            }
            return all
        }
    }

    var isEmpty: Bool { words.isEmpty }

    /// The FTS5 alternatives for word `index`: its completions as exact tokens, or prefix tokens.
    func alternatives(_ index: Int) -> [String] {
        if index < completions.count, let exact = completions[index] { return exact.map { "\"\($0)\"" } }
        return words[index].map { "\"\($0)\" *" }
    }

    /// Candidates for "the term starts with the query", against `search_head` (first words): the first query
    /// word's alternatives. Rows are verified with ``classify(_:)``.
    var headExpression: String? {
        guard !words.isEmpty else { return nil }
        let alternatives = words.count == 1 ? alternatives(0) : words[0].map { "\"\($0)\"" }
        return alternatives.isEmpty ? nil : alternatives.joined(separator: " OR ")
    }

    /// Every word starts a word of the term; `extra[i]` adds whole-word alternatives (compounds, typos) for
    /// word `i`. `nil` when some word has no alternative at all (nothing can match).
    func allWordsExpression(extra: [[String]] = []) -> String? {
        var groups: [String] = []
        for index in words.indices {
            let alternatives = self.alternatives(index) + (index < extra.count ? extra[index].map { "\"\($0)\"" } : [])
            if alternatives.isEmpty { return nil }
            groups.append("(" + alternatives.joined(separator: " OR ") + ")")
        }
        return groups.joined(separator: " AND ")
    }

    /// How a folded term (UTF-8 bytes) that contains every query word matched. ASCII terms (almost all of
    /// International) are compared byte by byte without building strings.
    func classify(_ folded: UnsafeBufferPointer<UInt8>) -> MatchKind {
        guard !folded.contains(where: { $0 >= 0x80 }) else { return classify(String(decoding: folded, as: UTF8.self)) }
        var best = MatchKind.allWords
        for phrase in phraseBytes {
            var position = 0
            for index in phrase.indices {
                guard let word = Self.nextWord(folded, &position) else { break }
                let term = UnsafeBufferPointer(rebasing: folded[word])
                if index < phrase.count - 1 {
                    if !term.elementsEqual(phrase[index]) { break }
                } else if term.starts(with: phrase[index]) {
                    if term.count == phrase[index].count, Self.nextWord(folded, &position) == nil { return .exact }
                    best = .prefix
                }
            }
        }
        return best
    }

    /// The next run of ASCII word bytes at or after `position` (as ``TermFolding/words(_:)`` splits ASCII text).
    private static func nextWord(_ text: UnsafeBufferPointer<UInt8>, _ position: inout Int) -> Range<Int>? {
        while position < text.count, !TermFolding.isWordByte(text[position]) { position += 1 }
        guard position < text.count else { return nil }
        let start = position
        while position < text.count, TermFolding.isWordByte(text[position]) { position += 1 }
        return start..<position
    }

    /// How a folded term that contains every query word matched.
    func classify(_ folded: String) -> MatchKind {
        let termWords = TermFolding.words(folded)
        var best = MatchKind.allWords
        for phrase in phrases where termWords.count >= phrase.count {
            var matches = true
            for index in 0..<phrase.count - 1 where termWords[index] != phrase[index] {
                matches = false
                break
            }
            guard matches else { continue }
            let last = phrase.count - 1
            if termWords.count == phrase.count, termWords[last] == phrase[last] { return .exact }
            if termWords[last].hasPrefix(phrase[last]) { best = .prefix }
        }
        return best
    }
}
