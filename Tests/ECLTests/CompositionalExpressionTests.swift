import Testing
@testable import ECL

/// SNOMED CT compositional grammar as FHIR codes carry it: parsing, canonical equality, display form, errors.
@Suite struct CompositionalExpressionTests {
    @Test("a refined expression parses into focus, groups and attributes; terms are kept")
    func parsesGroups() throws {
        let expression = try CompositionalExpression.parse("367430006 |Repair of tendon of hand| : { 272741003 |Laterality| = 24028007 |Right| }")
        #expect(expression.focus.map(\.id) == [367430006])
        #expect(expression.focus.first?.term == "Repair of tendon of hand")
        #expect(expression.ungrouped.isEmpty)
        #expect(expression.groups.count == 1)
        #expect(expression.groups.first?.first?.name.id == 272741003)
        #expect(expression.groups.first?.first?.value == .concept(ConceptReference(id: 24028007, term: "Right")))
        #expect(expression.conceptIds == [367430006, 272741003, 24028007])
    }

    @Test("ungrouped attributes, several focus concepts, nested and concrete values, definition status")
    func parsesTheRest() throws {
        let expression = try CompositionalExpression.parse("=== 22298006 + 414545008 : 363698007 = 80891009, 116676008 = (55641003 : 1142135004 = #500)")
        #expect(expression.definitionStatus == "===")
        #expect(expression.focus.map(\.id) == [22298006, 414545008])
        #expect(expression.ungrouped.map(\.name.id) == [363698007, 116676008])
        guard case .nested(let inner) = expression.ungrouped.last?.value else {
            Issue.record("expected a nested value")
            return
        }
        #expect(inner.ungrouped.first?.value == .concrete("#500"))
        #expect(expression.conceptIds == [22298006, 414545008, 363698007, 80891009, 116676008, 55641003, 1142135004])
    }

    @Test("equality ignores terms, spacing and the order of attributes and groups")
    func normalizedEquality() throws {
        let a = try CompositionalExpression.parse("128241005:{363698007=181268008,116676008=23583003},{363698007=10200004}")
        let b = try CompositionalExpression.parse(
            "128241005 |Inflammatory disorder of liver| : { 363698007 = 10200004 }, { 116676008 = 23583003 , 363698007 = 181268008 }")
        #expect(a.normalized == b.normalized)
        let c = try CompositionalExpression.parse("128241005:{363698007=10200004}")
        #expect(a.normalized != c.normalized)
    }

    @Test("the display form labels every concept with the given terms")
    func rendered() throws {
        let expression = try CompositionalExpression.parse("367430006:{272741003=24028007}")
        let terms: [Int64: String] = [367430006: "Repair of tendon of hand", 272741003: "Laterality", 24028007: "Right"]
        #expect(expression.rendered(terms: terms) == "367430006|Repair of tendon of hand|:{272741003|Laterality|=24028007|Right|}")
        #expect(try CompositionalExpression.parse("22298006:363698007=80891009").rendered(terms: [:]) == "22298006:363698007=80891009")
    }

    @Test(
        "malformed expressions name what and where",
        arguments: [
            ("freetext", "Concept not found (next char = \"f\", in \"freetext\") at character 1"),
            ("367430006:", "expected a refinement after ':' at character 11"),
            ("367430006:{272741003=24028007", "expected '}' but the expression ends at character 30"),
            ("367430006:{272741003 24028007}", "expected '=' but found '2' at character 22"),
            ("12345:363698007=80891009", "'12345' is not an SCTID (6 to 18 digits) at character 1"),
            ("367430006 |Repair:{272741003=24028007}", "unterminated term (missing '|') at character 39"),
            ("367430006 367430006", "unexpected '3' after the expression at character 11"),
        ])
    func errors(text: String, message: String) {
        #expect(throws: CompositionalExpressionError.self) { try CompositionalExpression.parse(text) }
        do {
            _ = try CompositionalExpression.parse(text)
        } catch {
            #expect(error.description == message)
        }
    }

    @Test("nesting is bounded: a crafted code cannot exhaust the stack")
    func nestingLimit() throws {
        func nested(_ levels: Int) -> String {
            String(repeating: "22298006:363698007=(", count: levels) + "80891009" + String(repeating: ")", count: levels)
        }
        #expect(try CompositionalExpression.parse(nested(100)).conceptIds.count == 100 * 2 + 1)
        #expect(throws: CompositionalExpressionError.self) { _ = try CompositionalExpression.parse(nested(101)) }
        #expect(throws: CompositionalExpressionError.self) {
            _ = try CompositionalExpression.parse(String(repeating: "22298006:363698007=(", count: 100_000))
        }
    }

    @Test("codes that are not plain concept ids are read as expressions")
    func looksLikeExpression() {
        #expect(!CompositionalExpression.looksLikeExpression("22298006"))
        #expect(CompositionalExpression.looksLikeExpression("22298006:363698007=80891009"))
        #expect(CompositionalExpression.looksLikeExpression("freetext"))
        #expect(CompositionalExpression.looksLikeExpression(""))
    }
}
