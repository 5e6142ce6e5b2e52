import Foundation

/// Term matching for `term =` filters and string comparisons.
///
/// `match:` (the default): every whitespace-separated word of the search term must start a word of the
/// description term, in any order, case- and diacritic-insensitive (Snowstorm's behaviour). `wild:`: the
/// whole term against a pattern where `*` matches any run of characters, case-insensitive.
enum TermMatcher {
    static func matches(_ search: SearchTerm, _ term: String) -> Bool {
        switch search.mode {
        case .match:
            let termWords = words(of: term)
            return words(of: search.text).allSatisfy { query in termWords.contains { $0.hasPrefix(query) } }
        case .wild:
            return wildcard(Array(fold(search.text)), Array(fold(term)))
        }
    }

    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    static func words(of text: String) -> [String] {
        fold(text).split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    private static func wildcard(_ pattern: [Character], _ text: [Character]) -> Bool {
        var p = 0
        var t = 0
        var star = -1
        var mark = 0
        while t < text.count {
            if p < pattern.count, pattern[p] != "*", pattern[p] == text[t] {
                p += 1
                t += 1
            } else if p < pattern.count, pattern[p] == "*" {
                star = p
                mark = t
                p += 1
            } else if star >= 0 {
                p = star + 1
                mark += 1
                t = mark
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }
}
