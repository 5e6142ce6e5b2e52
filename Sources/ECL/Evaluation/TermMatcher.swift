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

    /// Case- and diacritic-insensitive folding. ASCII text (nearly every term of the International edition)
    /// is only lower-cased, byte by byte: the same result as Foundation's folding, which costs microseconds
    /// per call and dominated filters over large hierarchies.
    static func fold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: text.utf8.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self)
        }
        return text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    static func words(of text: String) -> [String] {
        let folded = fold(text)
        if folded.utf8.allSatisfy({ $0 < 0x80 }) {
            return folded.utf8.split { !(($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57)) }.map { String(decoding: $0, as: UTF8.self) }
        }
        return folded.split { !($0.isLetter || $0.isNumber) }.map(String.init)
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
