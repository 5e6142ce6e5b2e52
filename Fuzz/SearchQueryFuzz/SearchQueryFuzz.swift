// libFuzzer target: the search query parser (`SearchQuery`) and the term folding it is built on
// (see FUZZING.md). The input is split at the first NUL byte into a query and a term; the term is folded
// as the index folds descriptions and classified against the query on both the byte and the String path.
import Foundation
import TerminologyStore
import FuzzSupport
@testable import ConceptSearch

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = UnsafeBufferPointer(start: data, count: size)
    let split = input.firstIndex(of: 0) ?? size
    let queryText = String(decoding: UnsafeBufferPointer(rebasing: input[..<split]), as: UTF8.self)
    let termText = split < size ? String(decoding: UnsafeBufferPointer(rebasing: input[(split + 1)...]), as: UTF8.self) : queryText

    let query = SearchQuery(queryText)
    check(query.words.allSatisfy { !$0.isEmpty }, "a query word without spellings")
    check(query.phrases.allSatisfy { $0.count == query.words.count }, "phrases of different lengths")
    _ = query.headExpression
    _ = query.allWordsExpression()
    _ = query.allWordsExpression(extra: query.words)
    for index in query.words.indices { _ = query.alternatives(index) }

    for family in TermFolding.Family.allCases {
        let folded = TermFolding.fold(termText, family: family)
        let words = TermFolding.words(folded)
        check(words.allSatisfy { !$0.isEmpty }, "empty word")
        guard !query.isEmpty else { continue }
        let byString = query.classify(folded)
        let byBytes = Array(folded.utf8).withUnsafeBufferPointer { query.classify($0) }
        check(byString == byBytes, "classify differs: \(byString) by String, \(byBytes) by bytes for \(queryText.debugDescription) / \(folded.debugDescription)")
        if termText == queryText, family == .general, !words.isEmpty {
            check(byString == .exact, "the query's own text does not match it exactly: \(queryText.debugDescription) (\(byString))")
        }
    }
    _ = TermFolding.semanticTag(ofFSN: termText)
    return 0
}

@main enum FuzzMain {
    static func main() { FuzzDriver.run(fuzz) }
}
