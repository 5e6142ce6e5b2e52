import Foundation

/// Case and diacritic folding for search, by the language of the text.
///
/// Users type without accents (`deja vu` must find `Déjà vu`), but in the Nordic languages æ ø å (Norwegian,
/// Danish) and å ä ö (Swedish) are letters of their own: folding `ø` to `o` would merge `søt` and `sot`.
/// The index folds each description by its language; a query is folded in every family and the variants
/// are OR-ed, so the same query works against terms of any language.
public enum TermFolding {
    /// The folding rules of a group of languages.
    public enum Family: Int, Sendable, CaseIterable {
        /// Every diacritic folds.
        case general
        /// Norwegian and Danish: æ ø å are kept.
        case norwegianDanish
        /// Swedish: å ä ö are kept.
        case swedish

        public init(languageCode: String) {
            switch languageCode.lowercased().prefix(2) {
            case "no", "nb", "nn", "da": self = .norwegianDanish
            case "sv": self = .swedish
            default: self = .general
            }
        }

        var kept: Set<Character> {
            switch self {
            case .general: []
            case .norwegianDanish: ["æ", "ø", "å"]
            case .swedish: ["å", "ä", "ö"]
            }
        }
    }

    /// Letters that do not decompose into a base letter and a combining mark.
    private static let special: [Character: String] = [
        "æ": "ae", "ø": "o", "œ": "oe", "ß": "ss", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i",
    ]

    /// Lower-cases and folds `text`; ASCII text takes a byte-level fast path (most of the International edition).
    public static func fold(_ text: String, family: Family) -> String {
        var utf8 = Array(text.utf8)
        if utf8.allSatisfy({ $0 < 0x80 }) {
            for index in utf8.indices where utf8[index] >= 65 && utf8[index] <= 90 { utf8[index] += 32 }
            return String(decoding: utf8, as: UTF8.self)
        }
        let kept = family.kept
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text.lowercased() {
            if character.isASCII || kept.contains(character) {
                result.append(character)
            } else if let replacement = special[character] {
                result += replacement
            } else {
                for scalar in String(character).decomposedStringWithCanonicalMapping.unicodeScalars
                where scalar.properties.generalCategory != .nonspacingMark {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    /// Splits folded text into words the way FTS5's `unicode61` tokenizer does: runs of letters and digits.
    public static func words(_ folded: String) -> [Substring] {
        if folded.utf8.allSatisfy({ $0 < 0x80 }) {
            return folded.utf8.split { !isWordByte($0) }.map { Substring($0) }
        }
        return folded.split { character in !(character.isLetter || character.isNumber) }
    }

    /// An ASCII letter or digit: part of a word of ASCII text, as FTS5's `unicode61` tokenizer splits it.
    @inlinable @inline(__always) public static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90)
    }

    /// The semantic tag of a fully specified name: the text inside the last parentheses.
    public static func semanticTag(ofFSN term: String) -> String? {
        guard term.hasSuffix(")"), let open = term.lastIndex(of: "(") else { return nil }
        let tag = term[term.index(after: open)..<term.index(before: term.endIndex)]
        return tag.isEmpty ? nil : String(tag)
    }
}
