import TerminologyStore

/// The typed text folded in every language family, as words and as FTS5 expressions.
///
/// Each query word has one spelling per folding family (usually one, e.g. `høyt` → `høyt` and `hoyt`);
/// the spellings are OR-ed so the query matches terms whatever their language.
struct SearchQuery: Sendable {
    /// `words[i]` holds the distinct spellings of query word `i`.
    let words: [[String]]
    /// The whole query per family (distinct), for the exact-term index and match classification.
    let phrases: [[String]]

    init(_ text: String) {
        var phrases: [[String]] = []
        for family in TermFolding.Family.allCases {
            let words = TermFolding.words(TermFolding.fold(text, family: family)).map(String.init)
            if !words.isEmpty, !phrases.contains(words) { phrases.append(words) }
        }
        let count = phrases.first?.count ?? 0
        phrases = phrases.filter { $0.count == count }
        self.phrases = phrases
        words = (0..<count).map { index in
            var spellings: [String] = []
            for phrase in phrases where !spellings.contains(phrase[index]) { spellings.append(phrase[index]) }
            return spellings
        }
    }

    var isEmpty: Bool { words.isEmpty }

    var exactKeys: [Int64] { phrases.map { TermFolding.exactKey($0) } }

    /// Terms starting with the query: the phrase anchored at the first token, its last word a prefix.
    var prefixExpression: String {
        phrases.map { "^\"\($0.joined(separator: " "))\" *" }.joined(separator: " OR ")
    }

    /// Every word starts a word of the term; `extra[i]` adds whole-word alternatives (compounds, typos) for word `i`.
    func allWordsExpression(extra: [[String]] = []) -> String {
        words.enumerated().map { index, spellings in
            let alternatives = spellings.map { "\"\($0)\" *" } + (index < extra.count ? extra[index].map { "\"\($0)\"" } : [])
            return "(" + alternatives.joined(separator: " OR ") + ")"
        }.joined(separator: " AND ")
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
