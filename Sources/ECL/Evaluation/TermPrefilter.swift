/// A quick test on the raw bytes of a value that rejects values ``TermMatcher`` cannot accept for any of
/// the terms, so that member filters skip most rows before decoding them. Accepting is not matching: the
/// filter still checks every accepted value.
///
/// For ASCII text the matcher's folding is lower-casing, so a `match:` term needs each of its words as a
/// substring of the lower-cased value, and a `wild:` term is a glob (`*` only) on it; a term with non-ASCII
/// words can then never match. Values with non-ASCII bytes are always accepted.
struct TermPrefilter {
    private enum Test {
        case words([[UInt8]])
        case pattern([UInt8])
        case never
    }

    private let tests: [Test]

    /// Nil when some term matches everything (a term without words).
    init?(_ terms: [SearchTerm]) {
        var tests: [Test] = []
        for term in terms {
            switch term.mode {
            case .match:
                let words = TermMatcher.words(of: term.text).map { Array($0.utf8) }
                if words.isEmpty { return nil }
                tests.append(words.allSatisfy { $0.allSatisfy { $0 < 0x80 } } ? .words(words) : .never)
            case .wild:
                let pattern = Array(TermMatcher.fold(term.text).utf8)
                tests.append(pattern.allSatisfy { $0 < 0x80 } ? .pattern(pattern) : .never)
            }
        }
        self.tests = tests
    }

    func mayMatch(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        if value.contains(where: { $0 >= 0x80 }) { return true }
        return tests.contains { test in
            switch test {
            case .words(let words): words.allSatisfy { Self.contains(value, $0) }
            case .pattern(let pattern): Self.glob(pattern[...], value[...])
            case .never: false
            }
        }
    }

    private static func lower(_ byte: UInt8) -> UInt8 {
        byte >= 65 && byte <= 90 ? byte + 32 : byte
    }

    /// Whether lower-cased `value` contains `word` (already lower-case).
    private static func contains(_ value: UnsafeBufferPointer<UInt8>, _ word: [UInt8]) -> Bool {
        if word.count > value.count { return false }
        for start in 0...(value.count - word.count) where (0..<word.count).allSatisfy({ lower(value[start + $0]) == word[$0] }) {
            return true
        }
        return false
    }

    /// `*` matches any run of bytes; every other pattern byte matches itself (value lower-cased).
    private static func glob(_ pattern: ArraySlice<UInt8>, _ value: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        var p = pattern.startIndex
        var v = value.startIndex
        var star: Int?
        var mark = v
        while v < value.endIndex {
            if p < pattern.endIndex, pattern[p] != 42, pattern[p] == lower(value[v]) {
                p += 1
                v += 1
            } else if p < pattern.endIndex, pattern[p] == 42 {
                star = p
                mark = v
                p += 1
            } else if let star {
                p = star + 1
                mark += 1
                v = mark
            } else {
                return false
            }
        }
        while p < pattern.endIndex, pattern[p] == 42 { p += 1 }
        return p == pattern.endIndex
    }
}
