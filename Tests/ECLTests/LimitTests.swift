import Foundation
import Testing
@testable import ECL

/// The parser's and evaluator's documented limits: nesting, text sizes and the evaluation time limit. Each
/// is an error that says which limit, never a crash or unbounded work.
@Suite struct LimitTests {
    static func nested(_ levels: Int, _ inner: String = "<< 404684003") -> String {
        String(repeating: "(", count: levels) + inner + String(repeating: ")", count: levels)
    }

    func limitError(_ text: String) -> ECLSyntaxError? {
        do {
            _ = try ECLParser.parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func nestingUpToTheLimitParses() throws {
        // The outer expression is one level, each bracket one more.
        #expect(throws: Never.self) { try ECLParser.parse(Self.nested(ECLParser.maximumNesting - 1)) }
        let error = try #require(limitError(Self.nested(ECLParser.maximumNesting)))
        #expect(error.isLimit)
        #expect(error.message == "expression nested too deeply: at most 100 levels of brackets, nested expressions and refinements (found '<')")
        #expect(error.column == 101)
    }

    @Test(arguments: [
        LimitTests.nested(50_000),
        "<< 404684003 : " + String(repeating: "(", count: 100_000) + "363698007 = *",
        "<< 404684003 : " + String(repeating: "363698007 = (<< 404684003 : ", count: 5_000),
        String(repeating: "<< (", count: 50_000),
        "<< 404684003 {{ +HISTORY " + String(repeating: "(", count: 50_000),
        "^ (" + String(repeating: "^ (", count: 50_000),
        "<< 404684003 {{ C moduleId = " + String(repeating: "(", count: 50_000),
    ])
    func deepInputIsALimitError(_ text: String) throws {
        let error = try #require(limitError(text))
        #expect(error.isLimit)
        #expect(error.message.hasPrefix("expression nested too deeply"))
    }

    /// Bracketed refinements are tried first and re-read as attributes when that fails; without memoising the
    /// failures, each `(` doubled the work (2^40 steps here).
    @Test func bracketBacktrackingIsLinear() throws {
        let error = try #require(limitError("<< 404684003 : " + String(repeating: "(", count: 40) + "363698007 = x"))
        #expect(!error.isLimit)
        #expect(error.message.hasPrefix("expected "))
        let nestedOK = try ECLParser.parse("<< 404684003 : " + String(repeating: "(", count: 30) + "363698007 = *" + String(repeating: ")", count: 30))
        guard case .refined = nestedOK else { Issue.record("expected a refinement"); return }
    }

    @Test func textSizes() throws {
        let long = String(repeating: "1", count: ECLParser.maximumLength + 1)
        let tooLong = try #require(limitError(long))
        #expect(tooLong.isLimit)
        #expect(tooLong.message == "expression is 200001 characters long; at most 200000 are accepted")

        let words = Array(repeating: "ab", count: 17).joined(separator: " ")
        let manyWords = try #require(limitError("<< 404684003 {{ term = \"\(words)\" }}"))
        #expect(manyWords.message == "search term has more than 16 words (found '\"')")
        #expect(manyWords.offset == 23)
        #expect(throws: Never.self) { try ECLParser.parse("<< 404684003 {{ term = \"\(Array(repeating: "ab", count: 16).joined(separator: " "))\" }}") }

        let longTerm = try #require(limitError("<< 404684003 {{ term = wild:\"\(String(repeating: "a", count: 257))\" }}"))
        #expect(longTerm.message == "search term is 257 characters long; at most 256 are accepted (found '\"')")

        let set = "(" + Array(repeating: "\"a\"", count: 33).joined(separator: " ") + ")"
        let bigSet = try #require(limitError("<< 404684003 {{ term = \(set) }}"))
        #expect(bigSet.message == "expected ')': a term set holds at most 32 terms (found '\"')")
    }

    @Test func evaluationStopsAtItsTimeLimit() throws {
        #expect {
            try ECLEngine.$timeLimit.withValue(.zero) { try SampleEdition.engine.evaluate("<< 404684003") }
        } throws: { error in
            (error as? ECLEvaluationError)?.message
                == "evaluation stopped at its time limit of 0 s; narrow the expression (a hierarchy, refset or filter that selects fewer concepts)"
        }
        let limited = try ECLEngine.$timeLimit.withValue(.seconds(60)) { try SampleEdition.engine.evaluate("<< 404684003") }
        #expect(limited.total == (try SampleEdition.engine.evaluate("<< 404684003")).total)
    }
}
