import GRDB
import RF2
import TerminologyStore

/// Candidate descriptions for a `term =` filter from the search index, instead of reading every
/// description of every concept (seconds for a large hierarchy).
///
/// The candidates must include every description that ``TermMatcher`` accepts; the filters then check each
/// one exactly. `match:` requires every query word to start a word of the (Foundation-folded) term. For a
/// query word of ASCII letters and digits that word of the term starts an index token (the term folded by
/// ``TermFolding`` and split by FTS5's `unicode61`, whose letters and digits are Swift's), and either
/// - the token starts with the query word: both foldings lower-case ASCII and map accented Latin letters to
///   the same base letter, and where they differ (`ø`, `æ`, `ß`) Foundation keeps a non-ASCII letter that
///   no ASCII query word can match; or
/// - the token starts with a shorter prefix of the query word followed by a non-ASCII character that
///   Foundation folds to ASCII (`hjärta`, kept by the Swedish folding, is `hjarta` to the matcher). Such
///   tokens are read from the vocabulary by index range, one range per prefix length, and folded like the
///   matcher folds.
///
/// So each query word becomes `"word"*` OR those vocabulary tokens. The one gap: FTS5 also counts
/// private-use characters as letters, so a word that follows one inside a token (`x\u{E000}heart`) is not
/// found; SNOMED terms have none. `wild:` terms, query words that stay non-ASCII and negated filters read
/// every description.
///
/// The index covers fully specified names and synonyms of concepts in the concept table; descriptions of
/// other types (text definitions) are read from the `description_concept` index.
extension Evaluator {
    /// The descriptions of `concepts` that the index names as possibly passing the block's `term =` filter,
    /// as (concept, description) sorted by concept; nil when the block has no such filter the index can
    /// answer. Only fully specified names and synonyms: see ``unindexedDescriptions(of:)``.
    func indexedTermCandidates(_ filters: [DescriptionFilter], concepts: [Int64]) throws -> [(concept: Int64, description: Int64)]? {
        guard tuning.useSearchIndex else { return nil }
        guard
            let queries = filters.lazy.compactMap({ filter -> [[String]]? in
                guard case .term(.equal, let terms) = filter else { return nil }
                let queries = terms.map { $0.mode == .match ? TermMatcher.words(of: $0.text) : [] }
                return queries.allSatisfy({ !$0.isEmpty && $0.allSatisfy(Self.isIndexable) }) ? queries : nil
            }).first
        else { return nil }
        guard try searchIndex.isPresent else { return nil }

        var candidates: [(concept: Int64, description: Int64)] = []
        let conceptSet = IDPositions(concepts)
        for words in queries {
            var clauses: [String] = []
            for word in words {
                let alternatives = ["\"\(word)\"*"] + (try nonASCIITokens(startingLike: word)).map { "\"\($0)\"" }
                clauses.append("(\(alternatives.joined(separator: " OR ")))")
            }
            try searchIndex.forEachDescription(matching: clauses.joined(separator: " AND ")) { concept, description in
                try tick()
                if conceptSet.contains(concept) { candidates.append((concept, description)) }
            }
        }
        candidates.sort { ($0.concept, $0.description) < ($1.concept, $1.description) }
        return candidates
    }

    /// The descriptions of `concepts` outside the search index (types other than fully specified name and
    /// synonym, i.e. text definitions), grouped by concept. Many concepts: one pass over the
    /// `description_concept` index (1.8M entries on International for 18k definitions; seeking 100k+
    /// concepts in it costs as much). Few: a lookup per concept.
    func unindexedDescriptions(of concepts: [Int64]) throws -> [(concept: Int64, description: Int64)] {
        var result: [(concept: Int64, description: Int64)] = []
        let typeClause = "type_id <> \(WellKnown.fullySpecifiedName) AND type_id <> \(WellKnown.synonym)"
        if concepts.count >= tuning.scanFrom {
            let wanted = IDPositions(concepts)
            try forEachRow("SELECT concept_id, id FROM description WHERE \(typeClause)") { row in
                let concept = row.int64(0)
                if wanted.contains(concept) { result.append((concept, row.int64(1))) }
            }
        } else {
            try forEachRow("SELECT id FROM description WHERE concept_id = ? AND \(typeClause)", perID: concepts) { concept, row in
                result.append((concept, row.int64(0)))
            }
        }
        return result
    }

    /// Query words the index can answer: ASCII letters and digits (already folded by the matcher).
    private static func isIndexable(_ word: String) -> Bool {
        word.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) }
    }

    /// Whether a `type =` filter in the block limits it to fully specified names and synonyms.
    static func onlyIndexedTypes(_ filters: [DescriptionFilter]) -> Bool {
        filters.contains { filter in
            guard case .type(.equal, .ids(let types)) = filter else { return false }
            return types.allSatisfy { $0.id == WellKnown.fullySpecifiedName || $0.id == WellKnown.synonym }
        }
    }

    /// Vocabulary tokens that start with a proper prefix of `word` followed by a non-ASCII character and
    /// that have a word (as the matcher folds and splits) starting with `word`.
    private func nonASCIITokens(startingLike word: String) throws -> [String] {
        var tokens: [String] = []
        let bytes = Array(word.utf8)
        for length in 0..<bytes.count {
            let prefix = String(decoding: bytes[..<length], as: UTF8.self)
            // After the ASCII prefix: from the smallest non-ASCII character to the next prefix (or the end).
            let upper = length == 0 ? "\u{10FFFF}\u{10FFFF}" : String(decoding: bytes[..<(length - 1)] + [bytes[length - 1] + 1], as: UTF8.self)
            try searchIndex.forEachWord(from: prefix + "\u{80}", below: upper) { token in
                try tick()
                if TermMatcher.words(of: token).contains(where: { $0.hasPrefix(word) }) { tokens.append(token) }
            }
        }
        return tokens
    }
}
